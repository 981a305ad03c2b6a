"""The processing task under hostile originals: a clear failure in bounded time and memory, and
nothing else touched. Originals that slip past the cheap checks at submission (a bomb that only
explodes when its page is read, pages built to be slow) are caught here."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes, ingest_text
from casebase.pipeline.processing import process_documents

from . import pdfs
from .conftest import Bystander, assert_serving, snapshot

pytestmark = pytest.mark.django_db
ReadPdf = Callable[[str], bytes]
# reviewed: published at once, so anonymous pages show (and render) the hostile document
META = SubmissionMeta(kind="other", title="Hostile", reviewed=True)


def submit(data: bytes, filename: str) -> Document:
    return ingest_bytes(data, filename, META, enqueue=False).document


def processed(document: Document, *, trace: bool = False) -> tuple[Document, float, int]:
    """Run the processing task; the document after it, seconds taken and (``trace``, which
    slows Python code several times) the peak of memory allocated meanwhile, in MiB."""
    if trace:
        tracemalloc.start()
    started = time.monotonic()
    try:
        process_documents([document.pk])
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
    finally:
        tracemalloc.stop()
    return Document.objects.get(pk=document.pk), time.monotonic() - started, peak // 2**20


def assert_only_this_changed(before: object, bystander: Bystander, document: Document) -> None:
    """The failed document keeps its original; no row or file appeared or vanished elsewhere."""
    after = snapshot(bystander)
    assert after == before  # type: ignore[comparison-overlap]
    assert document.original and document.text == ""
    assert_serving(bystander)


def test_decompression_bomb_fails_fast_and_small(bystander: Bystander) -> None:
    """One page whose content stream inflates to 1.1 GB (3 MB on disk)."""
    document = submit(pdfs.decompression_bomb(1100), "bomb.pdf")
    before = snapshot(bystander)
    document, seconds, peak_mb = processed(document, trace=True)
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith("Page 1 of the PDF is corrupt")
    assert "Limit reached while decompressing" in document.error
    assert seconds < 30 and peak_mb < 400, (seconds, peak_mb)
    assert_only_this_changed(before, bystander, document)


def test_pages_built_to_be_slow_stop_at_the_cpu_budget(
    settings: object, bystander: Bystander
) -> None:
    """16 pages share one 1 MiB content stream that draws empty strings: about 45 s of
    parsing (1024 pages would be 45 minutes) in 4 KB, and no text at the end of it."""
    settings.CASEBASE_PDF_EXTRACT_SECONDS = 2  # type: ignore[attr-defined]
    document = submit(pdfs.heavy_shared_pages(4, 1, empty=True), "slow.pdf")
    assert document.size_bytes < 10_000
    before = snapshot(bystander)
    document, seconds, _ = processed(document)
    assert document.status == DocumentStatus.FAILED
    assert "more than 2 seconds of CPU time" in document.error, document.error
    assert seconds < 15, seconds
    assert_only_this_changed(before, bystander, document)


def test_claimed_million_pages_read_as_the_one_real_page(bystander: Bystander) -> None:
    """The page tree's /Count says 1,000,000 but it holds one page: that page is read."""
    document = submit(pdfs.claimed_page_count(1_000_000), "claims.pdf")
    document, seconds, _ = processed(document)
    assert document.status == DocumentStatus.DONE, document.error
    assert document.text == "one real page of many claimed"
    assert document.page_offsets == [0] and seconds < 30


def test_a_million_page_tree_stored_before_the_checks_fails_clearly(bystander: Bystander) -> None:
    """An original that never went through submission checks (an older version, a restore)."""
    document = Document(title="Restored", status=DocumentStatus.QUEUED, content_hash="d" * 64)
    document.original.save("restored.pdf", ContentFile(pdfs.doubling_page_tree(20)), save=False)
    document.save()
    before = snapshot(bystander)
    document, seconds, peak_mb = processed(document, trace=True)
    assert document.status == DocumentStatus.FAILED
    assert "PDF" in document.error and "page tree" in document.error
    assert seconds < 30 and peak_mb < 400, (seconds, peak_mb)
    assert_only_this_changed(before, bystander, document)


def test_a_vanished_original_fails_without_naming_server_paths(bystander: Bystander) -> None:
    document = submit(b"A short filing about a motion to dismiss.", "motion.txt")
    document.original.storage.delete(document.original.name or "")
    document, _, _ = processed(document)
    assert document.status == DocumentStatus.FAILED
    assert document.error == "The original file is missing from storage."
    assert_serving(bystander)


def test_an_original_replaced_by_noise_fails_clearly(bystander: Bystander) -> None:
    document = submit(b"A short filing about a motion to dismiss.", "motion.txt")
    path = document.original.path
    with open(path, "wb") as handle:
        handle.write(bytes(range(256)) * 64)
    before = snapshot(bystander)
    document, _, _ = processed(document)
    assert document.status == DocumentStatus.FAILED
    # read as the text it was submitted as (the worker does not sniff the bytes again)
    assert "not readable text" in document.error
    assert_only_this_changed(before, bystander, document)


def test_a_single_five_megabyte_line(bystander: Bystander) -> None:
    """No newline in 5 MB of words: stored and shown whole, refused by the analysis with a
    clear reason (not spaCy's internal E088), and the reader still serves it."""
    line = "Beta Labs copied the model weights " * 150_000
    document = ingest_text(line, META, enqueue=False).document
    document, seconds, _ = processed(document)
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith("The text has 5,250,000 characters; the analysis reads")
    assert document.text == line and seconds < 30
    page = Client().get(document.get_absolute_url())
    assert page.status_code == 200 and page.content.count(b"Beta Labs copied") >= 150_000
    assert_serving(bystander)


def test_nul_characters_deep_in_a_text_file(bystander: Bystander) -> None:
    """Past the 4 KB the sniffer reads, a few NULs pass for text; PostgreSQL cannot store NUL
    in a text column, so they must not reach the database (SQLite would keep them)."""
    data = b"The motion was filed on Monday by Beta Labs. " * 200 + b"\x00 hidden \x00 tail."
    document = submit(data, "nul.txt")
    document, _, _ = processed(document)
    assert document.status == DocumentStatus.DONE, document.error
    assert document.text.endswith("Beta Labs.  hidden  tail.")
    assert_serving(bystander)


def test_nul_characters_drawn_by_a_pdf(bystander: Bystander) -> None:
    """A PDF string with \\000 bytes: pypdf gives NULs, which never reach the database."""
    content = b"BT /F1 12 Tf 72 720 Td (Beta Labs filed\\000 a motion\\000 to dismiss.) Tj ET"
    document = submit(pdfs.one_page(content), "nul.pdf")
    document, _, _ = processed(document)
    assert document.status == DocumentStatus.DONE, document.error
    assert document.text == "Beta Labs filed a motion to dismiss."
    assert document.page_offsets == [0]


def test_html_over_the_limit_stored_before_the_check_fails_fast(
    settings: object, bystander: Bystander
) -> None:
    settings.CASEBASE_MAX_HTML_BYTES = 100_000  # type: ignore[attr-defined]
    page = b"<html><body>" + b"<p>Beta Labs filed a motion.</p>" * 4000 + b"</body></html>"
    document = Document(title="Restored", status=DocumentStatus.QUEUED, content_hash="f" * 64)
    document.original.save("restored.html", ContentFile(page), save=False)
    document.save()
    before = snapshot(bystander)
    document, seconds, _ = processed(document)
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith(
        "The HTML page is 125 KiB; casebase reads pages up to 97.7 KiB"
    )
    assert seconds < 5
    assert_only_this_changed(before, bystander, document)
