"""Missed persons and organizations in court papers (issue 17, round 12, h-names12)."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse

#: Doe v. GitHub, Inc., No. 22-cv-06823-JST (N.D. Cal. May 11, 2023), order on motions to dismiss,
#: https://iguazu-staging.vlex.com/cases/doe-v-github-inc-1053364678
DOE = (
    "Before the Court are motions to dismiss filed by Defendants GitHub, Inc. and Microsoft "
    "Corporation, ECF No. 50; and Defendants OpenAI, Inc., OpenAI, L.P., OpenAI GP, L.L.C., "
    "OpenAI Startup Fund GP I, L.L.C., OpenAI Startup Fund I, L.P., and OpenAI Startup Fund "
    'Management, LLC (collectively "OpenAI Defendants"), ECF No. 53.'
)


def test_one_name_with_two_suffixes_is_two_companies() -> None:
    names = {e.name for e in analyse(DOE, published=None, known=[]).entities}
    # "OpenAI, Inc." and "OpenAI, L.P." are affiliates told apart by the suffix alone
    assert {"OpenAI, Inc.", "OpenAI, L.P.", "OpenAI GP, L.L.C."} <= names
    assert "OpenAI Startup Fund I, L.P." in names
    assert "GitHub, Inc." in names


def test_one_suffix_alone_still_joins_the_bare_name() -> None:
    # a company named once with its suffix and then by its bare name is one company
    text = (
        "Defendants GitHub, Inc. and Microsoft Corporation move to dismiss. GitHub hosts the code."
    )
    entities = analyse(text, published=None, known=[]).entities
    github = [e for e in entities if e.name.startswith("GitHub")]
    assert len(github) == 1
    assert len(github[0].mentions) == 2


#: Musk v. Altman, No. 4:24-cv-04722-YGR (N.D. Cal.), OpenAI Defendants' discovery letter brief,
#: June 20, 2025, https://storage.courtlistener.com/recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.180.0_2.pdf
SIGNATURE = (
    "Dated: June 20, 2025\n\n"
    "                          Attorneys for Defendants Samuel Altman, Gregory\n"
    "                          Brockman, OpenAI, Inc., OpenAI L.P., OpenAI, L.L.C.,\n"
    "                          OpenAI GP, L.L.C., OpenAI OpCo, LLC, OpenAI\n"
)


def test_a_signature_blocks_party_list_is_not_told_apart() -> None:
    # the list of every affiliate counsel represent is page furniture: no company of its own
    names = {e.name for e in analyse(SIGNATURE, published=None, known=[]).entities}
    assert "OpenAI L.P." not in names
    assert "OpenAI, Inc." not in names


#: In re OpenAI, Inc. Copyright Infringement Litigation, No. 25-md-3143 (S.D.N.Y. May 16,
#: 2025), order on reconsideration, the heading as the service flattens it,
#: https://app.minerva26.com/case_law/64012-in-re-openai-inc-copyright-infringement-litig
WANG = (
    "United States District Court, Southern District of New York Filed May 16, 2025 Wang, Ona "
    "T., United States Magistrate Judge ORDER The Court is in receipt of OpenAI’s motion for "
    "reconsideration."
)


def test_a_judge_named_surname_first_before_her_title() -> None:
    people = [e for e in analyse(WANG, published=None, known=[]).entities if e.kind == "person"]
    assert [(e.name, [m.text for m in e.mentions]) for e in people] == [
        ("Ona T. Wang", ["Wang, Ona T."])
    ]


def test_a_list_of_judges_by_surname_is_not_inverted() -> None:
    # Facebook, Inc. v. Power Ventures, Inc. (9th Cir. 2016, amended), the panel lines,
    # http://www.ecases.us/case/ca9/c2987787/facebook-inc-v-steven-vachani
    text = (
        "Lucy H. Koh, District Judge, Presiding\nArgued and Submitted December 9, 2015\n"
        "Before: Susan P. Graber, Kim McLane Wardlaw,\nand Mary H. Murguia, Circuit Judges.\n"
    )
    people = {e.name for e in analyse(text, published=None, known=[]).entities}
    assert {"Lucy H. Koh", "Susan P. Graber", "Mary H. Murguia"} <= people
    assert not any(", " in n for n in people)
