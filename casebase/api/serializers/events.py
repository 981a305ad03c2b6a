"""Events, their evidence and links; threads."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Case, Entity, Event, EventLink, Evidence, Thread

from .common import (
    DocumentBriefSerializer,
    EntityBriefSerializer,
    ExpandableMixin,
    WebUrlField,
    normalize_to_period_start,
    partial_iso,
    passage_url,
)
from .strict import COLOR, StrictModelSerializer, StrictSlugRelatedField


class ThreadSerializer(StrictModelSerializer):
    event_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Thread
        fields = ["id", "slug", "name", "description", "position", "color", "event_count"]
        extra_kwargs = {"color": {"validators": [RegexValidator(COLOR, "Use #rrggbb.")]}}


class EvidenceSerializer(serializers.ModelSerializer):
    document = DocumentBriefSerializer(read_only=True)
    passage_url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "document", "start", "end", "quote", "note", "origin", "passage_url"]

    def get_passage_url(self, obj: Evidence) -> str:
        """The supporting passage in the document reader."""
        return passage_url(self.context, obj.document_id, obj.start, obj.end)


class LinkSerializer(serializers.ModelSerializer):
    source_title = serializers.CharField(source="source.title", read_only=True)
    target_title = serializers.CharField(source="target.title", read_only=True)

    class Meta:
        model = EventLink
        fields = ["id", "source", "source_title", "kind", "target", "target_title", "note"]


class EventLinksSerializer(serializers.Serializer):
    outgoing = LinkSerializer(many=True, read_only=True)
    incoming = LinkSerializer(many=True, read_only=True)


class EventSerializer(ExpandableMixin, serializers.ModelSerializer):
    """An event. ``entities``, ``evidence`` and ``links`` are null unless expanded."""

    expandable = frozenset({"entities", "evidence", "links"})

    partial_date = serializers.SerializerMethodField()
    date_display = serializers.SerializerMethodField()
    period_end = serializers.SerializerMethodField()
    threads: Any = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    case: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    entities = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()
    web_url = WebUrlField()

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "summary",
            "date",
            "date_precision",
            "end_date",
            "end_precision",
            "partial_date",
            "date_display",
            "period_end",
            "threads",
            "case",
            "origin",
            "review_status",
            "confidence",
            "uncertainty_note",
            "entities",
            "evidence",
            "links",
            "web_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_partial_date(self, obj: Event) -> str:
        """The date at its known precision: 2015, 2018-02 or 2026-04-30."""
        return partial_iso(obj.date, obj.date_precision) or ""

    def get_date_display(self, obj: Event) -> str:
        return obj.date_display

    def get_period_end(self, obj: Event) -> str:
        """Last day the event may cover (end of its end date's, or its date's, period)."""
        if obj.end_date:
            return _period_last_day(obj.end_date, obj.end_precision)
        return _period_last_day(obj.date, obj.date_precision)

    @extend_schema_field(EntityBriefSerializer(many=True, allow_null=True))
    def get_entities(self, obj: Event) -> list[dict[str, Any]] | None:
        if not self.expanded("entities"):
            return None
        return EntityBriefSerializer(obj.entities.all(), many=True).data  # type: ignore[return-value]

    @extend_schema_field(EvidenceSerializer(many=True, allow_null=True))
    def get_evidence(self, obj: Event) -> list[dict[str, Any]] | None:
        if not self.expanded("evidence"):
            return None
        return EvidenceSerializer(  # type: ignore[return-value]
            obj.evidence.all(), many=True, context=self.context
        ).data

    @extend_schema_field(EventLinksSerializer(allow_null=True))
    def get_links(self, obj: Event) -> dict[str, Any] | None:
        if not self.expanded("links"):
            return None
        return {
            "outgoing": LinkSerializer(obj.links_out.all(), many=True).data,
            "incoming": LinkSerializer(obj.links_in.all(), many=True).data,
        }


def _period_last_day(value: Any, precision: str) -> str:
    return PartialDate.from_date(value, precision).end.isoformat()


class EventWriteSerializer(StrictModelSerializer):
    """Create or edit an event: threads, case and entities by slug; dates as the first day of
    their period (a month-precision 2018-02-20 is stored as 2018-02-01)."""

    threads = StrictSlugRelatedField(many=True, queryset=Thread.objects.all(), required=False)
    case = StrictSlugRelatedField(queryset=Case.objects.all(), allow_null=True, required=False)
    entities = StrictSlugRelatedField(many=True, queryset=Entity.objects.all(), required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "date",
            "date_precision",
            "end_date",
            "end_precision",
            "threads",
            "case",
            "entities",
            "origin",
            "review_status",
            "confidence",
            "uncertainty_note",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Event | None = self.instance
        precision = attrs.get("date_precision", instance.date_precision if instance else "day")
        end_precision = attrs.get("end_precision", instance.end_precision if instance else "day")
        if "date" in attrs:
            attrs["date"] = normalize_to_period_start(attrs["date"], precision)
        if attrs.get("end_date") is not None:
            attrs["end_date"] = normalize_to_period_start(attrs["end_date"], end_precision)
        date = attrs.get("date", instance.date if instance else None)
        end_date = attrs.get("end_date", instance.end_date if instance else None)
        if date and end_date and end_date < date:
            raise serializers.ValidationError({"end_date": ["The end is before the start."]})
        return attrs


__all__ = [
    "EventSerializer",
    "EventWriteSerializer",
    "EvidenceSerializer",
    "LinkSerializer",
    "ThreadSerializer",
]
