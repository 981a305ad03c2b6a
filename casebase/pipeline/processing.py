"""What the Celery tasks do: claim a document, extract its text, analyse it, store the result.

A document is claimed under a row lock (status queued, or processing left by a worker that
died); the claim's start time is its token. Only the holder of the latest claim may finish the
document, so a task delivered twice (re-delivery after a worker died, or a requeue sweep) stores
the result exactly once.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from casebase.analysis.types import Analysis, KnownEntity
from casebase.core.partial_dates import PartialDate
from casebase.knowledge.history import recorded_as
from casebase.knowledge.models import Document, DocumentStatus, Entity, Origin
from casebase.pipeline.evidence import locate_quoted_evidence
from casebase.pipeline.known_entities import load_known_entities
from casebase.pipeline.source_metadata import apply_source_metadata, source_metadata
from casebase.pipeline.storing import CuratedEvents, KnownQuotes, SharedReads, store_analysis
from casebase.text.errors import ExtractionError
from casebase.text.extract import extract_text
from casebase.text.ocr import INSTALL_HINT, OcrPage, apply_ocr, tesseract_version
from casebase.text.types import ExtractedText

logger = logging.getLogger(__name__)
CLAIMABLE = (DocumentStatus.QUEUED, DocumentStatus.PROCESSING)
AWAITING_OCR = "awaiting_ocr"  # extract's outcome when scanned pages were sent to OCR


def max_attempts() -> int:
    return int(getattr(settings, "CASEBASE_MAX_ATTEMPTS", 5))


@dataclass
class Job:
    """One claimed document on its way through the pipeline."""

    document: Document
    token: dt.datetime
    timings: dict[str, float] = field(default_factory=dict)
    extracted: ExtractedText | None = None
    analysis: Analysis | None = None


# --- claiming and finishing -------------------------------------------------------------------


def claim(document_id: int) -> Job | None:
    """Lock the row and mark it processing; None when there is nothing to do."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status not in CLAIMABLE:
            return None
        now = timezone.now()
        document.attempts += 1
        if document.attempts > max_attempts():
            document.status = DocumentStatus.FAILED
            document.error = f"Gave up after {max_attempts()} attempts (the worker kept dying)."
            document.finished_at = now
            document.save(update_fields=["status", "error", "attempts", "finished_at"])
            return None
        document.status = DocumentStatus.PROCESSING
        document.started_at = now
        document.error = ""
        document.save(update_fields=["status", "started_at", "attempts", "error", "updated_at"])
    wait = (now - document.queued_at).total_seconds() if document.queued_at else 0.0
    return Job(document=document, token=now, timings={"queue_wait": round(wait, 4)})


def locked_if_mine(job: Job) -> Document | None:
    """Inside a transaction: the locked row, if this job still holds the latest claim."""
    current = Document.objects.select_for_update().filter(pk=job.document.pk).first()
    if current is None or current.status != DocumentStatus.PROCESSING:
        return None
    if current.started_at != job.token:
        return None
    return current


class _StoreFailed(Exception):
    """Storing a document's analysis failed: its transaction is rolled back, then the document
    is finished as failed with ``message`` in a transaction of its own."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _finish(
    job: Job,
    status: str,
    error: str = "",
    curated: CuratedEvents | None = None,
    quotes: KnownQuotes | None = None,
    shared: SharedReads | None = None,
) -> str | None:
    """Store the job's outcome if it still holds the claim; returns the status stored (failed
    when storing the analysis failed), None when the claim was superseded. ``curated``,
    ``quotes`` and ``shared``: what the task's documents read once (``storing.CuratedEvents``,
    ``storing.KnownQuotes``, ``storing.SharedReads``)."""
    started = time.perf_counter()
    try:
        return _finish_once(job, status, error, started, curated, quotes, shared)
    except _StoreFailed as failed:
        # Every row the analysis wrote went with the rolled-back transaction; the document
        # (its text kept, so it can be re-run) fails with the error.
        return _finish_once(job, DocumentStatus.FAILED, failed.message, started)


def _finish_once(
    job: Job,
    status: str,
    error: str,
    started: float,
    curated: CuratedEvents | None = None,
    quotes: KnownQuotes | None = None,
    shared: SharedReads | None = None,
) -> str | None:
    """``_finish`` in one transaction; raises ``_StoreFailed`` (rolling it back) when storing
    the analysis fails."""
    with transaction.atomic():
        document = locked_if_mine(job)
        if document is None:
            logger.info("document %s: claim superseded, result dropped", job.document.pk)
            return None
        if job.extracted is not None:
            _apply_extracted(document, job.extracted)
        if job.analysis is not None and status == DocumentStatus.DONE:
            _store(document, job.analysis, curated, quotes, shared)
        job.timings["store"] = round(time.perf_counter() - started, 4)
        job.timings["total"] = round((timezone.now() - job.token).total_seconds(), 4)
        document.status = status
        document.error = error
        document.timings = job.timings
        document.finished_at = timezone.now()
        with recorded_as(f"pipeline {pipeline_version()}"):
            document.save()
    return status


def _store(
    document: Document,
    analysis: Analysis,
    curated: CuratedEvents | None = None,
    quotes: KnownQuotes | None = None,
    shared: SharedReads | None = None,
) -> None:
    """Store the analysis in the document's transaction (``_finish_once``); on a bug in
    storing raise ``_StoreFailed`` with the error to record: the transaction is rolled back
    and the document alone fails (the rest of the task's documents are still stored). No
    savepoint: it would cost two round trips a document for the rare failure.

    Database connection errors are raised as they are: the task is retried with backoff and
    the claim makes the retry finish each document once.
    """
    try:
        with recorded_as(f"pipeline {pipeline_version()}"):
            first = not document.pipeline_version
            counts = store_analysis(
                document, analysis, first=first, curated=curated, quotes=quotes, shared=shared
            )
            if shared is None or shared.has_spanless_quotes(document):
                locate_quoted_evidence(document)
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:
        logger.exception("storing the analysis of document %s failed", document.pk)
        raise _StoreFailed(f"Storing failed: {type(exc).__name__}: {exc}") from exc
    document.metadata = {
        **document.metadata,
        "counts": counts.as_dict(),
        "unresolved_events": counts.unresolved_events,
    }
    document.pipeline_version = pipeline_version()


# --- extraction -------------------------------------------------------------------------------


def read_original(document: Document) -> bytes:
    if not document.original:
        raise ExtractionError("The document has no original file.")
    try:
        with document.original.open("rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:  # the message would name the server's storage path
        raise ExtractionError("The original file is missing from storage.") from exc
    except OSError as exc:
        raise ExtractionError(f"The original file could not be read ({exc.strerror}).") from exc


def _apply_extracted(document: Document, extracted: ExtractedText) -> None:
    """Text, page map and what the source itself says about it (``source_metadata``)."""
    document.text = extracted.text
    document.page_offsets = extracted.page_offsets
    document.language = extracted.language
    document.media_type = document.media_type or extracted.media_type
    metadata = {**document.metadata, "extracted": extracted.metadata}
    metadata["needs_ocr"] = extracted.needs_ocr
    metadata.pop("ocr_pending", None)
    apply_source_metadata(document, source_metadata(extracted), metadata)
    if document.published_on is None:
        _date_from_metadata(document, extracted, metadata)
        if metadata.get("published_source"):
            metadata["filled_from_source"] = sorted(
                {*metadata.get("filled_from_source", []), "published"}
            )
    document.metadata = metadata


def _date_from_metadata(
    document: Document, extracted: ExtractedText, metadata: dict[str, Any]
) -> None:
    """A publication date read from the source itself: HTML metadata or the ECF filing date."""
    candidates = [
        ("html", extracted.metadata.get("date")),
        ("ecf", (extracted.metadata.get("ecf") or {}).get("filed")),
    ]
    for source, value in candidates:
        if not value:
            continue
        try:
            parsed = PartialDate.parse(str(value)[:10])
        except ValueError:
            continue
        document.published_on = parsed.start
        document.published_precision = parsed.precision.value
        metadata["published_source"] = source
        return


def ocr_results(document: Document) -> dict[int, OcrPage]:
    """The pages of ``document`` that OCR has read so far (``pipeline.ocr``), by page number."""
    pages = (document.metadata or {}).get("ocr_pages") or []
    return {page.page: page for page in map(OcrPage.from_dict, pages)}


def extract(job: Job) -> str | None:
    """Extract the job's text, with the pages OCR has read in place of scanned ones. Returns a
    final status (failed / needs_ocr), AWAITING_OCR when scanned pages were handed to OCR, or
    None to go on."""
    started = time.perf_counter()
    try:
        document = job.document  # its media type was sniffed once, at submission
        job.extracted = apply_ocr(
            extract_text(read_original(document), document.original_name, document.media_type),
            ocr_results(document),
        )
    except (ExtractionError, OSError) as exc:
        job.timings["extract"] = round(time.perf_counter() - started, 4)
        _finish(job, DocumentStatus.FAILED, str(exc))
        return DocumentStatus.FAILED
    job.timings["extract"] = round(time.perf_counter() - started, 4)
    pages = job.extracted.needs_ocr
    ocr_available = bool(pages) and tesseract_version() is not None
    if ocr_available:
        return AWAITING_OCR if _await_ocr(job, pages) else "superseded"
    if not _has_text(job.extracted):
        if not pages:
            read = [str(page["page"]) for page in job.extracted.metadata.get("ocr", [])]
            error = "The document holds no words to analyse."
            if read:
                error = f"OCR read no words on the scanned page(s) {', '.join(read)}."
            _finish(job, DocumentStatus.FAILED, error)
            return DocumentStatus.FAILED
        hint = "" if ocr_available else f" {INSTALL_HINT}"
        _finish(
            job,
            DocumentStatus.NEEDS_OCR,
            f"No usable text layer on page(s) {_ranges(pages)}: the document needs OCR. "
            f"The original is kept.{hint}",
        )
        return DocumentStatus.NEEDS_OCR
    limit = settings.CASEBASE_MAX_ANALYSED_CHARS
    if len(job.extracted.text) > limit:
        _finish(
            job,
            DocumentStatus.FAILED,
            f"The text has {len(job.extracted.text):,} characters; the analysis reads at most "
            f"{limit:,} per document (CASEBASE_MAX_ANALYSED_CHARS). The text and the original "
            "are kept.",
        )
        return DocumentStatus.FAILED
    return None


def _await_ocr(job: Job, pages: Sequence[int]) -> bool:
    """Hand the scanned ``pages`` to OCR: the document goes back to queued, marked with the
    pages to read, for ``tasks.ocr_document`` (queue "ocr"). False when the claim was lost."""
    with transaction.atomic():
        document = locked_if_mine(job)
        if document is None:
            return False
        document.status = DocumentStatus.QUEUED
        document.queued_at = timezone.now()
        document.metadata = {**document.metadata, "ocr_pending": list(pages)}
        document.timings = job.timings
        document.save(update_fields=["status", "queued_at", "metadata", "timings", "updated_at"])
    return True


def awaiting_ocr(document_ids: Sequence[int]) -> list[int]:
    """Which of ``document_ids`` wait for OCR (queued with pages to read)."""
    documents = Document.objects.filter(
        pk__in=document_ids, status=DocumentStatus.QUEUED, metadata__has_key="ocr_pending"
    )
    return list(documents.order_by("pk").values_list("pk", flat=True))


def _has_text(extracted: ExtractedText) -> bool:
    """False when no page has a usable text layer (PDFs), or there is no word at all."""
    if extracted.page_offsets and len(extracted.needs_ocr) >= len(extracted.page_offsets):
        return False
    return any(ch.isalnum() for ch in extracted.text)


def _ranges(pages: Sequence[int]) -> str:
    if len(pages) <= 6:
        return ", ".join(str(p) for p in pages)
    return f"{', '.join(str(p) for p in pages[:5])} and {len(pages) - 5} more"


# --- analysis ---------------------------------------------------------------------------------


def pipeline_version() -> str:
    from casebase.analysis.pipeline import PIPELINE_VERSION  # noqa: PLC0415 - spaCy: workers only

    return str(PIPELINE_VERSION)


def _analysis_date(document: Document) -> PartialDate | None:
    """The publication date relative dates resolve against, at its known precision."""
    if document.published_on is None:
        return None
    return PartialDate.from_date(document.published_on, document.published_precision)


def known_for_analysis() -> list[KnownEntity]:
    """The entities the analysis's ruler must always find: all but those the pipeline created.

    Entities the pipeline extracted are still linked when found again (by name or alias, in
    services.extraction); keeping them out of the ruler stops unreviewed extractions from
    reinforcing themselves, and keeps the list stable during a bulk load, where every change
    would rebuild the spaCy entity ruler (0.3 to 0.7 s of CPU for a few hundred entities).
    """
    extracted = set(Entity.objects.filter(origin=Origin.EXTRACTED).values_list("slug", flat=True))
    return [entity for entity in load_known_entities() if entity.slug not in extracted]


def _item(job: Job) -> tuple[str, PartialDate | None, str, list[tuple[int, int]]]:
    """What the analysis reads of a job: its text, date, kind and page furniture."""
    assert job.extracted is not None
    extracted = job.extracted
    return extracted.text, _analysis_date(job.document), job.document.kind, extracted.furniture


def analyse_jobs(jobs: Sequence[Job], batch_size: int | None = None) -> None:
    """Analyse the jobs' texts in one ``nlp.pipe`` batch (one by one if the batch fails)."""
    if not jobs:
        return
    from casebase.analysis.pipeline import analyse, analyse_many  # noqa: PLC0415 - as above

    known = known_for_analysis()
    size = batch_size or settings.CASEBASE_NLP_BATCH_SIZE
    started = time.perf_counter()
    items = [_item(job) for job in jobs]
    try:
        results = list(analyse_many(items, known=known, batch_size=size))
    except Exception:
        logger.exception("batch analysis failed; analysing one by one")
        results = []
    if len(results) == len(jobs):
        share = (time.perf_counter() - started) / len(jobs)
        for job, analysis in zip(jobs, results, strict=True):
            job.analysis = analysis
            job.timings["analyse"] = round(share, 4)
        return
    for job, (text, published, kind, furniture) in zip(jobs, items, strict=True):
        one = time.perf_counter()
        try:
            job.analysis = analyse(
                text, published=published, known=known, kind=kind, furniture=furniture
            )
        except Exception as exc:
            _analysis_failed(job, exc, one)
            continue
        job.timings["analyse"] = round(time.perf_counter() - one, 4)


def _analysis_failed(job: Job, exc: Exception, started: float) -> None:
    logger.error("analysis of document %s failed", job.document.pk, exc_info=exc)
    job.timings["analyse"] = round(time.perf_counter() - started, 4)
    _finish(job, DocumentStatus.FAILED, f"Analysis failed: {type(exc).__name__}: {exc}")


# --- the whole run ----------------------------------------------------------------------------


def _claim_and_extract(document_ids: Sequence[int]) -> tuple[dict[str, int], list[Job]]:
    """Claim and extract each document; the outcome so far and the jobs ready for analysis."""
    outcome: dict[str, int] = {}
    ready: list[Job] = []
    for document_id in document_ids:
        job = claim(document_id)
        if job is None:
            _count(outcome, "skipped")
            continue
        status = extract(job)
        if status is None:
            ready.append(job)
        else:
            _count(outcome, status)
    return outcome, ready


def _count(outcome: dict[str, int], key: str) -> None:
    outcome[key] = outcome.get(key, 0) + 1


def process_documents(document_ids: Sequence[int]) -> dict[str, int]:
    """Claim, extract, analyse (batched) and store; returns how many ended in each status."""
    outcome, ready = _claim_and_extract(document_ids)
    analyse_jobs(ready)
    _store_jobs(ready, outcome)
    return {str(k): v for k, v in outcome.items()}


def _store_jobs(jobs: Sequence[Job], outcome: dict[str, int]) -> None:
    """Finish each analysed job as done (storing its analysis); a job without one failed."""
    curated = CuratedEvents()  # read once, by the first document with dated events
    quotes = KnownQuotes()  # read once, then only the rows added since
    shared = SharedReads(
        {job.document.pk: job.analysis for job in jobs if job.analysis is not None}
    )
    for job in jobs:
        if job.analysis is None:
            _count(outcome, DocumentStatus.FAILED)
            continue
        status = _finish(job, DocumentStatus.DONE, curated=curated, quotes=quotes, shared=shared)
        _count(outcome, status or "superseded")


# --- parsing here, the rest in a store worker (CASEBASE_SEPARATE_STORE) -----------------------


def separate_store() -> bool:
    """Whether an ``nlp`` worker only parses and a ``store`` worker analyses and stores
    (docs/deploy.md, "A separate store queue")."""
    return bool(getattr(settings, "CASEBASE_SEPARATE_STORE", False))


def parse_documents(document_ids: Sequence[int]) -> tuple[dict[str, int], dict[str, Any] | None]:
    """Claim, extract and parse (one ``nlp.pipe`` batch); returns the outcome so far
    (``parsed``: how many wait for their store task) and the batch for ``store_parsed``, a
    JSON-ready dict, or None when nothing was parsed."""
    outcome, ready = _claim_and_extract(document_ids)
    jobs = parse_jobs(ready)
    if not jobs:
        return {str(k): v for k, v in outcome.items()}, None
    outcome["parsed"] = len(jobs)
    return {str(k): v for k, v in outcome.items()}, {"jobs": jobs}


def parse_jobs(jobs: Sequence[Job], batch_size: int | None = None) -> list[dict[str, Any]]:
    """Parse the jobs' texts in one ``nlp.pipe`` batch (one by one if the batch fails; a text
    that fails alone fails its document); each parsed job as a JSON-ready dict."""
    if not jobs:
        return []
    from casebase.analysis.doc_bytes import doc_to_bytes  # noqa: PLC0415 - spaCy: workers only
    from casebase.analysis.pipeline import parse  # noqa: PLC0415 - as above

    known = known_for_analysis()
    size = batch_size or settings.CASEBASE_NLP_BATCH_SIZE
    started = time.perf_counter()
    items = [_item(job) for job in jobs]
    try:
        data = [doc_to_bytes(doc) for doc, _ in parse(items, known=known, batch_size=size)]
    except Exception:
        logger.exception("batch parse failed; parsing one by one")
        data = []
    parsed: list[dict[str, Any]] = []
    if len(data) == len(jobs):
        share = round((time.perf_counter() - started) / len(jobs), 4)
        for job, one in zip(jobs, data, strict=True):
            job.timings["parse"] = share
            parsed.append(_parsed_job(job, one))
        return parsed
    for job, item in zip(jobs, items, strict=True):
        one_started = time.perf_counter()
        try:
            doc = next(parse([item], known=known, batch_size=1))[0]
        except Exception as exc:
            _analysis_failed(job, exc, one_started)
            continue
        job.timings["parse"] = round(time.perf_counter() - one_started, 4)
        parsed.append(_parsed_job(job, doc_to_bytes(doc)))
    return parsed


def _parsed_job(job: Job, doc: bytes) -> dict[str, Any]:
    assert job.extracted is not None
    return {
        "document": job.document.pk,
        "token": job.token.isoformat(),
        "timings": job.timings,
        "extracted": dataclasses.asdict(job.extracted),
        "doc": base64.b64encode(doc).decode("ascii"),
    }


def store_parsed(batch: dict[str, Any]) -> dict[str, int]:
    """Analyse (after spaCy) and store a batch of ``parse_documents``; the claim each job
    carries makes a re-delivered batch, or one whose documents were claimed again meanwhile,
    store each document once."""
    from casebase.analysis.pipeline import analyse_bytes  # noqa: PLC0415 - spaCy: workers only

    outcome: dict[str, int] = {}
    known = known_for_analysis()
    jobs: list[Job] = []
    for entry in batch["jobs"]:
        job = _job_of(entry)
        if job is None:  # the document was deleted meanwhile
            _count(outcome, "skipped")
            continue
        jobs.append(job)
        started = time.perf_counter()
        try:
            job.analysis = analyse_bytes(base64.b64decode(entry["doc"]), _item(job), known)
        except Exception as exc:
            _analysis_failed(job, exc, started)
            continue
        job.timings["analyse"] = round(time.perf_counter() - started, 4)
    _store_jobs(jobs, outcome)
    return {str(k): v for k, v in outcome.items()}


def _job_of(entry: dict[str, Any]) -> Job | None:
    """The job a ``_parsed_job`` entry describes (its document as it is now), or None."""
    document = Document.objects.filter(pk=entry["document"]).first()
    if document is None:
        return None
    extracted = dict(entry["extracted"])
    extracted["furniture"] = [(start, end) for start, end in extracted["furniture"]]
    return Job(
        document=document,
        token=dt.datetime.fromisoformat(entry["token"]),
        timings=dict(entry["timings"]),
        extracted=ExtractedText(**extracted),
    )


# --- the stalled-documents sweep --------------------------------------------------------------


def stalled_documents(now: dt.datetime | None = None) -> list[Document]:
    """Queued too long (the broker lost or never got the task) or processing past the timeout."""
    now = now or timezone.now()
    queued_after = dt.timedelta(seconds=getattr(settings, "CASEBASE_REQUEUE_QUEUED_AFTER", 900))
    timeout = dt.timedelta(seconds=getattr(settings, "CASEBASE_PROCESSING_TIMEOUT", 1800))
    queued = Document.objects.filter(status=DocumentStatus.QUEUED).filter(
        Q(queued_at__lt=now - queued_after) | Q(queued_at__isnull=True)
    )
    stuck = Document.objects.filter(status=DocumentStatus.PROCESSING, started_at__lt=now - timeout)
    return list(queued.order_by("pk")) + list(stuck.order_by("pk"))


def requeue_stalled(now: dt.datetime | None = None) -> list[Document]:
    """Mark the stalled documents queued again (each in its own transaction, skipping any that
    changed meanwhile); returns them for ``tasks.requeue_stalled`` to send."""
    now = now or timezone.now()
    requeued: list[Document] = []
    for document in stalled_documents(now):
        updated = Document.objects.filter(
            pk=document.pk, status=document.status, updated_at=document.updated_at
        ).update(status=DocumentStatus.QUEUED, queued_at=now)
        if updated:
            requeued.append(document)
    return requeued
