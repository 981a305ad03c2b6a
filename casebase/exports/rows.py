"""The flat view of a timeline event that every export format reads.

The format modules are pure functions from these rows to bytes; the rows are read from the
database by ``casebase.queries.export_rows``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casebase.core.partial_dates import PartialDate


@dataclass(slots=True)
class ExportSource:
    """A document that supports an event, with the passage that does."""

    title: str
    publisher: str
    published: str  # partial ISO date, or "" when unknown
    source_url: str
    document_url: str  # the passage in casebase's document reader
    quote: str = ""
    source_kind: str = ""  # court_record, original_reporting, ... ("" when not graded)


@dataclass(slots=True)
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
