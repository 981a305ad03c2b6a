"""One long text through the whole analysis: time and peak memory of a single process.

    .venv/bin/python -m bench.analysis.long_text [--chars 2000000]

The text is the real texts of bench.analysis.run's corpus joined by blank lines and cut to
``--chars`` characters; spaCy parses it in 100,000-character pieces (casebase.analysis.chunks).
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import resource
import time

from bench.analysis.run import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    chars = parser.parse_args().chars
    from casebase.analysis.pipeline import analyse, get_nlp

    text = "\n\n".join(corpus(chars // 5))[:chars]
    get_nlp()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    started = time.perf_counter()
    analysis = analyse(text, published=None, known=[])
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{len(text):,} characters, {len(text.split()):,} words: {seconds:.1f} s "
        f"({len(text.split()) / seconds:,.0f} words/s); peak RSS {peak:,} MB "
        f"({loaded:,} MB after loading the model); {len(analysis.entities)} entities, "
        f"{len(analysis.claims)} claims, {len(analysis.events)} events"
    )


if __name__ == "__main__":
    main()
