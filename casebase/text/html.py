"""HTML: the main text via trafilatura, with title, author and date metadata.

Scripts, styles, iframes and forms are never kept: only extracted text leaves this module.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from .errors import ExtractionError
from .plain import decode_text, normalize_newlines
from .types import ExtractedText

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(data: bytes) -> ExtractedText:
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
