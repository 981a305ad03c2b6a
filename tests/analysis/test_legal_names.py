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
        # a transcript's "vs.", "et al." on both sides, "v." at a line start
        ("in Epic Games vs. Apple. It was partial", "Epic Games vs. Apple"),
        ("calling the case of Musk versus Altman, Case Number", "Musk versus Altman"),
        ("See Musk, et al. v. Altman, et al., No. 4:24-cv-04722", "Musk, et al. v. Altman, et al."),
        ("a decision in Hernandez Roman, et al.\nv. Wolf, et al., Case No. 20-55436",
         "Hernandez Roman, et al.\nv. Wolf, et al."),
        # a heading's capitals, after the words that lead to it
        ("MOTION TO STAY PENDING DECISION IN HERNANDEZ ROMAN, ET AL. V. WOLF, ET AL., CASE NOS.",
         "HERNANDEZ ROMAN, ET AL. V. WOLF, ET AL."),
        ("ORDER IN SEC V. RIPPLE LABS, INC. today", "SEC V. RIPPLE LABS, INC."),
        # the sentence before a citation signal is no part of the first party
        ("registered by the Copyright Office. See Thaler\nv. Perlmutter, 130 F.4th 1039",
         "Thaler\nv. Perlmutter"),
        ("Bell Atl. Corp. v. Twombly, 550 U.S. 544", "Bell Atl. Corp. v. Twombly"),
        # a docket listing's "Doc." after the name
        ("Thomson Reuters Enterprise Centre GmbH et al v. ROSS Intelligence Inc. Doc. 547",
         "Thomson Reuters Enterprise Centre GmbH et al v. ROSS Intelligence Inc."),
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


@pytest.mark.parametrize(
    "text",
    [
        "META PLATFORMS, INC., Plaintiffs, v. BRIGHT DATA LTD., Defendant.",  # a caption's role
        "RUBEN DIAZ,\nEmployee,\nv.\nCREATE AND CONSTRUCT,\nEmployer,",
        "No. 1:20-cv-613-SB v. ROSS INTELLIGENCE INC., Defendant.",  # judge's initials
        "Case: 18-15982, Page 2 of 24\n\n2 PATEL V. FACEBOOK\n\nSUMMARY",  # running head
        "EPIC GAMES, INC. V. APPLE, INC.   7\nthe district court",
    ],
)
def test_no_case_name(text: str) -> None:
    assert case_names(text) == []


def test_one_key_however_a_case_is_written() -> None:
    text = (
        "Zepeda Rivas et al. v. Jennings, et al., No. 20-cv-02731. In Zepeda Rivas v. Jennings "
        "the court ruled.\nMETA PLATFORMS, INC. V. BRIGHT DATA LTD.\nThe court in Meta Platforms, "
        "Inc. v. Bright Data Ltd."
    )
    assert [n.key for n in case_names(text)] == [
        "case:zepeda rivas v jennings",
        "case:zepeda rivas v jennings",
        "case:meta platforms v bright data",
        "case:meta platforms v bright data",
    ]
