"""The corpus file format as data: the fields of each kind of record and their checks.

``SCHEMAS`` names every field a record may have (docs/corpus.md describes them); ``check_record``
reports each field that is missing, unknown, of the wrong type or not valid, into ``Problems``,
which raises one ``CorpusError`` naming every bad file and key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.core.web_urls import http_url
from casebase.knowledge.models import DocumentKind, EntityKind, LinkKind, PartyRole
from casebase.knowledge.models.choices import CaseStatus, Confidence, SourceKind

Record = dict[str, Any]
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class CorpusError(ValueError):
    """The corpus files are invalid; the message lists every problem with its file and key."""


@dataclass(frozen=True)
class Field:
    required: bool = False
    kind: type | tuple[type, ...] = str
    choices: Collection[str] | None = None
    check: Callable[[Any], str | None] | None = None  # returns an error message or None


def partial_date_error(value: Any) -> str | None:
    """Why ``value`` is not a partial date ("2015", "2018-02", "2026-04-30"), or None."""
    try:
        PartialDate.parse(str(value))
    except ValueError as exc:
        return str(exc)
    return None


def _day(value: Any) -> str | None:
    error = partial_date_error(value)
    if error is None and PartialDate.parse(str(value)).day is None:
        return "needs a full date (YYYY-MM-DD)"
    return error


def _url(value: Any) -> str | None:
    text = str(value)
    return None if http_url(text) == text else "must be an http(s) URL"


def _color(value: Any) -> str | None:
    return None if COLOR_RE.match(str(value)) else "must be #rrggbb"


LIST = (list,)
SCHEMAS: dict[str, dict[str, Field]] = {
    "thread": {
        "key": Field(True),
        "name": Field(True),
        "description": Field(),
        "position": Field(kind=int),
        "color": Field(check=_color),
    },
    "entity": {
        "key": Field(True),
        "name": Field(True),
        "kind": Field(True, choices=EntityKind.values),
        "description": Field(),
        "aliases": Field(kind=LIST),
    },
    "case": {
        "key": Field(True),
        "caption": Field(True),
        "short_name": Field(True),
        "court": Field(True),
        "docket_number": Field(),
        "judges": Field(kind=LIST),
        "judge_note": Field(),
        "filed_on": Field(check=_day),
        "status": Field(True, choices=CaseStatus.values),
        "status_note": Field(),
        "claims_summary": Field(),
        "parties": Field(kind=LIST),
        "related": Field(kind=LIST),
        "entity": Field(),
        "sources": Field(kind=LIST),
    },
    "party": {
        "entity": Field(True),
        "role": Field(True, choices=PartyRole.values),
        "note": Field(),
    },
    "source": {
        "key": Field(True),
        "title": Field(True),
        "title_from_url": Field(kind=bool),
        "publisher": Field(),
        "publisher_note": Field(),
        "url": Field(True, check=_url),
        "published": Field(check=partial_date_error),
        "kind": Field(True, choices=DocumentKind.values),
        "source_kind": Field(choices=SourceKind.values),
    },
    "document": {
        "key": Field(True),
        "file": Field(True),
        "title": Field(True),
        "kind": Field(True, choices=DocumentKind.values),
        "publisher": Field(),
        "publisher_note": Field(),
        "url": Field(check=_url),
        "published": Field(check=partial_date_error),
        "case": Field(),
        "note": Field(),
        "source_kind": Field(choices=SourceKind.values),
    },
    "event": {
        "key": Field(True),
        "fact": Field(True),
        "date": Field(True, check=partial_date_error),
        "end": Field(check=partial_date_error),
        "title": Field(True),
        "summary": Field(True),
        "threads": Field(True, kind=LIST),
        "case": Field(),
        "confidence": Field(True, choices=Confidence.values),
        "uncertainty_note": Field(),
        "entities": Field(kind=LIST),
        "evidence": Field(True, kind=LIST),
        "links": Field(kind=LIST),
    },
    "evidence": {"source": Field(True), "note": Field(), "quote": Field()},
    "link": {"kind": Field(True, choices=LinkKind.values), "target": Field(True), "note": Field()},
}


@dataclass
class Corpus:
    """The validated contents of a corpus directory. Each record keeps its ``_file``."""

    directory: Path
    threads: list[Record] = field(default_factory=list)
    entities: list[Record] = field(default_factory=list)
    cases: list[Record] = field(default_factory=list)
    sources: list[Record] = field(default_factory=list)
    documents: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)


class Problems:
    """The problems found so far, each with its file and key; raised together at the end."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, key: object, message: str) -> None:
        label = f"{where}, key {key!r}" if key not in (None, "") else where
        self.items.append(f"{label}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CorpusError(
                f"{len(self.items)} problem(s) in the corpus:\n  " + "\n  ".join(self.items)
            )


def check_record(record: Record, schema: str, problems: Problems, key: object = None) -> None:
    where = record.get("_file", "?")
    key = key if key is not None else record.get("key")
    fields = SCHEMAS[schema]
    for name in record:
        if name != "_file" and name not in fields:
            problems.add(where, key, f"unknown field {name!r} in {schema}")
    for name, spec in fields.items():
        value = record.get(name)
        if value is None or value == "":
            if spec.required:
                problems.add(where, key, f"{schema} field {name!r} is required")
            continue
        if spec.kind is str and isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, spec.kind):
            problems.add(where, key, f"{name!r} has the wrong type ({type(value).__name__})")
            continue
        if spec.choices is not None and value not in spec.choices:
            problems.add(where, key, f"{name!r} is {value!r}, not one of {sorted(spec.choices)}")
        if spec.check is not None and (error := spec.check(value)):
            problems.add(where, key, f"{name!r}: {error}")
