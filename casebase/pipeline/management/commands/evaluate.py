"""``manage.py evaluate GOLD_DIR [--format text|json]``: score the pipeline against a gold set.

For every ``<id>.txt`` in GOLD_DIR with its ``<id>.json`` (see docs/evaluation.md), runs the real
analysis (``casebase.analysis.pipeline.analyse``) with the knowledge base's entities and the
text's publication date, scores it with ``casebase.analysis.evaluation`` and prints precision,
recall and F1 per category, date and speaker accuracy, micro-averaged totals and the misses.
Writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from casebase.analysis.evaluation import CATEGORIES, DocumentResult, score_document, summarize
from casebase.analysis.pipeline import PIPELINE_VERSION, analyse
from casebase.analysis.types import KnownEntity
from casebase.core.partial_dates import PartialDate
from casebase.pipeline.known_entities import load_known_entities


def load_gold(gold_dir: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """``(name, text, gold)`` for every ``.txt`` with a ``.json`` beside it, sorted by name."""
    if not gold_dir.is_dir():
        raise CommandError(f"No such directory: {gold_dir}")
    items = []
    for text_path in sorted(gold_dir.glob("*.txt")):
        json_path = text_path.with_suffix(".json")
        if not json_path.exists():
            raise CommandError(f"{text_path.name} has no gold file {json_path.name}")
        try:
            gold = json.loads(json_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CommandError(f"{json_path.name} is not valid JSON: {exc}") from exc
        items.append((text_path.stem, text_path.read_text(encoding="utf-8"), gold))
    if not items:
        raise CommandError(f"No .txt gold texts in {gold_dir}")
    return items


def publication_date(meta: dict[str, Any]) -> PartialDate | None:
    """``meta.published`` at its known precision: a month or year anchors what it can."""
    value = meta.get("published")
    if not value:
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        return None


def known_entities(use_knowledge_base: bool) -> list[KnownEntity]:
    if not use_knowledge_base:
        return []
    try:
        return load_known_entities()
    except DatabaseError as exc:
        raise CommandError(
            f"Cannot read the knowledge base's entities ({exc}); run migrate, or pass --no-known."
        ) from exc


def run(gold_dir: Path, known: list[KnownEntity]) -> list[DocumentResult]:
    """Analyse and score every gold text."""
    results = []
    for name, text, gold in load_gold(gold_dir):
        meta = gold.get("meta", {})
        analysis = analyse(
            text,
            published=publication_date(meta),
            known=known,
            kind=meta.get("kind"),
            model=settings.CASEBASE_SPACY_MODEL,
        )
        results.append(score_document(name, gold, analysis.to_json()))
    return results


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def render_text(summary: dict[str, Any], gold_dir: Path) -> str:
    """The human-readable report: totals first, then per document, then every miss."""
    lines = [
        f"Evaluated {summary['documents']} documents in {gold_dir} "
        f"(pipeline {summary.get('pipeline', '?')}, {summary.get('known_entities', 0)} known "
        "entities)",
        "",
    ]
    lines.append(f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    rows = [*((c, summary["categories"][c]) for c in CATEGORIES), ("overall", summary["overall"])]
    for name, s in rows:
        lines.append(
            f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
            f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}"
        )
    lines.append("(overall = micro-average of entities, events, claims and citations)")
    lines.append("")
    for label, key in (
        ("entity kind accuracy", "entity_kind_accuracy"),
        ("event date accuracy", "date_accuracy"),
        ("claim speaker accuracy", "speaker_accuracy"),
        ("claim verb accuracy", "verb_accuracy"),
    ):
        r = summary[key]
        lines.append(f"{label:<24} {_pct(r['accuracy'])} ({r['correct']}/{r['total']} matched)")
    lines.append(
        f"{'dates WRONG / missing':<24} {summary['wrong_dates']} / {summary['missing_dates']}"
    )
    lines += ["", "Per document (F1):"]
    lines.append(f"{'':<46} {'ent':>5} {'ment':>5} {'ev':>5} {'claim':>5} {'cite':>5}")
    for doc in summary["per_document"]:
        f1s = " ".join(
            f"{doc[c]['f1']:>5.2f}" if doc[c]["tp"] + doc[c]["fn"] + doc[c]["fp"] else "    -"
            for c in CATEGORIES
        )
        lines.append(f"{doc['name'][:46]:<46} {f1s}")
    lines += ["", "Misses (gold not found), false positives and errors:"]
    for doc in summary["per_document"]:
        block = _doc_issues(doc)
        if block:
            lines += [f"== {doc['name']}", *block]
    return "\n".join(lines)


def _doc_issues(doc: dict[str, Any]) -> list[str]:
    out = []
    for category, items in doc["misses"].items():
        out += [f"  MISS {category}: {item}" for item in items]
    for category, items in doc["false_positives"].items():
        out += [f"  FP   {category}: {item}" for item in items]
    for category, items in doc["errors"].items():
        out += [f"  ERR  {category}: {item}" for item in items]
    return out


class Command(BaseCommand):
    help = "Score the extraction pipeline against a hand-annotated gold set (writes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold_dir", type=Path)
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--no-known",
            action="store_true",
            help="analyse without the knowledge base's entities (no database needed)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gold_dir: Path = options["gold_dir"]
        known = known_entities(not options["no_known"])
        summary = {
            "pipeline": PIPELINE_VERSION,
            "known_entities": len(known),
            **summarize(run(gold_dir, known)),
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(summary, gold_dir))
