"""All-capitals passages re-cased for spaCy at the same offsets (casebase.analysis.capitals)."""

from __future__ import annotations

import datetime as dt

from casebase.analysis.capitals import capital_passages, recase, restore_case
from casebase.analysis.pipeline import analyse
from casebase.analysis.types import Analysis, FoundClaim, FoundEvent, KnownEntity

#: Perry v. Schwarzenegger, N.D. Cal. C 09-2292, transcript of 20 January 2010 (Dkt. 596),
#: https://it.scribd.com/doc/53988708/3-09-cv-02292-596 : a court reporter's capitals.
PERRY = (
    "5 BEFORE THE HONORABLE JOSEPH C. SPERO, MAGISTRATE JUDGE\n\n"
    "6 KRISTIN M. PERRY, ET AL., )\n\n\n)\n"
    "7 PLAINTIFFS, )\n)\n"
    "8 VS. ) NO. C 09-2292 VRW (JCS)\n)\n"
    "9 ARNOLD SCHWARZENEGGER, )\nET AL., )\n10 )\nDEFENDANTS. )\n"
    "11 ____________________________)\n\n"
    "12 SAN FRANCISCO, CALIFORNIA\n\n\nWEDNESDAY, JANUARY 20, 2010\n13\n"
    "TRANSCRIPT OF PROCEEDINGS\n14\nAPPEARANCES:\n15\n"
    "FOR PLAINTIFF: GIBSON DUNN & CRUTCHER LLP\n"
    "17 BY: MATTHEW DEMPSEY MC GILL\nATTORNEY AT LAW\n\n"
    "2\n\n"
    "1 WEDNESDAY, JANUARY 20, 2010 1:30 P.M.\n\n"
    "2 (THE FOLLOWING PROCEEDINGS WERE HEARD IN OPEN COURT:)\n\n"
    "3 THE CLERK: CALLING CASE C 09-2292, KRISTIN PERRY\n\n"
    "4 VERSUS ARNOLD SCHWARZENEGGER.\n\n"
    "5 COUNSEL, PLEASE STATE YOUR APPEARANCES.\n\n"
    "6 MR. MC CARTHY: VINCE MC CARTHY FOR THE MOVEMENT AND\n\n"
    "7 NON-PARTY WITNESSES.\n\n"
    "10 THE COURT: MR. MC CARTHY, THANK YOU.\n\n"
    "11 MR. MC GILL: MATTHEW MC GILL FOR THE PLAINTIFF, YOUR\n\n"
    "12 HONOR.\n\n"
    "13 MS. SCHILLER: JOSH SCHILLER ASSISTING MR. MC GILL FOR\n\n"
    "14 THE PLAINTIFFS.\n\n"
    "15 THE COURT: THANK YOU VERY MUCH.\n\n"
    "16 WE'RE HERE, AS I UNDERSTAND IT, ON THE TWO MOTIONS\n\n"
    "17 THAT WERE FILED BY THE PASTORS. AND I'VE BRIEFLY REVIEWED THE\n\n"
    "18 PAPERS THAT MR. MC CARTHY FILED AND THE OPPOSITION, I GUESS, TO\n\n"
    "19 THAT, THOSE PAPERS.\n"
)

#: United States v. Balwani, N.D. Cal. 5:18-cr-00258-EJD, Zoom status conference of
#: 8 December 2020 (Dkt. 640), https://github.com/freelawproject/x-ray/blob/
#: 64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data1/gov.uscourts.cand.327949.640.0.pdf :
#: the caption, and the reporter's timestamp lines between the numbered lines.
BALWANI = (
    "UNITED STATES OF AMERICA, )\n6 ) CR-18-00258-EJD\nPLAINTIFF, )\n"
    "7 ) SAN JOSE, CALIFORNIA\nVS. )\n8 ) DECEMBER 8, 2020\nRAMESH SUNNY BALWANI, )\n"
    "9 ) PAGES 1 - 15\nDEFENDANT. )\n10 )\n)\n"
    "4 THE COURT: THANK YOU. GOOD MORNING.\n10:13AM\n"
    "5 LET'S CALL 18-258, UNITED STATES VERSUS RAMESH BALWANI.\n10:13AM\n"
    "6 I KNOW MS. KRATZMANN HAS SIGNED YOU IN, BUT WHY DON'T I\n10:13AM\n"
    "7 JUST CAPTURE FOR THE RECORD THE APPEARANCES OF THE PARTIES,\n10:13AM\n"
    "8 PLEASE.\n10:13AM\n"
    "9 WHO APPEARS FOR THE GOVERNMENT?\n10:13AM\n"
    "10 MR. LEACH: GOOD MORNING, YOUR HONOR.\n10:13AM\n"
    "11 THIS IS ROBERT LEACH ON BEHALF UNITED STATES. I APOLOGIZE\n10:13AM\n"
    "12 I'M NOT ON THE VIDEO. I'M HAVING SOME TECHNICAL ISSUES IN THE\n10:14AM\n"
    "13 OFFICE.\n10:14AM\n"
    "21 I SEE THAT IT DESCENDS FROM -- WITH SOME DEADLINES FROM\n10:15AM\n"
    "22 MAY OF NEXT YEAR, 2021, THROUGH A PROPOSED TRIAL DATE OF\n10:15AM\n"
    "23 AUGUST, THE LAST WEEK IN AUGUST OF 2021 WITH -- IN BETWEEN WITH\n10:15AM\n"
    "8 DOING REMOTE COURT FOR SOME TIME. AS YOU PROBABLY KNOW, IN THE\n10:16AM\n"
    "9 NORTHERN DISTRICT OF CALIFORNIA OUR COURTS ARE -- WE'LL REALLY\n10:16AM\n"
)

#: Jewel v. NSA, N.D. Cal., amended transcript (mixed case, its cover in capitals),
#: http://religiondocbox.com/Atheism_and_Agnosticism/117285334-United-states-district-court-northern-district-of-california.html
JEWEL = (
    "3 THE COURT: Good afternoon. Please be seated. THE CLERK: Calling Case Number C. 0-, "
    "Caroyln Jewel, et al. versus National Security Agency, et al., and Case Number C. -, First "
    "Unitarian Church of Los Angeles, et al., versus National Security Agency, et al.\n"
    "Counsel, please step forward to the podiums and state your appearances. MS. COHN: Good "
    "afternoon, Your Honor. Cindy Cohn, for the plaintiffs in both cases. THE COURT: Good "
    "afternoon. MR. WIEBE: Good afternoon, Your Honor. Richard Wiebe, for the plaintiffs in "
    "Jewel and First Unitarian.\n"
)


def _same_but_case(text: str, seen: str) -> None:
    assert len(seen) == len(text)
    assert seen.lower() == text.lower()


def test_a_transcripts_capitals_are_found_from_its_first_turn_on() -> None:
    passages = capital_passages(PERRY)
    assert len(passages) == 1
    assert PERRY[passages[0].start :].startswith("3 THE CLERK:")  # the cover stays as written
    assert passages[0].end == len(PERRY) - 1


def test_mixed_case_text_is_left_alone() -> None:
    assert capital_passages(JEWEL) == []
    assert recase(JEWEL) is JEWEL
    short = "MEMORANDUM OPINION AND ORDER GRANTING DEFENDANTS' MOTION TO DISMISS\n\nThe Court ..."
    assert recase(short) is short  # a heading in capitals is no passage


def test_recasing_keeps_every_offset_and_reads_the_structure() -> None:
    seen = recase(PERRY)
    _same_but_case(PERRY, seen)
    assert PERRY[: PERRY.index("3 THE CLERK:")] == seen[: PERRY.index("3 THE CLERK:")]
    # the label stays; the sentence after it starts with a capital; the caption's parties
    assert "3 THE CLERK: Calling case C 09-2292, Kristin Perry" in seen
    assert "4 versus Arnold Schwarzenegger." in seen
    # a label's name and an honorific's name are names everywhere; "I" and its contractions
    assert "6 MR. MC CARTHY: Vince Mc Carthy for the movement" in seen
    assert "13 MS. SCHILLER: Josh Schiller assisting Mr. Mc Gill for" in seen
    assert "17 that were filed by the pastors. And I've briefly reviewed" in seen
    assert "I guess, to" in seen


def test_timestamps_and_line_numbers_do_not_end_sentences() -> None:
    seen = recase(BALWANI)
    _same_but_case(BALWANI, seen)
    assert "5 Let's call 18-258, United States versus Ramesh Balwani." in seen
    assert "6 I know Ms. Kratzmann has signed you in" in seen
    assert "7 just capture for the record" in seen  # the sentence goes on across "10:13AM"
    assert "10:13AM" in seen  # the reporter's timestamps stay as written
    assert seen.startswith("UNITED STATES OF AMERICA, )")  # the cover stays as written
    assert "11 This is Robert Leach on behalf United States." in seen
    assert "12 I'm not on the video. I'm having" in seen
    # months ("MAY" only where it is one) and a state
    assert "22 May of next year, 2021" in seen and "August of 2021" in seen
    assert "9 northern district of California" in seen


def test_known_names_are_written_as_known() -> None:
    known = [
        KnownEntity(
            "ndcal", "U.S. District Court for the Northern District of California", "court",
            ("Northern District of California",),
        )
    ]  # fmt: skip
    seen = recase(BALWANI, known=known)
    assert "9 Northern District of California our courts are" in seen


def test_letters_whose_lower_case_is_longer_keep_their_case() -> None:
    text = "THE COURT: THE WITNESS WAS BORN IN İZMIR. " * 12
    seen = recase(text)
    assert len(seen) == len(text)
    assert "İzmir" in seen or "İZMIR" in seen  # "İ".lower() is two characters: kept


def test_results_quote_the_text_as_written() -> None:
    analysis = analyse(
        BALWANI, published=dt.date(2020, 12, 8), known=[], kind="transcript", furniture=()
    )
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert mention.text == BALWANI[mention.start : mention.end]
    names = {e.name: e for e in analysis.entities}
    assert "Kratzmann" in names  # the name, re-cased
    assert names["Kratzmann"].mentions[0].text == "KRATZMANN"  # the mention, as written
    for event in analysis.events:
        assert event.sentence == BALWANI[event.start : event.end]
        assert event.anchor in BALWANI
    months = {e.anchor: e.date for e in analysis.events}
    # the month with its year said twice is one date (round 8), which dates the AUGUST after it
    assert months.get("MAY OF NEXT YEAR, 2021") == "2021-05"
    assert months.get("AUGUST") == "2021-08"


def test_restore_case_reads_quotes_and_anchors_from_the_written_text() -> None:
    written = "THE COURT: I SAID THE TRIAL IS IN FEBRUARY."
    seen = "THE COURT: I said the trial is in February."
    analysis = Analysis(
        events=[FoundEvent("2021-02", "month", "February", 11, 44, seen[11:])],
        claims=[FoundClaim("Davila", "said", "the trial is in February", seen[11:], 11, 44)],
    )
    restore_case(analysis, seen, written)
    assert analysis.events[0].anchor == "FEBRUARY"
    assert analysis.events[0].sentence == written[11:]
    assert analysis.claims[0].quote == "THE TRIAL IS IN FEBRUARY"
    assert analysis.claims[0].sentence == written[11:]
    assert analysis.claims[0].speaker == "Davila"
