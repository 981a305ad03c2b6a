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
    phrase: str,
    published: dt.date | PartialDate | None = FRIDAY,
    tense: str = "past",
    years: frozenset[int] = frozenset(),
) -> list[str | None]:
    matches = parse_phrase(phrase, published=published, tense=tense, years=years)
    return [m.date.iso() if m.date else None for m in matches]


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
        ("August last year", "2025-08"),
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


def test_a_decade_is_a_point_in_time_without_a_date() -> None:
    # round 11 (h-dates11): "studied at MIT in the 1990s" dates a statement the text makes;
    # no day, month or year says it, so it is an event without a date (was no event)
    (match,) = parse_phrase("the 1990s", published=None)
    assert match.date is None


@pytest.mark.parametrize(
    "phrase",
    [
        "three years",
        "the past year",
        "decades",
        "in her 30s",
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
    assert _iso("in December", published=march, years=frozenset({2024})) == ["2024-12"]
    assert _iso("last month", published=march) == ["2025-02"]
    assert _iso("Tuesday", published=march) == [None]
    assert _iso("last week", published=march) == [None]
    year_only = PartialDate(2025)
    assert _iso("last year", published=year_only) == ["2024"]
    assert _iso("in December", published=year_only, years=frozenset({2024})) == [None]


#: The case-update entry dated May 11, 2023 on https://githubcopilotlitigation.com/case-updates.html
GITHUB_UPDATE = (
    "On Thursday May 4, the Court held a hearing on the motions to dismiss filed by Microsoft, "
    "GitHub, and OpenAI, as well as a motion filed by the plaintiffs to preserve their anonymity.\n"
    "Beyond that, as is common in cases like this, the Court has given the plaintiffs permission "
    "to address remaining pleading issues by filing an amended complaint (by June 8).\n"
)


def test_weekday_of_a_date_and_deadlines() -> None:
    analysis = analyse(GITHUB_UPDATE, published=dt.date(2023, 5, 11), known=[])
    assert [(e.anchor, e.date, e.resolved_by) for e in analysis.events] == [
        # One date, not a second one on 11 May: Thursday fixes the year (4 May 2023 is one).
        ("Thursday May 4", "2023-05-04", "weekday"),
        # No weekday, and the update states no full date that would fix its year.
        ("June 8", None, None),
    ]


def test_month_and_day_without_year_are_never_another_year() -> None:
    may_2023, years = dt.date(2023, 5, 11), frozenset({2023})
    # Past tense but after publication: unresolved rather than guessed as last year.
    assert _iso("June 8", published=may_2023, years=years) == [None]
    assert _iso("on May 4", published=may_2023, years=years) == ["2023-05-04"]
    assert _iso("by June 8", published=may_2023, years=years) == ["2023-06-08"]  # a deadline
    # Without full dates of that year in the document, the publication year is no proof.
    assert _iso("on May 4", published=may_2023) == [None]
    assert _iso("in March", published=may_2023) == [None]
    # The year the text's own full dates fix is the year, not the publication's.
    assert _iso("on May 4", published=may_2023, years=frozenset({2022})) == ["2022-05-04"]
    # Two years that both fit the tense fix none.
    assert _iso("on May 4", published=may_2023, years=frozenset({2022, 2023})) == [None]


def _events(text: str, published: dt.date) -> list[tuple[str, str | None, str | None]]:
    analysis = analyse(text, published=published, known=[])
    return [(e.anchor, e.date, e.resolved_by) for e in analysis.events]


#: Reuters, https://www.channelnewsasia.com/news/business/us-judge-schedules-hearing-in-sec-
#: lawsuit-against-tesla-s-musk-11383358, published Wednesday 27 March 2019.
REUTERS_SCHEDULES = (
    "A federal judge on Tuesday scheduled an April 4 hearing to hear oral arguments in the U.S. "
    "Securities and Exchange Commission lawsuit seeking to hold Tesla Inc Chief Executive Elon "
    "Musk in contempt."
)


def test_a_weekday_follows_the_tense_of_its_own_clause() -> None:
    # "scheduled" schedules, but "on Tuesday" is when the judge did it: the Tuesday before.
    # The hearing's "April 4" names no year and the text states no full date: unresolved.
    assert _events(REUTERS_SCHEDULES, dt.date(2019, 3, 27)) == [
        ("on Tuesday", "2019-03-26", "publication"),
        ("April 4", None, None),
    ]


#: https://atlantaintownpaper.com/2020/07/first-court-hearing-set-for-kemp-vs-bottoms-over-
#: masks-but-settlement-might-be-in-the-works/, published Thursday 23 July 2020.
INTOWN_HEARING_SET = (
    "The first hearing on Gov. Brian Kemp’s lawsuit against Mayor Keisha Lance Bottoms and the "
    "Atlanta City Council over COVID-19 mask requirements and restrictions is set for Tuesday, "
    "July 28."
)


def test_the_weekday_written_with_a_date_fixes_its_year() -> None:
    assert _events(INTOWN_HEARING_SET, dt.date(2020, 7, 23)) == [
        ("Tuesday, July 28", "2020-07-28", "weekday")  # 28 July 2020 is a Tuesday
    ]
    # A weekday that does not fall on the date in the publication year fixes nothing.
    assert _events(INTOWN_HEARING_SET, dt.date(2021, 7, 23)) == [("Tuesday, July 28", None, None)]


#: https://thenationalnews.com/future/technology/2025/01/11/tiktok-fights-for-us-survival-at-
#: the-supreme-court, published Saturday 11 January 2025.
NATIONAL_TIKTOK = (
    "Incredibly popular but increasingly embattled social media platform TikTok made its case "
    "to the US Supreme Court on Friday in a last-gasp effort to fight a law that could "
    "essentially ban the app in the US on January 19."
)
#: https://ainews.date/8dpyrTLgdOC: its date line, then a sentence of the article.
AINEWS_NYT = (
    "Published March 27, 2025\n\n"
    "The lawsuit was filed in the previous year, with the recent decision coming after oral "
    "arguments in January."
)


def test_a_date_without_a_year_gets_one_only_from_the_document() -> None:
    assert _events(NATIONAL_TIKTOK, dt.date(2025, 1, 11)) == [
        ("on Friday", "2025-01-10", "publication"),
        ("January 19", None, None),  # no full date in the text fixes its year
    ]
    dated = _events(AINEWS_NYT, dt.date(2025, 3, 27))
    assert ("January", "2025-01", "document") in dated  # the date line fixes 2025


#: CNBC, https://www.nbcsandiego.com/news/business/money-report/elon-musk-drops-suit-against-
#: openai-and-sam-altman/3538624/, published Tuesday 11 June 2024.
CNBC_WITHDREW = (
    "Elon Musk on Tuesday withdrew his lawsuit against OpenAI and two of the company's "
    "co-founders, Sam Altman and Greg Brockman, in California state court."
)


def test_a_past_weekday_on_its_own_publication_day() -> None:
    # News style (and docs/evaluation.md): "on Tuesday" in a Tuesday report is that day, not
    # the Tuesday a week before, though the text does not say "today".
    assert _events(CNBC_WITHDREW, dt.date(2024, 6, 11)) == [
        ("on Tuesday", "2024-06-11", "publication")
    ]
    # "last Tuesday" in a Tuesday report is the week before.
    earlier = CNBC_WITHDREW.replace("on Tuesday", "last Tuesday")
    assert _events(earlier, dt.date(2024, 6, 11)) == [("last Tuesday", "2024-06-04", "publication")]


#: AP, https://www.kunm.org/kunm-news-update/2026-02-02/mon-meta-investigation-heads-to-trial-
#: in-new-mexico-more, published Monday 2 February 2026.
AP_THIS_WEEK = (
    "In California, opening arguments are scheduled this week for a personal injury case in Los "
    "Angeles County Superior Court that could determine how thousands of similar lawsuits "
    "against social media companies will play out."
)


def test_this_week_is_never_a_day() -> None:
    # Published on the Monday: the week still to come is 2-8 February, known to the month.
    assert _events(AP_THIS_WEEK, dt.date(2026, 2, 2)) == [("this week", "2026-02", "publication")]


#: Deposition of Pomerantz in Marshall v. Northrop (C.D. Cal.), https://github.com/
#: freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/
#: gov.uscourts.cacd.657892.202.2.pdf (line numbers left out).
POMERANTZ_EITHER_YEAR = (
    "Q. And when was the most recent time when you performed research to support portfolios "
    "invested in emerging markets assets?\nA. I worked as an RIA as -- most recently probably "
    "2002 or -3."
)


def test_one_of_two_years_fixes_no_year() -> None:
    assert _events(POMERANTZ_EITHER_YEAR, dt.date(2018, 10, 29)) == [("2002 or -3", None, None)]
    assert _iso("in 2019 or 2020", published=None) == [None]


#: Calderon-Fuentes v. CEVA Logistics, Tenn. Ct. Workers' Comp. Claims, expedited hearing
#: order entered October 2, 2019 (the claim history, then its date line):
#: https://github.com/freelawproject/courtlistener/blob/main/cl/corpus_importer/test_assets/tenn_test_files/1450/Calderon_Fuentes_EHO.pdf
CALDERON = (
    "Claim History\n"
    "According to Mr. Calderon-Fuentes, on July 25, 2018, while driving his forklift,\n"
    "he collided with another forklift. Mr.\n"
    "Calderon-Fuentes worked for eight more days after the incident, until August 2, when he\n"
    "asked to leave because he was not feeling well.\n"
)


def test_a_date_without_a_year_takes_the_year_of_the_full_date_before_it() -> None:
    october_2019 = dt.date(2019, 10, 2)
    events = _events(CALDERON, october_2019)
    assert ("August 2", "2018-08-02", "document") in events  # "July 25, 2018" comes first
    # With the order's own date line the text states full dates in 2018 and in 2019: both
    # years fit "until August 2", and 2018 puts it 8 days after "July 25, 2018", 2019 two
    # months before the order: the narrative's year is clearly nearer.
    events = _events(CALDERON + "ENTERED October 2, 2019.\n", october_2019)
    assert ("August 2", "2018-08-02", "document") in events
    # Neither clearly nearer (six months after July 25, 2018, eight before the order): none.
    far = CALDERON.replace("until August 2", "until January 25")
    events = _events(far + "ENTERED October 2, 2019.\n", october_2019)
    assert ("January 25", None, None) in events


#: Status conference in United States v. Balwani (N.D. Cal., 2020; the court reporter's lines,
#: numbers and times left out), https://github.com/freelawproject/x-ray/blob/
#: 64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data1/gov.uscourts.cand.327949.640.0.pdf
BALWANI_LAST_WEEK_OF = (
    "So either the last week of January or that first week of February would work for the "
    "government. The Court: I think I had reserved some time the last week in August of 2021."
)


def test_the_last_week_of_a_named_month_is_that_month_not_last_week() -> None:
    """ "The last week of January" is a part of January, not the week before the text was
    published; "last week" alone still counts back from publication."""
    assert _iso("the last week of January", years=frozenset({2021})) == ["2021-01"]
    assert _iso("the last week in August of 2021") == ["2021-08"]
    assert _iso("the last month of 2020") == ["2020"]
    assert _iso("last week") == ["2026-04"]
    events = _events(BALWANI_LAST_WEEK_OF, dt.date(2020, 11, 4))
    assert [(anchor, date) for anchor, date, _ in events] == [
        ("January", "2021-01"),  # the year the text states (2021) fixes it
        ("February", "2021-02"),
        ("August of 2021", "2021-08"),
    ]
