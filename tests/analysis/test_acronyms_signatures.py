"""Issue 17, round 11 (branch h-ents11): acronyms in running prose, counsel's electronic
signature blocks and the papers a brief cites by abbreviation (docs/evaluation.md, "Round 11:
entities in court papers"). Short real passages, their sources in comments."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.text.furniture import find_furniture


def _entities(text: str, kind: str = "motion") -> dict[str, str]:
    found = analyse(text, published=None, known=[], kind=kind).entities
    return {e.name: e.kind for e in found}


def _mentions(text: str, kind: str = "motion") -> set[str]:
    found = analyse(text, published=None, known=[], kind=kind).entities
    return {m.text for e in found for m in e.mentions}


# Friends of the Earth v. Watson, N.D. Cal. No. C 02-4106 JSW, plaintiffs' surreply (2005), as
# its text layer is stored at https://github.com/MatiasLoiseau/greenpeace-rag-system/blob/
# f8a2e7c6ba58a7a7da824535cc77d42bb5f47bca/dataset/plaintiff-s-final-response-to.txt
SURREPLY = (
    "Plaintiffs have established standing to challenge the Defendants’ failure to comply with \n"
    "NEPA.  Plaintiffs and members of the Plaintiff organizations have alleged injuries to their \n"
    "concrete interests.\n"
    "OPIC’s treatm ent of NEPA is sim ilarly fl awed. The environm ental review requirem ents \n"
    "of the OPIC Act do not “displace” the agency’s duties under NEPA.\n"
)


def test_an_acronym_in_running_prose_is_a_name() -> None:
    names = _entities(SURREPLY)
    assert "NEPA" in names
    assert "OPIC" in names
    assert "OPIC Act" in names


def test_an_acronym_in_a_caption_line_in_capitals_is_still_dropped_when_unsupported() -> None:
    # the all-capitals test still holds for lines that are not prose (a running head)
    assert "ACME" not in _entities("ACME CORP. EXHIBIT LIST\n\nThe parties met on May 1.\n")


# Carpenter v. United States, 585 U.S. 296 (2018), syllabus, https://www.docketalarm.com/cases/
# Supreme_Court/16-402/Timothy_Ivory_Carpenter_Petitioner_v._United_States/
CARPENTER = (
    "Cell phones continuously connect to cell sites, generating a time-stamped\n"
    "record known as cell-site location information (CSLI). Wireless carri-\n"
    "ers collect and store this information for their own business purposes.\n"
    "Here, after the FBI identified the cell phone numbers of several rob-\n"
    "bery suspects, prosecutors were granted court orders to obtain the sus-\n"
    "pects’ cell phone records under the Stored Communications Act.\n"
    "Wireless carriers produced CSLI for petitioner Timothy Carpenter’s\n"
    "phone.\n"
)


def test_an_acronym_the_text_defines_for_a_phrase_in_lower_case_is_a_term() -> None:
    names = _entities(CARPENTER, kind="opinion")
    assert "FBI" in names
    assert "CSLI" not in names


def test_an_acronym_joins_the_name_whose_initials_it_spells() -> None:
    # Carpenter's text names the Bureau only by its acronym; the long form is added here to
    # show the grouping (the pattern of "Environmental Protection Agency ... the EPA").
    text = "The Federal Bureau of Investigation asked. " + CARPENTER
    found = analyse(text, published=None, known=[], kind="opinion").entities
    bureau = [e for e in found if any(m.text == "FBI" for m in e.mentions)]
    assert len(bureau) == 1
    assert {m.text for m in bureau[0].mentions} >= {"FBI", "Federal Bureau of Investigation"}


# Williams v. Wells Fargo Bank, N.A., N.D. Cal. (2022), complaint, signature block,
# https://github.com/decisionandlaw-sys/derechoartificialnew/blob/6ffad476784eba7c8bd660ff9c9609
# 898c24a29e/public/fuentes/gov.uscourts.cand.391955.1.0.pdf
WILLIAMS_SIGNATURE = (
    "Plaintiff demands a trial by jury on all claims so triable.\n"
    "SANI LAW, APC\n"
    "18\n"
    "By: /s/ Sam Sani\n"
    "19 Sam Sani\n"
    "SANI LAW, APC\n"
    "20 15720 Ventura Blvd., Suite 405\n"
    "Encino, CA 94612\n"
    "21 Tel: (310) 935-0405\n"
    "ssani@sanilawfirm.com\n"
    "22\n"
    "Attorneys for Plaintiff\n"
)


def _furniture_text(text: str) -> str:
    return " | ".join(text[s:e] for s, e in find_furniture(text))


def test_counsels_electronic_signature_block_is_furniture() -> None:
    furniture = _furniture_text(WILLIAMS_SIGNATURE)
    assert "By: /s/ Sam Sani" in furniture
    assert "19 Sam Sani" in furniture
    assert "SANI LAW, APC" in furniture
    assert "demands a trial" not in furniture


# The surreply's signature page: the date and the parties signed for stand above "/s/".
SURREPLY_SIGNATURE = (
    "10WHEREFORE, Defendants’ Motion for Sum mary Judgm ent should be denied.  \n"
    "March 14, 2005   Friends of the Earth, Inc. \n"
    "Greenpeace, Inc. \n"
    "     City of Boulder, Colorado \n"
    "    by: ___________/s/___________________ \n"
    "     R onald A. Shems \n"
    "     SHEMS DUNKIEL KASSEL & SAUNDERS \n"
    "     91 College Street \n"
    "     Burlington, Verm ont  05401 \n"
    "     (802) 860 1003 (voice) \n"
    "     r shems@sdkslaw.com \n"
)


def test_the_parties_signed_for_above_the_signature_are_furniture() -> None:
    furniture = _furniture_text(SURREPLY_SIGNATURE)
    assert "Greenpeace, Inc." in furniture
    assert "City of Boulder, Colorado" in furniture
    assert "WHEREFORE" not in furniture
    found = analyse(
        SURREPLY_SIGNATURE, published=None, known=[], furniture=find_furniture(SURREPLY_SIGNATURE)
    ).entities
    assert not {"Greenpeace, Inc.", "City of Boulder"} & {e.name for e in found}


# In re: Facebook Biometric ... the declaration of Michael S. Kwun (Griffo v. Oculus VR, N.D.
# Cal. 2018), https://github.com/freelawproject/x-ray (a declarant's own "/s/", no address):
# not a counsel's block.
def test_a_declarants_signature_without_an_address_is_text() -> None:
    text = (
        "that the foregoing is true and correct. Executed this 8th day of October, 2018, at\n"
        "San Francisco, California.\n"
        "7 /s/ Michael S. Kwun\n"
        "Michael S. Kwun\n"
    )
    assert "Michael S. Kwun" not in _furniture_text(text)


def test_papers_cited_by_abbreviation_are_no_names() -> None:
    # the surreply: "See Def. Reply at 8 (citing Legates Decl. at ¶11)", "Pls.’ Motion to
    # Strike (3/14/05)", "Answer to Pls’ 2d. Am d. Cm plt at ¶¶ 163"
    text = (
        "Defendants m istakenly asse rt that Plaintiffs m ust som ehow trace each CO 2 molecule.  "
        "See Def. Reply at 8 (citing Legates Decl. at ¶11).  See Pls.’ Motion to Strike "
        "(3/14/05).  Answer to Pls’ 2d. Am d. Cm plt at ¶¶ 163, 165.  Dr. David Legates "
        "is listed as an expert.\n"
    )
    mentions = _mentions(text)
    assert "Legates Decl" not in mentions
    assert not {"Reply", "Def. Reply", "Strike", "Answer"} & mentions
    assert "David Legates" in mentions


# The surreply's caption, a heading and the text-layer damage of its letter-spaced type.
SURREPLY_BODY = (
    "UNITED STATES DISTRICT COURT \n"
    "NORTHERN DISTRICT OF CALIFORNIA \n"
    "SAN FRANCISCO DIVISION \n"
    " \n"
    "I. Plaintiffs have Established Standing.   \n"
    "Plaintiffs have established standing to challenge the Defendants’ failure to comply with \n"
    "NEPA.  The Defendants have effectively engaged Dr. Legates to underm ine the conclusions of \n"
    "the Governm ent’s own scientists at the EPA and the National Academ y of Sciences.  These \n"
    "organizations take issue with the Governm ent’s clim ate change reports.  Congress m ay "
    "act, and Congress clearly separated the two term s.\n"
)


def test_a_place_before_division_is_part_of_the_courts_name() -> None:
    assert "San Francisco" not in _entities(SURREPLY_BODY)


def test_a_heading_of_common_words_in_capitals_is_no_name() -> None:
    # "established" and "standing" are written in lower case in the text
    assert "Established Standing" not in _entities(SURREPLY_BODY)


def test_a_word_split_by_letter_spacing_is_no_name_but_a_whole_word_before_one_is() -> None:
    names = _entities(SURREPLY_BODY)
    assert "Governm" not in names
    assert "Congress" in names  # "Congress m ay": the next word is the split one


# Ross v. AT&T Mobility LLC, N.D. Cal. No. 4:19-cv-06669-JST, joint discovery letter (Dkt. 89,
# 2021), https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/
# program/data1/gov.uscourts.cand.349925.89.0_1.pdf: "AT&T" is a name in running prose now,
# and the participle before a noun is no reporting verb.
ROSS = (
    "This case addresses Mr. Ross’s claimed SIM swap, and the measures that AT&T had in place "
    "to prevent unauthorized SIM swaps.\n"
)


def test_att_is_a_name_and_a_claimed_swap_is_no_claim() -> None:
    found = analyse(ROSS, published=None, known=[], kind="motion")
    assert "AT&T" in {e.name for e in found.entities}
    assert "SIM" not in {e.name for e in found.entities}
    assert found.claims == []
