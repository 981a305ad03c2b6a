"""The natural partial-date parser behind the admin's date fields."""

from __future__ import annotations

import pytest

from casebase.core.partial_dates import PartialDate, Precision, parse_natural


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2015", "2015", Precision.YEAR),
        ("2018-02", "2018-02", Precision.MONTH),
        ("Feb 2018", "2018-02", Precision.MONTH),
        ("February 2018", "2018-02", Precision.MONTH),
        ("sept. 2019", "2019-09", Precision.MONTH),
        ("2026-04-30", "2026-04-30", Precision.DAY),
        ("30 April 2026", "2026-04-30", Precision.DAY),
        ("  30  apr  2026 ", "2026-04-30", Precision.DAY),
        ("April 30, 2026", "2026-04-30", Precision.DAY),
        ("1st May 2020", "2020-05-01", Precision.DAY),
    ],
)
def test_parses_what_editors_type(text: str, expected: str, precision: Precision) -> None:
    value = parse_natural(text)
    assert value.iso() == expected
    assert value.precision is precision


@pytest.mark.parametrize(
    "text", ["", "yesterday", "Foo 2018", "2018-13", "31 Feb 2018", "30 April", "April 2018 12"]
)
def test_rejects_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_natural(text)


def test_round_trips_the_display_form() -> None:
    for value in (PartialDate(2015), PartialDate(2018, 2), PartialDate(2026, 4, 30)):
        assert parse_natural(value.display()) == value
