"""Issue 17, round 12: printed congressional hearings (the GPO's plain text on govinfo). The
cover's bodies by its layout, a chair labelled "Mr. Rush." who gives the floor (no witness),
a turn opening with the GPO's backquotes, "FROM THE STATE OF MARYLAND" (the place), and a
witness's own "as I mentioned" after the answer's first sentence. Short passages of real
hearing records (URL above each); docs/evaluation.md, "Round 12: congressional hearings"."""

from __future__ import annotations

from pathlib import Path

from casebase.analysis.pipeline import analyse
from casebase.analysis.shaped_names import (
    government_bodies,
    hearing_cover_bodies,
    hearing_headings,
)
from casebase.analysis.transcript import speaker_turns

# Legislative Hearing on H.R. 2309 and H.R. 2190, House Energy and Commerce, May 12, 2009
# (Serial No. 111-38), the cover and turns as govinfo prints them (trailing spaces of its lines
# dropped), copied in the public repo ihmc/congressional_hearings:
# https://github.com/ihmc/congressional_hearings/blob/eba56391656be6fae63e85a5d48831d58e3709f4/data/CongressionalHearings/Other/House_Energy_and_Commerce/HEC_-_HR_2309_-_Consumer_Credit_Protection_Improvement_Act/CHRG-111hhrg72887.htm
ENERGY_COMMERCE = """[House Hearing, 111 Congress]
[From the U.S. Government Printing Office]



     LEGISLATIVE HEARING ON H.R. 2309, CONSUMER CREDIT PROTECTION
    IMPROVEMENT ACT; AND H.R. 2190, MERCURY POLLUTION REDUCTION ACT

=======================================================================

                                HEARING

                               BEFORE THE

                    SUBCOMMITTEE ON COMMERCE, TRADE,
                        AND CONSUMER PROTECTION

                                 OF THE

                    COMMITTEE ON ENERGY AND COMMERCE
                        HOUSE OF REPRESENTATIVES

                     ONE HUNDRED ELEVENTH CONGRESS

                             FIRST SESSION

                               __________

                              MAY 12, 2009

                               __________

                           Serial No. 111-38

    Mr. Rush. The Chair now recognizes the gentleman from
Maryland Mr. Sarbanes for 2 minutes for the purposes of opening
statement.

OPENING STATEMENT OF HON. JOHN P. SARBANES, A REPRESENTATIVE IN
              CONGRESS FROM THE STATE OF MARYLAND

    Mr. Sarbanes. Thank you, Mr. Chairman. I appreciate you
calling a hearing on these two important bills.
    So I thank you for calling the hearing so we can hear these
proposals discussed.
    Mr. Rush. The Chair thanks the gentleman.
    The Chair now recognizes my friend from Georgia Mr. Barrow
for 2 minutes for the purposes of an opening statement.

  OPENING STATEMENT OF HON. JOHN BARROW, A REPRESENTATIVE IN
               CONGRESS FROM THE STATE OF GEORGIA

    Mr. Barrow. I thank the Chair.
    I am going to limit my remarks to H.R. 2190, the Mercury
Pollution Reduction Act.
    The question is, can we serve both purposes and find a
productive solution for all involved? I think we can. I
respectfully suggest the bill, as written--and considering time
and financial pressures, it is going to be very hard for the
affected companies to comply with except to shut them down. It
is not my goal to shut down an employer in my district. I won't
consider that a success.
    Mr. Rush. The Chair now recognizes the gentlelady from
California. Ms. Matsui is recognized for 2 minutes for the
purposes of opening statement.
"""

# Consumer Protections in Financial Services: Past Problems, Future Solutions, Senate Banking
# Committee, March 3, 2009 (S. Hrg. 111-59), as govinfo prints it (same repository; two
# passages of the same exchange, Seidman's answer cut short and Shelby's question to McCoy
# without its preamble):
# https://github.com/ihmc/congressional_hearings/blob/eba56391656be6fae63e85a5d48831d58e3709f4/data/CongressionalHearings/Dodd-Frank/CHRG-111shrg51290/CHRG-111shrg51290.htm
SENATE_BANKING = """[Senate Hearing 111-59]
[From the U.S. Government Printing Office]



                                                         S. Hrg. 111-59


   CONSUMER PROTECTIONS IN FINANCIAL SERVICES: PAST PROBLEMS, FUTURE
                               SOLUTIONS

=======================================================================

                                HEARING

                               before the

                              COMMITTEE ON
                   BANKING,HOUSING,AND URBAN AFFAIRS
                          UNITED STATES SENATE

                     ONE HUNDRED ELEVENTH CONGRESS

                             FIRST SESSION

    Ms. McCoy. Yes. So first of all, also with respect to the
Federal Reserve, the Federal Reserve, of course, has
jurisdiction over the Truth in Lending Act and it still
astonishes me that to this day, the Fed has not updated its
TILA rules on closed-end mortgages. It turns out that TILA
disclosures just didn't work well for risk-based pricing. The
Federal Reserve issued a report----
    Chairman Dodd. ``TILA'' is Truth in Lending, just so the
record is clear.
    Ms. McCoy. Yes. My apologies. It is lawyer lingo. The
Federal Reserve actually wrote a report in 1998 diagnosing this
problem, but here we are 11 years later. It hasn't fixed it.
That is one thing.
    The other Federal banking regulators also had authority
under Section 5 of the Federal Trade Commission Act to regulate
unfair and deceptive acts and practices. Their rulemaking
authority was somewhat limited. I think that needs to be
addressed. But they had full enforcement authority, and again,
as I mentioned, they failed to exercise it.
    Senator Shelby. Ms. Seidman, do you have any comment on
that?
    Ms. Seidman. I also agree that one of the critical elements
is that people need to have skin in the game, and Pat's
assignee liability proposal is one that I have looked at and I
would support.
    I would point out two other things. Pat mentioned this
really briefly, but the capital rules are also absolutely
critical here. We need
to deal with that issue. And as Steve mentioned, we need to
deal with it in a manner that is counter cyclical, not pro
cyclical.
    Senator Shelby. Do you believe that realigning the incentive structure to
give everyone within the securitization chain a stake in the
loans' performance would greatly enhance consumer protection,
or would it compound it? I want to ask Professor McCoy first.
    Ms. McCoy. Senator Shelby, thank you. This is a really
critical question and the answer is yes.
"""


def test_a_printed_hearings_cover_names_its_bodies() -> None:
    found = {(n.text, n.kind) for n in hearing_cover_bodies(ENERGY_COMMERCE)}
    assert found == {
        ("U.S. Government Printing Office", "organization"),
        (
            "SUBCOMMITTEE ON COMMERCE, TRADE,\n                        AND CONSUMER PROTECTION",
            "organization",
        ),
        ("COMMITTEE ON ENERGY AND COMMERCE", "organization"),
        ("HOUSE OF REPRESENTATIVES", "organization"),
        ("CONGRESS", "organization"),
    }
    senate = {n.text for n in hearing_cover_bodies(SENATE_BANKING)}
    assert "COMMITTEE ON\n                   BANKING,HOUSING,AND URBAN AFFAIRS" in senate
    assert "UNITED STATES SENATE" in senate
    # only under the GPO's banner: a court paper's "COMMITTEE ON ..." line is no cover
    court = "IN RE: COMMITTEE ON THE JUDICIARY\n\nHOUSE OF REPRESENTATIVES\n"
    assert hearing_cover_bodies(court) == []


def test_a_members_heading_names_the_state_not_the_state_as_a_party() -> None:
    assert government_bodies("A REPRESENTATIVE IN \n CONGRESS FROM THE STATE OF MARYLAND") == []
    assert [n.text for n in government_bodies("STATE OF MARYLAND,\n Plaintiff,")] == [
        "STATE OF MARYLAND"
    ]


def test_the_chair_who_gives_the_floor_is_no_witness() -> None:
    turns = speaker_turns(ENERGY_COMMERCE)
    assert {t.label for t in turns} == {"Mr. Rush", "Mr. Sarbanes", "Mr. Barrow"}
    assert all(t.role != "answer" for t in turns)
    claims = analyse(ENERGY_COMMERCE, published=None, known=[], kind="transcript").claims
    assert not [c for c in claims if c.verb == "testified"]
    names = {e.name for e in analyse(ENERGY_COMMERCE, published=None, known=[]).entities}
    assert "State of Maryland" not in names and "State of Georgia" not in names


def test_a_turn_opening_with_backquotes_and_the_witnesss_own_as_i_mentioned() -> None:
    turns = speaker_turns(SENATE_BANKING)
    assert [t.label for t in turns] == [
        "Ms. McCoy", "Chairman Dodd", "Ms. McCoy", "Senator Shelby", "Ms. Seidman",
        "Senator Shelby", "Ms. McCoy",
    ]  # fmt: skip
    assert [t.role for t in turns if t.label == "Ms. McCoy"] == ["answer"] * 3
    assert turns[1].text.startswith("``TILA'' is Truth in Lending")
    claims = analyse(SENATE_BANKING, published=None, known=[], kind="transcript").claims
    mentioned = [c for c in claims if "mentioned" in c.sentence and c.verb != "testified"]
    # "again, as I mentioned, they failed": the witness repeating her own answer, no claim
    # (the development deposition's "As I said, I think ..." is annotated so)
    assert [c for c in mentioned if "as I mentioned" in c.sentence] == []
    assert any("as Steve mentioned" in c.sentence and c.speaker == "Steve" for c in mentioned)
    # the answer's own first sentence holds no second claim of the witness
    testimony = [c for c in claims if c.verb == "testified"]
    assert [c.speaker for c in testimony] == ["McCoy", "McCoy", "Seidman", "McCoy"]


# The witnesses' heading of the same Energy and Commerce hearing (CHRG-111hhrg72887, above).
HEADINGS = """[House Hearing, 111 Congress]
[From the U.S. Government Printing Office]

    The Chair recognizes Ms. Harrington.

  STATEMENTS OF EILEEN HARRINGTON, ACTING DIRECTOR, BUREAU OF
CONSUMER PROTECTION, FEDERAL TRADE COMMISSION; KATHLEEN KEEST,
SENIOR POLICY COUNSEL, CENTER FOR RESPONSIBLE LENDING; AND JOHN
BEISNER, MANAGING PARTNER, O'MELEVENY & MYERS, ON BEHALF OF THE
                    U.S. CHAMBER OF COMMERCE

                 STATEMENT OF EILEEN HARRINGTON

    Ms. Harrington. Thank you, Chairman Rush.
"""
# Approaches to Improving Credit Rating Agency Regulation, House Financial Services, May 19,
# 2009 (CHRG-111hhrg51592), a witness's heading:
# https://github.com/ihmc/congressional_hearings/blob/eba56391656be6fae63e85a5d48831d58e3709f4/data/CongressionalHearings/Dodd-Frank/CHRG-111hhrg51592/CHRG-111hhrg51592.htm
DOBILAS = """
 STATEMENT OF ROBERT G. DOBILAS, PRESIDENT AND CHIEF EXECUTIVE
                    OFFICER, REALPOINT, LLC
"""


def test_a_printed_hearings_statement_headings_name_witnesses_and_their_employers() -> None:
    people, orgs = hearing_headings(HEADINGS)
    assert [" ".join(w.split()) for _, _, w in people] == [
        "EILEEN HARRINGTON", "KATHLEEN KEEST", "JOHN BEISNER", "EILEEN HARRINGTON"
    ]  # fmt: skip
    assert [o.text for o in orgs] == [
        "FEDERAL TRADE COMMISSION", "CENTER FOR RESPONSIBLE LENDING", "U.S. CHAMBER OF COMMERCE"
    ]  # fmt: skip
    people, orgs = hearing_headings(HEADINGS.split("\n\n")[0] + "\n\n" + DOBILAS)
    assert [w for _, _, w in people] == ["ROBERT G. DOBILAS"]
    assert [o.text for o in orgs] == ["REALPOINT, LLC"]  # the suffix stays with its name
    # a member's heading: the person, no organization from "A REPRESENTATIVE IN CONGRESS ..."
    people, orgs = hearing_headings(ENERGY_COMMERCE)
    assert [" ".join(w.split()) for _, _, w in people] == ["JOHN P. SARBANES", "JOHN BARROW"]
    assert orgs == []
    assert hearing_headings(DOBILAS) == ([], [])  # no GPO banner: not read
    # a body's statement names no witness: a constructed negative (no real heading), the
    # "Statement submitted by the Mortgage Bankers Association" of the contents of the
    # Senate record CHRG-111shrg56262 put in a heading's capitals
    banner = HEADINGS.split("\n\n")[0] + "\n\n"
    body = banner + "   PREPARED STATEMENT OF THE MORTGAGE BANKERS ASSOCIATION\n"
    assert hearing_headings(body) == ([], [])
    names = {e.name for e in analyse(HEADINGS, published=None, known=[]).entities}
    assert {"Kathleen Keest", "Center for Responsible Lending", "John Beisner"} <= names


# Stabilizing the Financial Condition of the American Automobile Industry, House Financial
# Services, November 19, 2008 (a development text, read whole from the shared directory):
# https://www.govinfo.gov/content/pkg/CHRG-110hhrg46594/html/CHRG-110hhrg46594.htm
AUTO_HEARING_FILE = "gold/texts/transcripts/house-fsc-auto-industry-hearing-2008.txt"


def test_a_witnesss_own_report_of_another_statement_is_a_claim_of_its_own(
    shared_dir: Path,
) -> None:
    text = (shared_dir / AUTO_HEARING_FILE).read_text(encoding="utf-8")
    analysis = analyse(text, published=None, known=[], kind="transcript")
    mulally = [t for t in analysis.turns if t.label == "Mr. Mulally"]
    assert mulally and all(t.role == "answer" for t in mulally)
    pointed = [c for c in analysis.claims if "pointed out" in c.sentence and c.verb != "testified"]
    # "As I pointed out in my prepared remarks, we have been on this transformation plan"
    assert [(c.speaker, c.verb) for c in pointed] == [("Alan Mulally", "other")]
    # "So back on the first point--and we have seen the future.": no "point out"
    assert not [c for c in analysis.claims if c.verb == "other" and "first point" in c.sentence]


# The same hearing, the Chairman reading the bill (lines as govinfo prints them):
BILL_READ = """    The Chairman. The gentleman's time has expired.
    The gentleman raised an important question about the
possibility of additional fund investments elsewhere. We did
specifically anticipate that in the legislation.
    The bill would create an oversight board, including the
Secretary of Energy, the Secretary of Labor, the Secretary of
Transportation, the Administrator of the EPA, and the Secretary
of the Treasury; and it specifically says later on in the bill
that any of the recipients must report to this oversight board,
``any asset sale, investment, contract or commitment posed to
be entered into by such recipient that has a value in excess of
$25 million.''
    And it then says, the board may, ``prohibit the recipient
of the loan from consummating any such proposed sale,
investment, contract or commitment.''
"""


def test_what_a_bill_says_is_the_text_of_law_no_claim() -> None:
    claims = analyse(BILL_READ, published=None, known=[], kind="transcript").claims
    assert [c for c in claims if "says" in c.sentence] == []
    # a member who says what a bill will do still makes a claim: "I respectfully suggest the
    # bill, as written--... it is going to be very hard for the affected companies to comply"
    claims = analyse(ENERGY_COMMERCE, published=None, known=[], kind="transcript").claims
    suggested = [(c.speaker, c.verb) for c in claims if "suggest" in c.sentence]
    assert suggested == [("John Barrow", "other")]
