"""Partial dates: parsing, ordering, and never showing more precision than is known."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casebase.core.partial_dates import PartialDate, Precision, format_partial


@pytest.mark.parametrize(
    ("text", "precision", "display", "start", "end"),
    [
        ("2015", Precision.YEAR, "2015", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("2018-02", Precision.MONTH, "Feb 2018", dt.date(2018, 2, 1), dt.date(2018, 2, 28)),
        ("2024-02", Precision.MONTH, "Feb 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2026-04-30", Precision.DAY, "30 Apr 2026", dt.date(2026, 4, 30), dt.date(2026, 4, 30)),
    ],
)
def test_parse_display_and_period(text, precision, display, start, end):
    value = PartialDate.parse(text)
    assert value.precision is precision
    assert value.display() == display
    assert value.iso() == text
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize("bad", ["", "15", "2018-13", "2018-02-30", "Feb 2018", "2018-2"])
def test_parse_rejects_malformed_or_impossible_dates(bad):
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_coarser_dates_sort_before_finer_ones_on_the_same_start():
    dates = [PartialDate.parse(t) for t in ["2018-02-20", "2018", "2015-12", "2018-02", "2015"]]
    assert [d.iso() for d in sorted(dates, key=PartialDate.sort_key)] == [
        "2015",
        "2015-12",
        "2018",
        "2018-02",
        "2018-02-20",
    ]


def test_stored_pairs_display_at_their_precision():
    assert format_partial(dt.date(2015, 12, 1), "month") == "Dec 2015"
    assert format_partial(dt.date(2015, 1, 1), "year") == "2015"
    assert format_partial(None, "day") == ""


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(list(Precision)),
)
def test_round_trip_through_storage(day, precision):
    value = PartialDate.from_date(day, precision)
    assert PartialDate.parse(value.iso()) == value
    assert value.contains(day)
    assert PartialDate.from_date(value.start, value.precision) == value
