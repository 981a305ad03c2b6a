"""Celery tasks for CourtListener dockets (queue "fetch": the API calls are I/O).

They live apart from ``tasks`` because the import submits documents through intake, which sends
the processing tasks from ``tasks``: callers -> docket_tasks -> courtlistener -> intake -> tasks,
one way. Workers load this module through ``CELERY_IMPORTS``.
"""

from __future__ import annotations

import logging

from celery import shared_task

from casebase.knowledge.models import Case
from casebase.pipeline.courtlistener import cases_due, update_case
from casebase.pipeline.tasks import RETRY, send_or_leave
from casebase.sources.courtlistener import CourtListenerError

logger = logging.getLogger(__name__)


@shared_task(**RETRY)
def fetch_courtlistener_docket(case_id: int) -> str:
    """Import or update the CourtListener docket linked to a case; the case records when it
    was checked and what was found."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return "skipped"
    try:
        return update_case(case).summary()
    except CourtListenerError as exc:
        logger.warning("CourtListener import of case %s failed: %s", case_id, exc)
        return f"failed: {exc}"


def send_courtlistener_import(case_id: int) -> None:
    send_or_leave(fetch_courtlistener_docket, case_id)


@shared_task(**RETRY)
def sync_courtlistener_dockets() -> list[int]:
    """Periodic (beat, when CASEBASE_DOCKET_SYNC is on): queue the import of every linked case
    whose schedule is due; new entries' events await review. Returns the cases' ids."""
    due = [case.pk for case in cases_due()]
    for case_id in due:
        send_courtlistener_import(case_id)
    return due
