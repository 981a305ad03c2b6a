"""The heading a court paper prints on its first page ("ORDER GRANTING IN PART THE MOTION TO
DISMISS"), which names the document better than any URL: the first line of the first page in
capitals that names a kind of court paper."""

from __future__ import annotations

import re

_PAPER = re.compile(
    r"\b(?:ORDER|OPINION|MEMORANDUM|COMPLAINT|MOTION|JUDGMENT|PETITION|BRIEF|STIPULATION|"
    r"NOTICE|DECLARATION|TRANSCRIPT|ANSWER|VERDICT|INDICTMENT|RULING|DECISION|REPLY)\b"
)
MAX_LINES = 80


def first_page_heading(text: str, page_offsets: list[int]) -> str:
    """The first page's heading, or "" when none is found."""
    end = page_offsets[1] if len(page_offsets) > 1 else len(text)
    for line in text[:end].splitlines()[:MAX_LINES]:
        line = " ".join(line.split())
        words = line.split()
        letters = [ch for ch in line if ch.isalpha()]
        if not 2 <= len(words) <= 25 or len(letters) < 8:
            continue
        if all(ch.isupper() for ch in letters) and _PAPER.search(line):
            return line.rstrip(" .:;,")
    return ""
