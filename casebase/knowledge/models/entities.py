"""Entities, their aliases, their mentions in documents, and the record of merges."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.urls import reverse

from casebase.core.text_utils import normalize_name
from casebase.knowledge.history import TrackedHistory
from casebase.knowledge.models.choices import EntityKind, Origin, ReviewStatus
from casebase.knowledge.models.querysets import ReviewedQuerySet


class EntityQuerySet(ReviewedQuerySet):
    """Entities the pipeline created are published once approved, or named by a trusted source."""

    def trusted_source(self) -> models.Q:
        trusted = Mention.objects.filter(entity=OuterRef("pk"), document__auto_publish=True)
        return models.Q(Exists(trusted))


class Entity(models.Model):
    """A person, organization, court, case, law, product or place that documents talk about.

    A merged entity keeps its row with ``merged_into`` set, so old links and URLs still resolve
    (its pages redirect to the survivor); everything it owned has moved to the survivor.
    """

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(max_length=20, choices=EntityKind.choices, default=EntityKind.OTHER)
    description = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.APPROVED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()

    history = TrackedHistory(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        indexes = [
            models.Index(fields=["kind", "name"]),
            models.Index(Lower("name"), name="entity_name_lower_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("pk")), name="entity_not_merged_into_self"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def get_absolute_url(self) -> str:
        return reverse("web:entity", kwargs={"slug": self.slug})

    def survivor(self) -> Entity:
        """Follow ``merged_into`` to the entity that absorbed this one (itself if not merged)."""
        entity, seen = self, {self.pk}
        while entity.merged_into_id is not None and entity.merged_into_id not in seen:
            seen.add(entity.merged_into_id)
            entity = entity.merged_into  # type: ignore[assignment]
        return entity


class EntityAlias(models.Model):
    """Another name real texts use for an entity ("Musk", "Mr. Musk", "X.AI Corp.")."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, db_index=True, editable=False)

    history = TrackedHistory()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "entity aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "normalized"], name="alias_unique_per_entity")
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args: object, **kwargs: object) -> None:
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class EntityMerge(models.Model):
    """What was merged into what, by whom, and how many rows moved."""

    merged = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="merges_as_merged")
    survivor = models.ForeignKey(
        Entity, on_delete=models.CASCADE, related_name="merges_as_survivor"
    )
    merged_name = models.CharField(max_length=300)
    moved = models.JSONField(default=dict, help_text="Rows moved, by kind.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.survivor.name}"


class Mention(models.Model):
    """An entity named in a document, at character offsets into the document's text."""

    document = models.ForeignKey(
        "knowledge.Document", on_delete=models.CASCADE, related_name="mentions"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["document", "start"]
        indexes = [models.Index(fields=["document", "start"]), models.Index(fields=["entity"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="mention_span"
            ),
            models.UniqueConstraint(
                fields=["document", "entity", "start", "end"], name="mention_unique_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text!r} → {self.entity.name} [{self.start}:{self.end}]"
