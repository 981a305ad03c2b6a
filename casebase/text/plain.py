"""Plain text: UTF-8 (with or without BOM, or UTF-16 with BOM); cp1252 only when clean."""

from __future__ import annotations

import unicodedata

from .errors import ExtractionError

_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


def _looks_like_text(text: str) -> bool:
    """Few control or unassigned characters: what a real text decoded right looks like."""
    if not text:
        return False
    bad = sum(
        1
        for ch in text
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return bad <= len(text) / 1000


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    """Decode submitted text; a clear ExtractionError when it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ExtractionError("The file claims to be UTF-16 text but does not decode.") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ExtractionError(
                    "The file is not readable text: it is neither UTF-8 nor Windows-1252 "
                    f"(undecodable byte at position {exc.start})."
                ) from exc
    if not _looks_like_text(text):
        raise ExtractionError("The file does not look like text (too many control characters).")
    return normalize_newlines(text)
