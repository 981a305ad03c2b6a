"""``manage.py evaluate``: score the pipeline against the hand-annotated gold set.

    manage.py evaluate [--gold-dir tests/gold/specs] [--texts DIR]
                       [--split development|validation|all] [--no-known | --both]
                       [--format text|json] [--check]

Specs are ``<gold-dir>/<split>/<stem>.yaml`` (docs/evaluation.md); each names its third-party
text by a path under ``--texts`` (default ``$CASEBASE_SHARED_DIR/gold/texts``) and its SHA-256.
The gold file is built from spec and text in memory (``casebase.evaluation.gold``), the real
analysis runs on the text with the knowledge base's entities and the text's publication date,
and ``casebase.evaluation.scoring`` scores it. Prints, per split and knowledge-base setting, the
figures overall and by genre group; for the development split also per document and every miss
(the validation split is read as a whole, never tuned against). ``--check`` only builds and
validates the specs. Writes nothing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from casebase.analysis.pipeline import PIPELINE_VERSION, analyse
from casebase.analysis.types import KnownEntity
from casebase.core.partial_dates import PartialDate
from casebase.evaluation.gold import GROUPS, SPLITS, SpecError, build, check_sha256, genre_group
from casebase.evaluation.scoring import CATEGORIES, DocumentResult, score_document, summarize
from casebase.pipeline.known_entities import load_known_entities
from casebase.pipeline.management.commands.extract import read_extracted

SHARED_DIR_VARIABLE = "CASEBASE_SHARED_DIR"
DEFAULT_GOLD_DIR = Path("tests/gold/specs")


@dataclass(frozen=True)
class GoldDocument:
    """One annotated text: its spec's stem, split and genre group, the text, its gold file and
    its page furniture."""

    name: str
    split: str
    group: str
    text: str
    gold: dict[str, Any]
    furniture: list[tuple[int, int]]


def texts_directory(given: Path | None) -> Path:
    """``--texts``, else ``$CASEBASE_SHARED_DIR/gold/texts``."""
    if given is None:
        shared = os.environ.get(SHARED_DIR_VARIABLE)
        if not shared:
            raise CommandError(
                f"Where are the gold texts? Pass --texts DIR or set {SHARED_DIR_VARIABLE} to the "
                "directory of the third-party test data (its gold/texts/ holds them)."
            )
        given = Path(shared) / "gold" / "texts"
    if not given.is_dir():
        raise CommandError(f"No such directory: {given}")
    return given


def load_document(spec_path: Path, texts_dir: Path) -> GoldDocument:
    """Read one spec and its text (checked against ``meta.sha256``) and build its gold file."""
    try:
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SpecError(f"not valid YAML: {exc}") from exc
    if not isinstance(spec, dict) or not isinstance(spec.get("meta"), dict):
        raise SpecError("a spec is a mapping with a meta mapping")
    meta = spec["meta"]
    if meta.get("split") != spec_path.parent.name:
        raise SpecError(f"meta.split {meta.get('split')!r} but the spec is in {spec_path.parent}")
    text_path = texts_dir / str(meta.get("file"))
    if not meta.get("file") or not text_path.is_file():
        raise SpecError(f"meta.file: no such text {text_path}")
    check_sha256(text_path.read_bytes(), str(meta.get("sha256")), str(text_path))
    extracted = read_extracted(text_path)
    text = extracted.text
    return GoldDocument(
        spec_path.stem,
        meta["split"],
        genre_group(str(meta.get("genre"))),
        text,
        build(spec, text),
        extracted.furniture,
    )


def load_gold(gold_dir: Path, texts_dir: Path, splits: list[str]) -> list[GoldDocument]:
    """Every spec of ``splits`` with its text, sorted by split then name; every bad spec is
    named in one error."""
    if not gold_dir.is_dir():
        raise CommandError(f"No such directory: {gold_dir}")
    documents, errors = [], []
    for split in splits:
        for spec_path in sorted((gold_dir / split).glob("*.yaml")):
            try:
                documents.append(load_document(spec_path, texts_dir))
            except (SpecError, CommandError) as exc:
                errors.append(f"{spec_path}: {exc}")
    if errors:
        raise CommandError("Invalid gold specs:\n" + "\n".join(errors))
    if not documents:
        raise CommandError(f"No gold specs in {gold_dir}/{{{','.join(splits)}}}/*.yaml")
    return documents


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


def run(documents: list[GoldDocument], known: list[KnownEntity]) -> list[DocumentResult]:
    """Analyse and score every gold text."""
    results = []
    for doc in documents:
        meta = doc.gold["meta"]
        analysis = analyse(
            doc.text,
            published=publication_date(meta),
            known=known,
            kind=meta.get("kind"),
            model=settings.CASEBASE_SPACY_MODEL,
            furniture=doc.furniture,
        )
        results.append(score_document(doc.name, doc.gold, analysis.to_json()))
    return results


def report(
    split: str, known: list[KnownEntity] | None, documents: list[GoldDocument]
) -> dict[str, Any]:
    """One split scored with (``known`` a list) or without (``None``) the knowledge base: the
    figures overall and per genre group; per document for development only."""
    results = run(documents, known or [])
    groups: dict[str, Any] = {"overall": summarize(results, details=False)}
    present = {doc.group for doc in documents}
    for group in [*GROUPS, *sorted(present - set(GROUPS))]:
        chosen = [r for r, doc in zip(results, documents, strict=True) if doc.group == group]
        if chosen:
            groups[group] = summarize(chosen, details=False)
    out: dict[str, Any] = {
        "split": split,
        "knowledge_base": known is not None,
        "known_entities": len(known or []),
        "documents": len(documents),
        "groups": groups,
    }
    if split == "development":
        out["per_document"] = summarize(results)["per_document"]
    return out


def _ratio(correct: int, total: int) -> str:
    return "    -" if not total else f"{correct / total:.3f}"


def _row(label: str, s: dict[str, Any]) -> str:
    ent = s["categories"]["entities"]
    claims = s["categories"]["claims"]
    cites = s["categories"]["citations"]
    d = s["dates"]
    speakers = s["speaker_accuracy"]
    cited = cites["tp"] + cites["fn"]
    return (
        f"{label:<18} {s['documents']:>4}  "
        f"{_ratio(ent['tp'], ent['tp'] + ent['fp'])} {_ratio(ent['tp'], ent['tp'] + ent['fn'])} "
        f"{ent['f1']:.3f}  "
        f"{d['correct']:>4} {d['wrong']:>5} {d['more_precise']:>5} {d['less_precise']:>7} "
        f"{d['missed']:>6}  "
        f"{_ratio(claims['tp'], claims['tp'] + claims['fn'])} "
        f"{_ratio(claims['tp'], claims['tp'] + claims['fp'])} "
        f"{_ratio(speakers['correct'], speakers['total'])} "
        f"{speakers['correct']:>3}/{speakers['total']:<3}  "
        f"{_ratio(cites['tp'], cited)} {cites['tp']:>3}/{cited}"
    )


HEADER = (
    f"{'':<18} {'':>4}  {'entities':^17}  {'event dates':^31}  {'claims':^25}  citations\n"
    f"{'group':<18} {'docs':>4}  {'P':>5} {'R':>5} {'F1':>5}  "
    f"{'ok':>4} {'wrong':>5} {'finer':>5} {'coarser':>7} {'missed':>6}  "
    f"{'R':>5} {'P':>5} {'speaker':<13}  recall"
)


def render_run(run_report: dict[str, Any]) -> str:
    kb = (
        f"with the knowledge base ({run_report['known_entities']} known entities)"
        if run_report["knowledge_base"]
        else "without the knowledge base"
    )
    lines = [f"== {run_report['split']}: {run_report['documents']} texts, {kb}", HEADER]
    lines += [_row(group, s).rstrip() for group, s in run_report["groups"].items()]
    if run_report["split"] == "validation":
        lines.append("(validation: read as a whole, never tuned against; no per-text detail)")
    shapes = run_report["groups"]["overall"]["error_shapes"]
    if shapes:
        lines.append("Errors by shape, whole split (counts only): " + _shapes_line(shapes))
    if "per_document" in run_report:
        lines += ["", "Per document (F1):"]
        lines.append(f"{'':<46} {'ent':>5} {'ment':>5} {'ev':>5} {'claim':>5} {'cite':>5}")
        for doc in run_report["per_document"]:
            f1s = " ".join(
                f"{doc[c]['f1']:>5.2f}" if doc[c]["tp"] + doc[c]["fn"] + doc[c]["fp"] else "    -"
                for c in CATEGORIES
            )
            lines.append(f"{doc['name'][:46]:<46} {f1s}")
        lines += ["", "Misses (gold not found), false positives and errors:"]
        for doc in run_report["per_document"]:
            block = _doc_issues(doc)
            if block:
                lines += [f"-- {doc['name']}", *block]
    return "\n".join(lines)


def _shapes_line(shapes: dict[str, int]) -> str:
    """``error_shapes`` as one line, grouped: "entity missed: person 3, court 1; ..."."""
    grouped: dict[str, list[str]] = {}
    for shape, count in shapes.items():
        head, _, tail = shape.partition(": ")
        grouped.setdefault(head, []).append(f"{tail} {count}")
    return "; ".join(f"{head}: {', '.join(parts)}" for head, parts in grouped.items())


def render_text(summary: dict[str, Any]) -> str:
    lines = [
        f"Gold specs {summary['gold_dir']}, texts {summary['texts_dir']}, "
        f"pipeline {summary['pipeline']}",
        "dates: every gold event once: ok, wrong (or invented), finer than the text, coarser, "
        "missed (event not found or no date)",
        "",
    ]
    return "\n".join(lines) + "\n\n".join(render_run(r) for r in summary["runs"])


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
    help = "Score the extraction pipeline against the hand-annotated gold set (writes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
        parser.add_argument(
            "--texts",
            type=Path,
            help=f"the gold texts (default: ${SHARED_DIR_VARIABLE}/gold/texts)",
        )
        parser.add_argument(
            "--split", choices=[*SPLITS, "all"], default="development", help="default: development"
        )
        kb = parser.add_mutually_exclusive_group()
        kb.add_argument(
            "--no-known",
            action="store_true",
            help="analyse without the knowledge base's entities (no database needed)",
        )
        kb.add_argument("--both", action="store_true", help="with and without the knowledge base")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only build and validate the specs against their texts (runs no analysis)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gold_dir: Path = options["gold_dir"]
        texts_dir = texts_directory(options["texts"])
        splits = list(SPLITS) if options["split"] == "all" else [options["split"]]
        documents = load_gold(gold_dir, texts_dir, splits)
        if options["check"]:
            self.stdout.write(f"{len(documents)} gold specs valid in {gold_dir}")
            return
        settings_used: list[list[KnownEntity] | None] = []
        if options["both"] or not options["no_known"]:
            settings_used.append(known_entities(True))
        if options["both"] or options["no_known"]:
            settings_used.append(None)
        runs = [
            report(split, known, [d for d in documents if d.split == split])
            for split in splits
            if any(d.split == split for d in documents)
            for known in settings_used
        ]
        summary = {
            "pipeline": PIPELINE_VERSION,
            "gold_dir": str(gold_dir),
            "texts_dir": str(texts_dir),
            "runs": runs,
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(summary))
