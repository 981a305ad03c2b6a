"""Statutes whose code is written in capitals (the Bluebook's small capitals in briefs, and
courts that print their own codes so): found, kept as written, normalized in title case."""

from __future__ import annotations

import pytest

from casebase.analysis.citations import find_citations


def _statutes(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.normalized) for c in find_citations(text) if c.kind == "statute"]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        # State v. Torgerson, Wis. Ct. App. No. 2016AP411-CR (July 18, 2017),
        # https://law.justia.com/cases/wisconsin/court-of-appeals/2017/2016ap000411-cr.html
        (
            "Torgerson was charged with a total of twenty-nine violations of WIS. STAT."
            " § 551.21(1)(a) (2005-06) and WIS. STAT. § 551.301(3) (2007-08), both of which",
            [
                ("WIS. STAT.\n§ 551.21(1)(a)", "Wis. Stat. § 551.21(1)(a)"),
                ("WIS. STAT. § 551.301(3)", "Wis. Stat. § 551.301(3)"),
            ],
        ),
        # Dahir Lands, LLC v. American Transmission Co., 794 N.W.2d 784 (Wis. Ct. App. 2010),
        # https://www.casetext.com/case/dahir-lands-v-am-transmission-co-llc
        (
            "the notice requirements in Wis. STAT. § 32.06(8) in order to commence the sixty-day"
            " time limit for an appeal pursuant to Wis. STAT. § 32.06(10).",
            [
                ("Wis. STAT. § 32.06(8)", "Wis. Stat. § 32.06(8)"),
                ("Wis. STAT. § 32.06(10)", "Wis. Stat. § 32.06(10)"),
            ],
        ),
        # State v. Helwig, Wis. Ct. App. No. 2019AP448-CR (June 4, 2020), a heading's words
        # before the code are not the code's:
        # https://law.justia.com/cases/wisconsin/court-of-appeals/2020/2019ap000448-cr.html
        (
            "This appeal is decided by one judge pursuant to WIS. STAT. § 752.31(2)(f) (2017-18).",
            [("WIS. STAT. § 752.31(2)(f)", "Wis. Stat. § 752.31(2)(f)")],
        ),
    ],
)
def test_a_code_in_capitals_is_found(passage: str, expected: list[tuple[str, str]]) -> None:
    passage = passage.replace("STAT. § 551.21", "STAT.\n§ 551.21")  # a line end inside
    assert _statutes(passage) == expected


def test_capitals_without_a_code_give_no_statute() -> None:
    assert _statutes("SEE § 12 OF THE AGREEMENT. THE U.S. § 5 ABOVE") == []
