"""Words hyphenated at line ends ("Arkan-\nsas"), joined for spaCy without moving any offset.

Wrapped court papers split words at line ends; the model then reads "Arkan-" and "sas" as two
words and tags the first half as a name. The stored text is what the reader shows and what every
offset points into, so it is never rewritten. Instead spaCy reads a *seen* text of the same
length in which the line break and indentation (and the hyphen) move in front of the word as
padding, so the word is written whole where its continuation ends: "the Arkan-\n  sas River"
is seen as "the \n   Arkansas River". Everything outside the split words keeps its offset, the
end of a split word too, and ``HyphenMap.original`` moves an offset inside one back to where it
is in the stored text.

A continuation in lower case drops the hyphen ("Atchafa-\nlaya" -> "Atchafalaya"); one in
capitals keeps it ("Calderon-\nFuentes" -> "Calderon-Fuentes").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Protocol

from casebase.analysis.types import Analysis

_SPLIT = re.compile(r"[A-Za-z]+(?P<hyphen>-)(?P<gap>\n[ \t]*)(?=[A-Za-z])")


class _Spanned(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Join:
    """One split word: the seen text moved its first part ``[start, cont - width)`` right by
    ``width`` characters, to meet its continuation at ``cont``."""

    start: int  # where the word starts in the stored text
    cont: int  # where the continuation starts (in both texts)
    width: int  # the padding: the line break, the indentation and a dropped hyphen


@dataclass
class HyphenMap:
    joins: list[Join] = field(default_factory=list)
    #: The seen text differs from the stored one in more than the joins (blank pleading line
    #: numbers: casebase.analysis.line_numbers), though at the same offsets.
    reshown: bool = False

    def __post_init__(self) -> None:
        self._starts = [j.start for j in self.joins]

    def original(self, offset: int) -> int:
        """Where the seen text's ``offset`` is in the stored text."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        join = self.joins[i]
        if offset <= join.start or offset >= join.cont:
            return offset
        if offset < join.start + join.width:
            return join.start  # in the padding before the word
        return offset - join.width


def join_hyphens(text: str) -> tuple[str, HyphenMap]:
    """The seen text (same length as ``text``) and the map back to ``text``'s offsets."""
    if "-\n" not in text:
        return text, HyphenMap()
    parts: list[str] = []
    joins: list[Join] = []
    position = 0
    for match in _SPLIT.finditer(text):
        start, cont = match.start(), match.end()
        keep_hyphen = text[cont].isupper()
        moved_end = match.end("hyphen") if keep_hyphen else match.start("hyphen")
        width = cont - moved_end
        parts.append(text[position:start])
        parts.append("\n" + " " * (width - 1) + text[start:moved_end])
        joins.append(Join(start, cont, width))
        position = cont
    parts.append(text[position:])
    return "".join(parts), HyphenMap(joins)


def restore(analysis: Analysis, mapping: HyphenMap, seen: str, text: str) -> Analysis:
    """Move every span of an analysis of ``seen`` back to ``text``, the stored text; a span's
    text that was ``seen``'s slice becomes ``text``'s slice ("Arkan-\\nsas", as shown)."""
    if not mapping.joins and not mapping.reshown:
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
