"""Read-side queries for one event and its typed links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from casebase.knowledge.models import Event, LinkKind
from casebase.knowledge.models.querysets import Reader

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


def event_detail_queryset(user: Reader) -> QuerySet[Event]:
    """Events ``user`` may read, with everything the event page and the timeline panel show."""
    return Event.objects.visible_to(user).with_details().with_links(user)


def visible_event(pk: int, user: Reader) -> Event | None:
    """The event, if ``user`` may read it (``Event.objects.visible_to``)."""
    return event_detail_queryset(user).filter(pk=pk).first()


def linked_events(event: Event) -> list[LinkedEvent]:
    """Typed links in both directions to events the reader may see (the prefetches of
    ``Event.objects.with_links(user)``)."""
    links = [
        LinkedEvent(link.get_kind_display(), link.kind, link.target, link.note)
        for link in event.links_out.all()
    ]
    links += [
        LinkedEvent(
            INVERSE_LABELS.get(LinkKind(link.kind), link.kind), link.kind, link.source, link.note
        )
        for link in event.links_in.all()
    ]
    return sorted(links, key=lambda item: (item.other.date, item.other.pk))


def event_links(pk: int, user: Reader) -> list[LinkedEvent] | None:
    """The typed links of event ``pk`` to events ``user`` may read (None: no such event)."""
    event = Event.objects.visible_to(user).with_links(user).filter(pk=pk).first()
    return None if event is None else linked_events(event)
