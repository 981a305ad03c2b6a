"""``manage.py evaluate`` end to end with the real pipeline on copies of real gold files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casebase.analysis.pipeline import analyse
from casebase.core.partial_dates import PartialDate
from casebase.pipeline.management.commands.evaluate import publication_date
from tests.gold.tools.build_gold import GOLD

AP = "ap-musk-injunction-denied"
pytestmark = pytest.mark.django_db


def copy_gold(tmp_path: Path, name: str) -> Path:
    for suffix in (".txt", ".json"):
        shutil.copy(GOLD / "dev" / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path


def evaluate(gold_dir: Path, fmt: str = "json") -> str:
    out = StringIO()
    call_command("evaluate", str(gold_dir), format=fmt, stdout=out)
    return out.getvalue()


def test_counts_come_from_the_gold_file(tmp_path: Path) -> None:
    gold = json.loads((GOLD / "dev" / f"{AP}.json").read_text(encoding="utf-8"))
    summary = json.loads(evaluate(copy_gold(tmp_path, AP)))
    assert summary["documents"] == 1
    for category in ("entities", "events", "claims", "citations"):
        score = summary["categories"][category]
        assert score["tp"] + score["fn"] == len(gold[category]), category
    mentions = sum(len(e["mentions"]) for e in gold["entities"])
    assert summary["categories"]["mentions"]["tp"] + summary["categories"]["mentions"]["fn"] == (
        mentions
    )


def test_the_pipelines_own_output_scores_perfectly(tmp_path: Path) -> None:
    """Gold made from the pipeline's output (for this test only) must score 1.0 everywhere."""
    text = (GOLD / "dev" / f"{AP}.txt").read_text(encoding="utf-8")
    predicted = analyse(text, published=dt.date(2025, 3, 5), known=[], kind="news_article")
    gold = {"meta": {"published": "2025-03-05", "kind": "news_article"}, **predicted.to_json()}
    (tmp_path / "self.txt").write_text(text, encoding="utf-8")
    (tmp_path / "self.json").write_text(json.dumps(gold), encoding="utf-8")
    summary = json.loads(evaluate(tmp_path))
    for category in ("entities", "mentions", "events", "claims"):
        score = summary["categories"][category]
        assert score["fp"] == score["fn"] == 0, category
    assert summary["date_accuracy"]["accuracy"] == 1.0
    assert summary["speaker_accuracy"]["accuracy"] == 1.0
    assert summary["wrong_dates"] == summary["missing_dates"] == 0


def test_text_report_lists_a_miss(tmp_path: Path) -> None:
    copy_gold(tmp_path, AP)
    path = tmp_path / f"{AP}.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (tmp_path / f"{AP}.txt").read_text(encoding="utf-8")
    start = text.index("breach of contract")
    gold["entities"].append(
        {
            "name": "Breach Of Contract",
            "kind": "law",
            "mentions": [{"text": "breach of contract", "start": start, "end": start + 18}],
        }
    )
    path.write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path, "text")
    assert "Evaluated 1 documents" in report
    assert "MISS entities: Breach Of Contract (law, 1 mentions)" in report
    assert "event date accuracy" in report and "claim speaker accuracy" in report


def test_a_text_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "orphan.txt").write_text("Elon Musk sued OpenAI.", encoding="utf-8")
    with pytest.raises(CommandError, match="no gold file"):
        evaluate(tmp_path)
    with pytest.raises(CommandError, match="No such directory"):
        evaluate(tmp_path / "missing")


def test_publication_dates_keep_their_precision() -> None:
    assert publication_date({"published": "2025-03-05"}) == PartialDate(2025, 3, 5)
    assert publication_date({"published": "2025-03"}) == PartialDate(2025, 3)
    assert publication_date({"published": None}) is None
    assert publication_date({"published": "March 2025"}) is None
