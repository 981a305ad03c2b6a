"""Validation of submitted bytes before anything is stored."""

from __future__ import annotations

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
