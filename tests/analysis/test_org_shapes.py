"""Organizations: false and missed names by shape (issue 17, round 11, h-orgs11)."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse

#: Diaz v. Create and Construct, LLC, Tenn. Workers' Comp. App. Bd. 2019, memorandum opinion,
#: https://github.com/freelawproject/courtlistener/blob/main/cl/corpus_importer/test_assets/tenn_test_files/1449/Diaz_v._Create_and_Construct__LLC_Appeals_Board_Opinion.pdf
DIAZ = (
    "After Employee filed a petition for benefits, the Bureau of Workers’\n"
    "Compensation performed an investigation."
)


def test_plural_possessive_inside_a_name_is_not_cut_at_the_apostrophe() -> None:
    # the model stops at "Workers" before the apostrophe: the name runs on through it
    one_line = analyse(DIAZ.replace("\n", " "), published=None, known=[]).entities
    assert [e.name for e in one_line] == ["Bureau of Workers’ Compensation"]
    # across a line break the whole name is no name (kinds.is_junk_name), but never the cut
    # "Bureau of Workers"
    broken = analyse(DIAZ, published=None, known=[]).entities
    assert "Bureau of Workers" not in {e.name for e in broken}


#: Carpenter v. United States, 585 U.S. 296 (2018), syllabus,
#: https://www.docketalarm.com/cases/Supreme_Court/16-402/Timothy_Ivory_Carpenter_Petitioner_v._United_States/06-22-2018-Judgment_REVERSED_and_case_REMANDED/
CARPENTER = (
    "Prosecutors applied for court orders to obtain the suspects’ cell phone records under the "
    "Stored Communications Act.\nWireless carriers produced CSLI for petitioner Timothy "
    "Carpenter’s phone."
)


def test_capitalised_adjective_opening_a_sentence_is_no_organization() -> None:
    entities = analyse(CARPENTER, published=None, known=[]).entities
    names = {e.name for e in entities}
    assert "Wireless" not in names
    assert "Timothy Carpenter" in names


#: Williams v. Wells Fargo Bank, N.A., W.D. Tenn., complaint (2022), p. 4 (its line numbers
#: left out), https://github.com/decisionandlaw-sys/derechoartificialnew/blob/6ffad476784eba7c8bd660ff9c9609898c24a29e/public/fuentes/gov.uscourts.cand.391955.1.0.pdf
WILLIAMS = (
    "(W.D. Tenn.). Wells Fargo also settled a lawsuit for $37 million led by the National Fair "
    "Housing\nAlliance alleging that Wells Fargo took better care of foreclosed properties that "
    "it owned in white\nneighborhoods than those in African American and Latino communities."
)

#: In re Vizio, Inc., Consumer Privacy Litigation, C.D. Cal., motion for preliminary approval,
#: p. 1 (line numbers left out),
#: https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.645219.282.1.pdf
VIZIO = (
    "Plaintiffs brought this class action seeking monetary and injunctive relief for all "
    "individuals in the United States who purchased a Vizio Smart\nTelevision for personal or "
    "household use."
)


def test_institution_name_hard_wrapped_over_a_line() -> None:
    names = {e.name: e.kind for e in analyse(WILLIAMS, published=None, known=[]).entities}
    assert names.get("National Fair Housing Alliance") == "organization", names


def test_wrapped_name_headed_by_no_institution_stays_unjoined() -> None:
    names = {e.name for e in analyse(VIZIO, published=None, known=[]).entities}
    assert "Vizio Smart Television" not in names, names
