"""Citations of what casebase shows: a document, a passage in it, or an event, as a line of
text to paste (Bluebook-style for court records; author, title, publisher, date and URL for
reporting), as CSL-JSON (what Zotero, Mendeley and citeproc read) and as RIS.

Pure functions over a :class:`Citable` record (``casebase.queries.citations`` builds it from the
database). Dates keep their precision: a document known only to the month is cited "Feb. 2018",
with CSL date-parts ``[[2018, 2]]`` and RIS ``2018/02//``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casebase.core.partial_dates import PartialDate, Precision
from casebase.core.web_urls import http_url

# Bluebook's month abbreviations (rule T12).
BLUEBOOK_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)

COURT_RECORD = "court_record"
REPORTING = "reporting"
WEB_PAGE = "web_page"


@dataclass(frozen=True)
class Citable:
    """What a citation needs. ``style`` is ``court_record``, ``reporting`` or ``web_page`` (an
    event page of casebase itself); ``permalink`` is the casebase URL (with ``#span-...`` for a
    passage); ``source_url`` the original's address when there is one."""

    style: str
    title: str
    permalink: str
    accessed: dt.date
    key: str  # a stable id for reference managers ("casebase-document-12")
    date: PartialDate | None = None
    authors: tuple[str, ...] = ()
    publisher: str = ""
    source_url: str = ""
    case_name: str = ""
    court: str = ""
    docket_number: str = ""
    docket_entry: int | None = None
    page: int | None = None  # the page a passage is on (pincite)
    quote: str = ""
    sources: tuple[Citable, ...] = field(default_factory=tuple)  # an event's documents


def bluebook_date(date: PartialDate | None) -> str:
    if date is None:
        return ""
    if date.precision == Precision.YEAR:
        return str(date.year)
    month = BLUEBOOK_MONTHS[(date.month or 1) - 1]
    if date.precision == Precision.MONTH:
        return f"{month} {date.year}"
    return f"{month} {date.day}, {date.year}"


def _access_note(item: Citable) -> str:
    return f"(last visited {bluebook_date(PartialDate.from_date(item.accessed, Precision.DAY))})"


Piece = tuple[str, bool]  # (text, True when it is the source's own text: isolate it in HTML)


def _user(text: str) -> Piece:
    return (text, True)


def _app(text: str) -> Piece:
    return (text, False)


def _joined(groups: list[list[Piece]], separator: str = ", ") -> list[Piece]:
    out: list[Piece] = []
    for group in groups:
        if out:
            out.append(_app(separator))
        out += group
    return out


def source_address(item: Citable) -> str:
    """The original's web address when it is one (never a ``javascript:`` or other scheme),
    else the casebase permalink."""
    return http_url(item.source_url) or item.permalink if item.source_url else item.permalink


def citation_pieces(item: Citable) -> list[Piece]:
    """The citation as pieces of app text and of the source's own text (titles, names,
    addresses), so that a page can isolate each of the latter (``<bdi>``)."""
    url = source_address(item)
    url_piece = _user(url) if url != item.permalink else _app(url)
    if item.style == COURT_RECORD:
        groups = [[_user(item.title)]]
        if item.case_name:
            groups.append([_user(item.case_name)])
        if item.docket_number:
            groups.append([_app("No. "), _user(item.docket_number)])
        if item.docket_entry is not None:
            groups.append([_app(f"ECF No. {item.docket_entry}")])
        if item.page is not None:
            groups.append([_app(f"at {item.page}")])
        pieces = _joined(groups)
        court_date = [p for p in (_user(item.court), _app(bluebook_date(item.date))) if p[0]]
        if court_date:
            pieces += [_app(" ("), *_joined([[p] for p in court_date], " "), _app(")")]
        return [*pieces, _app(", "), url_piece, _app(f" {_access_note(item)}.")]
    if item.style == REPORTING:
        groups = ([_authors(item.authors)] if item.authors else []) + [[_user(item.title)]]
        if item.publisher:
            groups.append([_user(item.publisher)])
        pieces = _joined(groups)
        date = bluebook_date(item.date)
        if date:
            pieces.append(_app(f" ({date})"))
        if item.page is not None:
            pieces.append(_app(f", at {item.page}"))
        return [*pieces, _app(", "), url_piece, _app(f" {_access_note(item)}.")]
    date = bluebook_date(item.date)
    return [
        _user(item.title),
        _app(f"{f' ({date})' if date else ''}, casebase, {item.permalink} {_access_note(item)}."),
    ]


def citation_text(item: Citable) -> str:
    """One line to paste into a brief or an article."""
    return "".join(text for text, _ in citation_pieces(item))


def _authors(names: tuple[str, ...]) -> list[Piece]:
    """One or two authors by name ("A & B"), more as "A et al." (Bluebook rule 15.1)."""
    if len(names) > 2:
        return [_user(names[0]), _app(" et al.")]
    if len(names) == 2:
        return [_user(names[0]), _app(" & "), _user(names[1])]
    return [_user(name) for name in names]


def _date_parts(date: PartialDate | None) -> dict[str, Any] | None:
    if date is None:
        return None
    parts = [date.year] + ([date.month] if date.month else []) + ([date.day] if date.day else [])
    return {"date-parts": [parts]}


def _csl_name(name: str) -> dict[str, str]:
    """A person "Given Family" split at the last space; anything else as a literal name."""
    words = name.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and len(words) <= 4:
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": name}


def csl_item(item: Citable) -> dict[str, Any]:
    """The item as CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    out: dict[str, Any] = {
        "id": item.key,
        "title": item.title,
        "URL": item.source_url or item.permalink,
    }
    accessed = _date_parts(PartialDate.from_date(item.accessed, Precision.DAY))
    if accessed:
        out["accessed"] = accessed
    issued = _date_parts(item.date)
    if issued:
        out["issued"] = issued
    if item.authors:
        out["author"] = [_csl_name(name) for name in item.authors]
    if item.style == COURT_RECORD:
        out["type"] = "legal_case"
        if item.court:
            out["authority"] = item.court
        if item.docket_number:
            out["number"] = item.docket_number
        if item.case_name:
            out["container-title"] = item.case_name
    elif item.style == REPORTING:
        out["type"] = "article-newspaper"
        if item.publisher:
            out["container-title"] = item.publisher
            out["publisher"] = item.publisher
    else:
        out["type"] = "webpage"
        out["container-title"] = "casebase"
    if item.page is not None:
        out["page"] = str(item.page)
    notes = []
    if source_address(item) != item.permalink:
        notes.append(f"casebase: {item.permalink}")
    if item.docket_entry is not None:
        notes.append(f"ECF No. {item.docket_entry}")
    if item.quote:
        notes.append(f"Passage: {item.quote}")
    if notes:
        out["note"] = "\n".join(notes)
    return out


def csl_json(item: Citable) -> list[dict[str, Any]]:
    """A CSL-JSON array: the item, then (for an event) the documents it rests on."""
    return [csl_item(item), *(csl_item(source) for source in item.sources)]


RIS_TYPES = {COURT_RECORD: "CASE", REPORTING: "NEWS", WEB_PAGE: "ELEC"}


def _ris_date(date: PartialDate) -> str:
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def _ris_record(item: Citable) -> list[str]:
    lines = [
        f"TY  - {RIS_TYPES.get(item.style, 'ELEC')}",
        f"ID  - {item.key}",
        f"TI  - {_one_line(item.title)}",
    ]
    lines += [f"AU  - {_one_line(name)}" for name in item.authors]
    if item.date is not None:
        lines += [f"PY  - {item.date.year:04d}", f"DA  - {_ris_date(item.date)}"]
    if item.style == COURT_RECORD:
        if item.court:
            lines.append(f"PB  - {_one_line(item.court)}")
        if item.case_name:
            lines.append(f"T2  - {_one_line(item.case_name)}")
        if item.docket_number:
            lines.append(f"M1  - {_one_line(item.docket_number)}")
    elif item.publisher:
        lines += [f"T2  - {_one_line(item.publisher)}", f"PB  - {_one_line(item.publisher)}"]
    elif item.style == WEB_PAGE:
        lines.append("T2  - casebase")
    if item.page is not None:
        lines.append(f"SP  - {item.page}")
    lines.append(f"UR  - {source_address(item)}")
    if source_address(item) != item.permalink:
        lines.append(f"L2  - {item.permalink}")
    lines.append(f"Y2  - {item.accessed.strftime('%Y/%m/%d/')}")
    if item.quote:
        lines.append(f"N1  - Passage: {_one_line(item.quote)}")
    lines.append("ER  - ")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ris(item: Citable) -> str:
    """RIS records (CRLF line ends, as the format asks): the item, then an event's documents."""
    records = [_ris_record(item), *(_ris_record(source) for source in item.sources)]
    return "\r\n".join(line for record in records for line in [*record, ""]) + "\r\n"
