"""Issue 17, round 8: what unseen court papers wrongly made names, and the names hard wrapping
cut. Short made-up passages in the shape of real court papers (docs/evaluation.md, "Round 8:
entities on unseen court papers")."""

from __future__ import annotations

from casebase.analysis.entities import (
    _HYPHEN_BEFORE,
    _SUFFIX_AFTER,
    Candidate,
    _national_prefix,
    _rewrap,
)
from casebase.analysis.kinds import is_junk_name
from casebase.analysis.legal_names import case_key
from casebase.analysis.not_names import in_postal_address, is_office, is_reference_label
from casebase.analysis.pipeline import analyse


def _names(text: str, kind: str = "order") -> list[str]:
    return [e.name for e in analyse(text, published=None, known=[], kind=kind).entities]


def test_ordinal_words_are_no_names() -> None:
    assert is_junk_name("Eleventh")
    assert is_junk_name("Third")
    assert not is_junk_name("Eleventh Circuit")
    text = (
        "The First, Second, Third, Fourth, Seventh and Ninth Claims for Relief, as alleged "
        "against Harbor Freight Lines, are dismissed without prejudice.\n"
    )
    assert not {"Second", "Third", "Fourth", "Seventh", "Ninth"} & set(_names(text))


def test_a_roman_numeral_labels_a_count() -> None:
    text = "the Free Speech Clause (Count III); the Takings Clause (Count IV)."
    assert is_reference_label(text, text.index("Count III") + 5, "Count")
    assert is_reference_label(text, text.index("Count IV") + 5, "Count")
    assert not is_reference_label("Count Basie played.", 5, "Count")


def test_a_bare_district_is_no_court() -> None:
    assert is_junk_name("District")
    assert is_junk_name("this District")
    assert not is_junk_name("District of Oregon")


def test_counsel_city_before_for_is_an_address() -> None:
    text = "Ann B. Cole, Marsh Pryor LLP, Fairhaven, NJ for Defendants."
    start = text.index("Fairhaven")
    assert in_postal_address(text, start, start + len("Fairhaven"), "Fairhaven")
    text = "He lives in Fairhaven, NJ for now."  # no comma before: running text
    start = text.index("Fairhaven")
    assert not in_postal_address(text, start, start + len("Fairhaven"), "Fairhaven")


def test_a_street_after_a_house_number_before_a_zip_is_an_address() -> None:
    text = "MR. ROY: Ted Roy, 410 Lexington, New York, New York 10017, for the plaintiffs."
    start = text.index("Lexington")
    assert in_postal_address(text, start, start + len("Lexington"), "Lexington")
    text = "In 2019 Lexington sued the county."
    start = text.index("Lexington")
    assert not in_postal_address(text, start, start + len("Lexington"), "Lexington")


def test_a_post_named_by_its_head_is_no_name() -> None:
    assert is_office("Principal Financial and Accounting Officer")
    assert is_office("President")
    assert is_office("Acting Solicitor")
    assert not is_office("President Lincoln")
    assert not is_office("Office of Personnel Management")


def test_a_professional_corporation_suffix_after_a_name() -> None:
    text = "Jo Ng, Marsh Pryor PC, Fairhaven, NJ"
    assert _SUFFIX_AFTER.match(text, text.index(" PC"))
    text = "Dunmore & Vail, P.C. (Al Fry, of counsel)"
    assert _SUFFIX_AFTER.match(text, text.index(", P.C."))
    assert not _SUFFIX_AFTER.match("Marsh Pryor PCs", len("Marsh Pryor"))


def test_a_case_name_cut_by_a_transcript_line_number_is_carried_back() -> None:
    text = (
        "1 BELLWEATHER LOGISTICS INC., Plaintiff, v. HARLAN PIKE, Defendant.\n"
        "7 THE CLERK: Calling Civil 21-1234, Bellweather\n"
        "8 Logistics versus Harlan Pike.\n"
    )
    start = text.index("Logistics versus")
    end = text.index(".\n", start)
    case = Candidate(start, end, text[start:end], "case", key=case_key(text[start:end]))
    start = text.index("Bellweather\n")
    piece = Candidate(start, start + len("Bellweather"), "Bellweather", "organization")
    kept = _rewrap(text, [case, piece])
    assert kept == [case]
    assert case.text == "Bellweather\n8 Logistics versus Harlan Pike"
    assert case.key == case_key("Bellweather Logistics v. Harlan Pike")


def test_a_name_wrapped_over_a_pleading_line_number_is_carried_back() -> None:
    text = "5 Acme Freight Lines is a carrier. Later, Acme\n6 Freight Lines moved to Ohio.\n"
    start = text.index("Freight Lines moved")
    cand = Candidate(start, start + len("Freight Lines"), "Freight Lines", "organization")
    _rewrap(text, [cand])
    assert cand.text == "Acme\n6 Freight Lines"


def test_nothing_is_carried_back_that_the_text_never_writes_whole() -> None:
    text = "Counsel for Plaintiff\nDana Roe appeared. Dana Roe spoke.\n"
    start = text.index("Dana Roe")
    cand = Candidate(start, start + len("Dana Roe"), "Dana Roe", "person")
    _rewrap(text, [cand])
    assert cand.text == "Dana Roe"


def test_a_body_with_and_without_us_is_one_entity() -> None:
    plain = Candidate(0, 16, "Copyright Office", "organization", key="name:copyright office")
    prefixed = Candidate(40, 61, "U.S. Copyright Office", "organization")
    prefixed.key = "name:u.s. copyright office"
    other = Candidate(80, 92, "U.S. Marshal", "organization", key="name:u.s. marshal")
    _national_prefix([plain, prefixed, other])
    assert prefixed.key == plain.key
    assert other.key == "name:u.s. marshal"


def test_a_name_started_inside_a_hyphened_word_is_none() -> None:
    assert _HYPHEN_BEFORE.search("the Show-")
    assert _HYPHEN_BEFORE.search("Leonardo Calderon-\n")
    assert not _HYPHEN_BEFORE.search("the court - ")


def test_a_company_named_by_its_first_words_is_that_company() -> None:
    from casebase.analysis.entities import _company_short_forms

    full = Candidate(0, 26, "Quillon Marketing, Inc.", "organization", key="name:quillon marketing")
    short = Candidate(60, 67, "Quillon", "organization", key="name:quillon")
    _company_short_forms([full, short])
    assert short.key == full.key
    bank = Candidate(0, 20, "Harrow Trust Bank", "organization", key="name:harrow trust bank")
    group = Candidate(30, 50, "Harrow Trust Group", "organization", key="name:harrow trust group")
    both = Candidate(60, 72, "Harrow Trust", "organization", key="name:harrow trust")
    _company_short_forms([bank, group, both])
    assert both.key == "name:harrow trust"  # two companies open so: left alone
    product = Candidate(80, 84, "Zeta", "product", key="name:zeta")
    _company_short_forms(
        [Candidate(0, 11, "Zeta Ledger", "organization", key="name:zeta ledger"), product]
    )
    assert product.key == "name:zeta"


def test_a_company_written_with_its_suffix_is_its_own() -> None:
    from casebase.analysis.entities import _company_short_forms

    child = Candidate(0, 20, "Dorn Apparel, Inc.", "organization", key="name:dorn apparel")
    parent = Candidate(30, 40, "Dorn, Inc.", "organization", key="name:dorn")
    _company_short_forms([child, parent])
    assert parent.key == "name:dorn"


def test_a_one_word_person_no_full_name_holds_may_be_a_company() -> None:
    from casebase.analysis.entities import _company_short_forms

    full = Candidate(0, 30, "Vault Specialty Insurance Company", "organization")
    full.key = "name:vault specialty insurance"
    short = Candidate(60, 65, "Vault", "person", key="name:vault")
    _company_short_forms([full, short])
    assert (short.key, short.kind) == (full.key, "organization")
    person = Candidate(80, 92, "Dana Vault", "person", key="name:dana vault")
    surname = Candidate(100, 105, "Vault", "person", key="name:vault")
    _company_short_forms([full, person, surname])
    assert surname.key == "name:vault"  # a person's surname stays the person's


def test_a_party_written_with_its_suffix_is_the_company_not_the_case() -> None:
    from casebase.analysis.entities import _short_forms

    text = "QUARRY WORKS INC., Plaintiff, v. ... Calling Quarry Works v. Lind."
    party = Candidate(0, 12, "QUARRY WORKS", "organization", key="name:quarry works")
    start = text.index("Quarry Works v.")
    case = Candidate(start, start + 20, "Quarry Works v. Lind", "case")
    case.key = case_key("Quarry Works v. Lind")
    _short_forms([party, case], text)
    assert party.key == "name:quarry works"
