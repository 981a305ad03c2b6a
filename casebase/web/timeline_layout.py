"""The visual timeline's data: lanes per thread and one light point per (event, lane).

The page embeds it with ``json_script`` and timeline.js draws, zooms and pans it; without
JavaScript the ordered list beside it (the same events, paged) is the timeline. Drawing from
light rows lets the overview hold every filtered event (up to OVERVIEW_LIMIT) while the list
renders one page of full rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Thread
from casebase.knowledge.models.choices import Confidence

from .templatetags.casebase_tags import css_color

OTHER_LANE = "other"


def overview(rows: Iterable[dict[str, Any]], threads: Iterable[Thread]) -> dict[str, Any]:
    """The visual timeline's data for the script (``json_script``): lanes, then one point per
    (event, lane): [id, first day, last day, precision, date as shown, title, lane, unverified]."""
    lanes = {t.slug: [t.slug, t.name, css_color(t.color)] for t in threads}
    used: dict[str, list[str]] = {}
    points: list[list[Any]] = []
    for row in rows:
        partial = PartialDate.from_date(row["date"], row["date_precision"])
        end = partial.end
        shown = partial.display()
        if row["end_date"]:
            last = PartialDate.from_date(row["end_date"], row["end_precision"])
            end, shown = last.end, f"{shown} – {last.display()}"
        lane = row["threads__slug"] or OTHER_LANE
        used.setdefault(lane, lanes.get(lane, [OTHER_LANE, "Other", "#57606a"]))
        points.append(
            [
                row["id"],
                partial.start.isoformat(),
                end.isoformat(),
                partial.precision.value,
                shown,
                row["title"],
                lane,
                row["confidence"] == Confidence.LOW,
            ]
        )
    order = [slug for slug in lanes if slug in used] + [s for s in used if s not in lanes]
    return {"lanes": [used[slug] for slug in order], "points": points}
