"""Claim speakers in party filings (round 11, branch h-fspk11, issue 17): whom a filing's
"the court", "it granted ... the motion" and "Counsel for ..." stand for. Short real passages
(a sentence or two of each, a caption line where the rule reads it), the URL of each in a
comment."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse


def _speaker_of(text: str, start: str, kind: str = "motion") -> str | None:
    claims = analyse(text, published=None, known=[], kind=kind).claims
    found = [c.speaker for c in claims if " ".join(c.sentence.split()).startswith(start)]
    assert found, f"no claim in the sentence starting {start!r}: {claims}"
    return found[0]


# OpenAI defendants' discovery letter, Musk v. Altman, N.D. Cal. No. 4:24-cv-04722
# (https://storage.courtlistener.com/recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.180.0_2.pdf)
TWITTER = (
    "In the lawsuit arising out of Musk’s acquisition of Twitter, the court criticized Musk’s "
    "“discovery conduct” as “suboptimal,”\nfinding that Musk “fell short in [his] obligations” "
    "despite having “far less to do” in document\ndiscovery, Twitter, Inc. v. Musk, Dkt. 221, "
    "C.A. No. 2022-0613-KSJM (Del. Ch. Aug. 23, 2022).\nMore recently, in a case pending in "
    "this District, Judge Breyer ordered Musk to reappear for\nquestioning after Musk walked "
    "out in the middle of his own deposition without any explanation."
)


def test_a_filings_bare_court_is_the_court_its_sentences_citation_names() -> None:
    # not Judge Breyer, the one judge the letter names (a sentence later), nor the caption's
    # court: the citation closing the sentence names the Court of Chancery
    assert _speaker_of(TWITTER, "In the lawsuit arising") == "Delaware Court of Chancery"


# Plaintiffs' memorandum for preliminary approval, In re Vizio, Inc., Consumer Privacy
# Litigation, C.D. Cal. No. 8:16-ml-02693 (https://github.com/freelawproject/x-ray/blob/
# 64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.645219.282.1.pdf)
VIZIO = (
    "UNITED STATES DISTRICT COURT FOR THE\nCENTRAL DISTRICT OF CALIFORNIA\n"
    "Judge: Hon. Josephine L. Staton\n\n"
    "Vizio responded to the complaint by moving to dismiss. After the Court received\n"
    "outsized briefing and held oral argument, it granted and denied the motion in "
    "part,\nallowing Plaintiffs the opportunity to replead any dismissed claim."
)


def test_it_that_disposes_of_a_motion_is_the_court() -> None:
    # "it" is no company when it grants and denies a motion: the judge the caption assigns
    assert _speaker_of(VIZIO, "After the Court received") == "Josephine L. Staton"


# Declaration of Michael S. Kwun, Griffo v. Oculus VR, C.D. Cal. No. 8:15-cv-01228
# (https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/
# program/data/gov.uscourts.cacd.624449.132.0.pdf)
KWUN = (
    "I, Michael S. Kwun, declare as follows:\n"
    "Counsel for the third party has\n  indicated to me that his clients believe\n"
    "  this information should be redacted.\n"
)


def test_counsel_for_a_party_the_text_never_names_is_no_name() -> None:
    # the guidelines: a definite participant the text does not name speaks with a null
    # speaker; the role phrase "Counsel for the third party" is no name
    assert _speaker_of(KWUN, "Counsel for the third party", kind="other") is None


# The same Vizio memorandum, a few pages on.
VIZIO_POSITION = (
    "Vizio has denied Plaintiffs’ allegations and has raised thirty-seven affirmative\n"
    "defenses. Vizio takes the position that it properly disclosed the collection of viewing "
    "data\nto consumers; that consumers consented to or had knowledge of Vizio’s collection "
    "and\nsharing of viewing data."
)
VIZIO_REFUSED = (
    "UNITED STATES DISTRICT COURT FOR THE\nCENTRAL DISTRICT OF CALIFORNIA\n"
    "Judge: Hon. Josephine L. Staton\n\n"
    "Vizio\nthen filed an answer to the second consolidated complaint in August 2017. A few "
    "months\nlater, the Court refused Vizio’s separate request to certify an immediate appeal "
    "on\nquestions of law pertaining to Vizio’s liability under the federal Video Privacy "
    "Protection\nAct."
)


def test_taking_the_position_that_is_a_partys_claim() -> None:
    claims = analyse(VIZIO_POSITION, published=None, known=[], kind="motion").claims
    taken = [c for c in claims if "takes the position" in c.sentence]
    assert taken and taken[0].verb == "argued"
    assert taken[0].speaker is not None and taken[0].speaker.startswith("Vizio")


def test_a_court_that_refuses_a_request_denies_it() -> None:
    claims = analyse(VIZIO_REFUSED, published=None, known=[], kind="motion").claims
    refused = [c for c in claims if "refused" in c.sentence]
    assert [(c.speaker, c.verb) for c in refused] == [("Josephine L. Staton", "denied")]


# Petition for a writ of certiorari, Thaler v. Perlmutter (2025)
# (https://github.com/decisionandlaw-sys/derechoartificialnew/blob/6ffad476784eba7c8bd660ff9c9609898c24a29e/public/fuentes/thaler-perlmutter-certiorari-copyright-ia.pdf)
THALER = (
    "The Copyright Office accepted that the Work was\nautonomously created by artificial "
    "intelligence without\nany creative contribution from a human actor."
)


def test_an_agency_that_accepts_a_fact_admits_it() -> None:
    claims = analyse(THALER, published=None, known=[], kind="motion").claims
    assert [(c.speaker, c.verb) for c in claims] == [("Copyright Office", "admitted")]


# The same petition (its caption's court, the sentence naming the district court, and the
# passage describing its decision, then "The Court concluded"; the citation shortened).
THALER_BELOW = (
    "IN THE\nSupreme Court of the United States\n"
    "The memorandum opinion of the United States\nDistrict Court for the District of Columbia "
    "is reported at\nThaler v. Perlmutter, 687 F. Supp. 3d 140 (D.D.C. 2023).\n"
    "The District Court issued an order and memorandum\nof opinion on August 18, 2023, "
    "denying Thaler’s motion\nfor summary judgment and granting Copyright Office’s\nmotion "
    "for summary judgment. See Thaler v. Perlmutter,\nDistrict Court Case No. "
    "1:22-cv-01564-BAH, Document\nNo. 23 (D.D.C. Aug. 18, 2023) and Pet. App. 28a–46a. The\n"
    "Court based its decision on its framing of the question at\nissue: “the single legal "
    "question presented here is whether\na work generated autonomously by a computer falls\n"
    "under the protection of copyright law upon its creation.”\nPet. App. 35a. The Court "
    "concluded that, “United States\ncopyright law protects only works of human creation.”\n"
)


def test_a_filings_bare_court_after_another_courts_ruling_is_that_court() -> None:
    claims = analyse(THALER_BELOW, published=None, known=[], kind="motion").claims
    issued = [c.speaker for c in claims if c.sentence.startswith("The District Court")]
    concluded = [c.speaker for c in claims if "The Court concluded" in c.sentence]
    assert issued[0] is not None and "Supreme" not in issued[0]
    assert concluded == issued  # not the Supreme Court the petition is filed in
