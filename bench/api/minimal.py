"""Minimal DRF views over the same data as the benchmarked endpoints: plain serializers, the
same rows, none of the API's filters, expansions, ETags or export formats."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casebase.knowledge.models import Entity, Event, Evidence


class Ping(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        return Response({"ok": True})


class EventRow(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "summary",
            "date",
            "date_precision",
            "end_date",
            "origin",
            "review_status",
            "confidence",
        ]


class MinimalEventList(generics.ListAPIView):
    serializer_class = EventRow
    pagination_class = LimitOffsetPagination
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Event]:
        params = self.request.query_params
        return Event.objects.filter(
            entities__slug=params["entity"],
            date__gte=params["date_from"],
            date__lte=params["date_to"],
        ).order_by("date", "id")


class EntityRow(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "slug", "name", "kind", "description", "origin"]


class MinimalEntityDetail(generics.RetrieveAPIView):
    serializer_class = EntityRow
    lookup_field = "slug"
    queryset = Entity.objects.all()


class MinimalTimeline(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        rows = Event.objects.order_by("date", "id").values(
            "id", "title", "summary", "date", "date_precision", "end_date"
        )
        return Response({"events": list(rows)})


class MinimalTimelineWithSources(APIView):
    """The same information as the JSON export (events, threads, entities, sources), read with
    plain ``values()`` and nested by hand: what a minimal view must do to say as much."""

    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        events: list[dict[str, Any]] = [
            dict(row)
            for row in Event.objects.order_by("date", "id").values(
                "id",
                "title",
                "summary",
                "date",
                "date_precision",
                "end_date",
                "end_precision",
                "case__slug",
                "origin",
                "review_status",
                "confidence",
                "uncertainty_note",
            )
        ]
        extra: dict[int, dict[str, list[Any]]] = defaultdict(
            lambda: {"threads": [], "entities": [], "sources": []}
        )
        for event_id, slug in Event.threads.through.objects.values_list("event_id", "thread__slug"):
            extra[event_id]["threads"].append(slug)
        for event_id, name in Event.entities.through.objects.values_list(
            "event_id", "entity__name"
        ):
            extra[event_id]["entities"].append(name)
        for row in Evidence.objects.values(
            "event_id",
            "quote",
            "start",
            "end",
            "document_id",
            "document__title",
            "document__publisher",
            "document__published_on",
            "document__source_url",
        ):
            source: dict[str, Any] = dict(row)
            extra[source.pop("event_id")]["sources"].append(source)
        for event in events:
            event.update(extra.get(event["id"], {}))
        return Response({"count": len(events), "events": events})
