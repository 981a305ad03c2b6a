"""Read-side queries for one event and its typed links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from casebase.knowledge.models import Event, LinkKind, ReviewStatus

from .timeline import with_details, with_links

# How a link reads from the target's side ("A is a precedent for B" seen from B).
INVERSE_LABELS = {
    LinkKind.PRECEDENT_FOR: "has as precedent",
    LinkKind.RESPONDS_TO: "is answered by",
    LinkKind.CONTRADICTS: "is contradicted by",
    LinkKind.PART_OF: "includes",
    LinkKind.FOLLOWS_FROM: "leads to",
    LinkKind.RELATED: "is related to",
}


@dataclass(frozen=True)
class LinkedEvent:
    label: str  # reads "<this event> <label> <other>"
    kind: str
    other: Event
    note: str


def event_detail_queryset() -> QuerySet[Event]:
    """Events with everything the event page and the timeline panel show."""
    return with_links(with_details(Event.objects.all()))


def visible_event(pk: int) -> Event | None:
    """The event, unless it was rejected in review (rejected events are not published)."""
    return (
        event_detail_queryset().exclude(review_status=ReviewStatus.REJECTED).filter(pk=pk).first()
    )


def linked_events(event: Event) -> list[LinkedEvent]:
    """Typed links in both directions (uses the prefetches of ``with_links``)."""
    links = [
        LinkedEvent(link.get_kind_display(), link.kind, link.target, link.note)
        for link in event.links_out.all()
        if link.target.review_status != ReviewStatus.REJECTED
    ]
    links += [
        LinkedEvent(
            INVERSE_LABELS.get(LinkKind(link.kind), link.kind), link.kind, link.source, link.note
        )
        for link in event.links_in.all()
        if link.source.review_status != ReviewStatus.REJECTED
    ]
    return sorted(links, key=lambda item: (item.other.date, item.other.pk))
