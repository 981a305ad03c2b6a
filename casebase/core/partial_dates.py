"""Partial dates: "2015", "February 2018", "30 April 2026".

A partial date is stored as the first day of its period plus a precision. It sorts by that first
day (then coarser before finer, so "2018" comes before "2018-02-20") and is never shown with more
precision than is known. Pure Python: used by the analysis code, the models and the exports.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"

    @property
    def rank(self) -> int:
        return {"year": 0, "month": 1, "day": 2}[self.value]


_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises on impossible dates

    @classmethod
    def parse(cls, value: str | int) -> PartialDate:
        """Parse ISO-like text: ``2015``, ``2018-02`` or ``2026-04-30``."""
        match = _ISO.match(str(value).strip())
        if not match:
            raise ValueError(f"not a partial date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        month, day = match["m"], match["d"]
        return cls(int(match["y"]), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date, precision: Precision | str) -> PartialDate:
        precision = Precision(precision)
        if precision is Precision.YEAR:
            return cls(value.year)
        if precision is Precision.MONTH:
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def start(self) -> dt.date:
        """The first day of the period: what the database stores and sorts by."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        if self.day is not None:
            return self.start
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        """``2015``, ``2018-02`` or ``2026-04-30``."""
        return self.start.isoformat()[: {0: 4, 1: 7, 2: 10}[self.precision.rank]]

    def display(self) -> str:
        """``2015``, ``Feb 2018`` or ``30 Apr 2026``: only the precision that is known."""
        if self.precision is Precision.YEAR:
            return str(self.year)
        if self.precision is Precision.MONTH:
            return self.start.strftime("%b %Y")
        return f"{self.day} {self.start.strftime('%b %Y')}"

    def sort_key(self) -> tuple[dt.date, int]:
        return (self.start, self.precision.rank)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.iso()


def format_partial(value: dt.date | None, precision: str | None) -> str:
    """Display a stored (date, precision) pair; empty text when there is no date."""
    if value is None:
        return ""
    return PartialDate.from_date(value, precision or Precision.DAY).display()


_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_NATURAL = (
    re.compile(r"^(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})$"),  # Feb 2018, February 2018
    re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})$"),
    re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$"),
)


def parse_natural(value: str) -> PartialDate:
    """Parse what an editor types: ``2015``, ``2018-02``, ``Feb 2018``, ``2026-04-30``,
    ``30 April 2026`` or ``April 30, 2026``. Raises ValueError with a readable message."""
    text = " ".join(str(value).split()).casefold()
    if _ISO.match(text):
        return PartialDate.parse(text)
    for pattern in _NATURAL:
        match = pattern.match(text)
        if match and match["m"] in _MONTHS:
            day = match.groupdict().get("d")
            return PartialDate(int(match["y"]), _MONTHS[match["m"]], int(day) if day else None)
    raise ValueError(
        f"not a date: {value!r} (try 2015, Feb 2018, 2018-02, 30 April 2026 or 2026-04-30)"
    )
