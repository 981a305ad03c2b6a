"""OpenAPI description of the timeline export: its two JSON shapes (its parameters come from
``casebase.api.timeline_params``)."""

from __future__ import annotations

from typing import Any

DESCRIPTION = (
    "The same filters as the web timeline (`casebase.queries.timeline`). `entity` takes one or "
    "more slugs (separated with commas) and an event must involve ALL of them; "
    "`thread` matches ANY; `date_from`/`date_to` are partial dates and match every event whose "
    "period overlaps the range. Rejected events are left out unless `review` asks for them. "
    "Low-confidence events are included and flagged (`unverified`) unless `unverified=no`."
)

_NULLABLE_STR = {"type": "string", "nullable": True}
_SOURCE = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "published": _NULLABLE_STR,
        "source_url": {"type": "string"},
        "document_url": {"type": "string"},
        "quote": {"type": "string"},
    },
}
_EVENT = {
    "type": "object",
    "required": ["id", "title", "date", "date_precision", "period_start", "period_end", "url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "date": {"type": "string", "description": "At its known precision: 2015, 2018-02..."},
        "date_precision": {"type": "string", "enum": ["year", "month", "day"]},
        "end_date": _NULLABLE_STR,
        "end_precision": _NULLABLE_STR,
        "period_start": {"type": "string", "format": "date"},
        "period_end": {"type": "string", "format": "date"},
        "threads": {"type": "array", "items": {"type": "string"}},
        "case": _NULLABLE_STR,
        "entities": {"type": "array", "items": {"type": "string"}},
        "origin": {"type": "string"},
        "review_status": {"type": "string"},
        "confidence": {"type": "string"},
        "unverified": {"type": "boolean"},
        "uncertainty_note": {"type": "string"},
        "url": {"type": "string"},
        "sources": {"type": "array", "items": _SOURCE},
    },
}
_TL_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer"},
        "day": {"type": "integer"},
        "display_date": {"type": "string"},
    },
}
_TL_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
TIMELINEJS = {
    "type": "object",
    "description": "TimelineJS3 JSON (format=timelinejs).",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": _TL_TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text"],
                "properties": {
                    "unique_id": {"type": "string"},
                    "start_date": _TL_DATE,
                    "end_date": _TL_DATE,
                    "text": _TL_TEXT,
                    "group": {"type": "string"},
                    "media": {
                        "type": "object",
                        "properties": {
                            "url": {"type": "string"},
                            "caption": {"type": "string"},
                            "credit": {"type": "string"},
                            "alt": {"type": "string"},
                            "title": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
}
EXPORT = {
    "type": "object",
    "description": "casebase JSON (format=json).",
    "required": ["count", "events"],
    "properties": {"count": {"type": "integer"}, "events": {"type": "array", "items": _EVENT}},
}
JSON_RESPONSE: dict[str, Any] = {"anyOf": [EXPORT, TIMELINEJS]}
