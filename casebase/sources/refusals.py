"""Why a submission is refused: one code per rule, one message per code, naming what to do.

Every door (the upload page, the API, the admin, ``manage.py ingest``) shows the message of the
:class:`Refused` the submission service raised, so the same refusal reads the same everywhere.
Sizes are binary units (1 MiB = 1,048,576 bytes), formatted by :func:`format_size`.
"""

from __future__ import annotations

from django.conf import settings

from .errors import SourceError

MiB = 1024 * 1024
KiB = 1024

MESSAGES: dict[str, str] = {
    # which input
    "nothing_given": "Give a file, pasted text or a URL to submit.",
    "several_given": "Give only one of a file, pasted text or a URL (you gave {given}).",
    "source_url_conflict": (
        "The source URL of a URL submission is the URL itself: leave the source URL empty."
    ),
    # the bytes
    "empty": "{subject} is empty. Choose a file with content, or paste the text.",
    "too_big": (
        "{subject} is {size}; the limit is {limit}. Split it into smaller parts and submit each."
    ),
    "unsupported_type": (
        "This file is {label}; casebase reads PDF, HTML, plain text and JSON. "
        "Save it in one of those formats and submit it again."
    ),
    "unreadable": "{detail}",  # the text layer's own words (corrupt PDF, undecodable text...)
    "several_documents": (
        "“{name}” holds {count} documents: load it with `manage.py ingest` (bulk JSON import)."
    ),
    "nul_character": "The {label} contains a NUL character; remove it and submit again.",
    "not_unicode": (
        "The text is not valid Unicode (a lone surrogate at position {position}); "
        "remove that character and submit again."
    ),
    # URLs
    "bad_url": "Enter a full http:// or https:// address.",
    "bad_source_url": "Enter the source URL as a full http:// or https:// address.",
    "private_url": (
        "{host} is a private, loopback or link-local address: casebase never fetches from it. "
        "Give a public address, or download the file and upload it."
    ),
    # metadata
    "unknown_kind": "Unknown document kind “{kind}”: choose one from the list.",
    "bad_date": (
        "“{value}” is not a date: give 2015, Feb 2018, 2018-02, 30 April 2026 or 2026-04-30."
    ),
    "unknown_case": "No case with slug “{slug}”: choose an existing case or leave it empty.",
    "bad_docket_entry": "The docket entry must be a whole number, 0 or more and at most {limit:,}.",
    "corpus_key_taken": "Corpus key “{key}” is already taken: choose another or leave it empty.",
    # re-running
    "reference_record": "A citation-only record has no text to process.",
    "no_original": "This document has no original to process: submit the file again.",
}

# The notice (not a refusal) for content that is already in casebase.
DUPLICATE_NOTICE = "This content is already in casebase as “{title}”: here it is."


class Refused(SourceError):
    """A submission casebase does not accept: ``code`` (a key of MESSAGES) and its message."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        self.message = MESSAGES[code].format(**params)
        super().__init__(self.message)


def format_size(size: int) -> str:
    """``25 MiB``, ``31.2 MiB``, ``12 KiB``, ``900 bytes``: one format for every message."""
    for unit, name in ((MiB, "MiB"), (KiB, "KiB")):
        if size >= unit:
            return f"{size / unit:.1f}".removesuffix(".0") + f" {name}"
    return f"{size} bytes"


def max_upload_bytes() -> int:
    return int(getattr(settings, "CASEBASE_MAX_UPLOAD_BYTES", 25 * MiB))


def too_big(subject: str, size: int) -> Refused:
    """The too-big refusal; in bytes when the rounded sizes would read the same."""
    shown, limit = format_size(size), limit_text()
    if shown == limit:
        shown, limit = f"{size:,} bytes", f"{max_upload_bytes():,} bytes"
    return Refused("too_big", subject=subject, size=shown, limit=limit)


def limit_text() -> str:
    """The upload limit as every message and help text says it ("25 MiB")."""
    return format_size(max_upload_bytes())
