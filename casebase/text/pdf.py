"""PDF: text per page via pypdf, with the page map, OCR needs and court-paper cleanup."""

from __future__ import annotations

import io
import logging
import time
from typing import Any

from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from .court import clean_page, summarize_headers
from .errors import ExtractionError
from .types import ExtractedText

logger = logging.getLogger(__name__)
PAGE_SEPARATOR = "\n\n"
MIN_PAGE_CHARS = 20  # fewer letters/digits than this: the page has no usable text layer
MAX_TEXT_CHARS = 20_000_000  # a defence against decompression bombs in content streams


def max_pages() -> int:
    return int(getattr(settings, "CASEBASE_MAX_PDF_PAGES", 2000))


class CpuBudget:
    """CPU seconds one PDF's text extraction may use: pages that share one huge content stream
    (a few KB of file, hours of parsing) stop with an ExtractionError instead of a stuck worker.

    ``check`` runs before every content-stream operator (pypdf's visitor), so a single slow page
    or form XObject cannot overrun it by more than one stream's parse.
    """

    def __init__(self) -> None:
        self.limit = float(getattr(settings, "CASEBASE_PDF_EXTRACT_SECONDS", 300))
        self.deadline = time.process_time() + self.limit

    def check(self, *_: Any) -> None:
        if time.process_time() > self.deadline:
            raise ExtractionError(
                f"Reading the PDF's text used more than {self.limit:g} seconds of CPU time: "
                "it is built to be too costly to read."
            )


def open_pdf(data: bytes) -> PdfReader:
    """Open and sanity-check a PDF: corrupt, encrypted or too long gives ExtractionError."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
                reader.pages[0].extract_text()
            except (FileNotDecryptedError, PyPdfError, NotImplementedError) as exc:
                raise ExtractionError("The PDF is encrypted (password-protected).") from exc
        count = len(reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"The PDF is corrupt or truncated ({exc}).") from exc
    except RecursionError as exc:
        raise ExtractionError("The PDF is malformed (nested too deeply).") from exc
    if count == 0:
        raise ExtractionError("The PDF has no pages.")
    if count > max_pages():
        raise ExtractionError(f"The PDF has {count} pages; the limit is {max_pages()}.")
    return reader


def _page_text(reader: PdfReader, index: int, budget: CpuBudget) -> str:
    try:
        return reader.pages[index].extract_text(visitor_operand_before=budget.check) or ""
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        # A memory-limit error (decompression bomb) is a PyPdfError too.
        logger.warning("page %s unreadable: %s", index + 1, exc)
        raise ExtractionError(f"Page {index + 1} of the PDF is corrupt ({exc}).") from exc


def _usable(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= MIN_PAGE_CHARS


def extract_pdf(data: bytes) -> ExtractedText:
    reader = open_pdf(data)
    pages: list[str] = []
    headers: list[dict[str, Any]] = []
    needs_ocr: list[int] = []
    total = 0
    budget = CpuBudget()
    for index in range(len(reader.pages)):
        cleaned, header = clean_page(_page_text(reader, index, budget))
        if header:
            headers.append(header)
        if not _usable(cleaned):
            needs_ocr.append(index + 1)
        total += len(cleaned)
        if total > MAX_TEXT_CHARS:
            raise ExtractionError("The PDF expands to more text than casebase accepts.")
        pages.append(cleaned)
    text, offsets = join_pages(pages)
    metadata: dict[str, Any] = {"page_count": len(pages), **summarize_headers(headers, len(pages))}
    info = _info(reader)
    if info:
        metadata["pdf"] = info
    return ExtractedText(
        text=text,
        media_type="application/pdf",
        page_offsets=offsets,
        metadata=metadata,
        needs_ocr=needs_ocr,
    )


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Concatenate pages; ``offsets[i]`` is where page i+1 starts."""
    offsets: list[int] = []
    parts: list[str] = []
    position = 0
    for index, page in enumerate(pages):
        if index:
            parts.append(PAGE_SEPARATOR)
            position += len(PAGE_SEPARATOR)
        offsets.append(position)
        parts.append(page)
        position += len(page)
    return "".join(parts), offsets


def _info(reader: PdfReader) -> dict[str, str]:
    try:
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError):
        return {}
    if not info:
        return {}
    found = {"title": info.title, "author": info.author}
    return {key: str(value) for key, value in found.items() if value}
