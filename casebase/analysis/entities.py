"""Entities in a parsed document: NER and the known-entity ruler, cleaned, linked and grouped.

Resolution order for each mention: the ruler's slug; the alias table (``normalize_name``, then
without honorifics and corporate suffixes); short forms within the document ("Musk" after
"Elon Musk"); fuzzy matching above ``FUZZY_THRESHOLD``. What stays unresolved becomes a new
entity only when it is a well-formed name (see ``kinds.is_junk_name``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casebase.analysis.kinds import is_junk_name, kind_for_label
from casebase.analysis.linking import KnownIndex, looks_like_person_name, name_key
from casebase.analysis.types import FoundEntity, MentionSpan

_NAME_TAGS = {"NNP", "NNPS"}
_MIXED_CASE = re.compile(r"^[A-Za-z]*[a-z][A-Z][A-Za-z]*$|^[A-Z][a-z]+[A-Z][A-Za-z]*$")
_REPORTING_SUBJECT_VERBS = {
    "said", "says", "testified", "testifies", "alleged", "alleges", "argued", "argues",
    "claimed", "claims", "wrote", "writes", "told", "tells", "ruled", "rules", "denied",
    "admitted", "sued", "accused", "accuses", "reported", "reports", "stated", "added",
}  # fmt: skip


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str
    slug: str | None = None
    key: str = ""  # grouping key: "slug:<slug>" or "name:<name_key>"


def _trim(span: Span) -> Span | None:
    """Drop a possessive ending, leading lowercase determiners and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].text in {"the", "a", "an"}):
        start += 1
    return doc[start:end] if end > start else None


def propn_chain(token: Token) -> Span:
    """The proper-noun phrase headed by ``token`` ("The Verge", "Elon Musk")."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].tag_ in _NAME_TAGS and doc[start - 1].head.i <= token.i:
        start -= 1
    if start > 0 and doc[start - 1].text == "The" and doc[start - 1].dep_ == "det":
        start -= 1
    return doc[start : token.i + 1]


def _ner_candidates(doc: Doc) -> list[Candidate]:
    found = []
    for ent in doc.ents:
        kind = kind_for_label(ent.label_, ent.text)
        span = _trim(ent) if kind else None
        if kind is None or span is None:
            continue
        slug = ent.ent_id_ or None
        if slug is None and is_junk_name(span.text):
            continue
        if kind == "person" and _MIXED_CASE.match(span.text):
            kind = "organization"  # "OpenAI", "xAI": not how people's names are written
        found.append(Candidate(span.start_char, span.end_char, span.text, kind, slug))
    return found


def _fallback_candidates(doc: Doc, covered: set[int]) -> list[Candidate]:
    """Names the small statistical NER misses: mixed-case names ("xAI"), proper-noun subjects of
    reporting verbs ("Elon Musk testified"), and the X of "according to X"."""
    found = []
    for token in doc:
        if token.i in covered or token.tag_ not in _NAME_TAGS:
            continue
        span: Span | None = None
        kind = "organization"
        if token.dep_ == "nsubj" and token.head.text.lower() in _REPORTING_SUBJECT_VERBS:
            span = propn_chain(token)
            if looks_like_person_name(span.text) or len(span) == 1:
                kind = "person"
        elif token.dep_ == "pobj" and _according_to(token):
            span = propn_chain(token)
            kind = "person" if looks_like_person_name(span.text) else "organization"
        elif _MIXED_CASE.match(token.text):
            span = token.doc[token.i : token.i + 1]
        if span is None or any(t.i in covered for t in span) or is_junk_name(span.text):
            continue
        if len(span) == 1 and token.is_sent_start and kind == "person":
            continue  # a capitalised first word is not evidence of a name
        found.append(Candidate(span.start_char, span.end_char, span.text, kind))
        covered.update(t.i for t in span)
    return found


def _according_to(token: Token) -> bool:
    prep = token.head
    return prep.text.lower() == "to" and prep.head.text.lower() == "according"


def _link(candidates: list[Candidate], index: KnownIndex) -> None:
    for cand in candidates:
        if cand.slug is None:
            entity = index.resolve(cand.text)
            if entity is not None:
                cand.slug, cand.kind = entity.slug, entity.kind
        cand.key = f"slug:{cand.slug}" if cand.slug else f"name:{name_key(cand.text)}"


def _short_forms(candidates: list[Candidate]) -> None:
    """Point single-word mentions at the one multi-word person or name in the document that
    ends with (or equals, minus suffixes) that word."""
    by_last: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for cand in candidates:
        words = cand.text.split()
        if len(words) > 1 and cand.kind == "person":
            by_last.setdefault(name_key(words[-1]), set()).add(cand.key)
            kinds[cand.key] = cand.kind
    for cand in candidates:
        if len(cand.text.split()) == 1:
            keys = by_last.get(name_key(cand.text), set())
            if len(keys) == 1:
                cand.key = next(iter(keys))
                cand.kind = kinds[cand.key]


def _propagate(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Find further occurrences of the names already found (the NER misses repeats)."""
    covered = [(c.start, c.end) for c in candidates]
    forms: dict[str, Candidate] = {}
    for cand in candidates:
        forms.setdefault(cand.text, cand)
        words = cand.text.split()
        if cand.kind == "person" and len(words) > 1 and words[-1][:1].isupper():
            forms.setdefault(words[-1], cand)
    extra = []
    for form, cand in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        for match in re.finditer(rf"(?<![\w.-]){re.escape(form)}(?![\w-])", doc.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in covered):
                continue
            span = doc.char_span(start, end)
            if span is None or span[0].tag_ not in _NAME_TAGS | {"NN", "JJ", "DT"}:
                continue
            extra.append(Candidate(start, end, form, cand.kind, cand.slug, cand.key))
            covered.append((start, end))
    return extra


def find_entities(doc: Doc, index: KnownIndex) -> list[FoundEntity]:
    candidates = _ner_candidates(doc)
    covered = {t.i for c in candidates for t in (doc.char_span(c.start, c.end) or [])}
    candidates += _fallback_candidates(doc, covered)
    _link(candidates, index)
    _short_forms(candidates)
    candidates += _propagate(doc, candidates)
    return _group(candidates, index)


def _group(candidates: list[Candidate], index: KnownIndex) -> list[FoundEntity]:
    groups: dict[str, list[Candidate]] = {}
    for cand in sorted(candidates, key=lambda c: c.start):
        groups.setdefault(cand.key, []).append(cand)
    entities = []
    for members in groups.values():
        slug = next((c.slug for c in members if c.slug), None)
        known = index.by_slug.get(slug) if slug else None
        if known is not None:
            name, kind = known.name, known.kind
        else:
            name = max(members, key=lambda c: (len(c.text.split()), len(c.text))).text
            kind = Counter(c.kind for c in members).most_common(1)[0][0]
        mentions = [MentionSpan(c.text, c.start, c.end) for c in members]
        entities.append(FoundEntity(name=name, kind=kind, mentions=mentions, slug=slug))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def entity_at(entities: Sequence[FoundEntity], start: int, end: int) -> FoundEntity | None:
    """The entity with a mention overlapping [start, end), if any."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return entity
    return None
