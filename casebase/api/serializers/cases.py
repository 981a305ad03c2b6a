"""Court cases and their parties."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from casebase.knowledge.models import Case, CaseParty

from .common import WebUrlField
from .strict import StrictModelSerializer


class CasePartySerializer(serializers.ModelSerializer):
    entity: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = CaseParty
        fields = ["entity", "name", "role", "note"]


class CaseSerializer(StrictModelSerializer):
    parties = CasePartySerializer(many=True, read_only=True)
    judges: Any = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    related: Any = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    web_url = WebUrlField()

    class Meta:
        model = Case
        fields = [
            "id",
            "slug",
            "caption",
            "short_name",
            "court",
            "docket_number",
            "judges",
            "judge_note",
            "filed_on",
            "closed_on",
            "status",
            "status_note",
            "claims_summary",
            "parties",
            "related",
            "web_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "judges", "parties", "related", "created_at", "updated_at"]
