"""A row's history (``/api/v1/<resource>/<id>/history/``): read-only shapes for the schema."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class FieldChangeSerializer(serializers.Serializer[Any]):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    date = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    user = serializers.CharField(help_text="Username; empty for the pipeline or a command.")
    reason = serializers.CharField(help_text='E.g. "pipeline analysis-1.14", "Review: Approved".')
    changes = FieldChangeSerializer(many=True, help_text="Field by field, for a change.")


class HistorySerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    results = HistoryEntrySerializer(many=True)
