"""Case and court names by their shape (cases.yaml, the dev texts and the Tax Court PDF)."""

from __future__ import annotations

import pytest

from casebase.analysis.legal_names import case_names, court_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See Google LLC v. Oracle America, Inc., 593 U.S. 1 (2021).",
         "Google LLC v. Oracle America, Inc."),
        ("In Brand v. Commissioner, the court held that", "Brand v. Commissioner"),
        ("Miller v. Commissioner, T.C. Memo. 2007-1", "Miller v. Commissioner"),
        ("centralized in In re OpenAI, Inc. Copyright Infringement Litigation, No. 25-md-3143",
         "In re OpenAI, Inc. Copyright Infringement Litigation"),
        ("Bartz et al. v. Anthropic PBC, 24-cv-05417", "Bartz et al. v. Anthropic PBC"),
        ("hiQ Labs, Inc. v. LinkedIn Corp., 31 F.4th 1180", "hiQ Labs, Inc. v. LinkedIn Corp."),
        ("VAN BUREN v. UNITED STATES", "VAN BUREN v. UNITED STATES"),
    ],
)  # fmt: skip
def test_case_names(text: str, expected: str) -> None:
    found = case_names(text)
    assert [n.text for n in found] == [expected]
    assert text[found[0].start : found[0].end] == expected


def test_courts_share_one_key_however_written() -> None:
    text = (
        "Certiorari to the United States Court of Appeals for the Eleventh Circuit. Van Buren "
        "appealed to the Eleventh Circuit. The U.S. District Court for the Northern District of "
        "California and the Northern District of California."
    )
    found = court_names(text)
    assert [n.key for n in found] == [
        "court:eleventh circuit",
        "court:eleventh circuit",
        "court:northern district of california",
        "court:northern district of california",
    ]
    assert court_names("the circuit judges agreed") == []
