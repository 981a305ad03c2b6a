"""Persisting an Analysis: a document's mentions, claims, citations and events.

``store_analysis`` replaces the document's previous extraction in one transaction, so re-running
leaves identical counts. What an editor reviewed survives: reviewed claims and events are kept,
matched again by fingerprint, and a rejected one is never re-created. An extracted event that
matches a curated event (same date and precision, overlapping entities) becomes evidence for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q
from django.utils.text import slugify

from casebase.analysis.types import Analysis, FoundClaim, FoundEntity, FoundEvent
from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import normalize_name, text_fingerprint
from casebase.knowledge.models import (
    Case,
    Citation,
    Claim,
    ClaimVerb,
    Document,
    Entity,
    EntityAlias,
    EntityKind,
    Event,
    Evidence,
    Mention,
    Origin,
    ReviewStatus,
)
from casebase.knowledge.models.choices import Confidence

REVIEWED = (ReviewStatus.APPROVED, ReviewStatus.EDITED, ReviewStatus.REJECTED)
_WELL_FORMED = re.compile(r"^\w[\w.&'’,\- ]*[\w.)]$")
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
    "the court", "the judge", "the company", "the plaintiff", "the defendant", "the witness",
}  # fmt: skip
TITLE_LENGTH = 160


@dataclass
class StoreCounts:
    mentions: int = 0
    entities_created: int = 0
    claims: int = 0
    citations: int = 0
    events: int = 0
    evidence: int = 0
    unresolved_events: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "unresolved_events"}


def is_confident_name(name: str) -> bool:
    """A well-formed proper name: 2 to 80 characters, at most 8 words, a capital letter in it
    ("xAI", "eBay" pass), starting with a capital or digit unless it is one word, not junk."""
    name = name.strip()
    if not 2 <= len(name) <= 80 or len(name.split()) > 8:
        return False
    if normalize_name(name) in _NOT_NAMES or not any(ch.isalpha() for ch in name):
        return False
    if not any(ch.isupper() for ch in name) or "\n" in name:
        return False
    if not (name[0].isupper() or name[0].isdigit()) and " " in name:
        return False
    return bool(_WELL_FORMED.match(name))


# --- entities ---------------------------------------------------------------------------------


class EntityResolver:
    """Maps found entities to Entity rows: by slug, then by name or alias, else creates one."""

    def __init__(self) -> None:
        self.by_key: dict[str, Entity] = {}
        self.created = 0

    def _lookup(self, name: str) -> Entity | None:
        key = normalize_name(name)
        if key in self.by_key:
            return self.by_key[key]
        entity = (
            Entity.objects.filter(name__iexact=name.strip()).order_by("merged_into", "pk").first()
        )
        if entity is None:
            alias = EntityAlias.objects.filter(normalized=key).select_related("entity").first()
            entity = alias.entity if alias else None
        if entity is not None:
            entity = entity.survivor()
            self.by_key[key] = entity
        return entity

    def resolve(self, found: FoundEntity) -> Entity | None:
        if found.slug:
            entity = Entity.objects.filter(slug=found.slug).first()
            if entity is not None:
                entity = entity.survivor()
                self.by_key[normalize_name(found.name)] = entity
                return entity
        entity = self._lookup(found.name)
        if entity is not None or not is_confident_name(found.name):
            return entity
        kind = found.kind if found.kind in EntityKind.values else EntityKind.OTHER
        entity = Entity.objects.create(
            name=found.name.strip(),
            slug=_unique_slug(found.name),
            kind=kind,
            origin=Origin.EXTRACTED,
        )
        self.created += 1
        self.by_key[normalize_name(found.name)] = entity
        return entity

    def by_name(self, name: str | None) -> Entity | None:
        return self.by_key.get(normalize_name(name)) if name else None


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "entity")[:300]
    slug, counter = base, 2
    while Entity.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


# --- clearing the previous extraction ---------------------------------------------------------


def clear_extraction(document: Document) -> None:
    """Remove the pipeline's previous output for ``document``; keep what editors reviewed."""
    Mention.objects.filter(document=document).delete()
    Citation.objects.filter(document=document).delete()
    Claim.objects.filter(
        document=document, origin=Origin.EXTRACTED, review_status=ReviewStatus.EXTRACTED
    ).delete()
    unreviewed = Q(event__origin=Origin.CURATED) | Q(event__review_status=ReviewStatus.EXTRACTED)
    Evidence.objects.filter(document=document, origin=Origin.EXTRACTED).filter(unreviewed).delete()
    # Unreviewed extracted events left with no evidence at all came only from this document.
    Event.objects.filter(origin=Origin.EXTRACTED, review_status=ReviewStatus.EXTRACTED).annotate(
        n=Count("evidence")
    ).filter(n=0).delete()


# --- claims, citations, events ----------------------------------------------------------------


def claim_fingerprint(claim: FoundClaim) -> str:
    return text_fingerprint(claim.speaker or "", claim.verb, claim.content or claim.sentence)


def _store_claims(
    document: Document, claims: Iterable[FoundClaim], resolver: EntityResolver
) -> int:
    reviewed = set(
        Claim.objects.filter(document=document, review_status__in=REVIEWED).values_list(
            "fingerprint", flat=True
        )
    )
    stored = 0
    for found in claims:
        fingerprint = claim_fingerprint(found)
        if fingerprint in reviewed or found.end <= found.start:
            continue
        reviewed.add(fingerprint)  # one row per fingerprint and document
        speaker = _speaker(found, resolver)
        claim = Claim.objects.create(
            document=document,
            speaker=speaker,
            speaker_text=(found.speaker or "")[:300],
            verb=found.verb if found.verb in ClaimVerb.values else ClaimVerb.OTHER,
            content=found.content or found.sentence,
            quote=found.quote or "",
            sentence=found.sentence,
            context=found.context or "",
            start=found.start,
            end=found.end,
            under_oath=found.verb in (ClaimVerb.TESTIFIED, ClaimVerb.ANSWERED),
            origin=Origin.EXTRACTED,
            fingerprint=fingerprint,
        )
        about = [e for e in (resolver.by_name(n) for n in found.about) if e is not None]
        if about:
            claim.about.set({e.pk for e in about})
        stored += 1
    return stored


def _speaker(found: FoundClaim, resolver: EntityResolver) -> Entity | None:
    if found.speaker_slug:
        entity = Entity.objects.filter(slug=found.speaker_slug).first()
        if entity is not None:
            return entity.survivor()
    return resolver.by_name(found.speaker)


def docket_key(docket: str) -> str:
    """ "4:24-cv-04722-YGR" and "24-cv-04722" both give "24-cv-04722"; "21-1298" stays."""
    text = docket.strip().lower().removeprefix("no.").strip()
    match = re.search(r"(\d{2})-([a-z]{1,4})-0*(\d{1,6})", text)
    if match:
        return f"{match[1]}-{match[2]}-{int(match[3]):05d}"
    return re.sub(r"\s+", "", text)


def _store_citations(document: Document, analysis: Analysis) -> int:
    cases = {docket_key(c.docket_number): c for c in Case.objects.exclude(docket_number="")}
    rows = []
    for found in analysis.citations:
        if found.end <= found.start:
            continue
        case = cases.get(docket_key(found.normalized)) if found.kind == "docket" else None
        rows.append(
            Citation(
                document=document,
                kind=found.kind,
                text=found.text[:500],
                normalized=found.normalized[:300],
                start=found.start,
                end=found.end,
                case=case,
            )
        )
    return len(Citation.objects.bulk_create(rows, ignore_conflicts=True))


def _event_entities(found: FoundEvent, resolver: EntityResolver) -> set[int]:
    return {e.pk for e in (resolver.by_name(name) for name in found.entities) if e is not None}


def _store_event(
    document: Document, found: FoundEvent, resolver: EntityResolver, counts: StoreCounts
) -> None:
    partial = PartialDate.parse(found.date or "")
    precision = partial.precision.value
    entity_ids = _event_entities(found, resolver)
    evidence = {"start": found.start, "end": found.end, "quote": found.sentence}
    curated = None
    if entity_ids:
        curated = (
            Event.objects.filter(
                origin=Origin.CURATED,
                date=partial.start,
                date_precision=precision,
                entities__in=entity_ids,
            )
            .order_by("pk")
            .first()
        )
    if curated is not None:
        _add_evidence(curated, document, evidence, counts)
        return
    fingerprint = text_fingerprint(partial.iso(), found.sentence)
    event = Event.objects.filter(origin=Origin.EXTRACTED, fingerprint=fingerprint).first()
    if event is not None and event.review_status == ReviewStatus.REJECTED:
        return
    if event is None:
        event = Event.objects.create(
            title=_title(found.sentence),
            summary=found.sentence,
            date=partial.start,
            date_precision=precision,
            case=document.case,
            origin=Origin.EXTRACTED,
            review_status=ReviewStatus.EXTRACTED,
            confidence=Confidence.LOW,
            fingerprint=fingerprint,
        )
        if entity_ids:
            event.entities.set(entity_ids)
        counts.events += 1
    _add_evidence(event, document, evidence, counts)


def _add_evidence(
    event: Event, document: Document, span: dict[str, object], counts: StoreCounts
) -> None:
    _, created = Evidence.objects.get_or_create(
        event=event,
        document=document,
        start=span["start"],
        end=span["end"],
        defaults={"quote": span["quote"], "origin": Origin.EXTRACTED},
    )
    counts.evidence += int(created)


def _title(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


# --- the entry point --------------------------------------------------------------------------


def store_analysis(document: Document, analysis: Analysis) -> StoreCounts:
    """Replace ``document``'s extraction with ``analysis``, in one transaction."""
    counts = StoreCounts()
    with transaction.atomic():
        clear_extraction(document)
        resolver = EntityResolver()
        mentions = []
        for found in analysis.entities:
            entity = resolver.resolve(found)
            if entity is None:
                continue
            mentions.extend(
                Mention(
                    document=document, entity=entity, start=m.start, end=m.end, text=m.text[:300]
                )
                for m in found.mentions
                if m.end > m.start
            )
        counts.mentions = len(Mention.objects.bulk_create(mentions, ignore_conflicts=True))
        counts.entities_created = resolver.created
        counts.claims = _store_claims(document, analysis.claims, resolver)
        counts.citations = _store_citations(document, analysis)
        for event in analysis.events:
            if event.date and event.end > event.start:
                _store_event(document, event, resolver, counts)
            else:
                counts.unresolved_events.append(
                    {"anchor": event.anchor, "start": event.start, "end": event.end}
                )
    return counts
