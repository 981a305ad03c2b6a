"""Timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates carry only the known precision (``{"year": 2015}`` for a year), ``group`` is the event's
first thread, the sources are links in the slide text and ``media`` is the first source that
TimelineJS can actually show (an image, video or audio file), or absent.

Each field is made safe for the way TimelineJS 3.9.11 renders it (``docs/api.md`` lists them):

- ``text.headline``, ``text.text``, ``media.caption`` and ``media.credit`` go through DOMPurify
  and are inserted as HTML: casebase text is HTML-escaped once, and wrapped in ``<bdi>`` (the
  headline in U+2068/U+2069: TimelineJS copies its markup into the marker's ``aria-label``).
- ``group`` and ``display_date`` are reduced to plain text (``stripMarkup`` decodes ``&lt;``) and
  then inserted as HTML: they carry HTML escaped a second time (:func:`through_strip_markup`).
- ``media.alt`` and ``media.title`` are set as DOM properties: plain text, as it is. Without them
  TimelineJS derives both from the sanitized caption and shows ``&amp;`` literally.
- ``media.url`` and link targets: http(s) only (``timelinejs_media``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.core.web_urls import http_url

from .rows import ExportEvent, ExportSource
from .timelinejs_media import renderable_media_url

FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate ... pop directional isolate


def html_text(value: str) -> str:
    """casebase text as HTML for a field TimelineJS sanitizes and inserts as HTML, isolated so
    that right-to-left overrides in it cannot reorder the text around it."""
    return f"<bdi>{escape(value)}</bdi>"


def through_strip_markup(html: str) -> str:
    """``html`` for a field that TimelineJS turns into plain text (parsing it as HTML and taking
    its ``textContent``) before inserting it as HTML: escaped once more, so that the plain text
    TimelineJS makes is ``html`` itself."""
    return escape(html)


def tl_date(value: PartialDate) -> dict[str, Any]:
    date: dict[str, Any] = {"year": value.year}
    if value.month is not None:
        date["month"] = value.month
    if value.day is not None:
        date["day"] = value.day
    date["display_date"] = through_strip_markup(escape(value.display()))
    return date


def _link(source: ExportSource) -> str:
    """The source's own URL if it is http(s), else its casebase page: a stored ``javascript:``
    source URL never becomes a link."""
    return http_url(source.source_url) or source.document_url


def _source_item(source: ExportSource) -> str:
    publisher = f" ({html_text(source.publisher)})" if source.publisher else ""
    return f'<li><a href="{escape(_link(source))}">{html_text(source.title)}</a>{publisher}</li>'


def _text_html(event: ExportEvent) -> str:
    parts = [f"<p>{html_text(event.summary)}</p>"] if event.summary else []
    if event.unverified:
        parts.append("<p><em>Unverified: low-confidence report.</em></p>")
    if event.uncertainty_note:
        parts.append(f"<p><em>{html_text(event.uncertainty_note)}</em></p>")
    if event.sources:
        parts.append("<ul>" + "".join(_source_item(s) for s in event.sources) + "</ul>")
    parts.append(f'<p><a href="{escape(event.url)}">In casebase</a></p>')
    return "".join(parts)


def _media(sources: Sequence[ExportSource]) -> dict[str, str] | None:
    """The first source TimelineJS can show as media, or None (the sources stay in the text)."""
    for source in sources:
        url = renderable_media_url(source.source_url)
        if url:
            return {
                "url": url,
                "caption": html_text(source.title),
                "credit": html_text(source.publisher) if source.publisher else "casebase",
                "alt": source.title,
                "title": source.title,
            }
    return None


def slide(event: ExportEvent) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unique_id": f"event-{event.id}",
        "start_date": tl_date(event.date),
        "text": {"headline": FSI + escape(event.title) + PDI, "text": _text_html(event)},
    }
    if event.end:
        data["end_date"] = tl_date(event.end)
    if event.threads:
        data["group"] = through_strip_markup(html_text(event.threads[0]))
    media = _media(event.sources)
    if media:
        data["media"] = media
    return data


def to_timelinejs(events: Sequence[ExportEvent], title: str = "casebase timeline") -> bytes:
    payload = {
        "title": {"text": {"headline": escape(title), "text": f"{len(events)} events"}},
        "events": [slide(e) for e in events],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
