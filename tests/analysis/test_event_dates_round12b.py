"""Periods counted from a stated date (issue 17; round 12, branch h-dates12b).

Each test quotes a public text (URL in its comment). Two shapes of language:

- "Later that month", "that same month" are the month of the date the text just stated,
  "That evening" its day, and "a month later", "two years later" count whole months or years
  from it, never more precisely than the text: a month from a month, a year from a year,
  nothing from a year for a month. A bare "that month" may point further back: not counted.
- The date a month or year is counted from is the story's own, not a date in an aside:
  inside a quotation, inside parentheses, or the start of a span ("since June 13, 2014"). A
  date inside a quotation fixes no other date's year either. When the story's last date is one
  the text does not fix, neither is the period counted from it.
"""

from __future__ import annotations

import datetime as dt

from casebase.analysis.pipeline import analyse

Row = tuple[str, str | None]


def _events(text: str, published: dt.date | None, kind: str = "news_article") -> list[Row]:
    analysis = analyse(text, published=published, known=[], kind=kind)
    return [(e.anchor, e.date) for e in analysis.events]


# Wikipedia, "YouTube" (history), https://en.wikipedia.org/wiki/YouTube, as quoted in Cohere's
# documentation, https://github.com/cohere-ai/cohere-developer-experience (before: "Later that
# month" was no event).
YOUTUBE = (
    'The term "Elsagate" was coined on the Internet and then used by various news outlets to '
    "refer to this controversy. On November 11, 2017, YouTube announced it was strengthening "
    "site security to protect children from unsuitable content. Later that month, the company "
    "started to mass delete videos and channels that made improper use of family-friendly "
    "characters."
)


def test_later_that_month_is_the_month_just_stated() -> None:
    assert _events(YOUTUBE, dt.date(2025, 9, 1)) == [
        ("November 11, 2017", "2017-11-11"),
        ("Later that month", "2017-11"),
    ]


# World Nuclear Association, "Nuclear Power in Japan", https://world-nuclear.org/
# information-library/country-profiles/countries-g-n/japan-nuclear-power (the NRA paragraph;
# "NRAapproved" as published): the parenthesis is an aside, the story is in December 2022.
JAPAN = (
    "In December 2022 the NRAapproved a draft of a new rule that would allow the country's "
    "nuclear power reactors to operate beyond the 60-year limit by excluding the time they "
    "spent offline for inspections (the law came into force in June 2025). Later that month, "
    "the government adopted a new policy maximizing the use of existing reactors by restarting "
    "as many of them as possible and prolonging the operating lifetimes of ageing units, whilst "
    "also developing advanced reactors. In February 2023 the cabinet approved the new policy, "
    "whilst also giving the green light to build new reactors."
)


def test_later_that_month_skips_a_date_in_parentheses() -> None:
    assert ("Later that month", "2022-12") in _events(JAPAN, None)


# Stanford Engineering, "A period of transformation" (100 Years of Stanford Engineering),
# https://github.com/SU-SOE/soe-centennial-nextjs/blob/main/app/stories/
# a-period-of-transformation/page.tsx (before: "Just a month later" was an event without a
# date). Sputnik 1 was launched on October 4, 1957.
STANFORD = (
    "In September 1957, the School of Engineering established the Division of Aeronautics in "
    "the Department of Mechanical Engineering. Walter Vincenti, known for his study of "
    "high-speed aerodynamics and his later work on heat shields for spacecraft, was appointed "
    "as the division\u2019s first professor. Nicholas Hoff, an expert in strong, lightweight "
    "aircraft structures, was named executive head.\n"
    "Just a month later, the Russians launched the world\u2019s first satellite into orbit. "
    "The Space Age had begun."
)


def test_a_month_later_counts_from_the_month_stated() -> None:
    assert _events(STANFORD, None) == [
        ("September 1957", "1957-09"),
        ("Just a month later", "1957-10"),
    ]


# CNN, April 1, 2015, "Palestinians officially join International Criminal Court" (article 0 of
# the CNN/Daily Mail summarization test set, as quoted in a public model card): the date inside
# the quotation is the jurisdiction's start, not the story's. Before: "January" was January
# 2014 (the quoted date's year, a wrong date; the Palestinians signed in January 2015) and,
# with this round's first rule alone, "Later that month" June 2014. Now neither is dated:
# nothing the text states fixes January's year.
CNN = (
    "(CNN)The Palestinian Authority officially became the 123rd member of the International "
    "Criminal Court on Wednesday, a step that gives the court jurisdiction over alleged crimes "
    "in Palestinian territories. The formal accession was marked with a ceremony at The Hague, "
    "in the Netherlands, where the court is based. The Palestinians signed the ICC's founding "
    "Rome Statute in January, when they also accepted its jurisdiction over alleged crimes "
    'committed "in the occupied Palestinian territory, including East Jerusalem, since June '
    '13, 2014." Later that month, the ICC opened a preliminary examination into the situation '
    "in Palestinian territories, paving the way for possible war crimes investigations against "
    "Israelis."
)


def test_a_quoted_date_neither_fixes_a_year_nor_starts_a_count() -> None:
    dates = dict(_events(CNN, dt.date(2015, 4, 1)))
    assert dates["June 13, 2014"] == "2014-06-13"
    assert dates["January"] is None
    assert dates["Later that month"] is None


# Wikipedia, "Villisca axe murders", https://en.wikipedia.org/wiki/Villisca_axe_murders, as
# quoted in a public repository (before: "That evening" was no event).
VILLISCA = (
    "On June 9, 1912, Mary Katherine Moore invited Ina Mae (8) and Lena Gertrude Stillinger "
    "(12) to spend the night at the Moore residence. That evening, the visiting girls and the "
    "Moore family attended the Presbyterian church where they participated in the Children's "
    "Day Program, which Sarah had coordinated."
)


def test_that_evening_is_the_day_just_stated() -> None:
    assert _events(VILLISCA, dt.date(2024, 1, 1)) == [
        ("June 9, 1912", "1912-06-09"),
        ("That evening", "1912-06-09"),
    ]


# Zachary A. MacDonald, "Tapestry Keyring" (blog post of February 5, 2021),
# https://github.com/ZAdamMac/ZAdamMac.github.io/blob/master/_posts/
# 2021-02-05-Tapestry-Keyring.markdown: an alternative of months shares the year written after
# it (before: "March" was read from publication, and without one was no date).
TAPESTRY = (
    "Tapestry 2.2, including this feature, small quality of life changes, and automated "
    "handling of backup storage in Amazon S3, is coming in March or April 2021."
)


def test_an_alternative_of_months_shares_the_year_written_after_it() -> None:
    assert _events(TAPESTRY, None) == [("March", "2021-03"), ("April 2021", "2021-04")]


# A. Kirilenko, A. S. Kyle, M. Samadi and T. Tuzun, "The Flash Crash: High-Frequency Trading in
# an Electronic Market", Journal of Finance 72(3), 2017, note to Table I (text as stored in a
# public repository; no canonical URL was found for the copy): a range of days in one month
# with one year is each day, as "April 14-15, 2020" is (before: "May 3", then the year "2010"
# alone as a second, coarser event).
FLASH_CRASH = (
    "This table presents summary statistics for the June 2010 E-mini S&P 500 futures contract. "
    "The first column presents averages calculated for May 3 through 5, 2010, between 8:30 and "
    "15:15 CT."
)


def test_a_range_of_days_written_with_through_is_its_days() -> None:
    assert _events(FLASH_CRASH, None) == [
        ("June 2010", "2010-06"),
        ("May 3", "2010-05-03"),
        ("5, 2010", "2010-05-05"),
    ]
