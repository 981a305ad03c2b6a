"""Celery tasks: process documents (queue "nlp"), fetch URLs (queue "fetch"), OCR scanned pages
(queue "ocr"), requeue stalled; with ``CASEBASE_SEPARATE_STORE``, analyse after spaCy and store
what the "nlp" queue parsed (queue "store").

Tasks are thin callers of the pipeline's functions (processing, fetching); ``send_processing``
and ``send_fetch`` are how intake enqueues. The flow is one way: intake -> tasks ->
fetching/processing -> storing.

Tasks acknowledge late and are re-delivered if the worker dies (settings); the claim in
pipeline.processing makes a re-delivered task finish the document exactly once. Transient
database errors are retried with exponential backoff.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.conf import settings
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from casebase.knowledge.models import Document, DocumentStatus, FetchStatus
from casebase.pipeline import fetching, ocr, processing, source_fetching

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
    """Process (or, with a separate store queue, parse and send the rest to ``store_parsed``);
    documents whose scanned pages were handed to OCR get their OCR task."""
    if processing.separate_store():
        outcome, parsed = processing.parse_documents(document_ids)
        if parsed is not None:
            send_store(parsed)
    else:
        outcome = processing.process_documents(document_ids)
    if outcome.get(processing.AWAITING_OCR):
        for document_id in processing.awaiting_ocr(document_ids):
            send_ocr(document_id)
    return outcome


@shared_task(**RETRY)
def store_parsed(batch: dict[str, Any]) -> dict[str, int]:
    """Analyse after spaCy and store what an ``nlp`` worker parsed (routed to the "store" queue
    by ``store_*``; only with ``CASEBASE_SEPARATE_STORE``)."""
    return processing.store_parsed(batch)


def send_store(batch: dict[str, Any]) -> None:
    """Send a parsed batch to a store worker; with the broker down, store it here rather than
    lose the parse (the documents are claimed by this task)."""
    try:
        store_parsed.delay(batch)
    except (BrokerError, OSError) as exc:
        logger.warning("broker unavailable, storing the parsed batch in this worker: %s", exc)
        processing.store_parsed(batch)


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


@shared_task(bind=True, **RETRY)
def fetch_source(self: Any, document_id: int) -> str:
    """Fetch a citation record's URL (queue "fetch", polite per host), then send its processing.

    When the host's turn is further away than a short sleep, or a transient failure has a retry
    time, the task sends itself again for then (with a broker); run eagerly (the embedded
    default) it leaves the retry to the next ``fetch_sources`` run or beat sweep.
    """
    eager = bool(self.request.is_eager)
    max_sleep = float(getattr(settings, "CASEBASE_FETCH_MAX_SLEEP_SECONDS", 5.0))
    result = source_fetching.fetch_source(
        document_id, max_sleep=max(max_sleep, 60.0) if eager else max_sleep
    )
    if result.status == FetchStatus.FETCHED:
        send_processing(document_id)
    elif result.status == "wait" and eager:
        source_fetching.postpone(document_id, result.wait)
    elif result.status in ("wait", FetchStatus.RETRYING) and not eager:
        countdown = result.wait + random.uniform(0, 0.5)
        try:
            fetch_source.apply_async((document_id,), countdown=countdown)
        except (BrokerError, OSError) as exc:
            logger.warning(
                "broker unavailable, document %s waits for a sweep: %s", document_id, exc
            )
    return result.status


@shared_task(**RETRY)
def fetch_due_sources() -> int:
    """Periodic (beat, off unless CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS is set): send the fetch
    of every citation record that is due; returns how many were sent."""
    return len(send_source_fetches(source_fetching.due_sources()))


def send_source_fetches(documents: Any, progress: Any = None) -> list[int]:
    """Mark documents pending and send one ``fetch_source`` task each; ``progress(document)`` is
    called after each send (run eagerly, after each fetch)."""
    ids = [document.pk for document in documents]
    source_fetching.mark_pending(ids)
    for document_id in ids:
        send_or_leave(fetch_source, document_id)
        if progress is not None:
            progress(document_id)
    return ids


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


def send_or_leave(task: Any, object_id: int) -> None:
    """Send a task; if the broker is down, leave the work for its periodic sweep.

    The submission itself has succeeded (the document and its original are stored), so a broker
    outage must not turn it into an error: the periodic ``requeue_stalled_documents`` task sends
    a queued document again once the broker is back (and the docket sync a due case).
    """
    try:
        task.delay(object_id)
    except (BrokerError, OSError) as exc:
        logger.warning("broker unavailable, %s(%s) not sent: %s", task.name, object_id, exc)


def send_processing(document_id: int) -> None:
    send_or_leave(process_document, document_id)


def send_fetch(document_id: int) -> None:
    send_or_leave(fetch_url, document_id)


def send_ocr(document_id: int) -> None:
    send_or_leave(ocr_document, document_id)


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
