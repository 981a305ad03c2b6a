"""The flat, ORM-free view of a timeline event that every export format reads.

``export_events`` turns model instances (with ``threads``, ``entities`` and ``evidence__document``
prefetched, ``case`` selected) into :class:`ExportEvent` rows; the format modules are pure
functions from those rows to bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casebase.core.partial_dates import PartialDate

if TYPE_CHECKING:
    from casebase.knowledge.models import Event


@dataclass(frozen=True)
class ExportSource:
    """A document that supports an event, with the passage that does."""

    title: str
    publisher: str
    published: str  # partial ISO date, or "" when unknown
    source_url: str
    document_url: str  # the passage in casebase's document reader
    quote: str = ""


@dataclass(frozen=True)
class ExportEvent:
    id: int
    title: str
    summary: str
    date: PartialDate
    end: PartialDate | None
    url: str
    threads: tuple[str, ...] = ()  # thread names, in lane order
    thread_slugs: tuple[str, ...] = ()
    case: str = ""  # the case's short name
    case_slug: str = ""
    entities: tuple[str, ...] = ()
    origin: str = "curated"
    review_status: str = "approved"
    confidence: str = "high"
    uncertainty_note: str = ""
    updated_at: dt.datetime | None = None
    sources: tuple[ExportSource, ...] = field(default_factory=tuple)

    @property
    def last_day(self) -> dt.date:
        """The last day the event may cover, at its known precision."""
        return (self.end or self.date).end

    @property
    def unverified(self) -> bool:
        return self.confidence == "low"


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path if base_url else path


def export_event(event: Event, base_url: str = "") -> ExportEvent:
    """One model event as an export row; ``base_url`` makes casebase links absolute."""
    end = PartialDate.from_date(event.end_date, event.end_precision) if event.end_date else None
    sources = tuple(
        ExportSource(
            title=ev.document.title,
            publisher=ev.document.publisher,
            published=(
                PartialDate.from_date(
                    ev.document.published_on, ev.document.published_precision
                ).iso()
                if ev.document.published_on
                else ""
            ),
            source_url=ev.document.source_url,
            document_url=_absolute(
                base_url,
                ev.document.get_absolute_url() + (f"#{ev.anchor}" if ev.anchor else ""),
            ),
            quote=ev.quote,
        )
        for ev in event.evidence.all()
    )
    threads = list(event.threads.all())
    return ExportEvent(
        id=event.pk,
        title=event.title,
        summary=event.summary,
        date=PartialDate.from_date(event.date, event.date_precision),
        end=end,
        url=_absolute(base_url, event.get_absolute_url()),
        threads=tuple(t.name for t in threads),
        thread_slugs=tuple(t.slug for t in threads),
        case=event.case.short_name if event.case else "",
        case_slug=event.case.slug if event.case else "",
        entities=tuple(e.name for e in event.entities.all()),
        origin=event.origin,
        review_status=event.review_status,
        confidence=event.confidence,
        uncertainty_note=event.uncertainty_note,
        updated_at=event.updated_at,
        sources=sources,
    )


def export_events(events: Iterable[Event], base_url: str = "") -> list[ExportEvent]:
    return [export_event(event, base_url) for event in events]
