"""Hostile originals through a real Celery worker (PostgreSQL + Redis): each fails once with its
reason, the worker survives them, and a good document queued behind them is processed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes, ingest_text
from tests.integration.conftest import Worker, purge_broker, wait_for

from . import pdfs

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
FINAL = (DocumentStatus.DONE, DocumentStatus.FAILED, DocumentStatus.NEEDS_OCR)
META = SubmissionMeta(kind="other", title="Hostile")


@pytest.fixture
def hostile_worker(
    transactional_db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Worker]:
    """A worker whose PDF CPU budget is 3 s and whose analysis reads at most 1,000,000
    characters, so the slow PDF and the long line meet their limits quickly."""
    monkeypatch.setenv("CASEBASE_PDF_EXTRACT_SECONDS", "3")
    monkeypatch.setenv("CASEBASE_MAX_ANALYSED_CHARS", "1000000")
    purge_broker()
    handle = Worker(log_dir=tmp_path)
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()
        purge_broker()


def test_hostile_originals_fail_once_and_the_worker_goes_on(hostile_worker: Worker) -> None:
    nul = b"BT /F1 12 Tf 72 720 Td (Beta Labs filed\\000 a motion to dismiss.) Tj ET"
    hostile = {
        "bomb": ingest_bytes(pdfs.decompression_bomb(1100), "bomb.pdf", META),
        "slow": ingest_bytes(pdfs.heavy_shared_pages(6, 1, empty=True), "slow.pdf", META),
        "line": ingest_text("Beta Labs copied the weights " * 40_000, META),
        "nul": ingest_bytes(pdfs.one_page(nul), "nul.pdf", META),
    }
    good = ingest_text(
        "Alice Example said on 3 March 2024 that Beta Labs filed a motion to dismiss.",
        SubmissionMeta(kind="news_article", title="Good", published="2024-03-04"),
    )
    ids = [result.document.pk for result in (*hostile.values(), good)]

    def settled() -> bool:
        return Document.objects.filter(pk__in=ids, status__in=FINAL).count() == len(ids)

    wait_for(settled, 180, "the hostile documents and the good one to settle", hostile_worker)
    final = {name: Document.objects.get(pk=r.document.pk) for name, r in hostile.items()}
    assert "Limit reached while decompressing" in final["bomb"].error
    assert "more than 3 seconds of CPU time" in final["slow"].error
    assert final["line"].error.startswith(
        "The text has 1,160,000 characters; the analysis reads at most 1,000,000"
    )
    assert final["nul"].status == DocumentStatus.DONE, final["nul"].error
    assert final["nul"].text == "Beta Labs filed a motion to dismiss."
    processed = Document.objects.get(pk=good.document.pk)
    assert processed.status == DocumentStatus.DONE, processed.error
    assert processed.evidence.exists()
    assert all(document.attempts == 1 for document in [*final.values(), processed])
    assert hostile_worker.process is not None and hostile_worker.process.poll() is None
