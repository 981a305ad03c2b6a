"""Attributed claims and legal citations found in documents."""

from __future__ import annotations

from django.db import models

from casebase.knowledge.history import TrackedHistory
from casebase.knowledge.models.choices import (
    CitationKind,
    ClaimVerb,
    DatePrecision,
    Origin,
    ReviewStatus,
)
from casebase.knowledge.models.querysets import ClaimQuerySet


class Claim(models.Model):
    """Who (speaker) asserted what (verb, content), in which document, at which span.

    ``fingerprint`` identifies an extracted claim across re-runs of the pipeline, so an editor's
    decision (approved, edited, rejected) survives re-processing and a rejected claim never
    comes back.
    """

    document = models.ForeignKey(
        "knowledge.Document", on_delete=models.CASCADE, related_name="claims"
    )
    speaker = models.ForeignKey(
        "knowledge.Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    speaker_text = models.CharField(max_length=300, blank=True, help_text="As the text names them.")
    verb = models.CharField(max_length=20, choices=ClaimVerb.choices, default=ClaimVerb.SAID)
    content = models.TextField(help_text="What was asserted.")
    quote = models.TextField(blank=True, help_text="The direct quote, if any.")
    sentence = models.TextField(blank=True)
    context = models.TextField(blank=True, help_text="E.g. the question a witness answered.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    made_on = models.DateField(null=True, blank=True)
    made_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    under_oath = models.BooleanField(default=False)
    about = models.ManyToManyField("knowledge.Entity", blank=True, related_name="claims_about")
    contradicts = models.ManyToManyField("self", blank=True, symmetrical=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED, db_index=True
    )
    fingerprint = models.CharField(max_length=40, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    history = TrackedHistory(m2m_fields=["about", "contradicts"])

    class Meta:
        ordering = ["document", "start"]
        indexes = [
            models.Index(fields=["speaker", "verb"]),
            models.Index(fields=["document", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="claim_span"
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker else self.speaker_text or "Unknown"
        return f"{who} {self.verb}: {self.content[:80]}"


class Citation(models.Model):
    """A legal citation, docket number or statute found in a document, normalized."""

    document = models.ForeignKey(
        "knowledge.Document", on_delete=models.CASCADE, related_name="citations"
    )
    kind = models.CharField(max_length=10, choices=CitationKind.choices)
    text = models.CharField(max_length=500)
    normalized = models.CharField(max_length=300, db_index=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    case = models.ForeignKey(
        "knowledge.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="citations"
    )

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="citation_span"
            ),
            models.UniqueConstraint(
                fields=["document", "start", "end", "kind"], name="citation_unique_span"
            ),
        ]

    def __str__(self) -> str:
        return self.normalized
