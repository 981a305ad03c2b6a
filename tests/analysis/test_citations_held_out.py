"""Citations of court papers from courts no earlier round tuned to (docs/evaluation.md, "Round 9:
citations held out"). Each passage is a short quote of a real public court paper, its address in
the test's docstring; the forms are classes (a record cite by page, a docket entry by "#", a
public-domain citation, a state's rule numbered "56.06"), not the one paper's words."""

from __future__ import annotations

from casebase.analysis.citations import find_citations


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.normalized) for c in find_citations(text)]


def _texts(text: str) -> list[str]:
    return [c.text for c in find_citations(text)]


def test_a_public_domain_citation_joined_by_hyphens_in_a_paragraph_without_a_reporter() -> None:
    """http://print.casetext.com/case/gales-v-ohio-dept-of-pub-safety (Ohio's Tenth District):
    the paragraph holds no "volume reporter" shape, so eyecite was never given it."""
    text = (
        '{¶ 3} Effective July 1, 2012, the State of Ohio ("the state") and FOP entered into a '
        'collective bargaining agreement ("CBA") which permitted the parties to submit certain '
        "disputes to arbitration. State v. FOP of Ohio, Inc., 10th Dist. No. 16AP-457, "
        "2017-Ohio-1382, ¶ 2."
    )
    assert ("case", "2017-Ohio-1382", "2017-Ohio-1382") in _found(text)
    assert ("docket", "16AP-457", "16AP-457") in _found(text)


def test_a_common_pleas_number_after_a_court_abbreviation_and_a_paper_cited_by_its_date() -> None:
    """http://print.casetext.com/case/gales-v-ohio-dept-of-pub-safety: Franklin County's
    "(C.P.C. No. 19CV-3311)" and the Tenth District's "(Apr. 22, 2019 App. to Vacate at 1.)"."""
    text = (
        "(C.P.C. No. 19CV-3311) (REGULAR CALENDAR) DECISION\n"
        "{¶ 2} Gales is a former employee of the OSHP, which is a division of the ODPS. (May 20, "
        "2019 Mot. to Dismiss at 2.) While employed by the OSHP, Gales was a member of the "
        'Fraternal Order of Police ("FOP"). (Apr. 22, 2019 App. to Vacate at 1.)'
    )
    assert _texts(text) == [
        "19CV-3311",
        "Mot. to Dismiss at 2",
        "Apr. 22, 2019 App. to Vacate at 1",
    ]


def test_ohio_names_the_district_and_the_county_before_no() -> None:
    """http://ecases.us/mobile/case/ohio/c5108997/state-v-jones-slip-opinion: "1st Dist.
    Hamilton No. C-170358"; a county alone ("Hamilton County, No." is punctuation) or a word
    that is no district ("the Hamilton No. 5") gives nothing new."""
    text = (
        "120 N.E.3d 865, quoting 1st Dist. Hamilton No. C-170358 (Jan. 11, 2019). "
        "He drove the Hamilton No. 5 bus."
    )
    assert ("docket", "C-170358", "C-170358") in _found(text)
    assert not any(c.text == "5" for c in find_citations(text))


def test_a_bare_id_in_parentheses() -> None:
    """http://print.casetext.com/case/salisbury-v-commr-of-soc-sec (N.D. Ohio): "(Id.)" closes a
    sentence citing the transcript before it."""
    text = (
        'On May 24, 2011, Administrative Law Judge Barbara Sheehe (the "ALJ") convened a hearing '
        "in Akron, Ohio to evaluate Plaintiff's applications. (Tr. 26-50). Plaintiff appeared "
        "with counsel and testified before the ALJ. (Id.)."
    )
    found = find_citations(text)
    assert [c.text for c in found] == ["Tr. 26-50", "Id."]
    assert found[1].kind == "short_form" and found[1].normalized == "Tr. 26-50"


def test_docket_entries_by_hash_in_square_brackets_and_in_capitals() -> None:
    """https://case-law.vlex.com/vid/mehic-v-dana-farber-885014604 (D. Mass.): "[#51]",
    "Report and Recommendation [#77]", "(DOCKET ENTRY # 51)"."""
    text = (
        "On July 28, 2016, Defendants moved for partial dismissal of Plaintiff's amended "
        "complaint. [#51]. This court referred the motion to the Magistrate Judge [#58], who "
        "filed her Report and Recommendation on January 25, 2017. [#77].\n"
        "REPORT AND RECOMMENDATION RE: DEFENDANTS' PARTIAL MOTION TO DISMISS (DOCKET ENTRY # 51)"
    )
    assert _texts(text) == ["#51", "#58", "#77", "DOCKET ENTRY # 51"]
    assert find_citations(text)[-1].normalized == "Docket Entry 51"


def test_a_list_of_docs() -> None:
    """https://print.casetext.com/case/pinto-v-collier-cnty-2 (M.D. Fla.): "(Docs. 145, 152,
    153, 154.)" is one reference to four entries, as "ECF Nos." is; the plural as written (round
    10: the scorer's key tells "Docs." from "Doc.", as the guidelines keep "Nos.")."""
    text = (
        "Defendants' respective motions for summary judgment are currently pending before the "
        "Court. (Docs. 145, 152, 153, 154.)"
    )
    assert _found(text) == [("record", "Docs. 145, 152, 153, 154", "Docs. 145, 152, 153, 154")]


def test_the_record_by_page() -> None:
    """https://docs.justia.com/cases/federal/district-courts/colorado/codce/1:2017cv03029/176407/19
    (D. Colo.): "(R. at 65.)"; "R. 12(b)(6)" in brackets is a rule's name, no record."""
    text = (
        "His highest level of educational achievement is an associate's degree. (R. at 65.) In "
        "the fifteen years preceding the alleged onset date, he worked as a plastic products "
        "hand finisher. (R. at 80, 113.) A motion (R. 12(b)(6) motion) is no record."
    )
    assert _texts(text) == ["R. at 65", "R. at 80, 113"]


def test_the_district_of_nebraska_cites_its_docket_entries_as_filings() -> None:
    """https://app.midpage.ai/document/dahlgren-v-first-national-bank-1000019129182 and
    https://docs.justia.com/cases/federal/district-courts/nebraska/nedce/8:2009cv00159/47667/82
    (D. Neb.): "(filing 207)", "(see filing 190)", "(See filing 210 at 1 & n. 1", "(Filing No.
    56)", "See Filing No. 1.", and its compact case number "8:09CV159"."""
    text = (
        "(1) The defendant's motion for oral argument on its motion for summary judgment "
        "(filing 207) is granted. The court will start with the motion directed against the "
        "claims of Theodore Collin (see filing 190). (See filing 210 at 1 & n. 1, where the "
        "plaintiffs abandon any claim.)\n"
        "Defendants. ) 8:09CV159 ORDER This matter is before the court on the plaintiff's Motion "
        "to Compel (Filing No. 56). See Filing No. 1."
    )
    assert _texts(text) == [
        "filing 207",
        "filing 190",
        "filing 210 at 1",
        "8:09CV159",
        "Filing No. 56",
        "Filing No. 1",
    ]
    assert ("docket", "8:09CV159", "09-cv-00159") in _found(text)


def test_case_numbers_of_seven_to_ten_digits_after_a_docket_word() -> None:
    """Utah's district court "No. 130400213" on its own line
    (https://cetient.com/case/5138602/evans-v-utah-department-of-transp), North Dakota's
    "Docket No.: 20180049" (https://www.ndcourts.gov/supreme-court/opinions?page=22&pageSize=100),
    Harris County's "Trial Court Cause No. 1505214" (http://ecases.us/mobile/case/texapp/c444065/
    jose-werner-munguia-v-the-state-of-texas); never after an abbreviation or an account."""
    text = (
        "The Honorable Lynn W. Davis\nNo. 130400213\n"
        "State v. Hussein 2018 ND 209\nDocket No.: 20180008\n"
        "On Appeal from the 209th District Court Harris County, Texas Trial Court Cause No. "
        "1505214 SUBSTITUTE OPINION. U.S. Pat. No. 1234567; Account No. 123456789."
    )
    assert [c.normalized for c in find_citations(text) if c.kind == "docket"] == [
        "130400213",
        "20180008",
        "1505214",
    ]


def test_a_case_number_alone_under_the_opinion_heading_or_after_a_docket_number_label() -> None:
    """http://print.casetext.com/case/bell-v-st-joseph-mut-ins-co (Minnesota's "A22-1433" under
    "Opinion"; the date under it and a year are no docket) and
    http://ecases.us/mobile/case/iowa/c3263763/miller-v-marshall-county ("DocketNumber:
    00-0341")."""
    text = "Opinion\n\nA22-1433\n\n05-01-2023\n\nOPINION\n2014\n"
    assert _texts(text) == ["A22-1433"]
    assert _texts("DocketNumber: 00-0341\nJudges: Cady\nFiled Date: 2/27/2002") == ["00-0341"]


def test_a_bare_rule_of_the_one_state_set_a_text_cites() -> None:
    """Minnesota numbers its rules "56.06", "3.01(c)"
    (http://print.casetext.com/case/bell-v-st-joseph-mut-ins-co,
    https://civilprocedureopinions.justia.com/category/minnesota-supreme-court/page/2/); Iowa
    writes "rule 215.1" in lower case after "Iowa Rule of Civil Procedure 215.1"
    (http://ecases.us/case/iowa/c804421/doland-v-boone-county)."""
    minnesota = (
        "Citing Minn. R. Civ. P. 56.06, the district court granted summary judgment for St. "
        "Joseph. Rule 56.06 allows a district court to grant summary judgment independent of a "
        "party's motion. The sheriffs completed service, thus commencing Plaintiff's action "
        "under Rule 3.01(a)."
    )
    assert [c.normalized for c in find_citations(minnesota)] == [
        "Minn. R. Civ. P. 56.06",
        "Minn. R. Civ. P. 56.06",
        "Minn. R. Civ. P. 3.01(a)",
    ]
    iowa = (
        "This appeal raises procedural issues involving the proper interpretation of portions of "
        "Iowa Rule of Civil Procedure 215.1 which provides for dismissal of cases for want of "
        "prosecution. Plaintiffs' case was dismissed pursuant to rule 215.1 for want of "
        "prosecution."
    )
    assert [c.normalized for c in find_citations(iowa)] == ["Iowa R. Civ. P. 215.1"] * 2
