"""/api/v1/timeline/: the web timeline's filters, in every export format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from icalendar import Calendar
from rest_framework.test import APIClient

from .conftest import World

URL = "/api/v1/timeline/"


def test_json_export_follows_the_timeline_filters(anon: APIClient, world: World) -> None:
    response = anon.get(URL, {"entity": "alice-example", "date_from": "2020"})
    assert response.status_code == 200
    data = response.json()
    assert [e["id"] for e in data["events"]] == [world.day_event.pk]
    event = data["events"][0]
    assert event["unverified"] is True and event["threads"] == ["dispute"]
    # the 2019 (year) event overlaps a range that starts in June 2019
    late_2019 = anon.get(URL, {"entity": "alice-example", "date_from": "2019-06"}).json()
    assert [e["id"] for e in late_2019["events"]] == [world.year_event.pk, world.day_event.pk]
    assert event["sources"][0]["document_url"].endswith(
        f"/documents/{world.document.pk}/#span-0-40"
    )


def test_timeline_hides_rejected_events_and_orders_coarser_first(
    anon: APIClient, world: World
) -> None:
    events = anon.get(URL).json()["events"]
    assert [e["id"] for e in events] == [
        world.year_event.pk,
        world.ranged_event.pk,
        world.month_event.pk,
        world.day_event.pk,
    ]


def test_invalid_filters_are_a_json_400_even_for_csv(anon: APIClient, world: World) -> None:
    response = anon.get(URL, {"entity": "nobody", "date_from": "20x", "format": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    details = response.json()["error"]["details"]
    assert set(details) >= {"date_from"}


def test_unknown_entity_matches_nothing(anon: APIClient, world: World) -> None:
    """As in every API filter, a well-formed slug that names nothing matches no event."""
    response = anon.get(URL, {"entity": "nobody"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_csv_export(anon: APIClient, world: World) -> None:
    response = anon.get(URL, {"format": "csv", "thread": "dispute"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="casebase-timeline.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["title"] for r in rows] == ["Year event", "Day event"]
    assert rows[0]["date"] == "2019" and rows[0]["date_precision"] == "year"


def test_timelinejs_export_keeps_known_precision_only(anon: APIClient, world: World) -> None:
    response = anon.get(URL, {"format": "timelinejs"})
    assert response.status_code == 200
    slides = {s["unique_id"]: s for s in json.loads(response.content)["events"]}
    year = slides[f"event-{world.year_event.pk}"]
    assert year["start_date"] == {"year": 2019, "display_date": "2019"}
    assert year["group"] == "&lt;bdi&gt;The dispute&lt;/bdi&gt;"  # TimelineJS decodes it once
    month = slides[f"event-{world.month_event.pk}"]
    assert month["start_date"]["month"] == 3 and "day" not in month["start_date"]
    assert "(<bdi>Daily Example</bdi>)</li>" in month["text"]["text"]
    assert "media" not in month  # a document with no image, video or audio URL
    ranged = slides[f"event-{world.ranged_event.pk}"]
    assert ranged["end_date"] == {"year": 2022, "display_date": "2022"}


@pytest.mark.parametrize("export", ["timelinejs", "json", "csv", "ics"])
def test_exports_may_be_fetched_from_any_site(anon: APIClient, world: World, export: str) -> None:
    """An embedding page (TimelineJS on a newsroom's site) fetches the export cross-origin."""
    response = anon.get(URL, {"format": export}, HTTP_ORIGIN="https://newsroom.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_ics_export_spans_whole_periods(anon: APIClient, world: World) -> None:
    response = anon.get(URL, {"format": "ics"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    year = by_uid[f"event-{world.year_event.pk}@casebase"]
    assert year.decoded("DTSTART").isoformat() == "2019-01-01"
    assert year.decoded("DTEND").isoformat() == "2020-01-01"
    assert "[date known to the year]" in str(year["SUMMARY"])
    day = by_uid[f"event-{world.day_event.pk}@casebase"]
    assert day.decoded("DTEND").isoformat() == "2023-07-13"


def test_timeline_supports_conditional_get(anon: APIClient, world: World) -> None:
    first = anon.get(URL, {"format": "csv"})
    assert anon.get(URL, {"format": "csv"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
