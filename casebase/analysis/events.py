"""Dated statements: each date phrase in a sentence yields a candidate event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from casebase.analysis.dates import DateMatch, parse_absolute, parse_phrase
from casebase.analysis.spans import sentence_bounds
from casebase.analysis.types import FoundEntity, FoundEvent

_DATE_LABELS = {"DATE", "TIME"}
_FUTURE_MARKERS = {"will", "'ll", "shall", "scheduled", "expected", "plans", "set", "slated"}


def sentence_tense(sent: Span) -> str:
    """ "future", "past" or "present", from the sentence's auxiliaries and root verb."""
    lowered = {t.text.lower() for t in sent}
    if lowered & _FUTURE_MARKERS or ({"going", "to"} <= lowered and "is" in lowered):
        return "future"
    if sent.root.tag_ in {"VBD", "VBN"} or any(t.tag_ == "VBD" for t in sent):
        return "past"
    return "present"


def _date_matches(doc: Doc, published: dt.date | None) -> list[DateMatch]:
    """Dates in model-tagged date phrases, plus full dates the model missed."""
    found: list[DateMatch] = []
    for ent in doc.ents:
        if ent.label_ not in _DATE_LABELS:
            continue
        tense = sentence_tense(ent.sent)
        for m in parse_phrase(ent.text, published=published, tense=tense):
            found.append(DateMatch(ent.start_char + m.start, ent.start_char + m.end, m.date,
                                   m.relative))  # fmt: skip
    for m in parse_absolute(doc.text):
        if not any(d.start < m.end and m.start < d.end for d in found):
            found.append(m)
    return sorted(found, key=lambda d: d.start)


def find_events(
    doc: Doc,
    entities: Sequence[FoundEntity],
    *,
    published: dt.date | None,
    exclude: Sequence[tuple[int, int]] = (),
) -> list[FoundEvent]:
    """One event per date phrase, spanning its sentence; phrases inside citations are skipped
    (reporter pages and parenthetical years are not events)."""
    events = []
    seen: set[tuple[int, str | None]] = set()
    for match in _date_matches(doc, published):
        if any(start <= match.start < end for start, end in exclude):
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        start, end, sentence = sentence_bounds(sent)
        iso = match.date.iso() if match.date else None
        if (start, iso) in seen and iso is not None:
            continue
        seen.add((start, iso))
        events.append(
            FoundEvent(
                date=iso,
                precision=match.date.precision.value if match.date else None,
                anchor=doc.text[match.start : match.end],
                start=start,
                end=end,
                sentence=sentence,
                entities=_names_in(entities, start, end),
            )
        )
    return events


def _names_in(entities: Sequence[FoundEntity], start: int, end: int) -> list[str]:
    return [e.name for e in entities if any(start <= m.start < end for m in e.mentions)]
