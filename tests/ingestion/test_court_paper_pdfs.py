"""PDF extraction on court paper built in the test (tests/data/pdfs.py): ECF running headers,
pleading line numbers, hyphenated line ends, the page map and pages without a text layer.
These run from a plain clone; the same checks on real court PDFs are in test_text.py."""

from __future__ import annotations

from casebase.text.extract import extract_text
from tests.data.pdfs import (
    APPELLATE_HEADER,
    ORDER_LINES,
    court_pdf,
    order_pdf,
)


def test_district_order_on_pleading_paper() -> None:
    result = extract_text(order_pdf(3), "order.pdf")
    assert result.media_type == "application/pdf"
    assert result.metadata["page_count"] == 3
    assert result.metadata["ecf"] == {
        "docket_number": "4:24-cv-04722-YGR",
        "document_number": "32",
        "filed": "2024-11-14",
        "page_count": 3,
    }
    assert "Document 32" not in result.text  # the running header is read, then removed
    pages = [
        result.text[start:end]
        for start, end in zip(result.page_offsets, [*result.page_offsets[1:], None], strict=True)
    ]
    for number, page in enumerate(pages, start=1):
        lines = page.strip("\n").splitlines()
        # No margin number is left, alone or before a line of text.
        assert lines == [ORDER_LINES[0], f"Page {number} of the order.", *ORDER_LINES[1:]]
    assert result.needs_ocr == []


def test_hyphenated_line_ends_stay_where_they_were_printed() -> None:
    text = extract_text(order_pdf(1), "order.pdf").text
    assert "trained its model on the out-\nputs of her company's model" in text


def test_scanned_page_in_an_appellate_filing_needs_ocr() -> None:
    data = court_pdf(
        [ORDER_LINES, ORDER_LINES, ORDER_LINES[:3]], header=APPELLATE_HEADER, scanned={2}
    )
    result = extract_text(data, "filing.pdf")
    assert result.needs_ocr == [2]
    assert len(result.page_offsets) == 3
    assert result.text[result.page_offsets[1] : result.page_offsets[2]].strip() == ""
    assert result.text[result.page_offsets[2] :].startswith(ORDER_LINES[0])
    assert result.metadata["ecf"] == {
        "docket_number": "21-1298",
        "document_number": "42",
        "filed": "2022-08-31",
        "page_count": 3,
    }


def test_page_with_only_the_header_needs_ocr() -> None:
    result = extract_text(court_pdf([[]], header=APPELLATE_HEADER), "header-only.pdf")
    assert result.needs_ocr == [1]
    assert result.text == ""
    assert result.metadata["ecf"]["docket_number"] == "21-1298"


def test_picture_without_text_layer_needs_ocr() -> None:
    result = extract_text(court_pdf([ORDER_LINES], scanned={1}), "scan.pdf")
    assert result.needs_ocr == [1]
    assert result.text == ""
    assert "ecf" not in result.metadata
