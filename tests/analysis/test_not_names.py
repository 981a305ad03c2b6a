"""Capitalised phrases of court papers that name no entity (casebase.analysis.not_names), on
passages of public court records: documents of the case, party roles, numbered references,
"Your Honor", addresses, a place inside a court's name, text-layer damage."""

from __future__ import annotations

import pytest

from casebase.analysis.entities import Candidate, _not_a_name
from casebase.analysis.not_names import (
    head_word,
    is_document_or_role,
    is_generic_court,
    strip_role_opener,
)
from casebase.analysis.pipeline import analyse
from casebase.analysis.types import Analysis, KnownEntity


def names(analysis: Analysis) -> set[str]:
    return {e.name for e in analysis.entities}


def test_documents_of_the_case_are_no_entities() -> None:
    # Griffo v. Oculus VR, C.D. Cal. 8:15-cv-01228, Dkt. 132 (declaration of Michael S. Kwun)
    text = (
        "The Court granted Defendants' application to file the Smith Report and the Smith "
        "Declaration under seal (Dkt. 99). Defendants do not object to the public filing of "
        "Exhibits X, Y, and Z to the Supplemental Selmont Declaration."
    )
    found = names(analyse(text, published=None, known=[]))
    assert (
        not {
            "Smith Report",
            "Smith Declaration",
            "Supplemental Selmont Declaration",
            "Exhibits X",
        }
        & found
    )


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("Statement of Related Cases", "statement"),
        ("Plaintiffs-Appellees", "plaintiffs"),
        ("Defendants/Appellants", "defendants"),
        ("May 13 Preservation Order", "order"),
        ("Bureau of Workers", "bureau"),
        ("Larry Page", "page"),
    ],
)
def test_head_word(phrase: str, head: str) -> None:
    assert head_word(phrase) == head


def test_a_name_is_not_a_document_by_its_last_word_alone() -> None:
    # "Page" names a part only with a number after it; people are called Page too.
    assert not is_document_or_role("Larry Page")
    assert is_document_or_role("Counterclaim Plaintiffs")
    assert is_document_or_role("Table of Contents")
    assert not is_document_or_role("Bureau of Workers")


def test_party_role_before_a_name_is_cut_off() -> None:
    # Musk v. Altman, N.D. Cal. 4:24-cv-04722, OpenAI's answer and counterclaims
    text = (
        "14.     Counterclaim Defendant X.AI Corp. (“xAI”) is a public benefit corporation "
        "formed under the laws of Nevada. 16.      The Court has personal jurisdiction over "
        "Counterclaim Defendant Musk, who has availed himself of this forum."
    )
    assert strip_role_opener("Counterclaim Defendant Elon Musk") == len("Counterclaim Defendant ")
    assert strip_role_opener("Counterclaim Defendants") == 0  # nothing left: no cut
    analysis = analyse(text, published=None, known=[])
    assert not any("Counterclaim" in n or "Defendant" in n for n in names(analysis))
    mentions = {m.text for e in analysis.entities for m in e.mentions}
    assert {"X.AI Corp.", "Musk"} <= mentions


def test_numbered_references_are_no_entities() -> None:
    # Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276, motion to stay
    text = (
        "The district court denied the motion. Docket Entry No. 20 at 8-10. The next day, the "
        "government moved for a stay. Id. Docket Entry No. 9. The Court applied Rule 12 and "
        "Paragraph 14 of the Court's discovery procedures."
    )
    found = names(analyse(text, published=None, known=[]))
    assert not {"Docket Entry", "Docket", "Entry", "Rule 12", "Paragraph 14"} & found


def test_your_honor_is_no_entity_even_across_a_transcript_line_number() -> None:
    # Musk v. Altman, N.D. Cal., preliminary injunction hearing of February 4, 2025
    text = (
        "           MR. COHEN:     Good morning, Your Honor.         Russell Cohen\n"
        "17    for the defendants. Thank you, Your\n"
        "18     Honor.\n"
        "19               MR. TOBEROFF:     Good morning, Your Honor.\n"
    )
    analysis = analyse(text, published=None, known=[])
    assert "Honor" not in names(analysis)


def test_addresses_hold_no_places_but_running_text_does() -> None:
    # Doe v. GitHub, N.D. Cal. 4:22-cv-06823 (2023), appearances; Zepeda Rivas declaration
    text = (
        "Joseph R. Saveri, Joseph Saveri Law Firm, LLP, San Francisco, CA, Matthew "
        "Butterick, Attorney at Law, Los Angeles, CA, for Plaintiffs.\n\n"
        "I am a partner at Lakin & Wille LLP, located at 1939 Harrison Street, Suite 420, "
        "Oakland, California.\n\n"
        "The hearing was held in San Francisco, where the court sits."
    )
    analysis = analyse(text, published=None, known=[])
    found = names(analysis)
    assert not {"Los Angeles", "Harrison Street", "Suite"} & found
    san_francisco = [e for e in analysis.entities if e.name == "San Francisco"]
    assert san_francisco, "the running-text San Francisco is a place"
    assert [m.start for m in san_francisco[0].mentions] == [text.rindex("San Francisco")]


def test_a_place_in_a_court_caption_is_part_of_the_court() -> None:
    # Andersen v. Stability AI, N.D. Cal. 3:23-cv-00201 (2023), caption
    text = (
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
        "SARAH ANDERSEN, et al.,\nPlaintiffs,\nv.\nSTABILITY AI LTD., et al.,\nDefendants.\n"
    )
    known = [KnownEntity("united-states", "United States", "place", ("UNITED STATES",))]
    analysis = analyse(text, published=None, known=known)
    assert "United States" not in names(analysis)
    courts = [e for e in analysis.entities if e.kind == "court"]
    assert [m.text for c in courts for m in c.mentions] == [
        "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA"
    ]
    assert courts[0].name == "United States District Court Northern District of California"


def test_text_layer_damage_is_no_name() -> None:
    # Calderon-Fuentes v. CEVA Logistics, Tenn. Ct. Workers' Comp. Claims (2019), compensation
    # hearing order, as its PDF's text layer reads
    text = "Therefore, on this record, Mr. Calderon-Fuentes did not satisfY his burden to show."
    assert "satisfY" not in names(analyse(text, published=None, known=[]))


def test_a_place_in_a_judges_title_or_a_court_name_is_no_place() -> None:
    # Meta Platforms v. Bright Data, N.D. Cal. 3:23-cv-00077 (2024), signature; Marshall v.
    # Northrop Grumman, C.D. Cal., deposition caption
    text = (
        "Dated: January 23, 2024\n\nEDWARD M. CHEN, UNITED STATES DISTRICT JUDGE\n\n"
        "UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\n"
    )
    known = [
        KnownEntity("united-states", "United States", "place", ("UNITED STATES",)),
        KnownEntity("california", "California", "place", ("CALIFORNIA",)),
    ]
    found = names(analyse(text, published=None, known=known))
    assert not {"United States", "California"} & found
    # a place before an untitled "judge" is still a place (news style)
    news = "While OpenAI tried to get the lawsuit dismissed, the California judge presiding"
    assert "California" in names(analyse(news, published=None, known=known))


def test_a_running_heads_page_number_is_no_law() -> None:
    # Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276: the ECF running head
    text = "Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page 5 of 15\n"
    found = names(analyse(text, published=None, known=[]))
    assert not {"Page 5", "Page", "DktEntry"} & found


def test_a_state_written_out_with_its_zip_code_is_an_address() -> None:
    # United States v. Levandowski, N.D. Cal. 3:19-cr-00377-WHA, Dkt. 102, appearances
    text = (
        "For Defendant:\n"
        "RAMSEY & EHRLICH LLP\n"
        "803 Hearst Avenue\n"
        "Berkeley, California 94710\n"
        "BY: ISMAIL RAMSEY, ATTORNEY AT LAW\n"
        "\n"
        "Mr. Levandowski studied at UC Berkeley and lived in California."
    )
    analysis = analyse(text, published=None, known=[], kind="transcript")
    mentions = {(m.text, m.start) for e in analysis.entities for m in e.mentions}
    assert ("Berkeley", text.index("Berkeley,")) not in mentions
    assert ("California", text.index("California 94710")) not in mentions
    assert ("California", text.rindex("California")) in mentions  # running text names it


def test_a_kind_of_court_is_no_court_but_a_court_named_on_is() -> None:
    # Levandowski (plea colloquy) and United States v. Nikulin, N.D. Cal. 3:16-cr-00440-WHA,
    # Dkt. 318 (pretrial conference)
    text = (
        "THE COURT: And if you were convicted, you would ordinarily have the right to appeal "
        "to the Court of Appeals, both the verdict of guilty as well as the sentence.\n"
        "MS. KANE: Her testimony was found to be misleading, confusing, in other Federal "
        "Court appearances."
    )
    analysis = analyse(text, published=None, known=[])
    courts = {e.name for e in analysis.entities if e.kind == "court"}
    assert not {"Court of Appeals", "Federal Court"} & courts


def test_a_kind_of_court_the_text_names_on_is_a_court() -> None:
    # Jagels v. State, Mo. Ct. App. ED108783 (2021), caption: the court's name goes on
    # past the line end and the caption's column
    text = (
        "Appellant,    ) Appeal from  the Circuit Court of\n      ) St. Charles County, Missouri\n"
    )
    assert not is_generic_court("Circuit Court of\n ) St. Charles County")
    assert is_generic_court("Circuit Court") and is_generic_court("Court of Appeals")
    assert not is_generic_court("Court of Appeals for the Ninth Circuit")
    assert not is_generic_court("Supreme Court")
    assert not _not_a_name(text, Candidate(text.index("Circuit"), text.index(" of\n"),
                                           "Circuit Court", "court"))  # fmt: skip
