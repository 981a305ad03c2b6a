"""The analysis outside ``nlp.pipe``: preparing each text for spaCy and the rule passes after it,
timed stage by stage against the spaCy pass itself, and dumped for byte-for-byte comparison.

    export CASEBASE_SHARED_DIR=../shared DATABASE_URL=sqlite:////tmp/kb.sqlite3
    python manage.py migrate -v0 && python manage.py load_corpus   # the known entities
    python -m bench.rules time [--repeat 7] [--no-known] [--profile FILE]
    python -m bench.rules dump DIR [--no-known]                     # one JSON per text

The corpus: the ``bench/ingest`` corpus (``--words`` 100,000, seed 7) and every development
gold text (read with its kind, publication date and page furniture as ``manage.py evaluate``
reads it); never the validation split. ``time`` parses everything once, then repeats the work
outside ``nlp.pipe`` and reports each stage's median CPU time (``time.process_time``) per 1,000
words, with the spread, and the ratio of the rules to the spaCy pass (timed ``--spacy-repeat``
times over the same prepared texts). ``dump`` writes ``analyse_many``'s ``Analysis.to_json()``
for each text (sorted keys), to compare with ``diff -r`` before and after a change.
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: The functions ``casebase.analysis.pipeline`` calls, timed where it calls them: before spaCy
#: (``_seen``) and after it (``analyse_seen``).
PREPARATION = ["join_hyphens", "is_transcript", "blank_line_numbers", "recase"]
RULES = [
    "known_index", "find_citations", "citation_ranges", "is_transcript", "label_surnames",
    "find_entities", "find_events", "find_claims", "speaker_turns", "label_mentions",
    "is_sworn", "testimony_claims", "within_turns", "bench_rulings", "declaration_claims",
    "restore_case", "restore",
]  # fmt: skip

Item = tuple[str, Any, Any, Any]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casebase.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def items(words: int) -> list[tuple[str, Item]]:
    """``(name, (text, published, kind, furniture))``: the bench corpus, then the development
    gold texts."""
    from bench.corpus import build_corpus, shared_dir
    from casebase.pipeline.management.commands.evaluate import load_document, publication_date

    out: list[tuple[str, Item]] = [
        (f"bench-{i:03d}", (text, None, "news_article", ()))
        for i, text in enumerate(build_corpus(words))
    ]
    texts = shared_dir() / "gold" / "texts"
    for spec in sorted((ROOT / "tests" / "gold" / "specs" / "development").glob("*.yaml")):
        doc = load_document(spec, texts)
        meta = doc.gold["meta"]
        out.append((f"dev-{doc.name}", (doc.text, publication_date(meta), meta.get("kind"),
                                        doc.furniture)))  # fmt: skip
    return out


def known_entities(use: bool) -> list[Any]:
    from casebase.pipeline.known_entities import load_known_entities

    return load_known_entities() if use else []


def dump(args: argparse.Namespace) -> None:
    from casebase.analysis.pipeline import analyse_many

    named = items(args.words)
    known = known_entities(args.known)
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    analyses = analyse_many((item for _, item in named), known=known, batch_size=32)
    for (name, _), analysis in zip(named, analyses, strict=True):
        data = json.dumps(analysis.to_json(), sort_keys=True, ensure_ascii=False, indent=1)
        (out / f"{name}.json").write_text(data + "\n", encoding="utf-8")
    print(f"{len(named)} analyses written to {out} (known entities: {len(known)})")


class Stages:
    """CPU seconds per stage, accumulated by wrappers put around the pipeline's calls."""

    def __init__(self) -> None:
        self.phase = "rules"
        self.seconds: dict[tuple[str, str], float] = defaultdict(float)

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[self.phase, name] += time.process_time() - started

        return timed


def parsed_docs(path: str | None, nlp: Any, seen: list[tuple[str, Any]]) -> list[tuple[Any, Any]]:
    """The parsed ``(Doc, Seen)`` pairs; with ``path``, read from there when it exists (a
    pickle of ``Doc.to_bytes``: only valid while the text preparation is unchanged, which
    ``dump`` checks), else parsed and written there."""
    import pickle

    from spacy.tokens import Doc

    from casebase.analysis.chunks import parse_many
    from casebase.analysis.doc_bytes import EXCLUDED
    from casebase.analysis.spans import remember_text

    if path and Path(path).exists():
        stored = pickle.loads(Path(path).read_bytes())
        return [
            (remember_text(Doc(nlp.vocab).from_bytes(data, exclude=EXCLUDED), text), s)
            for (data, text, s) in stored
        ]
    parsed = list(parse_many(nlp, iter(seen), batch_size=32))
    if path:
        stored = [
            (doc.to_bytes(exclude=EXCLUDED), text, s)
            for (doc, s), (text, _) in zip(parsed, seen, strict=True)
        ]
        Path(path).write_bytes(pickle.dumps(stored))
    return parsed


def run_time(args: argparse.Namespace) -> None:
    from casebase.analysis import pipeline
    from casebase.analysis.chunks import parse_many

    named = items(args.words)
    known = known_entities(args.known)
    words = sum(len(item[0].split()) for _, item in named)
    nlp = pipeline.get_nlp(known=known)
    seen = [pipeline._seen(item, known) for _, item in named]
    parsed = parsed_docs(args.parsed, nlp, seen)  # also the warm-up pass
    # the rules cache what they compute in a Doc's user_data: each repetition starts from
    # the Doc as parsed, as a worker's single pass does
    fresh = [dict(doc.user_data) for doc, _ in parsed]
    print(f"{len(named)} texts, {words:,} words, {len(known)} known entities", flush=True)

    spacy_runs = []
    for _ in range(args.spacy_repeat):
        started = time.process_time()
        for _ in parse_many(nlp, iter(seen), batch_size=32):
            pass
        spacy_runs.append(time.process_time() - started)

    stages = Stages()
    for name in {*PREPARATION, *RULES}:
        setattr(pipeline, name, stages.wrap(name, getattr(pipeline, name)))
    per_run: list[dict[tuple[str, str], float]] = []
    digests = set()
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
    for _ in range(args.repeat):
        stages.seconds.clear()
        digest = hashlib.sha256()
        stages.phase = "preparation"
        started = time.process_time()
        for _, item in named:
            pipeline._seen(item, known)
        stages.seconds["preparation", "total"] = time.process_time() - started
        stages.phase = "rules"
        for (doc, _), data in zip(parsed, fresh, strict=True):
            doc.user_data.clear()
            doc.user_data.update(data)
        # nor may the patterns a rule compiles for one document come from ``re``'s cache: a
        # worker sees each document once
        re.purge()
        if profiler:
            profiler.start()
        started = time.process_time()
        results = [pipeline.analyse_seen(doc, s, known) for doc, s in parsed]
        stages.seconds["rules", "total"] = time.process_time() - started
        if profiler:
            profiler.stop()
        for analysis in results:
            digest.update(json.dumps(analysis.to_json(), sort_keys=True).encode())
        if args.write:
            Path(args.write).mkdir(parents=True, exist_ok=True)
            for (name, _), analysis in zip(named, results, strict=True):
                data = json.dumps(analysis.to_json(), sort_keys=True, ensure_ascii=False, indent=1)
                (Path(args.write) / f"{name}.json").write_text(data + "\n", encoding="utf-8")
        digests.add(digest.hexdigest())
        per_run.append(dict(stages.seconds))
    if profiler:
        Path(args.profile).write_text(profiler.output_text(unicode=True, show_all=False))

    def row(label: str, values: list[float]) -> str:
        per_k = [v * 1e6 / words for v in values]  # CPU ms per 1,000 words
        return (f"{label:28} {statistics.median(per_k):8.2f} {min(per_k):8.2f} "
                f"{max(per_k):8.2f}")  # fmt: skip

    print(f"{'stage (CPU ms / 1,000 words)':28} {'median':>8} {'min':>8} {'max':>8}")
    if spacy_runs:
        print(row("spaCy (parse_many)", spacy_runs))
    for phase, names in (("preparation", PREPARATION), ("rules", RULES)):
        for name in [*names, "total"]:
            values = [run.get((phase, name), 0.0) for run in per_run]
            if name == "total":
                inside = [sum(v for (p, n), v in run.items() if p == phase and n != "total")
                          for run in per_run]  # fmt: skip
                print(row(f"{phase}: other", [t - i for t, i in zip(values, inside, strict=True)]))
            if max(values) > 0:
                print(row(f"{phase}: {name}", values))
    print(f"same output on every repetition: {len(digests) == 1} ({next(iter(digests))[:16]})")
    if not spacy_runs:
        return
    spacy = statistics.median(spacy_runs)
    for phase in ("preparation", "rules"):
        share = statistics.median(run[phase, "total"] for run in per_run) / spacy
        print(f"{phase} / spaCy (medians): {share:.3f}")
    both = statistics.median(run["preparation", "total"] + run["rules", "total"] for run in per_run)
    print(f"preparation + rules / spaCy (medians): {both / spacy:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["time", "dump"])
    parser.add_argument("dir", nargs="?", help="dump: the directory to write")
    parser.add_argument("--words", type=int, default=100_000, help="bench corpus size")
    parser.add_argument("--no-known", dest="known", action="store_false",
                        help="without the knowledge base's entities")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--spacy-repeat", type=int, default=3)
    parser.add_argument("--profile", help="time: write a pyinstrument profile of the rules here")
    parser.add_argument("--parsed", help="time: keep the parsed documents in this file")
    parser.add_argument("--write", help="time: write each text's analysis (as dump does) here")
    args = parser.parse_args()
    setup_django()
    if args.command == "dump":
        if not args.dir:
            parser.error("dump needs a directory")
        dump(args)
    else:
        run_time(args)


if __name__ == "__main__":
    main()
