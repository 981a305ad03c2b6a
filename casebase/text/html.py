"""HTML: the main text via trafilatura, with title, author and date metadata.

Scripts, styles, iframes and forms are never kept: only extracted text leaves this module.
"""

from __future__ import annotations

from typing import Any

import trafilatura
from django.conf import settings

from casebase.sources.refusals import format_size

from .errors import ExtractionError
from .plain import decode_text, normalize_newlines
from .types import ExtractedText

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def max_html_bytes() -> int:
    return int(getattr(settings, "CASEBASE_MAX_HTML_BYTES", 5 * 1024 * 1024))


def check_html_size(data: bytes) -> None:
    """Refuse pages trafilatura would take minutes on (its time grows faster than the size:
    ~5 s for 1.2 MB, 150 s for 6 MB measured on this machine)."""
    limit = max_html_bytes()
    if len(data) > limit:
        raise ExtractionError(
            f"The HTML page is {format_size(len(data))}; casebase reads pages up to "
            f"{format_size(limit)} (save its text or PDF instead)."
        )


def extract_html(data: bytes) -> ExtractedText:
    check_html_size(data)
    markup = decode_text(data)
    result = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = ""
    metadata: dict[str, Any] = {}
    if result is not None:
        doc = result if isinstance(result, dict) else result.as_dict()
        text = doc.get("text") or ""
        for key in ("title", "author", "date", "sitename", "description", "url"):
            if doc.get(key):
                metadata[key] = doc[key]
    if not text.strip():
        text = trafilatura.html2txt(markup) or ""
    text = normalize_newlines(text).strip()
    if not text:
        raise ExtractionError("The HTML page has no readable text.")
    return ExtractedText(text=text, media_type="text/html", metadata=metadata)
