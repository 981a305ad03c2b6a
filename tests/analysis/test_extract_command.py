"""``manage.py extract``: the knowledge base's entities, no writes, the JSON contract."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casebase.knowledge.models import Document, Mention
from casebase.pipeline.known_entities import load_known_entities
from tests.data import NEWS_ARTICLE
from tests.factories import EntityFactory, known_entity_rows

from .conftest import SEED_KNOWN


@pytest.fixture
def kb(db: None) -> None:
    known = known_entity_rows(SEED_KNOWN)
    EntityFactory(slug="x-ai-dup", name="X AI", kind="organization", merged_into=known["xai"])


def _extract(*args: str) -> dict:  # type: ignore[type-arg]
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_load_known_entities_skips_merged(kb: None, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(2):
        known = load_known_entities()
    by_slug = {k.slug: k for k in known}
    assert set(by_slug) == {"elon-musk", "openai", "xai", "grok", "the-verge"}
    assert by_slug["elon-musk"].aliases == ("Mr. Musk", "Musk")


def test_extract_news_article(kb: None) -> None:
    data = _extract(str(NEWS_ARTICLE), "--published", "2026-05-01")
    names = {e["name"] for e in data["entities"]}
    assert {"Elon Musk", "OpenAI", "xAI", "Grok", "The Verge"} <= names
    assert [e["name"] for e in data["entities"]].count("OpenAI") == 1
    assert any(c["speaker"] == "Elon Musk" and c["verb"] == "testified" for c in data["claims"])
    assert any(c["speaker"] == "The Verge" for c in data["claims"])
    assert {"date": "2026-04-30", "precision": "day", "anchor": "Thursday"}.items() <= next(
        e for e in data["events"] if e["anchor"] == "Thursday"
    ).items()
    text = NEWS_ARTICLE.read_text(encoding="utf-8")
    for event in data["events"]:
        assert text[event["start"] : event["end"]] == event["sentence"]
    assert Document.objects.count() == 0 and Mention.objects.count() == 0  # wrote nothing


def test_extract_without_published_leaves_thursday_unresolved(kb: None) -> None:
    data = _extract(str(NEWS_ARTICLE))
    assert [e["date"] for e in data["events"]] == [None]


def test_extract_errors(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract", str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("extract", str(empty))
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract", str(NEWS_ARTICLE), "--published", "May 1")


def test_extract_reads_a_court_pdf(db: None, shared_dir: Path) -> None:
    pdf = shared_dir / "testdata" / "court-pdfs"
    data = _extract(str(pdf / "gov.uscourts.ca8.17-2543.00803263743.0.pdf"))
    assert {"kind": "statute", "normalized": "15 U.S.C. § 1692k(d)"}.items() <= data["citations"][
        0
    ].items()
    dates = {e["date"] for e in data["events"]}
    assert {"2015-12-02", "2015-12-10", "2016-12-08"} <= dates  # the filing's three dates
    assert "Mary Beavers" in {e["name"] for e in data["entities"]}
