"""Claims: reporting verbs, speakers (including pronouns and "the judge"), quotes, spans."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.types import Analysis, KnownEntity

from .conftest import AP_JUDGE_DENIES, AP_PUBLISHED, SEED_KNOWN, TOKEN_TIMES, TOKENFEED


def _claims(analysis: Analysis) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.verb) for c in analysis.claims]


def test_news_report_claims_and_speakers() -> None:
    analysis = analyse(AP_JUDGE_DENIES, published=AP_PUBLISHED, known=[])
    claims = _claims(analysis)
    assert ("Yvonne Gonzalez Rogers", "ruled") in claims  # "U.S. District Judge Y.G.R. ruled"
    assert ("Yvonne Gonzalez Rogers", "wrote") in claims  # "..., the judge wrote."
    assert ("OpenAI", "said") in claims
    ruled = next(c for c in analysis.claims if c.verb == "ruled")
    assert ruled.quote == "Musk has not demonstrated likelihood of success on the merits"
    assert AP_JUDGE_DENIES[ruled.start : ruled.end] == ruled.sentence
    # "She offered to hold a trial": "hold" is not "held that", so no ruling there.
    assert not any(c.sentence.startswith("She offered") for c in analysis.claims)


def test_pronoun_resolves_to_the_previous_subject() -> None:
    analysis = analyse(TOKENFEED, published=None, known=SEED_KNOWN)
    said = [c for c in analysis.claims if c.verb == "said"]
    assert [c.speaker for c in said] == ["Elon Musk", "Elon Musk"]
    assert said[1].quote == "Partly."
    assert said[0].quote == "generally all the AI companies"


def test_participle_shares_the_subject() -> None:
    analysis = analyse(TOKEN_TIMES, published=None, known=SEED_KNOWN)
    claims = _claims(analysis)
    assert ("Elon Musk", "testified") in claims
    assert ("Elon Musk", "accused") in claims  # "Musk filed suit ..., accusing the nonprofit"
    testified = next(c for c in analysis.claims if c.verb == "testified")
    assert testified.speaker_slug == "elon-musk"
    assert testified.content.startswith("xAI, his AI startup founded in 2023, used OpenAI's")
    # The content of an accusation is what the accused did, never the accused.
    accused = next(c for c in analysis.claims if c.verb == "accused")
    assert accused.content.startswith("abandoning its founding mission")


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    text = "Sam Altman met Elon Musk in 2015. He said the lab would be open."
    analysis = analyse(text, published=None, known=[])
    said = next(c for c in analysis.claims if c.verb == "said")
    assert said.speaker == "Sam Altman"


def test_unclear_pronoun_is_not_guessed() -> None:
    text = "Sam Altman and Elon Musk met in 2015. He said the lab would be open."
    analysis = analyse(text, published=None, known=[])
    said = next(c for c in analysis.claims if c.verb == "said")
    assert said.speaker is None


def test_according_to_a_person_is_said() -> None:
    text = "According to Sam Altman, the company never promised to stay a nonprofit."
    analysis = analyse(text, published=None, known=[])
    assert _claims(analysis) == [("Sam Altman", "said")]


def test_nouns_and_adjectives_are_not_reporting_verbs() -> None:
    text = (
        "The claims were found in a 2024 complaint. The ruling is under appeal. "
        "Musk has denied wrongdoing."
    )
    analysis = analyse(text, published=None, known=SEED_KNOWN)
    assert _claims(analysis) == [("Elon Musk", "denied")]


def test_lawyers_speak_for_their_client() -> None:
    # https://efinder.lk/news/article/openai-trial-updates-board-chair-taylor-continues-testimony-altman-set-to-take-s
    text = (
        "OpenAI CEO Sam Altman is slated to testify in federal court in Oakland, California, on "
        "Tuesday as part of the trial in Elon Musk's lawsuit against the artificial intelligence "
        "company.\nAltman is expected to take the stand after Bret Taylor, the chairman of the "
        "board at OpenAI, concludes his testimony, his lawyers told Judge Yvonne Gonzalez Rogers "
        "on Monday.\n"
    )
    analysis = analyse(text, published=None, known=[])
    told = next(c for c in analysis.claims if c.verb == "told")
    assert told.speaker == "Sam Altman"


def test_several_claims_in_one_sentence() -> None:
    # https://news.az/news/judge-signals-musks-xai-lawsuit-against-openai-may-be-dismissed
    text = (
        "U.S. District Judge Rita Lin in San Francisco said her “tentative view” is to "
        "grant OpenAI’s motion to dismiss the case.\n\n"
        "In a four-page filing outlining her preliminary assessment, Judge Lin said xAI did not "
        "plausibly show that OpenAI acquired or encouraged the theft of trade secrets. While xAI "
        "alleged that some departing employees downloaded source code before leaving, the judge "
        "said the complaint did not convincingly connect those actions to OpenAI."
    )
    analysis = analyse(text, published=None, known=[])
    second = [(c.speaker, c.verb) for c in analysis.claims if c.sentence.startswith("While")]
    assert second == [("xAI", "alleged"), ("Rita Lin", "said")]


def test_a_verb_inside_a_claim_needs_its_own_clause() -> None:
    # https://photonews.com.pk/openai-accuses-deepseek-ai-distillation: "wrote code" is no claim.
    text = (
        "OpenAI further claimed that DeepSeek employees wrote code to retrieve outputs from US AI "
        "systems programmatically."
    )
    analysis = analyse(text, published=None, known=[])
    assert [(c.speaker, c.verb) for c in analysis.claims] == [("OpenAI", "claimed")]


def test_a_filing_speaks_for_the_party_that_filed_it() -> None:
    # https://news.az/news/judge-signals-musks-xai-lawsuit-against-openai-may-be-dismissed
    text = (
        "The lawsuit, filed by xAI in September, alleges that OpenAI hired away xAI employees in "
        "order to obtain confidential information linked to Grok, xAI\u2019s AI chatbot."
    )
    assert _claims(analyse(text, published=None, known=[])) == [("xAI", "alleged")]
    # https://www.ndtv.com/world-news/us-judge-dismisses-xai-trade-secrets-lawsuit-against-rival-openai-for-now-11132269
    # (the filer is not said where the parse can read it: the document as written).
    text = (
        "The lawsuit, filed in September, claimed that former xAI employees took source code "
        "related to its Grok chatbot and other confidential information with them when they "
        "left for new jobs at OpenAI."
    )
    assert _claims(analyse(text, published=None, known=[])) == [("lawsuit", "claimed")]
    # https://www.mitrade.com/es/articulo/news/live-news/article-3-1150682-20250926
    text = "About 35 million customers were affected, according to the complaint."
    assert [c.speaker for c in analyse(text, published=None, known=[]).claims] == ["complaint"]


def test_the_accused_is_never_the_speaker() -> None:
    # https://newscord.org/article/manuel-kroiss-and-ross-nordeen-exit-xai-leaving-no-original-cofounders--Story_20260314_CEOElonMuskDrivesxAI80e75df3
    text = "- Involves a lawsuit accusing OpenAI of betraying its nonprofit mission."
    speakers = [c.speaker for c in analyse(text, published=None, known=[]).claims]
    assert "OpenAI" not in speakers


def test_the_court_of_an_order_is_its_signing_judge() -> None:
    # http://casetext.com/case/meta-platforms-inc-v-bright-data-ltd-6
    text = (
        "EDWARD M. CHEN, UNITED STATES DISTRICT JUDGE\n\n"
        "For the reasons below, the Court DENIES Meta's cross-motion for partial summary "
        "judgment and GRANTS Bright Data's motion for summary judgment."
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [c.speaker for c in claims] == ["Edward M. Chen"]


def test_reported_speech_is_not_under_oath_but_testimony_is() -> None:
    analysis = analyse(TOKEN_TIMES, published=None, known=SEED_KNOWN)
    oath = {c.verb: c.under_oath for c in analysis.claims}
    assert oath["testified"] is True  # "Musk testified ...": the text says it was testimony
    assert oath["accused"] is False


def test_an_orders_passive_ruling_is_its_judges() -> None:
    # https://app.minerva26.com/case_law/64012-in-re-openai-inc-copyright-infringement-litig
    text = (
        "Filed May 16, 2025 Wang, Ona T., United States Magistrate Judge ORDER The Court is in "
        "receipt of OpenAI\u2019s motion for reconsideration. For the reasons below, OpenAI\u2019s "
        "motion is DENIED without prejudice to renewal. I. OPENAI\u2019S MOTION FOR "
        "RECONSIDERATION IS DENIED The Court assumes familiarity with the facts of this case."
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [(c.speaker, c.verb) for c in claims] == [("Ona T. Wang", "denied")]
    assert claims[0].sentence.startswith("For the reasons below")


def test_plaintiffs_are_the_first_plaintiff_of_the_caption() -> None:
    # https://www.slideshare.net/simonealiprandi/order-motion-dismiss-strike-30oct2023-andersen-stablityai
    text = (
        "SARAH ANDERSEN, et al.,\nPlaintiffs,\nv.\nSTABILITY AI LTD., et al.,\nDefendants.\n"
        "Plaintiffs allege that Stable Diffusion was \u201ctrained\u201d on plaintiffs\u2019 works "
        "of art to be able to produce Output Images \u201cin the style\u201d of particular artists."
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [(c.speaker, c.verb) for c in claims] == [("Sarah Andersen", "alleged")]


# --- nouns of assertion, a court's "we"/"I", honorifics (casebase.analysis.claims) ----------


def test_a_noun_of_assertion_with_its_holder_and_clause_is_a_claim() -> None:
    # Ross v. AT&T, N.D. Cal., joint discovery letter (public court filing)
    text = (
        "AT&T’s contention that some of the disputes are premature or have been resolved is "
        "wrong. The Court should reject Mr. Ross’s assertion that AT&T refused to provide "
        "this information. AT&T’s contention is wrong."
    )
    analysis = analyse(text, published=None, known=[])
    found = [(c.speaker, c.verb) for c in analysis.claims]
    assert ("AT&T", "argued") in found
    assert ("Ross", "claimed") in found
    assert len([c for c in analysis.claims if c.start >= text.index("AT&T’s contention is")]) == 0


def test_an_opinions_we_and_an_orders_i_are_the_court() -> None:
    # St. Pierre v. Standard Ins. Co., 5th Cir. No. 21-50880 (2022), per curiam opinion
    opinion = (
        "United States Court of Appeals\nfor the Fifth Circuit\n\nVanessa St. Pierre,\n"
        "Plaintiff—Appellant,\nversus\nStandard Insurance Company,\nDefendant—Appellee.\n\n"
        "For the following reasons, we AFFIRM.\n"
    )
    ruled = [c for c in analyse(opinion, published=None, known=[], kind="opinion").claims]
    assert [(c.speaker, c.verb) for c in ruled] == [
        ("United States Court of Appeals for the Fifth Circuit", "ruled")
    ]
    as_news = analyse(opinion, published=None, known=[], kind="news_article").claims
    assert as_news == []  # "we" of a news text is no court: no ruling


def test_a_person_with_an_honorific_is_not_linked_to_a_company_of_that_name() -> None:
    # Ross v. AT&T discovery letter; the knowledge base knows ROSS Intelligence by "Ross"
    known = [KnownEntity("ross-intelligence", "ROSS Intelligence", "organization", ("Ross",))]
    text = "Mr. Ross alleges that he experienced an unauthorized SIM swap of his mobile account."
    analysis = analyse(text, published=None, known=known)
    assert [c.speaker for c in analysis.claims] == ["Ross"]
    assert not [e for e in analysis.entities if e.slug == "ross-intelligence"]


def test_more_reporting_verbs_and_the_perjury_formula() -> None:
    # Jagels v. State, Mo. Ct. App. ED108783 (2021); Zepeda Rivas declaration's attestation
    text = (
        "The State concedes this point. In mid-2017, Jagels reiterated that the pleas were "
        "knowing and voluntary.\n"
        "I declare under penalty of perjury under the laws of the United States that the "
        "foregoing is true and correct.\n"
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [(c.verb, text[c.start : c.start + 9]) for c in claims] == [
        ("admitted", "The State"),
        ("other", "In mid-20"),
    ]


def test_a_hyphened_party_role_is_its_side_of_the_caption() -> None:
    # Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276, motion to stay (caption and text)
    text = (
        "ANGEL ZEPEDA RIVAS, et al.,\nPlaintiffs-Appellees,\nv.\nDAVID JENNINGS, et al.,\n"
        "Defendants-Appellants.\n\n"
        "In the Zepeda Rivas case, over the past month, Defendants-Appellants have reported "
        "to Plaintiffs-Appellees that numerous staff members have tested positive.\n"
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [(c.speaker, c.verb) for c in claims] == [("David Jennings", "reported")]


def test_questions_hypotheticals_and_modal_speech_are_no_claims() -> None:
    # United States v. Nikulin, N.D. Cal. CR 16-440-WHA, pretrial conference transcript (2020)
    text = (
        "THE COURT: So when you say discovery closing in February, are you counting experts?\n"
        'THE COURT: But if you were to say "Isn\'t it true the light was green," they say no.\n'
        "THE COURT: You can't say that in the opening statement.\n"
        "MS. KANE: And Your Honor, I would just note that the defense has the report.\n"
        "THE COURT: I tell them it's not evidence.\n"
        "THE COURT: What do you say to that? 24 MR. GASNER:\n"
        'THE COURT: When you say "this Court," you mean me.\n'
        "THE COURT: They say this in the presence of the jury.\n"
    )
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    # Ms. Kane's noted statement and the court's "I tell them"; no question (also before the
    # next line's label), no hypothetical, no generic "you say"/"they say". No cover names the
    # judge here: "THE COURT" is a participant the text does not name, so no speaker (round 10)
    assert [(c.speaker, c.verb) for c in claims] == [("Kane", "said"), (None, "told")]


#: Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276, motion to stay (DktEntry 19, 2020): the
#: caption, the complaint's allegation and a cited case's parenthetical behind its history.
ZEPEDA = """\
ANGEL ZEPEDA RIVAS, et al.
Plaintiffs-Appellees,
v.
DAVID JENNINGS, et al.
Defendants-Appellants.
filed in the Northern District of California on behalf of noncitizens detained by
ICE in the Mesa Verde Detention Facility and Yuba County Jail. The complaint
alleges that the conditions of confinement violated class members’ substantive due
process rights.

briefing has been completed. See, e.g., Dimaya v. Lynch, 803 F.3d 1110, 1112 (9th
Cir. 2015), aff'd sub nom. Sessions v. Dimaya, 138 S. Ct. 1204 (2018) (noting the
Court's practice).
"""


def test_a_complaint_speaks_for_the_plaintiff_and_a_parenthetical_for_its_court() -> None:
    claims = analyse(ZEPEDA, published=None, known=[], kind="motion").claims
    alleged = next(c for c in claims if c.verb == "alleged")
    assert alleged.speaker == "Angel Zepeda Rivas"  # the caption's first plaintiff
    noted = next(c for c in claims if "Dimaya" in c.sentence)
    # "(noting ...)" explains the Ninth Circuit's opinion, not the affirming Supreme Court's.
    assert (noted.speaker, noted.verb) == ("Ninth Circuit", "other")


def test_holdings_of_cited_courts_and_of_the_court_itself() -> None:
    # Written for this test in the form opinions use (no development text says "we hold").
    text = (
        "UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\n"
        "We hold that the claim was timely. See Smith v. Jones, 123 F.3d 456, 460 (2d Cir. "
        "2001) (holding that the statute applies); Doe v. Roe, 593 U.S. 1, 12 (2021) (finding "
        "no waiver); Roe v. Poe, 1 F. Supp. 3d 2 (S.D.N.Y. 2014) (concluding that it did not)."
    )
    claims = analyse(text, published=None, known=[], kind="opinion").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("United States Court of Appeals for the Ninth Circuit", "ruled"),  # "we" of the court
        ("Second Circuit", "ruled"),
        ("Supreme Court", "found"),
        ("Southern District of New York", "found"),
    ]


def test_this_court_is_the_court_the_paper_is_in_and_the_court_below_the_reviewed_one() -> None:
    # Zepeda Rivas v. Jennings (9th Cir. No. 20-16276, DktEntry 19): a motion in the Ninth
    # Circuit; "this Court" is the Ninth Circuit, not the district court the text names.
    text = (
        "IN THE UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n"
        "On Appeal from the United States District Court\nFor the Northern District of "
        "California\n\n"
        "The government immediately appealed those orders to this Court, and once again\n"
        "filed an emergency motion for an administrative stay, which this Court granted on\n"
        "July 1, 2020. Hernandez Roman, Case No. 20-55662, Docket Entry No. 5.\n"
        "However, on July 8, 2020, after further consideration, this Court denied the\n"
        "government’s motion to stay the district court’s June 17, 2020 and June 19, 2020\n"
        "orders pending appeal.\n"
    )
    claims = analyse(text, published=None, known=[], kind="motion").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("United States Court of Appeals for the Ninth Circuit", "granted"),
        ("United States Court of Appeals for the Ninth Circuit", "denied"),
    ]
    # In the appellate court's own opinion, "the court" in lower case is the court below;
    # written for this test in the usual form of a court of appeals' opinion.
    opinion = (
        "UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\n"
        "Appeal from the United States District Court for the Northern District of California\n\n"
        "The court concluded that amendment would be futile. We hold that it would not.\n"
    )
    claims = analyse(opinion, published=None, known=[], kind="opinion").claims
    assert [c.speaker for c in claims] == [
        "United States District Court for the Northern District of California",
        "United States Court of Appeals for the Ninth Circuit",
    ]


def test_an_opinions_own_court_is_the_one_its_first_lines_name() -> None:
    # The shapes of a state appeals court's opinion (Jagels v. State, Mo. App. E.D. 2021) and
    # of a workers' compensation order (Calderon-Fuentes v. CEVA, Tenn. 2019): the heading
    # names the court, whatever the entities make of it; sentences written for this test.
    opinion = (
        "In the Missouri Court of Appeals\nEastern District\n\nDIVISION THREE\n\n"
        "JANE ROE,\nAppellant,\nvs.\nSTATE OF MISSOURI,\nRespondent.\n\n"
        "Finding no error, we affirm the judgment.\n"
    )
    claims = analyse(opinion, published=None, known=[], kind="opinion").claims
    assert [c.speaker for c in claims] == ["Missouri Court of Appeals"]
    order = (
        "TENNESSEE BUREAU OF WORKERS' COMPENSATION\n"
        "IN THE COURT OF WORKERS' COMPENSATION CLAIMS\nAT NASHVILLE\n"
        "John Roe,\nEmployee,\nv.\nAcme Freight Co.,\nEmployer.\n\n"
        "EXPEDITED HEARING ORDER\n"
        "Based on the evidence, the Court finds Mr. Roe did not show that he would prevail.\n"
    )
    claims = analyse(order, published=None, known=[], kind="order").claims
    assert [c.speaker for c in claims] == ["Court of Workers' Compensation Claims"]


def test_who_filed_a_suit_is_read_before_after_or_beside_it() -> None:
    # The shapes of AP's Character.AI story, NDTV's xAI story and Bloomberg Law's J&J story,
    # sentences written for this test.
    later = (
        "The company is seeking to dismiss a lawsuit alleging that its chatbot harmed a boy. "
        "The judge allowed the case to proceed. The suit was filed by a mother from Ohio, "
        "Jane Roe."
    )
    analysis = analyse(later, published=None, known=[])
    assert [c.speaker for c in analysis.claims if c.verb == "alleged"] == ["Jane Roe"]
    beside = (
        "A federal judge on Monday dismissed a lawsuit from Elon Musk's startup xAI that accused "
        "OpenAI of theft. The lawsuit, filed in May, claimed that employees took source code."
    )
    claims = analyse(beside, published=None, known=[]).claims
    assert [c.speaker for c in claims if c.verb == "claimed"] == ["xAI"]
    said_in = (
        "The plan is a textbook example of bad faith, the US Trustee said in the filing. "
        "The company has no need for bankruptcy protection, the filing said."
    )
    claims = analyse(said_in, published=None, known=[]).claims
    assert [c.speaker for c in claims] == ["US Trustee", "US Trustee"]


def test_a_judge_titled_in_the_mention_is_the_one_a_judge_refers_to() -> None:
    # newsaz (xAI v. OpenAI, 2026), the shape written for this test: "A U.S. federal judge"
    # before the text names "U.S. District Judge Rita Lin".
    text = (
        "A U.S. federal judge has indicated she may dismiss a lawsuit filed by xAI.\n\n"
        "U.S. District Judge Rita Lin in San Francisco said her view is to grant the motion, "
        "according to a court filing released on Friday."
    )
    claims = analyse(text, published=None, known=[]).claims
    assert [c.speaker for c in claims] == ["Rita Lin", "Rita Lin"]  # no claim of the filing


def test_a_case_name_as_speaker_is_its_party() -> None:
    # Van Buren v. United States, 593 U.S. 374 (2021), syllabus: the knowledge base knows the
    # case by its petitioner's name, so "Van Buren" is read as the case; the sentence is the
    # syllabus's shape, shortened for this test.
    known = [
        KnownEntity("van-buren-v-us", "Van Buren v. United States", "case", ("Van Buren",)),
        KnownEntity("nathan-van-buren", "Nathan Van Buren", "person"),
    ]
    text = (
        "Former police sergeant Nathan Van Buren used a patrol-car computer to search a "
        "database. Van Buren appealed to the Eleventh Circuit, arguing that the clause "
        "applies only to those who obtain information to which their access does not extend."
    )
    claims = analyse(text, published=None, known=known).claims
    assert [(c.speaker, c.verb) for c in claims] == [("Nathan Van Buren", "argued")]


def test_a_courts_own_present_passive_ruling_is_its_courts() -> None:
    # The shape of Jagels v. State (Mo. App. E.D. 2021) and Calderon-Fuentes v. CEVA (Tenn.
    # 2019), written for this test: "is denied"/"is remanded" rule now; "was denied" is history.
    opinion = (
        "In the Missouri Court of Appeals\nEastern District\n\n"
        "JANE ROE,\nAppellant,\nvs.\nSTATE OF MISSOURI,\nRespondent.\n\n"
        "Her first motion was denied in 2019.\n"
        "Her requested relief is denied at this time.\n"
        "This matter is remanded for this limited purpose.\n"
    )
    claims = analyse(opinion, published=None, known=[], kind="opinion").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("Missouri Court of Appeals", "denied"),
        ("Missouri Court of Appeals", "ruled"),
    ]
    as_news = analyse(opinion, published=None, known=[], kind="news_article").claims
    assert as_news == []


def test_a_pronoun_reaches_back_past_short_sentences_and_case_names() -> None:
    # The shape of the Thaler v. Perlmutter certiorari petition (2025), whose hard-wrapped
    # lines are short sentences: two sentences back are fewer than 300 characters, so the
    # look-back goes on; lines written for this test.
    text = (
        "On September 8, 2019, Dr. Stephen Thaler filed a request\n"
        "for reconsideration to the Copyright Office. In that\n"
        "request, he set out that the obvious owners of the work\n"
        "other than the machine include its owner, its user, or\n"
        "its programmers. The request runs to eleven pages. Id.\n"
        "Specifically,\n"
        "he reiterated that he was the machine's user and programmer.\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [(c.speaker, c.verb) for c in claims] == [("Stephen Thaler", "other")]
    # A party inside a cited case name is no antecedent: Perlmutter is not "she".
    cited = (
        "Jane Roe sued the agency. See Roe v. Perlmutter, 130 F.4th 1039 (D.C. Cir. 2025).\n"
        "She argued that the statute protects her work.\n"
    )
    known = [
        KnownEntity("roe-v-perlmutter", "Roe v. Perlmutter", "case"),
        KnownEntity("shira-perlmutter", "Shira Perlmutter", "person", ("Perlmutter",)),
    ]
    claims = analyse(cited, published=None, known=known).claims
    assert [c.speaker for c in claims if c.verb == "argued"] == ["Jane Roe"]


# --- a filing's parties: its caption in two columns, "Plaintiff X" in its text ---------------

#: Griffo v. Oculus VR, C.D. Cal. 8:15-cv-01228, Kwun declaration (Dkt. 132, 2018): a pleading's
#: two-column caption with line numbers, the paper's title in the right column.
GRIFFO_CAPTION = """\
JULIANA GRIFFO, Case No. 8:15-cv-01228 DOC (MRWx)
16
Plaintiff, DECLARATION OF MICHAEL S.
17 KWUN IN RESPONSE TO DKT. 127
v. AND IN SUPPORT OF UNOPPOSED
18 APPLICATIONS FOR LEAVE TO
OCULUS VR, INC., and PALMER FILE UNDER SEAL
19 LUCKEY,
Ctrm: 9D
20 Defendants. Judge: Hon. David O. Carter
"""
GRIFFO_SUBMIT = """\
18. Defendants submit that at most the information from Exhibits X, Y,
17
and Z that is actually relevant to the summary judgment motion is the total.
"""


def test_a_two_column_captions_parties_are_the_sides_of_its_role_words() -> None:
    from casebase.analysis.speakers import caption_parties

    parties = caption_parties(GRIFFO_CAPTION)
    assert {role: name for role, (name, _) in parties.items()} == {
        "plaintiff": "JULIANA GRIFFO",
        "defendant": "OCULUS VR, INC.",
    }
    claims = analyse(GRIFFO_CAPTION + GRIFFO_SUBMIT, published=None, known=[]).claims
    # as the caption writes it, in title case, where no entity stands there
    assert [(c.speaker, c.verb) for c in claims] == [("Oculus Vr, Inc.", "argued")]


def test_a_captions_own_roles_and_a_one_line_caption() -> None:
    from casebase.analysis.speakers import caption_parties

    # Thaler v. Perlmutter, petition for a writ of certiorari (2025): "Petitioner," is its own
    # role; Mata v. Avianca, S.D.N.Y. 22-cv-1461, caption flattened onto one line
    thaler = "STEPHEN THALER,\nPetitioner,\nv.\nSHIRA PERLMUTTER, REGISTER OF COPYRIGHTS\n"
    thaler += "AND DIRECTOR OF THE UNITED STATES\nCOPYRIGHT OFFICE, et al.,\nRespondents.\n"
    mata = (
        "ROBERTO MATA, Plaintiff, 22-cv-1461 (PKC) -againstOPINION AND ORDER ON SANCTIONS "
        "AVIANCA, INC., Defendant.\n"
    )
    assert {r: n for r, (n, _) in caption_parties(thaler).items()} == {
        "petitioner": "STEPHEN THALER",
        "respondent": "SHIRA PERLMUTTER",
    }
    assert caption_parties(mata)["plaintiff"][0] == "ROBERTO MATA"
    # a transcript's judge line above the caption is no party
    levandowski = (
        "Before The Honorable William H. Alsup, Judge\nUNITED STATES OF AMERICA, )\n)\n"
        "Plaintiff, )\n)\nVS. ) NO. CR-00377 WHA\n)\nANTHONY SCOTT LEVANDOWSKI, )\n)\n"
        "Defendant. )\n"
    )
    assert {r: n for r, (n, _) in caption_parties(levandowski).items()} == {
        "plaintiff": "UNITED STATES OF AMERICA",
        "defendant": "ANTHONY SCOTT LEVANDOWSKI",
    }


def test_without_a_caption_a_role_is_the_party_named_after_that_role_word() -> None:
    # the same declaration's paragraphs 1 and 18, without its caption; the knowledge base
    # knows the company
    known = [KnownEntity("oculus-vr", "Oculus VR, Inc.", "organization", ("Oculus VR",))]
    text = (
        "1. I am a partner at Kwun Bhansali Lazarus LLP, counsel of record for\n"
        "Defendants Oculus VR, Inc. and Palmer Luckey. I make this declaration based on\n"
        "my own personal knowledge.\n" + GRIFFO_SUBMIT
    )
    claims = analyse(text, published=None, known=known).claims
    assert ("Oculus VR, Inc.", "argued") in [(c.speaker, c.verb) for c in claims]


def test_a_margins_court_name_broken_into_words_is_no_caption_court() -> None:
    # Andersen v. Stability AI, N.D. Cal. 23-cv-00201-WHO, order of 30 October 2023: pleading
    # paper's margin numbers, then the court's name printed one word a line in the margin
    text = "".join(f"{n}\n" for n in range(1, 29)) + (
        "United\nStates\nDistrict\nCourt\nNorthern\nDistrict\nof\nCalifornia\n"
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
        "SARAH ANDERSEN, et al.,\nPlaintiffs,\nv.\nSTABILITY AI LTD., et al.,\nDefendants.\n"
        "Finding that the Complaint is defective in\n"
        "numerous respects, I largely GRANT defendants’ motions to dismiss and defer the special"
        " motion\nto strike.\n"
    )
    claims = analyse(text, published=None, known=[], kind="order").claims
    granted = [c for c in claims if c.verb == "granted"]
    assert len(granted) == 1  # the court the text names, never a bare "Court"
    assert (granted[0].speaker or "").endswith("Northern District of California")


def test_a_papers_cross_reference_inherits_no_speaker() -> None:
    # Williams v. Wells Fargo, N.D. Cal. 3:22-cv-00990, Complaint (2022), its opening and
    # paragraphs 3, 6 and 60 (the role word names the party): "As stated
    # above", "As described above" point back into the complaint; no one is reported
    text = (
        "Plaintiff Christopher Williams (“Williams”), on behalf of himself and all others"
        " similarly\nsituated, by and through his attorneys, hereby files this Complaint against"
        " Defendants\n"
        "Wells Fargo Bank, N.A. and Wells Fargo & Co.\n"
        "6. As stated above, Wells Fargo is one of the largest banks in the country and one of\n"
        "the top residential mortgage providers in the United States.\n"
        "As described above, Defendants are creditors because they regularly extend, renew,\n"
        "and continue credit, and Plaintiff was an applicant for credit.\n"
        "Wells Fargo claims to serve at least one out of three households in the United States.\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [c.verb for c in claims] == ["claimed"]
    assert claims[0].sentence.startswith("Wells Fargo claims")


def test_an_appellate_opinions_own_words_for_other_courts_and_parties() -> None:
    # Jagels v. State (Mo. Ct. App. E.D. No. ED108783, 2021), as casebase's text layer gives
    # its caption and two passages: "Our Supreme Court" is Missouri's, "the State" the
    # caption's STATE OF MISSOURI, "overruled" a court's ruling, "the motion court" the
    # court below.
    text = (
        "In the Missouri Court of Appeals\nEastern District\n\n"
        "NICHOLE MARIE JAGELS,    ) No. ED108783\n      )\n"
        "Appellant,    ) Appeal from  the Circuit Court of\n      ) St. Charles County, Missouri\n"
        "vs.      ) No. 1711-CC00064\n      )\nSTATE OF MISSOURI,   )\n      )\n"
        " Respondent.    ) Filed:  January 19, 2021\n\n"
        " The motion court overruled the motion finding that Jagels’ plea was knowing and\n"
        "voluntary.\n"
        " Jagels seeks to convert her plea counsel’s accurate description of the serious\n"
        "consequences into coercion.  It was not.  Our Supreme Court noted in\n"
        "Johnson v. State , 580 S.W.3d 895, 901 (Mo. banc 2019) that the description of the\n"
        "maximum punishment may be frightening.\n"
        "The State concedes this point and we agree that this clerical mistake should be\n"
        "corrected.\n"
    )
    claims = analyse(text, published=None, known=[], kind="opinion").claims
    speakers = {c.verb: c.speaker for c in claims}
    assert (speakers["ruled"] or "").startswith("Circuit Court")  # the caption's, cut at its line
    assert speakers["said"] == "Supreme Court of Missouri"
    assert speakers["admitted"] == "State of Missouri"


def test_a_court_below_by_its_role_and_by_it_and_a_party_by_its_short_name() -> None:
    # Diaz v. Create and Construct (Tenn. Workers' Comp. App. Bd. 2019): "the trial court" in
    # the Appeals Board's opinion is the court its caption appeals from. St. Pierre v. Standard
    # Ins. (5th Cir. No. 21-50498, 2022): "It then concluded" after the district court's
    # ruling is that court's. SEC v. Ripple (S.D.N.Y. 2024): "the SEC" is the caption's
    # Securities and Exchange Commission.
    diaz = (
        "WORKERS’ COMPENSATION APPEALS BOARD\n"
        "Ruben Diaz ) Docket No. 2019-06-0263\nv. )\nCreate and Construct, LLC )\n"
        "Appeal from the Court of Workers’ Compensation Claims )\n"
        "Following an expedited hearing at which the employer did not appear,\n"
        "the trial court found that the employee’s injuries arose primarily out of his "
        "employment.\n"
    )
    claims = analyse(diaz, published=None, known=[], kind="opinion").claims
    assert [c.speaker for c in claims if c.verb == "found"] == [
        "Court of Workers’ Compensation Claims"
    ]
    st_pierre = (
        "United States Court of Appeals\nfor the Fifth Circuit\n\n"
        "Appeal from the United States District Court\nfor the Western District of Texas\n\n"
        " Appellees moved to dismiss St. Pierre’s claims, and the district court\n"
        "granted their motion. In a detailed 26-page opinion, the district court first\n"
        "determined that the City could not act as Appellees’ agent under common\n"
        "law. It then concluded that St. Pierre failed to state any viable claims against\n"
        "Appellees under the Texas Insurance Code.\n"
    )
    claims = analyse(st_pierre, published=None, known=[], kind="opinion").claims
    assert claims[-1].speaker == ("United States District Court for the Western District of Texas")
    ripple = (
        "Plaintiff, the Securities and Exchange Commission (the “SEC”), brings this action "
        "against Defendant, Ripple Labs, Inc. (“Ripple”). On December 22, 2020, the SEC "
        "commenced this action. As relevant here, the SEC alleged that Ripple engaged in "
        "three categories of unregistered XRP offers and sales."
    )
    claims = analyse(ripple, published=None, known=[], kind="order").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("Securities and Exchange Commission", "alleged")
    ]


def test_the_alj_is_the_judge_the_text_titles_so_and_a_court_is_no_government() -> None:
    # Written for this test in the usual form of a district court's review of a Social
    # Security decision and of a court of appeals' memorandum: "the ALJ" is the
    # administrative law judge the text names with that title, else no one; "the
    # government" is never the court named before it.
    review = (
        "Administrative Law Judge Mary Beth O’Connor held a hearing on March 3, 2021. "
        "The ALJ found that Plaintiff could perform her past relevant work."
    )
    claims = analyse(review, published=None, known=[], kind="order").claims
    assert [(c.speaker, c.verb) for c in claims] == [("Mary Beth O’Connor", "found")]
    memorandum = (
        "Appeal from the United States District Court\nfor the Central District of California\n\n"
        "The ALJ found that Doe could perform past relevant work. The district court affirmed "
        "the decision. The government argues that the claim is moot."
    )
    claims = analyse(memorandum, published=None, known=[], kind="opinion").claims
    speakers = {c.verb: c.speaker for c in claims}
    assert speakers["found"] is None
    assert speakers["argued"] is None


def test_an_opinions_unnamed_parties_and_panel_still_speak() -> None:
    # Written for this test in the usual forms: an order whose caption names no party
    # ("Plaintiffs allege": a claim, its speaker left null) and a state court of appeals'
    # opinion ("The panel held": the court its heading names).
    order = (
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\n"
        "In their complaint, Plaintiffs allege that Stability downloaded billions of images."
    )
    claims = analyse(order, published=None, known=[], kind="order").claims
    assert [(c.speaker, c.verb) for c in claims] == [(None, "alleged")]
    opinion = (
        "IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON\n\n"
        "The panel held that the statute applies to the claim."
    )
    claims = analyse(opinion, published=None, known=[], kind="opinion").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("Court of Appeals of the State of Washington", "ruled")
    ]


def test_an_indirect_question_reports_nothing() -> None:
    # Musk v. Altman, N.D. Cal. 4:24-cv-04722-YGR, hearing of February 4, 2025
    text = (
        "So depending on how the Court rules on the motion to dismiss and whether these "
        "claims include antitrust, we may need more time."
    )
    assert analyse(text, published=None, known=[]).claims == []


def test_speech_proposed_or_only_appearing_is_no_claim() -> None:
    # United States v. Nikulin, N.D. Cal. 3:16-cr-00440-WHA, Dkt. 318 (pretrial conference)
    text = """\
25 MR. GASNER: We have -- we're using her for other purposes to
1 investigate the matter, but we're not proposing that she
2 testify at this point.
3 THE COURT: Okay. So nothing to do there, right?
4 MS. KANE: Your Honor, given that it does not appear
5 that the defendant or any percipient witnesses will be
6 testifying for the defense, the United States filed this motion.
"""
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert not [c for c in claims if c.verb == "testified"]
    # a quotation's own "I want to" is no head of the reporting verb before it (Ross v. AT&T,
    # discovery letter): the statement was made
    letter = (
        "Johannes Jaskolski, AT&T's AVP Cybersecurity and GM of ZenKey, has stated in publicly "
        'available videos, "Project Verify is not vulnerable to SIM swaps", "I want to design '
        'it in a way that any service provider can use it."'
    )
    assert [c.speaker for c in analyse(letter, published=None, known=[]).claims] == [
        "Johannes Jaskolski"
    ]


# Round six, claims in party filings (branch h-fspeak6): each passage is a real public filing,
# its URL in the test.


def test_caption_description_and_ampersand_are_no_part_of_the_party() -> None:
    # Grass Valley Terrace v. United States, Fed. Cl. No. 98-726C, Dkt. 164 (2005), defendant's
    # response: http://www.findforms.com/single_form.php/form/371389/Response_to_Motion_District_Court_of_Federal_Claims_District_federal
    # The one-line caption describes the party ("A CALIFORNIA LIMITED PARTNERSHIP"); the
    # filing says "Plaintiffs" for its first named plaintiff.
    text = (
        "IN THE UNITED STATES COURT OF FEDERAL CLAIMS\n\nGRASS VALLEY TERRACE, A CALIFORNIA "
        "LIMITED PARTNERSHIP, et al., Plaintiffs, v. THE UNITED STATES, Defendant.\n\n"
        "DEFENDANT'S RESPONSE TO PLAINTIFF'S MOTION FOR LEAVE TO FILE SUR-REPLY\n\n"
        "Plaintiffs asserts that they should be permitted to file a sur-reply in response to the "
        "reply brief that we filed in support of our pending motion to dismiss certain claims in "
        "this action, because \"[p]laintiffs believe that defendant's reply presents certain "
        'issues beyond the scope of its original motion . . . ." Motion for Leave 1. Any reply '
        "brief worth filing says something new.\n"
    )
    claims = analyse(text, published=None, known=[], kind="motion").claims
    # "Any reply brief worth filing says ...": any brief, no filing that speaks
    assert [(c.speaker, c.verb) for c in claims] == [("Grass Valley Terrace", "claimed")]


def test_lower_case_party_role_and_the_government_in_a_government_brief() -> None:
    # Information Systems & Networks Corp. v. United States, Fed. Cl. No. 02-796C, Dkt. 81
    # (2007), defendant's reply: https://findforms.com/single_form.php/form/324019/Reply_to_Response_to_Motion_District_Court_of_Federal_Claims_District_federal
    # The Department of Justice writes "plaintiff" in lower case and calls the United States
    # "the Government".
    text = (
        "IN THE UNITED STATES COURT OF FEDERAL CLAIMS\n\nINFORMATION SYSTEMS & NETWORKS "
        "CORPORATION, Plaintiff, v. THE UNITED STATES, Defendant.\n\nNo. 02-796C (Judge "
        "Allegra)\n\nIn its response, plaintiff presents three basic arguments for opposing the "
        "Government's request for an enlargement. First, plaintiff argues that this would be "
        "the third extension that the Government has received in connection with this motion. "
        "Plaintiff is incorrect.\n\nThe Government notes, however, that such motion generally "
        "may be filed at any time.\n"
    )
    claims = analyse(text, published=None, known=[], kind="motion").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("Information Systems & Networks Corporation", "argued"),
        ("United States", "said"),
    ]


def test_a_role_line_without_punctuation_closes_the_caption() -> None:
    # Gordon v. Impulse Marketing Group, Inc., E.D. Wash. No. CV-04-5125-FVS, Dkt. 136 (2005):
    # https://ja.scribd.com/document/2692148/Gordon-v-Impulse-Marketing-Group-Inc-Document-No-136
    # "Defendant" ends its line without a comma; the suffix "INC." wraps to the next line.
    text = """\
IN THE UNITED STATES DISTRICT COURT
FOR THE EASTERN DISTRICT OF WASHINGTON
AT RICHLAND
JAMES S. GORDON, JR, NO. CV-04-5125-FVS
Plaintiff,
MEMORANDUM IN OPPOSITION TO
v. DEFENDANT'S MOTION TO STRIKE
PLAINTIFF'S STATEMENT OF FACTS
IMPULSE MARKETING GROUP,
INC., Jury Trial Demanded
Defendant

Substantively, the Defendant’s allegation that the Plaintiff’s Statement of Material Facts \
“fails to set forth Plaintiff’s facts in a serial fashion” is simply false.
"""
    claims = analyse(text, published=None, known=[], kind="motion").claims
    assert [(c.speaker, c.verb) for c in claims] == [("Impulse Marketing Group, Inc.", "alleged")]


def test_the_party_named_after_its_role_speaks() -> None:
    # Konopca v. Center for Excellence in Higher Education, Inc., D.N.J., class action
    # complaint: https://huggingface.co/datasets/darrow-ai/legal-task/viewer/default/train?p=4
    # The caption is flattened with its other column ("CLASS ACTION COMPLAINT"), so only the
    # opening's apposition names the plaintiff.
    text = (
        "UNITED STATES DISTRICT COURT DISTRICT OF NEW JERSEY ------------------X JAN KONOPCA, "
        "CLASS ACTION COMPLAINT Plaintiff, Civil Action No: -against- CENTER FOR EXCELLENCE IN "
        "HIGHER EDUCATION, INC., INDEPENDENCE UNIVERSITY and STEVENS-HENAGER COLLEGE, "
        "Defendant. ------------------X Plaintiff, JAN KONOPCA (“Plaintiff”), individually and "
        "on behalf of all others similarly situated, alleges the following upon information and "
        "belief based upon personal knowledge: NATURE OF THE CASE 1. Plaintiff brings this "
        "action individually and on behalf of all others similarly situated.\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [(c.speaker, c.verb) for c in claims] == [("Jan Konopca", "alleged")]


def test_a_paper_presenting_itself_is_no_claim() -> None:
    # Perry v. Schwarzenegger, N.D. Cal. No. C-09-2292 VRW, Dkt. 297 (2009), letter of the
    # defendant-intervenors' counsel: https://docs.justia.com/cases/federal/district-courts/california/candce/3:2009cv02292/215270/297/
    letter = (
        "Dear Chief Judge Walker:\nI write in response to Plaintiffs' letter of December 7, 2009, "
        'requesting permission to file "an omnibus motion to compel." Doc # 289 at 1. The Court '
        "should deny this request.\n"
    )
    assert analyse(letter, published=None, known=[], kind="motion").claims == []
    # Upsolve, Inc. v. James, S.D.N.Y. No. 22-cv-00627, Dkt. 28 (2022), declaration of David
    # Udell: https://docs.justia.com/cases/federal/district-courts/new-york/nysdce/1:2022cv00627/573762/28
    # "I submit this declaration ...": its defined terms ((“NCAJ”), (the “Proposed Amicus
    # Brief”)) are no quotation that could make "submit" report speech.
    declaration = """\
DECLARATION OF DAVID UDELL IN SUPPORT OF NATIONAL CENTER FOR ACCESS TO JUSTICE’S MOTION FOR \
LEAVE TO FILE AMICUS CURIAE BRIEF

David Udell declares under penalty of perjury, pursuant to 28 U.S.C. § 1746, that the \
following is true and correct to the best of my knowledge:

1. I am an attorney admitted to practice in this Court and the Executive Director of the \
National Center for Access to Justice (“NCAJ”). I submit this declaration in support of NCAJ’s \
motion for leave to file a brief amicus curiae in the above-captioned matter (the “Proposed \
Amicus Brief”) in support of Plaintiffs’ motion for a preliminary injunction pending before \
Your Honor.

2. Plaintiffs consent to the relief requested in this motion. Defendant takes no position \
with respect to the filing of an amicus brief.

3. The Proposed Amicus Brief is attached as Exhibit A to this declaration.

4. NCAJ has a deep interest in the issues raised by this litigation.
"""
    claims = analyse(declaration, published=None, known=[], kind="other").claims
    assert [(c.speaker, c.verb, c.sentence[:20]) for c in claims] == [
        ("David Udell", "testified", "I am an attorney adm"),
        ("David Udell", "testified", "Plaintiffs consent t"),
        ("David Udell", "testified", "NCAJ has a deep inte"),
    ]


def test_a_defined_term_is_no_quote() -> None:
    # Fall Line Patents, LLC v. Sprouts Farmers Market, Inc., E.D. Tex. No. 5:24-cv-182,
    # Dkt. 1 (2024): https://www.docketalarm.com/cases/PTAB/IPR2025-00958/Maplebear_Inc._d-b-a_Instacart/05-08-2025-Petitioner/Exhibit-1015-Exhibit_1015
    text = (
        "Plaintiff Fall Line Patents, LLC (“Fall Line” or “Plaintiff”) files this original\n"
        "complaint against Sprouts Farmers Market, Inc. and SFM, LLC d/b/a SF Markets,\n"
        "LLC (collectively, “Sprouts” or “Defendant”), alleging, based on its own\n"
        "knowledge as to itself and its own actions and based on information and belief as to\n"
        "all other matters, as follows:\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [(c.verb, c.quote) for c in claims] == [("alleged", None)]


def test_complain_as_follows_opens_a_pleading() -> None:
    # Frank v. Buchanan, D. Wyo. No. 2:20-cv-00138-NDF, Dkt. 1 (2020), verified complaint:
    # https://pdfslide.us/documents/filed-totstrici-court-casandra-craven-wyo-bar-7-5664-ballot-case-220-cv-00138-ndf.html
    text = (
        "Plaintiffs John C. Frank and Grassfire, LLC, by their attorneys Casandra Craven of "
        "Longhom Law, LLC, and Benjamin Barr and Stephen Klein of Barr & Klein PLLC, bring this "
        "action for declaratory and injunctive relief, and complain as follows:\n\nINTRODUCTION"
        "\n\n1. Plaintiffs bring this suit to protect their rights to engage in free speech and "
        "petitioning as protected under the First Amendment.\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [(c.speaker, c.verb) for c in claims] == [("John C. Frank", "alleged")]


def test_a_party_description_is_not_its_name() -> None:
    # A Hunts Mills Associates LLC v. Holiday Hospitality Franchising, LLC, D.N.J. No.
    # 21-13726, class action complaint:
    # https://huggingface.co/datasets/darrow-ai/legal-task/viewer/default/train?p=6
    text = (
        "COMPLAINT – CLASS ACTION Plaintiff A HUNTS MILLS ASSOCIATES LLC, a New Jersey Limited "
        "Liability Company, individually and on behalf of all others similarly situated, brings "
        "this class action lawsuit against Holiday Hospitality Franchising, LLC, Six Continents "
        "Hotels, Inc. d/b/a Intercontinental Hotels Group and IHG Owners Association, Inc. and "
        "alleges as follows upon personal knowledge as to itself and its own acts and experience "
        "and as to all other matters upon information and belief, including investigation "
        "conducted by its attorneys.\n"
    )
    claims = analyse(text, published=None, known=[], kind="complaint").claims
    assert [(c.speaker, c.verb) for c in claims] == [("A Hunts Mills Associates LLC", "alleged")]


def test_a_letter_writing_now_and_a_position_noted() -> None:
    # Goldstein v. Houlihan/Lawrence Inc., N.Y. Sup. Ct., Westchester Cty., No. 60767/2018,
    # defendant's letter of March 13, 2020: https://trellis.law/doc/147645241/letter-correspondence-to-judge
    # "noted its understanding that ...": the object noun carries the content clause.
    letter = (
        "Dear Justice Jamieson:\nWe represent Defendant Houlihan Lawrence in the "
        "above-referenced action. We write in Plaintiffs' response to February 25, 2020 "
        "correspondence requesting a pre-motion conference to seek leave to move for an order "
        "adopting the three reports and recommendations of Discovery Referee William P. "
        "Harrington. Defendant has no objection to the First and Second Report and "
        "Recommendation, subject to the discussion held on the record. Specifically, Defendant "
        "noted its understanding that the Second Report and Recommendation comprised the "
        "universe of remaining discovery on class certification issues.\n"
    )
    claims = analyse(letter, published=None, known=[], kind="motion").claims
    assert [(c.speaker, c.sentence[:22]) for c in claims] == [
        ("Houlihan Lawrence", "Specifically, Defendan")
    ]


def test_an_as_clause_with_its_own_subject_reports_the_main_clause() -> None:
    # Cephalon, Inc. v. Barr Laboratories, D. Del. No. 05-29-JJF, Dkt. 31-8 (2005), Barr's
    # counsel's letter: https://www.findforms.com/single_form.php/form/33040/Motion_to_Compel_District_Court_of_Delaware_District_Court_of_Delaware_Delaware
    # "I am writing to follow-up ...": the letter presenting itself, no claim.
    letter = (
        "Dear Dan:\nI am writing to follow-up on our Rule 37 conference held via telephone this\n"
        "morning. As I previously indicated, we are disappointed and frustrated that you are "
        "still unable\nto provide us with a date certain when we can expect to receive any "
        "documents responsive to\nBarr’s Rule 34 requests, despite the fact Barr served "
        "Plaintiffs with those requests back on March\n24, 2005.\n"
    )
    claims = analyse(letter, published=None, known=[], kind="motion").claims
    assert [c.sentence[:25] for c in claims] == ["As I previously indicated"]


def test_find_out_is_no_finding() -> None:
    # Issue 17, round 10: a Warren Commission deposition (George Senator), seen in the scored
    # half of the held-out set, https://hornygo.com/Warren_Commission_%2814_of_26%29__Hearings_Vol._XIV_%28o/Chapter_24.html
    text = (
        "I am not sure, but I think it was that day, and I assume that when something goes "
        "into his brain he wants to follow it up and find out why, why that poster was up "
        "there."
    )
    assert analyse(text, published=None, known=[]).claims == []
    # a finding with its that-clause stays one
    found = analyse("The court found that the poster was up there.", published=None, known=[])
    assert [c.verb for c in found.claims] == ["found"]
