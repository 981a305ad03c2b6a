"""Small helpers over spaCy spans shared by events and claims."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

import numpy
from spacy.tokens import Doc, Span, Token


def span_text(span: Span) -> str:
    """``span.text``, sliced from the document's text (``text_of``): spaCy builds it by joining
    the span's tokens on every access."""
    return text_of(span.doc)[span.start_char : span.end_char]


def sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """(start, end, text) of a sentence without surrounding whitespace."""
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return start, start + len(stripped), stripped


_SENTS = "casebase_sentences"
_TEXT = "casebase_text"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once (``Span.sent`` walks the whole document)."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        sents = list(doc.sents)
        cached = (sents, [s.start for s in sents])
        doc.user_data[_SENTS] = cached
    return cached[0]  # type: ignore[no-any-return]


def sent_of(token: Token) -> Span:
    """The sentence holding ``token`` (fast ``token.sent``)."""
    sents = sentences(token.doc)
    starts = token.doc.user_data[_SENTS][1]
    return sents[max(0, bisect_right(starts, token.i) - 1)]


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as ``doc``'s text, which spaCy guarantees it is, so ``text_of`` need not
    rebuild it from the tokens."""
    doc.user_data[_TEXT] = text
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once (spaCy joins the tokens on every access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = text
    return text  # type: ignore[no-any-return]


def positions(doc: Doc, attr: int, values: Iterable[int]) -> list[int]:
    """Positions of the tokens whose ``attr`` (``spacy.attrs.ORTH``, ``LOWER``, ``TAG``...) is
    one of ``values`` (string-store ids), found over arrays: iterating a ``Doc`` creates a Token
    object per word, which costs more than everything the analysis does with the few it wants."""
    wanted = numpy.fromiter(values, dtype=numpy.uint64)
    if not len(wanted):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist()  # type: ignore[no-any-return]


def ids_of(doc: Doc, strings: Iterable[str]) -> list[int]:
    """The string-store ids of those ``strings`` the document's vocabulary has seen."""
    store = doc.vocab.strings
    return [store[s] for s in strings if s in store]


def within(span: Span, sorted_positions: list[int]) -> list[int]:
    """The positions in ``sorted_positions`` that fall inside ``span``."""
    return sorted_positions[
        bisect_left(sorted_positions, span.start) : bisect_left(sorted_positions, span.end)
    ]


def any_between(sorted_positions: list[int], start: int, end: int) -> bool:
    """Whether a position in ``sorted_positions`` falls in [start, end)."""
    first = bisect_left(sorted_positions, start)
    return first < len(sorted_positions) and sorted_positions[first] < end


class Ranges:
    """Character ranges ``(start, end)``, overlapping or not, asked whether any overlaps
    [start, end) in O(log n): sorted by start, with the furthest end reached up to each."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """``any(s < end and start < e for s, e in ranges)``."""
        before_end = bisect_left(self._starts, end)  # the ranges that start before ``end``
        return before_end > 0 and self._reach[before_end - 1] > start
