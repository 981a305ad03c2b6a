"""Exports of a filtered timeline: pure functions from export rows to bytes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .csv_export import to_csv
from .ical import to_ics
from .json_export import to_json
from .rows import ExportEvent, ExportSource
from .timelinejs import to_timelinejs

Exporter = Callable[[Sequence[ExportEvent]], bytes]

#: format name -> (media type, file extension, exporter)
FORMATS: dict[str, tuple[str, str, Exporter]] = {
    "json": ("application/json", "json", to_json),
    "csv": ("text/csv", "csv", to_csv),
    "timelinejs": ("application/json", "json", to_timelinejs),
    "ics": ("text/calendar", "ics", to_ics),
}

__all__ = [
    "FORMATS",
    "ExportEvent",
    "ExportSource",
    "to_csv",
    "to_ics",
    "to_json",
    "to_timelinejs",
]
