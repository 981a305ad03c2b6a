"""Viewsets for cases, threads, events, entities, mentions, claims and citations."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Citation,
    Claim,
    Entity,
    Event,
    Mention,
    Thread,
)
from casebase.knowledge.models.events import evidence_prefetch

from .. import filters, params
from ..pagination import EventCursorPagination, OldestFirstCursorPagination
from ..schema import with_example
from ..serializers.cases import CaseSerializer
from ..serializers.claims import CitationSerializer, ClaimSerializer
from ..serializers.entities import EntitySerializer, MentionSerializer
from ..serializers.events import EventSerializer, EventWriteSerializer, ThreadSerializer
from .base import CasebaseViewSet
from .history import HistoryMixin


def expand_parameter(options: frozenset[str]) -> OpenApiParameter:
    return OpenApiParameter(
        "expand",
        params.list_schema({"type": "string", "enum": sorted(options)}),
        style="form",
        explode=False,
        description="Comma-separated related objects to include (null otherwise): "
        + ", ".join(sorted(options))
        + ". Prefetched in one query each, whatever the page size.",
        examples=[OpenApiExample("Entities and evidence", value=",".join(sorted(options)))],
    )


EVENT_EXPANSIONS = frozenset({"entities", "evidence", "links"})


@extend_schema_view(
    list=extend_schema(
        summary="List timeline events",
        description=with_example(
            "Events in date order (cursor pages). Date filters take partial dates and match "
            "every event whose period overlaps the range. Rejected events are hidden unless an "
            "editor asks for review_status=rejected.",
            "Events involving xAI, 2023 through 2026",
            "/api/v1/events/?entity=xai&date_from=2023&date_to=2026&expand=evidence",
        ),
        parameters=[expand_parameter(EVENT_EXPANSIONS)],
    ),
    retrieve=extend_schema(
        summary="One event, with its entities, evidence (the supporting passages) and links"
    ),
    create=extend_schema(
        summary="Create an event (needs knowledge.add_event)",
        request=EventWriteSerializer,
        responses={201: EventSerializer},
        examples=[
            OpenApiExample(
                "A curated event",
                request_only=True,
                value={
                    "title": "Musk announces xAI",
                    "date": "2023-07-12",
                    "date_precision": "day",
                    "threads": ["corporate"],
                    "entities": ["elon-musk", "xai"],
                },
            )
        ],
    ),
    update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
)
class EventViewSet(HistoryMixin, CasebaseViewSet):
    """Dated happenings of the timeline, each backed by evidence in source documents."""

    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = filters.EventFilter
    pagination_class = EventCursorPagination
    search_fields = ["title", "summary"]
    ordering_fields = ["date", "title", "id", "updated_at"]
    ordering = ("date", "id")
    expandable = EVENT_EXPANSIONS

    def get_queryset(self) -> QuerySet[Event]:
        events = Event.objects.visible_to(self.reader).select_related("case")
        events = events.prefetch_related("threads")
        if "entities" in self.expansions:
            events = events.prefetch_related(
                Prefetch(
                    "entities", queryset=Entity.objects.visible_to(self.reader).order_by("name")
                )
            )
        if "evidence" in self.expansions:
            events = events.prefetch_related(evidence_prefetch())
        if "links" in self.expansions:
            events = events.with_links(self.reader)
        return events


@extend_schema_view(
    list=extend_schema(summary="List threads (timeline lanes) with their event counts"),
    retrieve=extend_schema(summary="One thread"),
)
class ThreadViewSet(HistoryMixin, CasebaseViewSet):
    """Storylines of the timeline, each drawn as one lane."""

    serializer_class = ThreadSerializer
    lookup_field = "slug"
    search_fields = ["name", "description"]
    ordering_fields = ["position", "name"]
    ordering = ("position", "name")

    def get_queryset(self) -> QuerySet[Thread]:
        return Thread.objects.annotate(event_count=Count("events"))


@extend_schema_view(
    list=extend_schema(
        summary="List entities with their aliases",
        description=with_example("", "Find xAI by an alias", "/api/v1/entities/?name=x.ai"),
    ),
    retrieve=extend_schema(summary="One entity, by slug"),
    create=extend_schema(summary="Create an entity (needs knowledge.add_entity)"),
)
class EntityViewSet(HistoryMixin, CasebaseViewSet):
    """People, organizations, courts, cases, laws, products and places."""

    serializer_class = EntitySerializer
    filterset_class = filters.EntityFilter
    lookup_field = "slug"
    search_fields = ["name", "aliases__alias", "description"]
    ordering_fields = ["name", "kind", "id", "updated_at"]
    ordering = ("name", "id")

    def get_queryset(self) -> QuerySet[Entity]:
        entities = Entity.objects.visible_to(self.reader)
        return entities.select_related("merged_into").prefetch_related("aliases")


@extend_schema_view(
    list=extend_schema(summary="List mentions (an entity named at a span of a document)"),
    retrieve=extend_schema(summary="One mention"),
)
class MentionViewSet(CasebaseViewSet):
    """Where documents name entities, as character offsets into the document's text."""

    serializer_class = MentionSerializer
    filterset_class = filters.MentionFilter
    pagination_class = OldestFirstCursorPagination
    search_fields = ["text"]
    ordering_fields = ["id", "start"]
    ordering = ("id",)

    def get_queryset(self) -> QuerySet[Mention]:
        entities = Entity.objects.visible_to(self.reader)
        return Mention.objects.filter(entity__in=entities).select_related("entity")


CLAIM_EXPANSIONS = frozenset({"about"})


@extend_schema_view(
    list=extend_schema(
        summary="List attributed claims",
        description=with_example(
            "",
            "Every claim Musk made under oath",
            "/api/v1/claims/?speaker=elon-musk&under_oath=true",
        ),
        parameters=[expand_parameter(CLAIM_EXPANSIONS)],
    ),
    retrieve=extend_schema(summary="One claim"),
)
class ClaimViewSet(HistoryMixin, CasebaseViewSet):
    """Who asserted what, in which document, at which span."""

    serializer_class = ClaimSerializer
    filterset_class = filters.ClaimFilter
    pagination_class = OldestFirstCursorPagination
    search_fields = ["content", "quote", "speaker_text"]
    ordering_fields = ["id", "made_on", "start"]
    ordering = ("id",)
    expandable = CLAIM_EXPANSIONS

    def get_queryset(self) -> QuerySet[Claim]:
        claims = Claim.objects.visible_to(self.reader).select_related("speaker")
        if "about" in self.expansions:
            about = Entity.objects.visible_to(self.reader)
            claims = claims.prefetch_related(Prefetch("about", queryset=about))
        return claims


@extend_schema_view(
    list=extend_schema(
        summary="List legal citations",
        description=with_example(
            "", "The citations in one order", "/api/v1/citations/?document=42&kind=docket"
        ),
    ),
    retrieve=extend_schema(summary="One citation"),
)
class CitationViewSet(CasebaseViewSet):
    """Case citations, docket numbers and statutes found in documents, normalized."""

    serializer_class = CitationSerializer
    filterset_class = filters.CitationFilter
    search_fields = ["text", "normalized"]
    ordering_fields = ["id", "start", "normalized"]
    ordering = ("document", "start", "id")

    def get_queryset(self) -> QuerySet[Citation]:
        return Citation.objects.select_related("case")


@extend_schema_view(
    list=extend_schema(summary="List court cases with their parties"),
    retrieve=extend_schema(summary="One case, by slug"),
)
class CaseViewSet(HistoryMixin, CasebaseViewSet):
    """Court cases: caption, court, docket, judges, parties, status."""

    serializer_class = CaseSerializer
    lookup_field = "slug"
    search_fields = ["caption", "short_name", "docket_number", "court"]
    ordering_fields = ["filed_on", "short_name", "id"]
    ordering = ("filed_on", "short_name", "id")
    filterset_class = filters.CaseFilter

    def get_queryset(self) -> QuerySet[Case]:
        parties = CaseParty.objects.select_related("entity")
        return Case.objects.prefetch_related(
            Prefetch("parties", queryset=parties), "judges", "related"
        )
