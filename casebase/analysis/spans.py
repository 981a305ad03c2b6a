"""Small helpers over spaCy spans shared by events and claims."""

from __future__ import annotations

from spacy.tokens import Span


def sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """(start, end, text) of a sentence without surrounding whitespace."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return start, start + len(stripped), stripped
