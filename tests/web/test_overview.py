"""The visual timeline's data: lanes in thread order, periods at their precision, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from casebase.knowledge.models import Event, Thread
from casebase.queries.timeline import TimelineFilters, filter_events, overview_rows
from casebase.web.timeline_layout import overview, period_end
from tests.factories import EventFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_period_end() -> None:
    assert period_end(dt.date(2024, 2, 1), "month") == dt.date(2024, 2, 29)
    assert period_end(dt.date(2015, 1, 1), "year") == dt.date(2015, 12, 31)
    assert period_end(dt.date(2026, 4, 30), "day") == dt.date(2026, 4, 30)


def test_points_lanes_and_ranges(
    thread_factory: type[ThreadFactory], event_factory: type[EventFactory]
) -> None:
    second = thread_factory(slug="second", position=2)
    first = thread_factory(slug="first", position=1, color="red;x:y")
    event_factory(on="2018", title="year", threads=[first, second])
    event_factory(
        date=dt.date(2024, 1, 1),
        date_precision="month",
        title="range",
        end_date=dt.date(2024, 6, 1),
        end_precision="month",
        confidence="low",
    )
    event_factory(on="2026-04-30", title="day", threads=[second])
    rows = overview_rows(filter_events(TimelineFilters(), Event.objects.all()))
    data = overview(rows, Thread.objects.all())
    assert data["lanes"] == [
        ["first", first.name, "#1f6feb"],  # an unsafe colour falls back to the default
        ["second", second.name, second.color],
        ["other", "Other", "#57606a"],
    ]
    by_title = {(p[4], p[5]): p for p in data["points"]}
    assert by_title[("year", "first")][1:4] == ["2018-01-01", "2018-12-31", "year"]
    assert ("year", "second") in by_title
    ranged = by_title[("range", "other")]
    assert ranged[1:4] == ["2024-01-01", "2024-06-30", "month"]
    assert ranged[6:] == [1, "2024-06-01", "month", 0]  # unverified, end, end precision, medium
    assert by_title[("day", "second")][2] == "2026-04-30"
    assert len(data["points"]) == 4 and Event.objects.count() == 3


def test_rows_are_capped(event_factory: type[EventFactory]) -> None:
    for day in range(5):
        event_factory(date=dt.date(2020, 1, 1 + day))
    assert len(overview_rows(filter_events(TimelineFilters(), Event.objects.all()), limit=3)) == 3
