"""Attributed claims and legal citations."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casebase.knowledge.models import Case, Citation, Claim, Entity

from .common import (
    EntityBriefSerializer,
    ExpandableMixin,
    SpanValidationMixin,
    partial_iso,
    passage_url,
)
from .strict import StrictModelSerializer, StrictSlugRelatedField


class ClaimSerializer(SpanValidationMixin, ExpandableMixin, StrictModelSerializer):
    """Who asserted what, where. ``about`` is null unless ``?expand=about``."""

    expandable = frozenset({"about"})

    speaker = EntityBriefSerializer(read_only=True, allow_null=True)
    speaker_slug = StrictSlugRelatedField(
        source="speaker",
        queryset=Entity.objects.all(),
        write_only=True,
        allow_null=True,
        required=False,
    )
    made = serializers.SerializerMethodField()
    about = serializers.SerializerMethodField()
    passage_url = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "document",
            "speaker",
            "speaker_slug",
            "speaker_text",
            "verb",
            "content",
            "quote",
            "sentence",
            "context",
            "start",
            "end",
            "made",
            "made_on",
            "made_precision",
            "under_oath",
            "about",
            "origin",
            "review_status",
            "passage_url",
            "created_at",
        ]
        read_only_fields = ["id", "created_at"]

    def get_made(self, obj: Claim) -> str | None:
        """When the claim was made, at its known precision."""
        return partial_iso(obj.made_on, obj.made_precision)

    @extend_schema_field(EntityBriefSerializer(many=True, allow_null=True))
    def get_about(self, obj: Claim) -> list[dict[str, Any]] | None:
        if not self.expanded("about"):
            return None
        return EntityBriefSerializer(obj.about.all(), many=True).data  # type: ignore[return-value]

    def get_passage_url(self, obj: Claim) -> str:
        """The claim's span in the document reader."""
        return passage_url(self.context, obj.document_id, obj.start, obj.end)


class CitationSerializer(SpanValidationMixin, StrictModelSerializer):
    case = StrictSlugRelatedField(
        queryset=Case.objects.all(),
        allow_null=True,
        required=False,
        help_text="The cited case, when casebase has it.",
    )

    class Meta:
        model = Citation
        fields = ["id", "document", "kind", "text", "normalized", "start", "end", "case"]
