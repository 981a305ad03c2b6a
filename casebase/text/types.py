"""What text extraction gives back for one input (pure Python, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExtractedText:
    """Text ready for analysis.

    ``page_offsets[i]`` is where page i+1 starts in ``text`` (empty for texts without pages).
    ``metadata`` carries what the format told us: HTML title/author/date, the ECF header's docket
    number, document number, filing date and page count. ``needs_ocr`` lists 1-based pages with no
    text layer. ``furniture`` holds the sorted ``(start, end)`` ranges of page furniture (running
    heads, page numbers, addresses, signature blocks: casebase.text.furniture), which stay in
    ``text`` but hold nothing the analysis reports.
    """

    text: str
    media_type: str
    page_offsets: list[int] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    needs_ocr: list[int] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)
    language: str = "en"
