"""Read-side queries for the browsable indexes: /documents/, /entities/, /cases/.

Each index takes a plain filters value (the web's filter forms build it from the query string,
so the URL is the shareable state) and returns an ordered, unevaluated QuerySet that the view
pages through. Empty fields mean "no restriction".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from casebase.knowledge.models import Case, Document, Entity, EntityAlias
from casebase.knowledge.models.querysets import HEAVY_DOCUMENT_FIELDS, Reader

DOCUMENT_LIGHT = tuple(
    name.removeprefix("document__") for name in HEAVY_DOCUMENT_FIELDS if name != "document__text"
)


@dataclass(frozen=True)
class DocumentFilters:
    q: str = ""  # words in the title or publisher
    kind: str = ""
    case: str = ""  # case slug
    source_kind: str = ""  # a SourceKind value, or "ungraded" for blank
    has_text: bool | None = None
    status: str = ""  # processing state (DocumentStatus)


UNGRADED = "ungraded"


def documents_index(filters: DocumentFilters, user: Reader) -> QuerySet[Document]:
    """Documents ``user`` may read matching ``filters``, newest first, light columns only
    (never the text)."""
    found = Document.objects.visible_to(user).select_related("case").defer("text", *DOCUMENT_LIGHT)
    for word in filters.q.split():
        found = found.filter(Q(title__icontains=word) | Q(publisher__icontains=word))
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.case:
        found = found.filter(case__slug=filters.case)
    if filters.source_kind == UNGRADED:
        found = found.filter(source_kind="")
    elif filters.source_kind:
        found = found.filter(source_kind=filters.source_kind)
    if filters.has_text is not None:
        found = found.exclude(text="") if filters.has_text else found.filter(text="")
    if filters.status:
        found = found.filter(status=filters.status)
    return found.order_by("-published_on", "title", "id")


@dataclass(frozen=True)
class EntityFilters:
    q: str = ""  # words in the name or an alias
    kind: str = ""
    origin: str = ""  # curated or extracted


def entities_index(filters: EntityFilters) -> QuerySet[Entity]:
    """Live (unmerged) entities matching ``filters`` (a word may be in the name or an alias),
    by name."""
    found = Entity.objects.filter(merged_into__isnull=True)
    for word in filters.q.split():
        aliases = EntityAlias.objects.filter(entity=OuterRef("pk"), alias__icontains=word)
        found = found.filter(Q(name__icontains=word) | Exists(aliases))
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.origin:
        found = found.filter(origin=filters.origin)
    return found.only("name", "slug", "kind", "description", "origin").order_by("name", "id")


@dataclass(frozen=True)
class CaseFilters:
    q: str = ""  # words in the caption, short name or docket number
    status: str = ""
    court: str = ""


def cases_index(filters: CaseFilters) -> QuerySet[Case]:
    """Cases matching ``filters``, most recently filed first, with their document counts."""
    found = Case.objects.all()
    for word in filters.q.split():
        found = found.filter(
            Q(caption__icontains=word)
            | Q(short_name__icontains=word)
            | Q(docket_number__icontains=word)
        )
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.court:
        found = found.filter(court=filters.court)
    return found.annotate(document_count=Count("documents")).order_by(
        "-filed_on", "short_name", "id"
    )


def courts() -> list[str]:
    """Every court a case is in, for the case index's court filter."""
    return list(Case.objects.order_by("court").values_list("court", flat=True).distinct())


def case_choices() -> list[tuple[str, str]]:
    return list(Case.objects.order_by("short_name").values_list("slug", "short_name"))


def no_documents() -> QuerySet[Document]:
    return Document.objects.none()


def no_entities() -> QuerySet[Entity]:
    return Entity.objects.none()


def no_cases() -> QuerySet[Case]:
    return Case.objects.none()
