"""Intake: storing a submitted document and sending its first task.

``casebase.pipeline.submission.submit`` (every door: command, admin, web form, API) and the
corpus loader call these. Intake validates the input, finds an existing document with the same
content (SHA-256 of the bytes) or saves a new one as ``queued`` with its original file, and
sends the processing (or, for a URL, the fetch) task when the transaction commits. Nothing is
left half-created when validation fails.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from casebase.core.partial_dates import parse_natural
from casebase.core.text_utils import content_hash
from casebase.knowledge.models import Case, Document, DocumentKind, DocumentStatus, ReviewStatus
from casebase.pipeline import tasks
from casebase.pipeline.originals import (
    check_readable,
    delete_stored,
    existing_document,
    storage_name,
)
from casebase.sources.errors import SourceError
from casebase.sources.fetch import check_submitted_url, check_url
from casebase.sources.refusals import DUPLICATE_NOTICE, Refused
from casebase.sources.sniff import JSON, TEXT, sniff_media_type
from casebase.sources.uploads import check_bytes, validate_upload
from casebase.text.errors import ExtractionError
from casebase.text.json_import import ImportItem, parse_json_import

logger = logging.getLogger(__name__)
TITLE_FROM_TEXT = 120  # pasted text without a title: its first line, cut to this length
MAX_DOCKET_ENTRY = 10_000_000  # as the API allows; far below the integer column's limit


@dataclass
class SubmissionMeta:
    """What the submitter tells about a document. ``published`` is a partial date as typed:
    "2026", "2026-05", "Feb 2018", "30 April 2026"."""

    kind: str = "other"
    title: str = ""
    publisher: str = ""
    publisher_note: str = ""
    source_url: str = ""
    published: str | None = None
    case_slug: str | None = None
    docket_entry: int | None = None
    authors: list[str] = field(default_factory=list)
    corpus_key: str | None = None
    # Published without waiting for review: set by doors an operator or an editor's own link
    # stands behind (``manage.py ingest``, CourtListener imports), never by the upload page or
    # the API. Other documents await an editor's approval (docs/editing.md).
    reviewed: bool = False


@dataclass
class IngestResult:
    document: Document
    created: bool  # False: the same content already existed

    @property
    def notice(self) -> str:
        """What every door tells the submitter about content that was already here ("")."""
        return "" if self.created else DUPLICATE_NOTICE.format(title=self.document.title)


# A submission that cannot be accepted: ``code`` names the rule, the message (the same words on
# every door, from casebase.sources.refusals.MESSAGES) says what to do. One type for all refusals.
IngestError = Refused


def _unreadable(exc: ValueError) -> Refused:
    """A parse or fetch error as a refusal, in the text layer's own words."""
    return Refused("unreadable", detail=str(exc))


# --- validation -------------------------------------------------------------------------------


def _refuse_nul(meta: SubmissionMeta) -> None:
    """JSON imports can carry "\\u0000", which PostgreSQL text columns cannot store."""
    named = [
        ("title", meta.title),
        ("publisher", meta.publisher),
        ("publisher note", meta.publisher_note),
        ("source URL", meta.source_url),
        ("corpus key", meta.corpus_key or ""),
        *(("author", author) for author in meta.authors),
    ]
    for label, value in named:
        if "\x00" in value:
            raise Refused("nul_character", label=label)


def _validated_fields(meta: SubmissionMeta) -> dict[str, Any]:
    """Model fields from ``meta``; IngestError on a bad kind, date, case or URL."""
    _refuse_nul(meta)
    if meta.kind not in DocumentKind.values:
        raise Refused("unknown_kind", kind=meta.kind)
    fields: dict[str, Any] = {
        "kind": meta.kind,
        "publisher": meta.publisher.strip()[:300],
        "publisher_note": meta.publisher_note.strip()[:500],
        "authors": [a.strip() for a in meta.authors if a.strip()],
        "docket_entry": meta.docket_entry,
        "corpus_key": meta.corpus_key or None,
        "review_status": ReviewStatus.APPROVED if meta.reviewed else ReviewStatus.EXTRACTED,
    }
    if meta.source_url:
        try:
            fields["source_url"] = check_url(meta.source_url)
        except SourceError as exc:
            raise Refused("bad_source_url") from exc
    if meta.published:
        try:
            partial = parse_natural(meta.published)
        except ValueError as exc:
            raise Refused("bad_date", value=meta.published) from exc
        fields["published_on"] = partial.start
        fields["published_precision"] = partial.precision.value
    if meta.case_slug:
        case = Case.objects.filter(slug=meta.case_slug).first()
        if case is None:
            raise Refused("unknown_case", slug=meta.case_slug)
        fields["case"] = case
    if meta.docket_entry is not None and not 0 <= meta.docket_entry <= MAX_DOCKET_ENTRY:
        raise Refused("bad_docket_entry", limit=MAX_DOCKET_ENTRY)
    return fields


def _title(meta: SubmissionMeta, filename: str) -> tuple[str, str]:
    """The title and where it came from ("user" or "filename")."""
    if meta.title.strip():
        return meta.title.strip()[:500], "user"
    stem = PurePath(filename).stem.replace("_", " ").strip() if filename else ""
    return (stem or "Untitled document")[:500], "filename"


def _meta_from_import(item: ImportItem, base: SubmissionMeta) -> SubmissionMeta:
    values = item.meta
    return SubmissionMeta(
        kind=values.get("kind") or base.kind,
        title=values.get("title") or base.title,
        publisher=values.get("publisher") or base.publisher,
        publisher_note=values.get("publisher_note") or base.publisher_note,
        source_url=values.get("source_url") or base.source_url,
        published=values.get("published") or base.published,
        case_slug=values.get("case") or base.case_slug,
        docket_entry=values.get("docket_entry", base.docket_entry),
        authors=values.get("authors") or list(base.authors),
        corpus_key=values.get("corpus_key") or base.corpus_key,
        reviewed=base.reviewed,
    )


# --- storing ----------------------------------------------------------------------------------


def _store(
    data: bytes,
    filename: str,
    media_type: str,
    meta: SubmissionMeta,
    user: Any,
    enqueue: bool,
) -> IngestResult:
    fields = _validated_fields(meta)
    digest = content_hash(data)
    found = existing_document(digest)
    if found is not None:
        return IngestResult(found, created=False)
    title, title_source = _title(meta, filename)
    document = Document(
        title=title,
        original_name=PurePath(filename).name[:300] if filename else "",
        media_type=media_type,
        size_bytes=len(data),
        content_hash=digest,
        status=DocumentStatus.QUEUED,
        queued_at=timezone.now(),
        metadata={"title_source": title_source},
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
        **fields,
    )
    stored_name = ""
    try:
        with transaction.atomic():
            document.original.save(
                storage_name(filename, media_type), ContentFile(data), save=False
            )
            stored_name = document.original.name or ""
            document.save()
            if enqueue:
                document_id = document.pk
                transaction.on_commit(lambda: tasks.send_processing(document_id))
    except IntegrityError as exc:
        delete_stored(document, stored_name)
        found = existing_document(digest)
        if found is not None:  # the same content, submitted concurrently
            return IngestResult(found, created=False)
        if fields.get("corpus_key"):
            raise Refused("corpus_key_taken", key=fields["corpus_key"]) from exc
        raise
    except BaseException:
        delete_stored(document, stored_name)
        raise
    return IngestResult(document, created=True)


# --- the interface ----------------------------------------------------------------------------


def ingest_bytes(
    data: bytes, filename: str, meta: SubmissionMeta, *, user: Any = None, enqueue: bool = True
) -> IngestResult:
    """Submit a file's bytes. ``enqueue=False`` leaves the task to the caller (bulk loads)."""
    try:
        validate_upload(data, filename)
        media_type = sniff_media_type(data)
        if media_type == JSON:
            items = parse_json_import(data)
            if len(items) != 1:
                raise Refused("several_documents", name=filename, count=len(items))
            return ingest_text(
                items[0].text, _meta_from_import(items[0], meta), user=user, enqueue=enqueue
            )
        check_readable(data, media_type)
    except Refused:
        raise
    except (SourceError, ExtractionError) as exc:
        raise _unreadable(exc) from exc
    return _store(data, filename, media_type, meta, user, enqueue)


def ingest_text(
    text: str, meta: SubmissionMeta, *, user: Any = None, enqueue: bool = True
) -> IngestResult:
    """Submit pasted or imported text (stored as a UTF-8 .txt original)."""
    if "\x00" in text:
        raise Refused("nul_character", label="text")
    try:
        data = text.replace("\r\n", "\n").encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. "\ud800" escaped in JSON
        raise Refused("not_unicode", position=exc.start) from exc
    check_bytes(data, "The text")
    if not meta.title.strip():
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        meta = replace(meta, title=first_line[:TITLE_FROM_TEXT])
    return _store(data, "text.txt", TEXT, meta, user, enqueue)


def ingest_json(
    data: bytes, meta: SubmissionMeta, *, user: Any = None, enqueue: bool = True
) -> list[IngestResult | IngestError]:
    """A bulk JSON import: one result (or the error) per item, in order."""
    try:
        validate_upload(data, "JSON import")
        items = parse_json_import(data)
    except Refused:
        raise
    except (SourceError, ExtractionError) as exc:
        raise _unreadable(exc) from exc
    results: list[IngestResult | IngestError] = []
    for item in items:
        try:
            results.append(
                ingest_text(item.text, _meta_from_import(item, meta), user=user, enqueue=enqueue)
            )
        except IngestError as exc:
            results.append(exc)
    return results


def ingest_url(url: str, meta: SubmissionMeta, *, user: Any = None) -> IngestResult:
    """Submit a URL: the document is queued now and fetched by a task on the "fetch" queue."""
    url = check_submitted_url(url)
    found = (
        Document.objects.filter(source_url=url)
        .exclude(status__in=[DocumentStatus.FAILED, DocumentStatus.REFERENCE])
        .first()
    )
    if found is not None:
        return IngestResult(found, created=False)
    fields = _validated_fields(SubmissionMeta(**{**meta.__dict__, "source_url": url}))
    with transaction.atomic():
        document = Document.objects.create(
            title=meta.title.strip()[:500] or url[:500],
            status=DocumentStatus.QUEUED,
            queued_at=timezone.now(),
            metadata={"title_source": "user" if meta.title.strip() else "url"},
            submitted_by=user if getattr(user, "is_authenticated", False) else None,
            **fields,
        )
        document_id = document.pk
        transaction.on_commit(lambda: tasks.send_fetch(document_id))
    return IngestResult(document, created=True)


def attach_original(document: Document, data: bytes, filename: str) -> bool:
    """Give a citation record (status ``reference``) its content: the bytes are checked as an
    upload is, stored as its original, and its processing is sent on commit. False when the same
    content is already another document, or the record got an original meanwhile."""
    try:
        validate_upload(data, filename)
        media_type = sniff_media_type(data)
        check_readable(data, media_type)
    except Refused:
        raise
    except (SourceError, ExtractionError) as exc:
        raise _unreadable(exc) from exc
    digest = content_hash(data)
    if existing_document(digest) is not None:
        return False
    stored_name = ""
    try:
        with transaction.atomic():
            locked = Document.objects.select_for_update().get(pk=document.pk)
            if locked.original or locked.status != DocumentStatus.REFERENCE:
                return False
            locked.original.save(storage_name(filename, media_type), ContentFile(data), save=False)
            stored_name = locked.original.name or ""
            locked.content_hash = digest
            locked.media_type = media_type
            locked.size_bytes = len(data)
            locked.original_name = PurePath(filename).name[:300]
            locked.status = DocumentStatus.QUEUED
            locked.queued_at = timezone.now()
            locked.save()
            document_id = locked.pk
            transaction.on_commit(lambda: tasks.send_processing(document_id))
    except IntegrityError:
        delete_stored(document, stored_name)
        return False
    return True


def reprocess(document: Document) -> None:
    """Queue a document again (after a failure or a pipeline change), keeping its original.

    ``attempts`` starts again from zero: it counts the claims of the current run, so a document
    re-run many times over its life is not mistaken for one whose worker keeps dying.
    """
    if document.status == DocumentStatus.REFERENCE:
        raise Refused("reference_record")
    needs_fetch = not document.original and bool(document.source_url)
    if not document.original and not needs_fetch:
        raise Refused("no_original")
    send: Callable[[int], None] = tasks.send_fetch if needs_fetch else tasks.send_processing
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.QUEUED, error="", queued_at=timezone.now(), attempts=0
        )
        document_id = document.pk
        transaction.on_commit(lambda: send(document_id))
    document.refresh_from_db()
