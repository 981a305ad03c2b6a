"""OCR of scanned PDF pages: Tesseract page by page on the "ocr" queue, the page map and the
per-page confidence kept, the reader saying which text OCR read; without Tesseract the document
ends needs_ocr saying what to install."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from casebase.knowledge.models import Document, DocumentStatus, Mention
from casebase.pipeline import ocr, tasks
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes
from casebase.text.ocr import page_from_tesseract
from tests.data.pdfs import DISTRICT_HEADER, ORDER_LINES, court_pdf

ReadPdf = Callable[[str], bytes]

SECOND_PAGE = (
    "Elon Musk and OpenAI filed a joint statement about the schedule.",
    "The hearing on the motion is set for a later date by the Court.",
)


@pytest.fixture
def ocr_on(settings: Any) -> None:
    settings.CASEBASE_OCR = True
    settings.CASEBASE_TESSERACT_CMD = "tesseract"


def scanned_filing() -> bytes:
    """Two pages with the ECF header: page 1 typed, page 2 a picture of typed lines."""
    return court_pdf(
        [ORDER_LINES, SECOND_PAGE], header=DISTRICT_HEADER, scanned={2}, readable_scans=True
    )


def test_tesseract_words_become_lines_and_paragraphs_with_a_mean_confidence() -> None:
    found: dict[str, list[Any]] = {
        "text": ["", "Order", "granted.", "Second", "line", "", "Next"],
        "conf": [-1, 90, 80, 70, 60, -1, 50],
        "block_num": [1, 1, 1, 1, 1, 2, 2],
        "par_num": [1, 1, 1, 1, 1, 1, 1],
        "line_num": [0, 1, 1, 2, 2, 0, 1],
    }
    page = page_from_tesseract(4, found)
    assert page.text == "Order granted.\nSecond line\n\nNext"
    assert page.confidence == 70.0 and page.words == 5 and page.page == 4
    assert page_from_tesseract(1, {"text": [""], "conf": [-1]}).confidence is None


@pytest.mark.ocr
def test_scanned_page_is_read_by_ocr_and_analysed(
    run_tasks_inline: list[int], ocr_on: None, client: Client
) -> None:
    document = ingest_bytes(
        scanned_filing(), "order.pdf", SubmissionMeta(kind="order", reviewed=True)
    ).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    # processing, then OCR on its own task, then processing again
    assert run_tasks_inline == [document.pk] * 3
    assert len(document.page_offsets) == 2
    page_two = document.text[document.page_offsets[1] :]
    assert "joint statement about the schedule" in page_two
    assert "Case 4:24-cv-04722" not in page_two  # the ECF header, read and stripped
    assert document.text.startswith("ORDER GRANTING IN PART")  # page 1 from its text layer
    assert document.metadata["needs_ocr"] == []
    (read,) = document.metadata["extracted"]["ocr"]
    assert read["page"] == 2 and read["confidence"] > 60
    assert document.metadata["ocr_engine"].startswith("tesseract ")
    assert "ocr_pending" not in document.metadata
    # analysed: the OCR page's names are found at offsets inside page 2
    musk = Mention.objects.filter(document=document, text="Elon Musk").first()
    assert musk is not None and musk.start >= document.page_offsets[1]

    html = client.get(document.get_absolute_url()).content.decode()
    assert "read by OCR (Tesseract)" in html
    assert f"Page 2 · OCR, confidence {read['confidence']:.0f}%" in html
    assert 'class="page-break page-ocr" id="page-2"' in html
    assert 'class="page-break" id="page-1"' in html


@pytest.mark.ocr
def test_ocr_goes_on_from_the_pages_already_read(ocr_on: None, db: Any) -> None:
    """A task re-delivered after a worker died reads only the pages not read yet."""
    pdf = court_pdf([ORDER_LINES, SECOND_PAGE], scanned={1, 2}, readable_scans=True)
    document = ingest_bytes(pdf, "scan.pdf", SubmissionMeta(kind="order")).document
    kept = {"page": 1, "text": "Page one, read before the worker died.", "confidence": 88.0}
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.QUEUED,
        metadata={"ocr_pending": [1, 2], "ocr_pages": [{**kept, "words": 7}]},
    )
    assert ocr.read_scanned_pages(document.pk) == DocumentStatus.QUEUED
    document.refresh_from_db()
    pages = {page["page"]: page for page in document.metadata["ocr_pages"]}
    assert pages[1]["text"] == kept["text"]
    assert "joint statement" in pages[2]["text"] and pages[2]["confidence"] > 60
    assert document.status == DocumentStatus.QUEUED and document.attempts == 0
    # nothing pending any more for a second delivery
    assert ocr.read_scanned_pages(document.pk) == "skipped"


def test_without_tesseract_a_scan_needs_ocr_and_says_what_to_install(
    run_tasks_inline: list[int], settings: Any
) -> None:
    settings.CASEBASE_OCR = True
    settings.CASEBASE_TESSERACT_CMD = "/nonexistent/bin/tesseract"
    pdf = court_pdf([ORDER_LINES], scanned={1}, readable_scans=True)
    document = ingest_bytes(pdf, "scan.pdf", SubmissionMeta(kind="order")).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.NEEDS_OCR
    assert "needs OCR" in document.error
    assert "apt-get install tesseract-ocr" in document.error
    assert document.original.read() == pdf
    assert run_tasks_inline == [document.pk]  # no OCR task was sent


def test_an_ocr_task_for_a_vanished_tesseract_leaves_the_document_needs_ocr(
    settings: Any, db: Any
) -> None:
    settings.CASEBASE_OCR = True
    settings.CASEBASE_TESSERACT_CMD = "/nonexistent/bin/tesseract"
    pdf = court_pdf([ORDER_LINES], scanned={1})
    document = ingest_bytes(pdf, "scan.pdf", SubmissionMeta(kind="order")).document
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.QUEUED, metadata={"ocr_pending": [1]}
    )
    assert tasks.ocr_document.run(document.pk) == DocumentStatus.NEEDS_OCR
    document.refresh_from_db()
    assert document.status == DocumentStatus.NEEDS_OCR
    assert "apt-get install tesseract-ocr" in document.error
    assert "ocr_pending" not in document.metadata


def test_the_ocr_task_goes_to_the_ocr_queue(settings: Any) -> None:
    from celery import current_app

    route = current_app.amqp.router.route({}, tasks.ocr_document.name)
    assert route["queue"].name == "ocr"


@pytest.mark.ocr
def test_real_image_only_court_pdfs_become_searchable_analysed_text(
    run_tasks_inline: list[int], ocr_on: None, court_pdf: ReadPdf, client: Client
) -> None:
    scan = court_pdf("opinion_pdf_image_based.pdf")
    # reviewed: an anonymous reader searches for it below (uploads await review otherwise)
    meta = SubmissionMeta(kind="opinion", reviewed=True)
    document = ingest_bytes(scan, "scan.pdf", meta).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert "This matter is before the Foreign Intelligence" in document.text
    assert document.metadata["extracted"]["ocr"][0]["page"] == 1
    assert document.pipeline_version  # analysed
    html = client.get("/search/?q=Foreign+Intelligence").content.decode()
    assert document.get_absolute_url() in html

    # One page whose text layer holds only the ECF header: OCR reads the rest of it.
    header_only = court_pdf("ocr_pdf_test.pdf")
    filing = ingest_bytes(header_only, "filing.pdf", SubmissionMeta(kind="motion")).document
    filing.refresh_from_db()
    assert filing.status == DocumentStatus.DONE, filing.error
    assert "UNITED" in filing.text and "Date Filed" not in filing.text
    assert filing.metadata["extracted"]["ecf"]["docket_number"] == "21-1298"
    assert filing.metadata["needs_ocr"] == []
