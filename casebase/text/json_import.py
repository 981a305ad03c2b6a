"""The JSON import format for bulk loads (documented in docs/ingestion.md).

One object, a list of objects, or ``{"documents": [...]}``. Each object has ``text`` (required)
and optional metadata: ``title``, ``kind``, ``published`` (partial ISO), ``publisher``,
``publisher_note``, ``source_url``, ``authors`` (list of names), ``case`` (a case slug),
``docket_entry`` (integer), ``corpus_key``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .errors import ExtractionError
from .plain import normalize_newlines

STRING_FIELDS = ("title", "kind", "published", "publisher", "publisher_note", "source_url")
OPTIONAL_FIELDS = ("case", "corpus_key")
ALLOWED = {"text", "authors", "docket_entry", *STRING_FIELDS, *OPTIONAL_FIELDS}


@dataclass
class ImportItem:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def _item(raw: Any, position: int) -> ImportItem:
    where = f"item {position + 1}"
    if not isinstance(raw, dict):
        raise ExtractionError(f"JSON import: {where} is not an object.")
    unknown = sorted(set(raw) - ALLOWED)
    if unknown:
        raise ExtractionError(f"JSON import: {where} has unknown fields: {', '.join(unknown)}.")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError(f'JSON import: {where} needs a non-empty "text".')
    meta: dict[str, Any] = {}
    for key in (*STRING_FIELDS, *OPTIONAL_FIELDS):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ExtractionError(f'JSON import: {where}: "{key}" must be a string.')
        meta[key] = value
    authors = raw.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise ExtractionError(f'JSON import: {where}: "authors" must be a list of names.')
    meta["authors"] = authors
    entry = raw.get("docket_entry")
    if entry is not None:
        if not isinstance(entry, int) or isinstance(entry, bool) or entry < 0:
            raise ExtractionError(f'JSON import: {where}: "docket_entry" must be a number.')
        meta["docket_entry"] = entry
    return ImportItem(text=normalize_newlines(text), meta=meta)


def parse_json_import(data: bytes) -> list[ImportItem]:
    """Validate and read a JSON import; ExtractionError names the first problem."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ExtractionError(f"Invalid JSON import: {exc}.") from exc
    if isinstance(raw, dict) and "documents" in raw and "text" not in raw:
        raw = raw["documents"]
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise ExtractionError("JSON import: the list is empty.")
    return [_item(entry, position) for position, entry in enumerate(items)]
