"""Renderers for timeline exports: each hands the export rows to a pure export function."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer

from casebase.exports import ExportEvent, to_csv, to_ics, to_json, to_timelinejs


class ExportRenderer(BaseRenderer):
    """Renders a list of :class:`ExportEvent`; anything else (an error body) as JSON."""

    charset = "utf-8"

    def export(self, events: Sequence[ExportEvent]) -> bytes:
        raise NotImplementedError

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, list) and all(isinstance(e, ExportEvent) for e in data):
            return self.export(data)
        return JSONRenderer().render(data)


class TimelineJSONRenderer(ExportRenderer):
    media_type = "application/json"
    format = "json"

    def export(self, events: Sequence[ExportEvent]) -> bytes:
        return to_json(events)


class TimelineJSRenderer(ExportRenderer):
    media_type = "application/json"
    format = "timelinejs"

    def export(self, events: Sequence[ExportEvent]) -> bytes:
        return to_timelinejs(events)


class CSVRenderer(ExportRenderer):
    media_type = "text/csv"
    format = "csv"

    def export(self, events: Sequence[ExportEvent]) -> bytes:
        return to_csv(events)


class ICalendarRenderer(ExportRenderer):
    media_type = "text/calendar"
    format = "ics"

    def export(self, events: Sequence[ExportEvent]) -> bytes:
        return to_ics(events)


TIMELINE_RENDERERS = [TimelineJSONRenderer, CSVRenderer, TimelineJSRenderer, ICalendarRenderer]
