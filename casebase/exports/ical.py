"""Timeline as iCalendar (RFC 5545): one all-day VEVENT per event.

An event known only to the month or year spans that whole period (DTEND is exclusive, the day
after the period) and says so in its summary and in ``X-CASEBASE-DATE-PRECISION``. Written
directly (TEXT escaping per RFC 5545 3.3.11, lines folded at 75 octets per 3.1): a calendar
library builds an object per property and is ~40x slower on a 10,000-event export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from .rows import ExportEvent

PRODID = "-//casebase//timeline export//EN"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_LIMIT = 75  # octets per line, CRLF excluded


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; CR dropped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "")
    )


def fold(line: str) -> str:
    """Fold a content line into 75-octet pieces (continuations start with a space),
    never splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line
    pieces: list[str] = []
    start, limit = 0, _LIMIT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 sequence
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, _LIMIT - 1  # the leading space counts
    return "\r\n ".join(pieces)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def vevent_lines(event: ExportEvent, uid_domain: str = "casebase") -> Iterator[str]:
    precision = event.date.precision.value
    marker = "" if precision == "day" else f" [date known to the {precision}]"
    yield "BEGIN:VEVENT"
    yield f"UID:event-{event.id}@{uid_domain}"
    yield f"DTSTAMP:{_utc(event.updated_at or _EPOCH)}"
    yield f"DTSTART;VALUE=DATE:{_day(event.date.start)}"
    yield f"DTEND;VALUE=DATE:{_day(event.last_day + dt.timedelta(days=1))}"
    yield "SUMMARY:" + escape_text(event.title + marker)
    description = [event.summary] if event.summary else []
    if event.unverified:
        description.append("Unverified: low-confidence report.")
    if event.uncertainty_note:
        description.append(event.uncertainty_note)
    description += [f"Source: {s.title} {s.source_url or s.document_url}" for s in event.sources]
    if description:
        yield "DESCRIPTION:" + escape_text("\n".join(description))
    yield f"URL:{event.url}"
    if event.threads:
        yield "CATEGORIES:" + ",".join(escape_text(t) for t in event.threads)
    yield f"X-CASEBASE-DATE-PRECISION:{precision}"
    yield "END:VEVENT"


def to_ics(events: Sequence[ExportEvent], name: str = "casebase timeline") -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:" + escape_text(name),
    ]
    for event in events:
        lines.extend(vevent_lines(event))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
