"""The public analysis API the knowledge layer codes against.

``analyse`` runs one text; ``analyse_many`` batches texts through ``nlp.pipe``. Both take the
known entities (from ``casebase.pipeline.known_entities.load_known_entities``) and give back an
``Analysis`` (casebase.analysis.types). Pure Python: no ORM, no network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from django.conf import settings
from spacy.language import Language
from spacy.tokens import Doc

from casebase.analysis.boundaries import COMPONENT as LINE_BOUNDARIES
from casebase.analysis.capitals import recase, restore_case
from casebase.analysis.chunks import parse_many
from casebase.analysis.citations import citation_ranges, find_citations
from casebase.analysis.claims import find_claims
from casebase.analysis.declarations import declaration_claims
from casebase.analysis.doc_bytes import doc_from_bytes
from casebase.analysis.entities import find_entities
from casebase.analysis.events import find_events
from casebase.analysis.furniture import Furniture
from casebase.analysis.hyphens import HyphenMap, join_hyphens, restore
from casebase.analysis.line_numbers import blank_line_numbers
from casebase.analysis.linking import known_index
from casebase.analysis.nlp import DEFAULT_MODEL, STOCK_NER, load_nlp
from casebase.analysis.ruler import ensure_ruler
from casebase.analysis.spans import any_between, text_of
from casebase.analysis.transcript import (
    bench_rulings,
    is_sworn,
    is_transcript,
    label_mentions,
    label_surnames,
    speaker_turns,
    testimony_claims,
    within_turns,
)
from casebase.analysis.types import Analysis, FoundClaim, KnownEntity
from casebase.core.partial_dates import PartialDate

#: Bump whenever a change to the analysis can change its output (documents store it).
PIPELINE_VERSION = "analysis-1.26"
#: A claim this much of whose sentence is page furniture (a signature block) is no claim; a
#: sentence a running head interrupts stays one.
FURNITURE_CLAIM_SHARE = 0.5

#: Document kinds written in a court's own voice: their "we" and "I" are the court.
COURT_VOICE_KINDS = {"opinion", "order"}
#: A court's decisions tell their facts and procedural history in order and write a year
#: once, so a month or day without one goes on in the year of the story
#: (casebase.analysis.dates.StoryYears). Not the parties' papers: a letter brief of March 2021
#: recounting a January 1, 2018 cut-off writes "the letter of March 2" for 2021.
STORY_KINDS = {"opinion", "order"}

Published = dt.date | PartialDate | None
Spans = Sequence[tuple[int, int]]
#: ``(text, published, kind)``, or with the text's page furniture (``ExtractedText.furniture``).
Item = tuple[str, Published, str | None] | tuple[str, Published, str | None, Spans]


def get_nlp(
    model: str | None = None, known: Sequence[KnownEntity] = (), ner: str | None = None
) -> Language:
    """The process's pipeline for ``model`` (its NER from ``ner``, default the configured one:
    ``casebase.analysis.nlp.load_nlp``), with line boundaries and the known-entity ruler."""
    nlp = load_nlp(model or _configured_model(), ner=ner or configured_ner())
    if LINE_BOUNDARIES not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(LINE_BOUNDARIES, before=before)
    ensure_ruler(nlp, known)
    return nlp


def _configured_model() -> str:
    """``settings.CASEBASE_SPACY_MODEL`` when Django is configured, else the default."""
    if settings.configured:
        return str(getattr(settings, "CASEBASE_SPACY_MODEL", DEFAULT_MODEL))
    return DEFAULT_MODEL


def configured_ner() -> str:
    """``settings.CASEBASE_NER`` when Django is configured, else the stock NER."""
    if settings.configured:
        return str(getattr(settings, "CASEBASE_NER", STOCK_NER))
    return STOCK_NER


def analyse(
    text: str,
    *,
    published: dt.date | PartialDate | None,
    known: Sequence[KnownEntity],
    kind: str | None = None,
    model: str | None = None,
    furniture: Spans = (),
) -> Analysis:
    """Analyse one text. ``kind`` is a DocumentKind value. ``published`` anchors relative
    dates: a date, or a ``PartialDate`` when only the month or year is known (then "last year"
    resolves but "Thursday" stays unresolved), or None (nothing relative resolves).
    ``furniture``: the text's page furniture (``ExtractedText.furniture``), read for nothing."""
    item: Item = (text, published, kind, furniture)
    return next(analyse_many([item], known=known, batch_size=1, model=model))


def analyse_many(
    items: Iterable[Item],
    *,
    known: Sequence[KnownEntity],
    batch_size: int = 32,
    model: str | None = None,
    ner: str | None = None,
) -> Iterator[Analysis]:
    """Analyse ``(text, published, kind[, furniture])`` items in order, batching through
    ``nlp.pipe``; texts of any length (long ones are parsed in pieces: casebase.analysis.chunks).

    spaCy reads each text with its line-end hyphenations joined (casebase.analysis.hyphens);
    every span of the result points into the text as given."""
    for doc, seen in parse(items, known=known, batch_size=batch_size, model=model, ner=ner):
        yield analyse_seen(doc, seen, known)


class Seen(NamedTuple):
    """One item as spaCy read it: ``written`` is the text with line-end hyphenations joined
    and line numbers blank (``seen_text``), before its all-capitals passages were re-cased;
    ``mapping`` leads back to ``text``'s offsets."""

    text: str
    written: str
    mapping: HyphenMap
    published: Published
    kind: str | None
    furniture: Spans


def parse(
    items: Iterable[Item],
    *,
    known: Sequence[KnownEntity],
    batch_size: int = 32,
    model: str | None = None,
    ner: str | None = None,
) -> Iterator[tuple[Doc, Seen]]:
    """The spaCy pass alone: each item's parsed ``Doc`` (of the text spaCy read) in order.
    ``analyse_seen`` does the rest, here or, after ``casebase.analysis.doc_bytes``, in another
    process (``analyse_parsed``)."""
    nlp = get_nlp(model, known, ner)
    pairs = (_seen(item, known) for item in items)
    yield from parse_many(nlp, pairs, batch_size=batch_size)


def analyse_seen(doc: Doc, seen: Seen, known: Sequence[KnownEntity]) -> Analysis:
    """Everything after the spaCy pass, with the result's spans in ``seen.text``."""
    analysis = analyse_doc(
        doc,
        published=seen.published,
        known=known,
        kind=seen.kind,
        furniture=seen.furniture,
        written=seen.written,
    )
    restore_case(analysis, text_of(doc), seen.written)
    return restore(analysis, seen.mapping, seen.written, seen.text)


def analyse_parsed(doc: Doc, item: Item, known: Sequence[KnownEntity]) -> Analysis:
    """``analyse_seen`` for a ``doc`` that ``parse`` made from ``item`` elsewhere (another
    process: the text spaCy read is rebuilt from ``item``, which is cheap and deterministic)."""
    text, published, kind, *rest = item
    written, mapping = seen_text(text, kind)
    seen = Seen(text, written, mapping, published, kind, rest[0] if rest else ())
    return analyse_seen(doc, seen, known)


def analyse_bytes(data: bytes, item: Item, known: Sequence[KnownEntity]) -> Analysis:
    """``analyse_parsed`` on a ``Doc`` of ``parse`` sent as ``doc_bytes.doc_to_bytes``, read
    with the configured model's vocabulary (loaded once per process)."""
    vocab = load_nlp(_configured_model(), ner=configured_ner()).vocab
    return analyse_parsed(doc_from_bytes(data, vocab), item, known)


def _with_declaration(claims: list[FoundClaim], sworn: list[FoundClaim]) -> list[FoundClaim]:
    """A declaration's testimony claims (casebase.analysis.declarations) added to the
    sentence claims, except where a sentence claim of the declarant already covers it."""
    if not sworn:
        return claims
    added = [
        s
        for s in sworn
        if not any(c.speaker == s.speaker and c.start < s.end and s.start < c.end for c in claims)
    ]
    return sorted(claims + added, key=lambda c: c.start)


def seen_text(text: str, kind: str | None) -> tuple[str, HyphenMap]:
    """The text spaCy reads for ``text`` before its all-capitals passages are re-cased (same
    length: line-end hyphenations joined, pleading line numbers blank) and the map back to
    ``text``'s offsets."""
    seen, mapping = join_hyphens(text)
    if not is_transcript(text, kind):  # a transcript's line numbers are read by its turns
        blank = blank_line_numbers(seen)
        if blank is not seen:
            seen, mapping.reshown = blank, True
    return seen, mapping


def _seen(item: Item, known: Sequence[KnownEntity]) -> tuple[str, Seen]:
    """What spaCy reads: ``seen_text`` with its all-capitals passages re-cased
    (casebase.analysis.capitals), at the stored text's offsets; and the item as ``Seen``."""
    text, published, kind, *rest = item
    furniture = rest[0] if rest else ()
    written, mapping = seen_text(text, kind)
    recased = recase(written, known=known, furniture=furniture)
    return recased, Seen(text, written, mapping, published, kind, furniture)


def analyse_doc(
    doc: Doc,
    *,
    published: dt.date | PartialDate | None,
    known: Sequence[KnownEntity],
    kind: str | None,
    furniture: Spans = (),
    written: str | None = None,
) -> Analysis:
    """Everything after the spaCy pass, on an already parsed ``doc``; nothing is read from
    the ``furniture`` ranges. ``written``: the text before its all-capitals passages were
    re-cased for spaCy (casebase.analysis.capitals); citations and a transcript's turns are
    read from it."""
    index = known_index(known)
    text = text_of(doc) if written is None else written
    furnished = Furniture(furniture)
    citations = find_citations(text, furnished.spans)
    cited = citation_ranges(text, citations)
    transcript = is_transcript(text, kind)
    entities = find_entities(
        doc,  # spaCy's reading: the re-cased text
        index,
        exclude=[c for c, k in zip(cited, citations, strict=True) if k.kind == "case"],
        furniture=furnished,
        labelled=label_surnames(text) if transcript else frozenset(),
        transcript=transcript,
    )
    events = find_events(
        doc,
        entities,
        published=published,
        exclude=[*cited, *furnished.spans],
        transcript=transcript,
        court=kind in STORY_KINDS,
    )
    claims = [
        c
        for c in find_claims(
            doc,
            entities,
            court_voice=kind in COURT_VOICE_KINDS,
            filer_voice=not transcript and kind not in COURT_VOICE_KINDS,
        )
        if furnished.share(c.start, c.end) < FURNITURE_CLAIM_SHARE
    ]
    turns = speaker_turns(text, entities, index) if transcript else []
    if turns:
        label_mentions(text, entities)
        claims_in_text = claims
        claims = testimony_claims(turns, sworn=is_sworn(text, turns))
        kept = within_turns(claims_in_text, turns)
        claims += kept + [
            r
            for r in bench_rulings(turns)
            if not any(c.start < r.end and r.start < c.end for c in kept)
        ]
        claims.sort(key=lambda c: c.start)
    else:
        claims = _with_declaration(claims, declaration_claims(doc, entities))
    mention_starts = [(e.name, sorted(m.start for m in e.mentions)) for e in entities]
    for claim in claims:
        claim.about = [
            name
            for name, starts in mention_starts
            if name != claim.speaker and any_between(starts, claim.start, claim.end)
        ]
    return Analysis(
        entities=entities, events=events, claims=claims, citations=citations, turns=turns
    )
