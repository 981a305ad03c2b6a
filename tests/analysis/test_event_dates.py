"""Which dated sentences are events, and how their dates are fixed (issue 17, event dates).

The passages are written for these tests in the shapes of the development gold texts named in
each comment (court captions and stamps, line-numbered pleadings, docket schedules, hearing
transcripts, news reports): the third-party texts themselves stay in the shared directory.
"""

from __future__ import annotations

import datetime as dt

from casebase.analysis.dates import parse_absolute, parse_phrase
from casebase.analysis.events import _premodifying_years
from casebase.analysis.pipeline import analyse, get_nlp

Row = tuple[str, str | None, str | None]


def _events(text: str, published: dt.date | None, kind: str | None = None) -> list[Row]:
    analysis = analyse(text, published=published, known=[], kind=kind)
    return [(e.anchor, e.date, e.resolved_by) for e in analysis.events]


def _dates(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.date.iso()) for m in parse_absolute(text) if m.date]


#: A court of appeals' caption (the shape of patel-v-facebook and facebook-v-power-ventures):
#: each procedural step is a line of its own, with no verb spaCy sees ("Amended" is tagged a
#: proper noun).
CAPTION = (
    "Appeal from the United States District Court\n"
    "for the Northern District of California\n"
    "Argued and Submitted June 12, 2019\n"
    "San Francisco, California\n"
    "Filed August 8, 2019\n"
    "Amended December 9, 2019\n"
    "Before: Jane Roe and John Doe, Circuit Judges.\n"
)


def test_caption_steps_are_events() -> None:
    dates = {date for _, date, _ in _events(CAPTION, dt.date(2019, 12, 9))}
    assert {"2019-06-12", "2019-08-08", "2019-12-09"} <= dates


#: A court's filing stamp with its date on a line of its own (ca10 and ca5 orders), the same
#: stamp written against its date (Tennessee's "FILEDOct 02, 2019"), and date lines that date
#: the document itself (a signature block, a declaration, a heading's date line).
STAMPED = (
    "Entered for the Court\n"
    "FILED\n"
    "United States Court of Appeals\n"
    "Tenth Circuit\n\n"
    "January 11, 2021\n\n"
    "Clerk of Court\n"
)


def test_a_filing_stamp_is_an_event_and_a_date_line_is_not() -> None:
    assert _events(STAMPED, dt.date(2021, 1, 11)) == [("January 11, 2021", "2021-01-11", "text")]
    glued = "The employee testified at the hearing.\nFILEDOct 02, 2019\n02:19 PM(CT)\n"
    assert ("Oct 02, 2019", "2019-10-02", "text") in _events(glued, dt.date(2019, 10, 2))
    own_dates = (
        "In re Example Litigation\n\n"
        "January 11, 2021\n\n"
        "The motion to dismiss is denied.\n"
        "Dated: August 5, 2016\n"
        "Executed on August 5, 2020 in Oakland, California.\n"
        "August 5, 2020 Respectfully Submitted,\n"
    )
    assert _events(own_dates, dt.date(2021, 1, 11)) == []


#: A pleading whose lines are numbered and spaced apart (musk-v-altman counterclaims): spaCy
#: ends a sentence at every line, so a clause is read with the pieces it runs on into.
PLEADING = (
    "11    the founders wrote to the board about the plan.\n\n"
    "12           3.      But the venture was short-lived. In 2017 and 2018, the founders,\n\n"
    "13    directors, and officers refused to merge the company into another firm. In\n\n"
    "14    January 2016, the founder proposed a change of course.\n"
)


def test_a_sentence_cut_by_numbered_lines_is_read_whole() -> None:
    events = _events(PLEADING, dt.date(2025, 4, 9))
    assert ("2017", "2017", "text") in events
    assert ("2018", "2018", "text") in events
    # "14    January 2016": the line number is no day.
    assert ("January 2016", "2016-01", "text") in events


#: A joint letter's case schedule (ross-v-att): "due by" and its date, a line apart.
SCHEDULE = (
    "The relevant case management dates are as follow: Close of Fact Discovery due by\n"
    "7/8/2021. Designation of Experts due by 7/22/2021. Designation of Rebuttal Experts due by\n"
    "8/26/2021. Close of Expert Discovery due by 9/14/2021.\n"
)


def test_a_schedule_without_verbs_gives_its_dates() -> None:
    dates = [date for _, date, _ in _events(SCHEDULE, dt.date(2021, 3, 23))]
    assert dates == ["2021-07-08", "2021-07-22", "2021-08-26", "2021-09-14"]


#: A hearing transcript (musk-v-altman-pi-hearing, us-v-levandowski): a speaker's verb-less
#: answer is a statement; the cover's date of proceedings is not.
TRANSCRIPT = (
    "1 Tuesday - August 4, 2020 1:59 p.m.\n"
    "2 P R O C E E D I N G S\n"
    "3                THE COURT:    When would you be prepared to close discovery?\n\n"
    "4                MR. SMITH:     February of 2026.\n\n"
    "5                THE COURT:    All right.\n"
)


def test_a_speakers_answer_is_a_statement_and_the_cover_date_is_not() -> None:
    assert _events(TRANSCRIPT, dt.date(2020, 8, 4), kind="transcript") == [
        ("February of 2026", "2026-02", "text")
    ]


def test_the_same_date_twice_in_a_sentence_is_two_events() -> None:
    # cacd-consumerinfo-v-leon: the TRO ran until a day whose morning held the hearing.
    text = (
        "The TRO was extended until August 4, 2016 at 5:00 PM with a hearing on the order set "
        "for August 4, 2016 at 10:00 AM."
    )
    assert [date for _, date, _ in _events(text, dt.date(2016, 8, 5))] == [
        "2016-08-04",
        "2016-08-04",
    ]


def test_a_complete_sentence_without_a_verb_is_an_event() -> None:
    # theshiftmaker: a summary line of a Sunday 17 May 2026 report.
    text = "The trial moved to the jury.\n\nClosing arguments Thursday in Oakland. It was long."
    assert ("Thursday", "2026-05-14", "publication") in _events(text, dt.date(2026, 5, 17))


def test_ranges_and_written_out_days_take_their_year() -> None:
    # mo-app-jagels: "from May to December 2015"; a certificate of service "the 13th day of".
    assert ("May", "2015-05") in _dates("crimes occurring from May to December 2015 in")
    assert ("December", "2015-12") in _dates("from December to February 2016")
    assert _dates("served on this the 13th day of September, 2019.") == [
        ("the 13th day of September, 2019", "2019-09-13")
    ]
    assert ("'06", "2006") in _dates("A. I would say '06 to '14.")
    assert ("'14", "2014") in _dates("A. I would say '06 to '14.")


def test_the_date_closing_a_citation_is_no_event() -> None:
    # tn-cwcc-calderon-fuentes and thaler-v-perlmutter: a decision's date in its citation.
    text = (
        "The worker retains the burden of proof. Buchanan v. Carlex Glass Co., 2015 TN Wrk. "
        "Comp. App. Bd. LEXIS 39, at *6 (Sept. 29, 2015). See Doe v. Roe, No. 22-cv-1564, "
        "Document No. 13-2 (D.D.C. Aug. 18, 2023). The court ruled on March 3, 2024."
    )
    assert _events(text, dt.date(2024, 6, 1)) == [("March 3, 2024", "2024-03-03", "text")]


def test_a_running_header_of_a_court_of_appeals_is_no_event() -> None:
    # zepeda-rivas-v-jennings: the Ninth Circuit's header on every page.
    text = (
        "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 3 of 15\n"
        "Appellees respectfully request that the Court stay further briefing.\n"
    )
    assert _events(text, dt.date(2020, 8, 5)) == []


#: A joint letter dated March 23, 2021 (ross-v-att) that recounts 2018 before its own
#: correspondence: "March 17" is six days before the letter, not five months before 2018's
#: last date.
LETTER = (
    "Counsel met and conferred from November 2020 through March 23, 2021.\n"
    "Mr. Doe alleges that his phone service was hijacked on October 26, 2018. Mr. Doe's March "
    "17 letter was his third written attempt to narrow the issues.\n"
)


def test_a_year_less_date_takes_the_clearly_nearer_year() -> None:
    assert ("March 17", "2021-03-17", "document") in _events(LETTER, dt.date(2021, 3, 23))


def test_today_in_a_quote_is_the_day_it_was_said() -> None:
    # headlineusa: a statement posted on the Tuesday, reported on the Wednesday.
    text = (
        "“We are deeply disappointed in today’s decision,” the company’s chief executive "
        "posted on social media late Tuesday."
    )
    assert _events(text, dt.date(2024, 12, 11)) == [
        ("today", "2024-12-10", "context"),
        ("Tuesday", "2024-12-10", "publication"),
    ]


def test_a_sunday_is_no_day_but_a_monday_motion_is() -> None:
    # zepeda-rivas-v-jennings' footnote; bloomberglaw's "in a Monday motion".
    assert ("Sunday", None, None) in _events(
        "The sixtieth day after the order fell on a Sunday.", dt.date(2020, 8, 5)
    )
    motion = (
        "The trustee said in a Monday motion to dismiss the case that it was filed in bad faith."
    )
    assert ("Monday", "2024-10-21", "publication") in _events(motion, dt.date(2024, 10, 21))


def test_the_next_day_counts_from_the_day_stated_before_it() -> None:
    # tn-wcab-diaz: "On December 30, 2018, ... the following day."
    text = (
        "On December 30, 2018, the employee slipped on a wet walkway and fell. He reported the "
        "injury to the owner the following day."
    )
    assert ("the following day", "2018-12-31", "context") in _events(text, dt.date(2019, 9, 13))
    # thinkadvisor: "the day before" the hearing the report dates "on Thursday".
    hearing = (
        "The lawyer told the judge on Thursday that his remarks the day before had kept him up "
        "most of the night."
    )
    assert ("the day before", "2024-11-20", "context") in _events(hearing, dt.date(2024, 11, 21))
    # Without a day stated before it, it is no event.
    assert _events("He reported the injury the following day.", dt.date(2019, 9, 13)) == []


#: A noticed motion's caption on pleading paper, its line numbers as the text layer gives them:
#: In re Vizio, Inc., Consumer Privacy Litigation, No. 8:16-ml-02693 (C.D. Cal.), plaintiffs'
#: memorandum in support of preliminary approval, page 1 (the attorney block of lines 1-17 left
#: out, its line numbers kept, so the margin's count is read and the numbers are hidden).
NOTICE_BLOCK = "".join(f"{n}\n" for n in range(1, 18)) + (
    "18 UNITED STATES DISTRICT COURT FOR THE\n"
    "CENTRAL DISTRICT OF CALIFORNIA\n"
    "19 SANTA ANA DIVISION\n"
    "20\n"
    "IN RE: VIZIO, INC., CONSUMER Case No. 8:16-ml-02693- JLS (KESx)\n"
    "PRIVACY LITIGATION\n"
    "21\n"
    "PLAINTIFFS’ MEMORANDUM OF\n"
    "This document relates to: POINTS AND AUTHORITIES IN\n"
    "22\n"
    "SUPPORT OF MOTION FOR\n"
    "ALL ACTIONS PRELIMINARY APPROVAL OF\n"
    "23\n"
    "PROPOSED CLASS ACTION\n"
    "24 SETTLEMENT (UNOPPOSED)\n"
    "25\n"
    "Date: December 7, 2018\n"
    "26 Time: 10:30 a.m.\n"
    "Dept: Courtroom 10-A\n"
    "27\n"
    "Judge: Hon. Josephine L. Staton\n"
    "28\n"
)


def test_a_motion_s_hearing_date_in_its_notice_block_is_an_event() -> None:
    events = _events(NOTICE_BLOCK, dt.date(2018, 10, 4), kind="motion")
    assert ("December 7, 2018", "2018-12-07") in [(anchor, date) for anchor, date, _ in events]
    # the same "Date:" with no time under it may date the paper itself: no event
    assert _events("Date: December 7, 2018\nRespectfully,\n", dt.date(2018, 10, 1)) == []


# Round six (branch h-dates6): forms of unseen court papers, each on a real public passage.


def test_a_date_split_by_a_line_number_is_one_date() -> None:
    """A date whose words a numbered line break cuts ("On July 17, / 20 2020,"), as a text layer
    gives it when the margin's numbers are not hidden (a transcript, a short pleading page).
    Johnson v. Patel, No. 2:14-cv-2052 (E.D. Cal. Aug. 29, 2020), order, page 1:
    https://docs.justia.com/cases/federal/district-courts/california/caedce/2:2014cv02052/272221/94
    """
    text = (
        "18 undersigned in accordance with Local Rule 302(c)(21). On November\n"
        "19 6, 2019, the undersigned issued a scheduling order in this action. On July 17,\n"
        "20 2020, plaintiff filed a motion for summary judgment.\n"
    )
    assert _dates(text) == [
        ("November\n19 6, 2019", "2019-11-06"),
        ("July 17,\n20 2020", "2020-07-17"),
    ]


def test_days_listed_in_one_month_and_year_are_each_a_day() -> None:
    """ "June 28 and 29, 2021": two days, not June 28 without a year and the year 2021.
    Kassem v. Renaud, No. 1:21-cv-00946 (E.D. Cal. Dec. 9, 2021):
    https://print.casetext.com/case/kassem-v-renaud-4"""
    text = "The executed summonses indicate Defendants were served on June 28 and 29, 2021."
    events = _events(text, dt.date(2021, 12, 9), kind="order")
    assert [(a, d) for a, d, _ in events] == [("June 28", "2021-06-28"), ("29, 2021", "2021-06-29")]
    assert _dates("both the April 14-15, 2020 hearing dates") == [
        ("April 14", "2020-04-14"),
        ("15, 2020", "2020-04-15"),
    ]


def test_a_transcript_line_number_is_no_count_of_weeks() -> None:
    """ "about a / 8 week ago": the 8 is the transcript's line number, the count is "a".
    Braun v. Zhi Guo Fu, 11 Civ. 4383 (S.D.N.Y.), fairness hearing, December 13, 2013:
    https://fr.scribd.com/document/357625317/Advanced-Battery-Technology-Hearing-Part-1"""
    text = (
        "2 THE COURT: This matter is on for a fairness hearing.\n"
        "3 We are going to be able to begin the fairness hearing today.\n"
        "4 We cannot conclude the fairness hearing because the court was\n"
        "5 notified by counsel earlier in the week that, due to some kind\n"
        "6 of technical glitch, the notice that should have appeared on\n"
        "7 the ABAT Web site in China did not actually go up until about a\n"
        "8 week ago, so we are going to have to extend the notice period.\n"
    )
    events = _events(text, dt.date(2013, 12, 13), kind="transcript")
    ago = [date for anchor, date, _ in events if anchor.endswith("week ago")]
    assert ago == ["2013-12"]  # a week before December 13 (not eight weeks: October)


def test_days_later_count_from_the_day_stated_before() -> None:
    """ "on 11 July 1995 ... Nine days later": counted from the stated day; the date in a
    citation's parenthetical after a circuit's ordinal ("(La.App. 5th Cir. 3/1/95)") is no
    event. Guzman v. Crispy Catfish & Seafood, Inc. (La. App. 4th Cir.):
    https://cetient.com/case/7693106/guzman-v-crispy-catfish-and-seafood-inc"""
    text = (
        "In response to Respondent's discovery requests, on 11 July 1995 Relator produced "
        "medical evidence tending to show that the amount of damage at issue may exceed "
        "$50,000. Nine days later, Respondent filed a supplemental answer demanding trial by "
        "jury. Courts must be liberal in their interpretation in order to preserve a litigant's "
        "fundamental right to a jury trial. Vincent v. Ray Brandt Dodge, 94-291 (La.App. 5th "
        "Cir. 3/1/95), 652 So.2d 84, 85."
    )
    events = [(a, d) for a, d, _ in _events(text, None, kind="opinion")]
    assert events == [("11 July 1995", "1995-07-11"), ("Nine days later", "1995-07-20")]


def test_a_hearing_date_with_its_time_on_the_same_line_is_an_event() -> None:
    """A caption flattened to one line, "HEARING DATE: April 22, 2010 HEARING TIME: 1:30 pm".
    Dudum v. Arntz, No. C 10-00504 RS (N.D. Cal.), stipulation, March 22, 2010:
    https://docs.justia.com/cases/federal/district-courts/california/candce/3:2010cv00504/223957/47
    """
    text = (
        "STIPULATION AND [PROPOSED] ORDER SHORTENING TIME ON NEW AMERICA FOUNDATION'S MOTION "
        "FOR LEAVE TO FILE BRIEF AS AMICUS CURIAE HEARING DATE: April 22, 2010 HEARING TIME: "
        "1:30 pm JUDGE: Hon. Richard Seeborg COURTROOM: 3\n"
    )
    events = _events(text, dt.date(2010, 3, 22), kind="motion")
    assert [(a, d) for a, d, _ in events] == [("April 22, 2010", "2010-04-22")]


def test_a_sentence_run_on_past_a_possessive_is_read_whole() -> None:
    """spaCy reads "sets" as a noun and ends the sentence at "Intervenor-Defendants’": the line
    after it ("Motion.") completes it, so the hearing date is an event with the line numbers
    hidden as with them shown. Perry v. Schwarzenegger, No. C 09-02292 JW (N.D. Cal. Apr. 28,
    2011), order setting hearing on motion (doc. 772), page 1:
    https://www.scribd.com/document/54220506/3-09-cv-02292-772"""
    text = "".join(f"{n}\n" for n in range(1, 14)) + (
        "14 On April 27, 2011, the Ninth Circuit transferred Appellants’ "
        "(Intervenor-Defendants)\n"
        "15 Motion for Order Compelling Return of Trial Recordings to this Court. "
        "The Court will set\n"
        "16 a hearing on Plaintiffs’ Cross-Motion in its Order addressing "
        "Intervenor-Defendants’ Motion.\n"
        "17 Accordingly, the Court sets June 13, 2011 at 9 a.m. for a hearing on "
        "Intervenor-Defendants’\n"
        "18 Motion. Although it appears that the Motion has been fully briefed at the "
        "circuit level, the\n"
        "19 Court invites anyone who wishes to file further responses to do so.\n"
    )
    dates = [d for _, d, _ in _events(text, dt.date(2011, 4, 28), kind="order")]
    assert dates == ["2011-04-27", "2011-06-13"]


def test_a_present_passive_clause_lets_a_year_less_date_lie_ahead() -> None:
    """ "both the April 9 and April 14-15 hearing dates are stricken" in an entry of April 5:
    a present passive, not a past tense, so April 9 may lie after the entry. N.D. Ill. minute
    entry, No. 1:20-cv-00658, docket entry 44 (April 5, 2020):
    https://frink.apps.renci.org/ldf/scales?subject=http%3A%2F%2Fschemas.scales-okn.org%2Frdf%2Fscales%23DocketEntry%2Filnd%3B%3B1%3A20-cv-00658_de44
    """
    text = (
        "In the present case, the parties are currently scheduled to appear at a status hearing "
        "on April 9, 2020 at 9:45 a.m.; in addition, an evidentiary hearing is scheduled to "
        "begin on April 14, 2020 and conclude on April 15, 2020 (as needed). In the light of "
        "Second Amended General Order 20-0012, both the April 9 and April 14-15 hearing dates "
        "are stricken."
    )
    events = _events(text, dt.date(2020, 4, 5), kind="order")
    assert ("April 9", "2020-04-09", "document") in events


def test_a_year_first_filing_stamp_is_a_day() -> None:
    """The Northern District of Alabama's stamp "FILED 2017 Mar-24 PM 02:20". Akins v.
    Jefferson County Department of Human Resources, No. 2:16-cv-662 (N.D. Ala. Mar. 24, 2017):
    https://docs.justia.com/cases/federal/district-courts/alabama/alndce/2:2016mc00662/158626/22/
    """
    assert _dates("FILED 2017 Mar-24 PM 02:20 U.S. DISTRICT COURT") == [
        ("2017 Mar-24", "2017-03-24")
    ]


def test_a_day_written_before_its_month_without_a_year_is_a_day() -> None:
    """ "following a trial between 31st October and 9th November" after "20th December 2018":
    the days of the year that date fixes, not their months; a bare "10 January" at a line's
    start stays no day (it may be a line number). FZO v Adams [2019] EWHC 1286 (QB), para 1:
    https://www.bailii.org/cgi-bin/format.cgi?doc=/ew/cases/EWHC/QB/2019/1286.html"""
    text = (
        "In a judgment handed down on 20th December 2018, following a trial between 31st "
        "October and 9th November, I found for the claimant on issues of limitation and "
        "liability."
    )
    events = [(a, d) for a, d, _ in _events(text, dt.date(2019, 5, 23), kind="opinion")]
    assert events == [
        ("20th December 2018", "2018-12-20"),
        ("31st October", "2018-10-31"),
        ("9th November", "2018-11-09"),
    ]
    bare = parse_phrase("10 January", published=dt.date(2019, 5, 23), years={2018: None})
    assert [(m.date.iso() if m.date else None) for m in bare] == ["2018-01"]


def test_a_year_premodifying_a_noun_is_a_date() -> None:
    """ "over a 2023 ransomware attack": the model tags the year a number; a year between a
    determiner and a common noun dates that thing. Not a name's year ("the 1964 Civil Rights
    Act") nor a count ("the 2000 employees"). Mealey's top stories:
    https://www.mealeys.com/mealeys"""
    text = (
        "BOSTON — A federal judge in Massachusetts on Oct. 21 granted final approval to a "
        "$300,000 class settlement to be paid by The Bank of Canton, ending claims against it "
        "related to a security incident; the settlement is one of several reached in the "
        "multidistrict litigation over a 2023 ransomware attack that affected users of the "
        "MOVEit file-transfer app."
    )
    events = [(a, d) for a, d, _ in _events(text, None, kind="news")]
    assert events == [("Oct. 21", None), ("2023", "2023")]
    names = get_nlp()("The court applied the 1964 Civil Rights Act. The 2000 employees sued.")
    assert _premodifying_years(names) == []


def test_a_news_dateline_is_no_event() -> None:
    """ "Sept. 19 (UPI) — A $15 billion lawsuit ... was rejected by a federal judge Friday.":
    the dateline dates the story; "Friday" is the event. UPI, September 19, 2025:
    https://occasionaldigest.com/tag/dismissed"""
    text = (
        "Trump's New York Times lawsuit dismissed by federal judge\n\n"
        "Sept. 19 (UPI) — A $15 billion lawsuit filed by President Donald Trump against the "
        "New York Times was rejected by a federal judge Friday.\n"
    )
    events = [(a, d) for a, d, _ in _events(text, dt.date(2025, 9, 19), kind="news")]
    assert events == [("Friday", "2025-09-19")]
