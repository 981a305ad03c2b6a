"""What extraction left behind once a document's rows are gone: unsupported events, lone entities.

Used when a document is deleted (services.deletion) and when its extraction is replaced
(services.extraction), so both apply one rule: what the pipeline made and nobody reviewed goes
with the last thing that supported it; what an editor made or decided on stays.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Exists, OuterRef, Q

from casebase.knowledge.models import (
    Claim,
    Entity,
    Event,
    Evidence,
    Mention,
    Origin,
    ReviewStatus,
)


def entities_of_documents(document_ids: Collection[int]) -> set[int]:
    """Entities the documents' mentions and claims name, and those on events they support."""
    mentioned = Mention.objects.filter(document_id__in=document_ids).values_list("entity_id")
    speakers = Claim.objects.filter(document_id__in=document_ids, speaker__isnull=False)
    about = Claim.about.through.objects.filter(claim__document_id__in=document_ids)
    on_events = Event.entities.through.objects.filter(event__evidence__document_id__in=document_ids)
    return {
        *(pk for (pk,) in mentioned),
        *speakers.values_list("speaker_id", flat=True),
        *about.values_list("entity_id", flat=True),
        *on_events.values_list("entity_id", flat=True),
    }


def unsupported(event_ids: Collection[int]) -> Q:
    """The events among ``event_ids`` that no evidence supports any more."""
    return Q(pk__in=event_ids) & ~Q(Exists(Evidence.objects.filter(event=OuterRef("pk"))))


def drop_unsupported_events(event_ids: Collection[int]) -> int:
    """Delete the extracted events awaiting review that no evidence supports any more (their
    links and entity rows go with them); returns how many. Reviewed and curated events stay."""
    if not event_ids:
        return 0
    events = Event.objects.filter(unsupported(event_ids)).filter(
        origin=Origin.EXTRACTED, review_status=ReviewStatus.EXTRACTED
    )
    _, deleted = Event.objects.filter(pk__in=list(events.values_list("pk", flat=True))).delete()
    return deleted.get(Event._meta.label, 0)


def _referenced() -> Q:
    """An entity something points at: every relation to Entity (mentions, claims, events,
    aliases, parties, judgeships, its case, merges), found from the models, so a relation added
    later counts too."""
    referenced = Q(merged_into__isnull=False)
    for relation in Entity._meta.related_objects:
        name = relation.field.name
        rows = relation.related_model._default_manager.filter(**{name: OuterRef("pk")})
        referenced |= Q(Exists(rows))
    return referenced


def drop_orphan_entities(entity_ids: Collection[int]) -> int:
    """Delete the entities among ``entity_ids`` that the pipeline created and that nothing
    refers to any more, unless an editor gave one a description; returns how many."""
    if not entity_ids:
        return 0
    orphans = (
        Entity.objects.filter(pk__in=entity_ids, origin=Origin.EXTRACTED, description="")
        .exclude(_referenced())
        .values_list("pk", flat=True)
    )
    _, deleted = Entity.objects.filter(pk__in=list(orphans)).delete()
    return deleted.get(Entity._meta.label, 0)
