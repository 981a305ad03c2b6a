"""Timeline as JSON: every field of the export rows, dates at their known precision."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .rows import ExportEvent


def event_record(event: ExportEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "summary": event.summary,
        "date": event.date.iso(),
        "date_precision": event.date.precision.value,
        "end_date": event.end.iso() if event.end else None,
        "end_precision": event.end.precision.value if event.end else None,
        "period_start": event.date.start.isoformat(),
        "period_end": event.last_day.isoformat(),
        "threads": list(event.thread_slugs),
        "case": event.case_slug or None,
        "entities": list(event.entities),
        "origin": event.origin,
        "review_status": event.review_status,
        "confidence": event.confidence,
        "unverified": event.unverified,
        "uncertainty_note": event.uncertainty_note,
        "url": event.url,
        "sources": [
            {
                "title": s.title,
                "publisher": s.publisher,
                "published": s.published or None,
                "source_url": s.source_url,
                "document_url": s.document_url,
                "quote": s.quote,
                "source_kind": s.source_kind or None,
            }
            for s in event.sources
        ],
    }


def to_json(events: Sequence[ExportEvent]) -> bytes:
    payload = {"count": len(events), "events": [event_record(e) for e in events]}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
