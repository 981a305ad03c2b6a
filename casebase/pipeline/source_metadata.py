"""What a fetched or uploaded source says about itself (title, publisher, authors, canonical
URL), and the rule for using it: it replaces only what nobody chose.

A title typed by a user or set by the corpus (``metadata.title_source`` "user" or "corpus") is
never replaced; a title guessed from a URL or a file name is, by the page's own title (HTML:
trafilatura's title; PDF: the document information's title when it is a real one, else the
heading a court paper prints on its first page). Publisher
and authors only fill blanks. The fields filled this way are listed in
``metadata.filled_from_source`` (so ``load_corpus`` keeps them), and a replaced URL-derived title
is kept in ``metadata.citation_title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from casebase.knowledge.models import Document
from casebase.text.headings import first_page_heading
from casebase.text.types import ExtractedText

CURATED_TITLE_SOURCES = {"user", "corpus"}
_JUNK_PDF_TITLE = re.compile(
    r"^(?:microsoft word|untitled|document\d*$|pdf$)|\.(?:docx?|wpd|pdf|rtf)$", re.IGNORECASE
)


@dataclass(frozen=True)
class SourceMetadata:
    title: str = ""
    title_from: str = ""  # "html" or "pdf"
    publisher: str = ""
    authors: list[str] = field(default_factory=list)
    canonical_url: str = ""


def source_metadata(extracted: ExtractedText) -> SourceMetadata:
    """The metadata ``extracted`` carries (see ``text.html`` and ``text.pdf``)."""
    found: dict[str, Any] = extracted.metadata or {}
    if extracted.media_type == "text/html":
        return SourceMetadata(
            title=_clean(found.get("title")),
            title_from="html",
            publisher=_clean(found.get("sitename"))[:300],
            authors=_authors(found.get("author")),
            canonical_url=_clean(found.get("url")),
        )
    if extracted.media_type == "application/pdf":
        info = found.get("pdf") or {}
        title = _clean(info.get("title"))
        if _JUNK_PDF_TITLE.search(title) or sum(ch.isalpha() for ch in title) < 4:
            title = first_page_heading(extracted.text, extracted.page_offsets)
        return SourceMetadata(title=title, title_from="pdf", authors=_authors(info.get("author")))
    return SourceMetadata()


def apply_source_metadata(
    document: Document, found: SourceMetadata, metadata: dict[str, Any]
) -> None:
    """Use ``found`` on ``document`` where allowed (module doc); updates ``metadata``."""
    filled = set(metadata.get("filled_from_source", []))
    title_source = metadata.get("title_source", "user")
    replace_title = title_source not in CURATED_TITLE_SOURCES and (
        found.title_from == "html" or title_source == "url"
    )
    if found.title and replace_title and found.title != document.title:
        if title_source == "url":
            metadata.setdefault("citation_title", document.title)
        document.title = found.title[:500]
        metadata["title_source"] = found.title_from
        filled.add("title")
    if found.publisher and not document.publisher:
        document.publisher = found.publisher
        filled.add("publisher")
    if found.authors and not document.authors:
        document.authors = found.authors
        filled.add("authors")
    if found.canonical_url:
        metadata["canonical_url"] = found.canonical_url
    if filled:
        metadata["filled_from_source"] = sorted(filled)


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def _authors(value: Any) -> list[str]:
    return [name.strip() for name in _clean(value).split(";") if name.strip()][:20]
