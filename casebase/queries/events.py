"""Read-side queries for one event and its typed links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from casebase.knowledge.models import Event, Evidence, LinkKind
from casebase.knowledge.models.querysets import HEAVY_DOCUMENT_FIELDS, Reader

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
    return Event.objects.visible_to(user).with_details(user).with_links(user)


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


@dataclass
class Conflict:
    """Two accounts of one happening that disagree (a ``contradicts`` link), with their sources."""

    note: str
    other: Event
    sources: list[Evidence]  # the other account's
    own_sources: list[Evidence]


def conflicts(event: Event, links: list[LinkedEvent]) -> list[Conflict]:
    """The ``contradicts`` links of ``event`` (as ``linked_events`` found them, so only events
    the reader may see) with both sides' sources; no query when there is none."""
    disputed = [link for link in links if link.kind == LinkKind.CONTRADICTS]
    if not disputed:
        return []
    evidence: dict[int, list[Evidence]] = {}
    rows = Evidence.objects.filter(event__in=[link.other.pk for link in disputed])
    for row in rows.select_related("document").defer(*HEAVY_DOCUMENT_FIELDS):
        evidence.setdefault(row.event_id, []).append(row)
    own = list(event.evidence.all())
    return [
        Conflict(link.note, link.other, evidence.get(link.other.pk, []), own) for link in disputed
    ]


def event_links(pk: int, user: Reader) -> list[LinkedEvent] | None:
    """The typed links of event ``pk`` to events ``user`` may read (None: no such event)."""
    event = Event.objects.visible_to(user).with_links(user).filter(pk=pk).first()
    return None if event is None else linked_events(event)
