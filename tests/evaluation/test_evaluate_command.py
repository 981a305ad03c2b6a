"""``manage.py evaluate`` end to end with the real pipeline, on specs and texts written here into
a temporary gold directory (a plain text and a PDF); and on the real gold set when
CASEBASE_SHARED_DIR is set."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import CommandError, call_command

from casebase.analysis.pipeline import analyse
from casebase.core.partial_dates import PartialDate
from casebase.evaluation.scoring import score_document, summarize
from casebase.pipeline.management.commands.evaluate import publication_date
from tests.data.pdfs import court_pdf

pytestmark = pytest.mark.django_db

NEWS = (
    "OAKLAND, Calif. (AP) — A federal judge on Tuesday denied Elon Musk's request to pause "
    "OpenAI's restructuring, saying he had not shown he was likely to win.\n\n"
    'Judge Yvonne Gonzalez Rogers said a trial could be held this fall. "We welcome the ruling," '
    "OpenAI said in a statement.\n"
)
NEWS_SPEC: dict[str, Any] = {
    "meta": {
        "file": "news/judge-denies.txt",
        "split": "development",
        "genre": "news",
        "url": "https://example.org/judge-denies",
        "publisher": "written for this test",
        "published": "2025-03-05",
        "kind": "news_article",
        "title": None,
        "note": "made up",
    },
    "entities": [
        {"name": "Oakland", "kind": "place", "mentions": ["OAKLAND"]},
        {"name": "California", "kind": "place", "mentions": ["Calif."]},
        {"name": "Associated Press", "kind": "organization", "mentions": ["AP"]},
        {"name": "Elon Musk", "kind": "person", "mentions": ["Elon Musk"]},
        {"name": "OpenAI", "kind": "organization", "mentions": ["OpenAI"]},
        {"name": "Yvonne Gonzalez Rogers", "kind": "person",
         "mentions": ["Yvonne Gonzalez Rogers"]},
    ],
    "events": [
        {"anchor": "Tuesday", "date": "2025-03-04", "precision": "day"},
        {"anchor": "this fall", "date": "2025", "precision": "year"},
    ],
    "claims": [
        {"at": "saying he had not", "speaker": "Yvonne Gonzalez Rogers", "verb": "ruled",
         "quote": None},
        {"at": "Rogers said a trial", "speaker": "Yvonne Gonzalez Rogers", "verb": "said",
         "quote": None},
        {"at": "OpenAI said in a statement", "speaker": "OpenAI", "verb": "said",
         "quote": "We welcome the ruling"},
    ],
    "citations": [],
}  # fmt: skip
ORDER_LINES = [
    "ORDER DENYING MOTION TO DISMISS",
    "Judge Rita Lin ruled on March 3, 2025 that",
    "the claims of xAI may proceed. See 18 U.S.C. § 1836.",
]
ORDER_SPEC: dict[str, Any] = {
    "meta": {
        "file": "court/order.pdf",
        "split": "development",
        "genre": "order",
        "url": "https://example.org/order.pdf",
        "publisher": "written for this test",
        "published": "2025-03-03",
        "kind": "order",
        "title": None,
        "note": "made up, a PDF with ECF header and pleading line numbers",
    },
    "entities": [
        {"name": "Rita Lin", "kind": "person", "mentions": ["Rita Lin"]},
        {"name": "xAI", "kind": "organization", "mentions": ["xAI"]},
    ],
    "events": [{"anchor": "March 3, 2025", "date": "2025-03-03", "precision": "day"}],
    "claims": [{"at": "Rita Lin ruled", "speaker": "Rita Lin", "verb": "ruled", "quote": None}],
    "citations": [
        {"text": "18 U.S.C. § 1836", "kind": "statute", "normalized": "18 U.S.C. § 1836"}
    ],
}


def write_gold(root: Path, spec: dict[str, Any], data: bytes, split: str = "development") -> None:
    """The text under ``root/texts`` and its spec (with the text's SHA-256) under ``root/specs``."""
    meta = {**spec["meta"], "split": split, "sha256": hashlib.sha256(data).hexdigest()}
    text_path = root / "texts" / meta["file"]
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(data)
    spec_path = root / "specs" / split / f"{Path(meta['file']).stem}.yaml"
    spec_path.parent.mkdir(parents=True, exist_ok=True)
    spec_path.write_text(yaml.safe_dump({**spec, "meta": meta}, allow_unicode=True), "utf-8")


@pytest.fixture
def gold_root(tmp_path: Path) -> Path:
    write_gold(tmp_path, NEWS_SPEC, NEWS.encode())
    lines = [ORDER_LINES]
    header = "Case 3:25-cv-01234-RFL Document 12 Filed 03/03/25 Page {page} of {pages}"
    write_gold(tmp_path, ORDER_SPEC, court_pdf(lines, header=header, line_numbers=True))
    return tmp_path


def evaluate(root: Path, *args: str, fmt: str = "json") -> str:
    out = StringIO()
    call_command(
        "evaluate",
        "--gold-dir",
        str(root / "specs"),
        "--texts",
        str(root / "texts"),
        "--format",
        fmt,
        *args,
        stdout=out,
    )
    return out.getvalue()


def test_counts_come_from_the_specs_by_genre_group(gold_root: Path) -> None:
    summary = json.loads(evaluate(gold_root, "--no-known"))
    [run] = summary["runs"]
    assert (run["split"], run["knowledge_base"], run["documents"]) == ("development", False, 2)
    assert list(run["groups"]) == ["overall", "news", "opinions & orders"]
    news, court = run["groups"]["news"], run["groups"]["opinions & orders"]
    for group, spec in ((news, NEWS_SPEC), (court, ORDER_SPEC)):
        assert group["documents"] == 1
        for category in ("entities", "events", "claims", "citations"):
            score = group["categories"][category]
            assert score["tp"] + score["fn"] == len(spec[category]), category
        assert sum(group["dates"].values()) == len(spec["events"])
    overall = run["groups"]["overall"]["categories"]["entities"]
    assert overall["tp"] + overall["fn"] == len(NEWS_SPEC["entities"]) + len(ORDER_SPEC["entities"])
    assert run["groups"]["overall"]["citation_recall_by_kind"]["statute"]["total"] == 1
    assert [d["name"] for d in run["per_document"]] == ["judge-denies", "order"]


def test_both_runs_with_and_without_the_knowledge_base(gold_root: Path) -> None:
    summary = json.loads(evaluate(gold_root, "--both"))
    assert [(r["split"], r["knowledge_base"]) for r in summary["runs"]] == [
        ("development", True),
        ("development", False),
    ]


def test_text_report_has_the_table_and_the_misses(gold_root: Path) -> None:
    spec_path = gold_root / "specs" / "development" / "judge-denies.yaml"
    spec = yaml.safe_load(spec_path.read_text("utf-8"))
    spec["entities"].append({"name": "Restructuring", "kind": "law", "mentions": ["restructuring"]})
    spec_path.write_text(yaml.safe_dump(spec), "utf-8")
    report = evaluate(gold_root, "--no-known", fmt="text")
    assert "== development: 2 texts, without the knowledge base" in report
    for row in ("overall", "news", "opinions & orders"):
        assert any(line.startswith(f"{row} ") for line in report.splitlines()), row
    assert "MISS entities: Restructuring (law, 1 mentions)" in report


def test_validation_is_reported_as_a_whole(gold_root: Path) -> None:
    write_gold(gold_root, {**NEWS_SPEC, "meta": {**NEWS_SPEC["meta"], "file": "news/v.txt"}},
               NEWS.encode(), split="validation")  # fmt: skip
    summary = json.loads(evaluate(gold_root, "--no-known", "--split", "all"))
    runs = {r["split"]: r for r in summary["runs"]}
    assert runs["validation"]["documents"] == 1 and "news" in runs["validation"]["groups"]
    assert "per_document" not in runs["validation"]
    assert "per_document" in runs["development"]
    report = evaluate(gold_root, "--no-known", "--split", "validation", fmt="text")
    assert "never tuned against" in report and "MISS" not in report


def test_the_pipelines_own_output_scores_perfectly() -> None:
    """Gold made from the pipeline's output (for this test only) scores 1.0 everywhere."""
    predicted = analyse(NEWS, published=dt.date(2025, 3, 5), known=[], kind="news_article")
    output = predicted.to_json()
    summary = summarize([score_document("self", output, output)])
    for category in ("entities", "mentions", "events", "claims"):
        score = summary["categories"][category]
        assert score["tp"] and score["fp"] == score["fn"] == 0, category
    assert summary["dates"]["correct"] == len(output["events"])
    assert summary["speaker_accuracy"]["accuracy"] == 1.0


def test_a_changed_text_is_an_error_naming_it(gold_root: Path) -> None:
    (gold_root / "texts" / "news" / "judge-denies.txt").write_text(NEWS + "More.", "utf-8")
    with pytest.raises(CommandError, match=r"judge-denies\.yaml: .*news/judge-denies\.txt: SHA"):
        evaluate(gold_root, "--no-known")


def test_bad_specs_are_all_named(gold_root: Path) -> None:
    development = gold_root / "specs" / "development"
    (development / "order.yaml").rename(gold_root / "specs" / "order.yaml")
    (gold_root / "specs" / "validation").mkdir()
    (development / "judge-denies.yaml").rename(gold_root / "specs" / "validation" / "x.yaml")
    with pytest.raises(CommandError, match=r"x\.yaml: meta\.split 'development' but the spec"):
        evaluate(gold_root, "--no-known", "--split", "all")
    with pytest.raises(CommandError, match="No gold specs"):
        evaluate(gold_root, "--no-known")


def test_check_validates_specs_without_analysis(gold_root: Path) -> None:
    assert evaluate(gold_root, "--check", fmt="text").startswith("2 gold specs valid")
    spec_path = gold_root / "specs" / "development" / "order.yaml"
    spec_path.write_text(
        spec_path.read_text("utf-8").replace("Rita Lin ruled", "Lin held"), "utf-8"
    )
    with pytest.raises(CommandError, match=r"order\.yaml: not found in text: 'Lin held'"):
        evaluate(gold_root, "--check")


def test_texts_default_to_the_shared_directory(
    gold_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASEBASE_SHARED_DIR", raising=False)
    with pytest.raises(CommandError, match="set CASEBASE_SHARED_DIR"):
        call_command("evaluate", "--gold-dir", str(gold_root / "specs"), "--check")
    (gold_root / "gold").mkdir()
    (gold_root / "texts").rename(gold_root / "gold" / "texts")
    monkeypatch.setenv("CASEBASE_SHARED_DIR", str(gold_root))
    out = StringIO()
    call_command("evaluate", "--gold-dir", str(gold_root / "specs"), "--check", stdout=out)
    assert out.getvalue().startswith("2 gold specs valid")


def test_the_real_development_set_builds(shared_dir: Path) -> None:
    """Every development spec in the repository fits its text in the shared directory."""
    gold_dir = Path(__file__).resolve().parents[1] / "gold" / "specs"
    out = StringIO()
    call_command("evaluate", "--gold-dir", str(gold_dir), "--check", stdout=out)
    count = len(list((gold_dir / "development").glob("*.yaml")))
    assert out.getvalue().startswith(f"{count} gold specs valid")


def test_publication_dates_keep_their_precision() -> None:
    assert publication_date({"published": "2025-03-05"}) == PartialDate(2025, 3, 5)
    assert publication_date({"published": "2025-03"}) == PartialDate(2025, 3)
    assert publication_date({"published": None}) is None
    assert publication_date({"published": "March 2025"}) is None
