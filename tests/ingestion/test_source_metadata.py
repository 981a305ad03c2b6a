"""What a source says about itself replaces only what nobody chose (``source_metadata``)."""

from __future__ import annotations

from casebase.knowledge.models import Document
from casebase.pipeline.source_metadata import apply_source_metadata, source_metadata
from casebase.text.extract import extract_text
from casebase.text.types import ExtractedText
from tests.data.pdfs import court_pdf, order_pdf


def _pdf_with_info(title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Chambers of Judge Example")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(20, 20, "The Court has read the papers and rules as follows today.")
    return bytes(pdf.output())


def test_pdf_document_information_gives_title_and_author() -> None:
    found = source_metadata(extract_text(_pdf_with_info("Order on the motion to dismiss")))
    assert (found.title, found.title_from) == ("Order on the motion to dismiss", "pdf")
    assert found.authors == ["Chambers of Judge Example"]


def test_a_word_processor_title_gives_way_to_the_first_page_heading() -> None:
    assert source_metadata(extract_text(_pdf_with_info("Microsoft Word - draft.docx"))).title == ""
    found = source_metadata(extract_text(order_pdf()))
    assert found.title == "ORDER GRANTING IN PART THE MOTION TO DISMISS"
    plain = court_pdf([["Some lines of argument without any heading at all here."]])
    assert source_metadata(extract_text(plain)).title == ""


def test_html_metadata() -> None:
    extracted = ExtractedText(
        text="Body.",
        media_type="text/html",
        metadata={
            "title": " Musk  testifies ",
            "sitename": "Example Courier",
            "author": "A. One; B. Two",
            "url": "https://example.org/a",
        },
    )
    found = source_metadata(extracted)
    assert (found.title, found.publisher) == ("Musk testifies", "Example Courier")
    assert found.authors == ["A. One", "B. Two"]
    assert found.canonical_url == "https://example.org/a"


def test_only_guessed_values_are_replaced() -> None:
    found = source_metadata(
        ExtractedText(text="x", media_type="text/html", metadata={"title": "Real", "sitename": "S"})
    )
    for title_source, expected in (
        ("url", "Real"),
        ("filename", "Real"),
        ("corpus", "Old"),
        ("user", "Old"),
    ):
        document = Document(title="Old", publisher="Kept")
        metadata = {"title_source": title_source}
        apply_source_metadata(document, found, metadata)
        assert document.title == expected, title_source
        assert document.publisher == "Kept"
    pdf_found = source_metadata(extract_text(order_pdf()))
    uploaded = Document(title="order.pdf")
    apply_source_metadata(uploaded, pdf_found, {"title_source": "filename"})
    assert uploaded.title == "order.pdf"  # an upload's file name stays unless the page is HTML
