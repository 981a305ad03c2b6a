"""Timeline as iCalendar (RFC 5545): one all-day VEVENT per event.

An event known only to the month or year spans that whole period (DTEND is exclusive, the day
after the period) and says so in its summary and in ``X-CASEBASE-DATE-PRECISION``. The
``icalendar`` library does the escaping and line folding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar
from icalendar import Event as VEvent

from .rows import ExportEvent

PRODID = "-//casebase//timeline export//EN"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def vevent(event: ExportEvent, uid_domain: str = "casebase") -> VEvent:
    item = VEvent()
    precision = event.date.precision.value
    marker = "" if precision == "day" else f" [date known to the {precision}]"
    item.add("uid", f"event-{event.id}@{uid_domain}")
    item.add("dtstamp", event.updated_at or _EPOCH)
    item.add("dtstart", event.date.start)
    item.add("dtend", event.last_day + dt.timedelta(days=1))
    item.add("summary", event.title + marker)
    description = [event.summary] if event.summary else []
    if event.unverified:
        description.append("Unverified: low-confidence report.")
    if event.uncertainty_note:
        description.append(event.uncertainty_note)
    description += [f"Source: {s.title} {s.source_url or s.document_url}" for s in event.sources]
    if description:
        item.add("description", "\n".join(description))
    item.add("url", event.url)
    if event.threads:
        item.add("categories", list(event.threads))
    item.add("x-casebase-date-precision", precision)
    return item


def to_ics(events: Sequence[ExportEvent], name: str = "casebase timeline") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(vevent(event))
    return bytes(calendar.to_ical())
