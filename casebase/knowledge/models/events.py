"""Timeline events, their evidence, their threads and the typed links between them."""

from __future__ import annotations

from typing import Self

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from casebase.core.partial_dates import PartialDate, format_partial
from casebase.knowledge.history import TrackedHistory
from casebase.knowledge.models.choices import (
    Confidence,
    DatePrecision,
    LinkKind,
    Origin,
    ReviewStatus,
    SourceKind,
)
from casebase.knowledge.models.entities import Entity
from casebase.knowledge.models.querysets import (
    HEAVY_DOCUMENT_FIELDS,
    PRECISION_RANK,
    Reader,
    ReviewedQuerySet,
)


class EventQuerySet(ReviewedQuerySet):
    def trusted_source(self) -> Q:
        trusted = Evidence.objects.filter(event=OuterRef("pk"), document__auto_publish=True)
        return Q(Exists(trusted))

    def timeline_order(self) -> Self:
        """By first day, coarser precision first, then id."""
        return self.alias(precision_rank=PRECISION_RANK).order_by("date", "precision_rank", "id")

    def with_details(self, user: Reader = None) -> Self:
        """What rendering an event needs: case, threads, the entities ``user`` may read,
        evidence with its document."""
        return self.select_related("case").prefetch_related(
            "threads",
            Prefetch("entities", queryset=Entity.objects.visible_to(user).order_by("name")),
            evidence_prefetch(),
        )

    def with_row_details(self, user: Reader = None) -> Self:
        """What a list row shows: case, threads, names of the entities ``user`` may read and
        the number of sources (counted in the database, not by loading every evidence row and
        its document)."""
        entities = Entity.objects.visible_to(user).only("id", "name", "slug").order_by("name")
        sources = (
            Evidence.objects.filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(n=Count("id"))
            .values("n")
        )
        return (
            self.select_related("case")
            .prefetch_related("threads", Prefetch("entities", queryset=entities))
            .annotate(source_count=Coalesce(Subquery(sources), 0))
        )

    def with_links(self, user: Reader) -> Self:
        """Typed links in both directions, with the event at the other end when ``user`` may
        read it."""
        visible = Event.objects.visible_to(user)
        return self.prefetch_related(
            Prefetch(
                "links_out",
                queryset=EventLink.objects.filter(target__in=visible).select_related("target"),
            ),
            Prefetch(
                "links_in",
                queryset=EventLink.objects.filter(source__in=visible).select_related("source"),
            ),
        )


class EvidenceQuerySet(ReviewedQuerySet):
    """Evidence is published with its event."""

    review_path = "event__review_status"
    origin_path = "event__origin"
    reviewed_model = "Event"

    def trusted_source(self) -> Q:
        trusted = Evidence.objects.filter(event=OuterRef("event"), document__auto_publish=True)
        return Q(Exists(trusted))


def evidence_prefetch() -> Prefetch:
    """An event's evidence with its document (light), oldest publication first."""
    evidence = Evidence.objects.select_related("document").defer(*HEAVY_DOCUMENT_FIELDS)
    return Prefetch("evidence", queryset=evidence.order_by("document__published_on", "id"))


class Thread(models.Model):
    """A storyline of the timeline (e.g. "Musk v. OpenAI dispute"), one lane of the chart."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    color = models.CharField(max_length=7, default="#1f6feb", help_text="Lane colour, #rrggbb.")

    history = TrackedHistory()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """A dated happening on the timeline.

    ``date`` is the first day of the period and ``date_precision`` says how much of it is known
    ("2015" is stored as 2015-01-01 with precision year). An optional end works the same way.
    Curated events come from editors and fixtures; extracted ones come from the pipeline
    and await review.
    """

    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    date = models.DateField(db_index=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    threads = models.ManyToManyField(Thread, blank=True, related_name="events")
    case = models.ForeignKey(
        "knowledge.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    entities = models.ManyToManyField("knowledge.Entity", blank=True, related_name="events")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.APPROVED, db_index=True
    )
    confidence = models.CharField(
        max_length=6,
        choices=Confidence.choices,
        default=Confidence.HIGH,
        help_text="Low confidence is shown as unverified.",
    )
    uncertainty_note = models.TextField(
        blank=True, help_text="Conflicting reports, or what is not known."
    )
    corpus_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    fingerprint = models.CharField(max_length=40, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    history = TrackedHistory(excluded_fields=["updated_at"], m2m_fields=["threads", "entities"])

    class Meta:
        ordering = ["date", "title"]
        indexes = [
            models.Index(fields=["date", "date_precision"]),
            models.Index(fields=["origin", "review_status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("date")),
                name="event_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date_display}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("web:event", kwargs={"pk": self.pk})

    @property
    def partial_date(self) -> PartialDate:
        return PartialDate.from_date(self.date, self.date_precision)

    @property
    def date_display(self) -> str:
        text = format_partial(self.date, self.date_precision)
        if self.end_date:
            text += " – " + format_partial(self.end_date, self.end_precision)
        return text

    @property
    def is_unverified(self) -> bool:
        return self.confidence == Confidence.LOW

    @property
    def only_aggregator_sources(self) -> bool:
        """True when the event has evidence and every document of it is graded an aggregator or
        summary (reads the prefetched evidence of ``with_details``)."""
        kinds = {evidence.document.source_kind for evidence in self.evidence.all()}
        return kinds == {SourceKind.AGGREGATOR}


class Evidence(models.Model):
    """A document that supports an event, with the span or quote that does."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey(
        "knowledge.Document", on_delete=models.CASCADE, related_name="evidence"
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True, help_text="The passage that supports the event.")
    note = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)

    objects = EvidenceQuerySet.as_manager()

    history = TrackedHistory()

    class Meta:
        ordering = ["event", "document__published_on"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "document", "start", "end"], name="evidence_unique_span"
            ),
            models.UniqueConstraint(
                fields=["event", "document"],
                condition=models.Q(start__isnull=True),
                name="evidence_unique_whole_document",
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True, end__isnull=True)
                | models.Q(start__isnull=False, end__gt=models.F("start")),
                name="evidence_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} for {self.event.title}"

    @property
    def anchor(self) -> str:
        """Fragment that jumps to the passage in the document reader."""
        return f"span-{self.start}-{self.end}" if self.start is not None else ""


class EventLink(models.Model):
    """A typed relation between two events: precedent for, responds to, contradicts, part of."""

    source = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    note = models.TextField(blank=True)

    history = TrackedHistory()

    class Meta:
        ordering = ["source", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="link_unique"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="link_not_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.title} {self.get_kind_display()} {self.target.title}"
