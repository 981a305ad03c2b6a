"""Citations: case reporters (eyecite), statutes and docket numbers, normalized with spans."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from casebase.analysis.citations import (
    caption_district,
    docket_keys,
    find_citations,
    normalize_docket,
)

TEXT = (
    "See Google LLC v. Oracle America, Inc., 593 U.S. 1, 141 S. Ct. 1183 (2021); fair use under "
    "17 U.S.C. §107 and the CFAA, 18 U.S.C. § 1030(a)(2). Musk v. Altman, No. 4:24-cv-04722-YGR "
    "(N.D. Cal.), was first filed as No. 24-cv-4722; the appeal is Case No. 17-16783."
)


def test_citations_with_kinds_normalized_forms_and_spans() -> None:
    found = find_citations(TEXT)
    assert [(c.kind, c.normalized) for c in found] == [
        ("case", "593 U.S. 1"),
        ("case", "141 S. Ct. 1183"),
        ("statute", "17 U.S.C. § 107"),
        ("statute", "18 U.S.C. § 1030(a)(2)"),
        ("docket", "24-cv-04722"),
        ("docket", "24-cv-04722"),
        ("docket", "17-16783"),
    ]
    for citation in found:
        assert TEXT[citation.start : citation.end] == citation.text


def test_docket_keys_match_case_docket_numbers() -> None:
    # Case.docket_number values as cases.yaml records them.
    assert normalize_docket("4:24-cv-04722-YGR (original complaint captioned 3:24-cv-04722)") == (
        "24-cv-04722"
    )
    assert docket_keys(
        "1:23-cv-11195-SHS-OTW; centralized in In re OpenAI, Inc. Copyright Infringement "
        "Litigation, No. 25-md-3143"
    ) == ["23-cv-11195", "25-md-03143"]
    assert normalize_docket("CGC-24-612746") == "CGC-24-612746"
    assert normalize_docket("dedce/1:2020cv00613/72109") == "20-cv-00613"  # PACER's form
    assert normalize_docket("no docket here") is None


def test_ordinary_numbers_are_not_citations() -> None:
    assert find_citations("Musk gave about $45 million from 2015 to 2018, 80% of the total.") == []


def test_sections_eyecite_misses_and_short_forms() -> None:
    # Footnote of the Eighth Circuit filing among the real court PDFs (Beavers v. Midland).
    assert [(c.kind, c.normalized) for c in find_citations("1\n 15 U.S.C. § 1692k(d).")] == [
        ("statute", "15 U.S.C. § 1692k(d)")
    ]
    # Van Buren v. United States syllabus: a later bare section of the same code, an en dash.
    text = "It violated 18 U. S. C. §1030(a)(2). Section §1030(e)(6) defines it. No. 19–783."
    assert [c.normalized for c in find_citations(text)] == [
        "18 U.S.C. § 1030(a)(2)",
        "18 U.S.C. § 1030(e)(6)",
        "19-783",
    ]
    assert [c.normalized for c in find_citations("See § 107.")] == []  # no code to attach it to


def test_citations_in_later_paragraphs_keep_their_offsets_in_the_whole_text() -> None:
    """eyecite reads only the paragraphs that could hold a citation; spans stay absolute."""
    paragraphs = [
        "On March 15 Musk said he would appeal, and OpenAI declined to comment.",
        "The court relied on Warhol, 598 U.S. 508 (2023), and 2023 WL 4561234.",
        "Nothing cited here.\n\nUnder Pub. L. No. 94-553 and Fed. R. Civ. P. 12(b)(6), it ruled.",
    ]
    text = "\n\n".join(paragraphs)
    found = find_citations(text)
    assert [text[c.start : c.end] for c in found if c.kind == "case"] == [
        "598 U.S. 508",
        "2023 WL 4561234",
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert found == sorted(found, key=lambda c: c.start)
    whole = [(c.text, c.normalized) for c in found]
    assert whole == [(c.text, c.normalized) for p in paragraphs for c in find_citations(p)]


DETERMINISM_PROBE = """
import logging, sys
from pathlib import Path
logging.disable(logging.WARNING)
from casebase.text.extract import extract_text
from casebase.analysis.citations import find_citations
pdf = Path(sys.argv[1])
for c in find_citations(extract_text(pdf.read_bytes(), pdf.name).text):
    print(c.kind, c.start, c.end, c.normalized)
"""


def test_the_same_text_gives_the_same_citations_in_every_process(shared_dir: Path) -> None:
    """eyecite chose between overlapping matches in set order, which follows the hash seed: the
    US Tax Court opinion gave three different citation lists under seeds 0, 1 and 2."""
    pdf = shared_dir / "testdata" / "court-pdfs" / "opinion_tax.pdf"
    outputs = set()
    for seed in ("0", "1", "2"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "DJANGO_SETTINGS_MODULE": "casebase.settings.base",
        }
        run = subprocess.run(
            [sys.executable, "-c", DETERMINISM_PROBE, str(pdf)],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert "290 U.S. 111" in outputs.pop()


def _cited(text: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.normalized) for c in find_citations(text)]


def test_record_references_and_the_docket_they_name() -> None:
    # In re OpenAI, Inc. Copyright Infringement Litig. (S.D.N.Y. 2025), order on reconsideration:
    # https://app.minerva26.com/case_law/64012-in-re-openai-inc-copyright-infringement-litig
    text = (
        "(See ECF Nos. 22-1, 24, 27). (See ECF 32, 33). (See 23-cv-11195, ECF 379); "
        "(23-cv-8292, ECF 327, “Tr. Jan. 22, 2025”)."
    )
    assert _cited(text) == [
        ("record", "ECF Nos. 22-1, 24, 27", "ECF Nos. 22-1, 24, 27"),
        ("record", "ECF 32, 33", "ECF Nos. 32, 33"),
        ("docket", "23-cv-11195", "23-cv-11195"),
        ("record", "ECF 379", "ECF No. 379"),
        ("docket", "23-cv-8292", "23-cv-08292"),
        ("record", "ECF 327", "ECF No. 327"),
        ("record", "Tr. Jan. 22, 2025", "Tr. Jan. 22, 2025"),
    ]
    assert [c.docket for c in find_citations(text) if c.kind == "record"] == [
        None, None, "23-cv-11195", "23-cv-08292", None
    ]  # fmt: skip


def test_docket_entries_exhibits_and_an_id_that_stands_for_one() -> None:
    # Kwun declaration in Griffo v. Oculus (C.D. Cal.), ECF 132: https://github.com/
    # freelawproject/x-ray/blob/64b396db/program/data/gov.uscourts.cacd.624449.132.0.pdf
    text = (
        "under seal (Dkt. 107, 121). The Court extended the deadline for filing the proposed\n"
        "11 redactions to October 8, 2018. Dkt. 129.\n14 that application. Dkt. 127 at 2. "
        "Id.\nSelmont Decl., Exh. B at 267–69 The redacted material"
    )
    assert _cited(text) == [
        ("record", "Dkt. 107, 121", "Dkt. 107, 121"),
        ("record", "Dkt. 129", "Dkt. 129"),
        ("record", "Dkt. 127 at 2", "Dkt. 127 at 2"),
        ("short_form", "Id.", "Dkt. 127"),
        ("record", "Selmont Decl., Exh. B at 267–69", "Selmont Decl. Ex. B at 267-69"),
    ]
    # Meta Platforms v. Bright Data (N.D. Cal. 2024):
    # http://casetext.com/case/meta-platforms-inc-v-bright-data-ltd-6
    text = (
        "Docket No. 1 (“Compl.”) at ¶¶ 4, 14, 15. Facebook is a social networking website "
        "and mobile application. Id. at ¶ 14."
    )
    assert _cited(text) == [
        ("record", "Docket No. 1", "Dkt. No. 1"),
        ("short_form", "Id. at ¶ 14", "Dkt. No. 1"),
    ]


def test_pleading_paragraphs_statute_lists_and_act_sections() -> None:
    # SEC v. Ripple Labs (S.D.N.Y. 2024), final judgment order:
    # https://hackernoon.com//sec-seeks-over-$17-billion-in-penalties-from-ripple-labs-for-alleged-xrp-securities-law-violations
    text = (
        "in violation of Section 5 of the Securities Act of 1933 (the “Securities Act”), "
        "15 U.S.C. § 77e(a), (c). Am. Compl. ¶¶ 9, 430–35, ECF No. 46."
    )
    assert _cited(text) == [
        ("statute", "Section 5 of the Securities Act", "Securities Act § 5"),
        ("statute", "15 U.S.C. § 77e(a), (c)", "15 U.S.C. § 77e(a), (c)"),
        ("record", "Am. Compl. ¶¶ 9, 430–35", "Am. Compl. ¶¶ 9, 430-35"),
        ("record", "ECF No. 46", "ECF No. 46"),
    ]
    assert _cited("under 37 C.F.R. § 1.56(a)")[0][0] == "regulation"


def test_federal_rules_written_out_and_bare() -> None:
    # Patel v. Facebook (9th Cir. 2019):
    # https://de.scribd.com/document/421345257/Patel-v-Facebook-9th-Circuit-Opinion
    assert _cited("class under Fed. R. Civ. P. 23 of users of Facebook, Inc.") == [
        ("rule", "Fed. R. Civ. P. 23", "Fed. R. Civ. P. 23")
    ]
    # Mata v. Avianca, No. 1:22-cv-01461 (S.D.N.Y. 2023): https://law.justia.com/cases/federal/
    # district-courts/new-york/nysdce/1:2022cv01461/575368/54/
    text = "Case 1:22-cv-01461-PKC. The Court Orders sanctions pursuant to Rule 11, or"
    assert _cited(text)[-1] == ("rule", "Rule 11", "Fed. R. Civ. P. 11")
    # Without a civil docket or a cited set of rules "Rule 11" is left alone.
    assert _cited("The Court Orders sanctions pursuant to Rule 11, or") == []


def test_pin_cites_and_docket_styles_of_other_courts() -> None:
    # Google LLC v. Oracle America (2021), syllabus: https://docslib.org/doc/68076/ (the pin is
    # in the span, not in the form to match on)
    assert _cited("See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.") == [
        ("case", "200 U. S. 321, 337", "200 U.S. 321")
    ]
    # Diaz v. Create and Construct (Tenn. Workers' Comp. App. Bd. 2019): https://github.com/
    # freelawproject/courtlistener/blob/main/cl/corpus_importer/test_assets/tenn_test_files/1449/
    text = "Ruben Diaz ) Docket No. 2019-06-0263\n)\nv. ) State File No. 9687-2019\n)"
    assert _cited(text) == [
        ("docket", "2019-06-0263", "2019-06-0263"),
        ("docket", "9687-2019", "9687-2019"),
    ]
    # Musk v. Altman, ECF 180 (N.D. Cal.): https://storage.courtlistener.com/recap/
    # gov.uscourts.cand.433688/gov.uscourts.cand.433688.180.0_2.pdf
    assert _cited("See, e.g., Twitter, Inc. v. Musk, Dkt. 513, C.A. No. 2022-0613-KSJM (Del.") == [
        ("record", "Dkt. 513", "Dkt. 513"),
        ("docket", "2022-0613-KSJM", "2022-0613"),
    ]
    # Epic Games v. Apple (9th Cir. 2023), caption: http://ecases.us/case/ca9/c8835562/
    assert _cited("D.C. No. 4:20-cv-05640- v. YGR APPLE, INC.") == [
        ("docket", "4:20-cv-05640", "20-cv-05640")
    ]


def test_short_case_citations_stand_for_the_full_citation_of_their_volume() -> None:
    # Bordelon v. Commissioner, T.C. Memo. 2020-26 (opinion_tax.pdf of the shared court PDFs,
    # from freelawproject/doctor's test assets).
    text = (
        "See Melvin v. Commissioner, 88 T.C. 63\n(applying sec. 465(b)(4)); Brand v. "
        "Commissioner, 81 T.C. 821 (applying sec.\n465(b)(2)(A)).\nIn Brand v. Commissioner, "
        "81 T.C. at 828, we stated"
    )
    assert [(c.kind, c.normalized) for c in find_citations(text)] == [
        ("case", "88 T.C. 63"),
        ("case", "81 T.C. 821"),
        ("short_form", "81 T.C. 821"),
    ]


def test_record_references_of_petitions_discovery_letters_and_appeals() -> None:
    # Thaler v. Perlmutter, petition for certiorari (2025): https://github.com/decisionandlaw-sys/
    # derechoartificialnew/blob/6ffad476/public/fuentes/
    # thaler-perlmutter-certiorari-copyright-ia.pdf
    text = (
        "(unreported) is available at D.C. Cir., Case No. 23-5233,\nDocument No. 2115319, "
        "May 12, 2025, and is reproduced\nat Pet. App. 47a-48a."
    )
    assert _cited(text) == [
        ("docket", "23-5233", "23-5233"),
        ("record", "Document No. 2115319", "Document No. 2115319"),
        ("record", "Pet. App. 47a-48a", "Pet. App. 47a-48a"),
    ]
    assert find_citations(text)[1].docket == "23-5233"
    # Ross v. AT&T, discovery letter (N.D. Cal.): https://github.com/freelawproject/x-ray/blob/
    # 64b396db/program/data1/gov.uscourts.cand.349925.89.0_1.pdf
    text = "Task Force) (RFP Nos. 35-47). AT&T has refused\n(FAC, ¶¶ 100-105). Mr. Ross alleges"
    assert _cited(text) == [
        ("record", "RFP Nos. 35-47", "RFP Nos. 35-47"),
        ("record", "FAC, ¶¶ 100-105", "FAC ¶¶ 100-105"),
    ]
    # Zepeda Rivas v. Jennings, motion to stay (9th Cir. 2020): https://github.com/
    # freelawproject/doctor/blob/0106ff60/doctor/test_assets/recap_documents/ca9_19.pdf
    text = (
        "HERNANDEZ ROMAN, ET AL. V. WOLF, ET AL., CASE NOS. 20-55436,\n20-55662\n. See Case No. "
        "20-16276,\nDocket Entry No. 11-1 (Defendants-Appellants’ Excerpts of Record) 9-69. "
        "Pursuant to\nNinth Circuit Rule 28-2.6 filed with its opening brief."
    )
    assert _cited(text) == [
        ("docket", "20-55436", "20-55436"),
        ("docket", "20-55662", "20-55662"),
        ("docket", "20-16276", "20-16276"),
        ("record", "Docket Entry No. 11-1", "Docket Entry No. 11-1"),
        ("rule", "Ninth Circuit Rule 28-2.6", "9th Cir. R. 28-2.6"),
    ]
    # A line end inside a reference leaves it out (the gold rules annotate the unbroken part).
    assert _cited("See Hernandez Roman, Case No. 20-55436, Docket\nEntry No. 20 at 16-20.") == [
        ("docket", "20-55436", "20-55436")
    ]


def test_dockets_of_state_courts_and_the_older_district_court_style() -> None:
    # Jagels v. State (Mo. Ct. App. 2021): https://github.com/freelawproject/doctor/blob/main/
    # doctor/test_assets/missouri.pdf
    text = "JAGELS,    ) No. ED108783\n      )\nvs.      ) No. 1711-CC00064\n"
    assert [c.normalized for c in find_citations(text)] == ["ED108783", "1711-CC00064"]
    # Musk v. Altman, hearing transcript (N.D. Cal. 2025): https://storage.courtlistener.com/
    # recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.109.0.pdf
    assert _cited("vs.       )             NO. C 24-04722 YGR\n") == [
        ("docket", "C 24-04722 YGR", "C 24-04722 YGR")
    ]
    # United States v. Nikulin, pretrial conference (N.D. Cal. 2020): https://github.com/
    # freelawproject/x-ray/blob/64b396db/program/data1/gov.uscourts.cand.304407.318.0.pdf
    text = (
        "VS. ) No. CR 16-440-WHA-1\n)\n3 THE CLERK: Calling Criminal Action 16-440, United\n"
        "17 noticed an intent under Rule 12 to raise mental defect as a"
    )
    assert _cited(text) == [
        ("docket", "CR 16-440-WHA-1", "CR 16-440-WHA-1"),
        ("docket", "16-440", "16-440"),
        ("rule", "Rule 12", "Fed. R. Crim. P. 12"),
    ]


def test_the_constitution() -> None:
    # Thaler v. Perlmutter, petition for certiorari (source above).
    text = "The U.S. Constitution’s Copyright and Patent Clause,\nart. I, § 8, cl. 8, provides"
    assert _cited(text) == [("statute", "art. I, § 8, cl. 8", "U.S. Const. art. I, § 8, cl. 8")]


def test_rules_written_in_capitals_or_with_an_ordinal_circuit() -> None:
    # St. Pierre v. Standard Ins. Co., 5th Cir. No. 21-50498 (2022): "See FED. R. CIV. P.
    # 12(b)(6)" and the per curiam footnote's "5th Circuit Rule 47.5.4"
    text = (
        "a claim de novo.  See FED. R. CIV. P. 12(b)(6); under the limited\n"
        "circumstances set forth in 5th Circuit Rule 47.5.4.\n"
    )
    found = [(c.text, c.kind, c.normalized) for c in find_citations(text)]
    assert found == [
        ("FED. R. CIV. P. 12(b)(6)", "rule", "Fed. R. Civ. P. 12(b)(6)"),
        ("5th Circuit Rule 47.5.4", "rule", "5th Cir. R. 47.5.4"),
    ]


def test_a_scanned_l_for_1_in_a_subsection_is_read_as_the_digit() -> None:
    # Calderon-Fuentes v. CEVA Logistics, Tenn. Ct. Workers' Comp. Claims (2019), as its
    # scanned PDF's text layer reads
    text = "by Tenn. Code Ann. § 50-6-118(a)(l2) (2018)."
    (cite,) = [c for c in find_citations(text) if c.kind == "statute"]
    assert cite.text == "Tenn. Code Ann. § 50-6-118(a)(l2)"  # the text as written
    assert cite.normalized == "Tenn. Code Ann. § 50-6-118(a)(12)"


def test_exhibits_cited_and_exhibits_named() -> None:
    # Zepeda Rivas v. Jennings, N.D. Cal. 3:20-cv-02731, motion to stay (2020): a cited exhibit.
    text = "briefing deadline difficult. See Exhibit A (Declaration of Judah Lakin). Most"
    assert [(c.text, c.kind) for c in find_citations(text)] == [("Exhibit A", "record")]
    # Griffo v. Oculus VR, Kwun declaration (C.D. Cal. Dkt. 132): the exhibits the
    # declaration is about, named in its prose, are no citations (nor is a line number).
    text = (
        "19 4. Certain of the exhibits at issue in Plaintiff’s applications—Exhibits B,\n"
        "20 Y, and Z—include material that implicates the same agreement.\n"
        "24 5. Defendants do not object to the public filing of Exhibits A, H, K, L,\n"
    )
    assert find_citations(text) == []
    # The abbreviated forms are citations wherever they stand; written for this test (no
    # development text cites an exhibit so), as courts and briefs write them.
    text = "(Ex. 12 at 3; Exs. 4 and 5; PX 12; DX-3; Trial Tr. 1234:5-1235:2; Opp. at 7.)"
    assert [c.normalized for c in find_citations(text)] == [
        "Ex. 12 at 3",
        "Exs. 4 and 5",
        "PX 12",
        "DX-3",
        "Trial Tr. 1234:5-1235:2",
        "Opp. at 7",
    ]
    assert all(c.kind == "record" for c in find_citations(text))
    # A page's exhibit stamp (Marshall v. Northrop, Dkt. 202-2: "Exhibit 1" under every
    # page's footer) and an abbreviation that is no exhibit.
    assert find_citations("TSG Reporting - Worldwide - 877-702-9580\nExhibit 1\n") == []
    assert find_citations("the Ex. Comm. met") == []


def test_transcript_and_deposition_cites_by_page_and_line() -> None:
    # Written for this test, in the forms briefs use for a hearing transcript and a deposition.
    text = "Hr'g Tr. 45:3-9; Pomerantz Dep. 32:13-18; Tr. at 12."
    assert [c.normalized for c in find_citations(text)] == [
        "Hr'g Tr. 45:3-9",
        "Pomerantz Dep. 32:13-18",
        "Tr. at 12",
    ]


def test_a_citation_broken_by_a_line_end_or_a_double_space_is_found() -> None:
    """A PDF's text layer wraps court papers at every line: eyecite reads each paragraph with
    its white space squeezed, the spans stay in the text as given."""
    text = (
        "Walker v. Walker, 631\nS.W.3d 259, 264-65 (Tex. App. 2020); Richardson v. Axion,\n"
        "780 F .3d 304 (5th Cir. 2015); Jones v. Smith, 12 F.4th  56,  58 (9th Cir. 2021)."
    )
    found = find_citations(text)
    assert [(c.normalized, text[c.start : c.end]) for c in found] == [
        ("631 S.W.3d 259", "631\nS.W.3d 259, 264-65"),
        ("780 F.3d 304", "780 F .3d 304"),
        ("12 F.4th 56", "12 F.4th  56,  58"),
    ]


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.normalized) for c in find_citations(text)]


def test_record_references_of_every_court_style() -> None:
    text = (
        "See Doc. 5 at 2; D.E. 45; Dkt. #12; R. 45, PageID 123; J.A. 12; JA12; Appx123; "
        "SER 12; 2-FER-345; ROA.123; (App. 34). Smith v. Doe, 1 S.W.3d 2 (Tex. App. 2020)."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("record", "Doc. 5 at 2"),
        ("record", "D.E. 45"),
        ("record", "Dkt. 12"),
        ("record", "R. 45, PageID 123"),
        ("record", "J.A. 12"),
        ("record", "JA12"),
        ("record", "Appx123"),
        ("record", "SER 12"),
        ("record", "2-FER-345"),
        ("record", "ROA.123"),
        ("record", "App. 34"),
        ("case", "1 S.W.3d 2"),
    ]
    # a court's stamp on every page is no reference
    assert _found("Ross v. AT&T Doc. 547 Case 1:20-cv-00613-SB Document 547 Filed 09/25/23")[0][
        :2
    ] == ("docket", "1:20-cv-00613-SB")


def test_docket_numbers_of_state_and_appellate_courts() -> None:
    text = (
        "Index No. 652345/2023; People v. X, No. S123456; Doe v. Roe, No. A123456; "
        "appeal No. 2023-10234."
    )
    assert [n for _, _, n in _found(text)] == ["652345/2023", "S123456", "A123456", "2023-10234"]


def test_federal_rules_in_words_bare_rules_of_evidence_and_local_rules() -> None:
    text = (
        "Under Federal Rule of Civil Procedure 12(b)(6) and Rule 9(b), and Federal Rules of "
        "Evidence 702, Rule 403 excludes it. Rule 56 of the Federal Rules of Civil Procedure. "
        "Civil L.R. 7-3; Local Rule 37.2; LCvR 7(m)."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("rule", "Fed. R. Civ. P. 12(b)(6)"),
        ("rule", "Fed. R. Civ. P. 9(b)"),
        ("rule", "Fed. R. Evid. 702"),
        ("rule", "Fed. R. Evid. 403"),
        ("rule", "Fed. R. Civ. P. 56"),
        ("rule", "Civil L.R. 7-3"),
        ("rule", "Local Rule 37.2"),
        ("rule", "LCvR 7(m)"),
    ]
    # a state's decimal rule is no Federal Rule
    assert _found("Fed. R. Civ. P. 12 and Rule 24.035 apply.") == [
        ("rule", "Fed. R. Civ. P. 12", "Fed. R. Civ. P. 12")
    ]


def test_codes_named_by_their_title_and_bare_sections_of_their_chapters() -> None:
    text = (
        "She sued under Texas Insurance Code § 4001.003(1) and Tex. Gov't Code § 552.001. "
        "TEX. INS.\nCODE\n§ 4001.003(1)(B). It moved under California Code of Civil Procedure "
        "section 425.16 and Code Civ. Proc., § 425.17, within the meaning of section 501(c)(3) "
        "of the Internal\n\n26    Revenue Code; Bankruptcy Code section 362(a); 18 U.S.C., "
        "Section 3582."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("statute", "Tex. Ins. Code § 4001.003(1)"),
        ("statute", "Tex. Gov't Code § 552.001"),
        ("statute", "Tex. Ins. Code § 4001.003(1)(B)"),
        ("statute", "Cal. Civ. Proc. Code § 425.16"),
        ("statute", "Civ. Proc. Code § 425.17"),  # Texas is named too: no state assumed
        ("statute", "26 U.S.C. § 501(c)(3)"),
        ("statute", "11 U.S.C. § 362(a)"),
        ("statute", "18 U.S.C. § 3582"),
    ]
    assert _found("In California, Penal Code section 502(c) applies.") == [
        ("statute", "Penal Code section 502(c)", "Cal. Penal Code § 502(c)")
    ]
    assert _found("This Code § 5 and the Code section apply.") == []


def test_named_codes_are_found_where_a_full_scan_finds_them() -> None:
    """``_near_codes`` scans only around the word "Code": the same matches as a full scan,
    with codes close together, far apart, and at the text's very start and end."""
    from casebase.analysis.citations import _NAMED_CODE, _near_codes

    cites = [
        "Texas Insurance Code § 4001.003(1)",
        "Tex. Gov't Code § 552.001",
        "TEX. INS.\nCODE\n§ 4001.003(1)(B)",
        "California Code of Civil Procedure section 425.16",
        "Code Civ. Proc., § 425.17",
        "Penal Code section 502(c)",
    ]
    filler = "The parties agree on the facts of the case and the Court reads them so. "
    for gap in (0, 2, 5, 9, 40):
        text = (" " + filler * gap).join(cites)
        full = [m.span() for m in _NAMED_CODE.finditer(text)]
        assert [m.span() for m in _near_codes(text)] == full
        assert len(full) == 5  # all but the code broken across lines, which eyecite reads


def test_short_dockets_lexis_cites_ocr_id_and_id_before_a_record() -> None:
    text = (
        "Case 3:19-cr-00377-WHA Document 102. NO. CR-00377 WHA. Calling Criminal Action 19-377.\n"
        "See Doe v. Roe, 2015 TN Wrk. Comp. App. Bd. LEXIS 39, at *4. !d. at *5.\n"
        "See Roman, Case No. 20-55662, Docket Entry No. 5. Id. Docket Entry No. 9. Id."
    )
    assert [(k, n) for k, _, n in _found(text)][:8] == [
        ("docket", "19-cr-00377"),
        ("docket", "19-cr-00377"),
        ("docket", "19-cr-00377"),
        ("case", "2015 TN Wrk. Comp. App. Bd. LEXIS 39"),
        ("short_form", "2015 TN Wrk. Comp. App. Bd. LEXIS 39"),
        ("docket", "20-55662"),
        ("record", "Docket Entry No. 5"),
        ("short_form", "20-55662"),  # the same docket, another entry
    ]
    assert [(k, n) for k, _, n in _found(text)][8:] == [
        ("record", "Docket Entry No. 9"),
        ("short_form", "Docket Entry No. 9"),  # the citation right before
    ]


def test_sections_of_codified_acts_and_a_papers_short_form() -> None:
    text = (
        "Section 1 of the Sherman Act; section 1030(a)(2) of the CFAA; Section 5 of the "
        "Securities Act. The Court ruled (the “Order”). Order, ECF No. 874. It is. Order at 2."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("statute", "15 U.S.C. § 1"),
        ("statute", "18 U.S.C. § 1030(a)(2)"),
        ("statute", "Securities Act § 5"),  # not codified section for section
        ("record", "ECF No. 874"),
        ("short_form", "ECF No. 874"),
    ]


def test_paragraphs_of_a_judges_standing_order_and_procedures() -> None:
    text = (
        "Pursuant to Paragraph 8(b) of the Court’s Standing Order in Civil Cases and Paragraph "
        "14 of the Court’s discovery procedures; Civil Standing Order ¶ 5."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("rule", "Standing Order ¶ 8(b)"),
        ("rule", "Paragraph 14 of the Court’s discovery procedures"),
        ("rule", "Standing Order ¶ 5"),
    ]


def test_a_state_courts_bare_sections_and_rules_are_its_states() -> None:
    """The state is the one the opinion's case citations name; a text citing the U.S. Code
    or naming no state's courts three times resolves nothing so."""
    cases = (
        "Ames v. State, 239 S.W.3d 151, 153 (Tenn. Ct. App. 2007); Bell v. State, 314 S.W.3d "
        "331 (Tenn. 2010); Cole v. State, 547 S.W.3d 151, 155 (Tenn. 2018). "
    )
    text = cases + "It violated § 39-13-101(a). State File No. 58665-2018."
    assert [(k, n) for k, _, n in _found(text)][3:] == [
        ("statute", "Tenn. Code Ann. § 39-13-101(a)"),
        ("docket", "58665-2018"),
    ]
    missouri = cases.replace("Tenn. Ct. App.", "Mo. App. E.D.").replace("Tenn.", "Mo. banc")
    assert [(k, n) for k, _, n in _found(missouri + "Her Rule 24.035 motion.")][3:] == [
        ("rule", "Mo. Sup. Ct. R. 24.035")
    ]
    assert [k for k, _, _ in _found(cases[:100] + "It violated § 39-13-101(a).")] == ["case"] * 2


def test_constitutions_statutes_at_large_circuit_rules_and_record_pins() -> None:
    text = (
        "U.S. Const. amend. XIV, § 1; Pub. L. No. 115-264, 132 Stat. 3676 (2018); 9th Cir. R. "
        "36-3. See ECF No. 45-2, at 3; Dkt. 12 ¶ 5; ECF No. 45, PageID.123. Under 28 U.S.C. § "
        "1331 and § 1332(d)(2)."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("statute", "U.S. Const. amend. XIV, § 1"),
        ("statute", "Pub. L. No. 115-264"),
        ("statute", "132 Stat. 3676"),
        ("rule", "9th Cir. R. 36-3"),
        ("record", "ECF No. 45-2 at 3"),
        ("record", "Dkt. 12 ¶ 5"),
        ("record", "ECF No. 45, PageID.123"),
        ("statute", "28 U.S.C. § 1331"),
        ("statute", "28 U.S.C. § 1332(d)(2)"),  # the one title the text cites
    ]
    # two titles: a bare section is left out unless one of them cites it
    assert len(_found("Under 17 U.S.C. § 107 and 35 U.S.C. § 101, § 102 applies.")) == 2


def test_state_court_rules_district_docket_styles_and_more_papers() -> None:
    text = (
        "Tex. R. Civ. P. 91a; Cal. Rules of Court, rule 8.1115; N.Y. C.P.L.R. 3211(a)(7). "
        "No. CV 23-1234-GW (AGRx); No. CV-23-01234-PHX-DLR. Complaint ¶ 45; Hearing Tr. at 12."
    )
    assert [(k, n) for k, _, n in _found(text)] == [
        ("rule", "Tex. R. Civ. P. 91a"),
        ("rule", "Cal. Rules of Court, rule 8.1115"),
        ("rule", "N.Y. C.P.L.R. 3211(a)(7)"),
        ("docket", "CV 23-1234-GW"),
        ("docket", "23-cv-01234"),  # type first (round 8): the typed key
        ("record", "Complaint ¶ 45"),
        ("record", "Hearing Tr. at 12"),
    ]


def test_supra_names_a_party_as_the_case_name_before_its_cite_gives_it() -> None:
    text = (
        "See Andy Warhol Found. for the Visual Arts, Inc. v. Goldsmith, 598 U.S. 508 (2023); "
        "Smith v. Jones, 1 F.4th 2 (2021). Later, in Warhol, supra, at 530, and Jones, supra. "
        "Brown, supra."
    )
    assert [(k, t, n) for k, t, n in _found(text) if k == "short_form"] == [
        ("short_form", "supra, at 530", "598 U.S. 508"),
        ("short_form", "supra.", "1 F.4th 2"),
    ]


def test_a_briefs_papers_named_in_full_with_a_pin() -> None:
    text = "See Mot. to Dismiss at 5; Mem. of Law in Supp. of Mot. at 7-8; Reply at 2."
    assert [n for _, _, n in _found(text)] == [
        "Mot. to Dismiss at 5",
        "Mem. of Law in Supp. of Mot. at 7-8",
        "Reply at 2",
    ]
    assert _found("The Motion at 5 pages was long.") == []


def test_the_ordered_tokenizer_picks_what_eyecite_picks_in_list_order() -> None:
    """Ranking by identity (not eyecite's repr hash) keeps eyecite's choice of extractors."""
    from eyecite.tokenizers import default_tokenizer

    from casebase.analysis.citations import _TOKENIZER

    # one citation of each kind eyecite reads: a case with pin and year, "Id.", a statute, a rule
    text = (
        "See Roman Catholic Diocese of Brooklyn v. Cuomo, 141 S. Ct. 63, 67 (2020); "
        "Id. at 68; 42 U.S.C. § 1983; Fed. R. App. P. 8(a)."
    )
    ours = _TOKENIZER.get_extractors(text)
    theirs = default_tokenizer.get_extractors(text)
    assert set(ours) == set(theirs) and len(ours) == len(set(ours))
    order = {e: i for i, e in enumerate(_TOKENIZER.extractors)}
    assert [order[e] for e in ours] == sorted(order[e] for e in ours)


def test_state_appellate_docket_numbers_after_a_docket_cue() -> None:
    # The shapes of the states' appellate numbers: Texas, Tennessee, Kentucky, Florida's
    # district courts of appeal, New Jersey's Appellate Division, Illinois.
    text = (
        "Appeal from the County Court at Law No. 2, Dallas County.\nNo. 05-19-00123-CV\n"
        "See Doe v. Roe, No. M2019-01234-COA-R3-CV, 2020 WL 1234567, at *3 (Tenn. Ct. App. "
        "Mar. 2, 2020); Case No. 2019-CA-001234-MR; Case No. 4D19-1234; Docket No. A-1234-19; "
        "Appeal No. 1-19-1234. Pub. L. No. 115-264 is a law, Exhibit No. 12-3 an exhibit."
    )
    dockets = [c.text for c in find_citations(text) if c.kind == "docket"]
    assert dockets == [
        "05-19-00123-CV", "M2019-01234-COA-R3-CV", "2019-CA-001234-MR", "4D19-1234",
        "A-1234-19", "1-19-1234",
    ]  # fmt: skip


def test_state_codes_cited_by_their_own_abbreviations() -> None:
    # How Georgia, New Jersey, Washington, Illinois, Massachusetts and Missouri courts cite
    # their codes ("O.C.G.A. § 9-11-12(b)(6)", "RCW 4.16.080(2)", "815 ILCS 505/2", "G.L. c.
    # 93A, § 11", "section 558.011, RSMo"), normalized to the Bluebook's names.
    text = (
        "The motion was brought under O.C.G.A. § 9-11-12(b)(6). The claim is timely under "
        "N.J.S.A. 2A:14-2 and RCW 4.16.080(2). Consumer Fraud Act, 815 ILCS 505/2; G.L. c. 93A, "
        "§ 11; and section 558.011, RSMo. ORS 12 rounds are no citation."
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("O.C.G.A. § 9-11-12(b)(6)", "Ga. Code Ann. § 9-11-12(b)(6)"),
        ("N.J.S.A. 2A:14-2", "N.J. Stat. Ann. § 2A:14-2"),
        ("RCW 4.16.080(2)", "Wash. Rev. Code § 4.16.080(2)"),
        ("815 ILCS 505/2", "815 Ill. Comp. Stat. 505/2"),
        ("G.L. c. 93A, § 11", "Mass. Gen. Laws ch. 93A, § 11"),
        ("section 558.011, RSMo", "Mo. Rev. Stat. § 558.011"),
    ]


def test_a_short_form_whose_full_cite_the_excerpt_does_not_hold_is_kept_as_written() -> None:
    # An excerpt of an opinion starting after its full cites: "Id." and "Van Buren, 593 U.S.
    # at 396" still cite (an "Id." after one of them as written too); a lone "supra" does not
    # say what it stands for.
    text = (
        "Id. at 1652. The Court agreed. See Van Buren, 593 U.S. at 396; see also id. at 397. "
        "As discussed supra, the statute applies."
    )
    found = [(c.kind, c.text, c.normalized) for c in find_citations(text)]
    assert found == [
        ("short_form", "Id. at 1652", "Id. at 1652"),
        ("short_form", "593 U.S. at 396", "593 U.S. at 396"),
        ("short_form", "id. at 397", "id. at 397"),
    ]


# Round six (branch h-cites6): forms found missing on real court texts outside the gold set.


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.normalized) for c in find_citations(text)]


def test_an_id_in_parentheses_is_a_short_form() -> None:
    """A brief's or order's citation sentence in parentheses: "(Id. ¶¶ 1-2)" after "(Defs. 56.1
    Stmt. ¶ 1)". eyecite reads no "Id." right after a bracket.
    https://app.midpage.ai/document/tavarez-v-state-of-new-1000017756233"""
    text = (
        "Plaintiff was hired as a seasonal lifeguard at Riverbank State Park. (Defs. 56.1 Stmt. "
        "¶ 1). When he was hired, Plaintiff was provided with a Seasonal Employee Handbook and a "
        "Seasonal Appointment Letter. (Id. ¶¶ 1-2). Twombly, 550 U.S. 544, 555 (2007). (Id. at "
        "556.)"
    )
    assert _found(text) == [
        ("record", "Defs. 56.1 Stmt. ¶ 1", "Defs. 56.1 Stmt. ¶ 1"),
        # the paper without its paragraph (a short form is normalized without its pin; round
        # 12, branch h-cites12: before, "Defs. 56.1 Stmt. ¶ 1")
        ("short_form", "Id. ¶¶ 1-2", "Defs. 56.1 Stmt."),
        ("case", "550 U.S. 544, 555", "550 U.S. 544"),
        ("short_form", "Id. at 556", "550 U.S. 544"),
    ]


def test_statements_of_undisputed_facts_by_paragraph() -> None:
    """Local Civil Rule 56.1 statements (S.D.N.Y.) and the "SUF"/"SOF" of other courts.
    https://app.midpage.ai/document/tavarez-v-state-of-new-1000017756233"""
    text = (
        "Seasonal lifeguards are entitled to representation by NYSCOPBA. (Defs. 56.1 Stmt. ¶ 18). "
        "He was terminated. Pl.'s Rule 56.1 Counterstmt. ¶ 4; DSUF ¶¶ 12-14; Pls.' SOF ¶ 3."
    )
    assert [c.text for c in find_citations(text)] == [
        "Defs. 56.1 Stmt. ¶ 18",
        "Pl.'s Rule 56.1 Counterstmt. ¶ 4",
        "DSUF ¶¶ 12-14",
        "Pls.' SOF ¶ 3",
    ]


def test_docket_entries_by_number_sign() -> None:
    """D. Ariz. strings entries after one "Dkt." ("Dkt. #106, ¶ 5; #120, ¶ 5"); D. Nev. cites an
    entry by "#" alone in parentheses; N.D. Ala. writes "doc." in lower case.
    https://print.casetext.com/case/saguaro-medical-associates-3
    https://print.casetext.com/case/limtiaco-v-auction-carscom
    http://al.findacase.com/research/wfrmDocViewer.aspx/xq/fac.20180321_0000285.NAL.htm/qx"""
    text = (
        "A hospitalist is a doctor who cares for patients in a hospital setting. Dkt. #106, ¶ 5; "
        "#120, ¶ 5. On June 1, 2005, Banner and Saguaro entered into a semi-exclusive contract. "
        "Dkt. #106-3 at 2-23; #106, ¶ 6; #120, ¶ 6.\n"
        "Before the Court is Defendant's Motion to Dismiss (#8, filed April 28, 2011). Plaintiff "
        "filed a Response (#10). They were the #1 seed (#2 overall).\n"
        "This case is now before the Court on: Defendant's Motion for Summary Judgment (doc. 34)."
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("Dkt. #106, ¶ 5", "Dkt. 106 ¶ 5"),
        ("#120, ¶ 5", "Dkt. 120 ¶ 5"),
        ("Dkt. #106-3 at 2-23", "Dkt. 106-3 at 2-23"),
        ("#106, ¶ 6", "Dkt. 106 ¶ 6"),
        ("#120, ¶ 6", "Dkt. 120 ¶ 6"),
        ("#8", "#8"),
        ("#10", "#10"),
        ("doc. 34", "Doc. 34"),
    ]


def test_district_court_docket_styles() -> None:
    """S.D.N.Y.'s "04 Civ. 9541 (LAP)", W.D. Wash.'s "C20-5539RSL", D. Md.'s "Civil No.
    L-05-3127", N.D. Tex.'s one-letter judge ("3:93-CV-2297-H"), a caption's "Defendants. No.
    CIV-03-1950-PHX-NVW", a California trial court's "(Super. Ct. No. 03AS03133)".
    https://app.midpage.ai/document/tavarez-v-state-of-new-1000017756233
    http://print.casetext.com/case/starr-indem-liab-co-v-point-ruston-llc
    http://print.casetext.com/case/spence-v-nci-information-systems-2
    http://ecases.us/mobile/case/ca5/c4496880/itt-commercial-v-sams-wholesale-club
    https://www.findforms.com/single_form.php/form/768795/Motion_to_Strike_District_Court_of_Arizona_District_Court_of_Arizona_Arizona
    https://studylib.net/doc/7323718/c049391"""
    text = (
        "JOSE L. TAVAREZ, : Plaintiff, : 04 Civ. 9541 (LAP) : MEMORANDUM AND ORDER\n"
        "C20-5539RSL\nORDER ON MOTION TO DISMISS\n"
        "Civil No. L-05-3127.\n"
        "Appeal from the United States District Court For the Northern District of Texas "
        "(3:93-CV-2297-H) March 6, 1998\n"
        "STATE FARM MUTUAL AUTOMOBILE INSURANCE COMPANY, et al., Defendants. No. "
        "CIV-03-1950-PHX-NVW MOTION TO STRIKE\n"
        "(Super. Ct. No. 03AS03133)\n"
        "Pursuant to 5 U.S.C. § 704, 12 Civil Rights claims and 28 Cr. App. R. 1 are no dockets."
    )
    assert [(c.kind, c.text, c.normalized) for c in find_citations(text) if c.kind == "docket"] == [
        ("docket", "04 Civ. 9541 (LAP)", "04-cv-09541"),
        ("docket", "C20-5539RSL", "20-cv-05539"),
        ("docket", "L-05-3127", "L-05-3127"),
        ("docket", "3:93-CV-2297-H", "93-cv-02297"),
        ("docket", "CIV-03-1950-PHX-NVW", "CIV-03-1950-PHX-NVW"),
        ("docket", "03AS03133", "03AS03133"),
    ]


def test_rule_lists_capitals_and_state_rule_forms() -> None:
    """A list of Federal Rules ("12(b)(1) and 12(b)(6)"); the Fifth Circuit's rule in capitals
    ("5TH CIR. R. 47.5.4"); California's "rule 22(a) of the California Rules of Court"; Ohio's
    own "Evid.R. 804"/"Civ.R. 56(C)".
    http://print.casetext.com/case/farooqui-v-dept-of-state
    http://ecases.us/mobile/case/ca5/c4496880/itt-commercial-v-sams-wholesale-club
    https://studylib.net/doc/7323718/c049391
    https://cetient.com/case/3693794/in-re-estate-of-workman-07ca39-6-27-2008"""
    text = (
        "Defendants have moved to dismiss Plaintiffs' claims under Federal Rules of Civil "
        "Procedure 12(b)(1) and 12(b)(6). See also Fed. R. Civ. P. 26(a), 33, and 37(c); Fed. R. "
        "Civ. P. 12(b)(6) and 30 days later.\n"
        "* Pursuant to 5TH CIR. R. 47.5, the Court has determined that this opinion should not be "
        "published except under the limited circumstances set forth in 5TH CIR. R. 47.5.4.\n"
        "Pursuant to rule 22(a) of the California Rules of Court, appellant has moved this court "
        "to take judicial notice.\n"
        "{¶ 3} Second, the Estate argues that the trial court misapplied Evid. R. 804; see "
        "Civ.R. 56(C)."
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("Federal Rules of Civil Procedure 12(b)(1)", "Fed. R. Civ. P. 12(b)(1)"),
        ("12(b)(6)", "Fed. R. Civ. P. 12(b)(6)"),
        ("Fed. R. Civ. P. 26(a)", "Fed. R. Civ. P. 26(a)"),
        ("33", "Fed. R. Civ. P. 33"),
        ("37(c)", "Fed. R. Civ. P. 37(c)"),
        ("Fed. R. Civ. P. 12(b)(6)", "Fed. R. Civ. P. 12(b)(6)"),
        ("5TH CIR. R. 47.5", "5th Cir. R. 47.5"),
        ("5TH CIR. R. 47.5.4", "5th Cir. R. 47.5.4"),
        ("rule 22(a) of the California Rules of Court", "Cal. Rules of Court, rule 22(a)"),
        ("Evid. R. 804", "Evid. R. 804"),
        ("Civ.R. 56(C)", "Civ.R. 56(C)"),
    ]


def test_ohio_revised_code_session_laws_and_state_reporters_in_words() -> None:
    """Ohio's "R.C. 2950.09(B)" (= "Ohio Rev. Code Ann. § 2950.09(B)"), a reporter named by a
    state in full ("88 Ohio St. 3d 387") in a paragraph with no other hint of a citation, and
    California's session laws ("Stats. 1998, ch. 856, § 2").
    https://app.midpage.ai/document/state-v-gowdy-6781227
    https://studylib.net/doc/7323718/c049391"""
    text = (
        "88 Ohio St. 3d 387 | Ohio | 2000\n\n"
        "Today we address due process as it relates to notice of the sexual offender "
        "classification hearing under R.C. 2950.09(B).\n\n"
        "Appellant moved for judicial notice of the legislative history of a 1998 amendment "
        "(Assembly Bill 1950 (AB 1950)). (Stats. 1998, ch. 856, § 2.)"
    )
    assert _found(text) == [
        ("case", "88 Ohio St. 3d 387", "88 Ohio St. 3d 387"),
        ("statute", "R.C. 2950.09(B)", "Ohio Rev. Code Ann. § 2950.09(B)"),
        ("statute", "Stats. 1998, ch. 856, § 2", "Stats. 1998, ch. 856, § 2"),
    ]


def test_a_rule_at_a_sentences_end_and_colon_captions() -> None:
    """A rule ending its sentence ("Federal Rule of Civil Procedure 65.", "sanctions under Rule
    11."; a decimal "Rule 24.035" is still no Federal Rule); D.D.C.'s caption "Civil Action
    No.: 22-3715 (RC)" and "Re Document Nos.: 25, 30"; a Texas court of appeals' "NUMBER
    13-08-00313-CV"; a circuit's "I.O.P.".
    https://ru.scribd.com/document/378031412/Jurisdiction-Pleading
    https://docs.justia.com/cases/federal/district-courts/new-york/nyedce/2:2016cv06983/394983/69
    https://cetient.com/case/9955954/tyson-sr-v-us-postal-service
    https://cetient.com/case/2926553/statewide-mobile-homes-llc-and-mark-dizdar-individually-v-tesoro-inc-a-texas-corporation-dba-aaa-custom-and-electrical-signs
    https://cetient.com/case/4531501/in-re-aaron-hill"""
    text = (
        "MEMORANDUM OF DECISION & ORDER 2:16-cv-6983 (ADS)(SIL)\n"
        "The Court may issue the requested injunctive relief pursuant to 42 U.S.C. § 1983 and "
        "Federal Rule of Civil Procedure 65. The Plaintiffs moved for sanctions under Rule 11. "
        "Rule 24.035 governs post-conviction relief.\n"
        "Plaintiff, : Civil Action No.: 22-3715 (RC)\nv. : Re Document Nos.: 25, 30\n"
        "                            NUMBER 13-08-00313-CV\n"
        "RECOMMENDED FOR PUBLICATION Pursuant to Sixth Circuit I.O.P. 32.1(b)"
    )
    assert [(c.kind, c.text, c.normalized) for c in find_citations(text)] == [
        ("docket", "2:16-cv-6983", "16-cv-06983"),
        ("statute", "42 U.S.C. § 1983", "42 U.S.C. § 1983"),
        ("rule", "Federal Rule of Civil Procedure 65", "Fed. R. Civ. P. 65"),
        ("rule", "Rule 11", "Fed. R. Civ. P. 11"),
        ("docket", "22-3715", "22-3715"),
        ("record", "Document Nos.: 25, 30", "Document Nos. 25, 30"),
        ("docket", "13-08-00313-CV", "13-08-00313-CV"),
        ("rule", "Sixth Circuit I.O.P. 32.1(b)", "6th Cir. I.O.P. 32.1(b)"),
    ]


def test_new_york_forms_index_numbers_cplr_and_supra_by_full_name() -> None:
    """New York's official style: "Index 150120/13", "(Index No. 15756/07)", "CPLR 5701[c]"
    (a subdivision in brackets), "CPLR 3211(a)(1)", "CPLR article 78", and a supra after the
    whole case name repeated ("M. Paladino, Inc. v Lucchese & Son Contr. Corp., supra at 516").
    https://vdocuments.site/january-5-max-specialty-ins-co-v-wsg-invs-llc-no-09-cv-05237-cbajma.html
    https://westhamptonlawyer.wordpress.com/table-of-2012-new-york-appellate-division-cases-already-published/
    http://www.docstoc.com/docs/127964913/SUPREME-COURT_-APPELLATE-DIVISION-FIRST-DEPARTMENT----PDF
    https://huggingface.co/datasets/santoshtyss/us-court-cases/viewer/default/train?p=1"""
    text = (
        "14670 Black Bull Contracting, LLC, Index 150120/13 Plaintiff-Appellant,\n"
        "(Index No. 15756/07)\n"
        "leave to appeal is granted (see CPLR 5701[c]); the motion under CPLR 3211(a)(1) and the "
        "proceeding brought pursuant to CPLR article 78.\n"
        "(see M. Paladino, Inc. v Lucchese & Son Contr. Corp., 247 AD2d 515, 516 [1998]; Lambos "
        "& Giardino v Odel Corp., 182 AD2d 806 [1992]). An account stated (see M. Paladino, Inc. "
        "v Lucchese & Son Contr. Corp., supra at 516)."
    )
    assert [(c.kind, c.text, c.normalized) for c in find_citations(text)] == [
        ("docket", "150120/13", "150120/13"),
        ("docket", "15756/07", "15756/07"),
        ("statute", "CPLR 5701[c]", "N.Y. C.P.L.R. § 5701(c)"),
        ("statute", "CPLR 3211(a)(1)", "N.Y. C.P.L.R. § 3211(a)(1)"),
        ("statute", "CPLR article 78", "N.Y. C.P.L.R. art. 78"),
        ("case", "247 AD2d 515, 516", "247 A.D.2d 515"),
        ("case", "182 AD2d 806", "182 A.D.2d 806"),
        ("short_form", "supra at 516", "247 A.D.2d 515"),
    ]


def test_sentencing_guidelines_defined_rule_names_and_defendant_numbers() -> None:
    """The Sentencing Guidelines ("United States Sentencing Guideline § 2K2.1(c)(1)", "U.S.S.G. §
    2B1.1(b)(1)", "USSG §3E1.1"); a short name defined between a rule set and its number
    ('Federal Rule of Civil Procedure ("Rule") 12(b)(6)', after which "Rule 78(b)" is that set's);
    a criminal docket with its defendant number ("1:17-CR-01714-JCH-1").
    https://cetient.com/case/united-states-v-carlos-deon-williams-77135
    http://elawyers.us/opinion/1832768/green-v-pilot-life-ins-co
    http://www.supremecourt.gov/DocketPDF/20/20-7138/168386/20210208130840632_Appendix_combined%20begay%20CP.pdf"""
    text = (
        '"any" as it is used in United States Sentencing Guideline § 2K2.1(c)(1), and the '
        "enhancement of U.S.S.G. § 2B1.1(b)(1); see USSG §3E1.1.\n"
        "Pending before the Court is Defendant Google LLC's Motion to Dismiss pursuant to "
        'Federal Rule of Civil Procedure ("Rule") 12(b)(6). Pursuant to Rule 78(b) and Civil '
        "Local Rule 7-1(b), the Court finds this matter suitable for disposition.\n"
        "Appeal from the United States District Court for the District of New Mexico\n"
        "(D.C. No. 1:17-CR-01714-JCH-1) (D. N.M.)"
    )
    assert [(c.kind, c.text, c.normalized) for c in find_citations(text)] == [
        ("other", "United States Sentencing Guideline § 2K2.1(c)(1)", "U.S.S.G. § 2K2.1(c)(1)"),
        ("other", "U.S.S.G. § 2B1.1(b)(1)", "U.S.S.G. § 2B1.1(b)(1)"),
        ("other", "USSG §3E1.1", "U.S.S.G. § 3E1.1"),
        ("rule", 'Federal Rule of Civil Procedure ("Rule") 12(b)(6)', "Fed. R. Civ. P. 12(b)(6)"),
        ("rule", "Rule 78(b)", "Fed. R. Civ. P. 78(b)"),
        ("rule", "Civil Local Rule 7-1(b)", "Civil Local Rule 7-1(b)"),
        ("docket", "1:17-CR-01714-JCH-1", "17-cr-01714"),
    ]


def test_texas_and_illinois_forms() -> None:
    """State appellate forms: a Texas court of appeals' number after its seat ("Amarillo No.
    07-19-00147-CV"), a trial court's "Trial Court No. 348-285454-16", Texas rules in capitals
    or unspaced ("TEX. R. APP. P. 9.8(b)(2)", "Tex.R.App. P. 26.1(b)"); Illinois' "Supreme
    Court Rule 23" (then "Rule 23(e)(1)" is that set's), "Ill. S.Ct. R. 137", Cook County's "No.
    15 L 005404", the Illinois Revised Statutes; a telephone number is no docket.
    http://ecases.us/mobile/case/texapp/c3661270/in-the-interest-of-lmb-a-child
    http://ecases.us/case/texapp/c4544068/stephen-dunson-v-shirley-jacobson-tarrant-appraisal-review-board-and
    http://print.casetext.com/case/rainbow-gr-v-wagoner/case-summaries
    https://print.casetext.com/case/ring-v-schencker
    http://ecases.us/mobile/case/illappct/c1782866/nameoki-township-v-cruse"""
    text = (
        "In The Court of Appeals Seventh District of Texas at Amarillo No. 07-19-00147-CV IN THE "
        "INTEREST OF L.M.B., A CHILD\nTarrant County, Texas\nTrial Court No. 348-285454-16\n"
        "See TEX. R. APP. P. 9.8(b)(2); Tex.R.App. P. 26.1(b). Telephone No. 512-463-1625.\n\n"
        "This order was filed under Supreme Court Rule 23 and is not precedent except in the "
        "limited circumstances allowed under Rule 23(e)(1)\nAppeal from the Circuit Court Of Cook "
        "County. No. 15 L 005404. The court imposed sanctions under Supreme Court Rule 137 (Ill. "
        "S.Ct. R. 137 (eff.)). The annexation statute (Ill. Rev. Stat. 1985, ch. 24, pars. 7-1-1, "
        "7-1-8)."
    )
    assert [(c.kind, c.text, c.normalized) for c in find_citations(text)] == [
        ("docket", "07-19-00147-CV", "07-19-00147-CV"),
        ("docket", "348-285454-16", "348-285454-16"),
        ("rule", "TEX. R. APP. P. 9.8(b)(2)", "TEX. R. APP. P. 9.8(b)(2)"),
        ("rule", "Tex.R.App. P. 26.1(b)", "Tex.R.App. P. 26.1(b)"),
        ("rule", "Supreme Court Rule 23", "Supreme Court Rule 23"),
        ("rule", "Rule 23(e)(1)", "Supreme Court Rule 23(e)(1)"),
        ("docket", "15 L 005404", "15 L 005404"),
        ("rule", "Supreme Court Rule 137", "Supreme Court Rule 137"),
        ("rule", "Ill. S.Ct. R. 137", "Ill. S.Ct. R. 137"),
        (
            "statute",
            "Ill. Rev. Stat. 1985, ch. 24, pars. 7-1-1",
            "Ill. Rev. Stat. 1985, ch. 24, pars. 7-1-1",
        ),
    ]


def test_bracketed_docket_entries_before_a_papers_title() -> None:
    """D.D.C. cites an entry by its number in brackets before the paper's title ("Plaintiff's
    [2] Motion"); a footnote's "[1]" after a word is none.
    https://cetient.com/case/4326986/baker-v-consumer-financial-protection-bureau"""
    text = (
        "Before the Court is Plaintiff's [2] Motion for a Preliminary Injunction, which is "
        "opposed. Upon consideration of the pleadings,[1] the Court DENIES Plaintiff's [2]\n"
        "Motion. The Court issued the [24] Memorandum Opinion."
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("[2]", "ECF No. 2"),
        ("[2]", "ECF No. 2"),
        ("[24]", "ECF No. 24"),
    ]


def test_a_case_called_by_the_clerk_is_a_docket() -> None:
    """The clerk's or the bench's call of a case: the number, a comma and the case's name ("In
    re", or parties joined by "versus"/"v."), over a transcript's numbered line break too.
    Out of sample: https://www.aicourttranscripts.com/_media/dc:2017:usa_v._donnell_crews_14-3089.txt
    ("Case number 14-3089, United States of America versus ..."),
    https://www.scribd.com/document/1054580/US-Supreme-Court-06-11612 ("in Case 06-11612,
    Gonzalez v. United States")."""
    text = (
        "7 THE CLERK: CALLING CIVIL 19-6879, ACME\n"
        "8 WIDGETS VERSUS ROE.\n"
        "9 THE CLERK: Calling Civil 15-3747, In re Widget Privacy Litigation.\n"
        "10 THE COURT: Let's call 18-258, United States versus John Doe.\n"
        "11 Case number 14-3089, United States of America versus Jane Roe.\n"
        "12 We'll hear argument in Case 06-11612, Smith v. United States.\n"
    )
    assert [(c.text, c.kind, c.normalized) for c in find_citations(text)] == [
        ("19-6879", "docket", "19-6879"),
        ("15-3747", "docket", "15-3747"),
        ("18-258", "docket", "18-258"),
        ("14-3089", "docket", "14-3089"),
        ("06-11612", "docket", "06-11612"),
    ]


def test_a_number_called_without_a_case_name_is_no_docket() -> None:
    text = (
        "I call 12-3456, and then we left versus them. The case 12-345 was heard.\n"
        "Call me at 555-1234, Smith v. Jones aside. Calling case number one on the calendar.\n"
    )
    assert [c.kind for c in find_citations(text) if c.kind == "docket"] == []


def test_a_case_number_called_after_the_case_name_is_a_docket() -> None:
    """A state clerk's call names the case first: "Now calling People versus John Doe, case
    number 2019-272593-FC." (Oakland County, Mich., as transcribed at
    https://www.justicefordenis.org/post/june-18-2020-judge-alexander)."""
    text = "THE CLERK: Now calling People versus John Doe, case number 2019-123456-FC.\n"
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("2019-123456-FC", "2019-123456-FC")
    ]


def test_a_called_number_takes_the_full_docket_of_the_caption() -> None:
    """A clerk's short call ("18-258") is the caption's docket, written type first as the San
    Jose clerk writes it ("CR-18-00258-EJD" = 18-cr-00258)."""
    text = (
        "UNITED STATES OF AMERICA, ) CR-18-00258-EJD\n"
        "5 THE COURT: LET'S CALL 18-258, UNITED STATES VERSUS JOHN DOE.\n"
    )
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("CR-18-00258-EJD", "18-cr-00258"),
        ("18-258", "18-cr-00258"),
    ]
    assert normalize_docket("No. CV-23-01234-PHX-DLR") == "23-cv-01234"


def test_a_document_named_by_its_number_is_a_record_reference() -> None:
    """ "Document 621" said in a hearing is docket entry 621; an ECF header's "Document 98
    Filed ..." and "Document 3 of 7" are not."""
    text = (
        "Case 5:19-cv-06879-BLF Document 98 Filed 03/24/20 Page 1 of 20\n"
        "8 I DID RECEIVE YESTERDAY EVENING DOCUMENT 621, WHICH WAS A\n"
        "9 letter, and Document 45-1 too, but not Document 3 of 7.\n"
        "Doe v. Roe, No. 1:2020cv00613 - Document 547 (D. Del. 2023)\n"
    )
    assert [(c.text, c.normalized) for c in find_citations(text) if c.kind == "record"] == [
        ("DOCUMENT 621", "Dkt. 621"),
        ("Document 45-1", "Dkt. 45-1"),
    ]


def test_a_local_rule_takes_the_court_of_the_caption() -> None:
    """A local rule is the rule of the court the caption names, in the set of the case (a bare
    "Local Rule" of a civil case is a civil local rule); in capitals too."""
    text = (
        "Case 5:19-cv-06879-BLF Document 98 Filed 03/24/20 Page 1 of 20\n"
        "UNITED STATES DISTRICT COURT\n"
        "NORTHERN DISTRICT OF CALIFORNIA\n"
        "12 IS LAID OUT IN LOCAL RULE 7-9. THEY HAVE TO FILE A MOTION.\n"
        "13 See also Civil Local Rule 3-6 and Crim. L.R. 47-2.\n"
    )
    assert [(c.text, c.normalized) for c in find_citations(text) if c.kind == "rule"] == [
        ("LOCAL RULE 7-9", "N.D. Cal. Civ. L.R. 7-9"),
        ("Civil Local Rule 3-6", "N.D. Cal. Civ. L.R. 3-6"),
        ("Crim. L.R. 47-2", "N.D. Cal. Crim. L.R. 47-2"),
    ]


def test_a_local_rule_without_one_caption_court_stays_as_written() -> None:
    text = "The parties met and conferred under Civil L.R. 7-3 and Local Rule 37.2."
    assert [(c.text, c.normalized) for c in find_citations(text)] == [
        ("Civil L.R. 7-3", "Civil L.R. 7-3"),
        ("Local Rule 37.2", "Local Rule 37.2"),
    ]
    two = (
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
        "UNITED STATES DISTRICT COURT\nDISTRICT OF DELAWARE\n"
        "Under Local Rule 7-9, leave is needed."
    )
    assert [c.normalized for c in find_citations(two) if c.kind == "rule"] == ["Local Rule 7-9"]
    # a court named in the text is not the caption's: "Appeal from the United States ..."
    appeal = (
        "Appeal from the United States District Court for the District of New Mexico\n"
        "Under Civil Local Rule 7-1(b), no hearing was held."
    )
    assert [c.normalized for c in find_citations(appeal) if c.kind == "rule"] == [
        "Civil Local Rule 7-1(b)"
    ]


def test_caption_district_abbreviations() -> None:
    court = "UNITED STATES DISTRICT COURT\n"
    assert caption_district(f"{court}FOR THE DISTRICT OF DELAWARE") == "D. Del."
    assert caption_district(f"IN THE {court}13 FOR THE SOUTHERN DISTRICT OF NEW YORK") == "S.D.N.Y."
    assert caption_district(f"{court}EASTERN DISTRICT OF PENNSYLVANIA") == "E.D. Pa."
    assert caption_district("United States District Court for the District of Columbia") == "D.D.C."
    assert caption_district(f"{court}NORTHERN DISTRICT OF NARNIA") is None
    assert caption_district("No court here.") is None
