"""Year-less dates in transcripts and months listed with "May" (issue 17, round 8).

A transcript ranges over time: what is said in it may be of any year, so only a full date said
before a year-less one fixes its year; a later one does not, and the hearing's own date on the
cover (its publication) gives none. The passages are made up for these tests in the shapes of
court-reporter and printed-hearing transcripts.
"""

from __future__ import annotations

import datetime as dt

from casebase.analysis.dates import YearFixer, month_listed, parse_absolute, parse_phrase
from casebase.analysis.pipeline import analyse

Row = tuple[str, str | None]

HEARING_DAY = dt.date(2020, 8, 4)


def _events(text: str, published: dt.date | None, kind: str | None = "transcript") -> list[Row]:
    analysis = analyse(text, published=published, known=[], kind=kind)
    return [(e.anchor, e.date) for e in analysis.events]


#: A plea hearing's cover and a turn that speaks of a month without its year.
PLEA_HEARING = (
    "UNITED STATES DISTRICT COURT\n"
    "NORTHERN DISTRICT OF CALIFORNIA\n"
    "Tuesday, August 4, 2020\n"
    "REPORTER'S TRANSCRIPT OF PROCEEDINGS\n"
    "1 THE COURT: Please be seated.\n"
    "2 MS. ROE: Your Honor, the agreement was changed after it was\n"
    "3 filed on March 19th. And since March, our office has changed its\n"
    "4 policy on that waiver.\n"
)


def test_the_cover_date_gives_no_year_to_what_is_said_in_a_transcript() -> None:
    rows = dict(_events(PLEA_HEARING, HEARING_DAY))
    assert rows.get("March 19th", "absent") is None
    assert "2020-03-19" not in rows.values()
    assert not any(date and date.startswith("2020-03") for date in rows.values())


def test_the_publication_year_still_fixes_a_letter_that_is_no_transcript() -> None:
    """Outside transcripts nothing changes: a letter dated March 23, 2021 writes of "March 17"."""
    fixer = YearFixer(parse_absolute("Dated: March 23, 2021."), dt.date(2021, 3, 23))
    assert dict(fixer.at(200)) == {2021: dt.date(2021, 3, 23)}


def test_a_later_full_date_fixes_no_earlier_year_less_date_in_a_transcript() -> None:
    text = "We have until March 30th. That was in August of 2007."
    absolute = parse_absolute(text)
    published = dt.date(2008, 11, 19)
    assert dict(YearFixer(absolute, published).at(0)) == {2007: None}
    assert dict(YearFixer(absolute, published, ranging=True).at(0)) == {}


def test_a_full_date_said_before_still_fixes_the_year_in_a_transcript() -> None:
    text = "Trial was set for May 2021. Then in March we will meet."
    fixer = YearFixer(parse_absolute(text), dt.date(2020, 12, 8), ranging=True)
    years = fixer.at(text.index("March"))
    assert dict(years) == {2021: dt.date(2021, 5, 1)}
    found = parse_phrase("in March", published=dt.date(2020, 12, 8), tense="future", years=years)
    assert [m.date.iso() if m.date else None for m in found] == ["2021-03"]


def test_a_hearing_s_year_less_deadline_before_a_later_year_stays_unresolved() -> None:
    """A printed hearing: "until March 30th" is said before "August of 2007" is mentioned; the
    later year must not be given to it."""
    text = (
        "    The Chairman. The hearing will come to order.\n"
        "    Mr. Smith. We have enough cash from today until March 30th, and no longer.\n"
        "    The Chairman. Thank you.\n"
        "    Mr. Jones. Our sales fell sharply, beginning in August of 2007, as you know.\n"
        "    Mr. Smith. I agree with that.\n"
        "    The Chairman. Mr. Brown.\n"
    )
    rows = _events(text, dt.date(2008, 11, 19))
    assert ("March 30th", "2007-03-30") not in rows
    assert ("August of 2007", "2007-08") in rows


def test_may_in_a_list_of_months_is_a_month() -> None:
    assert month_listed("March, April, and May for", 18, 21) == (7, 21)
    assert month_listed("May and June", 0, 3) == (0, 12)
    assert month_listed("April or May", 9, 12) == (0, 12)
    assert month_listed("May I ask, June?", 0, 3) is None
    assert month_listed("May 4 and June 5", 0, 3) is None
    published = dt.date(2025, 2, 4)
    years = {2026: dt.date(2026, 2, 1)}
    found = parse_phrase("April, and May", published=published, tense="future", years=years)
    assert [m.date.iso() if m.date else None for m in found] == ["2026-04", "2026-05"]
    assert parse_phrase("May", published=published, tense="future", years=years) == []


def test_may_listed_after_other_months_in_a_turn_is_an_event() -> None:
    text = (
        "1 THE COURT: Discovery closes in February of 2026.\n"
        "2 Let's say March, April, and May for expert discovery.\n"
        "3 MR. DOE: Yes, Your Honor. We may need more time.\n"
    )
    rows = _events(text, dt.date(2025, 2, 4))
    assert ("May", "2026-05") in rows
    assert all(anchor != "may" for anchor, _ in rows)


def test_a_date_said_in_apposition_to_today_is_the_hearing_day() -> None:
    """ "through today, December 8th?" names the hearing's own day; a month and day said
    elsewhere in the transcript takes no year from the cover."""
    text = (
        "1 THE COURT: Good morning.\n"
        "2 MR. DOE: Your Honor, the previous waiver ran through today,\n"
        "3 December 8th? And the letter of December 2nd was late.\n"
        "4 THE COURT: Yes.\n"
    )
    rows = _events(text, dt.date(2020, 12, 8))
    assert ("December 8th", "2020-12-08") in rows
    assert ("December 2nd", None) in rows or all(a != "December 2nd" for a, _ in rows)
