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
