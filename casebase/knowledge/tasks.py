"""Celery tasks: process documents (queue "nlp"), fetch URLs (queue "fetch"), requeue stalled.

Tasks acknowledge late and are re-delivered if the worker dies (settings); the claim in
services.processing makes a re-delivered task finish the document exactly once. Transient
database errors are retried with exponential backoff.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.db import InterfaceError, OperationalError

from casebase.knowledge.services import ingestion, processing

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
    return processing.process_documents([document_id])


@shared_task(**RETRY)
def process_documents(document_ids: list[int]) -> dict[str, int]:
    """A bulk batch: texts go through ``analyse_many`` (one ``nlp.pipe``) together."""
    return processing.process_documents(document_ids)


@shared_task(**RETRY)
def fetch_url(document_id: int) -> str:
    """Download a submitted URL (routed to the "fetch" queue by ``fetch_*``)."""
    return ingestion.complete_fetch(document_id)


@shared_task(**RETRY)
def requeue_stalled_documents() -> list[int]:
    """Periodic (beat): re-send documents left queued or stuck processing."""
    return processing.requeue_stalled()


@worker_process_init.connect
def load_model_in_worker(**_: Any) -> None:
    """Load the spaCy model once per worker process, before its first task."""
    try:
        from casebase.analysis.pipeline import get_nlp

        get_nlp()
    except Exception:  # the first task will load it (and report any error on the document)
        logger.exception("could not preload the spaCy model")
