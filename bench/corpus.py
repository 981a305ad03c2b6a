"""The benchmark corpus of ``bench/ingest``: documents of 1,000-2,000 words drawn from the real
third-party texts in $CASEBASE_SHARED_DIR (the 18 first gold development texts, the seed article
and the court PDFs), so every content hash differs. Shared with ``bench.rules``."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

SHARED_DIR_VARIABLE = "CASEBASE_SHARED_DIR"  # the third-party documents, as in the tests


def shared_dir() -> Path:
    """$CASEBASE_SHARED_DIR, or a message and exit when it is unset."""
    if not os.environ.get(SHARED_DIR_VARIABLE):
        raise SystemExit(
            f"{SHARED_DIR_VARIABLE} must name the directory of the third-party documents "
            "(court PDFs, seed article) the benchmark corpus is built from, e.g. ../shared"
        )
    return Path(os.environ[SHARED_DIR_VARIABLE])


def source_paragraphs() -> list[str]:
    """Paragraphs of the real texts in $CASEBASE_SHARED_DIR."""
    from casebase.text.extract import extract_text

    shared = shared_dir()
    gold = shared / "gold" / "texts" / "dev-existing"  # the 18 first gold development texts
    texts = [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.txt"))]
    texts.append((shared / "corpus" / "seed-article.txt").read_text(encoding="utf-8"))
    for pdf in sorted((shared / "testdata" / "court-pdfs").glob("*.pdf")):
        texts.append(extract_text(pdf.read_bytes(), pdf.name).text)
    paragraphs = []
    for text in texts:
        for block in re.split(r"\n\s*\n|\n(?=[A-Z“\"(])", text):
            block = " ".join(block.split())
            if len(block.split()) >= 12:
                paragraphs.append(block)
    return paragraphs


def build_corpus(words: int, seed: int = 7) -> list[str]:
    """Documents of about 1,000-2,000 words, each a different draw of real paragraphs."""
    rng = random.Random(seed)
    paragraphs = source_paragraphs()
    documents: list[str] = []
    total = 0
    while total < words:
        target = rng.randint(1000, 2000)
        chosen: list[str] = []
        size = 0
        while size < target:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            size += len(paragraph.split())
        text = "\n\n".join(chosen)
        documents.append(text)
        total += len(text.split())
    return documents
