"""Documents: filings, transcripts, articles; with their original file and extracted text."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse

from casebase.core.partial_dates import format_partial
from casebase.knowledge.history import TrackedHistory
from casebase.knowledge.models.choices import (
    DatePrecision,
    DocumentKind,
    DocumentStatus,
    FetchFailure,
    FetchStatus,
    ReviewStatus,
    SourceKind,
)
from casebase.knowledge.models.querysets import DocumentQuerySet


def original_upload_path(instance: Document, filename: str) -> str:
    key = instance.content_hash or "unhashed"
    return f"originals/{key[:2]}/{key}/{filename[-120:]}"


class Document(models.Model):
    """A source document.

    Either a full document (an original file or text, extracted and analysed by the pipeline) or a
    citation-only record (metadata and URL, ``status=reference``). ``content_hash`` is the SHA-256
    of the bytes as received, so re-submitting the same content finds the existing document.
    ``page_offsets[i]`` is the character offset in ``text`` where page ``i + 1`` starts.
    """

    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = models.CharField(max_length=500)
    source_kind = models.CharField(
        max_length=20,
        choices=SourceKind.choices,
        blank=True,
        db_index=True,
        help_text="What kind of source this is (court record, original reporting, ...); "
        "blank until graded by the corpus, an import or an editor.",
    )
    source_url = models.URLField(max_length=2000, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    publisher_note = models.CharField(
        max_length=500,
        blank=True,
        help_text="E.g. 'aggregator summarising Semafor', or why unknown.",
    )
    authors = models.JSONField(default=list, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    published_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    case = models.ForeignKey(
        "knowledge.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    auto_publish = models.BooleanField(
        "trusted for automatic publication",
        default=False,
        help_text="An editor trusts this source: what the pipeline extracts from it is published "
        "without waiting for review.",
    )
    docket_entry = models.PositiveIntegerField(null=True, blank=True)
    corpus_key = models.CharField(
        max_length=200, null=True, blank=True, unique=True, help_text="Key in fixtures/, if any."
    )
    courtlistener_key = models.CharField(
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The CourtListener record this document was imported from: "
        "docket-entry:ID, recap-document:ID or opinion:ID (re-imports update it).",
    )

    original = models.FileField(upload_to=original_upload_path, blank=True, max_length=400)
    original_name = models.CharField(max_length=300, blank=True)
    media_type = models.CharField(max_length=100, blank=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    content_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)

    text = models.TextField(blank=True)
    page_offsets = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, blank=True)
    metadata = models.JSONField(
        default=dict, blank=True, help_text="What extraction read: HTML metadata, ECF header."
    )

    search_vector = SearchVectorField(
        null=True,
        blank=True,
        editable=False,
        help_text="Full-text vector of title and text; kept by a PostgreSQL trigger (web search).",
    )

    status = models.CharField(
        max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED, db_index=True
    )
    error = models.TextField(blank=True)
    pipeline_version = models.CharField(max_length=40, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    timings = models.JSONField(default=dict, blank=True, help_text="Seconds per stage.")
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Fetching a citation record's URL (manage.py fetch_sources, docs/ingestion.md).
    fetch_status = models.CharField(
        max_length=10, choices=FetchStatus.choices, blank=True, default="", db_index=True
    )
    fetch_failure = models.CharField(max_length=20, choices=FetchFailure.choices, blank=True)
    fetch_error = models.TextField(blank=True)
    fetch_attempts = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(null=True, blank=True)
    next_fetch_at = models.DateTimeField(
        null=True, blank=True, help_text="Not fetched again before this time (backoff)."
    )

    review_status = models.CharField(
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.APPROVED,
        db_index=True,
        help_text="An uploaded document awaits review: the public sees it once an editor "
        "approved it, or when its source is trusted for automatic publication.",
    )
    reviewed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    history = TrackedHistory(
        # The metadata editors and imports set; not the text, the processing bookkeeping or the
        # search vector.
        excluded_fields=[
            "text",
            "page_offsets",
            "metadata",
            "search_vector",
            "status",
            "error",
            "pipeline_version",
            "attempts",
            "timings",
            "queued_at",
            "started_at",
            "finished_at",
            "updated_at",
        ]
    )

    class Meta:
        ordering = ["-published_on", "title"]
        indexes = [
            models.Index(fields=["kind", "published_on"]),
            models.Index(fields=["case", "docket_entry"]),
            models.Index(fields=["status", "queued_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:document", kwargs={"pk": self.pk})

    @property
    def published_display(self) -> str:
        return format_partial(self.published_on, self.published_precision)

    @property
    def is_reference(self) -> bool:
        return self.status == DocumentStatus.REFERENCE
