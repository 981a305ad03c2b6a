"""Date phrases to partial dates: absolute, relative to publication, and false dates."""

from __future__ import annotations

import datetime as dt

import pytest

from casebase.analysis.dates import parse_absolute, parse_phrase
from casebase.analysis.pipeline import analyse
from casebase.core.partial_dates import PartialDate

from .conftest import AP_JUDGE_DENIES, AP_PUBLISHED, TOKEN_TIMES

FRIDAY = dt.date(2026, 5, 1)


def _iso(
    phrase: str, published: dt.date | PartialDate | None = FRIDAY, tense: str = "past"
) -> list[str | None]:
    return [m.date.iso() if m.date else None for m in parse_phrase(phrase, published=published,
                                                                   tense=tense)]  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Feb. 29, 2024", "2024-02-29"),
        ("February 29, 2024", "2024-02-29"),
        ("29 February 2024", "2024-02-29"),
        ("2024-02-29", "2024-02-29"),
        ("11/14/24", "2024-11-14"),
        ("March 2023", "2023-03"),
        ("2015", "2015"),
        ("Sept. 2, 2025", "2025-09-02"),
    ],
)
def test_absolute_dates_keep_their_precision(phrase: str, expected: str) -> None:
    assert _iso(phrase, published=None) == [expected]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Thursday", "2026-04-30"),  # the most recent Thursday before Friday 1 May 2026
        ("last Friday", "2026-04-24"),
        ("Friday", "2026-05-01"),  # news style: the weekday of publication is that day
        ("yesterday", "2026-04-30"),
        ("last week", "2026-04"),  # 20-26 April: only the month is known
        ("earlier this year", "2026"),
        ("last year", "2025"),
        ("last month", "2026-04"),
        ("two days ago", "2026-04-29"),
        ("on March 4", "2026-03-04"),
    ],
)
def test_relative_dates_resolve_against_publication(phrase: str, expected: str) -> None:
    assert _iso(phrase) == [expected]


@pytest.mark.parametrize(
    "phrase", ["Thursday", "last week", "earlier this year", "yesterday", "on March 4"]
)
def test_relative_dates_without_publication_are_unresolved(phrase: str) -> None:
    matches = parse_phrase(phrase, published=None)
    assert len(matches) == 1 and matches[0].date is None and matches[0].relative


def test_future_tense_points_forward() -> None:
    assert _iso("next Monday") == ["2026-05-04"]
    assert _iso("Monday", tense="future") == ["2026-05-04"]
    assert _iso("Friday", tense="future") == [None]  # today or a week from now: not guessed


@pytest.mark.parametrize(
    "phrase",
    [
        "three years",
        "the past year",
        "decades",
        "the 1990s",
        "52-year-old",
        "may",
        "80%",
        "2,024",
        "age 52",
        "Thursdays",
    ],
)
def test_false_dates_are_rejected(phrase: str) -> None:
    assert parse_phrase(phrase, published=FRIDAY) == []


def test_impossible_dates_are_rejected() -> None:
    assert parse_absolute("February 30, 2024") == []
    assert parse_absolute("13/45/2024") == []


def test_events_in_a_news_report() -> None:
    analysis = analyse(AP_JUDGE_DENIES, published=AP_PUBLISHED, known=[])
    dated = {(e.anchor, e.date, e.precision) for e in analysis.events}
    assert ("Tuesday", "2025-03-04", "day") in dated  # the day before Wednesday 5 March
    assert ("late last year", "2024", "year") in dated
    assert all(e.date is not None for e in analysis.events)
    ruling = next(e for e in analysis.events if e.anchor == "Tuesday")
    assert ruling.sentence.startswith("U.S. District Judge Yvonne Gonzalez Rogers ruled")
    assert AP_JUDGE_DENIES[ruling.start : ruling.end] == ruling.sentence
    assert "Yvonne Gonzalez Rogers" in ruling.entities


def test_date_span_is_trimmed_to_the_date() -> None:
    text = "In a filing on Feb. 29, 2024, Musk sued OpenAI in San Francisco Superior Court."
    analysis = analyse(text, published=None, known=[])
    assert [(e.anchor, e.date) for e in analysis.events] == [("Feb. 29, 2024", "2024-02-29")]


def test_years_and_weekday_in_one_report() -> None:
    analysis = analyse(TOKEN_TIMES, published=FRIDAY, known=[])
    assert [(e.anchor, e.date) for e in analysis.events] == [
        ("Thursday", "2026-04-30"),
        ("2023", "2023"),
        ("2024", "2024"),
    ]


def test_reporter_pages_and_citation_years_are_not_events() -> None:
    text = "The Court relied on Google LLC v. Oracle America, Inc., 593 U.S. 1 (2021)."
    assert analyse(text, published=None, known=[]).events == []


def test_partial_publication_dates_resolve_only_what_they_can() -> None:
    march = PartialDate(2025, 3)
    assert _iso("last year", published=march) == ["2024"]
    assert _iso("later this year", published=march) == ["2025"]
    assert _iso("in December", published=march) == ["2024-12"]
    assert _iso("last month", published=march) == ["2025-02"]
    assert _iso("Tuesday", published=march) == [None]
    assert _iso("last week", published=march) == [None]
    year_only = PartialDate(2025)
    assert _iso("last year", published=year_only) == ["2024"]
    assert _iso("in December", published=year_only) == [None]


#: The case-update entry dated May 11, 2023 on https://githubcopilotlitigation.com/case-updates.html
GITHUB_UPDATE = (
    "On Thursday May 4, the Court held a hearing on the motions to dismiss filed by Microsoft, "
    "GitHub, and OpenAI, as well as a motion filed by the plaintiffs to preserve their anonymity.\n"
    "Beyond that, as is common in cases like this, the Court has given the plaintiffs permission "
    "to address remaining pleading issues by filing an amended complaint (by June 8).\n"
)


def test_weekday_of_a_date_and_deadlines() -> None:
    analysis = analyse(GITHUB_UPDATE, published=dt.date(2023, 5, 11), known=[])
    assert [(e.anchor, e.date) for e in analysis.events] == [
        ("May 4", "2023-05-04"),  # "Thursday" names that day: no second event on 11 May
        ("June 8", "2023-06-08"),  # a deadline after publication, not June of last year
    ]


def test_month_and_day_without_year_are_never_another_year() -> None:
    # Past tense but after publication: unresolved rather than guessed as last year.
    assert _iso("June 8", published=dt.date(2023, 5, 11)) == [None]
    assert _iso("on May 4", published=dt.date(2023, 5, 11)) == ["2023-05-04"]
    assert _iso("by June 8", published=dt.date(2023, 5, 11)) == ["2023-06-08"]
