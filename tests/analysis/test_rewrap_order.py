"""A name cut by a line break grows to the longest form the text writes whole, whatever order
the forms come in: the result never depends on Python's hash seed (two workers storing the same
text stored different mentions before)."""

from __future__ import annotations

import pytest

from casebase.analysis.entities import Candidate, _rewrap_forward

# In re Vizio, Inc. Consumer Privacy Litigation, C.D. Cal. 8:16-ml-02693, ECF 282-1,
# https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.645219.282.1.pdf
PASSAGE = (
    "Inscape Services, LLC (formerly Vizio Inscape Services, LLC) is a defendant. The second"
    " consolidated complaint named Vizio Inscape Technologies, LLC and Vizio\n"
    "Inscape Services, LLC. The Defendant"
)
FORMS = ["Vizio Inscape Services", "Vizio Inscape Services, LLC", "Vizio Inscape Technologies"]


@pytest.mark.parametrize("order", [FORMS, FORMS[::-1], FORMS[1:] + FORMS[:1]])
def test_the_longest_form_written_whole_wins_in_any_order(order: list[str]) -> None:
    start = PASSAGE.index("Vizio\n")
    cand = Candidate(start, start + len("Vizio"), "Vizio", "organization")
    _rewrap_forward(PASSAGE, cand, dict.fromkeys(order).keys())  # type: ignore[arg-type]
    assert cand.text == "Vizio\nInscape Services, LLC"
