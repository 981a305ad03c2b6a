"""Quoted corpus evidence lands on its passage: the span is located once the text exists."""

from __future__ import annotations

from django.conf import settings

from casebase.corpus.loading import load_corpus
from casebase.knowledge.models import Document, DocumentStatus, Evidence

TESTIMONY = "musk-distillation-testimony-2026-04-30"


def seed_evidence() -> list[Evidence]:
    return list(
        Evidence.objects.filter(event__corpus_key=TESTIMONY, document__corpus_key="seed-article")
    )


def test_quoted_evidence_gets_the_span_of_its_quote_and_keeps_it_on_reload(
    run_tasks_inline: list[int],
) -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR)
    seed = Document.objects.get(corpus_key="seed-article")
    assert seed.status == DocumentStatus.DONE, seed.error
    [evidence] = seed_evidence()
    assert evidence.start is not None and evidence.end is not None
    assert seed.text[evidence.start : evidence.end] == evidence.quote
    assert evidence.quote.startswith("Elon Musk testified Thursday")

    report = load_corpus(settings.CASEBASE_CORPUS_DIR)
    assert [(e.pk, e.start, e.end) for e in seed_evidence()] == [
        (evidence.pk, evidence.start, evidence.end)
    ]
    assert report.created.get("evidence", 0) == 0
