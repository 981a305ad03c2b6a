"""Date phrases to partial dates.

Only phrases spaCy tags as dates (plus unambiguous full dates it missed) are parsed here, with
our own rules: ``dateparser.search_dates`` over whole texts is slow and finds false dates. A
relative phrase ("Thursday", "last week", "earlier this year") is resolved against the
publication date; without one it stays unresolved (``date`` None): never guessed. A date
written without a year ("April 27", "in March") gets one only when its weekday or the
document's other full dates fix it. Every resolved date says how (``DateMatch.resolved_by``).
Durations, ages and bare numbers are not dates; a decade ("the 1990s") or a vague count ("a
year and a half ago") is a date phrase no rule can date (an event without a date).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from casebase.core.partial_dates import PartialDate

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
#: The space between a date's words, which may hold a line break and the next line's number in a
#: transcript or a pleading read with its numbers ("On July 17,\n20 2020, plaintiff filed").
_GAP = r"(?:[ \t]*\n[ \t]*\d{1,2}[ \t]+|\s+)"
#: What a pattern's first character must be, said first: Python's ``re`` then skips ahead to
#: such a character instead of trying the pattern at every position (a leading ``\b`` or
#: look-behind alone hides the first character from it). Three times faster over a whole text.
_MONTH_AHEAD = r"(?=[JFMASOND])"
_DIGIT_AHEAD = r"(?=\d)"
_CENTURY_AHEAD = r"(?=[12])"  # a year of ``_YEAR``
_DAY_AHEAD = r"(?=[t\d])"  # "the" or a day's digit
#: A month name starts a word, or follows a stamp written against it ("FILEDOct 02, 2019").
_STARTS = rf"{_MONTH_AHEAD}(?:\b|(?<=[A-Z]{{3}}))"
_ABSOLUTE = [
    ("day", re.compile(rf"{_STARTS}{_MONTH}{_GAP}{_DAY},?{_GAP}{_YEAR}\b")),
    (
        "day",
        re.compile(
            rf"{_DAY_AHEAD}\b(?:the\s+)?{_DAY}\s+(?:day\s+)?(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"
        ),
    ),
    (
        "iso",
        re.compile(
            rf"{_CENTURY_AHEAD}\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"
        ),
    ),
    # a filing stamp's year-first day: "FILED 2017 Mar-24 PM 02:20" (N.D. Ala.)
    ("day", re.compile(rf"{_CENTURY_AHEAD}\b{_YEAR}[ \t]+{_MONTH}-{_DAY}\b")),
    (
        "us",
        re.compile(
            rf"{_DIGIT_AHEAD}\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b"
        ),
    ),
    ("month", re.compile(rf"{_STARTS}{_MONTH},?{_GAP}(?:of\s+)?{_YEAR}\b")),
    # speech names the year twice: "May of next year, 2021", "May of last year, 2019"
    (
        "month",
        re.compile(
            rf"{_STARTS}{_MONTH}{_GAP}of{_GAP}(?:next|last|this){_GAP}year,?{_GAP}{_YEAR}\b"
        ),
    ),
]
#: Days of one month written once, with one year: "June 28 and 29, 2021", "April 14-15, 2020",
#: "May 3 through 5, 2010": each day is a date (``parse_absolute``), no extra year.
_DAY_LIST = re.compile(
    rf"{_STARTS}{_MONTH}\s+(?P<days>[0-3]?\d(?:st|nd|rd|th)?(?:(?:,?[ \t]+(?:and|or|&|through|"
    rf"to)[ \t]+|[ \t]*[-–][ \t]*)[0-3]?\d(?:st|nd|rd|th)?)+),?\s+{_YEAR}\b"
)
_LISTED_DAY = re.compile(r"[0-3]?\d")
#: The first end of a range whose year is written once, at its other end: "from May to
#: December 2015", "March 3 through April 9, 2020", or of an alternative of months: "in March
#: or April 2021" (the year written after the second is the first's too).
_RANGE_START = re.compile(
    rf"{_STARTS}{_MONTH}(?:\s+{_DAY})?(?=\s*(?:to|through|until|and|or|-|–|—)\s*"
    r"(?P<to>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
    r"(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:1[89]|20)\d\d)\b)"
)
_LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,2})\b")
#: "2002 or 2003", "2002 or -3" (speech): one of two years, no single one.
_EITHER_YEAR = re.compile(
    rf"{_CENTURY_AHEAD}\b{_YEAR}\s+or\s+(?:(?:1[89]|20)\d\d|-\s?\d{{1,2}}|'\d\d)\b"
)
_MONTH_DAY = re.compile(rf"{_MONTH_AHEAD}\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)")
#: A day written before its month, without a year: "31st October", "on 19 March", "the 3rd of
#: May" (British and court usage). Its number is a day only with an ordinal suffix or a word
#: before it ("on", "the"): a bare number may be a line number ("10 January").
_DAY_MONTH = re.compile(
    rf"(?:\b(?P<lead>on|the|of|from|between|and|to|until|by|before|after)\s+)?\b"
    rf"(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?{_MONTH}(?![\w-])"
    rf"(?!,?\s+(?:of\s+)?\d)"
)
_BARE_MONTH = re.compile(
    rf"(?P<lead>\b(?:in|on|since|by|until|through|early|late|mid|last|this|next|of|during|from|"
    rf"for|before|after)[\s-]+)?(?P<m>{_MONTH})(?![\w-])"
)
_YEAR_ONLY = re.compile(rf"(?:(?<![\d$.,/-])|(?<=mid-)){_YEAR}(?![\d%s'’-]|\s*(?:%|percent))")
#: A year written with two digits after an apostrophe, as speech has it: "'06 to '14".
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])")
_SHORT_RANGE = re.compile(
    r"(?<![\w'’])['’](?P<a>\d\d)\s*(?:to|through|-|–)\s*['’](?P<b>\d\d)(?![\w'’%])"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)s?\b"
)
#: "fell on a Sunday", "every Monday": a kind of day, not one day.
_ANY_WEEKDAY = re.compile(r"\b(?:a|an|every|each)\s+$", re.IGNORECASE)
_SIMPLE_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|"
    r"last night|moments ago)\b",
    re.IGNORECASE,
)
#: What makes "the last week" a part of the month or year named after it ("the last week of
#: January", "the last month in 2021"), not a period counted from publication.
_PART_OF_NAMED = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+month\s+of\s+)?(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|(?:1[89]|20)\d\d\b)",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?P<which>last|this|next|past|earlier this|later this|early this|late last|"
    r"earlier last|earlier in the|late this|previous)\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)


def part_of_named(text: str, match: DateMatch) -> bool:
    """Whether ``match`` ("the last week") is followed in ``text`` by the month or year it
    is a part of ("of January"): that month or year is the date, read by its own pattern."""
    return (
        match.relative
        and text[match.start : match.end].lower().endswith(("week", "month", "year"))
        and _PART_OF_NAMED.match(text, match.end) is not None
    )


_SEASON = re.compile(
    r"\b(?P<which>last|this|next)\s+(?P<season>spring|summer|fall|autumn)\b", re.IGNORECASE
)
_AGO = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"(?:[ \t]*\n[ \t]*\d{1,2}[ \t]+|\s+)(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
#: A day counted from the date the text has just stated: "the next day", "the following day",
#: "that day", "That evening", "the day before" (``anaphoric_offset``); resolved by the
#: reader, never from the publication.
ANAPHORIC_DAY = re.compile(
    r"\b(?:(?:the\s+)?(?P<step>next|following|previous|prior)\s+day|the\s+day\s+"
    r"(?P<side>before|after)|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|"
    r"the\s+same\s+day|"
    r"(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
    r"(?P<way>later|earlier))\b",
    re.IGNORECASE,
)
#: A period counted from the date the text just stated, not from publication: "the next
#: month", "the following year", "the previous week" (with "the": "next month" alone is
#: publication's).
ANAPHORIC_PERIOD = re.compile(
    r"\bthe\s+(?P<step>next|following|previous|prior|preceding)\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)
#: The year or month of the date the text just stated: "That same year", "later that year",
#: "Later that month", "that same month" (a month only when the stated date has one). A bare
#: "that month" may point back past the last date ("can begin as early as March 2026 ...
#: explained Thursday (June 27) ... could begin that month"): not counted.
THAT_YEAR = re.compile(
    r"\b(?:(?:(?:later|earlier)\s+(?:in\s+)?)?that\s+(?:same\s+)?(?P<unit>year)|"
    r"(?:later|earlier)\s+(?:in\s+)?that\s+(?:same\s+)?(?P<later>month)|"
    r"that\s+same\s+(?P<same>month))\b",
    re.IGNORECASE,
)
#: A whole number of months, years or weeks counted from the date the text just stated: "a
#: month later", "Just a month later", "two years later", "three weeks earlier". Not a vague
#: count ("a few months later", "about a month later", "weeks later"): no date.
COUNTED_PERIOD = re.compile(
    r"\b(?:just\s+)?(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>week|month|year)s?\s+(?P<way>later|earlier)\b",
    re.IGNORECASE,
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
#: How precisely the publication must be known for a period of each unit.
_NEEDS = {"week": "day", "month": "month", "year": "year"}
#: The words that count days, weeks, months or years ("a week ago", "two days later").
COUNT_WORDS = frozenset(_NUMBERS)
#: Phrases that are not points in time even when the model tags them DATE.
_NOT_A_DATE = re.compile(
    r"(?:\b\d+s\b|\bdecades?\b|\bcentur(?:y|ies)\b|-year-old|\bold\b|\bage[sd]?\b|\bfiscal\b|"
    r"\bquarter\b|\bseason\b)",
    re.IGNORECASE,
)


#: The years that may fix a date written without one (``YearFixer``), each with the day it is
#: read against (the full date stated before it, or the publication day), None when unknown.
Years = Mapping[int, dt.date | None]


class StoryYears(dict[int, dt.date | None]):
    """``Years`` in a court's decision, which tells its facts in order and writes a year once: the
    year of the last full date before (``onward``) goes on to every later month and day written
    without one ("In January 2025, Brankle sued ... In July, both parties filed": July 2025,
    though the decision is of August 2026)."""

    onward: int | None = None


def _distance(years: Years, year: int, candidate: dt.date, against: dt.date | None) -> int | None:
    """How far (days) a candidate date is from the day its year is read against; none at all
    when it goes on from the last full date of a court decision's story (``StoryYears``)."""
    if against is None:
        return None
    if isinstance(years, StoryYears) and years.onward == year and candidate >= against:
        return 0
    return abs((candidate - against).days)


#: How a date was resolved (``DateMatch.resolved_by``): its year is written ("text"), it is
#: counted from the publication date ("publication"), it is a day or month written without a
#: year whose year its weekday ("weekday") or the document's other full dates ("document") fix,
#: or it is counted from another date the text states ("context": "today" in a quote said on
#: Tuesday, "the next day" after "On April 23, 2020").
RESOLVED_BY = ("text", "publication", "weekday", "document", "context")


@dataclass(frozen=True)
class DateMatch:
    """A date phrase at [start, end) of the parsed text; ``date`` None when unresolved.

    ``needs`` is how precisely the publication date must be known to resolve a relative phrase
    ("Thursday" needs the day, "in March" the month, "last year" the year); ``resolved_by`` is
    one of ``RESOLVED_BY``, None when unresolved."""

    start: int
    end: int
    date: PartialDate | None
    relative: bool
    needs: str = "year"
    resolved_by: str | None = None


Published = dt.date | PartialDate | None
_RANK = {"year": 0, "month": 1, "day": 2}


def parse_absolute(text: str) -> list[DateMatch]:
    """Full dates ("Feb. 29, 2024", "29 February 2024", "2024-02-29", "2/29/2024") and months
    with years ("March 2023"), wherever they are in ``text``; "2002 or 2003" is a date phrase
    that fixes no year (unresolved)."""
    found = [DateMatch(m.start(), m.end(), None, False) for m in _EITHER_YEAR.finditer(text)]
    found += _listed_days(text, found)
    for precision, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if _overlaps(found, m.start(), m.end()) or _is_line_number(text, m):
                continue
            date = _absolute(m, precision)
            if date is not None:
                found.append(DateMatch(m.start(), m.end(), date, False, resolved_by="text"))
    for m in _SHORT_RANGE.finditer(text):
        for group in ("a", "b"):
            if not _overlaps(found, m.start(group) - 1, m.end(group)):
                date = PartialDate(_full_year(int(m[group])))
                found.append(
                    DateMatch(m.start(group) - 1, m.end(group), date, False, "year", "text")
                )
    for m in _RANGE_START.finditer(text):
        date = _range_start(m)
        if date is not None and not _overlaps(found, m.start(), m.end()):
            found.append(DateMatch(m.start(), m.end(), date, False, resolved_by="text"))
    return found


def _listed_days(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Each day of a list or range of days in one month and year ("June 28 and 29, 2021": the
    first spans its month and day, each other its day, the last with the year)."""
    out: list[DateMatch] = []
    for m in _DAY_LIST.finditer(text):
        if _overlaps(found, m.start(), m.end()):
            continue
        month = MONTHS[m["month"].lower().rstrip(".")]
        days = list(_LISTED_DAY.finditer(m["days"]))
        for i, day in enumerate(days):
            try:
                date = PartialDate(int(m["year"]), month, int(day.group(0)))
            except ValueError:
                out = [d for d in out if d.start < m.start()]
                break
            start = m.start() if i == 0 else m.start("days") + day.start()
            end = m.end() if i == len(days) - 1 else m.start("days") + day.end()
            out.append(DateMatch(start, end, date, False, resolved_by="text"))
    return out


def _full_year(year: int) -> int:
    return year + (2000 if year <= 50 else 1900)


def _range_start(m: re.Match[str]) -> PartialDate | None:
    """The year of a range's first end: the year written at its other end, or the year
    before when the range runs over New Year ("December to February 2016")."""
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = int(m["year"]) - (month > MONTHS[m["to"].lower()])
    try:
        return PartialDate(year, month, int(m["day"])) if m["day"] else PartialDate(year, month)
    except ValueError:
        return None


def _is_line_number(text: str, m: re.Match[str]) -> bool:
    """ "10    January 2016": the day of a day-first date is a pleading's or a transcript's line
    number when it opens its line and the line before opens with the number before it."""
    if "day" not in m.re.groupindex or not m["day"] or m.group(0)[:1] != m["day"][:1]:
        return False
    first = text.rfind("\n", 0, m.start()) + 1
    if text[first : m.start()].strip():
        return False
    lines = text[max(0, first - 400) : first].split("\n")
    previous = next((line for line in reversed(lines) if line.strip()), "")
    number = _LINE_NUMBER.match(previous)
    return number is not None and int(number[1]) + 1 == int(m["day"])


def document_years(absolute: list[DateMatch]) -> frozenset[int]:
    """The years of the full dates (day or month with its year) a text states."""
    return frozenset(
        m.date.year for m in absolute if m.date is not None and m.date.precision.value != "year"
    )


class YearFixer:
    """The years that may fix a date written without one at a position of the text: that of
    the last full date (day or month with its year) stated before it ("On July 25, 2018, ...
    On August 2, ..."), else the one year of all the text's full dates; and the publication
    year when the text states full dates in it (a letter dated March 23, 2021 writes of "March
    17"). The reader keeps the date only when exactly one of them fits the tense. Only the
    ``narrative`` dates (by default all) count as the last full date before a position: a
    running header or a stamp is no part of the story. In a court's decision (``story``) a date
    that goes on from the last full date before it, in that date's year, takes that year
    (``StoryYears``).

    A transcript (``ranging``) is speech that ranges over time: only the last full date stated
    before a date fixes its year. A later full date does not ("March 30th" said before "August
    of 2007" is not 2007), and the hearing's own date on the cover, its publication, gives no
    year to what is said in it ("since it was filed on March 19th" at an August hearing may be
    any March): such dates stay unresolved."""

    def __init__(
        self,
        absolute: list[DateMatch],
        published: Published,
        narrative: list[DateMatch] | None = None,
        *,
        ranging: bool = False,
        story: bool = False,
    ) -> None:
        dated = sorted(
            (m.end, m.date)
            for m in (absolute if narrative is None else narrative)
            if m.date is not None and m.date.precision.value != "year"
        )
        self._ends = [end for end, _ in dated]
        self._years = [date.year for _, date in dated]
        self._days = [date.start for _, date in dated]
        years = set(self._years)
        self._alone = frozenset(years) if len(years) == 1 and not ranging else frozenset()
        stated = document_years(absolute)
        year = published.year if published is not None and not ranging else None
        self._published = frozenset({year}) if year is not None and year in stated else frozenset()
        self._story = story
        self._published_day = _anchor(published)[0] if published is not None else None
        if isinstance(published, PartialDate) and published.precision.value != "day":
            self._published_day = None

    def at(self, position: int) -> Years:
        """The years that may fix a date written at ``position``, each with the day it is read
        against: the full date before it, or the publication day."""
        before = bisect_right(self._ends, position)
        years: dict[int, dt.date | None] = StoryYears() if self._story and before else {}
        years.update(dict.fromkeys(self._published, self._published_day))
        if before:
            years[self._years[before - 1]] = self._days[before - 1]
            if isinstance(years, StoryYears):
                years.onward = self._years[before - 1]
        else:
            years.update(dict.fromkeys(self._alone))
        return years


def _absolute(m: re.Match[str], precision: str) -> PartialDate | None:
    year = int(m["year"])
    if year < 100:
        year += 2000 if year <= 50 else 1900
    month_text = m["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    try:
        if precision == "month":
            return PartialDate(year, month)
        return PartialDate(year, month, int(m["day"]))
    except ValueError:
        return None  # 30 February, month 13: not a date


def parse_phrase(
    phrase: str,
    *,
    published: Published,
    tense: str = "past",
    years: Years | frozenset[int] = frozenset(),
) -> list[DateMatch]:
    """Every date in a phrase the model tagged as a date (offsets relative to ``phrase``).

    ``tense`` ("past", "present" or "future") decides which way a bare weekday or month points;
    ``years`` is the year that fixes a month or day written without one (``YearFixer``): the
    text's own, never the publication's by guess.
    """
    known, precision = _anchor(published)
    found = parse_absolute(phrase)
    found += [m for m in _unresolved_points(phrase) if not _overlaps(found, m.start, m.end)]
    if _NOT_A_DATE.search(phrase) and not found:
        return []
    anchored = years if isinstance(years, Mapping) else dict.fromkeys(years)
    context = DateContext(known, tense, anchored)
    finders = (
        _vague_ago,
        _anaphoric,
        _month_day,
        _weekday,
        _simple_relative,
        _month_of_year,
        _period,
        _period_part,
        _weekend,
        _season,
        _ago,
        _bare_month,
        _year,
    )
    for finder in finders:
        for match in finder(phrase, context):
            if _RANK[match.needs] > _RANK[precision] and match.date is not None:
                match = DateMatch(match.start, match.end, None, True, match.needs)
            elif match.date is not None and match.resolved_by is None:
                match = replace(match, resolved_by="publication")
            if not _overlaps(found, match.start, match.end):
                found.append(match)
    return sorted(found, key=lambda d: d.start)


#: A decade or century named by its years: "the 1990s", "the mid-1960s", "the late 1800s",
#: "the ’90s" (not an age: "in her 30s").
_DECADE = re.compile(r"(?:\b(?:1[0-9]|20)\d0s|(?<![\w'’])['’]\d0s)\b")
#: A point in time counted from one the text does not fix: "half a century ago", "a year and
#: a half ago", "about a decade later", "Years later"; a count and "ago", "later" or
#: "earlier". The count may be vague, so the point is never resolved (``_ago`` reads the
#: exact ones: "two weeks ago").
_VAGUE_POINT = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|"
    r"couple|half|\d{1,2})\b[\w\s-]*?\s)?(?P<unit>days?|weeks?|months?|years?|decades?|"
    r"centur(?:y|ies))(?:\s+and\s+a\s+half)?\s+(?P<way>ago|later|earlier)\b",
    re.IGNORECASE,
)
#: A season without the year it is in, as a time something happened: "during the summer", "in
#: the fall" (with its year, "the summer of 1961", the year is the date; "this fall" is
#: ``_season``'s). Not a season named as a kind of weather ("the challenges of winter",
#: "Winter can also bring", "in winter").
_BARE_SEASON = re.compile(
    r"\b(?:during|in|over|since|until|through|by)\s+the\s+(?P<season>spring|summer|fall|"
    r"autumn|winter)\b(?!\s+(?:of\s+)?\d)",
    re.IGNORECASE,
)
_SEASON_WORDS = re.compile(r"\b(?:last|this|next|early|late|mid)[\s-]+$", re.IGNORECASE)


#: "a few days ago", "several weeks ago", "a couple of months ago": a count the text leaves
#: vague, read as the range it allows (``_VAGUE_SPANS``, in days back from publication).
_VAGUE_AGO = re.compile(
    r"\b(?:a\s+few|several|a\s+couple\s+of|a\s+couple|some)\s+(?P<unit>day|week|month|year)s\s+ago\b",
    re.IGNORECASE,
)
_VAGUE_SPANS = {"day": (2, 9), "week": (14, 42), "month": (60, 183), "year": (730, 3650)}


def _vague_ago(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "a few days ago" is the month (or year) that holds every day it may mean, counted back
    from publication: two to nine days, two to six weeks, two to six months, two to ten years
    ("a few days ago" said on 23 January 2021: January 2021); unresolved when that range
    crosses a year."""
    out = []
    for m in _VAGUE_AGO.finditer(phrase):
        date = None
        unit = m["unit"].lower()
        if context.published is not None:
            low, high = _VAGUE_SPANS[unit]
            first = context.published - dt.timedelta(days=high)
            last = context.published - dt.timedelta(days=low)
            if first.year == last.year:
                date = covering(first, last)
                if date.precision.value == "day":
                    date = PartialDate(date.year, date.month)
        out.append(DateMatch(m.start(), m.end(), date, True, "month" if unit != "year" else "year"))
    return out


def _unresolved_points(phrase: str) -> list[DateMatch]:
    """Date phrases that name a point in time the rules cannot date: decades ("the 1990s"),
    vague counts ("a year and a half ago", "about a decade later") and seasons without a year
    ("during the summer"). Each is an event with no date rather than no event (Quanta
    Magazine, 2019: "studied at MIT in the 1990s"; Washington Post, 2015: "the bloody Gaza
    conflict during the summer"). A phrase ``_ago`` can count exactly is left to it."""
    out = [DateMatch(m.start(), m.end(), None, True) for m in _DECADE.finditer(phrase)]
    for m in _VAGUE_POINT.finditer(phrase):
        if (
            _AGO.fullmatch(m.group(0))
            or ANAPHORIC_DAY.fullmatch(m.group(0))
            or COUNTED_PERIOD.fullmatch(m.group(0))
            or _VAGUE_AGO.search(m.group(0))
        ):
            continue  # "two weeks ago", "Nine days later": counted exactly elsewhere
        if not _overlaps(out, m.start(), m.end()):
            out.append(DateMatch(m.start(), m.end(), None, True))
    for m in _BARE_SEASON.finditer(phrase):
        if _SEASON_WORDS.search(phrase[: m.start()]) or _overlaps(out, m.start(), m.end()):
            continue
        out.append(DateMatch(m.start(), m.end(), None, True))
    return out


@dataclass(frozen=True)
class DateContext:
    """What a relative phrase is read against: the publication day (None when unknown), the
    tense of its clause and the year the text's full dates fix for it (``YearFixer``)."""

    published: dt.date | None
    tense: str
    years: Years


def _anchor(published: Published) -> tuple[dt.date | None, str]:
    """The publication date as a day to count from, and how precisely it is known."""
    if published is None:
        return None, "year"
    if isinstance(published, PartialDate):
        return published.start, published.precision.value
    return published, "day"


def _overlaps(found: list[DateMatch], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in found)


def _year(phrase: str, context: DateContext) -> list[DateMatch]:
    return [DateMatch(m.start(), m.end(), PartialDate(int(m["year"])), False, resolved_by="text")
            for m in _YEAR_ONLY.finditer(phrase)] + [
            DateMatch(m.start(), m.end(), PartialDate(_full_year(int(m["yy"]))), False,
                      resolved_by="text")
            for m in _SHORT_YEAR.finditer(phrase)]  # fmt: skip


_DEADLINE = ("by", "until", "before", "through", "due")


def _month_day(phrase: str, context: DateContext) -> list[DateMatch]:
    out: list[DateMatch] = []
    day_first = [m for m in _DAY_MONTH.finditer(phrase) if m["lead"] or m["suffix"]]
    for m in [*_MONTH_DAY.finditer(phrase), *day_first]:
        start = m.start("day") if m.re is _DAY_MONTH else m.start()
        if _overlaps(out, start, m.end()):
            continue
        month = MONTHS[m["month"].lower().rstrip(".")]
        deadline = phrase[:start].rstrip().lower().endswith(_DEADLINE)
        tense = "any" if deadline else context.tense
        context_here = DateContext(context.published, tense, context.years)
        date, how = year_less_day(context_here, month, int(m["day"]))
        out.append(DateMatch(start, m.end(), date, True, "day", how))
    return out


def year_less_day(
    context: DateContext, month: int, day: int, weekday: int | None = None
) -> tuple[PartialDate | None, str | None]:
    """A month and day written without a year, and how its year is fixed: in the publication
    year when that agrees with the tense (not after publication for the past, not before it
    for the future) and either the weekday written with it falls on that date ("weekday") or
    the document states full dates in that year ("document"). Otherwise unresolved (a weekday
    that does not fit the date leaves it unresolved too): never another year by guess."""
    published = context.published
    if published is None:
        return None, None
    # a weekday may fix the publication year too; without one only the text's own years do
    years = dict(context.years)
    if weekday is not None:
        years.setdefault(published.year, published)
    fits = []
    for year, against in sorted(years.items()):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if context.tense == "future" and candidate < published:
            continue
        if context.tense == "past" and candidate > published:
            continue
        if weekday is not None and candidate.weekday() != weekday:
            continue
        fits.append((year, _distance(context.years, year, candidate, against)))
    fixed = nearest(fits)
    if fixed is not None:
        how = "weekday" if weekday is not None else "document"
        return PartialDate(fixed, month, day), how
    return None, None


def nearest(fits: list[tuple[int, int | None]]) -> int | None:
    """The one year that fits; of two, the one that puts the date clearly nearer (at most half
    as far, in days) to the date it is read against: a text narrating 2018 writes "until
    August 2" just after "July 25, 2018" though it is dated October 2019, and a letter dated
    March 23, 2021 writes of "March 17" after recounting 2018. Otherwise none."""
    if len(fits) == 1:
        return fits[0][0]
    if len(fits) != 2 or any(distance is None for _, distance in fits):
        return None
    (year, near), (_, far) = sorted(fits, key=lambda fit: fit[1] or 0)
    return year if near is not None and far is not None and 2 * near <= far and near < far else None


_WEEKDAY_MONTH_DAY = re.compile(
    rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?P<paren>\()?"
    rf"{_MONTH}\s+{_DAY}\b(?(paren)\))(?!,?\s+\d)"
)


def parse_weekday_dates(
    text: str,
    *,
    published: Published,
    tense_at: Callable[[int], str],
    years_at: Callable[[int], Years],
) -> list[DateMatch]:
    """A weekday written with a month and day but no year ("Monday, April 27", "Thursday (June
    27)") is one date, whose weekday fixes the year (``year_less_day``); ``tense_at(offset)``
    gives the tense of the clause at an offset of ``text``."""
    known, precision = _anchor(published)
    found = []
    for m in _WEEKDAY_MONTH_DAY.finditer(text):
        date, how = None, None
        if precision == "day":
            context = DateContext(known, tense_at(m.start()), years_at(m.start()))
            month = MONTHS[m["month"].lower().rstrip(".")]
            date, how = year_less_day(context, month, int(m["day"]), WEEKDAYS[m["wd"].lower()])
        found.append(DateMatch(m.start(), m.end(), date, True, "day", how))
    return found


#: Another month's name, as a list of months writes it beside "May": "April, and May", "May and
#: June", "May through July". "May" among months is a month, never the modal verb.
_OTHER_MONTH = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_LIST_JOIN = (
    r"(?:,[ \t]*(?:(?:and|or|through|to)[ \t]+)?|[ \t]+(?:and|or|through|to)[ \t]+"
    r"|[ \t]*[-–][ \t]*)"
)
_LISTED_AFTER = re.compile(rf"\b{_OTHER_MONTH}{_LIST_JOIN}$")
_LISTED_BEFORE = re.compile(rf"^{_LIST_JOIN}{_OTHER_MONTH}(?![\w-])")


def month_listed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """When the month name at [start, end) of ``text`` is one of a list of months ("March,
    April, and May", "May and June"), the span of it with its neighbour in the list; else
    None. "May" in a list is the month, not the verb."""
    window = max(0, start - 20)
    before = _LISTED_AFTER.search(text[window:start])
    if before is not None:
        return window + before.start(), end
    after = _LISTED_BEFORE.match(text[end : end + 20])
    return (start, end + after.end()) if after is not None else None


def month_and_day(phrase: str) -> tuple[int, int] | None:
    """The month and day of a phrase that is a month and day without a year ("December 8th",
    "Dec. 8"); else None."""
    m = _MONTH_DAY.fullmatch(phrase.strip())
    return (MONTHS[m["month"].lower().rstrip(".")], int(m["day"])) if m else None


def _bare_month(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "in March": the publication year's March, or the year before (past) or after (future)
    when that month is still to come (past) or gone (future); kept only when the document's
    full dates fix that year."""
    out = []
    published, tense = context.published, context.tense
    for m in _BARE_MONTH.finditer(phrase):
        if m["lead"] is None and m["month"] == "May" and month_listed(phrase, *m.span("m")) is None:
            continue  # "May" alone may be the verb; "in May", "April and May" are the month
        month = MONTHS[m["month"].lower().rstrip(".")]
        date = None
        if published is not None:
            now = (published.year, published.month)
            fits = [
                (year, _month_distance(context.years, year, month, against))
                for year, against in sorted(context.years.items())
                if tense == "present"
                or ((year, month) >= now if tense == "future" else (year, month) <= now)
            ]
            year = nearest(fits)
            date = PartialDate(year, month) if year is not None else None
        how = "document" if date is not None else None
        out.append(DateMatch(m.start("m"), m.end("m"), date, True, "month", how))
    return out


def _month_distance(years: Years, year: int, month: int, against: dt.date | None) -> int | None:
    """``_months_apart``, but none when the month goes on from the last full date of a court
    decision's story (``StoryYears``: "In July" after "In January 2025")."""
    if (
        against is not None
        and isinstance(years, StoryYears)
        and years.onward == year
        and (year, month) >= (against.year, against.month)
    ):
        return 0
    return _months_apart(year, month, against)


def _months_apart(year: int, month: int, against: dt.date | None) -> int | None:
    """How far a month is from a day, in days (30 a month)."""
    if against is None:
        return None
    return 30 * abs((year * 12 + month) - (against.year * 12 + against.month))


_MONTH_OF_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b")


def _month_of_year(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "August last year", "March of this year": the year is counted from publication."""
    out = []
    for m in _MONTH_OF_YEAR.finditer(phrase):
        date = None
        if context.published is not None:
            step = {"last": -1, "this": 0, "next": 1}[m["which"]]
            month = MONTHS[m["month"].lower().rstrip(".")]
            date = PartialDate(context.published.year + step, month)
        out.append(DateMatch(m.start(), m.end(), date, True, "year"))
    return out


def _weekday(phrase: str, context: DateContext) -> list[DateMatch]:
    out = []
    for m in _WEEKDAY.finditer(phrase):
        if m.group(0).endswith("s") and not m["wd"].endswith("s"):
            continue  # "on Thursdays": a habit, not a day
        date = None
        if context.published is not None and not _ANY_WEEKDAY.search(phrase[: m.start()]):
            weekday = WEEKDAYS[m["wd"].lower()]
            date = _resolve_weekday(context.published, weekday, m["which"], context.tense)
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def _resolve_weekday(
    published: dt.date, weekday: int, which: str | None, tense: str
) -> PartialDate | None:
    """A bare weekday follows the tense of its clause. Past or present: the most recent such
    day on or before publication, the publication day itself when it is that weekday (news
    style: "said Thursday" in a Thursday story; docs/evaluation.md); "last Thursday" is before
    it. Future or "next": the next such day after publication; "will testify Thursday" in a
    Thursday story may be today or in a week, so it stays unresolved."""
    which = (which or "").lower()
    if which == "next" or (tense == "future" and which != "last"):
        delta = (weekday - published.weekday()) % 7 or 7
        if tense == "future" and which != "next" and weekday == published.weekday():
            return None  # "will testify Thursday" on a Thursday: today or in a week
        return PartialDate.from_date(published + dt.timedelta(days=delta), "day")
    delta = (published.weekday() - weekday) % 7
    if which == "last" and delta == 0:
        delta = 7
    return PartialDate.from_date(published - dt.timedelta(days=delta), "day")


SIMPLE_OFFSETS = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1, "moments ago": 0,
}  # fmt: skip


def _simple_relative(phrase: str, context: DateContext) -> list[DateMatch]:
    out = []
    for m in _SIMPLE_RELATIVE.finditer(phrase):
        date = None
        if context.published is not None:
            day = context.published + dt.timedelta(days=SIMPLE_OFFSETS[m["word"].lower()])
            date = PartialDate.from_date(day, "day")
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def anaphoric_offset(phrase: str) -> int | None:
    """Days from the date just stated to an ``ANAPHORIC_DAY`` phrase; None when it is not one."""
    m = ANAPHORIC_DAY.fullmatch(phrase.strip())
    if m is None:
        return None
    if m["count"]:  # "Nine days later", "two days earlier"
        count = m["count"].lower()
        days = int(count) if count.isdigit() else _NUMBERS[count]
        return days if m["way"].lower() == "later" else -days
    word = (m["step"] or m["side"] or "").lower()
    return {"next": 1, "following": 1, "after": 1, "previous": -1, "prior": -1, "before": -1}.get(
        word, 0
    )


def _anaphoric(phrase: str, context: DateContext) -> list[DateMatch]:
    return (
        [DateMatch(m.start(), m.end(), None, True, "day") for m in ANAPHORIC_DAY.finditer(phrase)]
        + [_period_from_publication(m, context) for m in ANAPHORIC_PERIOD.finditer(phrase)]
        + [
            DateMatch(m.start(), m.end(), None, True, "year" if m["unit"] else "month")
            for m in THAT_YEAR.finditer(phrase)
        ]
        + [
            DateMatch(m.start(), m.end(), None, True, _NEEDS[m["unit"].lower()])
            for m in COUNTED_PERIOD.finditer(phrase)
        ]
    )


def _period_from_publication(m: re.Match[str], context: DateContext) -> DateMatch:
    """ "the next month", "the previous year" read from publication, as "next month" is: what
    they mean when the text states no date before them (events.py counts them from one)."""
    unit = m["unit"].lower()
    which = "next" if m["step"].lower() in {"next", "following"} else "previous"
    date = None
    if context.published is not None:
        date = _resolve_period(context.published, which, unit, context.tense)
    needs = {"week": "day", "month": "month"}.get(unit, "year")
    return DateMatch(m.start(), m.end(), date, True, needs)


def anaphoric_period(phrase: str) -> tuple[int, str] | None:
    """The step and unit of an ``ANAPHORIC_PERIOD`` phrase ("the following year": (1,
    "year")), of ``THAT_YEAR`` ("later that month": (0, "month")) or of ``COUNTED_PERIOD``
    ("two years later": (2, "year")); None when it is not one."""
    that = THAT_YEAR.fullmatch(phrase.strip())
    if that is not None:
        return 0, "year" if that["unit"] else "month"
    counted = COUNTED_PERIOD.fullmatch(phrase.strip())
    if counted is not None:
        count = counted["count"].lower()
        step = int(count) if count.isdigit() else _NUMBERS[count]
        return (step if counted["way"].lower() == "later" else -step), counted["unit"].lower()
    m = ANAPHORIC_PERIOD.fullmatch(phrase.strip())
    if m is None:
        return None
    return (1 if m["step"].lower() in {"next", "following"} else -1), m["unit"].lower()


def period_after(stated: PartialDate, step: int, unit: str) -> PartialDate | None:
    """The period ``step`` units from a stated date ("the next month" after March 4, 2019:
    2019-04); None when the stated date is too coarse for the unit. A week is its month when it
    lies in one, never a day."""
    if unit == "year":
        return PartialDate(stated.year + step)
    if unit == "month":
        if stated.month is None:
            return None
        index = stated.year * 12 + stated.month - 1 + step
        return PartialDate(index // 12, index % 12 + 1)
    if stated.precision.value != "day":
        return None
    day = stated.start + dt.timedelta(weeks=step)
    monday = day - dt.timedelta(days=day.weekday())
    week = covering(monday, monday + dt.timedelta(days=6))
    return week if week.precision.value == "month" else None


def covering(first: dt.date, last: dt.date) -> PartialDate:
    """The most precise partial date containing the whole range (month, else year)."""
    if first == last:
        return PartialDate.from_date(first, "day")
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else PartialDate(last.year)


def _period(phrase: str, context: DateContext) -> list[DateMatch]:
    out = []
    for m in _PERIOD.finditer(phrase):
        if m["which"].lower() == "past" or _PART_OF_NAMED.match(phrase, m.end()):
            continue  # "the past year" is a duration, not a point in time
        if ANAPHORIC_PERIOD.match(phrase, max(0, m.start() - 4)):
            continue  # "the next month": counted from the story's date (``_anaphoric``)
        date = None
        if context.published is not None:
            which, unit = m["which"].lower(), m["unit"].lower()
            date = _resolve_period(context.published, which, unit, context.tense)
        needs = {"week": "day", "month": "month"}.get(m["unit"].lower(), "year")
        out.append(DateMatch(m.start(), m.end(), date, True, needs))
    return out


def _resolve_period(published: dt.date, which: str, unit: str, tense: str) -> PartialDate | None:
    step = {"next": 1, "this": 0, "earlier this": 0, "later this": 0, "early this": 0,
            "late this": 0, "earlier in the": 0}.get(which, -1)  # fmt: skip
    if unit == "year":
        first_year = published.year + step
        if first_year != published.year and which.startswith(("later", "earlier in")):
            return None
        return PartialDate(first_year)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return PartialDate(month_index // 12, month_index % 12 + 1)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
    first, last = monday, monday + dt.timedelta(days=6)
    if step == 0 and tense == "past":
        last = published  # "earlier this week": not after publication
    partial = covering(first, last)
    if partial.precision.value == "year" and first.year != last.year:
        return None
    if partial.precision.value == "day":
        return PartialDate(partial.year, partial.month)  # a week is never a day
    return partial


#: A part of the current period, named without "this": "by the end of the year", "the end of
#: the month" (news: the period the story is in).
_PERIOD_PART = re.compile(
    r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+"
    r"(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)


def _period_part(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "by the end of the year", "the end of the month": in a present or future clause, the
    publication's year or month (a week: its month when the week lies in one); in a past
    clause the period of a story told may be any, so it stays unresolved."""
    out = []
    for m in _PERIOD_PART.finditer(phrase):
        unit = m["unit"].lower()
        date = None
        if context.published is not None and context.tense != "past":
            date = _resolve_period(context.published, "this", unit, "future")
        out.append(DateMatch(m.start(), m.end(), date, True, "month" if unit != "year" else "year"))
    return out


_WEEKEND = re.compile(
    r"\b(?:(?P<which>this\s+past|the\s+past|this|last|next|the)\s+)weekend\b", re.IGNORECASE
)


def _weekend(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "over the weekend", "this weekend", "last weekend": the Saturday and Sunday the clause
    points to (past or present: the last one on or before publication, "last weekend" the one
    before a weekend publication day; future: the coming one), as the month that holds both
    (never a day, a weekend is two); "next weekend" may be either coming one: unresolved."""
    out = []
    for m in _WEEKEND.finditer(phrase):
        which = " ".join(m["which"].lower().split())
        date = None
        published = context.published
        if published is not None and which != "next":
            if context.tense == "future" and which in {"this", "the"}:
                saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
            else:
                back = (published.weekday() - 5) % 7  # days since the last Saturday
                if which == "last" and published.weekday() >= 5:
                    back += 7
                saturday = published - dt.timedelta(days=back)
            sunday = saturday + dt.timedelta(days=1)
            if saturday.month == sunday.month:
                date = PartialDate(saturday.year, saturday.month)
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def _season(phrase: str, context: DateContext) -> list[DateMatch]:
    """ "this fall", "last summer": only the year is known (winter spans two years: skipped)."""
    out = []
    for m in _SEASON.finditer(phrase):
        date = None
        if context.published is not None:
            step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
            date = PartialDate(context.published.year + step)
        out.append(DateMatch(m.start(), m.end(), date, True))
    return out


def _ago(phrase: str, context: DateContext) -> list[DateMatch]:
    out = []
    for m in _AGO.finditer(phrase):
        date = None
        if context.published is not None:
            n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
            date = _resolve_ago(context.published, n, m["unit"].lower())
        needs = {"day": "day", "week": "day", "month": "month"}.get(m["unit"].lower(), "year")
        out.append(DateMatch(m.start(), m.end(), date, True, needs))
    return out


def _resolve_ago(published: dt.date, n: int, unit: str) -> PartialDate | None:
    if unit == "day":
        return PartialDate.from_date(published - dt.timedelta(days=n), "day")
    if unit == "week":
        day = published - dt.timedelta(weeks=n)
        return covering(day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - n
        return PartialDate(month_index // 12, month_index % 12 + 1)
    return PartialDate(published.year - n)
