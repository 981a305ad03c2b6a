"""The ingestion service under hostile bytes: a clear IngestError, and nothing else changes."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebase.pipeline.intake import (
    IngestError,
    SubmissionMeta,
    ingest_bytes,
    ingest_json,
    ingest_text,
)
from casebase.text.extract import extract_text

from . import pdfs
from .conftest import Bystander, assert_unaffected, snapshot

pytestmark = pytest.mark.django_db
ReadPdf = Callable[[str], bytes]
# reviewed: published at once, so anonymous pages show (and render) the hostile document
META = SubmissionMeta(kind="other", title="Hostile", reviewed=True)


def noise(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def refused(data: bytes, filename: str, bystander: Bystander) -> str:
    """Submit ``data``; it must be refused with a message, leaving everything as it was."""
    before = snapshot(bystander)
    with pytest.raises(IngestError) as caught:
        ingest_bytes(data, filename, META)
    assert_unaffected(before, bystander)
    message = str(caught.value)
    assert message and "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n ", "is empty"),
        (b"\x00" * 1000, "is binary"),
        (b"Text \x81\x8d\x8f\x90 bytes", "neither UTF-8 nor Windows-1252"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),  # a lone surrogate after a UTF-16 BOM
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "gzip archive"),
        (b"%PDF-1.7\n", "corrupt or truncated"),
        (b"%PDF-1.7\n" + noise(1, 20_000), "corrupt or truncated"),
    ],
    ids=["empty", "whitespace", "nul", "bad-utf8", "bad-utf16", "gzip", "pdf-header", "pdf-noise"],
)
def test_unreadable_bytes_are_refused(data: bytes, expected: str, bystander: Bystander) -> None:
    assert expected in refused(data, "upload.bin", bystander)


@pytest.mark.parametrize("seed", range(6))
def test_binary_noise_is_refused(seed: int, bystander: Bystander) -> None:
    message = refused(noise(seed, 64 * 1024), f"noise-{seed}.dat", bystander)
    assert "binary" in message or "not readable text" in message


def test_high_byte_noise_without_nul_is_refused(bystander: Bystander) -> None:
    """No NUL byte to give it away: it must still not pass for Windows-1252 text."""
    data = bytes(128 + b % 128 for b in noise(7, 32 * 1024))
    assert "neither UTF-8 nor Windows-1252" in refused(data, "high.txt", bystander)


@given(data=st.binary(min_size=1, max_size=4096))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_give_a_document_or_a_clear_error(data: bytes, bystander: Bystander) -> None:
    before = snapshot(bystander)
    try:
        result = ingest_bytes(data, "fuzz.bin", META, enqueue=False)
    except IngestError as exc:
        assert str(exc)
        assert snapshot(bystander) == before
        return
    assert result.document.pk and result.document.size_bytes == len(data)
    assert result.document.original.name
    result.document.original.delete(save=False)
    result.document.delete()
    assert snapshot(bystander) == before


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.9])
def test_truncated_court_pdf_is_refused(
    fraction: float, court_pdf: ReadPdf, bystander: Bystander
) -> None:
    data = court_pdf("opinion_tax.pdf")
    cut = data[: int(len(data) * fraction)]
    assert "corrupt or truncated" in refused(cut, "opinion_tax.pdf", bystander)


def test_pdf_missing_only_its_trailer_is_recovered_whole(court_pdf: ReadPdf) -> None:
    """Cut in the cross-reference table, after the last page: pypdf rebuilds it and every page
    is still read, so accepting it loses nothing."""
    data = court_pdf("opinion_tax.pdf")
    cut = data[: int(len(data) * 0.98)]
    result = ingest_bytes(cut, "opinion_tax.pdf", META, enqueue=False)
    assert result.created and result.document.media_type == "application/pdf"
    assert extract_text(cut).text == extract_text(data).text


def test_pdf_claiming_a_million_pages_in_a_real_tree_is_refused(bystander: Bystander) -> None:
    """2**20 pages from 20 objects (each node lists the next twice): refused up front."""
    message = refused(pdfs.doubling_page_tree(20), "million.pdf", bystander)
    assert "PDF" in message and ("page" in message or "pages" in message)


def test_pdf_over_the_page_limit_is_refused(bystander: Bystander) -> None:
    assert "4096 pages; the limit is 2000" in refused(
        pdfs.doubling_page_tree(12), "long.pdf", bystander
    )


def test_over_the_size_limit_is_refused(settings: object, bystander: Bystander) -> None:
    settings.CASEBASE_MAX_UPLOAD_BYTES = 10_000  # type: ignore[attr-defined]
    assert "the limit is" in refused(b"word " * 4000, "big.txt", bystander)
    before = snapshot(bystander)
    with pytest.raises(IngestError, match="the limit is"):
        ingest_text("word " * 4000, META)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (SubmissionMeta(kind="poem"), "Unknown document kind"),
        (SubmissionMeta(published="2026-13-45"), "is not a date"),
        (SubmissionMeta(published="45"), "is not a date"),
        (SubmissionMeta(source_url="javascript:alert(1)"), "source URL"),
        (SubmissionMeta(source_url="data:text/html,<script>alert(1)</script>"), "source URL"),
        (SubmissionMeta(case_slug="<script>"), "No case with slug"),
        (SubmissionMeta(docket_entry=-5), "0 or more"),
        (SubmissionMeta(docket_entry=2**63), "at most 10,000,000"),
        (SubmissionMeta(docket_entry=10**400), "at most 10,000,000"),
    ],
)
def test_bad_metadata_is_refused_with_a_good_file(
    meta: SubmissionMeta, expected: str, bystander: Bystander
) -> None:
    before = snapshot(bystander)
    with pytest.raises(IngestError, match=expected):
        ingest_bytes(b"A plain text filing about the motion.", "fine.txt", meta)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": ', "Invalid JSON import"),
        (b"[]", "the list is empty"),
        (b'{"documents": "nope"}', "item 1 is not an object"),
        (b'"just a string"', "item 1 is not an object"),
        (b'[{"text": 5}]', 'item 1 needs a non-empty "text"'),
        (b'[{"text": "a"}, {"text": ""}]', 'item 2 needs a non-empty "text"'),
        (b'{"text": "x", "authors": "notalist"}', '"authors" must be a list'),
        (b'{"text": "x", "docket_entry": "abc"}', '"docket_entry" must be a number'),
        (b'{"text": "x", "docket_entry": 1e400}', '"docket_entry" must be a number'),
    ],
)
def test_malformed_json_imports_are_refused_whole(
    data: bytes, expected: str, bystander: Bystander
) -> None:
    before = snapshot(bystander)
    with pytest.raises(IngestError, match=expected):
        ingest_json(data, META, enqueue=False)
    assert_unaffected(before, bystander)


def test_bad_items_of_an_import_fail_alone(bystander: Bystander) -> None:
    data = (
        b'[{"text": "A motion was filed.", "kind": "poem"},'
        b' {"text": "An order was entered.", "published": "2026-13-45"},'
        b' {"text": "A plain note about the hearing.", "kind": "other"}]'
    )
    before = snapshot(bystander)
    first, second, third = ingest_json(data, META, enqueue=False)
    assert isinstance(first, IngestError) and "Unknown document kind" in str(first)
    assert isinstance(second, IngestError) and "is not a date" in str(second)
    assert not isinstance(third, IngestError) and third.created
    counts = dict(before.counts, Document=before.counts["Document"] + 1)
    assert snapshot(bystander).counts == counts


@pytest.mark.parametrize("text", [r"a\ud800b", r"\udfff lone low surrogate"])
def test_lone_surrogates_in_json_text_are_refused(text: str, bystander: Bystander) -> None:
    """JSON may escape a lone surrogate, which no UTF-8 file can hold."""
    data = b'{"text": "' + text.encode() + b'"}'
    before = snapshot(bystander)
    with pytest.raises(IngestError, match="not valid Unicode"):
        ingest_bytes(data, "import.json", META, enqueue=False)
    with pytest.raises(IngestError, match="lone surrogate"):
        ingest_text(text.encode().decode("unicode_escape"), META, enqueue=False)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    "data",
    [
        b'{"text": "A filing\\u0000 with a NUL.", "title": "Title\\u0000"}',
        b'{"text": "\\u0000First line\\nsecond line"}',
        b'{"text": "ok text", "publisher": "Pub\\u0000", "authors": ["A\\u0000B"]}',
    ],
)
def test_nul_characters_in_a_json_import(data: bytes, bystander: Bystander) -> None:
    """JSON may escape NUL, which PostgreSQL text columns cannot hold: refused with a reason
    (as the API and the forms refuse it), never a database error."""
    before = snapshot(bystander)
    with pytest.raises(IngestError, match="contains a NUL character"):
        ingest_bytes(data, "nul.json", META, enqueue=False)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize("number", [b"9223372036854775808", b"9" * 400])
def test_a_docket_entry_past_any_integer_column(number: bytes, bystander: Bystander) -> None:
    """Python's JSON reads any integer; the column holds 32 bits: refused before the save."""
    before = snapshot(bystander)
    data = b'{"text": "A filing on the docket.", "docket_entry": ' + number + b"}"
    with pytest.raises(IngestError, match="at most 10,000,000"):
        ingest_bytes(data, "import.json", META, enqueue=False)
    assert_unaffected(before, bystander)


def test_html_over_the_html_limit_is_refused(settings: object, bystander: Bystander) -> None:
    """trafilatura's time grows faster than the page (150 s for 6 MB): big pages are refused
    at submission, before any worker spends minutes on them."""
    settings.CASEBASE_MAX_HTML_BYTES = 100_000  # type: ignore[attr-defined]
    page = b"<html><body><article>" + b"<p>Beta Labs filed a motion.</p>" * 4000 + b"</article>"
    message = refused(page + b"</body></html>", "big.html", bystander)
    assert "The HTML page is 125 KiB; casebase reads pages up to 97.7 KiB" in message
