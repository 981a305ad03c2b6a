"""Do two accounts of one happening disagree? Pure Python (rapidfuzz), no ORM.

The pipeline compares what a new document says about an event with a curated event that
shares its entities (``pipeline/storing.py``): when the two texts describe the same happening
and disagree on its date, on an amount, or on the wording of a quote, the new extraction is not
added silently as more evidence; it becomes an event awaiting review, linked to the curated one
with ``contradicts`` and flagged in the review queue.

Claims are compared by their direct quotes (``quote_conflicts``): two sources quoting the same
words differently ("Generally AI companies distill other AI companies" in one report,
"Generally all the AI companies [do that]." in another, both Musk's answer in cross-examination)
are linked with ``contradicts`` and both are shown. The quotes are compared without case,
punctuation or editorial insertions in square brackets; over the 238 quotes of the 90 real
documents of the gold set, the only pair this finds across documents is that one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy
from rapidfuzz import fuzz, process

#: token_set_ratio (0-100) from which two texts describe the same happening; stricter when
#: only the date differs (many happenings of one dispute share names and wording)
SAME_HAPPENING = 75
SAME_HAPPENING_OTHER_DATE = 85
#: quotes this similar but not equal are the same quote worded differently
QUOTE_SIMILAR, QUOTE_SAME = 70, 97
MIN_QUOTE_WORDS = 4

_AMOUNT = re.compile(
    r"(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|[mbk]n?)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion|percent|%))",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"]([^”\"]{8,400})[”\"]")


K = TypeVar("K")
J = TypeVar("J")
_INSERTION = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Disagreement:
    fact: str  # "date", "amount", "quote"
    here: str  # what the new source says
    there: str  # what the curated event says

    def describe(self) -> str:
        return f"{self.fact}: {self.here!r} here, {self.there!r} in the curated event"


def amounts(text: str) -> set[str]:
    """Money and counted amounts as written, normalised ("$1.5 billion", "40%")."""
    return {" ".join(m.group(0).lower().replace(",", "").split()) for m in _AMOUNT.finditer(text)}


def quotes(text: str) -> list[str]:
    return [q.strip() for q in _QUOTE.findall(text) if len(q.split()) >= MIN_QUOTE_WORDS]


def similarity(text: str, others: Iterable[str]) -> float:
    return max((fuzz.token_set_ratio(text, other) for other in others if other), default=0.0)


def disagreements(
    sentence: str,
    date: str,
    curated_texts: Iterable[str],
    curated_date: str,
    *,
    same_date: bool,
) -> list[Disagreement]:
    """What ``sentence`` (dated ``date``, ISO partial) says differently from a curated event
    (its title, summary and evidence quotes in ``curated_texts``, dated ``curated_date``; the
    caller says whether the two dates are the same period). Nothing unless the texts describe
    the same happening."""
    texts = [t for t in curated_texts if t]
    score = similarity(sentence, texts)
    if score < SAME_HAPPENING:
        return []
    found: list[Disagreement] = []
    if not same_date and score >= SAME_HAPPENING_OTHER_DATE:
        found.append(Disagreement("date", date, curated_date))
    here, there = amounts(sentence), set().union(*(amounts(t) for t in texts))
    if here and there and not here & there:
        found.append(Disagreement("amount", ", ".join(sorted(here)), ", ".join(sorted(there))))
    theirs = [q for text in texts for q in quotes(text)]
    for quote in quotes(sentence):
        for other in theirs:
            if QUOTE_SIMILAR <= fuzz.ratio(quote, other) < QUOTE_SAME:
                found.append(Disagreement("quote", quote, other))
                break
    return found


def quote_key(quote: str) -> str:
    """A quote as compared: lower case, words only, editorial insertions ("[do that]") left
    out."""
    return " ".join(_WORD.findall(_INSERTION.sub(" ", quote.lower())))


class QuoteIndex(Generic[J]):
    """Known quotes (each with its key) and their comparison keys, computed once as quotes are
    added, so that a stream of new quotes is compared without re-reading the known ones; the
    comparison runs over all known quotes at once (rapidfuzz's ``cdist``)."""

    def __init__(self) -> None:
        self._keys: list[J] = []
        self._quotes: list[str] = []
        self._compared: list[str] = []

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, known: Iterable[tuple[J, str]]) -> None:
        for key, quote in known:
            if quote and len(quote.split()) >= MIN_QUOTE_WORDS:
                self._keys.append(key)
                self._quotes.append(quote)
                self._compared.append(quote_key(quote))

    def conflicts(self, new: Sequence[tuple[K, str]]) -> list[tuple[K, J, Disagreement]]:
        """Pairs of a new quote and a known one that quote the same words differently, in the
        order of ``new``, then of the known quotes."""
        mine = [(k, q) for k, q in new if q and len(q.split()) >= MIN_QUOTE_WORDS]
        if not mine or not self._compared:
            return []
        scores = process.cdist(
            [quote_key(q) for _, q in mine],
            self._compared,
            scorer=fuzz.ratio,
            score_cutoff=QUOTE_SIMILAR,
            dtype=numpy.float64,
        )
        return [
            (mine[i][0], self._keys[j], Disagreement("quote", mine[i][1], self._quotes[j]))
            for i, j in zip(*numpy.nonzero(scores), strict=True)
            if scores[i, j] < QUOTE_SAME
        ]


def quote_conflicts(
    new: Sequence[tuple[K, str]], known: Iterable[tuple[J, str]]
) -> list[tuple[K, J, Disagreement]]:
    """Pairs of a new claim's quote and a known claim's quote (each given with its key) that
    quote the same words differently, with the disagreement."""
    index: QuoteIndex[J] = QuoteIndex()
    index.add(known)
    return index.conflicts(new)
