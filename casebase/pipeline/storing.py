"""Persisting an Analysis: a document's mentions, claims, citations and events.

Every row it creates, changes or deletes is in the history (django-simple-history; bulk inserts
through ``record_created``), with the change reason the caller gives (``recorded_as``).

``store_analysis`` replaces the document's previous extraction in one transaction, so re-running
leaves identical counts, and the previous run's events and entities that nothing supports or
names any more are removed (services.orphans). What an editor reviewed survives: reviewed claims
and events are kept, matched again by fingerprint, and a rejected one is never re-created. An
extracted event that matches a curated event (same date and precision, overlapping entities)
becomes evidence for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify

from casebase.analysis.conflicts import MIN_QUOTE_WORDS, QuoteIndex, disagreements
from casebase.analysis.types import Analysis, FoundClaim, FoundEntity, FoundEvent
from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import normalize_name, text_fingerprint
from casebase.knowledge.history import delete_recorded, record_changed, record_created
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
    EventLink,
    Evidence,
    LinkKind,
    Mention,
    Origin,
    ReviewStatus,
)
from casebase.knowledge.models.choices import Confidence
from casebase.pipeline.orphans import (
    drop_orphan_entities,
    drop_unsupported_events,
    entities_of_documents,
)

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
    conflicts: int = 0  # contradicts links to curated events
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


class SharedReads:
    """Rows storing reads but never writes, read once for the documents of a task
    (``processing._store_jobs``) instead of once for each: the aliases of the names the task's
    analyses found, the cases with a docket number, the fingerprints of the documents' claims
    that an editor reviewed, and which documents hold quoted evidence without a span (the
    pipeline writes neither). Editors change them, rarely; a change made while a task stores
    shows from the next task on, as with ``CuratedEvents``. ``analyses``: the task's, by
    document id."""

    def __init__(self, analyses: Mapping[int, Analysis] | None = None) -> None:
        analyses = analyses or {}
        self._keys = {normalize_name(f.name) for a in analyses.values() for f in a.entities}
        self._documents = set(analyses)
        self._aliases: dict[str, Entity] | None = None
        self._cases: dict[str, Case] | None = None
        self._reviewed: dict[int, set[str]] | None = None
        self._spanless: set[int] | None = None

    def reviewed(self, document: Document) -> set[str]:
        """The fingerprints of ``document``'s claims an editor approved, edited or rejected."""
        if document.pk not in self._documents:
            claims = Claim.objects.filter(document=document, review_status__in=REVIEWED)
            return set(claims.values_list("fingerprint", flat=True))
        if self._reviewed is None:
            self._reviewed = {}
            reviewed = Claim.objects.filter(
                document__in=self._documents, review_status__in=REVIEWED
            )
            for document_id, fingerprint in reviewed.values_list("document_id", "fingerprint"):
                self._reviewed.setdefault(document_id, set()).add(fingerprint)
        return set(self._reviewed.get(document.pk, ()))

    def has_spanless_quotes(self, document: Document) -> bool:
        """Whether ``document`` may hold quoted evidence without a span (what
        ``evidence.locate_quoted_evidence`` looks for); True when it is not one of the task's."""
        if document.pk not in self._documents:
            return True
        if self._spanless is None:
            pending = Evidence.objects.filter(
                document__in=self._documents, start__isnull=True
            ).exclude(quote="")
            self._spanless = set(pending.values_list("document_id", flat=True))
        return document.pk in self._spanless

    def aliases(self, keys: set[str]) -> dict[str, Entity]:
        """The entity each of ``keys`` (``normalize_name``) is an alias of (the first alias by
        text, then by id); read for all the task's names on first use."""
        if self._aliases is None or not keys <= self._keys:
            self._keys |= keys
            self._aliases = {}
            rows = EntityAlias.objects.filter(normalized__in=self._keys).select_related("entity")
            for alias in rows.order_by("alias", "pk"):
                self._aliases.setdefault(alias.normalized, alias.entity)
        return {key: self._aliases[key] for key in keys if key in self._aliases}

    def cases(self) -> dict[str, Case]:
        """The cases with a docket number, by ``docket_key``."""
        if self._cases is None:
            cases = Case.objects.exclude(docket_number="")
            self._cases = {docket_key(c.docket_number): c for c in cases}
        return self._cases


class EntityResolver:
    """Maps found entities to Entity rows: by slug, then by name or alias, else creates one.

    Lookups are batched (three queries per document) and new entities are inserted together;
    an entity another worker created meanwhile under the same slug is reused, not duplicated.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, Entity] = {}
        self.by_slug: dict[str, Entity] = {}  # survivors of the slugs looked up, by slug
        self.created = 0

    def resolve_all(
        self, found: list[FoundEntity], shared: SharedReads | None = None
    ) -> list[Entity | None]:
        slugs = {f.slug for f in found if f.slug}
        lowered = {f.name.strip().lower() for f in found}
        keys = {normalize_name(f.name) for f in found}
        by_slug: dict[str, Entity] = {}
        by_name: dict[str, Entity] = {}
        # One query for both: the entities with one of the slugs or, lower-cased, the names.
        rows = Entity.objects.annotate(lname=Lower("name"))
        for row in rows.filter(Q(slug__in=slugs) | Q(lname__in=lowered)).order_by(
            "merged_into", "pk"
        ):
            if row.slug in slugs:
                by_slug[row.slug] = row
            if row.lname in lowered:
                by_name.setdefault(row.lname, row)
        self.by_slug.update({slug: entity.survivor() for slug, entity in by_slug.items()})
        by_alias = (shared or SharedReads()).aliases(keys)
        pending: dict[str, FoundEntity] = {}
        for item in found:
            key = normalize_name(item.name)
            entity: Entity | None = (
                (by_slug.get(item.slug) if item.slug else None)
                or self.by_key.get(key)
                or by_name.get(item.name.strip().lower())
                or by_alias.get(key)
            )
            if entity is not None:
                self.by_key.setdefault(key, entity.survivor())
            elif is_confident_name(item.name):
                pending.setdefault(key, item)
        self._create(pending)
        return [self.by_key.get(normalize_name(item.name)) for item in found]

    def _create(self, pending: dict[str, FoundEntity]) -> None:
        if not pending:
            return
        rows: dict[str, Entity] = {}
        keys_by_slug: dict[str, list[str]] = {}
        for key, item in pending.items():
            slug = (slugify(item.name) or "entity")[:300]
            kind = item.kind if item.kind in EntityKind.values else EntityKind.OTHER
            rows.setdefault(
                slug,
                Entity(
                    name=item.name.strip(),
                    slug=slug,
                    kind=kind,
                    origin=Origin.EXTRACTED,
                    review_status=ReviewStatus.EXTRACTED,
                ),
            )
            keys_by_slug.setdefault(slug, []).append(key)
        existing = set(Entity.objects.filter(slug__in=rows).values_list("slug", flat=True))
        Entity.objects.bulk_create(
            [row for slug, row in rows.items() if slug not in existing], ignore_conflicts=True
        )
        self.created += len(set(rows) - existing)
        stored = {e.slug: e for e in Entity.objects.filter(slug__in=rows)}
        record_created(Entity, [e for slug, e in stored.items() if slug not in existing])
        for slug, keys in keys_by_slug.items():
            entity = stored.get(slug)
            if entity is not None:
                for key in keys:
                    self.by_key[key] = entity.survivor()

    def by_name(self, name: str | None) -> Entity | None:
        return self.by_key.get(normalize_name(name)) if name else None


# --- clearing the previous extraction ---------------------------------------------------------


def clear_extraction(document: Document) -> None:
    """Remove the pipeline's previous output for ``document``; keep what editors reviewed."""
    Mention.objects.filter(document=document).delete()
    Citation.objects.filter(document=document).delete()
    delete_recorded(
        Claim.objects.filter(
            document=document, origin=Origin.EXTRACTED, review_status=ReviewStatus.EXTRACTED
        )
    )
    unreviewed = Q(event__origin=Origin.CURATED) | Q(event__review_status=ReviewStatus.EXTRACTED)
    evidence = Evidence.objects.filter(document=document, origin=Origin.EXTRACTED).filter(
        unreviewed
    )
    event_ids = set(evidence.values_list("event_id", flat=True))
    delete_recorded(evidence)
    # Unreviewed extracted events left with no evidence at all came only from this document.
    drop_unsupported_events(event_ids)


# --- claims, citations, events ----------------------------------------------------------------


def claim_fingerprint(claim: FoundClaim) -> str:
    return text_fingerprint(claim.speaker or "", claim.verb, claim.content or claim.sentence)


def _store_claims(
    document: Document,
    claims: Iterable[FoundClaim],
    resolver: EntityResolver,
    quotes: KnownQuotes | None = None,
    shared: SharedReads | None = None,
) -> int:
    seen = (shared or SharedReads()).reviewed(document)
    speakers = _speakers_by_slug(claims, resolver)
    rows: list[tuple[Claim, list[int]]] = []
    for found in claims:
        fingerprint = claim_fingerprint(found)
        if fingerprint in seen or found.end <= found.start:
            continue
        seen.add(fingerprint)  # one row per fingerprint and document
        speaker = speakers.get(found.speaker_slug or "") or resolver.by_name(found.speaker)
        claim = Claim(
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
            under_oath=found.under_oath,
            origin=Origin.EXTRACTED,
            fingerprint=fingerprint,
        )
        about = {e.pk for e in (resolver.by_name(n) for n in found.about) if e is not None}
        rows.append((claim, sorted(about)))
    stored = Claim.objects.bulk_create([claim for claim, _ in rows])
    through = Claim.about.through
    through.objects.bulk_create(
        [through(claim_id=claim.pk, entity_id=pk) for claim, about in rows for pk in about],
        ignore_conflicts=True,
    )
    linked = _link_misquotes(document, stored, quotes)
    # With the entities each is about and the claims it disputes (when there are any).
    held = {"about": any(about for _, about in rows), "contradicts": bool(linked)}
    record_created(Claim, stored, empty=[name for name, some in held.items() if not some])
    return len(rows)


class KnownQuotes:
    """The quotes of stored claims with their comparison keys (``analysis.conflicts.QuoteIndex``),
    read once for a task and then only the rows added since, so a task's documents do not each
    read and re-key every quote in the database."""

    def __init__(self) -> None:
        self.index: QuoteIndex[tuple[int, int]] = QuoteIndex()  # keys: (claim, document)
        self.last_pk = 0

    def conflicts(self, document: Document, claims: list[Claim]) -> set[tuple[int, int]]:
        """(new claim, known claim of another document) pairs that quote the same words
        differently; a known claim deleted or rejected since it was read is left out."""
        rows = list(
            Claim.objects.filter(pk__gt=self.last_pk)
            .exclude(quote="")
            .exclude(review_status=ReviewStatus.REJECTED)
            .order_by("pk")
            .values_list("pk", "document_id", "quote")
        )
        if rows:
            self.last_pk = rows[-1][0]
        self.index.add(((pk, document_id), quote) for pk, document_id, quote in rows)
        found = self.index.conflicts([(claim.pk, claim.quote) for claim in claims])
        pairs = {(mine, other) for mine, (other, where), _ in found if where != document.pk}
        if not pairs:
            return pairs
        current = Claim.objects.filter(pk__in={other for _, other in pairs}).exclude(
            review_status=ReviewStatus.REJECTED
        )
        alive = set(current.values_list("pk", flat=True))
        return {(mine, other) for mine, other in pairs if other in alive}


def _link_misquotes(
    document: Document, claims: list[Claim], quotes: KnownQuotes | None = None
) -> int:
    """``contradicts`` between each new claim and the claims of other documents that quote the
    same words differently (``analysis.conflicts``); both are shown with their sources. One
    query (the quotes added since ``quotes`` last read them), none when no new claim has a
    quote."""
    new = [claim for claim in claims if len(claim.quote.split()) >= MIN_QUOTE_WORDS]
    if not new:
        return 0
    pairs = (quotes or KnownQuotes()).conflicts(document, new)
    if not pairs:
        return 0
    through = Claim.contradicts.through
    through.objects.bulk_create(
        [through(from_claim_id=a, to_claim_id=b) for pair in pairs for a, b in (pair, pair[::-1])],
        ignore_conflicts=True,
    )
    record_changed(Claim, list(Claim.objects.filter(pk__in={other for _, other in pairs})))
    return len(pairs)


def _speakers_by_slug(claims: Iterable[FoundClaim], resolver: EntityResolver) -> dict[str, Entity]:
    """Speakers by slug: those the resolver fetched already, the rest in one query."""
    slugs = {c.speaker_slug for c in claims if c.speaker_slug}
    found = {slug: resolver.by_slug[slug] for slug in slugs & resolver.by_slug.keys()}
    missing = slugs - found.keys()
    if missing:
        found.update({e.slug: e.survivor() for e in Entity.objects.filter(slug__in=missing)})
    return found


def docket_key(docket: str) -> str:
    """ "4:24-cv-04722-YGR" and "24-cv-04722" both give "24-cv-04722"; "21-1298" stays."""
    text = docket.strip().lower().removeprefix("no.").strip()
    match = re.search(r"(\d{2})-([a-z]{1,4})-0*(\d{1,6})", text)
    if match:
        return f"{match[1]}-{match[2]}-{int(match[3]):05d}"
    return re.sub(r"\s+", "", text)


def _store_citations(
    document: Document, analysis: Analysis, shared: SharedReads | None = None
) -> int:
    """Citations with their case: a docket number's, a record reference's named docket's, or
    for a record reference that names none ("ECF No. 45") the citing document's case."""
    cases: dict[str, Case] = {}
    if any(c.kind == "docket" or c.docket for c in analysis.citations):
        cases = (shared or SharedReads()).cases()
    rows = []
    for found in analysis.citations:
        if found.end <= found.start:
            continue
        docket = found.normalized if found.kind == "docket" else found.docket
        case = cases.get(docket_key(docket)) if docket else None
        if found.kind == "record" and not docket:
            case = document.case
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


CONFLICT_WINDOW = dt.timedelta(days=92)  # a date this far from a curated one may be a dispute


_CURATED_FIELDS = ("id", "title", "summary", "date", "date_precision", "review_status")


class CuratedEvents:
    """Curated events (title, summary, date, review status) and their entities, read once in
    two queries on first use: every curated event when shared by the documents of one task
    (storing an analysis never changes them; it adds evidence, which ``CuratedAccounts`` still
    reads for each document), or only those linked to ``entity_ids`` for one document."""

    def __init__(self, entity_ids: set[int] | None = None) -> None:
        self._scope = entity_ids
        self._loaded = False
        self.entities: dict[int, set[int]] = {}
        self.events: list[Event] = []

    def load(self) -> CuratedEvents:
        if not self._loaded:
            links = Event.entities.through.objects.filter(event__origin=Origin.CURATED)
            if self._scope is not None:
                links = links.filter(entity_id__in=self._scope)
            for event_id, entity_id in links.values_list("event_id", "entity_id"):
                self.entities.setdefault(event_id, set()).add(entity_id)
            events = Event.objects.filter(origin=Origin.CURATED)
            if self._scope is not None:
                events = events.filter(pk__in=self.entities)
            self.events = list(events.order_by("pk").only(*_CURATED_FIELDS))
            self._loaded = True
        return self


class CuratedAccounts:
    """Curated events that share entities with a document's events, with what they say (title,
    summary, evidence quotes): what a new account is evidence for (``matching``) or may
    contradict (``disputed``). Three queries, whatever the number of events; one when the
    curated events were read for the task already (``curated``)."""

    def __init__(self, entity_ids: set[int], curated: CuratedEvents | None = None) -> None:
        curated = (curated or CuratedEvents(entity_ids)).load()
        self.entities: dict[int, set[int]] = {}
        for event_id, linked in curated.entities.items():
            shared = linked & entity_ids
            if shared:
                self.entities[event_id] = shared
        self.events = [e for e in curated.events if e.pk in self.entities]
        quotes = Evidence.objects.filter(
            event__in=[e.pk for e in self.events if e.review_status != ReviewStatus.REJECTED]
        ).values_list("event_id", "quote")
        self.texts: dict[int, list[str]] = {}
        for event_id, quote in quotes:
            self.texts.setdefault(event_id, []).append(quote)

    def matching(self, partial: PartialDate, entity_ids: set[int]) -> Event | None:
        """The curated event this account is evidence for: same date and precision, a shared
        entity (the first by id)."""
        key = (partial.start, partial.precision.value)
        return next(
            (
                event
                for event in self.events
                if (event.date, event.date_precision) == key
                and self.entities.get(event.pk, set()) & entity_ids
            ),
            None,
        )

    def disputed(
        self, sentence: str, partial: PartialDate, entity_ids: set[int], match: Event | None
    ) -> list[tuple[Event, str]]:
        """The curated events this account contradicts, each with what they disagree on."""
        found = []
        for event in self.events:
            if event.review_status == ReviewStatus.REJECTED:
                continue
            if not self.entities.get(event.pk, set()) & entity_ids:
                continue
            same_date = (event.date, event.date_precision) == (
                partial.start,
                partial.precision.value,
            )
            if not same_date and abs(event.date - partial.start) > CONFLICT_WINDOW:
                continue
            if match is not None and event.pk != match.pk:
                continue  # it matches a curated event: only that one can be disputed
            texts = [event.title, event.summary, *self.texts.get(event.pk, [])]
            iso = PartialDate.from_date(event.date, event.date_precision).iso()
            disputes = disagreements(sentence, partial.iso(), texts, iso, same_date=same_date)
            if disputes:
                found.append((event, "; ".join(d.describe() for d in disputes)))
        return found


class EventStore:
    """Stores a document's dated events with a handful of queries, whatever their number."""

    def __init__(
        self,
        document: Document,
        resolver: EntityResolver,
        counts: StoreCounts,
        curated: CuratedEvents | None = None,
    ) -> None:
        self.document, self.resolver, self.counts = document, resolver, counts
        self.curated = curated

    def store(self, events: list[FoundEvent]) -> None:
        dated = [(e, PartialDate.parse(e.date or "")) for e in events if e.date and e.end > e.start]
        if not dated:
            return
        fingerprints = [text_fingerprint(p.iso(), e.sentence) for e, p in dated]
        known = {
            e.fingerprint: e
            for e in Event.objects.filter(origin=Origin.EXTRACTED, fingerprint__in=fingerprints)
        }
        entity_ids = [
            {e.pk for e in map(self.resolver.by_name, found.entities) if e is not None}
            for found, _ in dated
        ]
        accounts = CuratedAccounts(set().union(*entity_ids), self.curated)
        evidence: list[tuple[Event, FoundEvent]] = []
        new: dict[str, tuple[Event, set[int]]] = {}
        conflicts: list[tuple[Event, Event, str]] = []
        for (found, partial), fingerprint, ids in zip(dated, fingerprints, entity_ids, strict=True):
            match = accounts.matching(partial, ids)
            disputes = accounts.disputed(found.sentence, partial, ids, match)
            if disputes:
                match = None  # a contradicting account is reviewed, not added as evidence
            event = match or known.get(fingerprint) or new.get(fingerprint, (None,))[0]
            if event is None:
                event = self._new_event(found, partial)
                new[fingerprint] = (event, ids)
            elif event.review_status == ReviewStatus.REJECTED:
                continue
            evidence.append((event, found))
            conflicts += [(event, other, note) for other, note in disputes]
        self._insert(new, evidence)
        self._link_conflicts(conflicts)

    def _link_conflicts(self, conflicts: list[tuple[Event, Event, str]]) -> None:
        """``contradicts`` links from each new account to the curated event it disputes."""
        links = {
            (event.pk, other.pk): EventLink(
                source=event, target=other, kind=LinkKind.CONTRADICTS, note=note[:1000]
            )
            for event, other, note in conflicts
            if event.pk != other.pk
        }
        if links:
            EventLink.objects.bulk_create(list(links.values()), ignore_conflicts=True)
            stored = EventLink.objects.filter(
                kind=LinkKind.CONTRADICTS,
                source_id__in={s for s, _ in links},
                target_id__in={t for _, t in links},
            )
            record_created(EventLink, [link for link in stored if link.history.count() == 0])
            self.counts.conflicts += len(links)

    def _new_event(self, found: FoundEvent, partial: PartialDate) -> Event:
        return Event(
            title=_title(found.sentence),
            summary=found.sentence,
            date=partial.start,
            date_precision=partial.precision.value,
            case=self.document.case,
            origin=Origin.EXTRACTED,
            review_status=ReviewStatus.EXTRACTED,
            confidence=Confidence.LOW,
            fingerprint=text_fingerprint(partial.iso(), found.sentence),
        )

    def _insert(
        self, new: dict[str, tuple[Event, set[int]]], evidence: list[tuple[Event, FoundEvent]]
    ) -> None:
        created = Event.objects.bulk_create([event for event, _ in new.values()])
        self.counts.events += len(new)
        through = Event.entities.through
        through.objects.bulk_create(
            [through(event_id=ev.pk, entity_id=pk) for ev, ids in new.values() for pk in ids],
            ignore_conflicts=True,
        )
        # With their entities; the pipeline never puts an event in a thread.
        held = any(ids for _, ids in new.values())
        record_created(Event, created, empty=["threads"] if held else ["threads", "entities"])
        # The spans the document's evidence holds already are left out here rather than by
        # the database (``ignore_conflicts``), so the new rows come back with their keys and
        # are not read again. The worker stores a document under its row lock
        # (processing.locked_if_mine): no other run adds its evidence meanwhile.
        spans = set(
            Evidence.objects.filter(document=self.document).values_list("event_id", "start", "end")
        )
        rows = []
        for event, found in evidence:
            span = (event.pk, found.start, found.end)
            if span not in spans:
                spans.add(span)
                rows.append(
                    Evidence(
                        event=event,
                        document=self.document,
                        start=found.start,
                        end=found.end,
                        quote=found.sentence,
                        origin=Origin.EXTRACTED,
                    )
                )
        self.counts.evidence += len(evidence)
        record_created(Evidence, Evidence.objects.bulk_create(rows))


def _title(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


# --- the entry point --------------------------------------------------------------------------


def store_analysis(
    document: Document,
    analysis: Analysis,
    *,
    first: bool = False,
    curated: CuratedEvents | None = None,
    quotes: KnownQuotes | None = None,
    shared: SharedReads | None = None,
) -> StoreCounts:
    """Replace ``document``'s extraction with ``analysis``, in one transaction. ``first`` says
    the pipeline has never stored anything for it (no ``pipeline_version`` yet): there is nothing
    to clear, and the six queries that would find nothing are skipped. ``curated``: the curated
    events read once for all the documents of a task (else read here); ``quotes``: the stored
    quotes, likewise (``KnownQuotes``); ``shared``: aliases and cases, likewise
    (``SharedReads``)."""
    counts = StoreCounts()
    # Inside the worker's per-document transaction (processing._finish_once) a savepoint of
    # its own would only cost two round trips: a failure here rolls that one back.
    with transaction.atomic(savepoint=False):
        named_before: set[int] = set()
        if not first:
            named_before = entities_of_documents([document.pk])
            clear_extraction(document)
        resolver = EntityResolver()
        entities = resolver.resolve_all(analysis.entities, shared)
        mentions = [
            Mention(document=document, entity=entity, start=m.start, end=m.end, text=m.text[:300])
            for found, entity in zip(analysis.entities, entities, strict=True)
            if entity is not None
            for m in found.mentions
            if m.end > m.start
        ]
        counts.mentions = len(Mention.objects.bulk_create(mentions, ignore_conflicts=True))
        counts.entities_created = resolver.created
        counts.claims = _store_claims(document, analysis.claims, resolver, quotes, shared)
        counts.citations = _store_citations(document, analysis, shared)
        EventStore(document, resolver, counts, curated).store(analysis.events)
        # Entities the previous run created that nothing names any more (this run reused the rest).
        drop_orphan_entities(named_before)
        counts.unresolved_events = [
            {"anchor": e.anchor, "start": e.start, "end": e.end}
            for e in analysis.events
            if not e.date
        ]
    return counts
