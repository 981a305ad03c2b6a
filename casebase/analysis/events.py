"""Dated statements: each date phrase in a sentence yields a candidate event."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from casebase.analysis.dates import (
    COUNT_WORDS,
    MONTHS,
    SIMPLE_OFFSETS,
    WEEKDAYS,
    DateMatch,
    Published,
    YearFixer,
    anaphoric_offset,
    anaphoric_period,
    month_and_day,
    month_listed,
    parse_absolute,
    parse_phrase,
    parse_weekday_dates,
    part_of_named,
    period_after,
)
from casebase.analysis.spans import any_between, sent_of, sentence_bounds, sentences, text_of
from casebase.analysis.transcript import opens_turn
from casebase.analysis.types import FoundEntity, FoundEvent
from casebase.core.partial_dates import PartialDate

_DATE_LABELS = {"DATE", "TIME"}
#: Words before a date phrase that tell a month name is a date ("in August", "since May").
_LEADS = {"in", "on", "since", "by", "until", "through", "during", "from", "early", "late", "mid",
          "last", "this", "next", "of", "for", "before", "after"}  # fmt: skip
#: Words before a weekday that make it a kind of day: "fell on a Sunday"; not when the
#: weekday modifies a noun they belong to ("in a Monday motion").
_KIND_OF_DAY = {"a", "an", "every", "each"}
#: What after an undated phrase ("the fall", "the summer") makes it part of a dated one: "of
#: 2024", "of next year", "2015".
_OF_DATE = re.compile(
    r"[ \t\n]*(?:(?i:of)[ \t\n]+)?(?:(?:1[89]|20)\d\d\b|(?i:next|last|this)[ \t\n]+(?i:year)\b)"
)
_MODIFIERS = {"compound", "nmod", "amod"}
_SIDES = {"before", "after"}
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
    if _ahead_in_present(verb, auxiliaries, path):
        return "future"
    if verb.tag_ == "VBN" and auxiliaries & _PRESENT_BE and not auxiliaries & _PAST_OR_PERFECT:
        return "present"  # a present passive: "both the April 9 and April 14-15 hearing dates
        # are stricken" (N.D. Ill. minute entry, 1:20-cv-00658, April 5, 2020)
    if verb.tag_ in {"VBD", "VBN"} or auxiliaries & {"had", "was", "were", "did"}:
        return "past"
    return "present"


_PRESENT_BE = {"is", "are", "am"}
_PAST_OR_PERFECT = {"was", "were", "had", "has", "have", "been", "did"}


#: Prepositions that make their date a deadline: "have until Friday to respond".
_DEADLINE_WORDS = {"until", "by", "till", "through"}


def _ahead_in_present(verb: Token, auxiliaries: set[str], path: list[Token]) -> bool:
    """A present clause whose date lies ahead, as news writes a coming day: the date as what
    "is" names ("The vote is Thursday", "The deadline to object is Friday"), a deadline
    ("Lawyers have until Friday to respond"), the present progressive ("is meeting Tuesday")
    and "takes effect Sunday". Past forms ("was Thursday", "had until Friday") stay past."""
    if auxiliaries & _PAST_OR_PERFECT or verb.tag_ in {"VBD", "VBN"}:
        return False
    if verb.tag_ not in {"VBZ", "VBP", "VBG"}:
        return False
    if verb.tag_ == "VBG":
        return bool(auxiliaries & _PRESENT_BE)  # "is meeting Tuesday"
    if verb.lower_ in _PRESENT_BE and len(path) == 1 and path[0].dep_ in {"attr", "npadvmod"}:
        return True  # "The vote is Thursday"
    if any(t.lower_ in _DEADLINE_WORDS and t.dep_ == "prep" for t in path[1:]):
        return True  # "have until Friday"
    return verb.lower_ in {"takes", "take"} and any(c.lower_ == "effect" for c in verb.children)


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


def _date_matches(
    doc: Doc,
    published: Published,
    exclude: Sequence[tuple[int, int]] = (),
    *,
    transcript: bool = False,
    court: bool = False,
) -> list[DateMatch]:
    """Full dates anywhere (the model often splits "December 27, 2023"), a weekday written
    with a month and day ("Thursday (June 27)"), then the dates in phrases the model tagged,
    read with the word before them ("in August"). The last full date before a date written
    without a year fixes its year (``YearFixer``); the dates that date the document itself
    (its publication day, running headers, stamps) or sit in citations and page furniture
    (``exclude``) fix none; in a ``transcript`` only a full date said before it does
    (``YearFixer``'s ``ranging``); in a ``court`` decision (an opinion or order) the
    story's year goes on (``YearFixer``'s ``story``)."""
    text = text_of(doc)
    absolute = parse_absolute(text)
    narrative = [
        m for m in absolute if _narrates(text, m, published, exclude) and not _in_quotation(text, m)
    ]
    if transcript:  # the hearing's own date on the cover is no date said in it
        narrative = [m for m in narrative if m.date != _publication_day(published)]
    fixer = YearFixer(
        [m for m in absolute if not _in_header(text, m)],
        published,
        narrative,
        ranging=transcript,
        story=court and not transcript,
    )
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
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        kind_of_day = before in _KIND_OF_DAY and ent.root.dep_ not in _MODIFIERS
        start = ent.start - 1 if before in _LEADS or kind_of_day else ent.start
        start = _count_before_line_number(doc, ent.start, start)
        end = ent.end
        if start == ent.start and len(ent) == 1:
            start, end = _month_list(doc, start, end)
        if ent[-1].lower_ == "day" and end < len(doc) and doc[end].lower_ in _SIDES:
            end += 1  # the model tags "the day" of "the day before"
        phrase = doc[start:end]
        tense = date_tense(ent.root)
        years = fixer.at(phrase.start_char)
        for m in parse_phrase(phrase.text, published=published, tense=tense, years=years):
            match = replace(m, start=phrase.start_char + m.start, end=phrase.start_char + m.end)
            overlapping = any(d.start < match.end and match.start < d.end for d in found)
            if match.date is None and _OF_DATE.match(text, match.end):
                continue  # "the fall of" + "2024", "THE FALL OF NEXT YEAR": the year dates it
            if not overlapping and not _in_law_name(doc, match) and not part_of_named(text, match):
                found.append(match)
    for match in _untagged_dates(doc, published):
        if not any(d.start < match.end and match.start < d.end for d in found):
            found.append(match)
    for token in _premodifying_years(doc):
        match = DateMatch(
            token.idx, token.idx + len(token.text), PartialDate(int(token.text)), False,
            resolved_by="text",
        )  # fmt: skip
        if not any(d.start < match.end and match.start < d.end for d in found):
            found.append(match)
    found = _drop_weekdays_of_dates(text, sorted(found, key=lambda d: d.start))
    found = _days_named_today(text, found, published)
    found = _deadline_weekdays(doc, _days_of_speech(doc, found))
    return _days_from_context(
        text, found, published, exclude, tense_at=lambda start: _tense_at(doc, start)
    )


#: "today" right before a date that names it: "ran through today, December 8th?", over a
#: transcript's line break, its line number and a reporter's time stamp line ("10:29AM").
_TODAY_BEFORE = re.compile(
    r"\b(?i:today|tonight)[ \t]*,[ \t]*"
    r"(?:\n[ \t]*(?:\d{1,2}:\d\d[ \t]*(?i:[ap]\.?m\.?)?[ \t]*\n[ \t]*)?(?:\d{1,2}[ \t]+)?)?$"
)


def _days_named_today(text: str, found: list[DateMatch], published: Published) -> list[DateMatch]:
    """A month and day said in apposition to "today" ("through today, December 8th") is the day
    of publication when it names that day; the year is the publication's (a transcript's
    cover date gives no year to other year-less dates)."""
    today = _publication_day(published)
    if today is None or "oday" not in text.lower():
        return found
    day = today.start
    out = []
    for match in found:
        named = month_and_day(text[match.start : match.end]) if match.relative else None
        before = text[max(0, match.start - 30) : match.start]
        if named == (day.month, day.day) and _TODAY_BEFORE.search(before):
            match = replace(
                match, date=PartialDate.from_date(day, "day"), resolved_by="publication"
            )
        out.append(match)
    return out


def _month_list(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A lone "May" the model tagged in a list of months ("March, April, and May", "May and
    June"): the phrase takes in its neighbour in the list, which tells the month from the
    verb (``dates.month_listed``)."""
    token = doc[start]
    if token.text != "May":
        return start, end
    listed = month_listed(text_of(doc), token.idx, token.idx + len(token.text))
    span = doc.char_span(*listed, alignment_mode="expand") if listed is not None else None
    return (span.start, span.end) if span is not None else (start, end)


def _count_before_line_number(doc: Doc, first: int, start: int) -> int:
    """A date phrase the model begins at a transcript's line number ("about a / 8 week ago"):
    the number is the margin's, and the count is the word before the line break."""
    token = doc[first]
    if not token.like_num or first < 2 or not doc[first - 1].is_space:
        return start
    if "\n" not in doc[first - 1].text or doc[first - 2].lower_ not in COUNT_WORDS:
        return start
    return first - 2


#: A year written with two digits after an apostrophe, after a preposition: "ran afoul of Bush
#: in ’91" (the model tags "91" a number).
_APOSTROPHE_YEAR = re.compile(
    r"\b(?i:in|since|of|from|until|till|by|before|after|through|and|to|between|circa)"
    r"[ \t]+(?P<year>['’](?P<yy>\d\d))(?![\w'’%])"
)
#: Words that name a day only by its distance from today: one the model may leave untagged
#: ("Today, chaos theory is part of ..." after a heading).
_DAY_WORDS = re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
#: The end of a phrase counted back from publication: "half a century ago" (the model tags
#: "A little over half" a number), "moments ago" (untagged in speech).
_AGO_WORD = re.compile(
    r"\b(?i:moments|days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
    r"(?:[ \t]+and[ \t]+a[ \t]+half)?[ \t]+(?i:ago)\b"
)
#: A day counted on from the narrative's last one, which the model may leave untagged ("by
#: 1:00 p.m. / the following day": Calvary Chapel v. Mills, 1st Cir. 2020); resolved or
#: dropped by ``_days_from_context``.
_NEXT_DAY = re.compile(
    r"\b(?i:the[ \t\n]+(?:next|following)[ \t\n]+day|(?:a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2})[ \t\n]+days?[ \t\n]+(?:later|earlier))\b"
)
#: How far before "ago" its count may start ("a year and a half ago", "a little over half a").
AGO_WINDOW = 40
#: Entities whose names hold such a word ("USA Today", the "Today" show).
_NAMED = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON", "NORP", "EVENT", "GPE"}


def _untagged_dates(doc: Doc, published: Published) -> list[DateMatch]:
    """Date words the model left untagged: an apostrophe year after a preposition ("in ’91":
    1991; Washington Post, 18 March 2015) and "today", "yesterday", "tomorrow" ("Today,
    chaos theory ..."; Quanta Magazine), unless the word is part of a name ("USA Today") or a
    capitalised word inside a sentence (a title)."""
    text = text_of(doc)
    out = []
    for m in _APOSTROPHE_YEAR.finditer(text):
        year = int(m["yy"]) + (2000 if int(m["yy"]) <= 50 else 1900)
        out.append(DateMatch(m.start("year"), m.end("year"), PartialDate(year), False,
                             resolved_by="text"))  # fmt: skip
    for m in _AGO_WORD.finditer(text):
        start = max(0, m.start() - AGO_WINDOW)
        window = text[start : m.end()]
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        tense = date_tense(span.root) if span is not None else "past"
        for found in parse_phrase(window, published=published, tense=tense):
            if start + found.end == m.end():
                out.append(replace(found, start=start + found.start, end=m.end()))
    for m in _NEXT_DAY.finditer(text):
        out.append(DateMatch(m.start(), m.end(), None, True, "day"))
    for m in _DAY_WORDS.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if token.ent_type_ in _NAMED or (token.text[0].isupper() and not token.is_sent_start):
            continue
        for found in parse_phrase(token.text, published=published, tense=date_tense(token)):
            out.append(replace(found, start=m.start(), end=m.end()))
    return out


_YEAR_TOKEN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
#: Words that open a noun phrase a year may premodify: "a 2023 ransomware attack".
_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "this", "that"}


def _premodifying_years(doc: Doc) -> list[Token]:
    """A year the model leaves untagged (or tags a number) where it premodifies a common noun
    after a determiner: "over a 2023 ransomware attack", "A 1902 fudge recipe", "the 2019
    order". Not before a capitalised word (a name: "the 1964 Civil Rights Act") nor a plural
    (a count: "the 2000 employees")."""
    out = []
    # only the tokens that are a year, not a loop over every token (about 2 ms a document)
    for match in _YEAR_TOKEN.finditer(text_of(doc)):
        found = doc.char_span(match.start(), match.end())
        if found is None or len(found) != 1 or not 0 < found.start < len(doc) - 1:
            continue
        token = found[0]
        if token.ent_type_ == "DATE":
            continue
        before, after = doc[token.i - 1], doc[token.i + 1]
        if before.lower_ in _DETERMINERS and after.is_lower and after.tag_ in {"NN", "JJ"}:
            out.append(token)
    return out


#: How far back the date that "the next day" counts from may be stated.
ANAPHORA_CHARS = 1200


def _days_from_context(
    text: str,
    found: list[DateMatch],
    published: Published,
    exclude: Sequence[tuple[int, int]],
    *,
    tense_at: Callable[[int], str] = lambda start: "past",
) -> list[DateMatch]:
    """ "The next day", "the following day", "that day", "the day before" count from the last
    day the text stated before them ("On December 30, 2018, Employee ... slipped and fell. He
    reported the injury ... the following day": 2018-12-31), never from a stamp or a running
    header; without such a day close before them they are no event."""
    out: list[DateMatch] = []
    for match in found:
        offset = anaphoric_offset(text[match.start : match.end])
        period = anaphoric_period(text[match.start : match.end])
        if period is not None and tense_at(match.start) == "past":
            out.append(_period_from_context(text, out, match, period, published, exclude))
            continue
        if offset is None:
            out.append(match)
            continue
        stated = [
            m
            for m in out
            if m.date is not None
            and m.date.precision.value == "day"
            and match.start - ANAPHORA_CHARS <= m.start < match.start
            and (m.relative or _narrates(text, m, published, exclude))
        ]
        if stated:
            day = stated[-1].date.start + dt.timedelta(days=offset)  # type: ignore[union-attr]
            date = PartialDate.from_date(day, "day")
            out.append(replace(match, date=date, resolved_by="context"))
    return out


def _period_from_context(
    text: str,
    out: list[DateMatch],
    match: DateMatch,
    period: tuple[int, str],
    published: Published,
    exclude: Sequence[tuple[int, int]],
) -> DateMatch:
    """ "The next month", "the following year", "the previous week" in a past clause count
    from the last date the text stated before them, never from publication ("On March 4,
    2019 ... The next month": 2019-04); without one close before them they keep their reading
    from publication ("The lawsuit was filed in the previous year"), as they do in a present
    or future clause ("within the next week or two")."""
    step, unit = period
    stated = [
        m
        for m in out
        if match.start - ANAPHORA_CHARS <= m.start < match.start
        and (m.relative or _narrates(text, m, published, exclude))
        and not _aside(text, m)
    ]
    if not stated:
        return match
    if stated[-1].date is None:  # "in January" the text does not date: nor "later that month"
        return replace(match, date=None, resolved_by=None)
    date = period_after(stated[-1].date, step, unit)
    return replace(match, date=date, resolved_by="context" if date is not None else None)


#: "since" before a date: the start of a span, not the point the story has reached.
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _in_quotation(text: str, match: DateMatch) -> bool:
    """Is a date inside a quotation opened on its line? What a quotation dates is the speaker's
    time, not the story's: it fixes no other date's year ("The Palestinians signed ... in
    January, when they also accepted its jurisdiction over alleged crimes committed \"... since
    June 13, 2014.\"": not January 2014)."""
    return _quoted(text, text.rfind("\n", 0, match.start) + 1, match.start)


def _aside(text: str, match: DateMatch) -> bool:
    """Is a date outside the story's own time line, so that "later that month", "a month later"
    do not count from it: a date inside a quotation, inside an aside in parentheses ("In
    December 2022 the NRA approved a draft ... (the law came into force in June 2025). Later
    that month": December's month), or the start of a span ("since June 13, 2014")."""
    line = text.rfind("\n", 0, match.start) + 1
    before = text[line : match.start]
    return (
        _in_quotation(text, match)
        or before.count("(") > before.count(")")
        or _SINCE.search(text, 0, match.start) is not None
    )


_OPENING_QUOTES = "“‘"
_CLOSING_QUOTES = "”’"


def _quoted(text: str, start: int, at: int) -> bool:
    """Is position ``at`` inside a quotation opened after ``start`` (a sentence's start)?"""
    before = text[start:at]
    curly = sum(before.count(q) for q in "“") - sum(before.count(q) for q in "”")
    return curly > 0 or (curly == 0 and "“" not in before and before.count('"') % 2 == 1)


def _days_of_speech(doc: Doc, found: list[DateMatch]) -> list[DateMatch]:
    """ "today" in a quotation is the day it was said: when its sentence dates the saying
    ("“We are deeply disappointed in today’s decision,” ... posted on social media late
    Tuesday"), it is counted from that day, not from the publication."""
    text = text_of(doc)
    out = []
    for match in found:
        word = text[match.start : match.end].lower()
        if word in SIMPLE_OFFSETS and match.date is not None:
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            sent = sent_of(span[0]) if span is not None else None
            if sent is not None and _quoted(text, sent.start_char, match.start):
                said = {
                    other.date
                    for other in found
                    if other is not match
                    and other.date is not None
                    and other.date.precision.value == "day"
                    and sent.start_char <= other.start < sent.end_char
                    and not _quoted(text, sent.start_char, other.start)
                }
                if len(said) == 1:
                    day = next(iter(said)).start + dt.timedelta(days=SIMPLE_OFFSETS[word])
                    date = PartialDate.from_date(day, "day")
                    if date != match.date:
                        match = replace(match, date=date, resolved_by="context")
        out.append(match)
    return out


_DEADLINE_BEFORE = re.compile(r"\b(?i:until|till|by)[ \t]+$")
_BARE_WEEKDAY = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", re.IGNORECASE
)


def _would(doc: Doc, start: int) -> bool:
    """Is the verb that governs the date at ``start`` a future in the past ("would still be
    Thursday", "would begin Friday")?"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    verb: Token | None = span.root if span is not None else None
    for _ in range(5):
        if verb is None or verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head if verb.head is not verb else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return any(c.lower_ == "would" and c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _deadline_weekdays(doc: Doc, found: list[DateMatch]) -> list[DateMatch]:
    """A weekday ahead of a past day: a deadline set in a past clause ("Saturday morning,
    Chutkan gave Trump's lawyers until Monday to respond": The Messenger, 5 August 2023) or a
    future in the past ("A federal judge Tuesday said Roger Stone's sentencing hearing would
    still be Thursday": UPI, 18 February 2020). It lies after the day the sentence states,
    not before publication: the next such weekday after the one other day its sentence
    states, else unresolved (the previous Monday or Thursday would be wrong)."""
    text = text_of(doc)
    out = []
    for match in found:
        word = text[match.start : match.end]
        before = text[max(0, match.start - 12) : match.start]
        ahead_of_past = (
            _DEADLINE_BEFORE.search(before) is not None and _tense_at(doc, match.start) == "past"
        ) or _would(doc, match.start)
        if match.date is None or not _BARE_WEEKDAY.match(word) or not ahead_of_past:
            out.append(match)
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        sent = sent_of(span[0]) if span is not None else None
        set_on = {
            other.date
            for other in found
            if sent is not None
            and other is not match
            and other.date is not None
            and other.date.precision.value == "day"
            and sent.start_char <= other.start < sent.end_char
        }
        date = None
        if len(set_on) == 1:
            day = next(iter(set_on)).start
            weekday = WEEKDAYS[word.lower()]
            date = PartialDate.from_date(
                day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7), "day"
            )
        out.append(replace(match, date=date, resolved_by="context" if date else None))
    return out


def _narrates(
    text: str, match: DateMatch, published: Published, exclude: Sequence[tuple[int, int]]
) -> bool:
    """Is a full date one of the text's own narrative, which may fix the year of a date
    written without one? Not the publication day (a stamp, a date line: the publication year
    is counted on its own), an ECF running header, a date line, nor a date inside a citation
    or page furniture."""
    if any(start <= match.start < end for start, end in exclude) or _closes_citation(text, match):
        return False
    if match.date is not None and match.date == _publication_day(published):
        return match.start < BYLINE_CHARS  # a date line on top; not a stamp inside the text
    return not (_is_byline(text, match) or _dates_the_document(text, match))


#: The opening of a citation's closing parenthetical before its date: "(", "(Del. Ch. ".
_PARENTHETICAL_OPEN = re.compile(r"\((?:(?:[A-Z][A-Za-z.]*|\d+(?:st|nd|rd|th|d)\b)[ \t\n]+)*$")
#: What a citation has before that parenthetical: a case name, a database or a pin cite.
#: The year that opens a database citation: "2015 TN Wrk. Comp. App. Bd. LEXIS 39".
_DATABASE_CITE = re.compile(r"^[ \t\n]+(?:[A-Z][A-Za-z.&']*[ \t\n]+){0,8}(?:LEXIS|WL)[ \t\n]+\d")
_CITED = re.compile(r"\sv\.\s|\bLEXIS\b|\bWL\b|\bat \*\d")


#: A rule's or statute's effective date in its citation: "Rule 341(h)(7) (eff. Oct. 1, 2020)".
_EFFECTIVE_OPEN = re.compile(r"\((?:eff\.|effective)[ \t\n]+$", re.IGNORECASE)


def _closes_citation(text: str, match: DateMatch) -> bool:
    """A date in the parenthetical that closes a citation ("Buchanan v. Carlex Glass Co., 2015
    TN Wrk. Comp. App. Bd. LEXIS 39, at *6 (Sept. 29, 2015)", "(D.D.C. Aug. 18, 2023)",
    "(2007)"), a rule's effective date ("Rule 341 (eff. Oct. 1, 2020)", as Illinois cites its
    supreme court rules), or the year that opens a database citation ("2015 ... LEXIS 39"):
    the decision's or the rule's date, not an event of the text."""
    if _DATABASE_CITE.match(text[match.end : match.end + 80]):
        return True  # "2015 TN Wrk. Comp. App. Bd. LEXIS 39", "2023 WL 4567890"
    if _EFFECTIVE_OPEN.search(text[max(0, match.start - 20) : match.start]):
        return text[match.end : match.end + 1] == ")"  # "Rule 341 (eff. Oct. 1, 2020)"
    opening = _PARENTHETICAL_OPEN.search(text[max(0, match.start - 40) : match.start])
    if opening is None or text[match.end : match.end + 1] != ")":
        return False
    start = match.start - len(opening.group(0))
    return bool(_CITED.search(text[max(0, start - 300) : start]))


def _publication_day(published: Published) -> PartialDate | None:
    if isinstance(published, PartialDate):
        return published if published.precision.value == "day" else None
    return PartialDate.from_date(published, "day") if published is not None else None


def _in_header(text: str, match: DateMatch) -> bool:
    """An ECF running header's date ("Filed 08/10/20 Page 2 of 79", the courts of appeals'
    "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 3 of 15"): the day a copy
    was filed, not one the text states."""
    before = text[max(0, match.start - 40) : match.start]
    after = text[match.end : match.end + 40]
    if _ECF_FILED.search(before) and _ECF_PAGE.match(after):
        return True
    return bool(_APPELLATE_HEADER.match(after))


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
    transcript: bool = False,
    court: bool = False,
) -> list[FoundEvent]:
    """One event per date phrase, spanning its sentence; phrases inside citations are skipped
    (reporter pages and parenthetical years are not events). In a ``transcript`` a date
    without a year takes one only from a full date said before it; in a ``court`` decision
    one that goes on from the last full date takes its year."""
    events = []
    text = text_of(doc)
    mentioned = _mention_starts(entities)
    for match in _date_matches(doc, published, exclude, transcript=transcript, court=court):
        if any(start <= match.start < end for start, end in exclude):
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            continue
        sent = sent_of(span[0])
        if _is_byline(text, match) or _dates_the_document(text, match):
            continue  # "Bloomberg Law (September 25, 2025) –", "Dated: August 5, 2016"
        if _closes_citation(text, match):
            continue
        if not _states(text, sent, match):
            continue  # "News · 2026-04-30 · major", a heading's date line
        start, end, sentence = sentence_bounds(sent)
        iso = match.date.iso() if match.date else None
        events.append(
            FoundEvent(
                date=iso,
                precision=match.date.precision.value if match.date else None,
                anchor=text_of(doc)[match.start : match.end],
                start=start,
                end=end,
                sentence=sentence,
                entities=_names_in(mentioned, start, end),
                resolved_by=match.resolved_by,
            )
        )
    return events


_VERBS = {"VERB", "AUX"}
#: A caption line's procedural step, written before its date: "Argued and Submitted June 12,
#: 2019", "Amended December 9, 2016", a "FILED" or "ENTERED" stamp ("FILEDOct 02, 2019").
_CAPTION_STEP = re.compile(r"(?i:\b[a-z]*[a-z]ed)[ \t]*:?[ \t]*(?:on[ \t]+)?$")
#: A noticed motion's hearing, in its caption: "Date: December 7, 2018" over "Time: 10:30 a.m."
#: (the notice block: date, time, courtroom, judge). A "Date:" with no time under it may be the
#: paper's own date, and states nothing.
_HEARING_DATE = re.compile(r"(?i:\b(?:hearing[ \t]+)?date)[ \t]*:[ \t]*$")
_TIME_LABEL = re.compile(r"^[ \t]*(?:\d{1,2}[ \t]+)?(?i:(?:hearing[ \t]+)?time)[ \t]*:")
#: The document's own date line: "Dated: August 5, 2016" above a signature, "Published March
#: 27, 2025" above an article, a declaration's "Executed on August 5, 2020", an order's "DATED
#: this 21st day of August, 2026" (D. Nev.), a reporter's "set my hand this 31st of October".
_OWN_DATE = re.compile(
    r"(?<![a-z])(?i:dated|published|updated|posted|executed(?:[ \t]+on)?|set[ \t]+my[ \t]+hand)"
    r"[ \t]*:?[ \t]*(?i:(?:on[ \t]+)?this[ \t]+)?$"
)
#: The word before a lower-case label that makes it prose: "a blog post published Thursday",
#: "in a letter dated September 5, 2019", "the report was released and posted Monday".
_PROSE_WORD = re.compile(r"\b[a-z][a-z'’-]*[ \t]*$")


def own_date_label(before: str) -> bool:
    """Does the text before a date on its line end on the document's own date label ("Dated:",
    "Published", "By Jane Doe Published", "CNNMoney (New York) First published", "Executed
    on")? Not when the label is a verb of the sentence: in lower case, without a colon, after
    a lower-case word ("a blog post published Thursday", "a letter dated September 5, 2019"
    state when the post appeared and the letter was written; Ars Technica, 16 April 2015)."""
    label = _OWN_DATE.search(before)
    if label is None:
        return False
    word = label.group(0).strip()
    if ":" in word or not word[:1].islower():
        return True
    return _PROSE_WORD.search(before[: label.start()]) is None


#: A signature block's date: "August 5, 2020 Respectfully Submitted,".
_SIGNATURE = re.compile(r"^[ \t,]*(?i:respectfully[ \t]+submitted)")
#: A court's filing stamp on a line of its own, above the stamp's date ("FILED / United States
#: Court of Appeals / Tenth Circuit / January 11, 2021").
_STAMP = re.compile(r"^[ \t]*(?:FILED|ENTERED)[ \t]*$", re.MULTILINE)
STAMP_LINES = 4
#: What may share a line with a date on a date line: a transcript's line number, a weekday,
#: separators and a time ("1 Tuesday - August 4, 2020 1:59 p.m.").
_DATE_LINE_REST = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)[ \t]*[,–—-]?[ \t]*)?$"
)
_TIME_REST = re.compile(r"^[ \t,.]*(?:(?:at[ \t]+)?\d{1,2}:\d\d[ \t]*(?i:[ap]\.?m\.?)?)?[ \t.]*$")
#: A line that runs on into the next: it ends on a comma or a word that needs what follows.
_RUNS_ON = re.compile(
    r"(?:,|\b(?i:by|on|of|in|to|for|from|until|through|and|or|the|at|since|before|after|"
    r"due|until))[ \t]*$"
)
#: A complete sentence: its own words besides the date, and a full stop or question mark.
MIN_OWN_WORDS = 2


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _dates_the_document(text: str, match: DateMatch) -> bool:
    """The document's own date line ("Dated: August 5, 2016", a signature block's date, a
    transcript's date of proceedings "Tuesday - August 4, 2020 1:59 p.m."), or a date alone
    on its line (under a title, a letter's date) unless a stamp above it is its step or the
    line before runs on into it ("due by / 8/26/2021.")."""
    first, last = _line_of(text, match.start, match.end)
    before, after = text[first : match.start], text[match.end : last]
    if own_date_label(before) or _SIGNATURE.match(after):
        return True
    if not (_DATE_LINE_REST.match(before) and _TIME_REST.match(after)):
        return False
    above = text[max(0, first - 200) : first].rstrip("\n").split("\n")
    if any(_STAMP.match(line) for line in above[-STAMP_LINES:]):
        return False
    previous = next((line for line in reversed(above) if line.strip()), "")
    return not _RUNS_ON.search(previous)


def _states(text: str, sent: Span, match: DateMatch) -> bool:
    """Does the sentence of a date state something? A clause with a verb (a sentence cut by
    line breaks is read with its pieces: "In 2017 and 2018, Altman, / Brockman, and Sutskever
    refused"), a caption's procedural step ("Argued and Submitted June 12, 2019"), a filing
    stamp, a speaker's turn ("MR. TOBEROFF: June of next year."), or a complete sentence with
    words of its own ("Closing arguments Thursday in Oakland."); not a heading or a
    dateline."""
    first, last = _line_of(text, match.start, match.end)
    if _CAPTION_STEP.search(text[first : match.start]) and not own_date_label(
        text[first : match.start]
    ):
        return True
    if _HEARING_DATE.search(text[first : match.start]) and any(
        _TIME_LABEL.match(line)
        for line in [text[match.end : last], *text[last + 1 :].split("\n", 2)[:2]]
    ):
        return True
    above = text[max(0, first - 200) : first].rstrip("\n").split("\n")
    if any(_STAMP.match(line) for line in above[-STAMP_LINES:]) and _DATE_LINE_REST.match(
        text[first : match.start]
    ):
        return True
    pieces = _pieces(sent)
    if any(t.pos_ in _VERBS for part in pieces for t in part):
        return True
    sent_line, _ = _line_of(text, sent.start_char, sent.start_char)
    if opens_turn(text[sent_line : sent.end_char]):
        return True
    # a complete sentence, read with the pieces line breaks cut off it ("the Court sets June 13,
    # 2011 at 9 a.m. for a hearing on Intervenor-Defendants’ / Motion.")
    whole = [p for p in pieces if p.start >= sent.start]
    stripped = text[sent.start_char : whole[-1].end_char].rstrip().rstrip('"”’)')
    own = [t for p in whole for t in p if t.is_alpha and not (match.start <= t.idx < match.end)]
    return stripped.endswith((".", "?", "!")) and len(own) >= MIN_OWN_WORDS


_SENT_STARTS = "casebase_event_sentence_starts"
#: At most this many pieces of a sentence cut by line breaks are read together.
MAX_PIECES = 4


def _pieces(sent: Span) -> list[Span]:
    """The sentence and the pieces of the same sentence that line breaks cut off (spaCy ends a
    sentence at a line break): a piece runs on into the next when it ends on a comma or a
    function word, or when the next opens in lower case after its line number."""
    sents = sentences(sent.doc)
    starts = sent.doc.user_data.get(_SENT_STARTS)
    if starts is None:
        starts = sent.doc.user_data[_SENT_STARTS] = [s.start for s in sents]
    index = bisect_left(starts, sent.start)
    pieces = [sent]
    i = index
    while i > 0 and len(pieces) < MAX_PIECES and _continues(sents[i - 1], sents[i]):
        i -= 1
        pieces.insert(0, sents[i])
    j = index
    while (
        j + 1 < len(sents) and len(pieces) < 2 * MAX_PIECES and _continues(sents[j], sents[j + 1])
    ):
        j += 1
        pieces.append(sents[j])
    return pieces


_FUNCTION_TAGS = {"IN", "CC", "DT", "TO", "PRP$", "WDT"}


def _possessive(piece: Span, mark: Token) -> bool:
    """A plural possessive's apostrophe ("Defendants’") rather than a quotation's close: it
    follows an "s" without a space, and no single quotation opens before it in the piece."""
    if mark.i == 0 or mark.idx != mark.doc[mark.i - 1].idx + len(mark.doc[mark.i - 1].text):
        return False
    return mark.doc[mark.i - 1].text[-1:] in {"s", "S"} and "‘" not in piece.text


def _continues(before: Span, after: Span) -> bool:
    words = [t for t in before if not t.is_space]
    if not words:
        return False
    last = words[-1]
    if last.text in {",", ";"} or last.tag_ in _FUNCTION_TAGS:
        return True
    if last.lower_.rstrip(".") in MONTHS and len(words) == 1:
        return True  # "On / March / 3, 2021, the plaintiff appealed": spaCy cut the date
    if last.text in {"’", "'"} and _possessive(before, last):
        return True  # "Intervenor-Defendants’ / Motion": a possessive needs what it owns
    if last.text[-1] in '.!?:"”’)':
        return False
    following = [t for t in after if not t.is_space]
    if following and following[0].text in {",", ";"}:
        return True  # no sentence opens on a comma: "April / 2023 / , based on ..."
    if following and following[0].like_num and len(following) > 1:
        following = following[1:]  # a pleading's or a transcript's line number
    return bool(following) and following[0].text[:1].islower()


_BYLINE_MARKS = ("(", "·", "|", "•")
#: Bylines and datelines sit at the top of a text.
BYLINE_CHARS = 300


_ECF_FILED = re.compile(r"\bFiled\s*$")
_ECF_PAGE = re.compile(r"^\s*Page\s+\d+\s+of\s+\d+")
_APPELLATE_HEADER = re.compile(r"^,\s*ID:\s*\d+,\s*DktEntry:\s*\d+")
#: A news dateline's date opens its line, after its place at most ("WASHINGTON, "), and the
#: agency in brackets and a dash follow it.
_DATELINE_PLACE = re.compile(r"^[ \t]*(?:[A-Z][A-Z.' -]*,[ \t]*)?$")
_DATELINE_AGENCY = re.compile(r"^[ \t]*\([A-Z][A-Za-z.&' ]{0,30}\)[ \t]*[—–-]")
_CAPS_HEADING = re.compile(r"\b[A-Z]{3,}(?:\s+[A-Z]{3,})+\s*$")


def _is_byline(text: str, match: DateMatch) -> bool:
    """A date that dates the text rather than an event: set off by brackets or separators at
    the top, an ECF running header ("Filed 09/25/23 Page 1 of 34"), or the date line under a
    heading ("MEMORANDUM OPINION September 25, 2023")."""
    before = text[max(0, match.start - 40) : match.start]
    if _in_header(text, match):
        return True
    first, _ = _line_of(text, match.start, match.end)
    if _DATELINE_PLACE.match(text[first : match.start]) and _DATELINE_AGENCY.match(
        text[match.end : match.end + 40]
    ):
        return True  # a news dateline: "Sept. 19 (UPI) —", "WASHINGTON, May 4 (Reuters) -"
    if _CAPS_HEADING.search(before):
        return True
    if match.start > BYLINE_CHARS:
        return False
    before = text[max(0, match.start - 3) : match.start].strip()
    after = text[match.end : match.end + 3].strip()
    return before.endswith(_BYLINE_MARKS) and after.startswith((")", "·", "|", "•", "–", "—"))


def _mention_starts(entities: Sequence[FoundEntity]) -> list[tuple[str, list[int]]]:
    """Each entity's name and the sorted starts of its mentions (for ``_names_in``)."""
    return [(e.name, sorted(m.start for m in e.mentions)) for e in entities]


def _names_in(mentioned: list[tuple[str, list[int]]], start: int, end: int) -> list[str]:
    """The entities (of ``_mention_starts``) mentioned from ``start`` to ``end``, in order."""
    return [name for name, starts in mentioned if any_between(starts, start, end)]
