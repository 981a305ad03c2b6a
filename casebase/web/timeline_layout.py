"""Place events on the visual timeline: lanes per thread, horizontal positions, axis ticks.

Server-side so the timeline is readable without JavaScript; the script re-computes positions
from each mark's ``data-start``/``data-end`` when the reader zooms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Event, Thread

OTHER_LANE = "other"


@dataclass(frozen=True)
class Placed:
    event: Event
    start: dt.date
    end: dt.date
    left: float  # percent of the track width
    width: float


@dataclass
class Lane:
    slug: str
    name: str
    color: str
    marks: list[Placed] = field(default_factory=list)


@dataclass(frozen=True)
class Tick:
    label: str
    left: float
    iso: str


@dataclass
class Layout:
    lanes: list[Lane]
    ticks: list[Tick]
    start: dt.date
    end: dt.date

    @property
    def is_empty(self) -> bool:
        return not any(lane.marks for lane in self.lanes)


def event_period(event: Event) -> tuple[dt.date, dt.date]:
    """First and last day the event may cover, at its known precision."""
    start = event.partial_date.start
    if event.end_date:
        return start, PartialDate.from_date(event.end_date, event.end_precision).end
    return start, event.partial_date.end


def _span(events: Sequence[Event]) -> tuple[dt.date, dt.date]:
    periods = [event_period(e) for e in events]
    start = min(p[0] for p in periods)
    end = max(p[1] for p in periods)
    start = dt.date(start.year, 1, 1)
    end = dt.date(end.year, 12, 31)
    return start, end


def _percent(day: dt.date, start: dt.date, days: int) -> float:
    return round(100 * (day - start).days / days, 3)


def year_ticks(start: dt.date, end: dt.date) -> list[Tick]:
    days = max((end - start).days, 1)
    years = range(start.year, end.year + 1)
    step = max(1, len(years) // 12)
    return [Tick(str(y), _percent(dt.date(y, 1, 1), start, days), str(y)) for y in years[::step]]


def layout(events: Sequence[Event], threads: Iterable[Thread]) -> Layout:
    """Lanes in thread order (an event on two threads shows in both; none: "Other")."""
    lanes = {t.slug: Lane(t.slug, t.name, t.color) for t in threads}
    other = Lane(OTHER_LANE, "Other", "#57606a")
    if not events:
        today = dt.date.today()
        return Layout([], [], today, today)
    start, end = _span(events)
    days = max((end - start).days, 1)
    for event in events:
        first, last = event_period(event)
        left = _percent(first, start, days)
        width = max(_percent(last, start, days) - left, 0.0)
        placed = Placed(event, first, last, left, width)
        event_threads = list(event.threads.all())
        for thread in event_threads:
            lanes.setdefault(thread.slug, Lane(thread.slug, thread.name, thread.color))
            lanes[thread.slug].marks.append(placed)
        if not event_threads:
            other.marks.append(placed)
    ordered = [lane for lane in lanes.values() if lane.marks]
    if other.marks:
        ordered.append(other)
    return Layout(ordered, year_ticks(start, end), start, end)
