"""A bug while storing one document's analysis fails that document only, with its error; the
task's other documents are stored, and a database outage is still raised for Celery's retry."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError

from casebase.knowledge.models import Document, DocumentStatus, Event
from casebase.pipeline import processing, storing
from casebase.pipeline.intake import SubmissionMeta, ingest_text

FIRST = "Elon Musk sued OpenAI in San Francisco on March 1, 2024, the complaint says."
SECOND = "OpenAI said on March 5, 2024 that the lawsuit by Elon Musk was without merit."


def queued(text: str, title: str) -> Document:
    meta = SubmissionMeta(kind="news_article", title=title)
    return ingest_text(text, meta, enqueue=False).document


def storing_fails_for(monkeypatch: pytest.MonkeyPatch, doomed: int, error: Exception) -> None:
    """Make ``store_analysis`` raise for one document after it has written some rows."""
    real = storing.store_analysis

    def store(document: Document, analysis: Any, **kwargs: Any) -> Any:
        counts = real(document, analysis, **kwargs)
        if document.pk == doomed:
            raise error
        return counts

    monkeypatch.setattr(processing, "store_analysis", store)


@pytest.mark.django_db(transaction=True)
def test_a_bug_in_storing_fails_only_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = queued(FIRST, "first"), queued(SECOND, "second")
    storing_fails_for(monkeypatch, first.pk, KeyError("speaker"))

    outcome = processing.process_documents([first.pk, second.pk])

    assert outcome == {DocumentStatus.FAILED: 1, DocumentStatus.DONE: 1}
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == DocumentStatus.FAILED
    assert first.error == "Storing failed: KeyError: 'speaker'"
    assert first.text == FIRST  # the text and the original are kept; it can be re-run
    assert first.original.read() == FIRST.encode()
    assert first.pipeline_version == ""
    # The rows it wrote before the error were rolled back with it.
    assert not Event.objects.filter(evidence__document=first).exists()
    assert second.status == DocumentStatus.DONE
    assert Event.objects.filter(evidence__document=second).exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_store_can_be_rerun(monkeypatch: pytest.MonkeyPatch) -> None:
    document = queued(FIRST, "first")
    storing_fails_for(monkeypatch, document.pk, ValueError("bad span"))
    processing.process_documents([document.pk])
    monkeypatch.undo()
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.QUEUED)

    assert processing.process_documents([document.pk]) == {DocumentStatus.DONE: 1}
    document.refresh_from_db()
    assert document.error == ""
    assert Event.objects.filter(evidence__document=document).exists()


@pytest.mark.django_db(transaction=True)
def test_a_database_outage_while_storing_is_raised_for_retry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = queued(FIRST, "first")
    storing_fails_for(monkeypatch, document.pk, OperationalError("server closed the connection"))

    with pytest.raises(OperationalError):
        processing.process_documents([document.pk])
    document.refresh_from_db()
    # Left processing under its claim: the retry (or the stalled sweep) takes it again.
    assert document.status == DocumentStatus.PROCESSING
    assert document.error == ""
