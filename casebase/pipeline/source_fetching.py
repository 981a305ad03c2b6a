"""Fetching the URLs of citation records (``status=reference``): ``manage.py fetch_sources``,
the admin action and the optional beat task all end here, one document per ``fetch`` task.

A fetched page is checked (type, size, readable, not a paywall, not a copy of a stored
document) and stored as the SAME document's original; the document is then queued for the
usual processing (extraction, analysis, the curated evidence quotes located in the text). Any
failure only touches the ``fetch_*`` fields: the record's title, URL, publisher, case and
evidence stay as they were, and it stays a citation record. Transient failures (timeouts,
unreachable hosts, server errors, rate limits) are retried with exponential backoff
(``next_fetch_at``); permanent ones (404, paywall, robots.txt, refused address, not text) are not,
unless asked (``fetch_sources --retry-failed``). Politeness (one request per host per interval,
``Retry-After``, robots.txt) is in ``politeness``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from casebase.core.text_utils import content_hash
from casebase.knowledge.history import update_with_history
from casebase.knowledge.models import Document, DocumentStatus, FetchFailure, FetchStatus
from casebase.pipeline import politeness
from casebase.pipeline.originals import check_readable, delete_stored, existing_document
from casebase.sources.errors import (
    FetchRefused,
    FetchTimeout,
    FetchUnreachable,
    HTTPStatusError,
    SourceError,
)
from casebase.sources.fetch import check_submitted_url, fetch_url
from casebase.sources.refusals import Refused
from casebase.sources.robots import RobotsUnavailable
from casebase.sources.sniff import sniff_media_type
from casebase.sources.uploads import validate_upload
from casebase.text.errors import ExtractionError
from casebase.text.extract import extract_text
from casebase.text.paywall import looks_like_paywall

logger = logging.getLogger(__name__)

TRANSIENT = {
    FetchFailure.TIMEOUT,
    FetchFailure.UNREACHABLE,
    FetchFailure.SERVER_ERROR,
    FetchFailure.RATE_LIMITED,
}


def max_fetch_attempts() -> int:
    return int(getattr(settings, "CASEBASE_SOURCE_FETCH_ATTEMPTS", 5))


def backoff_seconds(attempts: int) -> float:
    """Wait after the n-th failed attempt: base * 2^(n-1), capped (60 s, 2 min, 4 min ...)."""
    base = float(getattr(settings, "CASEBASE_SOURCE_FETCH_BACKOFF_SECONDS", 60))
    cap = float(getattr(settings, "CASEBASE_SOURCE_FETCH_BACKOFF_MAX_SECONDS", 86400))
    return float(min(cap, base * 2 ** max(0, attempts - 1)))


PENDING_STALE = dt.timedelta(hours=1)


@dataclass
class FetchFailed(Exception):
    """Why this attempt failed: a reason code (``FetchFailure``) and a message for editors."""

    reason: str
    message: str
    retry_after: float | None = None


@dataclass(frozen=True)
class SourceFetchResult:
    """``fetched``, ``retrying``, ``failed``, ``skipped`` or ``wait`` (the host's turn is
    ``wait`` seconds away: send the task again then)."""

    status: str
    wait: float = 0.0
    reason: str = ""


# --- which documents ---------------------------------------------------------------------------


def citation_records() -> QuerySet[Document]:
    return Document.objects.filter(status=DocumentStatus.REFERENCE).exclude(source_url="")


def due_sources(
    now: dt.datetime | None = None, *, retry_failed: bool = False
) -> QuerySet[Document]:
    """Citation records to fetch now: never fetched, due for a retry, or queued so long ago
    that the task was lost (``PENDING_STALE``); permanently failed ones only with
    ``retry_failed``. Fetched documents are no longer citation records, so never again."""
    now = now or timezone.now()
    states = [FetchStatus.NOT_FETCHED, FetchStatus.PENDING, FetchStatus.RETRYING]
    if retry_failed:
        states.append(FetchStatus.FAILED)
    due = Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now)
    if retry_failed:
        due |= Q(fetch_status=FetchStatus.FAILED)
    return citation_records().filter(fetch_status__in=states).filter(due).order_by("pk")


def mark_pending(document_ids: Iterable[int], now: dt.datetime | None = None) -> int:
    """Mark documents as sent to the fetch queue (not sent again until ``PENDING_STALE``)."""
    now = now or timezone.now()
    return update_with_history(
        citation_records().filter(pk__in=list(document_ids)),
        fetch_status=FetchStatus.PENDING,
        next_fetch_at=now + PENDING_STALE,
    )


def postpone(document_id: int, seconds: float) -> None:
    """The host asked for a pause longer than a task may sleep: due again after it."""
    update_with_history(
        citation_records().filter(pk=document_id),
        next_fetch_at=timezone.now() + dt.timedelta(seconds=seconds),
    )


def fetch_status_counts() -> dict[str, int]:
    """How many documents with a source URL are in each fetch status (citation records that
    were never fetched count as ``not fetched``)."""
    rows = (
        Document.objects.exclude(source_url="")
        .filter(Q(status=DocumentStatus.REFERENCE) | ~Q(fetch_status=""))
        .values("fetch_status")
        .annotate(n=Count("pk"))
    )
    return {str(row["fetch_status"]): int(row["n"]) for row in rows}


# --- one document ------------------------------------------------------------------------------


def fetch_source(document_id: int, *, max_sleep: float = 5.0) -> SourceFetchResult:
    """Fetch one citation record's URL and store it on the document (see the module doc)."""
    document = citation_records().filter(pk=document_id).first()
    if document is None:
        return SourceFetchResult("skipped")
    url = document.source_url
    try:
        _check(url)
        wait = _robots_then_turn(url, max_sleep)
        if wait:
            return SourceFetchResult("wait", wait=wait)
        data, final_url, filename, media_type = _download(url)
        digest = content_hash(data)
        duplicate = existing_document(digest)
        if duplicate is not None and duplicate.pk != document.pk:
            raise FetchFailed(
                FetchFailure.DUPLICATE,
                f"Same content as document #{duplicate.pk} ({duplicate.title}).",
            )
    except FetchFailed as failed:
        return _record_failure(document, failed)
    return _store(document, data, final_url, filename, media_type, digest)


def _check(url: str) -> None:
    try:
        check_submitted_url(url)
    except SourceError as exc:
        raise _classified(exc) from exc


def _robots_then_turn(url: str, max_sleep: float) -> float:
    """Wait for the host's turn, reading robots.txt first when not cached (a request of its
    own, so a second turn follows). Returns seconds still to wait, or 0.0 to go on."""
    if not politeness.robots_cached(url):
        wait = politeness.wait_for_turn(url, max_sleep)
        if wait:
            return wait
        try:
            politeness.robots_text(url)
        except RobotsUnavailable as exc:
            raise FetchFailed(FetchFailure.SERVER_ERROR, str(exc)) from exc
        except SourceError as exc:
            raise _classified(exc) from exc
    try:
        allowed = politeness.allowed_by_robots(url)
    except SourceError as exc:  # the cache entry expired meanwhile and the fetch failed
        raise FetchFailed(FetchFailure.SERVER_ERROR, str(exc)) from exc
    if not allowed:
        raise FetchFailed(FetchFailure.ROBOTS, "The site's robots.txt does not allow casebase.")
    return politeness.wait_for_turn(url, max_sleep)


def _download(url: str) -> tuple[bytes, str, str, str]:
    """Fetch and check: (bytes, final URL, file name, media type)."""
    try:
        fetched = fetch_url(url)
    except HTTPStatusError as exc:
        if exc.retry_after:
            politeness.hold_off(url, exc.retry_after)
        raise _classified(exc) from exc
    except SourceError as exc:
        raise _classified(exc) from exc
    try:
        validate_upload(fetched.data, fetched.filename)
        media_type = sniff_media_type(fetched.data)
        check_readable(fetched.data, media_type)
        extracted = extract_text(fetched.data, fetched.filename, media_type)
    except (SourceError, ExtractionError) as exc:
        raise FetchFailed(FetchFailure.NOT_TEXT, str(exc)) from exc
    if not any(ch.isalnum() for ch in extracted.text) and not extracted.needs_ocr:
        raise FetchFailed(FetchFailure.NOT_TEXT, "The page holds no words.")
    if looks_like_paywall(extracted.text):
        raise FetchFailed(
            FetchFailure.PAYWALL, "The page is a paywall or login page, not the source's text."
        )
    return fetched.data, fetched.url, fetched.filename, media_type


def _classified(exc: SourceError) -> FetchFailed:
    if isinstance(exc, HTTPStatusError):
        status = exc.status
        if status in (404, 410):
            reason = FetchFailure.NOT_FOUND
        elif status in (401, 402):
            reason = FetchFailure.PAYWALL
        elif status == 429:
            reason = FetchFailure.RATE_LIMITED
        elif status >= 500:
            reason = FetchFailure.SERVER_ERROR
        else:
            reason = FetchFailure.FORBIDDEN
        return FetchFailed(reason, str(exc), exc.retry_after)
    if isinstance(exc, (FetchRefused, Refused)):
        return FetchFailed(FetchFailure.REFUSED, str(exc))
    if isinstance(exc, FetchTimeout):
        return FetchFailed(FetchFailure.TIMEOUT, str(exc))
    if isinstance(exc, FetchUnreachable):
        return FetchFailed(FetchFailure.UNREACHABLE, str(exc))
    return FetchFailed(FetchFailure.ERROR, str(exc))


def _record_failure(document: Document, failed: FetchFailed) -> SourceFetchResult:
    """Only the fetch fields change; a transient failure gets a retry time (backoff)."""
    now = timezone.now()
    attempts = document.fetch_attempts + 1
    retry = failed.reason in TRANSIENT and attempts < max_fetch_attempts()
    wait = max(backoff_seconds(attempts), failed.retry_after or 0.0)
    status = FetchStatus.RETRYING if retry else FetchStatus.FAILED
    update_with_history(
        Document.objects.filter(pk=document.pk),
        fetch_status=status,
        fetch_failure=failed.reason,
        fetch_error=failed.message[:2000],
        fetch_attempts=attempts,
        next_fetch_at=now + dt.timedelta(seconds=wait) if retry else None,
    )
    logger.info("fetching document %s: %s (%s)", document.pk, failed.reason, failed.message)
    return SourceFetchResult(status, wait=wait if retry else 0.0, reason=failed.reason)


def _store(
    document: Document, data: bytes, final_url: str, filename: str, media_type: str, digest: str
) -> SourceFetchResult:
    stored_name = ""
    now = timezone.now()
    try:
        with transaction.atomic():
            locked = citation_records().select_for_update().filter(pk=document.pk).first()
            if locked is None or locked.original:
                return SourceFetchResult("skipped")  # fetched or deleted meanwhile
            locked.content_hash = digest
            locked.original.save(filename or "source", ContentFile(data), save=False)
            stored_name = locked.original.name or ""
            locked.media_type = media_type
            locked.size_bytes = len(data)
            locked.original_name = (filename or "source")[:300]
            locked.metadata = {**locked.metadata, "fetched_url": final_url}
            locked.status = DocumentStatus.QUEUED
            locked.queued_at = now
            locked.error = ""
            locked.fetch_status = FetchStatus.FETCHED
            locked.fetch_failure = ""
            locked.fetch_error = ""
            locked.fetch_attempts += 1
            locked.fetched_at = now
            locked.next_fetch_at = None
            locked.save()
    except IntegrityError:
        delete_stored(document, stored_name)
        return _record_failure(
            document,
            FetchFailed(FetchFailure.DUPLICATE, "The same content was stored meanwhile."),
        )
    return SourceFetchResult(FetchStatus.FETCHED)
