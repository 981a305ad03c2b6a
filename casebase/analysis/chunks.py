"""Long texts through spaCy in pieces, put back together as one ``Doc``.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its parser's memory grows
with the text, so a long transcript or filing is cut into pieces of at most ``CHUNK_CHARS``
characters at paragraph breaks (else line breaks, else spaces), parsed as a batch, and joined
with ``Doc.from_docs``. The joined ``Doc`` has exactly the original text and keeps every token's
tags, parse, sentence starts and entities, so the analysis after spaCy (short forms, pronouns,
the witness of a transcript) sees the whole document at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from casebase.analysis.spans import remember_text

#: The longest piece given to spaCy at once: about 40 pages, well within the parser's comfort.
CHUNK_CHARS = 100_000

Context = TypeVar("Context")


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters that join back to ``text``, each cut after a
    paragraph break, else a line break, else a space in its second half (hard cut otherwise)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for separator in ("\n\n", "\n", " "):
            at = window.rfind(separator, limit // 2)
            if at != -1:
                cut = at + len(separator)
                break
        cut = cut or limit
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_many(
    nlp: Language,
    items: Iterable[tuple[str, Context]],
    *,
    batch_size: int,
    limit: int | None = None,
) -> Iterator[tuple[Doc, Context]]:
    """``nlp.pipe(items, as_tuples=True)`` that also takes texts longer than ``limit``
    (default ``CHUNK_CHARS``)."""
    limit = limit or CHUNK_CHARS
    pieces = (
        (piece, (remaining, text, context))
        for text, context in items
        for remaining, piece in _numbered(split_text(text, limit))
    )
    parts: list[Doc] = []
    for doc, (remaining, text, context) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if remaining == 0:
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            yield remember_text(whole, text), context
            parts = []


def _numbered(pieces: list[str]) -> Iterator[tuple[int, str]]:
    """Each piece with how many pieces of its text follow it (0 for the last)."""
    for index, piece in enumerate(pieces):
        yield len(pieces) - 1 - index, piece
