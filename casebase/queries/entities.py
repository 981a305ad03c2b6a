"""Read-side queries for the entity page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from casebase.knowledge.models import Claim, Document, Entity, Event, ReviewStatus

from .timeline import HEAVY_DOCUMENT_FIELDS, timeline_order

LIST_LIMIT = 50
EVENT_LIMIT = 100
COOCCURRING_LIMIT = 20
DOCUMENT_LIGHT = tuple(name.removeprefix("document__") for name in HEAVY_DOCUMENT_FIELDS)


@dataclass
class EntityPage:
    entity: Entity
    events: list[Event]
    event_count: int
    event_base: QuerySet[Event]  # unordered, for the overview
    claims_by: list[Claim]
    claims_about: list[Claim]
    documents: list[Document]  # each with .mention_count
    document_count: int
    cooccurring: list[Entity]  # each with .shared_documents


def entity_by_slug(slug: str) -> Entity | None:
    return Entity.objects.prefetch_related("aliases").filter(slug=slug).first()


def _claims(condition: Q) -> list[Claim]:
    claims = (
        Claim.objects.filter(condition)
        .exclude(review_status=ReviewStatus.REJECTED)
        .select_related("speaker", "document")
        .defer(*HEAVY_DOCUMENT_FIELDS)
        .order_by("-made_on", "-id")
    )
    return list(claims[:LIST_LIMIT])


def entity_event_base(entity: Entity) -> QuerySet[Event]:
    return Event.objects.filter(entities=entity).exclude(review_status=ReviewStatus.REJECTED)


def entity_events(entity: Entity) -> QuerySet[Event]:
    return timeline_order(entity_event_base(entity)).prefetch_related("threads")


def entity_page(entity: Entity) -> EntityPage:
    """Everything the entity page shows: a fixed number of queries, lists capped."""
    events = entity_events(entity)
    documents = (
        Document.objects.filter(mentions__entity=entity)
        .annotate(mention_count=Count("mentions"))
        .defer(*DOCUMENT_LIGHT)
        .order_by("-mention_count", "-published_on", "id")
    )
    cooccurring = (
        Entity.objects.filter(merged_into__isnull=True, mentions__document__mentions__entity=entity)
        .exclude(pk=entity.pk)
        .annotate(shared_documents=Count("mentions__document", distinct=True))
        .order_by("-shared_documents", "name")
    )
    return EntityPage(
        entity=entity,
        events=list(events[:EVENT_LIMIT]),
        event_count=events.count(),
        event_base=entity_event_base(entity),
        claims_by=_claims(Q(speaker=entity)),
        claims_about=_claims(Q(about=entity)),
        documents=list(documents[:LIST_LIMIT]),
        document_count=Document.objects.filter(mentions__entity=entity).distinct().count(),
        cooccurring=list(cooccurring[:COOCCURRING_LIMIT]),
    )
