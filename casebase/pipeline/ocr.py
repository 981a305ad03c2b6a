"""OCR of a document's scanned pages: the worker side of queue "ocr".

Processing hands a PDF whose pages have no usable text layer to OCR (``processing.extract``:
the document goes back to queued with ``metadata["ocr_pending"]``). ``read_scanned_pages``
claims it like processing does, reads the pending pages one at a time with Tesseract
(``casebase.text.ocr``) and stores each page's text and confidence in ``metadata["ocr_pages"]``
as soon as it is read, so a task re-delivered after a worker died goes on where it stopped.
When every page is read the document is queued again and the task sends its processing, which
puts the OCR text in place of the scanned pages and analyses the whole.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline.processing import Job, claim, locked_if_mine, ocr_results, read_original
from casebase.text.errors import ExtractionError
from casebase.text.ocr import INSTALL_HINT, OcrPage, ocr_pages, tesseract_version

logger = logging.getLogger(__name__)


def read_scanned_pages(document_id: int) -> str:
    """OCR the document's pending pages. Returns ``queued`` when it is ready for processing,
    ``needs_ocr`` / ``failed`` when OCR could not run or read a page, ``skipped`` when there
    was nothing to do and ``superseded`` when another claim took the document meanwhile."""
    waiting = Document.objects.filter(
        pk=document_id, status=DocumentStatus.QUEUED, metadata__has_key="ocr_pending"
    ).exists()
    if not waiting:
        return "skipped"
    job = claim(document_id)
    if job is None:
        return "skipped"
    version = tesseract_version()
    if version is None:
        return _end(job, DocumentStatus.NEEDS_OCR, f"The document needs OCR. {INSTALL_HINT}")
    try:
        data = read_original(job.document)
    except ExtractionError as exc:
        return _end(job, DocumentStatus.FAILED, str(exc))
    done = ocr_results(job.document)
    pending = [int(p) for p in job.document.metadata.get("ocr_pending") or [] if p not in done]
    try:
        for result in ocr_pages(data, pending):
            if not _keep_page(job, result):
                return "superseded"
            logger.info(
                "document %s: page %s, confidence %s", document_id, result.page, result.confidence
            )
    except ExtractionError as exc:
        return _end(job, DocumentStatus.FAILED, f"OCR failed: {exc}")
    return _end(job, DocumentStatus.QUEUED, "", engine=f"tesseract {version}")


def _keep_page(job: Job, page: OcrPage) -> bool:
    with transaction.atomic():
        document = locked_if_mine(job)
        if document is None:
            return False
        pages = [p for p in document.metadata.get("ocr_pages") or [] if p["page"] != page.page]
        document.metadata = {**document.metadata, "ocr_pages": [*pages, page.as_dict()]}
        document.save(update_fields=["metadata", "updated_at"])
    return True


def _end(job: Job, status: str, error: str, engine: str = "") -> str:
    """Queued again for processing (``error`` empty), or finished with ``error``."""
    with transaction.atomic():
        document = locked_if_mine(job)
        if document is None:
            return "superseded"
        now = timezone.now()
        document.status = status
        document.error = error
        metadata = dict(document.metadata)
        metadata.pop("ocr_pending", None)
        if status == DocumentStatus.QUEUED:
            document.queued_at = now
            document.attempts = 0  # OCR was this stage's claim; processing counts its own
            metadata["ocr_engine"] = engine
        else:
            document.finished_at = now
        document.metadata = metadata
        document.save()
    return status
