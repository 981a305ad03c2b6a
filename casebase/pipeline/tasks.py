"""Celery tasks: process documents (queue "nlp"), fetch URLs (queue "fetch"), OCR scanned pages
(queue "ocr"), requeue stalled.

Tasks are thin callers of the pipeline's functions (processing, fetching); ``send_processing``
and ``send_fetch`` are how intake enqueues. The flow is one way: intake -> tasks ->
fetching/processing -> storing.

Tasks acknowledge late and are re-delivered if the worker dies (settings); the claim in
pipeline.processing makes a re-delivered task finish the document exactly once. Transient
database errors are retried with exponential backoff.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from casebase.knowledge.models import Case, Document, DocumentStatus
from casebase.pipeline import fetching, ocr, processing
from casebase.sources.courtlistener import CourtListenerError

logger = logging.getLogger(__name__)

RETRY: dict[str, Any] = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 6,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


@shared_task(**RETRY)
def process_document(document_id: int) -> dict[str, int]:
    """Extract, analyse and store one document."""
    return process_and_send_ocr([document_id])


@shared_task(**RETRY)
def process_documents(document_ids: list[int]) -> dict[str, int]:
    """A bulk batch: texts go through ``analyse_many`` (one ``nlp.pipe``) together."""
    return process_and_send_ocr(document_ids)


def process_and_send_ocr(document_ids: list[int]) -> dict[str, int]:
    """Process; documents whose scanned pages were handed to OCR get their OCR task."""
    outcome = processing.process_documents(document_ids)
    if outcome.get(processing.AWAITING_OCR):
        for document_id in processing.awaiting_ocr(document_ids):
            send_ocr(document_id)
    return outcome


@shared_task(**RETRY)
def ocr_document(document_id: int) -> str:
    """Read a document's scanned pages with Tesseract (routed to the "ocr" queue by
    ``ocr_*``), then send its processing."""
    status = ocr.read_scanned_pages(document_id)
    if status == DocumentStatus.QUEUED:
        send_processing(document_id)
    return status


@shared_task(**RETRY)
def fetch_url(document_id: int) -> str:
    """Download a submitted URL (routed to the "fetch" queue by ``fetch_*``), then send its
    processing."""
    status = fetching.complete_fetch(document_id)
    if status == DocumentStatus.QUEUED:
        send_processing(document_id)
    return status


@shared_task(**RETRY)
def fetch_courtlistener_docket(case_id: int) -> str:
    """Import or update the CourtListener docket linked to a case (queue "fetch": the API
    calls are I/O); the case records when it was checked and what was found."""
    # The import submits documents through intake, which sends tasks from this module.
    from casebase.pipeline.courtlistener import update_case  # noqa: PLC0415 - import cycle

    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return "skipped"
    try:
        return update_case(case).summary()
    except CourtListenerError as exc:
        logger.warning("CourtListener import of case %s failed: %s", case_id, exc)
        return f"failed: {exc}"


def send_courtlistener_import(case_id: int) -> None:
    _send(fetch_courtlistener_docket, case_id)


@shared_task(**RETRY)
def sync_courtlistener_dockets() -> list[int]:
    """Periodic (beat, when CASEBASE_DOCKET_SYNC is on): queue the import of every linked case
    whose schedule is due; new entries' events await review. Returns the cases' ids."""
    from casebase.pipeline.courtlistener import cases_due  # noqa: PLC0415 - import cycle

    due = [case.pk for case in cases_due()]
    for case_id in due:
        send_courtlistener_import(case_id)
    return due


@shared_task(**RETRY)
def requeue_stalled_documents() -> list[int]:
    """Periodic (beat): re-send documents left queued or stuck processing."""
    return requeue_stalled()


def requeue_stalled() -> list[int]:
    """Queue the stalled documents again and send their tasks; returns their ids."""
    documents = processing.requeue_stalled()
    for document in documents:
        send_task_for(document)
    return [document.pk for document in documents]


def _send(task: Any, document_id: int) -> None:
    """Send a task; if the broker is down the document stays queued for the requeue sweep.

    The submission itself has succeeded (the document and its original are stored), so a broker
    outage must not turn it into an error: the periodic ``requeue_stalled_documents`` task sends
    it again once the broker is back.
    """
    try:
        task.delay(document_id)
    except (BrokerError, OSError) as exc:
        logger.warning("broker unavailable, document %s stays queued: %s", document_id, exc)


def send_processing(document_id: int) -> None:
    _send(process_document, document_id)


def send_fetch(document_id: int) -> None:
    _send(fetch_url, document_id)


def send_ocr(document_id: int) -> None:
    _send(ocr_document, document_id)


def send_task_for(document: Document) -> None:
    """Send the task a queued document needs: fetch (URL not yet fetched), OCR (scanned pages
    handed to OCR) or process."""
    if not document.original and document.source_url:
        send_fetch(document.pk)
    elif "ocr_pending" in (document.metadata or {}):
        send_ocr(document.pk)
    else:
        send_processing(document.pk)


@worker_process_init.connect
def load_model_in_worker(**_: Any) -> None:
    """Load the spaCy model once per worker process, before its first task."""
    try:
        from casebase.analysis.pipeline import get_nlp  # noqa: PLC0415 - spaCy: workers only

        get_nlp()
    except Exception:  # the first task will load it (and report any error on the document)
        logger.exception("could not preload the spaCy model")
