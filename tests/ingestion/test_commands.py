"""The ingest, reprocess and requeue commands."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline import processing
from tests.data import NEWS_ARTICLE
from tests.data.pdfs import APPELLATE_HEADER, ORDER_LINES, court_pdf, order_pdf


@pytest.fixture
def inline_batches(run_tasks_inline: list[int], monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The command's batch task runs here, in order, without a broker."""
    from casebase.pipeline import tasks

    batches: list[list[int]] = []

    def delay(ids: list[int]) -> None:
        batches.append(list(ids))
        processing.process_documents(ids)

    monkeypatch.setattr(tasks.process_documents, "delay", delay)
    return batches


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_ingest_files_folders_and_duplicates(
    inline_batches: list[list[int]], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for pages in (2, 3, 4):
        (folder / f"order-{pages}.pdf").write_bytes(order_pdf(pages))
    (folder / "scan.pdf").write_bytes(court_pdf([ORDER_LINES], scanned={1}))
    (folder / "header-only.pdf").write_bytes(court_pdf([[]], header=APPELLATE_HEADER))
    output = run(
        "ingest",
        str(NEWS_ARTICLE),
        str(folder),
        str(NEWS_ARTICLE),
        str(bad),
        "--kind",
        "news_article",
        "--published",
        "2026-05-01",
        "--batch-size",
        "4",
    )
    assert "created: 6, de-duplicated: 1, failed: 1" in output
    assert "bad.txt" in output and "empty" in output
    assert "processing: done 4, needs_ocr 2" in output
    assert [len(batch) for batch in inline_batches] == [4, 2]
    news = Document.objects.get(original_name="news-article.txt")
    assert news.published_on == dt.date(2026, 5, 1) and news.kind == "news_article"


def test_ingest_json_import(inline_batches: list[list[int]], tmp_path: Path) -> None:
    path = tmp_path / "bulk.json"
    path.write_text(
        json.dumps(
            [
                {"text": "Elon Musk said OpenAI changed.", "title": "A", "published": "2024-03"},
                {"text": "The court granted the motion.", "title": "B", "kind": "order"},
            ]
        )
    )
    output = run("ingest", str(path))
    assert "created: 2, de-duplicated: 0, failed: 0" in output
    assert set(Document.objects.values_list("title", "kind", "status")) == {
        ("A", "other", "done"),
        ("B", "order", "done"),
    }


def test_ingest_refuses_bad_options(db: Any) -> None:
    with pytest.raises(CommandError):
        run("ingest", str(NEWS_ARTICLE), "--kind", "novel")
    output = run("ingest", str(NEWS_ARTICLE), "--published", "soon")
    assert "failed: 1" in output and "is not a date" in output
    assert Document.objects.count() == 0


def test_reprocess_failed_and_by_id(inline_batches: list[list[int]]) -> None:
    run("ingest", str(NEWS_ARTICLE))
    document = Document.objects.get()
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED, error="boom")
    assert "queued again: 1" in run("reprocess", "--failed")
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE and document.error == ""
    assert "queued again: 1" in run("reprocess", str(document.pk))
    Document.objects.filter(pk=document.pk).update(pipeline_version="old")
    assert "queued again: 1" in run("reprocess", "--outdated")
    assert "queued again: 0" in run("reprocess", "--outdated")
    with pytest.raises(CommandError):
        run("reprocess")
    with pytest.raises(CommandError, match="No such document"):
        run("reprocess", "99999")


def test_requeue_sends_stalled_documents(run_tasks_inline: list[int]) -> None:
    from casebase.pipeline.intake import SubmissionMeta, ingest_text

    document = ingest_text("Elon Musk testified.", SubmissionMeta(), enqueue=False).document
    old = timezone.now() - dt.timedelta(hours=2)
    stuck = ingest_text("Another text, stuck.", SubmissionMeta(), enqueue=False).document
    Document.objects.filter(pk=stuck.pk).update(status=DocumentStatus.PROCESSING, started_at=old)
    fresh = ingest_text("A fresh queued text.", SubmissionMeta(), enqueue=False).document
    Document.objects.filter(pk=document.pk).update(queued_at=old)
    output = run("requeue")
    assert f"requeued: 2 ({document.pk}, {stuck.pk})" in output
    assert sorted(run_tasks_inline) == sorted([document.pk, stuck.pk])
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.DONE
    assert Document.objects.get(pk=stuck.pk).status == DocumentStatus.DONE
    assert Document.objects.get(pk=fresh.pk).status == DocumentStatus.QUEUED
    assert "requeued: 0" in run("requeue")
