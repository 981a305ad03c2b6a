"""Timeline as CSV (UTF-8 with a header row), one event per row; lists joined with " | "."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .rows import ExportEvent

COLUMNS = (
    "id",
    "date",
    "date_precision",
    "end_date",
    "title",
    "summary",
    "threads",
    "case",
    "entities",
    "confidence",
    "origin",
    "review_status",
    "uncertainty_note",
    "url",
    "source_titles",
    "source_urls",
    "source_kinds",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection) in free text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row(event: ExportEvent) -> list[str]:
    return [
        str(event.id),
        event.date.iso(),
        event.date.precision.value,
        event.end.iso() if event.end else "",
        _cell(event.title),
        _cell(event.summary),
        " | ".join(event.threads),
        event.case,
        " | ".join(event.entities),
        event.confidence,
        event.origin,
        event.review_status,
        _cell(event.uncertainty_note),
        event.url,
        " | ".join(_cell(s.title) for s in event.sources),
        " | ".join(s.source_url or s.document_url for s in event.sources),
        " | ".join(s.source_kind or "ungraded" for s in event.sources),
    ]


def to_csv(events: Sequence[ExportEvent]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(e) for e in events)
    return buffer.getvalue().encode("utf-8")
