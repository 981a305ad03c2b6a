"""OCR of scanned PDF pages with Tesseract (pure Python over pypdfium2 and pytesseract).

A page is rendered with pypdfium2 (the PDF renderer of Chromium, shipped inside its wheel),
then read by the ``tesseract`` program (Debian's ``tesseract-ocr``) through pytesseract, one
page at a time. Each page gives its text, laid out by Tesseract's blocks, paragraphs and lines,
and a confidence: the mean of Tesseract's word confidences (0 to 100).

When Tesseract is not installed, :func:`tesseract_version` is None and the pipeline leaves the
document ``needs_ocr`` with :data:`INSTALL_HINT`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2
import pytesseract
from django.conf import settings

from .court import clean_page, summarize_headers
from .errors import ExtractionError
from .pdf import PAGE_SEPARATOR, join_pages
from .types import ExtractedText

INSTALL_HINT = (
    "Install Tesseract to read scanned pages (Debian/Ubuntu: apt-get install tesseract-ocr; "
    "then run manage.py reprocess, and a Celery worker for the ocr queue in production)."
)


@dataclass(frozen=True)
class OcrPage:
    """One page read by OCR: 1-based ``page``, its ``text``, the mean word ``confidence``
    (0-100, None when Tesseract found no word) and how many ``words`` it found."""

    page: int
    text: str
    confidence: float | None
    words: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "text": self.text,
            "confidence": self.confidence,
            "words": self.words,
        }

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> OcrPage:
        confidence = value.get("confidence")
        return cls(
            page=int(value["page"]),
            text=str(value.get("text", "")),
            confidence=None if confidence is None else float(confidence),
            words=int(value.get("words", 0)),
        )


def tesseract_command() -> str:
    return str(getattr(settings, "CASEBASE_TESSERACT_CMD", "tesseract"))


def tesseract_version() -> str | None:
    """Tesseract's version, or None when the program is not installed (or OCR is off)."""
    if not getattr(settings, "CASEBASE_OCR", True):
        return None
    command = tesseract_command()
    if shutil.which(command) is None:
        return None
    pytesseract.pytesseract.tesseract_cmd = command
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


def ocr_pages(data: bytes, pages: Sequence[int]) -> Iterator[OcrPage]:
    """Render each 1-based page of ``pages`` of the PDF ``data`` (opened once) and read it with
    Tesseract, one page at a time: the caller stores each page as it comes."""
    dpi = int(getattr(settings, "CASEBASE_OCR_DPI", 300))
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ExtractionError(f"The PDF could not be rendered for OCR ({exc}).") from exc
    try:
        for page in pages:
            if not 1 <= page <= len(document):
                raise ExtractionError(f"The PDF has no page {page}.")
            image = document[page - 1].render(scale=dpi / 72, grayscale=True).to_pil()
            yield read_image(page, image)
    finally:
        document.close()


def read_image(page: int, image: Any) -> OcrPage:
    """Tesseract's reading of one page's picture."""
    pytesseract.pytesseract.tesseract_cmd = tesseract_command()
    try:
        found = pytesseract.image_to_data(
            image,
            lang=str(getattr(settings, "CASEBASE_OCR_LANGUAGES", "eng")),
            output_type=pytesseract.Output.DICT,
            timeout=float(getattr(settings, "CASEBASE_OCR_PAGE_SECONDS", 120)),
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise ExtractionError(f"OCR of page {page} took too long ({exc}).") from exc
    except pytesseract.TesseractError as exc:
        raise ExtractionError(f"Tesseract could not read page {page}: {exc.message}") from exc
    return page_from_tesseract(page, found)


def page_from_tesseract(page: int, found: Mapping[str, Sequence[Any]]) -> OcrPage:
    """Text and confidence from Tesseract's TSV rows: words joined by spaces, lines by newlines,
    paragraphs and blocks by blank lines."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for index, word in enumerate(found.get("text", [])):
        word = str(word).strip()
        confidence = float(found["conf"][index])
        if not word or confidence < 0:
            continue
        key = (
            int(found["block_num"][index]),
            int(found["par_num"][index]),
            int(found["line_num"][index]),
        )
        lines.setdefault(key, []).append(word)
        confidences.append(confidence)
    parts: list[str] = []
    previous: tuple[int, int] | None = None
    for key in sorted(lines):
        block, paragraph, _line = key
        if previous is not None:
            parts.append("\n\n" if previous != (block, paragraph) else "\n")
        parts.append(" ".join(lines[key]))
        previous = (block, paragraph)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrPage(page=page, text="".join(parts), confidence=mean, words=len(confidences))


def apply_ocr(extracted: ExtractedText, pages: Mapping[int, OcrPage]) -> ExtractedText:
    """``extracted`` with each page that needs OCR and has an OCR result replaced by that
    result (cleaned like a text layer: the ECF header read into the metadata). The page map is
    rebuilt; ``needs_ocr`` keeps only the pages still without a result; ``metadata["ocr"]`` lists
    the pages read by OCR with their confidence."""
    wanted = [number for number in extracted.needs_ocr if number in pages]
    if not wanted:
        return extracted
    texts = page_texts(extracted)
    headers: list[dict[str, Any]] = []
    read: list[dict[str, Any]] = []
    for number in wanted:
        cleaned, header = clean_page(pages[number].text)
        if header:
            headers.append(header)
        texts[number - 1] = cleaned
        read.append({"page": number, "confidence": pages[number].confidence})
    text, offsets = join_pages(texts)
    metadata = dict(extracted.metadata)
    if headers and "ecf" not in metadata:
        metadata.update(summarize_headers(headers, len(texts)))
    metadata["ocr"] = read
    return replace(
        extracted,
        text=text,
        page_offsets=offsets,
        metadata=metadata,
        needs_ocr=[number for number in extracted.needs_ocr if number not in pages],
    )


def page_texts(extracted: ExtractedText) -> list[str]:
    """The text of each page (the separators between pages left out)."""
    offsets = extracted.page_offsets
    ends = [start - len(PAGE_SEPARATOR) for start in offsets[1:]] + [len(extracted.text)]
    return [extracted.text[start:end] for start, end in zip(offsets, ends, strict=True)]
