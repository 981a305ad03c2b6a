"""Read-side queries for the entity page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from casebase.core.text_utils import normalize_name
from casebase.knowledge.models import (
    Claim,
    Document,
    Entity,
    EntityAlias,
    Event,
    Evidence,
    Mention,
)
from casebase.knowledge.models.events import EventQuerySet
from casebase.knowledge.models.querysets import HEAVY_DOCUMENT_FIELDS, Reader

LIST_LIMIT = 50
EVENT_LIMIT = 100
COOCCURRING_LIMIT = 20
DOCUMENT_LIGHT = tuple(name.removeprefix("document__") for name in HEAVY_DOCUMENT_FIELDS)


@dataclass
class EntityPage:
    entity: Entity
    events: list[Event]
    event_count: int
    event_base: QuerySet[Event]  # unordered, for the overview
    claims_by: list[Claim]
    claims_about: list[Claim]
    documents: list[Document]  # each with .mention_count, .supports_event, .named_in_title
    document_count: int
    cooccurring: list[Entity]  # each with .shared_documents


def entity_by_slug(slug: str, user: Reader = None) -> Entity | None:
    """The entity, if ``user`` may read it (``Entity.objects.visible_to``)."""
    return Entity.objects.visible_to(user).prefetch_related("aliases").filter(slug=slug).first()


def _claims(condition: Q, user: Reader) -> list[Claim]:
    claims = (
        Claim.objects.visible_to(user)
        .filter(condition)
        .with_row_details()
        .order_by("-made_on", "-id")
    )
    return list(claims[:LIST_LIMIT])


def entity_event_base(entity: Entity, user: Reader) -> EventQuerySet:
    return Event.objects.visible_to(user).filter(entities=entity)


def entity_events(entity: Entity, user: Reader) -> EventQuerySet:
    return entity_event_base(entity, user).timeline_order().prefetch_related("threads")


MIN_TITLE_NAME = 3  # shorter names and aliases are not looked for in titles


def _named_in_title(entity: Entity) -> Q:
    names = {entity.name, *(alias.alias for alias in entity.aliases.all())}
    condition = Q(pk__in=[])
    for name in sorted(n.strip() for n in names if len(n.strip()) >= MIN_TITLE_NAME):
        condition |= Q(title__icontains=name)
    return condition


def entity_documents(entity: Entity, user: Reader) -> QuerySet[Document]:
    """Every document that mentions ``entity`` (extracted mentions), supports one of its events
    that ``user`` may read (evidence), or names it in its title (a citation record's only
    words): citation records included, each annotated with how it relates, most mentions
    first."""
    mentions = (
        Mention.objects.filter(document=OuterRef("pk"), entity=entity)
        .order_by()
        .values("document")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # Uncorrelated ``IN`` subqueries: PostgreSQL hashes each once, where a correlated ``EXISTS``
    # re-ran the visibility rule for every document (1.7 s instead of ~20 ms on bench/web).
    mentioned = Q(pk__in=Mention.objects.filter(entity=entity).values("document_id"))
    supports = Q(
        pk__in=Evidence.objects.filter(event__in=entity_event_base(entity, user)).values(
            "document_id"
        )
    )
    named = _named_in_title(entity)
    return (
        Document.objects.visible_to(user)
        .filter(mentioned | supports | named)
        .annotate(
            mention_count=Coalesce(Subquery(mentions, output_field=IntegerField()), Value(0)),
            supports_event=ExpressionWrapper(supports, output_field=BooleanField()),
            named_in_title=ExpressionWrapper(named, output_field=BooleanField()),
        )
        .order_by("-mention_count", "-supports_event", "-published_on", "id")
        .defer(*DOCUMENT_LIGHT)
    )


def entity_page(entity: Entity, user: Reader) -> EntityPage:
    """Everything the entity page shows to ``user``: a fixed number of queries, lists capped."""
    events = entity_events(entity, user)
    documents = entity_documents(entity, user)
    cooccurring = (
        Entity.objects.visible_to(user)
        .filter(merged_into__isnull=True, mentions__document__mentions__entity=entity)
        .exclude(pk=entity.pk)
        .annotate(shared_documents=Count("mentions__document", distinct=True))
        .order_by("-shared_documents", "name")
    )
    return EntityPage(
        entity=entity,
        events=list(events[:EVENT_LIMIT]),
        event_count=events.count(),
        event_base=entity_event_base(entity, user),
        claims_by=_claims(Q(speaker=entity), user),
        claims_about=_claims(Q(about=entity), user),
        documents=list(documents[:LIST_LIMIT]),
        document_count=documents.count(),
        cooccurring=list(cooccurring[:COOCCURRING_LIMIT]),
    )


SUGGESTION_LIMIT = 10


def entities_named(values: Iterable[str]) -> dict[str, Entity]:
    """Each value that is an entity's slug, name or alias (case- and accent-insensitive) -> the
    live entity it names (a merged entity's survivor). A value naming no entity is left out."""
    wanted = {value: normalize_name(value) for value in values if value.strip()}
    if not wanted:
        return {}
    keys = set(wanted.values())
    by_slug = {e.slug: e for e in Entity.objects.filter(slug__in=list(wanted))}
    if all(value in by_slug for value in wanted):  # the usual case: slugs from a link or a form
        return {value: entity.survivor() for value, entity in by_slug.items()}
    by_key: dict[str, Entity] = {}
    named = Entity.objects.filter(_name_iexact(v.strip() for v in wanted)).order_by(
        "merged_into", "pk"
    )
    for entity in named:
        by_key.setdefault(normalize_name(entity.name), entity)
    aliases = EntityAlias.objects.filter(normalized__in=keys).select_related("entity")
    for alias in aliases.order_by("entity__merged_into", "entity_id"):
        by_key.setdefault(alias.normalized, alias.entity)
    found: dict[str, Entity] = {}
    for value, key in wanted.items():
        match = by_slug.get(value) or by_key.get(key)
        if match is not None:
            found[value] = match.survivor()
    return found


def _name_iexact(keys: Iterable[str]) -> Q:
    condition = Q(pk__in=[])
    for key in keys:
        condition |= Q(name__iexact=key)
    return condition


@dataclass(frozen=True)
class Suggestion:
    slug: str
    name: str
    kind: str
    matched: str  # the alias that matched, when it was not the name


def suggest_entities(text: str, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
    """Live entities whose name or an alias contains ``text`` (every word of it), names that
    start with it first, then by name: the timeline's entity field asks as the reader types."""
    words = text.split()
    if not words:
        return []
    found = Entity.objects.filter(merged_into__isnull=True)
    for word in words:
        aliases = EntityAlias.objects.filter(entity=OuterRef("pk"), alias__icontains=word)
        found = found.filter(Q(name__icontains=word) | Exists(aliases))
    starts = Case(When(name__istartswith=text.strip(), then=0), default=1)
    rows = list(
        found.annotate(starts=starts)
        .order_by("starts", "name", "pk")
        .prefetch_related("aliases")
        .only("slug", "name", "kind")[:limit]
    )
    out = []
    for entity in rows:
        matched = ""
        if not all(word.casefold() in entity.name.casefold() for word in words):
            matched = next(
                (
                    a.alias
                    for a in entity.aliases.all()
                    if all(w.casefold() in a.alias.casefold() for w in words)
                ),
                "",
            )
        out.append(Suggestion(entity.slug, entity.name, entity.get_kind_display(), matched))
    return out
