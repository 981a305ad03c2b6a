"""Timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates carry only the known precision (``{"year": 2015}`` for a year), ``group`` is the event's
first thread, and ``media``/``credit`` point at the first source. TimelineJS renders ``text`` as
HTML, so every piece of casebase text is escaped first.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.sources.errors import SourceError
from casebase.sources.fetch import check_url

from .rows import ExportEvent, ExportSource


def tl_date(value: PartialDate) -> dict[str, Any]:
    date: dict[str, Any] = {"year": value.year}
    if value.month is not None:
        date["month"] = value.month
    if value.day is not None:
        date["day"] = value.day
    date["display_date"] = value.display()
    return date


def _link(source: ExportSource) -> str:
    """The source's own URL if it is http(s), else its casebase page: a stored ``javascript:``
    source URL never becomes a link."""
    try:
        return check_url(source.source_url) if source.source_url else source.document_url
    except SourceError:
        return source.document_url


def _text_html(event: ExportEvent) -> str:
    parts = [f"<p>{escape(event.summary)}</p>"] if event.summary else []
    if event.unverified:
        parts.append("<p><em>Unverified: low-confidence report.</em></p>")
    if event.uncertainty_note:
        parts.append(f"<p><em>{escape(event.uncertainty_note)}</em></p>")
    if event.sources:
        items = "".join(
            f'<li><a href="{escape(_link(s))}">{escape(s.title)}</a>'
            + (f" ({escape(s.publisher)})" if s.publisher else "")
            + "</li>"
            for s in event.sources
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append(f'<p><a href="{escape(event.url)}">In casebase</a></p>')
    return "".join(parts)


def slide(event: ExportEvent) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unique_id": f"event-{event.id}",
        "start_date": tl_date(event.date),
        "text": {"headline": escape(event.title), "text": _text_html(event)},
    }
    if event.end:
        data["end_date"] = tl_date(event.end)
    if event.threads:
        data["group"] = escape(event.threads[0])
    if event.sources:
        first = event.sources[0]
        data["media"] = {
            "url": _link(first),
            "caption": escape(first.title),
            "credit": escape(first.publisher or "casebase"),
        }
    return data


def to_timelinejs(events: Sequence[ExportEvent], title: str = "casebase timeline") -> bytes:
    payload = {
        "title": {"text": {"headline": escape(title), "text": f"{len(events)} events"}},
        "events": [slide(e) for e in events],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
