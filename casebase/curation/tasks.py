"""Celery tasks of curation: the daily e-mail digest (scheduled by beat, CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from casebase.curation.digests import send_digests


@shared_task(name="casebase.curation.tasks.send_daily_digests")
def send_daily_digests() -> int:
    return send_digests()
