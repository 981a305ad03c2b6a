"""Citations of whole court papers read page after page (docs/evaluation.md, "Round 11:
citation recall on whole papers"). Each passage is a short quote of a real public opinion, its
address in the test's docstring; the classes are structural (a running head between an "Id."
and its antecedent, a page pin after a quoted statute, the record an appellate court cites),
not the one paper's words."""

from __future__ import annotations

from casebase.analysis.citations import find_citations


def _found(text: str, furniture: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    return [(c.text, c.normalized) for c in find_citations(text, furniture or [])]


#: https://www.courtlistener.com/opinion/4887958/united-states-v-cooley/ (slip opinion text; the
#: head moved before the "Id." that follows it on the next page)
_COOLEY = (
    "non-Indians who are using such public rights-of-way.\u201d 919 F. 3d 1135, 1141 (2019).\n"
    "                  Cite as: 593 U. S. ____ (2021)              3\n"
    "\n"
    "                      Opinion of the Court\n"
    "\n"
    "the person has violated state or federal law. Id., at 1142.\n"
)


def test_an_id_opening_a_page_repeats_the_citation_before_the_running_head() -> None:
    """The slip opinion's running head "Cite as: 593 U. S. ____ (2021)" (page furniture, as
    the text stage finds it in a PDF) is no citation and not what "Id." repeats."""
    head = _COOLEY.index("                  Cite as")
    furniture = [(head, _COOLEY.index("\n", head))]
    assert _found(_COOLEY, furniture) == [
        ("919 F. 3d 1135, 1141", "919 F.3d 1135"),
        ("Id., at 1142", "919 F.3d 1135"),
    ]
    assert ("Id., at 1142", "593 U.S. ____") in _found(_COOLEY)  # one page: no running head


def test_an_id_after_a_running_head_repeated_on_every_page_of_a_text_without_pages() -> None:
    """United States v. May-Shaw, 955 F.3d 563 (6th Cir. 2020), the court's file 20a0109p.06,
    https://www.opn.ca6.uscourts.gov/opinions.pdf/20a0109p-06.pdf
    as plain text without its page breaks: the head "No. 18-1821 United States v. May-Shaw
    Page 7" recurs a page apart with its page number, so the text stage marks it as furniture
    (``find_furniture``, no page map) and its docket is no antecedent of the "Id. at 289–90"
    that opens page 7 (it is Houston, 813 F.3d 282). The pages' filler is made up."""
    from casebase.text.furniture import find_furniture

    heads = [
        f" No. 18-1821                       United States v. May-Shaw                  Page {n}\n"
        for n in (5, 6, 7)
    ]
    filler = "The officers watched the house from a pole camera for several weeks.\n" * 7
    text = (
        heads[0]
        + "\nAmendment; and (4) even if the dog sniff was unconstitutional.\n"
        + filler
        + heads[1]
        + "\nhome. 813 F.3d 282, 288 (6th Cir. 2016). We rejected the claim.\n"
        + filler
        + heads[2]
        + "\nId. at 289\u201390. That reasoning was applied in United States v. Powell.\n"
    )
    found = _found(text, find_furniture(text))
    assert ("Id.", "813 F.3d 282") in found
    assert [n for t, n in found if t.startswith("Id")] == ["813 F.3d 282"]
    assert not any(n.startswith("18-1821") for _, n in found)


def test_an_id_with_a_page_pin_passes_over_a_statute_quoted_since() -> None:
    """https://www.courtlistener.com/opinion/110127/michigan-v-defillippo/: "§ 1983" inside the
    quotation is no page-cited authority; "Id., at 557" is Pierson v. Ray, 386 U. S. 547."""
    text = (
        "In Pierson v. Ray, 386 U. S. 547 (1967), persons sought damages under 42 U. S. C. "
        "\u00a7 1983. 386 U. S., at 555. The Court held that \u201cthe defense of good faith and "
        "probable cause . . . is also available to them in the action under \u00a7 1983.\u201d "
        "Id., at 557."
    )
    assert ("Id., at 557", "386 U.S. 547") in _found(text)


def test_the_record_an_appellate_court_cites_and_not_a_reporters_app() -> None:
    """Oliver v. United States, 466 U.S. 170 (1984),
    https://supreme.justia.com/cases/federal/us/466/170/ ("App. to Pet. for Cert. in No. 82-15,
    pp. 23-24"); United States v. Hensley, 469 U.S. 221 (1985),
    https://supreme.justia.com/cases/federal/us/469/221/ ("App. 49"); and
    https://www.courtlistener.com/opinion/110127/michigan-v-defillippo/ ("80 Mich. App. 197", a
    reporter); the Supreme Court's other record forms as its opinions write
    them."""
    text = (
        "He had locked the gate at the entrance to the center of the farm. App. to Pet. for "
        "Cert. in No. 82-15, pp. 23-24. Further, the court noted that the field is secluded.\n"
        "the dispatcher advised him that she had \u201cCincinnati hunting for the warrant,\u201d "
        "App. 49, but that she had not yet confirmed it.\n"
        "the evidence and quash the information. 80 Mich. App. 197, 262 N. W. 2d 921 (1977).\n"
        "See Brief for United States 20; Reply Brief 5; Tr. of Oral Arg. 12-13."
    )
    found = _found(text)
    assert ("App. to Pet. for Cert. in No. 82-15, pp. 23-24", "App. to Pet. for Cert. in No. "
            "82-15, pp. 23-24") in found  # fmt: skip
    assert ("80 Mich. App. 197", "80 Mich. App. 197") in found
    assert ("Brief for United States 20", "Brief for United States 20") in found
    assert ("Reply Brief 5", "Reply Brief 5") in found
    assert ("Tr. of Oral Arg. 12-13", "Tr. of Oral Arg. 12-13") in found
    assert [t for t, _ in found if t.startswith("App")] == [
        "App. to Pet. for Cert. in No. 82-15, pp. 23-24",
        "App. 49",
    ]


def test_a_circuits_operating_procedure_normalized_as_its_rules_are() -> None:
    """United States v. May-Shaw (6th Cir. 2020, file 20a0109p.06): "Sixth Circuit I.O.P."
    is "6th Cir. I.O.P.", as "Fifth Circuit Rule 47.5" is "5th Cir. R. 47.5"."""
    text = "RECOMMENDED FOR PUBLICATION\nPursuant to Sixth Circuit I.O.P. 32.1(b)\n"
    assert _found(text) == [("Sixth Circuit I.O.P. 32.1(b)", "6th Cir. I.O.P. 32.1(b)")]


def test_a_bare_rules_list_goes_on_in_its_set() -> None:
    """A civil case's "Rule 23(b)(2) and 23(c)(4)" and "Rules 12(b)(1) and 12(b)(6)": the list
    continues in the set of the rule it starts with, as after "Fed. R. Civ. P." (the complaint
    in Williams v. Wells Fargo, N.D. Cal., a development text), its sentence after a civil
    docket line added for the test (a bare rule needs the case's kind):
    https://github.com/decisionandlaw-sys/derechoartificialnew/blob/6ffad476784eba7c8bd660ff9c9609898c24a29e/public/fuentes/gov.uscourts.cand.391955.1.0.pdf
    """
    text = (
        "Case No. 3:22-cv-00001\n"
        "Plaintiff seeks certification of a liability and injunctive and declaratory relief class "
        "under Rule 23(b)(2) and 23(c)(4), and/or certification of a broader class under Rule "
        "23(b)(3). Defendants moved under Rules 12(b)(1) and 12(b)(6) and 30 days later."
    )
    assert _found(text)[1:] == [
        ("Rule 23(b)(2)", "Fed. R. Civ. P. 23(b)(2)"),
        ("23(c)(4)", "Fed. R. Civ. P. 23(c)(4)"),
        ("Rule 23(b)(3)", "Fed. R. Civ. P. 23(b)(3)"),
        ("Rules 12(b)(1)", "Fed. R. Civ. P. 12(b)(1)"),
        ("12(b)(6)", "Fed. R. Civ. P. 12(b)(6)"),
    ]


def test_non_breaking_hyphens_inside_numbers() -> None:
    """A word processor's non-breaking hyphen (U+2011) inside numbers, as the motion to stay in
    Zepeda Rivas v. Jennings (9th Cir. 2020, a development text) writes "Rules 34\u20111 to
    34\u20113" (no "Rule 34" there); the docket numbers are made up in the same shape. Read as
    "-", given back as written.
    https://github.com/freelawproject/doctor/blob/0106ff606b5b09610e76c363b7fe22c2304a0627/doctor/test_assets/recap_documents/ca9_19.pdf
    """
    text = (
        "Case No. 3:20\u2011cv\u201100001\u2011VC. See Circuit Advisory Committee Note to Rules "
        "34\u20111 to 34\u20113. Appeal No. 20\u201116276."
    )
    assert _found(text) == [
        ("3:20\u2011cv\u201100001\u2011VC", "20-cv-00001"),
        ("20\u201116276", "20-16276"),
    ]


def test_ibid_before_a_comma() -> None:
    """Texas v. Brown, 460 U.S. 730 (1983), https://supreme.justia.com/cases/federal/us/460/730/:
    "Ibid., quoting G. M.
    Leasing Corp." repeats Payton v. New York (eyecite reads "Id.," but not "Ibid.,")."""
    text = (
        "We recognized in Payton v. New, York, 445 U. S. 573, 587 (1980), the well-settled "
        "rule. "
        "A different situation is presented, however, when the property in open view is "
        "\u201c\u2018situated on private premises.\u2019\u201d Ibid., quoting G. M. Leasing "
        "Corp. v. United States, 429 U. S. 338, 354 (1977)."
    )
    assert _found(text) == [
        ("445 U. S. 573, 587", "445 U.S. 573"),
        ("Ibid.", "445 U.S. 573"),
        ("429 U. S. 338, 354", "429 U.S. 338"),
    ]


def test_an_id_after_an_ecf_header_is_not_the_cases_own_docket() -> None:
    """A district court paper's PDF text, page after page: the ECF header the gold guidelines
    quote ("Case 4:19-cv-07123-PJH Document 144 Filed 09/11/20 Page 1 of 21") is furniture
    (``find_furniture``); the "Id." opening page 2 repeats the case cited on page 1, not the
    header's docket (before: "19-cv-07123"). The sentences are made up; the header's shape is
    the court's."""
    from casebase.text.furniture import find_furniture

    text = (
        "Case 4:19-cv-07123-PJH Document 144 Filed 09/11/20 Page 1 of 21\n"
        "Personal jurisdiction is proper. See Smith v. Jones, 500 U.S. 1, 5 (1990).\n\f"
        "Case 4:19-cv-07123-PJH Document 144 Filed 09/11/20 Page 2 of 21\n"
        "Id. at 7. The motion is denied.\n"
    )
    assert _found(text, find_furniture(text)) == [
        ("500 U.S. 1, 5", "500 U.S. 1"),
        ("Id. at 7", "500 U.S. 1"),
    ]
