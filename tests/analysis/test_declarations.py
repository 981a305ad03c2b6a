"""Sworn declarations: one testimony claim per numbered paragraph, by the declarant the text
names (casebase.analysis.declarations), on a public court filing."""

from __future__ import annotations

from casebase.analysis.declarations import declarant, paragraphs
from casebase.analysis.pipeline import analyse

# Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276, DktEntry 19 (declaration of Judah Lakin)
LAKIN = (
    "DECLARATION OF JUDAH LAKIN\n"
    "I, Judah Lakin, declare as follows:\n"
    "1. I am a licensed attorney admitted to practice in the State of California and\n"
    "before the United States Court of Appeals for the Ninth Circuit.\n"
    "2. I make this declaration in support of Plaintiffs-Appellees’ Motion for a 30-\n"
    "Day Extension of Time to File their Answering Brief.\n"
    "3. The attorneys for Plaintiff-Appellees who are responsible for the Ninth\n"
    "Circuit appeal in this case are currently very busy with emergency fact\n"
    "development and motions before the district court.\n"
    "I declare under penalty of perjury that the foregoing is true and correct.\n"
)


def test_each_numbered_paragraph_is_the_declarants_testimony() -> None:
    analysis = analyse(LAKIN, published=None, known=[])
    sworn = [c for c in analysis.claims if c.verb == "testified"]
    assert [c.speaker for c in sworn] == ["Judah Lakin", "Judah Lakin"]
    assert all(c.under_oath for c in sworn)
    assert LAKIN[sworn[0].start :].startswith("I am a licensed attorney")
    # paragraph 2 is about the declaration itself: no fact, no claim
    assert LAKIN[sworn[1].start :].startswith("The attorneys for Plaintiff-Appellees")
    assert sworn[1].quote == "The attorneys for Plaintiff-Appellees who are responsible for"


def test_the_declarant_comes_from_the_text_only() -> None:
    assert declarant(LAKIN, []) == (LAKIN.index("I, Judah"), "Judah Lakin", None)
    # a heading broken over two lines: the fullest form names the declarant (Griffo v.
    # Oculus VR, C.D. Cal. 8:15-cv-01228, Dkt. 132)
    heading = (
        "DECLARATION OF MICHAEL S.\nKWUN\n"
        "DECLARATION OF MICHAEL S. KWUN IN RESPONSE TO DKT. 127 AND IN SUPPORT OF UNOPPOSED\n"
    )
    assert declarant(heading, []) == (0, "Michael S. Kwun", None)
    without_name = LAKIN.replace("DECLARATION OF JUDAH LAKIN\n", "").replace(
        "I, Judah Lakin, declare as follows:\n", ""
    )
    analysis = analyse(without_name, published=None, known=[])
    assert not [c for c in analysis.claims if c.verb == "testified"]  # never guessed


def test_paragraph_numbers_must_run_in_order() -> None:
    text = "I, Jane Roe, declare:\n1. I saw it.\n2019. A year at a line start.\n2. I left.\n"
    found = paragraphs(text, 0)
    assert [text[s:e].strip() for s, e in found] == [
        "I saw it.\n2019. A year at a line start.",
        "I left.",
    ]


def test_requests_exhibits_and_the_declarants_part_are_no_testimony() -> None:
    # The shape of a counsel's sealing declaration (Griffo v. Oculus VR, C.D. Cal., Dkt. 132),
    # its sentences written for this test; hard-wrapped like the filed PDF.
    text = (
        "DECLARATION OF JANE Q. ROE\n"
        "I, Jane Q. Roe, declare as follows:\n"
        "1. I am a partner at Roe & Doe LLP, counsel of record for Defendants in this\n"
        "action.\n"
        "2. Defendants previously filed an application to seal portions of the\n"
        "deposition transcripts.\n"
        "3. Defendants request that the Court grant leave for portions of Exhibit\n"
        "B to be filed under seal.\n"
        "4. I am attaching as exhibits to this declaration redacted versions of those\n"
        "exhibits. The highlights show the redactions.\n"
        "5. No other redactions to Exhibit B are 19\n"
        "proposed.\n"
        "6. Exhibit C includes the home addresses of two employees.\n"
        "I declare under penalty of perjury that the foregoing is true and correct.\n"
    )
    sworn = [c for c in analyse(text, published=None, known=[]).claims if c.verb == "testified"]
    assert [c.sentence.split()[0] for c in sworn] == ["Defendants", "Exhibit"]
