"""Validation of submitted bytes before anything is stored."""

from __future__ import annotations

from typing import BinaryIO

from django.conf import settings

from .errors import SourceError


def max_upload_bytes() -> int:
    return int(getattr(settings, "CASEBASE_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def validate_upload(data: bytes, filename: str = "") -> None:
    """Reject empty input and input over ``CASEBASE_MAX_UPLOAD_BYTES``."""
    label = f"“{filename}”" if filename else "The submission"
    if not data or not data.strip():
        raise SourceError(f"{label} is empty.")
    limit = max_upload_bytes()
    if len(data) > limit:
        raise SourceError(f"{label} is {human_size(len(data))}; the limit is {human_size(limit)}.")


def read_upload(upload: BinaryIO, filename: str = "") -> bytes:
    """Read an uploaded file, refusing it before reading when it is over the limit.

    ``upload`` is a Django ``UploadedFile`` or any binary file object; at most limit + 1 bytes
    are ever read, so a huge upload never lands in memory.
    """
    limit = max_upload_bytes()
    size = getattr(upload, "size", None)
    if isinstance(size, int) and size > limit:
        raise SourceError(
            f"“{filename or 'The upload'}” is {human_size(size)}; the limit is {human_size(limit)}."
        )
    data = upload.read(limit + 1)
    validate_upload(data, filename)
    return data
