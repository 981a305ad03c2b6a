"""Fetching a submitted URL: the worker side of a URL submission (queue "fetch").

``complete_fetch`` downloads through the safe fetcher, checks the bytes as an upload would be
checked, and stores them as the document's original; the task then sends the processing task.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from casebase.core.text_utils import content_hash
from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline.originals import check_readable, delete_stored, existing_document
from casebase.sources.errors import SourceError
from casebase.sources.fetch import fetch_url
from casebase.sources.sniff import sniff_media_type
from casebase.sources.uploads import validate_upload
from casebase.text.errors import ExtractionError


def complete_fetch(document_id: int) -> str:
    """The fetch task's work: download a queued URL document and store it as its original.

    Returns the resulting status: ``queued`` when it is ready for processing. A fetch error or a
    duplicate leaves the document failed with the reason, so it can be re-run.
    """
    document = Document.objects.filter(pk=document_id, status=DocumentStatus.QUEUED).first()
    if document is None or document.original:
        return "skipped"
    try:
        fetched = fetch_url(document.source_url)
        validate_upload(fetched.data, fetched.filename)
        media_type = sniff_media_type(fetched.data)
        check_readable(fetched.data, media_type)
    except (SourceError, ExtractionError) as exc:
        return _fail(document, f"Fetching {document.source_url} failed: {exc}")
    digest = content_hash(fetched.data)
    duplicate = existing_document(digest)
    if duplicate is not None:
        return _fail(document, f"Same content as document #{duplicate.pk} ({duplicate.title}).")
    stored_name = ""
    try:
        with transaction.atomic():
            locked = Document.objects.select_for_update().filter(pk=document_id).first()
            if locked is None or locked.status != DocumentStatus.QUEUED or locked.original:
                return "skipped"  # deleted, or re-run, while it was being fetched
            locked.original.save(fetched.filename, ContentFile(fetched.data), save=False)
            stored_name = locked.original.name or ""
            locked.content_hash = digest
            locked.media_type = media_type
            locked.size_bytes = len(fetched.data)
            locked.original_name = fetched.filename[:300]
            locked.metadata = {**locked.metadata, "fetched_url": fetched.url}
            locked.save()
    except IntegrityError:
        delete_stored(document, stored_name)
        return _fail(document, "The same content was submitted meanwhile.")
    return DocumentStatus.QUEUED


def _fail(document: Document, error: str) -> str:
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.FAILED, error=error, finished_at=timezone.now()
    )
    return DocumentStatus.FAILED
