"""Pleading paper's margin line numbers hidden from spaCy (casebase.analysis.line_numbers)."""

from __future__ import annotations

import datetime as dt

from casebase.analysis.line_numbers import blank_line_numbers
from casebase.analysis.pipeline import analyse

#: Musk v. Altman, N.D. Cal. 4:24-cv-04722-YGR, OpenAI Defendants' counterclaims (Dkt. 147,
#: 2025), page 6: double-spaced pleading paper with its margin's numbers.
COUNTERCLAIMS = (
    " 1    alone would serve the mission for the time being. Musk became a “member” of the"
    " nonprofit and\n\n"
    " 2    a co-chair of OpenAI, Inc.’s board of directors.\n\n"
    " 3            25.     The “specific purpose” of OpenAI, Inc., as reflected in its founding\n\n"
    " 4    Incorporation, was “to provide funding for research.”\n\n"
    " 5    The Certificate stated that the “technology will benefit the public”\n\n"
    " 6    and the corporation will seek to open source technology for the public benefit.\n\n"
    " 7    These statements comported with discussions Altman, Brockman, Musk, and Sutskever"
    " had in the\n\n"
    " 8    months before and shortly after OpenAI’s formation. In June 2015, Musk agreed with"
    " Altman to\n\n"
    " 9    “have an ongoing conversation about what work should be open-sourced and what"
    " shouldn’t.” In\n\n"
    "10    January 2016, Sutskever proposed and Musk agreed that “[a]s we get closer to"
    " building AI, it will\n\n"
    "11    make sense to start being less open.”\n\n"
    "12            26.     OpenAI’s mission, as stated in the OpenAI, Inc. Charter, is to"
    " “ensure that\n"
)

#: Williams v. Wells Fargo, N.D. Cal. 3:22-cv-00990, Complaint (2022): numbers alone on their
#: lines between two lines of one sentence.
WILLIAMS = (
    "1 JURISDICTION, VENUE, AND DIVISIONAL ASSIGNMENT\n2\n"
    "1. This Court has jurisdiction over this matter pursuant to 28 U.S.C. §§ 1331 and 1343.\n3\n"
    "In addition, this Court has diversity jurisdiction pursuant to 28 U.S.C. § 1332, as the"
    " amount in\n4\n"
    "controversy exceeds $75,000, Plaintiff is a citizen of Georgia, and neither Defendant is a"
    " citizen of\n5\n"
    "Georgia. Defendant Wells Fargo & Co. is incorporated in Delaware and its principal place"
    " of\n6\n"
    "business is in San Francisco, California, as set forth further below. Defendant Wells Fargo"
    " Bank,\n7\n"
    "8 N.A. is a national banking association chartered in South Dakota and with its principal"
    " place of\n"
    "9 business in San Francisco, California.\n10\n"
    "2. Venue is proper in the Northern District of California pursuant to 28 U.S.C.\n11\n"
    "§ 1391(b) because both Defendants reside in this District.\n12\n13\n"
)


def test_line_numbers_are_blank_and_every_offset_stays() -> None:
    seen = blank_line_numbers(WILLIAMS)
    assert len(seen) == len(WILLIAMS)
    assert "\n2\n" not in seen and "8 N.A." not in seen and "9 business" not in seen
    assert "1. This Court" in seen and "2. Venue" in seen  # numbered paragraphs stay
    # "7" alone on its line becomes the indentation of the line after it: one line break
    assert "Defendant Wells Fargo Bank,\n    N.A. is" in seen
    assert blank_line_numbers("1 of 2\n3 of 4\n") == "1 of 2\n3 of 4\n"  # too few to count


def test_a_date_after_a_margin_number_is_the_month_the_text_says() -> None:
    analysis = analyse(COUNTERCLAIMS, published=dt.date(2025, 4, 9), known=[], kind="complaint")
    dated = {(e.anchor, e.date) for e in analysis.events}
    assert ("January 2016", "2016-01") in {(a, str(d)) for a, d in dated}
    assert not any("10" in e.anchor for e in analysis.events)  # "10    January 2016"
    event = next(e for e in analysis.events if e.anchor == "January 2016")
    assert COUNTERCLAIMS[event.start : event.end] == event.sentence  # the text as stored


def test_a_double_spaced_pleadings_sentence_is_one_sentence() -> None:
    analysis = analyse(COUNTERCLAIMS, published=dt.date(2025, 4, 9), known=[], kind="complaint")
    stated = next(c for c in analysis.claims if "Certificate" in c.sentence)
    assert stated.sentence.startswith("The Certificate stated")
    assert "public benefit." in stated.sentence  # across the blank line, to its full stop
