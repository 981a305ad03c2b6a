"""Record references held out (docs/evaluation.md, "Round 10: record references held out"). Each
passage is a short quote of a real public court paper, its address in the test's docstring; the
forms are classes (a docket entry in brackets, a plural "Docs.", Louisiana's "R. Doc.", a pin
read whole, the filer before a paper's name), not the one paper's words. A record reference
counts only with the same key of ``normalized`` (``scoring.citation_key``), so a pin cut short
or a prefix dropped is a miss however well the span overlaps."""

from __future__ import annotations

from casebase.analysis.citations import find_citations
from casebase.evaluation.scoring import citation_key


def _records(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.normalized) for c in find_citations(text) if c.kind == "record"]


def test_a_docket_entry_in_brackets_after_doc() -> None:
    """https://print.casetext.com/case/clark-v-thompson-21 (E.D. Mo.): "Doc. [65]", and the
    entry's paragraph after the bracket."""
    text = (
        "Before the Court is Defendant Michael G. Thompson's Renewed Motion for Summary Judgment. "
        "Doc. [65]. For the reasons set forth below, the motion is granted. At all times relevant "
        "to this motion, Plaintiff Adam Clark was an inmate held by the Missouri Department of "
        "Corrections. Doc. [67] ¶ 1."
    )
    assert _records(text) == [("Doc. [65]", "Doc. 65"), ("Doc. [67] ¶ 1", "Doc. 67 ¶ 1")]


def test_a_footnote_number_in_brackets_is_no_entry() -> None:
    """The bracket must follow the record word: a footnote's "[2]" after a sentence is not one
    (https://app.midpage.ai/document/tavarez-v-state-of-new-1000017756233, S.D.N.Y.)."""
    text = "(Defs. 56.1 Stmt. ¶ 1). [2] When he was hired, Plaintiff was provided with a Handbook."
    assert _records(text) == [("Defs. 56.1 Stmt. ¶ 1", "Defs. 56.1 Stmt. ¶ 1")]


def test_plural_docs_is_kept_plural() -> None:
    """https://print.casetext.com/case/delee-v-city-of-lanett (M.D. Ala.) and
    https://docs.justia.com/cases/federal/district-courts/georgia/gasdce/5:2013cv00127/62250/77
    (S.D. Ga.): "(docs. 45, 53)", "(Docs. 1, 14, 20.)" as written, the singular as before."""
    text = (
        "the Defendants' motions to strike various Plaintiff exhibits (docs. 45, 53). The Court "
        "held oral argument on December 20, 2022 (doc. 63). Plaintiff, who is currently "
        "incarcerated, filed a cause of action. (Docs. 1, 14, 20.)"
    )
    assert _records(text) == [
        ("docs. 45, 53", "Docs. 45, 53"),
        ("doc. 63", "Doc. 63"),
        ("Docs. 1, 14, 20", "Docs. 1, 14, 20"),
    ]
    assert citation_key("Docs. 45, 53") != citation_key("Doc. 45, 53")  # why the plural is kept


def test_louisianas_record_documents() -> None:
    """https://docs.justia.com/cases/federal/district-courts/louisiana/lamdce/3:2017cv00405/51437/135
    (M.D. La.) and https://print.casetext.com/case/hawkins-v-combe-inc (E.D. La.): "(R. Doc.
    84)", a footnote's "Rec. Doc. 4 at 5.", normalized as written (not "Doc. 84")."""
    text = (
        "Before the Court is Plaintiffs' Motion to Compel Discovery. (R. Doc. 84). The motion is "
        "opposed. (R. Doc. 100). Plaintiffs filed this breach of contract action. (R. Doc. 1, "
        '"Compl."). The Customer Cooperatives allege that they obtain power. (Compl. ¶¶ 1-4).\n\n'
        "Rec. Doc. 1-1.\n\nRec. Doc. 4 at 5.\n"
    )
    assert _records(text) == [
        ("R. Doc. 84", "R. Doc. 84"),
        ("R. Doc. 100", "R. Doc. 100"),
        ("R. Doc. 1", "R. Doc. 1"),
        ("Compl. ¶¶ 1-4", "Compl. ¶¶ 1-4"),
        ("Rec. Doc. 1-1", "Rec. Doc. 1-1"),
        ("Rec. Doc. 4 at 5", "Rec. Doc. 4 at 5"),
    ]


def test_a_pin_with_a_footnote_is_read_whole() -> None:
    """https://print.casetext.com/case/agosto-v-coppenger (N.D. Fla.): "(see ECF No. 47 at 1
    n.1)"; cut at "at 1" it would be another reference to the scorer."""
    text = "He was released from the FDOC on March 13, 2020 (see ECF No. 47 at 1 n.1)."
    assert _records(text) == [("ECF No. 47 at 1 n.1", "ECF No. 47 at 1 n.1")]


def test_page_and_line_and_page_abbreviation_pins() -> None:
    """Pins as the Bluebook's B17 and courts' orders write them: a page and lines ("at 3:4-10"),
    "p."/"pp." and "PageID #" (made-up sentences of the forms; the real ones above show the
    shapes the pin follows)."""
    assert _records("(Dkt. No. 45 at 3:4-10.)") == [
        ("Dkt. No. 45 at 3:4-10", "Dkt. No. 45 at 3:4-10")
    ]
    assert _records("(Doc. 12, p. 3.)") == [("Doc. 12, p. 3", "Doc. 12, p. 3")]
    assert _records("(Dkt. 12, pp. 3-4.)") == [("Dkt. 12, pp. 3-4", "Dkt. 12, pp. 3-4")]
    assert _records("(ECF No. 12 at PageID # 345.)") == [
        ("ECF No. 12 at PageID # 345", "ECF No. 12 at PageID # 345")
    ]


def test_the_filer_before_a_papers_name_is_part_of_its_pin_cite() -> None:
    """https://print.casetext.com/case/scott-v-thomas-15 (M.D. Ga.) cites "Defs.' Mem. in Supp.
    of Mot. for Summ. J. 3-13, ECF No. 29-1"; with "at" the filer's abbreviation stands
    before the paper's as well ("Pl.'s Mot. at 5"), and the key compares it."""
    assert _records("(Pl.'s Mot. at 5.)") == [("Pl.'s Mot. at 5", "Pl.'s Mot. at 5")]
    assert _records("(Defs.' Mem. at 4.)") == [("Defs.' Mem. at 4", "Defs.' Mem. at 4")]
    assert _records("(Mot. to Dismiss at 5.)") == [("Mot. to Dismiss at 5", "Mot. to Dismiss at 5")]
    text = (
        "Defs.' Mem. in Supp. of Mot. for Summ. J. 3-13, ECF No. 29-1. The Court agrees "
        "Defendants are entitled to qualified immunity."
    )
    assert ("ECF No. 29-1", "ECF No. 29-1") in _records(text)


def test_a_part_of_the_record_by_the_abbreviation_the_text_defines() -> None:
    """http://ecases.us/mobile/case/washctapp/c2767273/state-of-washington-v-troy-lee-steenhard-aka-troy-lee-bloor
    (Wash. Ct. App.): "Report of Proceedings (RP) at 416-17." defines "RP" and cites a page of
    it; later pages of "RP" are record references too (the sentence after it is made up)."""
    text = (
        'Steenhard requested that all children call him "Uncle Troy." Report of Proceedings (RP) '
        "at 416-17. Molly Tresh viewed Steenhard's interaction with Linda and Marlene. RP at 418."
    )
    assert _records(text) == [
        ("Report of Proceedings (RP) at 416-17", "RP at 416-17"),
        ("RP at 418", "RP at 418"),
    ]


def test_an_undefined_abbreviation_is_no_record_reference() -> None:
    """Washington's civil rules share the shape ("CR 56", "ER 404"): without a definition in
    the text an abbreviation and a number are left alone, and a defined one followed by a rule's
    subsection is not a page."""
    assert _records("Summary judgment is proper under CR 56. (RP 12.)") == []
    text = "Clerk's Papers (CP) at 12-13. The court ruled. CP 12(b) is not a page. (CP 20)"
    assert _records(text) == [("Clerk's Papers (CP) at 12-13", "CP at 12-13"), ("CP 20", "CP 20")]


def test_an_entry_in_brackets_after_a_plural_filer() -> None:
    """https://cetient.com/case/4307205/doe-v-trump (D.D.C.): "Defendants' [115] Motion to
    Dismiss" and "Plaintiffs' [131] Cross-Motion", as "Plaintiff's [2] Motion" was read."""
    text = (
        "Currently pending before the Court are Defendants' [115] Motion to Dismiss Plaintiffs'\n"
        "Second Amended Complaint, and Plaintiffs' [131] Cross-Motion for Summary Judgment."
    )
    assert _records(text) == [("[115]", "ECF No. 115"), ("[131]", "ECF No. 131")]
