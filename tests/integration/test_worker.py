"""Documents through a real Celery worker on Redis with PostgreSQL, including worker deaths."""

from __future__ import annotations

import time

import pytest
from django.test import override_settings

from casebase.knowledge.models import Claim, Document, DocumentStatus, Mention
from casebase.pipeline.intake import (
    SubmissionMeta,
    ingest_bytes,
    ingest_text,
    ingest_url,
)
from casebase.pipeline.tasks import requeue_stalled
from tests.analysis.conftest import SEED_KNOWN
from tests.data import NEWS_ARTICLE
from tests.data.pdfs import ORDER_LINES, court_pdf, order_pdf
from tests.factories import known_entity_rows

from .conftest import Worker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

FINAL = (DocumentStatus.DONE, DocumentStatus.FAILED, DocumentStatus.NEEDS_OCR)


def settled(*ids: int) -> bool:
    return Document.objects.filter(pk__in=ids, status__in=FINAL).count() == len(ids)


def known_entities() -> None:
    """The knowledge base of the analysis tests (SEED_KNOWN)."""
    known_entity_rows(SEED_KNOWN)


def long_text() -> str:
    """About 140,000 characters of news prose (as much as three Tax Court opinions, 32 pages
    each): its analysis outlasts a kill."""
    text = NEWS_ARTICLE.read_text(encoding="utf-8")
    return "\n\n".join(f"Part {n}.\n{text}" for n in range(140))


def test_documents_are_processed_by_a_real_worker(worker: Worker) -> None:
    known_entities()
    seed = ingest_bytes(
        NEWS_ARTICLE.read_bytes(),
        "news-article.txt",
        SubmissionMeta("news_article", published="2026-05-01"),
    ).document
    order = ingest_bytes(order_pdf(), "order.pdf", SubmissionMeta("order"))
    scan = ingest_bytes(
        court_pdf([ORDER_LINES], scanned={1}), "scan.pdf", SubmissionMeta("opinion")
    )
    # Through the fetch queue: a reserved name (RFC 2606) that never resolves fails there.
    refused = ingest_url("http://casebase-test.invalid/secret", SubmissionMeta())
    ids = [seed.pk, order.document.pk, scan.document.pk, refused.document.pk]
    wait_for(lambda: settled(*ids), 180, "four documents to settle", worker)

    seed.refresh_from_db()
    assert seed.status == DocumentStatus.DONE, seed.error
    assert seed.attempts == 1 and seed.pipeline_version
    slugs = set(Mention.objects.filter(document=seed).values_list("entity__slug", flat=True))
    assert {"elon-musk", "openai", "xai", "grok", "the-verge"} <= slugs
    assert Claim.objects.filter(document=seed, verb="testified", speaker__slug="elon-musk").exists()
    assert seed.evidence.filter(event__date="2026-04-30").exists()

    assert Document.objects.get(pk=order.document.pk).status == DocumentStatus.DONE
    scanned = Document.objects.get(pk=scan.document.pk)
    assert scanned.status == DocumentStatus.NEEDS_OCR and scanned.original
    failed = Document.objects.get(pk=refused.document.pk)
    assert failed.status == DocumentStatus.FAILED and "could not be resolved" in failed.error


def submit_and_wait_for_processing(worker: Worker, title: str) -> Document:
    """Submit the long text and return once the worker is well inside its analysis."""
    document = ingest_text(long_text(), SubmissionMeta("opinion", title=title)).document
    wait_for(
        lambda: Document.objects.get(pk=document.pk).status == DocumentStatus.PROCESSING,
        60,
        "processing to start",
        worker,
    )
    time.sleep(1.5)
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.PROCESSING
    return document


def test_killed_pool_process_is_redelivered_and_finishes_once(worker: Worker) -> None:
    document = submit_and_wait_for_processing(worker, "Long opinion")
    worker.kill_child()
    wait_for(lambda: settled(document.pk), 300, "the re-delivered task", worker)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert document.attempts == 2
    assert "WorkerLostError" in worker.log_text()
    assert_single_extraction(document)


def test_killed_worker_finishes_once_after_a_restart(worker: Worker) -> None:
    document = submit_and_wait_for_processing(worker, "Long opinion 2")
    worker.kill()  # main process and pool: the message stays unacknowledged in Redis
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.PROCESSING
    worker.start()
    with override_settings(CASEBASE_PROCESSING_TIMEOUT=0):
        assert requeue_stalled() == [document.pk]  # the sweep beat runs every 5 minutes
    wait_for(lambda: settled(document.pk), 300, "the requeued task", worker)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert document.attempts == 2
    finished = document.finished_at
    assert_single_extraction(document)
    # A late duplicate delivery (the unacked message, or another sweep) changes nothing.
    from casebase.pipeline.tasks import process_document

    process_document.delay(document.pk)
    time.sleep(3)
    document.refresh_from_db()
    assert document.finished_at == finished and document.attempts == 2


def assert_single_extraction(document: Document) -> None:
    """The rows stored are those of one run: what the finishing run counted, no more."""
    counts = document.metadata["counts"]
    assert counts["claims"] > 0
    assert Claim.objects.filter(document=document).count() == counts["claims"]
    assert 0 < Mention.objects.filter(document=document).count() <= counts["mentions"]
