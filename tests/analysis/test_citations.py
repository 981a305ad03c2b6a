"""Citations: case reporters (eyecite), statutes and docket numbers, normalized with spans."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from casebase.analysis.citations import docket_keys, find_citations, normalize_docket

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
