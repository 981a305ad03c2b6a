"""Validation of submitted bytes before anything is stored."""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from .refusals import Refused, max_upload_bytes, too_big

__all__ = ["check_bytes", "max_upload_bytes", "read_upload", "subject", "validate_upload"]


def subject(filename: str) -> str:
    """How messages name the input: the file's name, or "The submission"."""
    return f"“{filename}”" if filename else "The submission"


def validate_upload(data: bytes, filename: str = "") -> None:
    """Refuse an empty file and one over ``CASEBASE_MAX_UPLOAD_BYTES``."""
    check_bytes(data, subject(filename))


def check_bytes(data: bytes, what: str) -> None:
    """Refuse empty input and input over the limit; ``what`` names it ("The text")."""
    if not data or not data.strip():
        raise Refused("empty", subject=what)
    if len(data) > max_upload_bytes():
        raise too_big(what, len(data))


def read_upload(upload: BinaryIO, filename: str = "") -> bytes:
    """Read an uploaded file, refusing it before reading when it is over the limit.

    ``upload`` is a Django ``UploadedFile`` or any binary file object; at most limit + 1 bytes
    are ever read, so a huge upload never lands in memory.
    """
    limit = max_upload_bytes()
    size = _declared_size(upload)
    if size is not None and size > limit:
        raise too_big(subject(filename), size)
    data = upload.read(limit + 1)
    validate_upload(data, filename)
    return data


def _declared_size(upload: BinaryIO) -> int | None:
    """The size an upload declares (Django's ``size``) or a file on disk has; None if unknown."""
    size = getattr(upload, "size", None)
    if isinstance(size, int):
        return size
    try:
        return os.fstat(upload.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
