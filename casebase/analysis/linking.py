"""Resolving a surface name to a known entity: aliases, short forms and fuzzy matching."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from casebase.analysis.ruler import known_hash
from casebase.analysis.types import KnownEntity
from casebase.core.text_utils import normalize_name

#: Minimum rapidfuzz score (0-100) for a fuzzy link; below it a name stays unlinked.
FUZZY_THRESHOLD = 92
_SUFFIX = re.compile(
    r"[,\s]+(?:inc|incorporated|corp|corporation|co|company|llc|l\.l\.c|lp|l\.p|ltd|limited|"
    r"opco|holdings|plc|gmbh|s\.a)\.?$"
)
_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|judge|justice|hon|the honorable|sen|rep|the)\.?\s+")


#: Names recur within a text and across a batch: their keys are computed once per name (both
#: are pure functions of the string; about 400 calls a document).
_KEYS_CACHED = 16384


@lru_cache(maxsize=_KEYS_CACHED)
def _normalized(text: str) -> str:
    """``normalize_name``, cached."""
    return normalize_name(text)


@lru_cache(maxsize=_KEYS_CACHED)
def name_key(text: str) -> str:
    """``normalize_name`` plus dropped honorifics and corporate suffixes ("OpenAI Inc." ->
    "openai", "Mr. Musk" -> "musk")."""
    key = _normalized(text)
    key = _TITLE.sub("", key)
    previous = None
    while previous != key:
        previous, key = key, _SUFFIX.sub("", key).strip(" ,.")
    return key


@dataclass
class KnownIndex:
    """Lookup tables over the known entities, built once per known list."""

    by_slug: dict[str, KnownEntity] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # normalize_name -> slug
    loose: dict[str, str] = field(default_factory=dict)  # name_key -> slug (unambiguous only)
    #: ``fuzzy``'s answer per key: each answer scans every loose key, and names recur
    fuzzy_found: dict[str, str | None] = field(default_factory=dict)

    def resolve(self, text: str) -> KnownEntity | None:
        slug = self.exact.get(_normalized(text)) or self.loose.get(name_key(text))
        if slug is None:
            slug = self.fuzzy(text)
        return self.by_slug.get(slug) if slug else None

    def fuzzy(self, text: str) -> str | None:
        key = name_key(text)
        if len(key) < 4 or not self.loose:
            return None
        if key not in self.fuzzy_found:
            if len(self.fuzzy_found) >= _KEYS_CACHED:
                self.fuzzy_found.clear()
            self.fuzzy_found[key] = self._closest(key)
        return self.fuzzy_found[key]

    def _closest(self, key: str) -> str | None:
        """The slug of the loose key closest to ``key``, if close enough."""
        match = process.extractOne(
            key, self.loose.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        return self.loose[match[0]] if match else None


def _build(known: Sequence[KnownEntity]) -> KnownIndex:
    index = KnownIndex()
    ambiguous: set[str] = set()
    for entity in known:
        index.by_slug[entity.slug] = entity
        for text in (entity.name, *entity.aliases):
            index.exact.setdefault(normalize_name(text), entity.slug)
            key = name_key(text)
            if not key:
                continue
            if index.loose.get(key, entity.slug) != entity.slug:
                ambiguous.add(key)
            index.loose[key] = entity.slug
    for key in ambiguous:
        del index.loose[key]
    return index


_CACHE: dict[str, KnownIndex] = {}


def known_index(known: Sequence[KnownEntity]) -> KnownIndex:
    """The index for ``known``, cached by the list's hash (rebuilt only when it changes)."""
    key = known_hash(known)
    if key not in _CACHE:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = _build(known)
    return _CACHE[key]


@lru_cache(maxsize=4096)
def looks_like_person_name(text: str) -> bool:
    """Two to four capitalised words, e.g. "Elon Musk", "Yvonne Gonzalez Rogers"."""
    words = text.split()
    if words and words[0] in {"The", "A", "An"}:
        return False
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words)
