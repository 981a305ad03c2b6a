"""Deleting documents: the one service the API, the admin (one or many) and the commands call.

The rule (docs/models.md, "Deleting a document"), in one transaction:

- the document's mentions, claims (reviewed or not: a claim is a span of its document),
  citations and evidence go with it;
- an extracted event awaiting review that no other document supports goes too, with its links;
- every other event stays: a curated or reviewed (approved, edited, rejected) event that loses
  its last evidence gets a line in its ``uncertainty_note`` naming the deleted source;
- an entity the pipeline created that nothing refers to any more goes, unless an editor gave it
  a description (services.orphans);
- the stored original is removed once the transaction commits; a rolled-back delete keeps it.

A document may be deleted whatever its status. Its row is locked first, so a worker storing its
results finishes before (and its rows are then deleted) or finds the row gone and drops them
(services.processing only stores for the holder of a live claim).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from casebase.knowledge.models import Document, Event, Evidence

from .orphans import (
    drop_orphan_entities,
    drop_unsupported_events,
    entities_of_documents,
    unsupported,
)

logger = logging.getLogger(__name__)


@dataclass
class DeletionReport:
    documents: int = 0
    events_deleted: int = 0
    events_noted: int = 0  # kept with no evidence left, and a note saying why
    entities_deleted: int = 0


def delete_document(document: Document) -> DeletionReport:
    return delete_documents([document])


def delete_documents(documents: Iterable[Document]) -> DeletionReport:
    """Delete ``documents`` (a queryset or any iterable of them) by the rule above."""
    if isinstance(documents, QuerySet):
        ids = list(documents.values_list("pk", flat=True))
    else:
        ids = [document.pk for document in documents]
    report = DeletionReport()
    with transaction.atomic():
        locked = list(
            Document.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .only("pk", "title", "original")
        )
        ids = [document.pk for document in locked]
        if not ids:
            return report
        titles = {document.pk: document.title for document in locked}
        sources: dict[int, list[int]] = {}
        for event_id, document_id in Evidence.objects.filter(document_id__in=ids).values_list(
            "event_id", "document_id"
        ):
            sources.setdefault(event_id, []).append(document_id)
        entity_ids = entities_of_documents(ids)
        Evidence.objects.filter(document_id__in=ids).delete()
        event_ids = list(sources)
        report.events_deleted = drop_unsupported_events(event_ids)
        for event in Event.objects.filter(unsupported(event_ids)):
            _note_deleted_source(event, [titles[pk] for pk in sorted(set(sources[event.pk]))])
            report.events_noted += 1
        _, deleted = Document.objects.filter(pk__in=ids).delete()
        report.documents = deleted.get(Document._meta.label, 0)
        report.entities_deleted = drop_orphan_entities(entity_ids)
        for document in locked:
            if document.original.name:
                storage, name = document.original.storage, document.original.name
                transaction.on_commit(partial(remove_original, storage, name))
    return report


class _Preview(Exception):
    """Rolls back a deletion that was only run to see what it would do."""


def preview_deletion(documents: Iterable[Document]) -> DeletionReport:
    """What ``delete_documents`` would delete and note, found by running it in a savepoint that
    is rolled back (so the counts follow the rule exactly, orphaned entities included)."""
    report = DeletionReport()
    try:
        with transaction.atomic():
            report = delete_documents(documents)
            raise _Preview
    except _Preview:
        pass
    return report


def _note_deleted_source(event: Event, titles: list[str]) -> None:
    named = ", ".join(f"“{title}”" for title in titles)
    verb = "was" if len(titles) == 1 else "were"
    source = "source" if len(titles) == 1 else "sources"
    day = timezone.localdate().isoformat()
    note = f"Its {source} {named} {verb} deleted on {day}; no evidence remains."
    event.uncertainty_note = f"{event.uncertainty_note.rstrip()}\n{note}".strip()
    event.save(update_fields=["uncertainty_note", "updated_at"])


def remove_original(storage: Storage, name: str) -> None:
    """After the commit: discard a deleted document's original, unless a document refers to it."""
    if not Document.objects.filter(original=name).exists():
        discard_file(storage, name)


def discard_file(storage: Storage, name: str) -> None:
    """Delete a stored file and the folders it leaves empty; a failure is logged, not raised."""
    try:
        storage.delete(name)
    except OSError:
        logger.warning("could not delete the stored file %s", name)
        return
    try:
        root, folder = Path(storage.path("")), Path(storage.path(name)).parent
    except NotImplementedError:  # a storage without local paths has no folders to tidy
        return
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty: another original lives there
            return
        folder = folder.parent
