"""Date phrases to partial dates.

Only phrases spaCy tags as dates (plus unambiguous full dates it missed) are parsed here, with
our own rules: ``dateparser.search_dates`` over whole texts is slow and finds false dates. A
relative phrase ("Thursday", "last week", "earlier this year") is resolved against the
publication date; without one it stays unresolved (``date`` None): never guessed. Durations,
ages, decades and bare numbers are not dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

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
_ABSOLUTE = [
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("us", re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
]
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)")
_BARE_MONTH = re.compile(
    rf"(?P<lead>\b(?:in|on|since|by|until|through|early|late|mid|last|this|next|of|during|from|"
    rf"for|before|after)[\s-]+)?(?P<m>{_MONTH})(?![\w-])"
)
_YEAR_ONLY = re.compile(rf"(?<![\d$.,/-]){_YEAR}(?![\d%s'’-]|\s*(?:%|percent))")
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)s?\b"
)
_SIMPLE_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|"
    r"last night)\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?P<which>last|this|next|past|earlier this|later this|early this|late last|"
    r"earlier last|earlier in the|late this|previous)\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"\b(?P<which>last|this|next)\s+(?P<season>spring|summer|fall|autumn)\b", re.IGNORECASE
)
_AGO = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
#: Phrases that are not points in time even when the model tags them DATE.
_NOT_A_DATE = re.compile(
    r"(?:\b\d+s\b|\bdecades?\b|\bcentur(?:y|ies)\b|-year-old|\bold\b|\bage[sd]?\b|\bfiscal\b|"
    r"\bquarter\b|\bseason\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date phrase at [start, end) of the parsed text; ``date`` None when unresolved.

    ``needs`` is how precisely the publication date must be known to resolve a relative phrase
    ("Thursday" needs the day, "in March" the month, "last year" the year)."""

    start: int
    end: int
    date: PartialDate | None
    relative: bool
    needs: str = "year"


Published = dt.date | PartialDate | None
_RANK = {"year": 0, "month": 1, "day": 2}


def parse_absolute(text: str) -> list[DateMatch]:
    """Full dates ("Feb. 29, 2024", "29 February 2024", "2024-02-29", "2/29/2024") and months
    with years ("March 2023"), wherever they are in ``text``."""
    found: list[DateMatch] = []
    for precision, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if _overlaps(found, m.start(), m.end()):
                continue
            date = _absolute(m, precision)
            if date is not None:
                found.append(DateMatch(m.start(), m.end(), date, False))
    return found


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


def parse_phrase(phrase: str, *, published: Published, tense: str = "past") -> list[DateMatch]:
    """Every date in a phrase the model tagged as a date (offsets relative to ``phrase``).

    ``tense`` ("past", "present" or "future") decides which way a bare weekday or month points.
    """
    known, precision = _anchor(published)
    found = parse_absolute(phrase)
    if _NOT_A_DATE.search(phrase) and not found:
        return []
    finders = (_month_day, _weekday, _simple_relative, _period, _season, _ago, _bare_month, _year)
    for finder in finders:
        for match in finder(phrase, known, tense):
            if _RANK[match.needs] > _RANK[precision] and match.date is not None:
                match = DateMatch(match.start, match.end, None, True, match.needs)
            if not _overlaps(found, match.start, match.end):
                found.append(match)
    return sorted(found, key=lambda d: d.start)


def _anchor(published: Published) -> tuple[dt.date | None, str]:
    """The publication date as a day to count from, and how precisely it is known."""
    if published is None:
        return None, "year"
    if isinstance(published, PartialDate):
        return published.start, published.precision.value
    return published, "day"


def _overlaps(found: list[DateMatch], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in found)


def _year(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    return [DateMatch(m.start(), m.end(), PartialDate(int(m["year"])), False)
            for m in _YEAR_ONLY.finditer(phrase)]  # fmt: skip


_DEADLINE = ("by", "until", "before", "through", "due")


def _month_day(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _MONTH_DAY.finditer(phrase):
        month = MONTHS[m["month"].lower().rstrip(".")]
        date = None
        if published is not None:
            deadline = phrase[: m.start()].rstrip().lower().endswith(_DEADLINE)
            date = _same_year_day(published, month, int(m["day"]), "any" if deadline else tense)
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def _same_year_day(published: dt.date, month: int, day: int, tense: str) -> PartialDate | None:
    """A month and day written without a year are in the publication year (news style writes
    the year otherwise), when that agrees with the tense: not after publication for the past,
    not before it for the future. Otherwise unresolved, never another year by guess."""
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return None
    if tense == "future" and candidate < published:
        return None
    if tense == "past" and candidate > published:
        return None
    return PartialDate(published.year, month, day)


def _bare_month(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _BARE_MONTH.finditer(phrase):
        if m["lead"] is None and m["month"] == "May":
            continue  # "May" alone may be the verb; "in May" is the month
        month = MONTHS[m["month"].lower().rstrip(".")]
        date = None
        if published is not None:
            year = published.year
            if tense == "future" and month < published.month:
                year += 1
            elif tense != "future" and month > published.month:
                year -= 1
            date = PartialDate(year, month)
        out.append(DateMatch(m.start("m"), m.end("m"), date, True, "month"))
    return out


def _weekday(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _WEEKDAY.finditer(phrase):
        if m.group(0).endswith("s") and not m["wd"].endswith("s"):
            continue  # "on Thursdays": a habit, not a day
        date = None
        if published is not None:
            date = _resolve_weekday(published, WEEKDAYS[m["wd"].lower()], m["which"], tense)
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def _resolve_weekday(
    published: dt.date, weekday: int, which: str | None, tense: str
) -> PartialDate | None:
    """A bare weekday in a report points to the most recent such day before publication; the
    publication day itself when it is that weekday (news style: "said Thursday" on Thursday);
    forward for "next" or future tense."""
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


_SIMPLE_OFFSETS = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1,
}  # fmt: skip


def _simple_relative(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _SIMPLE_RELATIVE.finditer(phrase):
        date = None
        if published is not None:
            day = published + dt.timedelta(days=_SIMPLE_OFFSETS[m["word"].lower()])
            date = PartialDate.from_date(day, "day")
        out.append(DateMatch(m.start(), m.end(), date, True, "day"))
    return out


def covering(first: dt.date, last: dt.date) -> PartialDate:
    """The most precise partial date containing the whole range (month, else year)."""
    if first == last:
        return PartialDate.from_date(first, "day")
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else PartialDate(last.year)


def _period(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _PERIOD.finditer(phrase):
        if m["which"].lower() == "past":
            continue  # "the past year" is a duration, not a point in time
        date = None
        if published is not None:
            date = _resolve_period(published, m["which"].lower(), m["unit"].lower())
        needs = {"week": "day", "month": "month"}.get(m["unit"].lower(), "year")
        out.append(DateMatch(m.start(), m.end(), date, True, needs))
    return out


def _resolve_period(published: dt.date, which: str, unit: str) -> PartialDate | None:
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
    last = min(monday + dt.timedelta(days=6), published) if step == 0 else monday + dt.timedelta(6)
    first = monday
    partial = covering(first, last)
    if partial.precision.value == "year" and first.year != last.year:
        return None
    return partial


def _season(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    """ "this fall", "last summer": only the year is known (winter spans two years: skipped)."""
    out = []
    for m in _SEASON.finditer(phrase):
        date = None
        if published is not None:
            step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
            date = PartialDate(published.year + step)
        out.append(DateMatch(m.start(), m.end(), date, True))
    return out


def _ago(phrase: str, published: dt.date | None, tense: str) -> list[DateMatch]:
    out = []
    for m in _AGO.finditer(phrase):
        date = None
        if published is not None:
            n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
            date = _resolve_ago(published, n, m["unit"].lower())
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
