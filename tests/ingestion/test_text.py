"""Text extraction: plain text encodings, hostile HTML, the real court PDFs, bad PDFs, JSON."""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Callable

import pytest
from pypdf import PdfWriter

from casebase.text.court import clean_page, parse_header
from casebase.text.errors import ExtractionError
from casebase.text.extract import extract_text
from casebase.text.json_import import parse_json_import
from tests.data.pdfs import order_pdf

ReadPdf = Callable[[str], bytes]


# --- plain text -------------------------------------------------------------------------------


def test_utf8_with_bom_and_crlf() -> None:
    result = extract_text("\ufeffMusk said “yes”.\r\nNext line.".encode(), "a.txt")
    assert result.text == "Musk said “yes”.\nNext line."
    assert result.media_type == "text/plain"
    assert result.page_offsets == []


def test_utf16_with_bom() -> None:
    assert extract_text("Grok and xAI".encode("utf-16"), "a.txt").text == "Grok and xAI"


def test_clean_cp1252_falls_back() -> None:
    data = "The court’s order — café".encode("cp1252")
    assert extract_text(data, "w.txt").text == "The court’s order — café"


def test_undecodable_bytes_give_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="neither UTF-8 nor Windows-1252"):
        extract_text(b"Some text \x81\x8d\x8f\x90 more", "bad.txt")


def test_control_characters_are_not_text() -> None:
    with pytest.raises(ExtractionError, match="does not look like text"):
        extract_text(b"abc" + bytes(range(1, 9)) * 50, "ctl.txt")


def test_empty_input_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_text(b"  \n", "e.txt")


# --- HTML -------------------------------------------------------------------------------------

HOSTILE = b"""<!DOCTYPE html><html><head>
<title>Musk testifies about distillation</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2026-05-01T10:00:00Z">
<script>document.write('<p>INJECTED SCRIPT TEXT</p>'); fetch('http://evil')</script>
<style>body { content: "STYLE TEXT" }</style>
</head><body>
<nav><a href="/">Home</a></nav>
<iframe src="http://evil.example/"><p>IFRAME FALLBACK TEXT</p></iframe>
<article>
<h1>Musk testifies about distillation</h1>
<p>Elon Musk testified on Thursday that xAI had partly used OpenAI's models to train Grok.</p>
<p onclick="alert(1)">The testimony came in federal court in Oakland, California, where the
trial over OpenAI's conversion to a for-profit company continued.</p>
<img src=x onerror="alert('IMG')">
<form action="/login"><input name="password" value="FORM VALUE"></form>
<noscript>NOSCRIPT TEXT</noscript>
</article></body></html>"""


def test_html_main_text_and_metadata() -> None:
    result = extract_text(HOSTILE, "page.txt")
    assert result.media_type == "text/html"
    assert "Elon Musk testified on Thursday" in result.text
    assert "trial over OpenAI" in result.text
    assert result.metadata["title"] == "Musk testifies about distillation"
    assert result.metadata["author"] == "Jane Reporter"
    assert result.metadata["date"] == "2026-05-01"


def test_html_never_keeps_active_content() -> None:
    text = extract_text(HOSTILE, "page.html").text
    for leaked in ("INJECTED", "evil", "STYLE TEXT", "IFRAME FALLBACK", "alert", "FORM VALUE"):
        assert leaked not in text
    assert "<" not in text


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="no readable text"):
        extract_text(b"<html><body><script>var a = 1;</script></body></html>", "x.html")


def test_html_date_is_not_invented() -> None:
    page = b"<html><head><title>T</title></head><body><article><p>" + b"Words here. " * 30
    result = extract_text(page + b"</p></article></body></html>", "x.html")
    assert "date" not in result.metadata


# --- real court PDFs --------------------------------------------------------------------------


def test_second_circuit_order(court_pdf: ReadPdf) -> None:
    result = extract_text(court_pdf("acms_test.pdf"), "acms_test.pdf")
    assert result.media_type == "application/pdf"
    assert len(result.page_offsets) == 2
    assert result.page_offsets[0] == 0
    second = result.text[result.page_offsets[1] :]
    assert second.startswith("In each of the above-captioned appeals")
    assert "Docket No. 25-1686" in result.text[: result.page_offsets[1]]
    assert result.needs_ocr == []
    assert result.metadata["page_count"] == 2


def test_eighth_circuit_ecf_header_is_read_and_stripped(court_pdf: ReadPdf) -> None:
    name = "gov.uscourts.ca8.17-2543.00803263743.0.pdf"
    result = extract_text(court_pdf(name), name)
    assert "Appellate Case:" not in result.text
    assert "Entry ID" not in result.text
    assert result.metadata["ecf"] == {
        "docket_number": "17-2543",
        "filed": "2017-07-26",
        "entry_id": "4561396",
        "page_count": 3,
    }
    assert "Mary Beavers designates the following issue on appeal" in result.text
    assert len(result.page_offsets) == 3
    assert result.needs_ocr == [3]  # the last page holds nothing but the header


def test_tax_opinion_page_map(court_pdf: ReadPdf) -> None:
    result = extract_text(court_pdf("opinion_tax.pdf"), "opinion_tax.pdf")
    assert len(result.page_offsets) == 32
    assert result.page_offsets == sorted(result.page_offsets)
    assert result.text.startswith("T.C. Memo. 2020-26")
    page_two = result.text[result.page_offsets[1] : result.page_offsets[2]]
    assert page_two.startswith("- 2 -")
    assert result.needs_ocr == []


def test_header_only_page_needs_ocr(court_pdf: ReadPdf) -> None:
    result = extract_text(court_pdf("ocr_pdf_test.pdf"), "ocr_pdf_test.pdf")
    assert result.needs_ocr == [1]
    assert result.text.strip() == ""
    assert result.metadata["ecf"]["docket_number"] == "21-1298"
    assert result.metadata["ecf"]["document_number"] == "42"
    assert result.metadata["ecf"]["filed"] == "2022-08-31"


def test_scanned_page_needs_ocr(court_pdf: ReadPdf) -> None:
    result = extract_text(court_pdf("opinion_pdf_image_based.pdf"), "scan.pdf")
    assert result.needs_ocr == [1]
    assert result.text == ""


# --- bad PDFs ---------------------------------------------------------------------------------


def test_truncated_pdf_is_an_error() -> None:
    data = order_pdf(12)
    with pytest.raises(ExtractionError, match="corrupt or truncated"):
        extract_text(data[: len(data) // 2], "half.pdf")


def test_garbage_pdf_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="corrupt"):
        extract_text(b"%PDF-1.4\nthis is not a pdf at all\n%%EOF", "bad.pdf")


def _pdf(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_is_an_error() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(order_pdf()))
    writer.encrypt(user_password="secret", owner_password="owner")
    with pytest.raises(ExtractionError, match="encrypted"):
        extract_text(_pdf(writer), "locked.pdf")


def test_page_cap(settings: object) -> None:
    settings.CASEBASE_MAX_PDF_PAGES = 10  # type: ignore[attr-defined]
    with pytest.raises(ExtractionError, match="12 pages; the limit is 10"):
        extract_text(order_pdf(12), "long.pdf")


def test_decompression_bomb_is_an_error() -> None:
    """A content stream that inflates to far more than any real page is refused."""
    payload = zlib.compress(b"BT /F1 12 Tf (A) Tj ET\n" * 12_000_000, 9)  # ~280 MB inflated
    stream = (
        f"<< /Length {len(payload)} /Filter /FlateDecode >>\nstream\n".encode()
        + payload
        + b"\nendstream"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
        b"/BaseFont /Helvetica >> >> >> >>",
        stream,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF".encode()
    with pytest.raises(ExtractionError):
        extract_text(bytes(out), "bomb.pdf")


# --- court-paper cleanup ----------------------------------------------------------------------


def test_district_ecf_header() -> None:
    header = parse_header("Case 4:24-cv-04722-YGR Document 32 Filed 11/14/24 Page 3 of 107")
    assert header == {
        "docket_number": "4:24-cv-04722-YGR",
        "document_number": "32",
        "filed": "2024-11-14",
        "page": 3,
        "page_count": 107,
    }


def test_appellate_ecf_header() -> None:
    header = parse_header("Case: 21-1298 Document: 42 Page: 1 Date Filed: 08/31/2022")
    assert header is not None
    assert header["docket_number"] == "21-1298"
    assert header["filed"] == "2022-08-31"


def test_sentences_are_not_headers() -> None:
    assert parse_header("The case was filed on 11/14/24 and the document is 32 pages.") is None


def test_pleading_line_numbers_are_stripped() -> None:
    body = [f"{n} Line {n} of the complaint text" for n in range(1, 29)]
    page = "Case 4:24-cv-04722-YGR Document 32 Filed 11/14/24 Page 3 of 107\n" + "\n".join(body)
    cleaned, header = clean_page(page)
    assert header is not None and header["page"] == 3
    assert cleaned.splitlines()[0] == "Line 1 of the complaint text"
    assert cleaned.splitlines()[-1] == "Line 28 of the complaint text"
    assert "Case 4:24" not in cleaned


def test_margin_numbers_alone_on_lines_are_stripped() -> None:
    page = "\n".join(str(n) for n in range(1, 29)) + "\nCOMPLAINT FOR DAMAGES\n2 claims remain."
    cleaned, _ = clean_page(page)
    assert cleaned == "COMPLAINT FOR DAMAGES\n2 claims remain."


def test_a_few_numbered_lines_are_kept() -> None:
    page = "1. Whether the court erred.\n2. Whether the motion was timely."
    assert clean_page(page)[0] == page


# --- JSON import ------------------------------------------------------------------------------


def test_json_import_one_object() -> None:
    data = json.dumps(
        {"title": "T", "text": "Musk said no.", "published": "2026-05", "authors": ["A B"]}
    ).encode()
    result = extract_text(data, "one.json")
    assert result.text == "Musk said no."
    assert result.metadata["import"]["published"] == "2026-05"


def test_json_import_list_and_wrapper() -> None:
    items = [{"text": "one"}, {"text": "two", "kind": "news_article", "docket_entry": 3}]
    assert [i.text for i in parse_json_import(json.dumps(items).encode())] == ["one", "two"]
    wrapped = parse_json_import(json.dumps({"documents": items}).encode())
    assert wrapped[1].meta["docket_entry"] == 3


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "empty"),
        ([{"title": "no text"}], "needs a non-empty"),
        ([{"text": "x", "colour": "red"}], "unknown fields: colour"),
        ([{"text": "x", "authors": "A B"}], "list of names"),
        ([{"text": "x", "docket_entry": "3"}], "must be a number"),
        (["just a string"], "not an object"),
    ],
)
def test_json_import_errors(payload: object, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        parse_json_import(json.dumps(payload).encode())
