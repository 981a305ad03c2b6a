"""Issue 17, round nine: the people a transcript's own structure names (the presiding judge of
its cover, a deposition's witness, counsel by the style after their names), its reporter's
block (furniture), a surname label the cover explains, and a one-district court's caption.
Short passages of real public transcripts (URL above each); docs/evaluation.md, "Round 9:
entities in transcripts held out"."""

from __future__ import annotations

from casebase.analysis.legal_names import court_names
from casebase.analysis.pipeline import analyse
from casebase.analysis.shaped_names import appearance_firms
from casebase.analysis.transcript import cover_people, reporter_block
from casebase.analysis.types import KnownEntity

# Huddle v. Reagan, status call, D.D.C., December 7, 1989:
# http://prop1.org/legal/883130/891207.trans.htm
HUDDLE = """UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF COLUMBIA

MARY HUDDLE, ET AL.,                     DOCKET NO. CA 88-3130
                PLAINTIFFS               WASHINGTON, D. C.
          vs.

RONALD WILSON REAGAN,
                DEFENDANTS

TRANSCRIPT OF STATUS CALL
BEFORE THE HONORABLE JOYCE HENS GREEN
UNITED STATES DISTRICT JUDGE

APPEARANCES:

FOR THE PLAINTIFFS:
WILLIAM THOMAS, PRO SE

FOR FEDERAL DEFENDANTS:
MiCHAEL L. MARTINEZ, AUSA
U. S. ATTORNEY'S OFFICE

VICTOR E. LONG, ESQUIRE
OFFICE OF CORPORATION COUNSEL

OFFICIAL COURT REPORTER:
GORDON A. SLODYSKO
4806-A U.S. COURTHOUSE

PROCEEDINGS

THE COURT: ALL RIGHT. GOOD MORNING -- I'LL JUST SAY MR. THOMAS; I KNOW THERE ARE MANY
OTHERS THERE AT THE COUNSEL TABLE --- AND MR. MARTINEZ.

MR. THOMAS: GOOD MORNING, YOUR HONOR.
"""

# ASPCA v. Feld Entertainment, bench trial day 16, D.D.C., the appearances flattened to one
# line: https://artsdocbox.com/Humor/93229256-1-united-states-district-court-2-district-of-columbia-3-american-society-for-the-civil-action-no-prevention-of-cruelty-to-4-animals.html
FELD = (
    "12 A P P E A R A N C E S: 13 FOR THE PLAINTIFF, KATHERINE A. MEYER, ESQ. TANYA SANERIB, "
    "ESQ. 14 ERIC GLITZENSTEIN, ESQ. HOWARD CRYSTAL, ESQ. 15 DELCIANNA WINDERS, ESQ. "
    "Meyer,Glitzenstein & Crystal Connecticut Avenue,N.W. Suite Washington, DC FOR THE "
    "DEFENDANT, LISA JOINER, ESQ. 19 KARA PETTEWAY, ESQ. JOHN SIMPSON, ESQ."
)


def _written(found: list[tuple[int, int, str]], text: str) -> list[str]:
    assert all(text[s:e] == w for s, e, w in found)
    return [w for _, _, w in found]


def test_cover_people_presiding_judge_and_counsel_by_their_style() -> None:
    assert _written(cover_people(HUDDLE), HUDDLE) == [
        "JOYCE HENS GREEN",
        "WILLIAM THOMAS",
        "MiCHAEL L. MARTINEZ",
        "VICTOR E. LONG",
    ]


def test_cover_people_on_a_flattened_appearance_line_without_the_headings() -> None:
    assert _written(cover_people(FELD), FELD) == [
        "KATHERINE A. MEYER",
        "TANYA SANERIB",
        "ERIC GLITZENSTEIN",
        "HOWARD CRYSTAL",
        "DELCIANNA WINDERS",
        "LISA JOINER",
        "KARA PETTEWAY",
        "JOHN SIMPSON",
    ]


def test_a_deposition_heading_names_the_witness_not_a_company() -> None:
    # Marshall v. Northrop Grumman (C.D. Cal.), deposition excerpt filed as an exhibit:
    # https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.657892.202.2.pdf
    text = "9 VIDEOTAPED DEPOSITION OF STEVE POMERANTZ, Ph.D.\n10\n11 New York, New York\n"
    assert _written(cover_people(text), text) == ["STEVE POMERANTZ"]
    assert cover_people("DEPOSITION OF ACME WIDGET CORPORATION, by its designee\n") == []
    assert cover_people("FOR THE PLAINTIFFS, UNITED STATES, ESQ.") == []


def test_reporter_block_is_no_name() -> None:
    block = reporter_block(HUDDLE)
    start = HUDDLE.index("GORDON A. SLODYSKO")
    assert any(s <= start and start + 18 <= e for s, e in block)
    assert not any(s <= HUDDLE.index("VICTOR E. LONG") < e for s, e in block)
    names = [e.name for e in analyse(HUDDLE, published=None, known=[], kind="transcript").entities]
    assert "Gordon A. Slodysko" not in names
    assert {"Joyce Hens Green", "William Thomas", "Victor E. Long"} <= set(names)


def test_a_surname_label_is_the_person_the_cover_names_not_a_known_namesake() -> None:
    known = [KnownEntity("clarence-thomas", "Clarence Thomas", "person", ("Thomas",))]
    entities = analyse(HUDDLE, published=None, known=known, kind="transcript").entities
    thomas = [e for e in entities if "THOMAS" in {m.text for m in e.mentions}]
    assert [e.name for e in thomas] == ["William Thomas"]
    assert thomas[0].slug is None
    assert len(thomas[0].mentions) >= 2


def test_a_one_district_court_in_a_caption() -> None:
    assert [n.key for n in court_names(HUDDLE)] == ["court:district of columbia"]
    flat = "1 UNITED STATES DISTRICT COURT 2 DISTRICT OF COLUMBIA 3 AMERICAN SOCIETY"
    assert [n.text for n in court_names(flat)] == [
        "UNITED STATES DISTRICT COURT 2 DISTRICT OF COLUMBIA"
    ]
    # the place or the defendant alone is no court
    assert court_names("FOR DEFENDANT\nDISTRICT OF COLUMBIA:\n") == []


def test_the_presiding_judge_of_a_flattened_cover() -> None:
    # ASPCA v. Feld Entertainment (URL above FELD): the cover's lines run together
    text = (
        "9 TRANSCRIPT OF BENCH TRIAL - AFTERNOON SESSION 10 BEFORE THE HONORABLE EMMET G. "
        "SULLIVAN 11 UNITED STATES DISTRICT COURT JUDGE 12 A P P E A R A N C E S:"
    )
    assert _written(cover_people(text), text) == ["EMMET G. SULLIVAN"]
    # a judge's title after the name, not a name: "UNITED STATES DISTRICT JUDGE" is cut off
    text = "BEFORE THE HONORABLE JOYCE HENS GREEN UNITED STATES DISTRICT JUDGE\n"
    assert _written(cover_people(text), text) == ["JOYCE HENS GREEN"]


def test_a_middle_name_on_the_cover_and_the_known_judge() -> None:
    # US v. Levandowski, plea and sentencing (N.D. Cal. 2020), cover and the clerk's call:
    # https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data1/gov.uscourts.cand.346583.102.0.pdf
    text = (
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
        "Before The Honorable William H. Alsup, Judge\n"
        "APPEARANCES:\nFor Defendant:\nRAMSEY & EHRLICH LLP\n"
        "BY: MILES EHRLICH, ATTORNEY AT LAW\n"
        "THE CLERK: All rise. This court is now in session.\n"
        "The Honorable William Alsup presiding.\n"
        "MR. EHRLICH: Good afternoon, Your Honor. Miles Ehrlich on behalf of Mr. Levandowski.\n"
    )
    known = [KnownEntity("william-alsup", "William Alsup", "person", ("Alsup",))]
    entities = analyse(text, published=None, known=known, kind="transcript").entities
    alsup = [e for e in entities if "Alsup" in e.name]
    assert len(alsup) == 1 and alsup[0].slug == "william-alsup"
    assert {m.text for m in alsup[0].mentions} == {"William H. Alsup", "William Alsup"}
    ehrlich = [e for e in entities if e.kind == "person" and "Ehrlich" in e.name]
    assert [e.name for e in ehrlich] == ["Miles Ehrlich"]


def test_a_government_office_alone_on_its_appearance_line() -> None:
    firms = [n.text for n in appearance_firms(HUDDLE)]
    assert firms == ["U. S. ATTORNEY'S OFFICE", "OFFICE OF CORPORATION COUNSEL"]
    # US v. Balwani, status conference (N.D. Cal. 2020), the appearances:
    # https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data1/gov.uscourts.cand.327949.640.0.pdf
    text = "A P P E A R A N C E S:\n15\nFOR THE PLAINTIFF: UNITED STATES ATTORNEY'S OFFICE\n"
    assert [n.text for n in appearance_firms(text)] == ["UNITED STATES ATTORNEY'S OFFICE"]
    # an office named by one word, or the words running on, is no office's name here
    assert appearance_firms("APPEARANCES:\nOffice of the Clerk\n") == []
    assert appearance_firms("APPEARANCES:\nOFFICE OF CORPORATION COUNSEL said that\n") == []


def test_counsel_after_a_heading_on_the_same_line() -> None:
    # Fry v. Pliler, U.S. Supreme Court oral argument, the contents page (Alderson Reporting):
    # https://www.scribd.com/document/1054669/US-Supreme-Court-06-5247
    text = (
        "VICTOR S. HALTOM, ESQ. On behalf of the Petitioner ORAL ARGUMENT OF ROSS C. MOODY, "
        "ESQ. On behalf of the Respondent"
    )
    assert _written(cover_people(text), text) == ["VICTOR S. HALTOM", "ROSS C. MOODY"]
