"""Read-side queries for the document reader."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from casebase.knowledge.models import (
    Citation,
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
)
from casebase.knowledge.models.querysets import Reader


@dataclass
class DocumentPage:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        """Events this document supports, in timeline order, each once."""
        seen: dict[int, Event] = {}
        for item in self.evidence:
            seen.setdefault(item.event_id, item.event)
        return sorted(seen.values(), key=lambda e: (e.date, e.partial_date.precision.rank, e.pk))

    @property
    def ocr_pages(self) -> list[dict[str, object]]:
        """The pages whose text OCR read, each ``{"page": n, "confidence": 0-100 or None}``."""
        extracted = (self.document.metadata or {}).get("extracted") or {}
        return [page for page in extracted.get("ocr") or [] if isinstance(page, dict)]

    @property
    def ocr_page_notes(self) -> dict[int, str]:
        """What the reader says on each page OCR read: "OCR, confidence 91%"."""
        notes: dict[int, str] = {}
        for page in self.ocr_pages:
            confidence = page.get("confidence")
            shown = f"{float(confidence):.0f}%" if isinstance(confidence, int | float) else "none"
            notes[int(str(page["page"]))] = f"OCR, confidence {shown}"
        return notes


def document_queryset(user: Reader) -> QuerySet[Document]:
    """The documents ``user`` may read (an upload awaiting review only when signed in)."""
    return Document.objects.visible_to(user).select_related("case").defer("search_vector")


def document_page(pk: int, user: Reader) -> DocumentPage | None:
    """A document with the spans ``user`` may read; a fixed number of queries whatever its
    size."""
    document = document_queryset(user).filter(pk=pk).first()
    if document is None:
        return None
    return DocumentPage(
        document=document,
        mentions=list(
            Mention.objects.filter(document=document, entity__in=Entity.objects.visible_to(user))
            .select_related("entity")
            .only("start", "end", "entity__slug", "entity__name", "entity__kind")
        ),
        claims=list(
            Claim.objects.visible_to(user)
            .filter(document=document)
            .select_related("speaker")
            .only("start", "end", "verb", "speaker_text", "speaker__name", "speaker__slug")
        ),
        citations=list(Citation.objects.filter(document=document).select_related("case")),
        evidence=list(
            Evidence.objects.visible_to(user)
            .filter(document=document)
            .select_related("event")
            .order_by("start", "id")
        ),
    )
