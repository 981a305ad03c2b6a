"""What each event filter means, defined once: the web timeline (``timeline.filter_events``),
the API's event list (``api.filters.EventFilter``) and the timeline export all apply these.

Slugs are resolved to primary keys first (``*_ids``: the slugs found, a merged entity's slug
standing for the entity it was merged into); the callers decide what an unknown slug does (the
web names it, the API matches nothing).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Case, Entity, Event, Evidence, Thread
from casebase.knowledge.models.events import EventQuerySet

from .periods import period_ends_on_or_after


def case_ids(slugs: Iterable[str]) -> dict[str, int]:
    return dict(Case.objects.filter(slug__in=list(slugs)).values_list("slug", "pk"))


def thread_ids(slugs: Iterable[str]) -> dict[str, int]:
    return dict(Thread.objects.filter(slug__in=list(slugs)).values_list("slug", "pk"))


def entity_ids(slugs: Iterable[str]) -> dict[str, int]:
    """Slug -> id of the live entity it names (its survivor, for a merged entity)."""
    rows = Entity.objects.filter(slug__in=list(slugs)).values_list("slug", "pk", "merged_into")
    return {slug: merged_into or pk for slug, pk, merged_into in rows}


def in_cases(events: EventQuerySet, ids: Iterable[int]) -> EventQuerySet:
    return events.filter(case_id__in=list(ids))


def involving_all(events: EventQuerySet, ids: Iterable[int]) -> EventQuerySet:
    """Events linked to every one of these entities."""
    for entity_id in sorted(set(ids)):
        links = Event.entities.through.objects.filter(event_id=OuterRef("pk"), entity_id=entity_id)
        events = events.filter(Exists(links))
    return events


def involving_any(events: EventQuerySet, ids: Iterable[int]) -> EventQuerySet:
    links = Event.entities.through.objects.filter(
        event_id=OuterRef("pk"), entity_id__in=sorted(set(ids))
    )
    return events.filter(Exists(links))


def on_threads(events: EventQuerySet, ids: Iterable[int]) -> EventQuerySet:
    """Events on any of these threads."""
    links = Event.threads.through.objects.filter(
        event_id=OuterRef("pk"), thread_id__in=sorted(set(ids))
    )
    return events.filter(Exists(links))


def with_source_kinds(events: EventQuerySet, kinds: Iterable[str]) -> EventQuerySet:
    """Events supported by at least one document of any of these kinds of source
    (``source_kind=court_record``: "court records only")."""
    wanted = sorted(set(kinds))
    if not wanted:
        return events
    backed = Evidence.objects.filter(event_id=OuterRef("pk"), document__source_kind__in=wanted)
    return events.filter(Exists(backed))


def overlaps_range(date_from: PartialDate | None, date_to: PartialDate | None) -> Q:
    """Q for events whose period (through their end date, at its precision) overlaps
    [date_from.start, date_to.end]."""
    condition = Q()
    if date_to is not None:
        condition &= Q(date__lte=date_to.end)
    if date_from is not None:
        start = date_from.start
        open_ended = Q(end_date__isnull=True) & period_ends_on_or_after(
            "date", "date_precision", start
        )
        ranged = Q(end_date__isnull=False) & period_ends_on_or_after(
            "end_date", "end_precision", start
        )
        condition &= open_ended | ranged
    return condition


def in_period(
    events: EventQuerySet, date_from: PartialDate | None, date_to: PartialDate | None
) -> EventQuerySet:
    if date_from is None and date_to is None:
        return events
    return events.filter(overlaps_range(date_from, date_to))


def containing_words(events: EventQuerySet, q: str) -> EventQuerySet:
    """Every word in the title or the summary (case-insensitive)."""
    for word in q.split():
        events = events.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return events
