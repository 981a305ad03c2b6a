"""What a citation of a document, a passage or an event says, read from the database
(``casebase.exports.citations`` formats it as text, CSL-JSON and RIS)."""

from __future__ import annotations

import bisect
import datetime as dt

from casebase.core.partial_dates import PartialDate
from casebase.exports.citations import COURT_RECORD, REPORTING, WEB_PAGE, Citable
from casebase.knowledge.models import Document, DocumentKind, Event, SourceKind

COURT_KINDS = {
    DocumentKind.COMPLAINT,
    DocumentKind.MOTION,
    DocumentKind.ORDER,
    DocumentKind.OPINION,
    DocumentKind.TRANSCRIPT,
}
COURT_SOURCES = {SourceKind.COURT_RECORD, SourceKind.TRANSCRIPT}


def is_court_record(document: Document) -> bool:
    """Graded a court record or transcript, or (ungraded) a filing kind that belongs to a case."""
    if document.source_kind:
        return document.source_kind in COURT_SOURCES
    return document.kind in COURT_KINDS and document.case_id is not None


def page_of(document: Document, offset: int) -> int | None:
    """The page ``offset`` is on (``page_offsets[i]`` starts page i + 1), if pages are known."""
    if not document.page_offsets:
        return None
    return max(bisect.bisect_right(document.page_offsets, offset), 1)


def document_citable(
    document: Document,
    base: str,
    accessed: dt.date,
    span: tuple[int, int] | None = None,
) -> Citable:
    """The document (or the passage ``span`` of it, with its page and quoted text), cited;
    ``base`` is the site's scheme and host, for the permalink."""
    permalink = base + document.get_absolute_url()
    key = f"casebase-document-{document.pk}"
    page, quote = None, ""
    if span is not None:
        start, end = span
        permalink += f"#span-{start}-{end}"
        key += f"-{start}-{end}"
        page = page_of(document, start) if document.page_offsets else None
        quote = document.text[start:end]
    date = (
        PartialDate.from_date(document.published_on, document.published_precision)
        if document.published_on
        else None
    )
    case = document.case if document.case_id else None
    return Citable(
        style=COURT_RECORD if is_court_record(document) else REPORTING,
        title=document.title,
        permalink=permalink,
        accessed=accessed,
        key=key,
        date=date,
        authors=tuple(str(name) for name in document.authors or ()),
        publisher=document.publisher,
        source_url=document.source_url,
        case_name=case.caption if case else "",
        court=case.court if case else "",
        docket_number=case.docket_number if case else "",
        docket_entry=document.docket_entry,
        page=page,
        quote=quote,
    )


def event_citable(event: Event, base: str, accessed: dt.date, with_sources: bool = True) -> Citable:
    """The event's page on casebase, with (``with_sources``) the documents its evidence comes
    from (the ``evidence`` prefetch of ``Event.objects.with_details``)."""
    documents: dict[int, Document] = {}
    for evidence in event.evidence.all() if with_sources else ():
        documents.setdefault(evidence.document_id, evidence.document)
    return Citable(
        style=WEB_PAGE,
        title=event.title,
        permalink=base + event.get_absolute_url(),
        accessed=accessed,
        key=f"casebase-event-{event.pk}",
        date=event.partial_date,
        sources=tuple(document_citable(d, base, accessed) for d in documents.values()),
    )
