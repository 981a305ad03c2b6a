"""The synthetic benchmark corpus: sizes, offsets that hold, determinism, marking, clean removal."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.synthetic import MARK, clear_synthetic, make_synthetic
from bench.synthetic import main as synthetic_main
from casebase.knowledge.models import (
    Citation,
    Claim,
    Document,
    Entity,
    Event,
    EventLink,
    Evidence,
    Mention,
    Thread,
)

pytestmark = pytest.mark.django_db

SMALL = {"events": 60, "entities": 25, "documents": 12}


def _snapshot() -> list[tuple[str, str]]:
    docs = [(d.title, d.text) for d in Document.objects.order_by("title")]
    events = [(e.title, e.date.isoformat()) for e in Event.objects.order_by("title")]
    return docs + events


def test_counts_match_the_rows_written() -> None:
    counts = make_synthetic(**SMALL, seed=1)
    assert counts["events"] == Event.objects.count() == 60
    assert counts["entities"] == Entity.objects.count() == 25
    assert counts["documents"] == Document.objects.count() == 12
    assert counts["mentions"] == Mention.objects.count() > 0
    assert counts["claims"] == Claim.objects.count() > 0
    assert counts["citations"] == Citation.objects.count()
    assert counts["evidence"] == Evidence.objects.count() >= 60
    assert counts["event_links"] == EventLink.objects.count() > 0


def test_spans_point_at_the_text_they_claim() -> None:
    make_synthetic(**SMALL, seed=2)
    for mention in Mention.objects.select_related("document", "entity"):
        assert mention.document.text[mention.start : mention.end] == mention.entity.name
    for claim in Claim.objects.select_related("document", "speaker"):
        sentence = claim.document.text[claim.start : claim.end]
        assert sentence == claim.sentence
        assert claim.speaker is not None and sentence.startswith(claim.speaker.name)
        assert claim.content in sentence
    for citation in Citation.objects.select_related("document"):
        assert citation.document.text[citation.start : citation.end] == citation.text
    for evidence in Evidence.objects.select_related("document"):
        assert evidence.start is not None and evidence.end is not None
        assert evidence.document.text[evidence.start : evidence.end] == evidence.quote


def test_documents_have_a_few_hundred_words() -> None:
    make_synthetic(**SMALL, seed=3)
    for text in Document.objects.values_list("text", flat=True):
        assert 200 <= len(text.split()) <= 1000


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    make_synthetic(**SMALL, seed=7)
    first = _snapshot()
    make_synthetic(**SMALL, seed=7)
    assert _snapshot() == first
    make_synthetic(**SMALL, seed=8)
    assert _snapshot() != first


def test_everything_is_marked_synthetic() -> None:
    make_synthetic(**SMALL, seed=4)
    assert all(t.startswith(MARK) for t in Document.objects.values_list("title", flat=True))
    assert all(t.startswith(MARK) for t in Event.objects.values_list("title", flat=True))
    assert all(t.startswith(MARK) for t in Document.objects.values_list("text", flat=True))
    assert all(s.startswith("synthetic-") for s in Entity.objects.values_list("slug", flat=True))
    assert not Event.objects.exclude(threads__slug="synthetic").exists()
    assert Document.objects.filter(metadata__synthetic=True).count() == 12


def test_rerun_replaces_and_clear_leaves_real_rows_alone() -> None:
    real_thread = Thread.objects.create(slug="musk-v-openai", name="Musk v. OpenAI dispute")
    real_event = Event.objects.create(title="A curated event", date=dt.date(2024, 2, 29))
    real_event.threads.add(real_thread)
    real_entity = Entity.objects.create(name="OpenAI", slug="openai")
    real_doc = Document.objects.create(title="A real filing", text="Text.")

    make_synthetic(**SMALL, seed=5)
    make_synthetic(**SMALL, seed=5)
    assert Event.objects.count() == 61  # replaced, not doubled

    assert clear_synthetic() > 0
    assert list(Event.objects.all()) == [real_event]
    assert list(Entity.objects.all()) == [real_entity]
    assert list(Document.objects.all()) == [real_doc]
    assert list(Thread.objects.all()) == [real_thread]


def test_rejects_empty_sizes() -> None:
    with pytest.raises(ValueError):
        make_synthetic(events=0, entities=1, documents=1)


def test_command_line_reports_counts_and_clears(capsys: pytest.CaptureFixture[str]) -> None:
    synthetic_main(["--events", "30", "--entities", "10", "--documents", "5"])
    out = capsys.readouterr().out
    assert "30 events" in out and "5 documents" in out
    assert Event.objects.count() == 30
    synthetic_main(["--clear"])
    assert not Event.objects.exists() and not Document.objects.exists()
