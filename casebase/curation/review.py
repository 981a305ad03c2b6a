"""The review queue: extracted claims and events wait here until an editor decides.

Machine-made items are not published until an editor approves them (the rule is
``visible_to`` in ``casebase/knowledge/models/querysets.py``). An editor approves, rejects or
edits each item, or approves everything a document brought at once (``document_batch`` is the
preview, ``approve_document`` the action). The decision (``review_status``,
``reviewed_by``, ``reviewed_at``) stays on the row; re-processing a document matches extracted
items by ``fingerprint`` and so keeps decided items and never brings a rejected one back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import (
    CharField,
    Expression,
    F,
    IntegerField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, NullIf, Substr
from django.utils import timezone

from casebase.knowledge.history import record_changed
from casebase.knowledge.models import (
    Claim,
    Document,
    Entity,
    Event,
    EventLink,
    Evidence,
    LinkKind,
    Mention,
    Origin,
    ReviewStatus,
)

PASSAGE_CONTEXT = 160
DECISIONS = (ReviewStatus.APPROVED, ReviewStatus.REJECTED)

M = TypeVar("M", bound=Model)


def _slice(text: str, start: Any, length: Any) -> Expression:
    """``text[start:start + length]`` in SQL (Substr counts from 1)."""
    return Substr(text, start + Value(1), length)


def _passage_parts(text: str, start: str, end: str, context: int) -> dict[str, Expression]:
    """Annotations for the passage at ``[start:end]`` of ``text``, with context either side."""
    begin = Greatest(F(start) - Value(context), Value(0), output_field=IntegerField())
    return {
        "passage_before": _slice(text, begin, F(start) - begin),
        "passage": _slice(text, F(start), F(end) - F(start)),
        "passage_after": _slice(text, F(end), Value(context)),
    }


def with_claim_passages(claims: QuerySet[Claim], context: int = PASSAGE_CONTEXT) -> QuerySet[Claim]:
    """Claims with ``passage_before``, ``passage`` and ``passage_after`` cut out of their
    document's text by the database (so a page of claims never loads whole documents)."""
    return claims.annotate(**_passage_parts("document__text", "start", "end", context))


def with_first_passage(
    items: QuerySet[M], first: QuerySet[Any], fallback: str, context: int = PASSAGE_CONTEXT
) -> QuerySet[M]:
    """``items`` with the passage of their ``first`` related row (its span in its document,
    else its ``fallback`` text), plus ``evidence_document_id`` and ``evidence_document_title``."""
    spans = first.filter(start__isnull=False)
    parts = _passage_parts("document__text", "start", "end", context)
    annotations: dict[str, Any] = {
        name: Subquery(spans.annotate(part=expr).values("part")[:1], output_field=CharField())
        for name, expr in parts.items()
    }
    text = Subquery(first.values(fallback)[:1], output_field=CharField())
    annotations["passage"] = Coalesce(NullIf(annotations["passage"], Value("")), text)
    annotations["evidence_document_id"] = Subquery(first.values("document_id")[:1])
    annotations["evidence_document_title"] = Subquery(first.values("document__title")[:1])
    return items.annotate(**annotations)


def with_event_passages(events: QuerySet[Event], context: int = PASSAGE_CONTEXT) -> QuerySet[Event]:
    """Events with the passage of their first evidence (its span in the document, else its
    quote), plus ``evidence_document_id`` and ``evidence_document_title``."""
    first = Evidence.objects.filter(event=OuterRef("pk")).order_by("pk")
    return with_first_passage(events, first, "quote", context)


def pending_claims() -> QuerySet[Claim]:
    """Extracted claims awaiting review, oldest document first, with their passages."""
    claims = Claim.objects.filter(review_status=ReviewStatus.EXTRACTED).select_related(
        "document", "speaker"
    )
    return with_claim_passages(claims.defer("document__text", "document__metadata"))


DOCUMENT_OPENING = 300  # characters of an upload's text shown in the queue


def pending_documents() -> QuerySet[Document]:
    """Uploaded documents awaiting review (not public yet), oldest first, with the opening of
    their text as the passage."""
    return (
        Document.objects.filter(review_status=ReviewStatus.EXTRACTED)
        .annotate(passage=Substr("text", 1, DOCUMENT_OPENING))
        .only("pk", "title", "kind", "publisher", "status", "created_at")
        .order_by("created_at", "pk")
    )


def pending_events() -> QuerySet[Event]:
    """Extracted events awaiting review, in timeline order, with their passages; one that
    contradicts a curated event is flagged (``disputes``: what they disagree on, and
    ``disputed_id``, ``disputed_title``: the curated event)."""
    events = Event.objects.filter(review_status=ReviewStatus.EXTRACTED).select_related("case")
    disputes = EventLink.objects.filter(
        source=OuterRef("pk"), kind=LinkKind.CONTRADICTS, target__origin=Origin.CURATED
    ).order_by("pk")
    events = events.annotate(
        disputes=Subquery(disputes.values("note")[:1]),
        disputed_id=Subquery(disputes.values("target_id")[:1]),
        disputed_title=Subquery(disputes.values("target__title")[:1]),
    )
    return with_event_passages(events)


def pending_entities() -> QuerySet[Entity]:
    """Entities the pipeline created that await review, by name, with their first mention."""
    entities = Entity.objects.filter(review_status=ReviewStatus.EXTRACTED, merged_into=None)
    first = Mention.objects.filter(entity=OuterRef("pk")).order_by("pk")
    return with_first_passage(entities, first, "text")


@dataclass
class DocumentBatch:
    """What a document brought that awaits review: the preview of "approve all"."""

    document: Document
    events: list[Event]
    claims: list[Claim]
    entities: list[Entity]

    @property
    def document_pending(self) -> bool:
        """The document itself awaits review (an upload): approving all publishes it too."""
        return self.document.review_status == ReviewStatus.EXTRACTED

    @property
    def total(self) -> int:
        own = 1 if self.document_pending else 0
        return own + len(self.events) + len(self.claims) + len(self.entities)


def document_batch(document: Document) -> DocumentBatch:
    """The events its evidence supports, its claims and the entities it names, awaiting review."""
    pending = ReviewStatus.EXTRACTED
    events = Event.objects.filter(review_status=pending, evidence__document=document)
    entities = Entity.objects.filter(review_status=pending, mentions__document=document)
    return DocumentBatch(
        document=document,
        events=list(events.distinct().order_by("date", "id")),
        claims=list(
            Claim.objects.filter(review_status=pending, document=document).order_by("start")
        ),
        entities=list(entities.distinct().order_by("name")),
    )


def approve_document(document: Document, user: Any) -> DocumentBatch:
    """Approve everything ``document`` brought that awaits review; returns what was approved."""
    batch = document_batch(document)
    with transaction.atomic():
        own: list[Document] = [batch.document] if batch.document_pending else []
        for model, items in (
            (Document, own),
            (Event, batch.events),
            (Claim, batch.claims),
            (Entity, batch.entities),
        ):
            decide(
                model._default_manager.filter(pk__in=[i.pk for i in items]),
                ReviewStatus.APPROVED,
                user,
            )
    return batch


def decide(items: QuerySet[M], decision: str, user: Any) -> int:
    """Approve or reject every item of ``items`` (claims, events, entities or documents);
    returns how many. Each decision is in the item's history, with its reviewer."""
    if decision not in DECISIONS:
        raise ValueError(f"not a review decision: {decision!r}")
    rows = list(items)
    for row in rows:
        set_decision(row, decision, user)  # type: ignore[arg-type]
    reviewer = user if user is not None and user.is_authenticated else None
    fields = ["review_status", "reviewed_by", "reviewed_at"]
    with transaction.atomic():
        items.model._default_manager.bulk_update(rows, fields)
        # with the relations each row holds (simple-history's bulk_update_with_history records
        # none, so the next change would seem to add them all)
        record_changed(
            items.model, rows, user=reviewer, reason=f"Review: {ReviewStatus(decision).label}."
        )
        if decision == ReviewStatus.APPROVED:
            publish_sources(items.model, [row.pk for row in rows], user)
    return len(rows)


def publish_sources(model: type[Model], pks: list[Any], user: Any) -> int:
    """Approve the uploads awaiting review that approved or edited events or claims were read
    from: a public fact links to its source, so the source goes public with it. Returns how
    many documents were approved."""
    if model is Event:
        sources = Evidence.objects.filter(event__in=pks).values("document")
    elif model is Claim:
        sources = Claim.objects.filter(pk__in=pks).values("document")
    else:
        return 0
    pending = Document.objects.filter(pk__in=sources, review_status=ReviewStatus.EXTRACTED)
    return decide(pending, ReviewStatus.APPROVED, user) if pending.exists() else 0


def set_decision(item: Claim | Event | Entity | Document, status: str, user: Any) -> None:
    """Record ``status`` on one item, by ``user``, now; without saving (the caller saves it
    with whatever else changed). Setting it back to "extracted" clears the reviewer."""
    item.review_status = ReviewStatus(status)
    if status == ReviewStatus.EXTRACTED:
        item.reviewed_by, item.reviewed_at = None, None
        return
    item.reviewed_by = user if user is not None and user.is_authenticated else None
    item.reviewed_at = timezone.now()


def mark_edited(item: Claim | Event | Entity, user: Any) -> None:
    """Record that an editor corrected an extracted item: it counts as reviewed ("edited")."""
    set_decision(item, ReviewStatus.EDITED, user)
