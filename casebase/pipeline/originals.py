"""Originals: the checks and file handling that submitting and fetching share.

A document's original is stored once, under its content hash's uniqueness: ``existing_document``
finds the same content, ``check_readable`` refuses what the worker could never read, and
``store_original_name``/``delete_stored`` name and remove the stored file.
"""

from __future__ import annotations

from pathlib import PurePath

from casebase.knowledge.models import Document
from casebase.pipeline.deletion import discard_file
from casebase.sources.sniff import HTML, JSON, PDF, TEXT
from casebase.text.html import check_html_size
from casebase.text.pdf import open_pdf
from casebase.text.plain import decode_text


def check_readable(data: bytes, media_type: str) -> None:
    """Cheap checks that catch undecodable text and corrupt or encrypted PDFs up front."""
    if media_type == PDF:
        open_pdf(data)
    elif media_type == TEXT:
        decode_text(data)
    elif media_type == HTML:
        check_html_size(data)


def existing_document(digest: str) -> Document | None:
    return Document.objects.filter(content_hash=digest).first()


_EXTENSIONS = {PDF: ".pdf", TEXT: ".txt", JSON: ".json", "text/html": ".html"}


def storage_name(filename: str, media_type: str) -> str:
    name = PurePath(filename).name if filename else ""
    if not name:
        return "original" + _EXTENSIONS.get(media_type, ".bin")
    return name


def delete_stored(document: Document, stored_name: str) -> None:
    if stored_name:
        discard_file(document.original.storage, stored_name)
