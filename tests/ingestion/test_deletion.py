"""The deletion service (services/deletion.py): the rule, the original removed only after a
commit, documents deleted while a worker holds them, and re-processing leaving nothing behind."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from casebase.knowledge.models import (
    Document,
    DocumentStatus,
    Event,
    Mention,
)
from casebase.pipeline import processing, tasks
from casebase.pipeline.deletion import delete_document, delete_documents
from casebase.pipeline.fetching import complete_fetch
from casebase.pipeline.intake import SubmissionMeta, ingest_text, ingest_url
from casebase.sources.fetch import FetchedResource
from tests import factories

from .deletion_world import TEXT, assert_rule_applied, make_deletion_world


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.django_db(transaction=True)
def test_the_original_is_removed_after_the_commit() -> None:
    world = make_deletion_world()
    with transaction.atomic():
        report = delete_documents(Document.objects.filter(pk=world.document.pk))
        assert world.original_path.is_file()  # not before the commit
    assert not world.original_path.exists()
    assert_rule_applied(world)
    assert (report.documents, report.events_deleted, report.events_noted) == (1, 1, 3)
    assert report.entities_deleted == 3
    assert stored_files() == [Path(world.other.original.path)]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_delete_keeps_the_document_and_its_original() -> None:
    world = make_deletion_world()
    with pytest.raises(RuntimeError), transaction.atomic():
        delete_document(world.document)
        raise RuntimeError("the caller fails after the delete")
    assert world.original_path.is_file()
    assert Document.objects.filter(pk=world.document.pk).exists()
    assert Event.objects.filter(pk=world.only_here.pk).exists()
    world.approved.refresh_from_db()
    assert world.approved.uncertainty_note == "Date unsure."


@pytest.mark.django_db(transaction=True)
def test_deleting_a_document_a_worker_holds_drops_the_workers_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker claimed the document, then an editor deleted it: the worker finishes without
    an error and stores nothing (no rows, no document brought back)."""
    document = ingest_text(TEXT, SubmissionMeta(title="Being processed"), enqueue=False).document
    real_extract_text = processing.extract_text

    def deleted_meanwhile(data: bytes, name: str, media_type: str | None = None) -> Any:
        assert Document.objects.get(pk=document.pk).status == DocumentStatus.PROCESSING
        delete_document(document)
        return real_extract_text(data, name, media_type)

    monkeypatch.setattr(processing, "extract_text", deleted_meanwhile)
    outcome = processing.process_documents([document.pk])

    assert outcome == {"superseded": 1}
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not Mention.objects.exists() and not Event.objects.exists()
    assert stored_files() == []
    assert processing.process_documents([document.pk]) == {"skipped": 1}  # a late re-delivery


@pytest.mark.django_db(transaction=True)
def test_deleting_a_url_document_while_it_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "send_fetch", lambda document_id: None)  # no broker
    document = ingest_url("https://example.org/report", SubmissionMeta()).document

    def fetch(url: str) -> FetchedResource:
        delete_document(Document.objects.get(pk=document.pk))
        return FetchedResource(b"Alice Example testified.", url, "text/plain", "report.txt")

    monkeypatch.setattr("casebase.pipeline.fetching.fetch_url", fetch)
    assert complete_fetch(document.pk) == "skipped"
    assert not Document.objects.filter(pk=document.pk).exists()
    assert stored_files() == []


STALE = "Old pipeline output"


def _stale_rows(document: Document) -> dict[str, Any]:
    """What an older pipeline stored for ``document`` and the current one no longer finds."""
    entity = factories.EntityFactory(
        name="Stale Entity", slug="stale-entity", kind="other", origin="extracted"
    )
    speaker = factories.EntityFactory(
        name="Stale Speaker", slug="stale-speaker", kind="other", origin="extracted"
    )
    factories.MentionFactory(document=document, entity=entity, start=0, end=5, text="Alice")
    claim = factories.ClaimFactory(
        document=document,
        speaker=speaker,
        content=STALE,
        start=0,
        end=5,
        origin="extracted",
        review_status="extracted",
    )
    rows: dict[str, Any] = {"entity": entity, "speaker": speaker, "claim": claim}
    for status in ("extracted", "approved"):
        event = factories.EventFactory(
            title=f"{STALE} ({status})",
            on="2001-01-01",
            origin="extracted",
            review_status=status,
            fingerprint=f"stale-{status}",
        )
        factories.EvidenceFactory(
            event=event, document=document, start=0, end=5, origin="extracted"
        )
        rows[status] = event
    return rows


def test_reprocessing_leaves_nothing_only_the_old_run_supported(
    run_tasks_inline: list[int],
) -> None:
    """``manage.py reprocess`` (like the admin action and the API's reprocess, which call the
    same service) replaces the previous run: what only it supported and nobody reviewed goes."""
    document = ingest_text(TEXT, SubmissionMeta(title="Re-run me", published="2024-05-10")).document
    fresh = sorted(Mention.objects.filter(document=document).values_list("start", "end", "text"))
    assert fresh
    stale = _stale_rows(document)

    output = StringIO()
    call_command("reprocess", str(document.pk), stdout=output)
    assert "queued again: 1" in output.getvalue()

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    after = sorted(Mention.objects.filter(document=document).values_list("start", "end", "text"))
    assert after == fresh
    for gone in (stale["entity"], stale["speaker"], stale["claim"], stale["extracted"]):
        assert not type(gone).objects.filter(pk=gone.pk).exists(), gone
    kept = Event.objects.get(pk=stale["approved"].pk)  # reviewed: kept, with its evidence
    assert kept.review_status == "approved" and kept.evidence.filter(document=document).exists()
    assert stored_files() == [Path(document.original.path)]
