"""Short forms resolved to the citation they stand for (docs/evaluation.md, "Round 10: short
forms held out"). Each passage is a short quote of a real public court paper, its address in the
test's docstring; the rules are Bluebook's (rule 4.1: "id." is the immediately preceding
authority, not a case quoted in its parenthetical nor a later court's decision in its subsequent
history), not the one paper's words."""

from __future__ import annotations

from casebase.analysis.citations import find_citations


def _short(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.normalized) for c in find_citations(text) if c.kind == "short_form"]


def test_id_after_a_citing_parenthetical_is_the_citing_case() -> None:
    """https://print.casetext.com/case/limtiaco-v-auction-carscom (D. Nev.): the last cite before
    "Id." is Papasan, inside Iqbal's "(citing ...)"; "At" with a capital is read as "at"."""
    text = (
        "A complaint does not allege sufficient facts to raise a right to relief above the "
        'speculative level if it contains nothing more than "labels and conclusions" or a '
        '"formulaic recitation of the elements of a cause of action." Ashcroft v. Iqbal, 129 S. '
        "Ct. 1937, 1949 (2009) (citing Papasan v. Allain, 478 U.S. 265, 286 (1986)). Instead, in "
        "order to survive a motion to dismiss, a complaint must contain sufficient factual "
        'matter to "state a claim to relief that is plausible on its face." Iqbal, 129 S. Ct. At '
        "1949 (internal citations omitted).\n"
        "In Ashcroft v. Iqbal, the Supreme Court provided a two-step approach for district "
        "courts to apply when considering motions to dismiss. First, the court must accept as "
        "true all factual allegations in the complaint. Id. at 1950."
    )
    assert _short(text) == [
        ("129 S. Ct. At 1949", "129 S. Ct. 1937"),
        ("Id. at 1950", "129 S. Ct. 1937"),
    ]


def test_id_right_after_a_citing_parenthetical_passes_over_it() -> None:
    """The same passage without the short cite between: "Id." follows the parenthetical."""
    text = (
        "Ashcroft v. Iqbal, 129 S. Ct. 1937, 1949 (2009) (citing Papasan v. Allain, 478 U.S. "
        "265, 286 (1986)). First, the court must accept as true all factual allegations in the "
        "complaint. Id. at 1950."
    )
    assert _short(text) == [("Id. at 1950", "129 S. Ct. 1937")]


def test_id_inside_the_parenthetical_is_the_case_it_follows() -> None:
    """https://cetient.com/case/4206090/brian-hollins-v-richard-zbaraschuk-and-alexia-zbaraschuk
    (Wash. App.) has "(quoting Teter v. Deck, ...)": an "Id." before the parenthetical closes
    is not passed over it (the shape, with an "id." added inside the parenthetical)."""
    text = (
        "Clark v. Tenq, 195 Wn. App. 482, 491, 380 P.3d 73 (2016) (quoting Teter v. Deck, 174 "
        "Wn.2d 207, 215, 274 P.3d 336 (2012); see id. at 216)."
    )
    assert _short(text) == [("id. at 216", "174 Wn.2d 207")]  # Teter, its first reporter


def test_id_after_subsequent_history_is_the_decision_cited() -> None:
    """http://print.casetext.com/case/ctr-for-a-sustainable-coast-v-united-states-army-corps-of-engrs
    (S.D. Ga.): "aff'd, 850 F.3d 1185" is the case's history; "Id." is the 2015 decision.
    "Id. § 459i-5" is the section, normalized in full, and no second citation."""
    text = (
        "See High Point, LLLP v. U.S. Nat. Park Serv., No. CV 212-095, 2015 WL 858150, at *1 "
        "(S.D. Ga. Feb. 27, 2015), aff'd, 850 F.3d 1185 (11th Cir. 2017). To this day, the "
        "Island remains largely undeveloped. Id. No roads connect it to the mainland; the "
        "primary means of transportation to the Island is by boat. Id.\n"
        "That's so because Congress designated the Island as a National Seashore in the early "
        "1970s as part of the “Seashore Act.” See 16 U.S.C. § 459i; H.R. Rep. No. 92-1405 "
        "(1972). The Seashore Act requires, among other things, that Cumberland Island be "
        "“permanently preserved in its primitive state, ” except for certain public "
        "recreational uses (which are spelled out by the statute). Id. § 459i-5."
    )
    assert _short(text) == [("Id.", "2015 WL 858150"), ("Id.", "2015 WL 858150")]
    found = [(c.text, c.normalized) for c in find_citations(text)]
    assert ("§ 459i-5", "16 U.S.C. § 459i-5") in found


def test_a_pleading_paragraph_is_a_short_form_of_the_entry_first_given() -> None:
    """http://print.casetext.com/case/farooqui-v-dept-of-state (D.D.C.): "Compl. ¶ 1, ECF No.
    1", then "Compl. ¶ 3" and "Id. ¶ 7" stand for ECF No. 1."""
    text = (
        "Plaintiffs are citizens of Pakistan currently residing in the United Arab Emirates. "
        "Compl. ¶ 1, ECF No. 1. Their complaint seeks declaratory and mandamus relief to remedy "
        "allegedly unlawful delay in the adjudication of their U.S. visa applications.\n"
        "According to the Complaint, Plaintiff Hammad Moinuddin Ahmed Farooqui's employer "
        "petitioned for an L-1A visa on May 20, 2021. Compl. ¶ 3. The visa petition sought "
        "entry for him and his family-the remaining plaintiffs in this case. Id. ¶¶ 1, 3. On "
        "February 7, 2022, the U.S. Department of State conducted a visa interview with "
        "Plaintiffs, but “refuse[d]” their visa applications. Id. ¶ 7."
    )
    assert _short(text) == [
        ("Compl. ¶ 3", "ECF No. 1"),
        ("Id. ¶¶ 1, 3", "ECF No. 1"),
        ("Id. ¶ 7", "ECF No. 1"),
    ]


def test_id_in_the_body_passes_over_a_footnote_at_the_page_foot() -> None:
    """https://github.com/freelawproject/doctor/blob/main/doctor/test_assets/recap_documents/ca1_00117684624.pdf
    (1st Cir., its text layer): footnote 2 and the page's ECF stamp fall between "id. at 277
    n.2 (... to file" and "any opposition ...); id. at 287", which is still the district court's
    opinion, not the footnote's Morales Feliciano."""
    text = (
        "See, e.g., Calvary Chapel, 459 F.\nSupp. 3d at 277 (describing issue sub judice as "
        '"[the Chapel\'s]\nMotion for Temporary Restraining Order").\n'
        'See, e.g., id. at 281 n.11 (noting that record lacks "any\ninformation about the '
        'number of members"); id.\nat 277 n.2 (declining to consider amicus brief "[b]ecause '
        "of the\ntight timelines, and because [the Chapel] has not had time to file\n\n"
        "2 Even if these circumstances qualified as a close call — and\nwe do not believe that "
        'they do — our settled practice when\nconfronted with borderline cases is to "resolve[] '
        'against\nimmediate appealability."  Morales Feliciano v. Rullan, 303 F.3d\n1, 7 (1st '
        "Cir. 2002).\nCase: 20-1507     Document: 00117684624     Page: 10      Date Filed: "
        '12/22/2020      Entry ID: 6390389\n\n- 11 -\nany opposition to the amicus motion"); '
        "id. at 287 (noting that the\nChapel failed to develop its argument)."
    )
    full = "See Calvary Chapel of Bangor v. Mills, 459 F. Supp. 3d 273, 283-\n288 (D. Me. 2020).\n"
    short = _short(full + text)
    assert short[-1] == ("id. at 287", "459 F. Supp. 3d 273")


def test_an_id_inside_a_footnote_is_the_footnote_s_case() -> None:
    """The same page: an "Id." written inside the footnote keeps the footnote's citation."""
    text = (
        "tight timelines, and because [the Chapel] has not had time to file\n\n"
        '2 Even if these circumstances qualified as a close call, "resolve[] against\nimmediate '
        'appealability."  Morales Feliciano v. Rullan, 303 F.3d\n1, 7 (1st Cir. 2002). Id. at 8.'
    )
    assert _short(text) == [("Id. at 8", "303 F.3d 1")]


def test_id_before_a_string_cite_s_semicolon() -> None:
    """http://ecases.us/case/ord/c9300394/webster-v-united-states-of-america (D. Or.): "Id.;"
    (eyecite reads "id." only before a space or a comma)."""
    text = (
        "Under the Federal Magistrates Act, the Court may “accept, reject, or modify, in whole "
        "or in part, the findings or recommendations made by the magistrate judge.” 28 U.S.C. "
        "§ 636(b)(1). If a party files objections to a magistrate judge’s findings and "
        "recommendations, “the court shall make a de novo determination of those portions of "
        "the report or specified proposed findings or recommendations to which objection is "
        "made.” Id.; Fed. R. Civ. P. 72(b)(3)."
    )
    assert _short(text) == [("Id.", "28 U.S.C. § 636(b)(1)")]


def test_washington_reporters_keep_their_own_abbreviation() -> None:
    """https://cetient.com/case/4206090/brian-hollins-v-richard-zbaraschuk-and-alexia-zbaraschuk
    (Wash. App.): "Wn. App." is the reporter's title (eyecite corrects it to "Wash. App.", other
    letters than the court and an annotator write); footnotes 2 and 3 are its short forms."""
    text = (
        "1 Clark v. Tenq, 195 Wn. App. 482, 491, 380 P.3d 73 (2016) (quoting Teter v.\n"
        "Deck, 174 Wn.2d 207, 215, 274 P.3d 336 (2012)), review denied, 187 Wn.2d 1016\n"
        "(2017); see also Hoskins v. Reich, 142 Wn. App. 557, 566, 174 P.3d 1250 (2008).\n"
        "2 Hoskins, 142 Wn. App. at 566.\n"
        "3 Clark, 195 Wn. App. at 492.\n"
    )
    found = [(c.kind, c.normalized) for c in find_citations(text)]
    assert ("case", "195 Wn. App. 482") in found
    assert ("case", "174 Wn.2d 207") in found
    assert _short(text) == [
        ("142 Wn. App. at 566", "142 Wn. App. 557"),
        ("195 Wn. App. at 492", "195 Wn. App. 482"),
    ]
    # spacing alone is not another abbreviation: eyecite's form stays
    assert find_citations("Iqbal, 129 S.Ct. 1937 (2009).")[0].normalized == "129 S. Ct. 1937"


def test_id_after_parallel_citations_is_the_first() -> None:
    """http://ecases.us/mobile/case/azd/c8617797/united-states-v-scholl (D. Ariz.): "Id. at 588"
    after "509 U.S. 579, 113 S. Ct. 2786, 125 L. Ed. 2d 469" pins the U.S. Reports."""
    text = (
        "The Supreme Court of the United States in Daubert v. Merrell Dow Pharmaceuticals, Inc., "
        "509 U.S. 579, 113 S. Ct. 2786, 125 L. Ed. 2d 469 (1993), set forth the guideposts for "
        "determining the admissibility of expert testimony. Of central significance was the "
        "Court's recognition both of the Federal Rules' \"liberal thrust\" with regard to the "
        'admissibility of expert testimony and the trial judge\'s "gate keeping" role vis-a-vis '
        "expert proof on scientific issues. Id. at 588, 597, 113 S. Ct. at 2794, 2798-99."
    )
    assert _short(text) == [
        ("Id. at 588, 597", "509 U.S. 579"),
        ("113 S. Ct. at 2794, 2798-99", "113 S. Ct. 2786"),
    ]


def test_id_paragraph_after_a_public_domain_and_a_reporter_citation() -> None:
    """https://cetient.com/case/5138602/evans-v-utah-department-of-transp (Utah App.): "Id. ¶ 6"
    after "2014 UT App 178, 332 P.3d 980" is the public-domain citation, whose paragraphs it
    pins (round 9's passage; the rule was written from the District of Arizona's)."""
    text = (
        "Evans appealed that decision to this court. See Spanish Fork City\n"
        "v. Evans Grader & Paving, Inc., 2014 UT App 178, 332 P.3d 980.\n"
        'We affirmed, holding that both signs were "illegal\n'
        'and . . . subject to removal" because they were constructed\n'
        "without a permit. Id. ¶ 6.\n"
    )
    assert _short(text) == [("Id. ¶ 6", "2014 UT App 178")]
