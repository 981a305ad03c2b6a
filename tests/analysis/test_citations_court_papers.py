"""Citations of court papers in forms round 8 found missed on out-of-sample opinions, orders and
briefs (docs/evaluation.md, "Round 8: citations in court papers"). The sentences are made up; each
test names the kind of court paper the form was seen in."""

from __future__ import annotations

from casebase.analysis.citations import find_citations


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.normalized) for c in find_citations(text)]


def _normalized(text: str) -> list[str]:
    return [c.normalized for c in find_citations(text)]


def test_docket_numbers_of_one_piece_after_a_docket_word() -> None:
    """Michigan ("Docket No. 310986"), Colorado ("Court of Appeals No. 15CA1572"), Georgia ("Case
    No. A06A0719") and Texas ("Cause No. 12CR2532") number a case in one piece; a patent or a
    serial number after an abbreviation is no docket."""
    text = (
        "The estate appeals as of right. Docket No. 310986.\n"
        "Court of Appeals No. 15CA1572 District Court No. 14CV33332\n"
        "The defendants appeal in Case No. A06A0719 and cross-appeal.\n"
        "On Appeal from the 10th District Court, Trial Court Cause No. 12CR2532.\n"
        "The device is claimed in U.S. Pat. No. 123456, and the order was No. 5 of 12."
    )
    assert _normalized(text) == ["310986", "15CA1572", "14CV33332", "A06A0719", "12CR2532"]


def test_district_court_numbers_with_cv_and_the_northern_district_of_illinois_c() -> None:
    """S.D.N.Y. letters write "10 CV 6005 (RWS)"; the Northern District of Illinois numbers a
    civil case "No. 12 C 9994" (a bare "C" only after "No."); an order's "Civ. No: 02-2029"."""
    text = (
        "Re: Doe v. Roe, 10 CV 6005 (RWS). Appeal from the Northern District of Illinois, No. 00 C "
        "4515. CASE NUMBER 12 C 4116. He earned a 12 C grade. Civ. No: 02-2029 (EGS)."
    )
    assert _normalized(text) == ["10-cv-06005", "00-cv-04515", "12-cv-04116", "02-2029"]


def test_pennsylvania_appellate_and_common_pleas_numbers() -> None:
    """The Superior Court's "No. 879 WDA 2022" and a court of common pleas' docket."""
    text = (
        "Appellant : No. 879 WDA 2022 Appeal from the Judgment of Sentence, Criminal Division at "
        "No(s): CP-02-CR-0001241-2020."
    )
    assert _normalized(text) == ["879 WDA 2022", "CP-02-CR-0001241-2020"]


def test_docket_entries_in_lower_case_and_in_brackets_after_the_papers_name() -> None:
    """Orders cite "[docket no. 6]", "(doc. no. 114)", "(Docket no. 50)"; N.D. Ill. and D.D.C.
    put the entry's number in brackets after the paper ("motion to dismiss [20]", "Motion [18] to
    Dismiss", "MOTION FOR REMAND [16]"); a footnote's bracket is no entry."""
    text = (
        "The court GRANTS the motion [docket no. 6] and denies the other (doc. no. 114). The Court "
        "so ordered. (Docket no. 50). Defendants' motion to dismiss [20] is granted, their motions "
        "[5, 18, and 22] too, and the defendants' Motion [18] to Dismiss. ORDER DENYING MOTION FOR "
        "REMAND [16]. The opinion was long.[1] (Compl. ¶ 4). [2]"
    )
    assert [(c.text, c.normalized) for c in find_citations(text) if c.kind == "record"] == [
        ("docket no. 6", "Dkt. No. 6"),
        ("doc. no. 114", "Doc. No. 114"),
        ("Docket no. 50", "Dkt. No. 50"),
        ("[20]", "ECF No. 20"),
        ("[5, 18, and 22]", "ECF Nos. 5, 18, 22"),
        ("[18]", "ECF No. 18"),
        ("[16]", "ECF No. 16"),
        ("Compl. ¶ 4", "Compl. ¶ 4"),
    ]


def test_papers_named_after_their_entry_or_by_a_defined_short_name_with_a_pin() -> None:
    """D.D.C.: "ECF No. 1-6 (FOIA Request) at 1", then "FOIA Request at 2"; S.D.N.Y.: a
    memorandum given its short name in the citation, "(“Def.’s Mem.”) at 1"."""
    text = (
        "They filed a request. See ECF No. 1-6 (Records Request) at 1. It sought twenty kinds. "
        "Records Request at 2–3. Defendant seeks a protective order. (Defendant's Memorandum of "
        "Law (“Def.’s Mem.”) at 1.) The witness said so (“the Tape”) at 4 o'clock."
    )
    assert _found(text) == [
        ("record", "ECF No. 1-6", "ECF No. 1-6"),
        ("short_form", "Records Request at 2–3", "ECF No. 1-6"),
        ("record", "(“Def.’s Mem.”) at 1", "Def.’s Mem. at 1"),
    ]


def test_pennsylvania_cites_of_a_paper_by_its_date() -> None:
    text = (
        "The court noted the waiver. See Trial Court Opinion, 6/15/23, at 3 n.1. The officer "
        "testified to it. N.T., 5/19/22, at 45-46."
    )
    assert [c.text for c in find_citations(text)] == [
        "Trial Court Opinion, 6/15/23, at 3 n.1",
        "N.T., 5/19/22, at 45-46",
    ]


def test_code_sections_by_sec_and_lists_after_a_double_section_sign() -> None:
    """Older opinions write "11 U.S.C. Sec. 362(e)"; "§§" and "Secs." begin a list of sections
    of one code, one citation of them all as the gold annotates a list ("28 U.S.C. §§ 1331 and
    1343" = "28 U.S.C. §§ 1331, 1343"), its year left out."""
    text = (
        "The stay ended under 11 U.S.C. Sec. 362(e). Jurisdiction lies under 28 U.S.C. §§ 1331, \n"
        "1367 (2018). He was convicted under 75 Pa.C.S.A. §§ 3802(b), 3745(a), and 3746(a)(2), "
        "respectively, and appealed under 28 U.S.C.A. Secs. 157, 158(d) in 1989."
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("11 U.S.C. Sec. 362(e)", "11 U.S.C. § 362(e)"),
        ("28 U.S.C. §§ 1331, \n1367", "28 U.S.C. §§ 1331, 1367"),
        (
            "75 Pa.C.S.A. §§ 3802(b), 3745(a), and 3746(a)(2)",
            "75 Pa. Cons. Stat. §§ 3802(b), 3745(a), 3746(a)(2)",
        ),
        ("28 U.S.C.A. Secs. 157, 158(d)", "28 U.S.C. §§ 157, 158(d)"),
    ]


def test_state_statutes_in_their_courts_own_styles() -> None:
    """Colorado puts "C.R.S." after the section; Florida writes "section 57.105(1), Florida
    Statutes" and then the bare section; Connecticut "General Statutes § 52-235" and "Practice
    Book § 61-11"; Florida names its constitution after the article."""
    text = (
        "Immunity is waived under § 24-10-106(1)(d)(I), C.R.S. 2016. They moved under section "
        "57.105(1), Florida Statutes (2017), and a section 57.105(1) motion may name counsel. We "
        "have jurisdiction. See Art. V, § 4(b)(1), Fla. Const. The question is reserved under "
        "General Statutes § 52-235 and Practice Book § 73-1."
    )
    assert _found(text) == [
        ("statute", "§ 24-10-106(1)(d)(I), C.R.S.", "Colo. Rev. Stat. § 24-10-106(1)(d)(I)"),
        ("statute", "section 57.105(1), Florida Statutes", "Fla. Stat. § 57.105(1)"),
        ("statute", "section 57.105(1)", "Fla. Stat. § 57.105(1)"),
        ("statute", "Art. V, § 4", "Fla. Const. art. V, § 4"),
        ("statute", "General Statutes § 52-235", "Conn. Gen. Stat. § 52-235"),
        ("rule", "Practice Book § 73-1", "Conn. Practice Book § 73-1"),
    ]


def test_rules_of_bankruptcy_dotted_federal_rules_and_local_rules_in_words() -> None:
    text = (
        "The stay terminated under Bankruptcy Rule 4001(a)(2), not Bankruptcy Rule 11. Pursuant "
        "to F.R.C.P. 37(a)(1), a party may move. The motion shall comply with Rule 7.1 of the "
        "Court's Local Rules."
    )
    assert _found(text) == [
        ("rule", "Bankruptcy Rule 4001(a)(2)", "Fed. R. Bankr. P. 4001(a)(2)"),
        ("rule", "F.R.C.P. 37(a)(1)", "Fed. R. Civ. P. 37(a)(1)"),
        ("rule", "Rule 7.1 of the Court's Local Rules", "Rule 7.1 of the Court's Local Rules"),
    ]


def test_court_rules_numbered_with_a_colon_and_michigans_court_rules() -> None:
    """New Jersey's "R. 1:36-3", Massachusetts' "Rule 1:28", Michigan's "MCR 2.116(C)(10)"."""
    text = (
        "This opinion is not precedent. R. 1:36-3. MEMORANDUM AND ORDER PURSUANT TO RULE 1:28. "
        "The state moved for summary disposition under MCR 2.116(C)(10). The hearing began at "
        "9:30."
    )
    assert _normalized(text) == ["R. 1:36-3", "RULE 1:28", "MCR 2.116(C)(10)"]


def test_a_states_rules_of_civil_procedure_in_its_own_style_and_bare() -> None:
    """Massachusetts spaces subsections and its district courts write "Mass. R. Civ. P., Rule";
    a bare "Rule 12 (b) (6)" in a text citing one state's civil rules and no federal one is that
    state's rule."""
    text = (
        "The defendants referenced Mass. R. Civ. P., Rule 12 (b) (5), but the motion was one under "
        "Rule 12 (b) (6). Under Rule 11 (1993 amendments) nothing changed."
    )
    assert _found(text) == [
        ("rule", "Mass. R. Civ. P., Rule 12 (b) (5)", "Mass. R. Civ. P., Rule 12 (b) (5)"),
        ("rule", "Rule 12 (b) (6)", "Mass. R. Civ. P. 12(b)(6)"),
        ("rule", "Rule 11", "Mass. R. Civ. P. 11"),
    ]
