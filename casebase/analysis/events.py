"""Dated statements: each date phrase in a sentence yields a candidate event."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from casebase.analysis.dates import (
    DateMatch,
    Published,
    YearFixer,
    parse_absolute,
    parse_phrase,
    parse_weekday_dates,
)
from casebase.analysis.spans import sent_of, sentence_bounds, text_of
from casebase.analysis.types import FoundEntity, FoundEvent

_DATE_LABELS = {"DATE", "TIME"}
#: Words before a date phrase that tell a month name is a date ("in August", "since May").
_LEADS = {"in", "on", "since", "by", "until", "through", "during", "from", "early", "late", "mid",
          "last", "this", "next", "of", "for", "before", "after"}  # fmt: skip
_LAW_YEAR = re.compile(r"\b(?:Act|Code|Amendments?) of\s*$")
_FUTURE_MARKERS = {"will", "'ll", "shall", "scheduled", "expected", "plans", "set", "slated"}


def sentence_tense(sent: Span) -> str:
    """ "future", "past" or "present", from the sentence's auxiliaries and root verb."""
    lowered = {t.text.lower() for t in sent}
    if lowered & _FUTURE_MARKERS or ({"going", "to"} <= lowered and "is" in lowered):
        return "future"
    if sent.root.tag_ in {"VBD", "VBN"} or any(t.tag_ == "VBD" for t in sent):
        return "past"
    return "present"


#: Verbs that put a date ahead when they are passive or predicative ("is set to", "was
#: scheduled for", "a trial slated for June") or lead to it through "for" ("set a hearing for
#: Friday"); in the active past ("the judge on Tuesday set a hearing") they are past.
_SCHEDULING = {"scheduled", "slated", "set", "expected", "due", "planned", "poised"}
#: Verbs whose infinitive complement lies ahead: "plans to appeal Monday", "is set to testify".
_INTENT = _SCHEDULING | {"plans", "plan", "planning", "intends", "intend", "aims", "hopes",
                         "wants", "expects", "going"}  # fmt: skip
#: Present-tense verbs that, with a date, announce it: "the trial begins Monday".
_STARTING = {"begins", "begin", "starts", "start", "opens", "open", "resumes", "resume",
             "ends", "end", "closes", "close", "concludes", "conclude", "expires",
             "expire"}  # fmt: skip
_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def date_tense(token: Token) -> str:
    """The tense of the clause a date phrase belongs to, read from the verb that governs it:
    "struck a deal in August" is past even when the sentence goes on about "a trial scheduled
    for December", and "on Tuesday set a new hearing date" is past though "set" often
    schedules."""
    path: list[Token] = []
    verb: Token | None = token
    for _ in range(5):
        if verb is None or verb.pos_ in {"VERB", "AUX"}:
            break
        path.append(verb)
        verb = verb.head if verb.head is not verb else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return sentence_tense(sent_of(token))
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _FUTURE_AUX or {"going", "to"} <= auxiliaries | {verb.lower_}:
        return "future"
    if _scheduled(verb, auxiliaries, path):
        return "future"
    if "to" in auxiliaries and verb.dep_ == "xcomp" and verb.head.lower_ in _INTENT:
        return "future"  # "plans to appeal Monday", "is set to testify Thursday"
    if verb.tag_ in {"VBZ", "VBP"} and verb.lower_ in _STARTING:
        return "future"
    if verb.tag_ in {"VBD", "VBN"} or auxiliaries & {"had", "was", "were", "did"}:
        return "past"
    return "present"


def _scheduled(verb: Token, auxiliaries: set[str], path: list[Token]) -> bool:
    """A scheduling verb that puts its date ahead (see ``_SCHEDULING``), or "due"/"slated" on
    the way to the verb ("is due Friday"). In the active voice only the dates of what is
    scheduled are ahead ("set a hearing for Friday", "scheduled an April 4 hearing"), not
    the day the scheduling was done ("on Tuesday scheduled")."""
    words = {t.lower_ for t in path}
    if words & {"due", "scheduled", "slated"}:
        return True
    if verb.lower_ not in _SCHEDULING:
        return False
    if auxiliaries & _BE or (verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}):
        return True  # passive or predicative: "is set for", "a trial scheduled for June"
    attached_to_verb = path[-1].dep_ in {"prep", "npadvmod", "advmod", "tmod"} if path else False
    return "for" in words or not attached_to_verb


def _date_matches(doc: Doc, published: Published) -> list[DateMatch]:
    """Full dates anywhere (the model often splits "December 27, 2023"), a weekday written
    with a month and day ("Thursday (June 27)"), then the dates in phrases the model tagged,
    read with the word before them ("in August"). The last full date before a date written
    without a year fixes its year (``YearFixer``)."""
    text = text_of(doc)
    absolute = parse_absolute(text)
    fixer = YearFixer(absolute, published)
    found: list[DateMatch] = [m for m in absolute if not _in_law_name(doc, m)]
    for m in parse_weekday_dates(
        text,
        published=published,
        tense_at=lambda start: _tense_at(doc, start),
        years_at=fixer.at,
    ):
        if not any(d.start < m.end and m.start < d.end for d in found):
            found.append(m)
    for ent in doc.ents:
        if ent.label_ not in _DATE_LABELS:
            continue
        start = (
            ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ in _LEADS else ent.start
        )
        phrase = doc[start : ent.end]
        tense = date_tense(ent.root)
        years = fixer.at(phrase.start_char)
        for m in parse_phrase(phrase.text, published=published, tense=tense, years=years):
            match = replace(m, start=phrase.start_char + m.start, end=phrase.start_char + m.end)
            overlapping = any(d.start < match.end and match.start < d.end for d in found)
            if not overlapping and not _in_law_name(doc, match):
                found.append(match)
    return _drop_weekdays_of_dates(text, sorted(found, key=lambda d: d.start))


def _tense_at(doc: Doc, start: int) -> str:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return date_tense(span.root) if span is not None else "past"


_WEEKDAY_ONLY = re.compile(
    r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", re.IGNORECASE
)


def _drop_weekdays_of_dates(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """ "Thursday, May 4": the weekday names the day the date gives, it is no second date."""
    kept = []
    for i, match in enumerate(found):
        if _WEEKDAY_ONLY.match(text[match.start : match.end]):
            neighbours = found[max(0, i - 1) : i] + found[i + 1 : i + 2]
            if any(_adjacent(text, match, other) for other in neighbours):
                continue
        kept.append(match)
    return kept


def _adjacent(text: str, a: DateMatch, b: DateMatch) -> bool:
    gap = text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]
    return len(gap) <= 3 and not gap.strip(" ,")


def _in_law_name(doc: Doc, match: DateMatch) -> bool:
    """The year in "the Computer Fraud and Abuse Act of 1986" names a law, not an event."""
    return bool(_LAW_YEAR.search(text_of(doc)[max(0, match.start - 12) : match.start]))


def find_events(
    doc: Doc,
    entities: Sequence[FoundEntity],
    *,
    published: Published,
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
        sent = sent_of(span[0])
        if _is_byline(text_of(doc), match) or not any(t.pos_ in {"VERB", "AUX"} for t in sent):
            continue  # "Bloomberg Law (September 25, 2025) –", "News · 2026-04-30 · major"
        start, end, sentence = sentence_bounds(sent)
        iso = match.date.iso() if match.date else None
        if (start, iso) in seen and iso is not None:
            continue
        seen.add((start, iso))
        events.append(
            FoundEvent(
                date=iso,
                precision=match.date.precision.value if match.date else None,
                anchor=text_of(doc)[match.start : match.end],
                start=start,
                end=end,
                sentence=sentence,
                entities=_names_in(entities, start, end),
                resolved_by=match.resolved_by,
            )
        )
    return events


_BYLINE_MARKS = ("(", "·", "|", "•")
#: Bylines and datelines sit at the top of a text.
BYLINE_CHARS = 300


_ECF_FILED = re.compile(r"\bFiled\s*$")
_ECF_PAGE = re.compile(r"^\s*Page\s+\d+\s+of\s+\d+")
_CAPS_HEADING = re.compile(r"\b[A-Z]{3,}(?:\s+[A-Z]{3,})+\s*$")


def _is_byline(text: str, match: DateMatch) -> bool:
    """A date that dates the text rather than an event: set off by brackets or separators at
    the top, an ECF running header ("Filed 09/25/23 Page 1 of 34"), or the date line under a
    heading ("MEMORANDUM OPINION September 25, 2023")."""
    before = text[max(0, match.start - 40) : match.start]
    if _ECF_FILED.search(before) and _ECF_PAGE.match(text[match.end : match.end + 30]):
        return True
    if _CAPS_HEADING.search(before):
        return True
    if match.start > BYLINE_CHARS:
        return False
    before = text[max(0, match.start - 3) : match.start].strip()
    after = text[match.end : match.end + 3].strip()
    return before.endswith(_BYLINE_MARKS) and after.startswith((")", "·", "|", "•", "–", "—"))


def _names_in(entities: Sequence[FoundEntity], start: int, end: int) -> list[str]:
    return [e.name for e in entities if any(start <= m.start < end for m in e.mentions)]
