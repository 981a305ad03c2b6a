"""Place events on the visual timeline: lanes per thread, horizontal positions, axis ticks.

Server-side so the timeline is readable without JavaScript; the script re-computes positions
from each mark's ``data-start``/``data-end`` when the reader zooms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from casebase.knowledge.models import Thread

from .event_rows import EventRow
from .templatetags.casebase_tags import css_color

OTHER_LANE = "other"


@dataclass(frozen=True)
class Placed:
    row: EventRow
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


@dataclass
class Layout:
    lanes: list[Lane]
    ticks: list[Tick]
    start: dt.date
    end: dt.date

    @property
    def is_empty(self) -> bool:
        return not any(lane.marks for lane in self.lanes)


def _percent(day: dt.date, start: dt.date, days: int) -> float:
    return round(100 * (day - start).days / days, 3)


def year_ticks(start: dt.date, end: dt.date) -> list[Tick]:
    days = max((end - start).days, 1)
    years = range(start.year, end.year + 1)
    step = max(1, len(years) // 12)
    return [Tick(str(y), _percent(dt.date(y, 1, 1), start, days)) for y in years[::step]]


def layout(rows: Sequence[EventRow], threads: Iterable[Thread]) -> Layout:
    """Lanes in thread order (an event on two threads shows in both; none: "Other")."""
    lanes = {t.slug: Lane(t.slug, t.name, css_color(t.color)) for t in threads}
    other = Lane(OTHER_LANE, "Other", "#57606a")
    if not rows:
        today = dt.date.today()
        return Layout([], [], today, today)
    start = dt.date(min(r.start for r in rows).year, 1, 1)
    end = dt.date(max(r.end for r in rows).year, 12, 31)
    days = max((end - start).days, 1)
    for row in rows:
        left = _percent(row.start, start, days)
        width = max(_percent(row.end, start, days) - left, 0.0)
        placed = Placed(row, left, width)
        for thread in row.threads:
            lanes.setdefault(thread.slug, Lane(thread.slug, thread.name, thread.color))
            lanes[thread.slug].marks.append(placed)
        if not row.threads:
            other.marks.append(placed)
    ordered = [lane for lane in lanes.values() if lane.marks]
    if other.marks:
        ordered.append(other)
    return Layout(ordered, year_ticks(start, end), start, end)
