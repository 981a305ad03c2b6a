"""Court papers as they print: ECF running headers and pleading-paper line numbers.

The header stamped on every page by CM/ECF is removed from the analysed text and read into
metadata (docket number, document number, filing date, page count). Pleading-paper line numbers
(1 to 28 down the margin) are removed when a page carries a run of them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DISTRICT = re.compile(
    r"^\s*Case\s+(?P<docket>\d{1,2}:\d{2}-[a-z]{1,4}-\d{2,6}(?:-[A-Za-z0-9]{1,6})*)\s+"
    r"Document\s+(?P<document>\d+(?:-\d+)?)\s+Filed\s+(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})\s+"
    r"Page\s+(?P<page>\d+)\s+of\s+(?P<pages>\d+)(?:\s+Page\s?ID\s*#?:?\s*\d+)?\s*$",
    re.IGNORECASE,
)
_APPELLATE = re.compile(
    r"^\s*Case:\s*(?P<docket>\d{2}-\d{1,6})\s+Document:\s*(?P<document>\d+)\s+"
    r"Page:\s*(?P<page>\d+)\s+Date\s+Filed:\s*(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})\s*$",
    re.IGNORECASE,
)
_APPELLATE_ENTRY = re.compile(
    r"^\s*Appellate\s+Case:\s*(?P<docket>\d{2}-\d{1,6})\s+Page:\s*(?P<page>\d+)\s+"
    r"Date\s+Filed:\s*(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})\s+Entry\s+ID:\s*(?P<entry>\d+)\s*$",
    re.IGNORECASE,
)
HEADER_PATTERNS = (_DISTRICT, _APPELLATE, _APPELLATE_ENTRY)
_LINE_NUMBER = re.compile(r"^\s*(?P<n>[1-9]|1\d|2[0-8])(?:\s+(?P<rest>.*))?$")
MIN_LINE_NUMBER_RUN = 8


def _iso_date(value: str) -> str | None:
    month, day, year = (int(part) for part in value.split("/"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_header(line: str) -> dict[str, Any] | None:
    """The fields of an ECF running header line, or None if ``line`` is not one."""
    for pattern in HEADER_PATTERNS:
        match = pattern.match(line)
        if match:
            fields = match.groupdict()
            header: dict[str, Any] = {
                "docket_number": fields["docket"],
                "page": int(fields["page"]),
                "filed": _iso_date(fields["filed"]),
            }
            if fields.get("document"):
                header["document_number"] = fields["document"]
            if fields.get("pages"):
                header["page_count"] = int(fields["pages"])
            if fields.get("entry"):
                header["entry_id"] = fields["entry"]
            return header
    return None


def _strip_line_numbers(lines: list[str]) -> list[str]:
    """Drop a margin run 1, 2, 3... (alone on a line or leading a line) when long enough."""
    run: list[int] = []
    expected = 1
    for index, line in enumerate(lines):
        match = _LINE_NUMBER.match(line)
        if match and int(match["n"]) == expected:
            run.append(index)
            expected += 1
    if len(run) < MIN_LINE_NUMBER_RUN:
        return lines
    kept: list[str] = []
    run_set = set(run)
    for index, line in enumerate(lines):
        if index not in run_set:
            kept.append(line)
            continue
        rest = _LINE_NUMBER.match(line)["rest"]  # type: ignore[index]
        if rest:
            kept.append(rest)
    return kept


def clean_page(page_text: str) -> tuple[str, dict[str, Any] | None]:
    """Remove ECF headers and pleading line numbers from one page; return the header read."""
    header: dict[str, Any] | None = None
    lines: list[str] = []
    for line in page_text.splitlines():
        found = parse_header(line)
        if found is not None:
            header = header or found
            continue
        lines.append(line.rstrip())
    lines = _strip_line_numbers(lines)
    return "\n".join(lines).strip("\n"), header


def summarize_headers(headers: list[dict[str, Any]], pages: int) -> dict[str, Any]:
    """Document-level ECF metadata from the per-page headers (first page's wins)."""
    if not headers:
        return {}
    first = headers[0]
    summary = {
        key: first[key]
        for key in ("docket_number", "document_number", "filed", "entry_id")
        if first.get(key)
    }
    summary["page_count"] = first.get("page_count", pages)
    return {"ecf": summary}
