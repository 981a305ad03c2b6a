"""Type sniffing from the bytes themselves (never from the file name)."""

from __future__ import annotations

import json
import re

from .refusals import Refused

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
JSON = "application/json"

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|article|main|p|div|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Signatures of binary formats we do not read, for a clearer message than "undecodable".
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (or Word/OpenDocument file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _looks_like_json(data: bytes) -> bool:
    body = _strip_bom(data).lstrip()
    if body[:1] not in (b"{", b"["):
        return False
    try:
        json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def sniff_media_type(data: bytes) -> str:
    """PDF, HTML, JSON import or plain text, judged from the content.

    Raises Refused (a SourceError) for binary formats casebase does not read.
    """
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return PDF
    for signature, label in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise Refused("unsupported_type", label=label)
    if not head.startswith(_BOMS[1:]) and b"\x00" in head:
        raise Refused("unsupported_type", label="binary")
    body = _strip_bom(head)
    if _HTML_START.match(body) or _HTML_ANYWHERE.search(body[:1024]):
        return HTML
    if _looks_like_json(data):
        return JSON
    return TEXT
