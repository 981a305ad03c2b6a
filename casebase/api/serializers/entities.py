"""Entities with their aliases, and mentions of them in documents."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework import serializers

from casebase.core.text_utils import normalize_name
from casebase.knowledge.models import Entity, EntityAlias, Mention

from .common import EntityBriefSerializer, SpanValidationMixin, WebUrlField
from .strict import StrictCharField, StrictModelSerializer, StrictSlugRelatedField


class AliasListField(serializers.ListField):
    """Aliases as a list of names, read from the (prefetched) related rows."""

    def to_representation(self, data: Any) -> list[str]:
        return [alias.alias for alias in data.all()]


class EntitySerializer(StrictModelSerializer):
    """An entity; ``aliases`` are the other names texts use for it (writable as a list)."""

    aliases = AliasListField(
        child=StrictCharField(max_length=300),
        required=False,
        help_text="Other names texts use for this entity.",
    )
    merged_into: Any = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    web_url = WebUrlField()

    class Meta:
        model = Entity
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "description",
            "origin",
            "aliases",
            "merged_into",
            "web_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "merged_into", "created_at", "updated_at"]

    def validate_aliases(self, value: list[str]) -> list[str]:
        unique: dict[str, str] = {}
        for alias in value:
            key = normalize_name(alias)
            if key:
                unique.setdefault(key, alias.strip())
        return list(unique.values())

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Entity:
        aliases = validated_data.pop("aliases", [])
        entity = super().create(validated_data)
        self._set_aliases(entity, aliases)
        return entity

    @transaction.atomic
    def update(self, instance: Entity, validated_data: dict[str, Any]) -> Entity:
        aliases = validated_data.pop("aliases", None)
        entity = super().update(instance, validated_data)
        if aliases is not None:
            entity.aliases.all().delete()
            self._set_aliases(entity, aliases)
        return entity

    @staticmethod
    def _set_aliases(entity: Entity, aliases: list[str]) -> None:
        for alias in aliases:
            EntityAlias.objects.create(entity=entity, alias=alias)
        if hasattr(entity, "_prefetched_objects_cache"):
            entity._prefetched_objects_cache.pop("aliases", None)


class MentionSerializer(SpanValidationMixin, StrictModelSerializer):
    entity = EntityBriefSerializer(read_only=True)
    entity_slug = StrictSlugRelatedField(
        source="entity", queryset=Entity.objects.all(), write_only=True
    )

    class Meta:
        model = Mention
        fields = ["id", "document", "entity", "entity_slug", "start", "end", "text"]
