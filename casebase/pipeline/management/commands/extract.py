"""``manage.py extract PATH [--published YYYY-MM-DD] [--format json]``: analyse one file with the
knowledge base's current entities and print the result. Writes nothing.

The JSON printed is the stable contract documented in docs/extraction.md.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casebase.analysis.pipeline import PIPELINE_VERSION, analyse
from casebase.analysis.types import Analysis
from casebase.pipeline.known_entities import load_known_entities
from casebase.text.extract import extract_text
from casebase.text.types import ExtractedText


def read_extracted(path: Path) -> ExtractedText:
    """The file through the text stage: its text, page map and page furniture."""
    data = path.read_bytes()
    try:
        return extract_text(data, path.name)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--published must be YYYY-MM-DD, not {value!r}") from exc


class Command(BaseCommand):
    help = "Run text extraction and analysis on one file and print what was found (writes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--published", help="publication date, YYYY-MM-DD")
        parser.add_argument("--kind", help="document kind, e.g. transcript or news_article")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        published = _date(options["published"]) if options["published"] else None
        extracted = read_extracted(path)
        analysis = analyse(
            extracted.text,
            furniture=extracted.furniture,
            published=published,
            known=load_known_entities(),
            kind=options["kind"],
            model=settings.CASEBASE_SPACY_MODEL,
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(analysis))


def summary(analysis: Analysis) -> str:
    """A short human-readable listing (``--format text``)."""
    lines = [f"pipeline {PIPELINE_VERSION}"]
    for e in analysis.entities:
        lines.append(f"entity   {e.name} ({e.kind}) x{len(e.mentions)}")
    for ev in analysis.events:
        lines.append(f"event    {ev.date or 'unresolved'} [{ev.anchor}] {ev.sentence[:80]}")
    for c in analysis.claims:
        lines.append(f"claim    {c.speaker or '?'} {c.verb}: {c.sentence[:80]}")
    for ci in analysis.citations:
        lines.append(f"citation {ci.kind} {ci.normalized}")
    return "\n".join(lines)
