"""The export functions on their own: pure, from export rows to bytes."""

from __future__ import annotations

import csv
import io
import json

from icalendar import Calendar

from casebase.core.partial_dates import PartialDate
from casebase.exports import ExportEvent, ExportSource, to_csv, to_ics, to_json, to_timelinejs


def row(**kwargs: object) -> ExportEvent:
    values: dict[str, object] = {
        "id": 7,
        "title": "Filing; with, commas\nand a newline",
        "summary": "<script>alert(1)</script> & more",
        "date": PartialDate(2018, 2),
        "end": None,
        "url": "https://casebase.test/events/7/",
        "threads": ("Dispute",),
        "sources": (
            ExportSource(
                "A report",
                "Example Wire",
                "2018-02-20",
                "https://wire.test/a",
                "https://casebase.test/documents/3/#span-1-9",
            ),
        ),
    }
    values.update(kwargs)
    return ExportEvent(**values)  # type: ignore[arg-type]


def test_ics_escapes_text_per_rfc5545_and_folds_long_lines() -> None:
    data = to_ics([row(summary="word " * 60)])
    raw = data.decode()
    assert "SUMMARY:Filing\\; with\\, commas\\nand a newline [date known to the month]" in raw
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith("Filing; with, commas\nand a newline")
    assert event.decoded("DTSTART").isoformat() == "2018-02-01"
    assert event.decoded("DTEND").isoformat() == "2018-03-01"  # exclusive: all of February
    assert str(event["X-CASEBASE-DATE-PRECISION"]) == "month"


def test_ics_ranged_event_ends_after_its_end_period() -> None:
    event = Calendar.from_ical(to_ics([row(end=PartialDate(2019))])).walk("VEVENT")[0]
    assert event.decoded("DTEND").isoformat() == "2020-01-01"


def test_timelinejs_escapes_html_and_keeps_precision() -> None:
    slide = json.loads(to_timelinejs([row()]))["events"][0]
    assert "<script>" not in slide["text"]["text"]
    assert "&lt;script&gt;" in slide["text"]["text"]
    assert slide["start_date"] == {"year": 2018, "month": 2, "display_date": "Feb 2018"}
    assert slide["media"] == {
        "url": "https://wire.test/a",
        "caption": "A report",
        "credit": "Example Wire",
    }


def test_csv_neutralises_formulas_and_round_trips() -> None:
    data = to_csv([row(title='=HYPERLINK("http://evil")')])
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["summary"] == "<script>alert(1)</script> & more"
    assert rows[0]["date"] == "2018-02"


def test_json_has_period_bounds() -> None:
    data = json.loads(to_json([row(date=PartialDate(2016))]))
    event = data["events"][0]
    assert (event["date"], event["period_start"], event["period_end"]) == (
        "2016",
        "2016-01-01",
        "2016-12-31",
    )
    assert data["count"] == 1


def test_ics_folding_never_splits_a_utf8_character() -> None:
    title = "Zoë " * 40  # 2-byte characters around every fold point
    data = to_ics([row(title=title, summary="")])
    assert all(len(line.encode()) <= 75 for line in data.decode().split("\r\n"))
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title + " [date known to the month]"


def test_ics_parses_as_a_calendar_with_one_event_per_row() -> None:
    rows = [row(id=i, date=PartialDate(2020, 1, i)) for i in range(1, 6)]
    calendar = Calendar.from_ical(to_ics(rows))
    assert str(calendar["VERSION"]) == "2.0"
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids == [f"event-{i}@casebase" for i in range(1, 6)]
    assert calendar.walk("VEVENT")[0].decoded("DTEND").isoformat() == "2020-01-02"


def test_timelinejs_escapes_group_and_links_only_http_urls() -> None:
    hostile = row(
        threads=("<img src=x onerror=alert(1)>",),
        sources=(ExportSource("t", "p", "", "javascript:alert(1)", "/documents/3/#span-1-9"),),
    )
    slide = json.loads(to_timelinejs([hostile]))["events"][0]
    assert slide["group"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert slide["media"]["url"] == "/documents/3/#span-1-9"
    assert "javascript:" not in json.dumps(slide)
