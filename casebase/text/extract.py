"""``extract_text``: bytes to text, dispatching on the media type recorded at submission (or,
when none is given, the type sniffed from the bytes)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from casebase.sources.errors import SourceError
from casebase.sources.sniff import HTML, JSON, PDF, sniff_media_type

from .errors import ExtractionError
from .furniture import find_furniture
from .html import extract_html
from .json_import import parse_json_import
from .pdf import extract_pdf
from .plain import decode_text
from .types import ExtractedText


def extract_text(data: bytes, filename: str = "", media_type: str = "") -> ExtractedText:
    """Text, page map and metadata of ``data``. ``filename`` is only used in messages.

    ``media_type`` is the type sniffed when the document was submitted (``Document.media_type``):
    given, the bytes are not sniffed again.

    Raises ExtractionError (a ValueError) with a message fit for the user. The result holds no
    NUL character (PDF fonts and a few stray bytes in text produce them; PostgreSQL text and
    jsonb columns cannot store them). Page furniture is found last, on the final text.
    """
    extracted = _without_nul(_extract(data, filename, media_type))
    return replace(extracted, furniture=find_furniture(extracted.text, extracted.page_offsets))


def _without_nul(extracted: ExtractedText) -> ExtractedText:
    text, offsets = extracted.text, extracted.page_offsets
    if "\x00" in text:
        shifted, removed, previous = [], 0, 0
        for offset in offsets:
            removed += text.count("\x00", previous, offset)
            previous = offset
            shifted.append(offset - removed)
        text, offsets = text.replace("\x00", ""), shifted
    return replace(
        extracted,
        text=text,
        page_offsets=offsets,
        metadata=_strings_without_nul(extracted.metadata),
    )


def _strings_without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_strings_without_nul(k): _strings_without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings_without_nul(item) for item in value]
    return value


def _extract(data: bytes, filename: str, media_type: str) -> ExtractedText:
    if not data or not data.strip():
        raise ExtractionError(f"“{filename or 'The input'}” is empty.")
    if not media_type:
        try:
            media_type = sniff_media_type(data)
        except SourceError as exc:
            raise ExtractionError(str(exc)) from exc
    if media_type == PDF:
        return extract_pdf(data)
    if media_type == HTML:
        return extract_html(data)
    if media_type == JSON:
        items = parse_json_import(data)
        if len(items) != 1:
            raise ExtractionError(
                f"This JSON import holds {len(items)} documents; import it as a bulk load."
            )
        return ExtractedText(
            text=items[0].text, media_type=JSON, metadata={"import": items[0].meta}
        )
    return ExtractedText(text=decode_text(data).strip("\ufeff"), media_type="text/plain")
