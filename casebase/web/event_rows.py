"""Events flattened into plain rows for rendering long lists fast.

Django templates resolve every ``{{ a.b.c }}`` through several lookups, and ``reverse()`` costs
tens of microseconds; on a page of 100 events with their threads and entities that is most of
the server time. Rows carry ready strings and URLs (built from one reversed pattern per URL
name), so the templates only print them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

from django.urls import reverse

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Event
from casebase.knowledge.models.choices import Confidence, Origin

from .templatetags.casebase_tags import css_color

_INT_PLACEHOLDER = 987654321
_SLUG_PLACEHOLDER = "zz-placeholder-zz"


@lru_cache(maxsize=16)
def _pattern(name: str, kwarg: str, placeholder: str | int) -> str:
    return reverse(name, kwargs={kwarg: placeholder})


def event_url(pk: int) -> str:
    return _pattern("web:event", "pk", _INT_PLACEHOLDER).replace(str(_INT_PLACEHOLDER), str(pk))


def entity_url(slug: str) -> str:
    return _pattern("web:entity", "slug", _SLUG_PLACEHOLDER).replace(_SLUG_PLACEHOLDER, quote(slug))


def case_url(slug: str) -> str:
    return _pattern("web:case", "slug", _SLUG_PLACEHOLDER).replace(_SLUG_PLACEHOLDER, quote(slug))


@dataclass(frozen=True)
class Link:
    name: str
    url: str = ""
    slug: str = ""
    color: str = ""


@dataclass
class EventRow:
    pk: int
    url: str
    title: str
    date_display: str
    iso: str
    precision: str
    start: dt.date
    end: dt.date
    unverified: bool
    medium: bool
    extracted: bool
    review_label: str
    threads: list[Link] = field(default_factory=list)
    entities: list[Link] = field(default_factory=list)
    case: Link | None = None
    sources: int = 0


def _period(event: Event) -> tuple[PartialDate, dt.date]:
    partial = PartialDate.from_date(event.date, event.date_precision)
    if event.end_date:
        return partial, PartialDate.from_date(event.end_date, event.end_precision).end
    return partial, partial.end


def event_row(event: Event, details: bool = True) -> EventRow:
    """A row for ``event``; ``details`` reads its prefetched entities and evidence too."""
    partial, end = _period(event)
    row = EventRow(
        pk=event.pk,
        url=event_url(event.pk),
        title=event.title,
        date_display=event.date_display,
        iso=partial.iso(),
        precision=event.date_precision,
        start=partial.start,
        end=end,
        unverified=event.confidence == Confidence.LOW,
        medium=event.confidence == Confidence.MEDIUM,
        extracted=event.origin == Origin.EXTRACTED,
        review_label=event.get_review_status_display(),
        threads=[Link(t.name, slug=t.slug, color=css_color(t.color)) for t in event.threads.all()],
    )
    if details:
        row.entities = [Link(e.name, entity_url(e.slug), e.slug) for e in event.entities.all()]
        counted = getattr(event, "source_count", None)
        row.sources = counted if counted is not None else len(event.evidence.all())
        if event.case_id is not None and event.case is not None:
            row.case = Link(event.case.short_name, case_url(event.case.slug), event.case.slug)
    return row


def event_rows(events: Iterable[Event], details: bool = True) -> list[EventRow]:
    return [event_row(event, details) for event in events]
