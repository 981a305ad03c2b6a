"""Claims and speakers in court papers (round 8, issue 17): each rule on short made-up
passages of the shapes real orders, opinions and filings use."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse


def _claims(text: str, kind: str) -> list[tuple[str | None, str, str]]:
    return [
        (c.speaker, c.verb, c.sentence)
        for c in analyse(text, published=None, known=[], kind=kind).claims
    ]


def test_a_courts_announced_disposition_is_its_ruling() -> None:
    text = (
        "ORDER\n\nJANE Q. ROE, UNITED STATES DISTRICT JUDGE\n\n"
        "Before the Court is the defendant's motion to dismiss. Having considered the briefs, "
        "the Court will grant the motion in part. If the plaintiff does not amend within "
        "thirty days, the Court will dismiss the action."
    )
    claims = _claims(text, "order")
    assert [(s, v) for s, v, _ in claims] == [("Jane Q. Roe", "granted")]  # the "if" is none
    assert claims[0][2].startswith("Having considered")


def test_a_disposition_in_capitals_is_the_courts_ruling_however_it_is_parsed() -> None:
    text = (
        "Hon. Mary Poe, United States District Judge\n"
        "Based on the reasons below, the Court GRANTS Defendant's motion to dismiss WITH LEAVE "
        "TO AMEND."
    )
    assert [(s, v) for s, v, _ in _claims(text, "order")] == [("Mary Poe", "granted")]


def test_a_judge_on_a_line_of_their_own_is_the_orders_judge() -> None:
    text = (
        "Case No. 10-1234\n\nHonorable Mary A. Poe\n\nORDER GRANTING DEFENDANTS' MOTION TO "
        "DISMISS\n\nDefendants say the count must be dismissed. Defendants' Motion to Dismiss "
        "is GRANTED."
    )
    ruled = [c for c in _claims(text, "order") if c[1] == "granted"]
    assert [s for s, _, _ in ruled] == ["Mary A. Poe"]


def test_a_flattened_caption_names_the_courts_own_court() -> None:
    text = (
        "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF DELAWARE ACME WIDGETS, INC. , "
        "Plaintiff, V. Civil Action No. 21-100 JOHN DOE, Defendant. MEMORANDUM Before me is "
        "Defendant's motion to dismiss. For the reasons set forth below, Defendant's motion is "
        "GRANTED in part and DENIED in part."
    )
    speakers = {s for s, _, _ in _claims(text, "order")}
    assert speakers == {"United States District Court for the District of Delaware"}


def test_the_court_below_is_the_one_the_caption_appeals_from() -> None:
    text = (
        "Appeal from the United States District Court for the Southern District of Ohio.\n\n"
        "Before SMITH, JONES, and BROWN, Circuit Judges.\n\n"
        "Acme Corp. appeals a judgment awarding damages to Beta LLC. The district court found "
        "that Acme breached the contract. It denied Acme's request for a new trial. On "
        "appeal, Acme contends that no contract was formed."
    )
    claims = [(s, v) for s, v, _ in _claims(text, "opinion")]
    below = "United States District Court for the Southern District of Ohio"
    assert (below, "found") in claims
    assert (below, "denied") in claims  # "It" after the court's claim: that court
    assert ("Acme Corp.", "argued") in claims


def test_a_defined_short_name_speaks_for_the_party_it_names() -> None:
    text = (
        "The employee was injured while working for Create and Build, LLC (\u201cEmployer\u201d). "
        "Employer filed a notice of appeal, stating that it never received the claim."
    )
    claims = _claims(text, "opinion")
    assert [v for _, v, _ in claims] == ["said"]
    assert str(claims[0][0]).startswith("Create and Build")  # not "Employer"


def test_collectively_defined_parties_are_the_first_of_their_list() -> None:
    listed = (
        "Plaintiffs Blue River Logistics, Inc. and Contoso Holdings Corporation (collectively "
        "\u201cRiver\u201d) filed a response. River claims that it owns two trade secrets."
    )
    assert [(s, v) for s, v, _ in _claims(listed, "order")] == [
        ("Blue River Logistics, Inc.", "claimed")
    ]
    # The list's first party is no entity here: its short name is not given to the second.
    unnamed = listed.replace("Blue River Logistics, Inc.", "Northwind Traders Corporation")
    unnamed = unnamed.replace("River", "Northwind")
    assert not any("Contoso" in str(s) for s, _, _ in _claims(unnamed, "order"))


def test_a_party_role_is_the_name_written_after_it_when_no_entity_holds_it() -> None:
    text = (
        "Plaintiff Zorblax, LLC commenced this action against Defendant Quib Trading, Inc. "
        "Plaintiff alleges that Quib sold its goods to resellers."
    )
    alleged = [s for s, v, _ in _claims(text, "order") if v == "alleged"]
    assert alleged and all(s is not None and "Zorblax" in s for s in alleged)


def test_a_lower_case_role_in_an_opinion_is_the_party_the_text_names_so() -> None:
    text = (
        "Defendant Jack Doe posted a review of the inn owned by plaintiff Mary Roe. In the "
        "review, defendant characterized the inn as a \u201cdisaster.\u201d He stated further "
        "that Roe \u201cchanged the rules.\u201d"
    )
    claims = [(s, v) for s, v, _ in _claims(text, "opinion")]
    assert ("Jack Doe", "other") in claims
    assert ("Jack Doe", "said") in claims  # "He": the speaker of the claim before


def test_count_i_is_no_pronoun_and_pleaded_counts_are_no_claim() -> None:
    text = (
        "ORDER\n\nPlaintiff Mary Roe brings this action. Plaintiff's complaint asserts two counts "
        "under 42 U.S.C. \u00a7 1983. Count I asserts that the officers used excessive force."
    )
    claims = [(s, v) for s, v, _ in _claims(text, "order")]
    assert claims == [("Mary Roe", "claimed")]  # Count I's, the pleader's; not the court's


def test_reporting_participles_and_their_progressive_or_parenthetical_forms() -> None:
    text = (
        "Acme Corp. takes this appeal from the judgment, contending that the contract was "
        "void. Especially when we are explaining why we lack jurisdiction, we must be careful."
    )
    claims = [(s, v) for s, v, _ in _claims(text, "opinion")]
    assert claims == [("Acme Corp.", "argued")]


def test_we_affirm_is_the_courts_ruling_however_the_bare_verb_is_parsed() -> None:
    text = (
        "Fourth Court of Appeals\nMEMORANDUM OPINION\nIn this appeal, appellant asserts the "
        "trial court erred in sustaining the objections. We affirm."
    )
    verbs = [v for _, v, _ in _claims(text, "opinion")]
    assert verbs.count("ruled") == 1


def test_a_party_named_with_its_role_in_apposition_or_left_unnamed() -> None:
    text = (
        "Appeal from the 342nd District Court, Tarrant County.\nOPINION\nMary K. Doe, "
        "appellant, alleged that she was injured in the collision. Appellant is claiming that "
        "the award is too small. We affirm the judgment of the trial court."
    )
    claims = [(s, v) for s, v, _ in _claims(text, "opinion")]
    assert claims[:2] == [("Mary K. Doe", "alleged"), ("Mary K. Doe", "claimed")]
    assert claims[2][1] == "ruled"
    assert claims[2][0] != "342nd District Court"  # the court appealed from is not the author
    unnamed = "RULING ON MOTION TO COMPEL\nThe plaintiff claims that the answers were evasive."
    assert [(s, v) for s, v, _ in _claims(unnamed, "order")] == [(None, "claimed")]


def test_a_caption_party_is_the_name_line_nearest_its_role() -> None:
    text = (
        "Fourth Court of Appeals\nSan Antonio, Texas\nMEMORANDUM OPINION\nNo. 04-15-00077-CV\n"
        "Harry Oliver WINKENHOWER,\nAppellant\nv.\nGeorge SMITH,\nAppellee\n\n"
        "In this appeal, appellant asserts that the trial court erred."
    )
    claims = [(s, v) for s, v, _ in _claims(text, "opinion")]
    assert claims == [("Harry Oliver Winkenhower", "claimed")]


def test_urging_a_view_is_an_argument_and_urging_an_act_a_request() -> None:
    text = (
        "Jane Roe, appellant, filed her notice late. She urges that the deadline should not "
        "have begun until she received notice. She also urges the Court to hear the appeal."
    )
    claims = [(s, v, t[:20]) for s, v, t in _claims(text, "opinion")]
    assert claims == [("Jane Roe", "argued", "She urges that the d")]
