"""Claims in party filings held out (round 9, issue 17): a party's paper's "we" and "our" are
the party its title names, "we demonstrated that" reports its own earlier paper, and "X's
theory that ..." is X's claim. Short real passages, the URL of each in a comment."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse


def _claims(text: str, kind: str | None = "motion") -> list[tuple[str | None, str, str]]:
    return [
        (c.speaker, c.verb, c.sentence)
        for c in analyse(text, published=None, known=[], kind=kind).claims
    ]


# Smart Business Machines v. United States, Fed. Cl. No. 05-447C, defendant's reply brief
# (https://findforms.com/single_form.php/form/341656/Reply_to_Response_to_Motion_District_Court_of_Federal_Claims_District_federal)
SMART = (
    "IN THE UNITED STATES COURT OF FEDERAL CLAIMS SMART BUSINESS MACHINES, Plaintiff, v. THE "
    "UNITED STATES, Defendant. ) ) ) ) ) ) ) ) )\n\nNos. 05-447C (Judge Firestone)\n\n"
    "DEFENDANT'S REPLY BRIEF IN SUPPORT OF MOTION TO DISMISS Pursuant to Rule 7.1 of the Court "
    "of Federal Claims and this Court's June 28, 2005, order, defendant, the United States, "
    "respectfully submits the following reply brief in support of its motion to dismiss. In our "
    "opening brief, we demonstrated that this Court only had subject matter jurisdiction over "
    "claims that had first been made to the contracting officer. We further demonstrated that "
    "the plaintiff, Smart Business Machines, had not made the requisite claim to the "
    "contracting officer and that the complaint should be dismissed for lack of subject matter "
    "jurisdiction.\n\nWe also argued that, even if this Court did possess subject matter "
    "jurisdiction over plaintiff's complaint, Smart Business Machines had failed to state a "
    "claim upon which relief could be granted."
)


def test_a_partys_we_is_the_party_its_title_names() -> None:
    claims = _claims(SMART)
    assert [(s, v) for s, v, _ in claims] == [("United States", "argued")] * 3
    assert [c[2][:22] for c in claims] == [
        "In our opening brief, ",
        "We further demonstrate",
        "We also argued that, e",
    ]


def test_we_demonstrated_is_no_claim_without_a_filer() -> None:
    # the same sentences in no party's paper (no title naming a role): "we" stays unnamed and
    # "demonstrated" is no reporting verb; "argued" still is
    body = SMART.split("motion to dismiss. ", 1)[1]
    assert [(s, v) for s, v, _ in _claims(body)] == [(None, "argued")]
    # nor in an opinion, whose "we" is the court
    assert [v for _, v, _ in _claims(body, "opinion")] == ["argued"]


def test_our_contention_is_the_filers_claim() -> None:
    # the Smart Business Machines caption and title above, with a sentence of the shape
    # "to support our contention that ..." (a party's paper's noun of assertion, "our")
    head = SMART.split(" Pursuant to", 1)[0]
    text = head + (
        " In this reply we respond to these arguments to support our contention that the "
        "claim was never presented to the contracting officer."
    )
    assert [(s, v) for s, v, _ in _claims(text)] == [("United States", "argued")]


def test_a_role_after_to_is_the_other_sides_paper() -> None:
    # Tetra Tech EC v. United States, Fed. Cl. No. 06-146C, plaintiff's reply (caption and
    # title as filed; the last sentence is of the shape under test)
    # (https://findforms.com/single_form.php/form/328392/Reply_to_Response_to_Motion_District_Court_of_Federal_Claims_District_federal)
    text = (
        "IN THE UNITED STATES COURT OF FEDERAL CLAIMS\n\nTETRA TECH EC, INC.,\n\n) ) "
        "Plaintiff, ) ) v. ) ) UNITED STATES, ) ) Defendant. ) ______________ )\n\n"
        "Fed. Cl. No. 06-146C (Judge Wheeler)\n\nPLAINTIFF'S REPLY TO GOVERNMENT'S OPPOSITION "
        "TO MOTION FOR SUMMARY JUDGMENT\n\nIn our motion we demonstrated that the calculation "
        "was fundamentally flawed."
    )
    found = [(s.lower() if s else s, v) for s, v, _ in _claims(text)]
    assert found == [("tetra tech ec, inc.", "argued")]  # as the caption writes it, re-cased


def test_a_theory_with_its_holder_and_content_is_a_claim() -> None:
    # American Educational Research Ass'n v. Public.Resource.Org, D.D.C. No. 1:14-cv-00857,
    # plaintiffs' reply (https://docs.justia.com/cases/federal/district-courts/district-of-columbia/dcdce/1:2014cv00857/166323/148)
    text = (
        "PRO's alternative theory that the failure to provide for a reply on the cross-motion "
        "was inadvertent is, of course, possible. PRO's argument about why a reply should be "
        "allowed is obviously a matter within the Court's discretion."
    )
    claims = _claims(text)
    assert [(s, v) for s, v, _ in claims] == [("PRO", "argued")]  # "about why": no content
