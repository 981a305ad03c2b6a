"""The export functions on their own: pure, from export rows to bytes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from icalendar import Calendar

from casebase.core.partial_dates import PartialDate
from casebase.exports import ExportEvent, ExportSource, to_csv, to_ics, to_json, to_timelinejs
from casebase.exports.timelinejs_media import media_type, renderable_media_url


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
    # An article page is no media TimelineJS can draw: the source is a link in the text.
    assert "media" not in slide
    assert (
        '<li><a href="https://wire.test/a"><bdi>A report</bdi></a> (<bdi>Example Wire</bdi>)</li>'
        in slide["text"]["text"]
    )


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
    # TimelineJS takes the text of ``group`` (decoding it once) and inserts that as HTML.
    assert slide["group"] == "&lt;bdi&gt;&amp;lt;img src=x onerror=alert(1)&amp;gt;&lt;/bdi&gt;"
    assert '<a href="/documents/3/#span-1-9">' in slide["text"]["text"]
    assert "media" not in slide
    assert "javascript:" not in json.dumps(slide)


def test_timelinejs_links_a_malformed_source_url_to_its_document() -> None:
    malformed = ExportSource("t", "p", "", "http://[::1/a.png", "/documents/3/#span-1-9")
    slide = json.loads(to_timelinejs([row(sources=(malformed,))]))["events"][0]
    assert '<a href="/documents/3/#span-1-9">' in slide["text"]["text"]
    assert "media" not in slide


def test_timelinejs_media_is_the_first_source_timelinejs_can_draw() -> None:
    def source(url: str, title: str = 'AT&T "Q"') -> ExportSource:
        return ExportSource(title, "Wire & Co", "", url, "/documents/3/")

    sources = (
        source("https://wire.test/article"),  # drawn as a broken <img> by TimelineJS
        source("https://x.com/someone/photo.jpg"),  # TimelineJS takes it for a tweet
        source("javascript:alert(1)//.png"),
        source("https://img.test/it's.png"),
        source("https://img.test/clip.mp4", "second"),
    )
    slide = json.loads(to_timelinejs([row(sources=sources)]))["events"][0]
    assert slide["media"] == {
        "url": "https://img.test/it%27s.png",  # never able to end a quoted attribute
        "caption": "<bdi>AT&amp;T &quot;Q&quot;</bdi>",
        "credit": "<bdi>Wire &amp; Co</bdi>",
        "alt": 'AT&T "Q"',  # set as DOM properties by TimelineJS: plain text
        "title": 'AT&T "Q"',
    }
    assert slide["text"]["text"].count("<li>") == 5  # every source stays listed


def test_timelinejs_headline_and_text_isolate_right_to_left_overrides() -> None:
    slide = json.loads(to_timelinejs([row(title="\u202eevil", summary="\u202eS")]))["events"][0]
    assert slide["text"]["headline"] == "\u2068\u202eevil\u2069"
    assert slide["text"]["text"].startswith("<p><bdi>\u202eS</bdi></p>")


@pytest.mark.parametrize(
    ("url", "kind", "media"),
    [
        ("https://wire.test/a", "imageblank", None),
        ("https://img.test/a.JPG", "image", "https://img.test/a.JPG"),
        ("https://img.test/a.png?w=2", "image", "https://img.test/a.png?w=2"),
        ("https://twitter.com/a/photo.png", "twitter", None),
        ("https://img.test/a b.gif", "image", "https://img.test/a%20b.gif"),
        ("https://www.youtube.com/watch?v=x", "youtube", None),
        ("https://f.test/filing.pdf", "pdf", None),
        ("https://a.test/talk.mp3", "audio", "https://a.test/talk.mp3"),
        ("ftp://img.test/a.png", "image", None),
    ],
)
def test_timelinejs_media_types(url: str, kind: str, media: str | None) -> None:
    assert media_type(url) == kind
    assert renderable_media_url(url) == media
