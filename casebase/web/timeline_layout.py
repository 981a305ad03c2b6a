"""The visual timeline's data: lanes per thread and one light point per (event, lane).

The page embeds it with ``json_script`` and timeline.js draws, zooms and pans it; without
JavaScript the ordered list beside it (the same events, paged) is the timeline. Drawing from
light rows lets the overview hold every filtered event (up to OVERVIEW_LIMIT) while the list
renders one page of full rows.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from casebase.core.partial_dates import Precision
from casebase.knowledge.models import Thread
from casebase.knowledge.models.choices import Confidence

from .templatetags.casebase_tags import css_color

OTHER_LANE = "other"


def period_end(day: dt.date, precision: str) -> dt.date:
    """The last day of the period stored as (day, precision)."""
    if precision == Precision.YEAR:
        return dt.date(day.year, 12, 31)
    if precision == Precision.MONTH:
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def overview(rows: Iterable[dict[str, Any]], threads: Iterable[Thread]) -> dict[str, Any]:
    """The visual timeline's data for the script (``json_script``): lanes, then one point per
    (event, lane): [id, first day, last day, precision, title, lane, unverified, end date or "",
    end precision or "", medium confidence]; and ``years``, the first and last year drawn (for
    the short summary read to screen readers). The script shows dates at their precision, as
    PartialDate.display."""
    lanes = {t.slug: [t.slug, t.name, css_color(t.color)] for t in threads}
    used: dict[str, list[str]] = {}
    points: list[list[Any]] = []
    low, medium = Confidence.LOW, Confidence.MEDIUM
    first: dt.date | None = None
    last_day: dt.date | None = None
    for row in rows:
        start, precision, end_date = row["date"], row["date_precision"], row["end_date"]
        if end_date:
            last = period_end(end_date, row["end_precision"])
            range_end, range_precision = end_date.isoformat(), row["end_precision"]
        else:
            last, range_end, range_precision = period_end(start, precision), "", ""
        lane = row["threads__slug"] or OTHER_LANE
        if lane not in used:
            used[lane] = lanes.get(lane, [OTHER_LANE, "Other", "#57606a"])
        points.append(
            [
                row["id"],
                start.isoformat(),
                last.isoformat(),
                precision,
                row["title"],
                lane,
                1 if row["confidence"] == low else 0,
                range_end,
                range_precision,
                1 if row["confidence"] == medium else 0,
            ]
        )
        first = start if first is None or start < first else first
        last_day = last if last_day is None or last > last_day else last_day
    order = [slug for slug in lanes if slug in used] + [s for s in used if s not in lanes]
    years = [first.year, last_day.year] if first and last_day else []
    return {"lanes": [used[slug] for slug in order], "points": points, "years": years}
