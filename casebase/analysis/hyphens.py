"""Words hyphenated at line ends ("Arkan-\\nsas"), joined for spaCy without moving any offset.

Wrapped court papers split words at line ends; the model then reads "Arkan-" and "sas" as two
words and tags the first half as a name. The stored text is what the reader shows and what every
offset points into, so it is never rewritten. Instead spaCy reads a *seen* text of the same
length in which each split word is written whole and the removed hyphen, line break and
indentation follow it as padding ("Arkansas\\n  " for "Arkan-\\n sas"): everything outside the
joined words keeps its offset, and ``HyphenMap.original`` moves an offset that falls inside or
at the end of a joined word back to where it is in the stored text.

A continuation in lower case drops the hyphen ("Atchafa-\\nlaya" -> "Atchafalaya"); one in
capitals keeps it ("Calderon-\\nFuentes" -> "Calderon-Fuentes").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Protocol

from casebase.analysis.types import Analysis

_SPLIT = re.compile(r"(?<=[A-Za-z])-\n[ \t]*(?=[A-Za-z])")
_CONTINUATION = re.compile(r"[A-Za-z]+")


class _Spanned(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Join:
    """One split word: the seen text moved the continuation ``[cont, end)`` back to ``at``."""

    at: int  # where the hyphen stands in the stored text
    cont: int  # where the continuation starts in the stored text
    end: int  # where the word ends in both texts (the padding fills up to it)

    @property
    def shift(self) -> int:
        return self.cont - self.at


@dataclass
class HyphenMap:
    joins: list[Join] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [j.at for j in self.joins]

    def original(self, offset: int) -> int:
        """Where the seen text's ``offset`` is in the stored text."""
        i = bisect_right(self._starts, offset - 1) - 1  # the last join with at < offset
        if i < 0:
            return offset
        join = self.joins[i]
        if offset >= join.end:
            return offset
        return min(offset + join.shift, join.end)


def join_hyphens(text: str) -> tuple[str, HyphenMap]:
    """The seen text (same length as ``text``) and the map back to ``text``'s offsets."""
    if "-\n" not in text:
        return text, HyphenMap()
    parts: list[str] = []
    joins: list[Join] = []
    position = 0
    for match in _SPLIT.finditer(text):
        at, cont = match.start(), match.end()
        if at < position:
            continue  # inside a word already joined ("a-\nb-\nc": the first join took it)
        word = _CONTINUATION.match(text, cont)
        assert word is not None  # the lookahead saw a letter
        end = word.end()
        keep_hyphen = text[cont].isupper()
        piece = ("-" if keep_hyphen else "") + text[cont:end]
        padding = (cont - at) - (1 if keep_hyphen else 0)
        parts.append(text[position:at])
        parts.append(piece + "\n" + " " * (padding - 1))
        joins.append(Join(at + (1 if keep_hyphen else 0), cont, end))
        position = end
    parts.append(text[position:])
    seen = "".join(parts)
    return seen, HyphenMap(joins)


def restore(analysis: Analysis, mapping: HyphenMap, seen: str, text: str) -> Analysis:
    """Move every span of an analysis of ``seen`` back to ``text``, the stored text; a span's
    text that was ``seen``'s slice becomes ``text``'s slice ("Arkan-\\nsas", as shown)."""
    if not mapping.joins:
        return analysis

    def moved(item: _Spanned, attr: str) -> None:
        start, end = mapping.original(item.start), mapping.original(item.end)
        if getattr(item, attr) == seen[item.start : item.end]:
            setattr(item, attr, text[start:end])
        item.start, item.end = start, end

    for entity in analysis.entities:
        for mention in entity.mentions:
            moved(mention, "text")
    for event in analysis.events:
        moved(event, "sentence")
    for claim in analysis.claims:
        moved(claim, "sentence")
    for citation in analysis.citations:
        moved(citation, "text")
    for turn in analysis.turns:
        moved(turn, "text")
    return analysis
