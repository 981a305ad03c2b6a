"""Page furniture found from the document's structure (casebase.text.furniture): running heads
and footers repeated across pages, page numbers, ECF stamps, addresses and signature blocks.
The text keeps them (the reader shows them); ``ExtractedText.furniture`` marks them."""

from __future__ import annotations

from casebase.text.extract import extract_text
from casebase.text.furniture import find_furniture
from casebase.text.types import ExtractedText
from tests.data import pdfs

from .test_text import ReadPdf

RUNNING_HEAD = "Cite as: 590 U. S. ____ (2020)"
SIGNATURE = (
    "Respectfully submitted,",
    "/s/ Alice Example",
    "ALICE EXAMPLE",
    "EXAMPLE LAW LLP",
    "1301 K Street NW, Floor 5",
    "Washington, DC 20005",
    "(202) 555-0100",
    "alice@example.com",
)


def _marked(result: ExtractedText) -> list[str]:
    return [result.text[start:end] for start, end in result.furniture]


def _is_furniture(result: ExtractedText, needle: str) -> bool:
    start = result.text.index(needle)
    return any(s <= start and start + len(needle) <= e for s, e in result.furniture)


def _touches_furniture(result: ExtractedText, needle: str) -> bool:
    start = result.text.index(needle)
    return any(s < start + len(needle) and start < e for s, e in result.furniture)


def _four_page_opinion() -> ExtractedText:
    body = pdfs.ORDER_LINES[1:]
    pages = [
        [RUNNING_HEAD, "Opinion of the Court", body[n - 1], body[n % 4], f"Page {n} of 4"]
        for n in range(1, 5)
    ]
    pages[-1] = [*pages[-1][:-1], *SIGNATURE, "Page 4 of 4"]
    return extract_text(pdfs.court_pdf(pages), "opinion.pdf")


def test_running_heads_and_page_numbers_are_furniture_and_stay_in_the_text() -> None:
    result = _four_page_opinion()
    marked = _marked(result)
    assert marked.count(RUNNING_HEAD) == 4
    assert marked.count("Opinion of the Court") == 4
    assert [f"Page {n} of 4" for n in range(1, 5)] == [m for m in marked if m.startswith("Page")]
    assert result.text.count(RUNNING_HEAD) == 4  # the reader still shows them
    for line in pdfs.ORDER_LINES[1:]:  # each on two pages: not a running head
        assert not _touches_furniture(result, line)


def test_signature_block_and_address_are_furniture() -> None:
    result = _four_page_opinion()
    for line in SIGNATURE:
        assert _is_furniture(result, line), line


def test_address_block_of_a_letter_leaves_the_addressee() -> None:
    # https://storage.courtlistener.com/recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.180.0_2.pdf
    text = (
        "June 20, 2025\n"
        "The Honorable Yvonne Gonzalez Rogers\n"
        "District Judge of the Northern District of California\n"
        "Oakland Courthouse, Courtroom 1 – 4th Floor\n"
        "1301 Clay Street, Oakland, CA 94612\n"
    )
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert marked == [
        "Oakland Courthouse, Courtroom 1 – 4th Floor",
        "1301 Clay Street, Oakland, CA 94612",
    ]


def test_a_telephone_number_in_a_sentence_is_not_an_address() -> None:
    text = "If you have questions, you must call 615-532-9552 or toll-free at 866-943-0025 to\n"
    assert find_furniture(text) == []


def test_ecf_stamp_the_header_parser_does_not_know_is_furniture() -> None:
    text = (
        "Case: 20-1507     Document: 00117684624     Page: 1      Date Filed: 12/22/2020"
        "      Entry ID: 6390389\nSELYA, Circuit Judge.  This interlocutory appeal arises\n"
    )
    assert [text[s:e] for s, e in find_furniture(text)] == [text.splitlines()[0]]


def test_ecf_stamp_inside_a_paragraph_line_is_left_alone() -> None:
    # A web copy that flattens a paragraph to one line: the stamp cannot be cut out of it.
    text = (
        "Mata v. Avianca, Inc. Doc. 54 Case 1:22-cv-01461-PKC Document 54 Filed 06/22/23 "
        "Page 1 of 43 UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF NEW YORK ROBERTO "
        "MATA, Plaintiff, 22-cv-1461 (PKC) -against- AVIANCA, INC., Defendant.\n"
    )
    assert find_furniture(text) == []


def test_plain_text_cut_into_pages_at_ecf_stamps() -> None:
    pages = [
        f"Case 4:24-cv-04722-YGR Document 180 Filed 06/20/25 Page {n} of 3\n"
        f"The OpenAI Defendants ask for relief number {n}.\n"
        "PLAINTIFFS' MEMORANDUM ISO MOTION FOR PRELIMINARY APPROVAL\n"
        for n in range(1, 4)
    ]
    text = "".join(pages)
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert marked.count("PLAINTIFFS' MEMORANDUM ISO MOTION FOR PRELIMINARY APPROVAL") == 3
    assert not any("relief" in m for m in marked)


def test_a_pleadings_attorney_block_above_its_caption_is_furniture() -> None:
    # Williams v. Wells Fargo, N.D. Cal. 3:22-cv-00990, Complaint (pleading line numbers kept):
    # names with "pro hac vice" or a bar number, the firm, a ZIP after a state written out,
    # "Attorneys for" and the party it names, down to the court's name; the caption stays.
    text = (
        "1 LINDA D. FRIEDMAN (pro hac vice to be requested)\n"
        "DANIEL LEWIN (pro hac vice to be requested)\n"
        "STOWELL & FRIEDMAN LTD.\n"
        "3\n"
        "303 W. Madison St., Suite 2600\n"
        "4 Chicago, Illinois 60606\n"
        "Sam Sani (SBN 273993)\n"
        "Attorneys for Plaintiff\n"
        "11\n"
        "CHRISTOPHER WILLIAMS\n"
        "12\n"
        "IN THE UNITED STATES DISTRICT COURT\n"
        "13 FOR THE NORTHERN DISTRICT OF CALIFORNIA\n"
        "CHRISTOPHER WILLIAMS, individually and on CASE NO:\n"
        "17 Plaintiff,\n"
    )
    marked = " ".join(text[s:e] for s, e in find_furniture(text))
    for line in text.splitlines()[:11]:
        assert line in marked, line
    assert "COURT" not in marked and "individually" not in marked


def test_an_attorneys_name_above_their_e_mail_is_furniture() -> None:
    # Zepeda Rivas v. Jennings, 9th Cir. No. 20-16276, DktEntry 19, cover page (two columns).
    text = (
        "ANSWERING BRIEF\n"
        "BREE BERNWANGER* MARTIN S. SCHENKER\n"
        "bbernwanger@lccrsf.org mschenker@cooley.com\n"
        "Appellees respectfully request that the Court stay further briefing and the\n"
    )
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert marked == text.splitlines()[1:3]


def test_only_the_address_column_of_a_transcripts_appearances_is_furniture() -> None:
    # Musk v. Altman, N.D. Cal. 4:24-cv-04722-YGR, hearing of February 4, 2025, appearances:
    # the parties' names in the left column are text.
    text = (
        " For Defendants                Morrison & Foerster\n"
        " Altman, Brockman,             425 Market Street\n"
        " OpenAI and Aestas:            San Francisco, California 94105-2482\n"
    )
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert marked == ["425 Market Street", "San Francisco, California 94105-2482"]


# --- real court PDFs --------------------------------------------------------------------------


def test_eighth_circuit_signature_block_and_address(court_pdf: ReadPdf) -> None:
    name = "gov.uscourts.ca8.17-2543.00803263743.0.pdf"
    result = extract_text(court_pdf(name), name)
    for line in ("/s/ Corey D. McGaha", "CROWDER MCGAHA, LLP", "Little Rock, AR 72223"):
        assert _is_furniture(result, line), line
    assert _is_furniture(result, "cmcgaha@crowdermcgaha.com")
    assert not _touches_furniture(result, "Mary Beavers designates the following issue")
    assert not _touches_furniture(result, "15 U.S.C. § 1692k(d)")  # a footnote, not signature


def test_tax_opinion_page_numbers(court_pdf: ReadPdf) -> None:
    result = extract_text(court_pdf("opinion_tax.pdf"), "opinion_tax.pdf")
    for page in range(2, 33):
        assert _is_furniture(result, f"\n- {page} -\n".strip()), page
    assert not _touches_furniture(result, "[*2] M LLC; and for 2010 and 2011")
    assert not _touches_furniture(result, "T.C. Memo. 2020-26")  # on page 1 only: a caption


#: https://www.courtlistener.com/opinion/10293607/state-of-arizona-v-ian-mitcham/ (State v.
#: Mitcham, Ariz. 2024, CourtListener's plain text: no form feeds, the page number, the running
#: title and "Opinion of the Court" between the pages). The heads and the numbers are the
#: court's; the filler sentences between them are made up (a page is longer than a quote).
_MITCHAM_FILLER = "The police kept the second vial of blood in the evidence room for years.\n" * 8


def _mitcham(pages: range) -> str:
    return "¶1 After police arrested Ian Mitcham for driving under the\n" + "".join(
        f"{_MITCHAM_FILLER}\n{' ' * 37}{n}\n{' ' * 29}STATE V. MITCHAM\n"
        f"{' ' * 28}Opinion of the Court\n\n"
        for n in pages
    )


def test_running_heads_of_a_plain_text_without_page_breaks_are_furniture() -> None:
    """No page map, no form feed, no ECF stamp: the lines recurring a page apart with only
    their number changed are the page furniture, found from their repetition alone."""
    text = _mitcham(range(2, 6))
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert marked.count("STATE V. MITCHAM") == 4
    assert marked.count("Opinion of the Court") == 4
    assert [m for m in marked if m.isdigit()] == ["2", "3", "4", "5"]
    assert not any("police" in m for m in marked)


def test_a_head_printed_twice_is_not_a_running_head() -> None:
    """Two pages are not enough to tell a running head from a heading the text repeats."""
    text = _mitcham(range(2, 4))
    assert [text[s:e] for s, e in find_furniture(text)] == []


def test_a_circuit_stamp_no_parser_knows_cuts_a_pasted_text_into_pages() -> None:
    """The Ninth Circuit's stamp of Zepeda Rivas v. Jennings (appellees' motion, RECAP copy
    https://github.com/freelawproject/doctor/blob/0106ff606b5b09610e76c363b7fe22c2304a0627/doctor/test_assets/recap_documents/ca9_19.pdf)
    recurs with its page number: it is furniture, and the bare page numbers at the edge of
    the pages it cuts are too. Sentences made up."""
    body = "The district court ordered the release of detainees from the facility.\n" * 7
    text = "".join(
        f"Case: 20-16276, 08/05/2020, ID: 11778722, DktEntry: 19, Page {n} of 15\n\n{body}\n{n}\n\n"
        for n in range(1, 5)
    )
    marked = [text[s:e] for s, e in find_furniture(text)]
    assert sum(m.startswith("Case: 20-16276") for m in marked) == 4
    assert [m for m in marked if m.isdigit()] == ["1", "2", "3", "4"]


def test_speech_numbered_paragraphs_and_lower_case_lines_that_recur_are_text() -> None:
    """What recurs a page apart but is text: a transcript's "THE COURT: Okay." (speech ends
    as a sentence), a complaint's numbered paragraph ("12. Plaintiff realleges ..."), a line
    that goes on a sentence (lower case first), a repeated quote."""
    body = "Counsel described the schedule for the remaining depositions in detail.\n" * 7
    recurring = (
        "THE COURT: Okay.",
        "{n}. Plaintiff realleges and incorporates the paragraphs above",
        "indicated to me that his clients believe",
        "\u201cthe privacy of the third party outweighs the public interest\u201d",
    )
    text = "".join(
        "".join(f"{line.format(n=n)}\n{body}" for line in recurring) for n in range(1, 6)
    )
    assert [text[s:e] for s, e in find_furniture(text)] == []
