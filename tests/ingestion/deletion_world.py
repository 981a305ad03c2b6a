"""A document to delete and everything the deletion rule decides about, for every entry point.

Names and dates are made up for the tests; they are not facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from casebase.knowledge.models import (
    Citation,
    Claim,
    Document,
    Entity,
    Event,
    EventLink,
    Evidence,
    Mention,
)
from casebase.pipeline.intake import SubmissionMeta, ingest_text
from tests import factories

TEXT = "Alice Example testified on 3 May 2024 that Beta Labs copied the model of Gamma Corp."
OTHER_TEXT = "Beta Labs denied on 4 May 2024 that it copied anything from Gamma Corp at all."


@dataclass
class DeletionWorld:
    document: Document  # the one to delete, with a stored original
    other: Document
    only_here: Event  # extracted, awaiting review, evidence only from ``document``: goes
    approved: Event  # extracted and approved, evidence only from ``document``: kept, with a note
    rejected: Event  # extracted and rejected, only from ``document``: kept (never comes back)
    shared: Event  # extracted, awaiting review, evidence from both documents: kept
    curated: Event  # curated, evidence only from ``document``: kept, with a note
    curated_elsewhere: Event  # curated, evidence from ``other`` only: untouched
    lonely: Entity  # extracted, mentioned only in ``document``: goes
    speaker: Entity  # extracted, only the speaker of a claim in ``document``: goes
    on_gone_event: Entity  # extracted, only on ``only_here``'s entities: goes
    shared_entity: Entity  # extracted, mentioned in both documents: kept
    described: Entity  # extracted, only in ``document``, but an editor described it: kept
    on_kept_event: Entity  # extracted, only in ``document``, on the approved event: kept
    curated_entity: Entity  # curated, mentioned only in ``document``: kept

    @property
    def original_path(self) -> Path:
        return Path(settings.MEDIA_ROOT) / self.document.original.name


def _entity(slug: str, origin: str = "extracted", **fields: str) -> Entity:
    return factories.EntityFactory(
        name=slug.title(), slug=slug, kind="other", origin=origin, **fields
    )


def _event(title: str, **fields: object) -> Event:
    defaults: dict[str, object] = {"origin": "extracted", "review_status": "extracted"}
    return factories.EventFactory(title=title, on="2024-05-03", **{**defaults, **fields})


def _mention(document: Document, entity: Entity, start: int = 0) -> None:
    factories.MentionFactory(document=document, entity=entity, start=start, end=start + 5, text="x")


def make_deletion_world() -> DeletionWorld:
    meta = SubmissionMeta(kind="news_article", title="To be deleted")
    document = ingest_text(TEXT, meta, enqueue=False).document
    other_meta = SubmissionMeta(kind="news_article", title="Kept")
    other = ingest_text(OTHER_TEXT, other_meta, enqueue=False).document
    Document.objects.filter(pk__in=[document.pk, other.pk]).update(status="done")
    document.refresh_from_db()
    for item in (document, other):
        item.text = TEXT if item is document else OTHER_TEXT
        item.save(update_fields=["text"])

    only_here = _event("Only here")
    approved = _event("Approved", review_status="approved", uncertainty_note="Date unsure.")
    rejected = _event("Rejected", review_status="rejected")
    shared = _event("Shared")
    curated = _event("Curated", origin="curated", review_status="approved")
    curated_elsewhere = _event("Curated elsewhere", origin="curated", review_status="approved")
    for event in (only_here, approved, rejected, shared):
        factories.EvidenceFactory(
            event=event, document=document, start=0, end=10, origin="extracted"
        )
    factories.EvidenceFactory(event=curated, document=document, quote="Alice Example testified")
    factories.EvidenceFactory(event=shared, document=other, start=0, end=10, origin="extracted")
    factories.EvidenceFactory(event=curated_elsewhere, document=other)
    factories.EventLinkFactory(source=curated, target=only_here, kind="related")
    factories.EventLinkFactory(source=approved, target=curated, kind="follows_from")

    lonely = _entity("lonely")
    speaker = _entity("speaker")
    on_gone_event = _entity("on-gone-event")
    shared_entity = _entity("shared-entity")
    described = _entity("described", description="An editor wrote this.")
    on_kept_event = _entity("on-kept-event")
    curated_entity = _entity("curated-entity", origin="curated")
    for offset, entity in enumerate((lonely, shared_entity, described, on_kept_event)):
        _mention(document, entity, offset * 10)
    _mention(document, curated_entity, 50)
    _mention(other, shared_entity)
    only_here.entities.add(on_gone_event)
    approved.entities.add(on_kept_event)

    for status in ("approved", "extracted"):
        factories.ClaimFactory(
            document=document,
            speaker=speaker,
            content="Beta Labs copied the model",
            start=0,
            end=40,
            origin="extracted",
            review_status=status,
        )
    factories.CitationFactory(
        document=document, kind="other", text="x", normalized="x", start=1, end=2
    )
    return DeletionWorld(
        document,
        other,
        only_here,
        approved,
        rejected,
        shared,
        curated,
        curated_elsewhere,
        lonely,
        speaker,
        on_gone_event,
        shared_entity,
        described,
        on_kept_event,
        curated_entity,
    )


def _exists(row: Event | Entity) -> bool:
    return type(row).objects.filter(pk=row.pk).exists()


def assert_rule_applied(world: DeletionWorld) -> None:
    """The rule of docs/models.md ("Deleting a document"), row by row."""
    document = world.document
    assert not Document.objects.filter(pk=document.pk).exists()
    assert Document.objects.filter(pk=world.other.pk).exists()
    for model in (Mention, Claim, Citation, Evidence):
        assert not model.objects.filter(document_id=document.pk).exists(), model.__name__

    assert not _exists(world.only_here)
    assert not EventLink.objects.filter(target_id=world.only_here.pk).exists()
    for kept in (world.approved, world.rejected, world.shared, world.curated):
        assert _exists(kept), kept.title
    assert EventLink.objects.filter(source=world.approved, target=world.curated).exists()
    for orphaned in (world.approved, world.rejected, world.curated):
        orphaned.refresh_from_db()
        assert "To be deleted" in orphaned.uncertainty_note, orphaned.title
        assert "was deleted" in orphaned.uncertainty_note
    assert world.approved.uncertainty_note.startswith("Date unsure.")  # kept, note appended
    assert world.approved.review_status == "approved"
    for supported in (world.shared, world.curated_elsewhere):
        supported.refresh_from_db()
        assert supported.uncertainty_note == ""
        assert supported.evidence.count() == 1

    for gone in (world.lonely, world.speaker, world.on_gone_event):
        assert not _exists(gone), gone.slug
    for kept_entity in (
        world.shared_entity,
        world.described,
        world.on_kept_event,
        world.curated_entity,
    ):
        assert _exists(kept_entity), kept_entity.slug
