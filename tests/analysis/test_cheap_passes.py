"""The cheaper rule passes (docs/ingestion.md, session 9) answer as the costlier code did.

The cheap scans that decide whether a costly pattern runs at all: each cue must be found inside
every match of its pattern, or skipping the pattern where the cue is absent would lose
citations. The examples are the forms the patterns' comments quote from court papers (a Ninth
Circuit brief's "2-ER-345", S.D.N.Y.'s "04 Civ. 9541 (LAP)", W.D. Wash.'s "C20-5539RSL",
California's "Cal. Rules of Court, rule 8.1115")"""

from __future__ import annotations

import re

import pytest

from casebase.analysis import citations, dates, legal_names
from casebase.analysis.linking import known_index
from casebase.analysis.spans import Ranges, any_between
from casebase.analysis.types import KnownEntity

CUED = [
    (citations._STATE_COURT_RULE, citations._STATE_COURT_RULE_CUE, [
        "Tex. R. Civ. P. 91a", "Tex. R. App. P. 47.7", "Pa. R. Civ. P. 1028",
        "Cal. R. Ct. 8.1115", "Cal. Rules of Court, rule 8.1115", "N.Y. C.P.L.R. 3211(a)(7)",
        "Ill. S. Ct. R. 23", "TEX. R. CIV. P. 91a",
    ]),
    (citations._EXCERPTS, citations._EXCERPTS_CUE, [
        "ER 12", "2-ER-345", "SER 12", "2-FER-345", "J.A. 12", "JA12", "Appx123", "ROA.123",
        "ROA.22-10338.123", "R. 45, PageID 123", "(App. 34)",
    ]),
    (citations._DISTRICT_STYLE_DOCKET, citations._DISTRICT_STYLE_CUE, [
        "04 Civ. 9541 (LAP)", "19 Cr. 373 (PGG)", "C20-5539RSL", "CR20-123 JLR", "20 CIV 1234",
        "10 CV 6005 (RWS)", "No. 12 C 9994", "NUMBER 12 C 4116",
    ]),
    (citations._PAPER_BRACKET, citations._PAPER_BRACKET_CUE, [
        "motion to dismiss [20]", "Motion [18] to Dismiss", "motions [5, 18, and 22]",
        "MOTION FOR REMAND [16]", "proposed amended complaint [29]",
    ]),
    (citations._PENNSYLVANIA_DOCKET, citations._PENNSYLVANIA_CUE, [
        "No. 879 WDA 2022", "No. 55 EAP 2009", "CP-02-CR-0001241-2020",
    ]),
    (citations._COLON_RULE, citations._COLON_RULE_CUE, [
        "R. 1:36-3", "Rule 4:46-2(c)", "RULE 1:28", "MCR 2.116(C)(10)", "MRE 404(b)",
    ]),
    (citations._DEFINED_PAPER_PIN, citations._DEFINED_PAPER_PIN_CUE, [
        "(“Def.’s Mem.”) at 1", '("Pl.\'s Opp\'n")\nat 4-5',
    ]),
    (citations._RECORD_PART_DEFINED, citations._RECORD_PART_CUE, [
        "Report of Proceedings (RP)", "Clerk's Papers (CP)", 'Administrative Record ("AR")',
        "Record on Appeal (ROA)", "Reporter's Transcript (RT)", "Appellant's Appendix (AA)",
    ]),
    *[(pattern, re.compile(re.escape(literal)), examples)
      for (pattern, literal), examples in zip(citations._RECORD_PAGES, [
          ["(R. at 65.)", "(R. 22, SAC ¶ 5)", "[R. 12 at 3]", "; R. at 80, 113"],
          ["(filing 207)", "see filing 190", "(filing 210 at 1 & n. 1"],
          ["(Filing No. 56)", "See Filing No. 1"],
      ], strict=True)],
]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "cue", "example"),
    [(pattern, cue, example) for pattern, cue, examples in CUED for example in examples],
)
def test_every_match_holds_its_cue(
    pattern: re.Pattern[str], cue: re.Pattern[str], example: str
) -> None:
    match = pattern.search(f"See {example}.")
    assert match is not None, example
    assert cue.search(match.group(0)), example


def test_date_patterns_say_their_first_character_without_changing_what_they_match() -> None:
    text = (  # a filing stamp and a caption's dates (N.D. Ala. and S.D.N.Y. forms)
        "FILEDOct 02, 2019 ... On the 3rd day of May, 2021 and 2021-05-04, 5/6/2021, "
        "FILED 2017 Mar-24 PM 02:20, in March 2023, June 28 and 29, 2021, from May to "
        "December 2015, 2002 or 2003."
    )
    for _, pattern in dates._ABSOLUTE:
        without = re.compile(re.sub(r"^\(\?=[^)]*\)", "", pattern.pattern), pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in without.finditer(text)
        ]


def test_fuzzy_links_are_remembered_per_index() -> None:
    judge = KnownEntity("ygr", "Yvonne Gonzalez Rogers", "person", ("Judge Gonzalez Rogers",))
    index = known_index([judge])
    assert index.fuzzy("Yvonne Gonzales Rogers") == "ygr"
    assert index.fuzzy_found["yvonne gonzales rogers"] == "ygr"
    assert index.fuzzy("Yvonne Gonzales Rogers") == "ygr"
    assert known_index([]).fuzzy("Yvonne Gonzales Rogers") is None


def test_ranges_answer_as_the_loop_over_every_range_does() -> None:
    ranges = [(10, 20), (12, 14), (30, 31), (5, 8)]  # overlapping and out of order
    covered = Ranges(ranges)
    for start in range(0, 35):
        for end in range(start, 36):
            expected = any(s < end and start < e for s, e in ranges)
            assert covered.overlaps(start, end) == expected, (start, end)
    assert not Ranges([]).overlaps(0, 10)


def test_any_between() -> None:
    assert any_between([3, 9, 15], 9, 10)
    assert not any_between([3, 9, 15], 10, 15)
    assert not any_between([], 0, 100)


@pytest.mark.parametrize(
    "example", ["HERNANDEZ ROMAN, ET AL. V. WOLF, ET AL.", "ROSS V. THOMSON", "DOE VS. ROE"]
)
def test_a_capitals_case_name_holds_the_v_its_scan_waits_for(example: str) -> None:
    match = legal_names._CAPS_CASE_NAME.search(f"PENDING DECISION IN {example}")
    assert match is not None
    assert " V. " in match.group(0) or " VS. " in match.group(0)
