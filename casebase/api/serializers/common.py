"""Helpers shared by the serializers: expansions, web links, partial dates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import TextChoices
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import SourceKind


class ExpandableMixin:
    """Serializers whose ``expandable`` fields are null unless ``?expand=`` names them.

    The viewset puts the requested names in the context as ``expand``; a detail view expands all.
    """

    expandable: frozenset[str] = frozenset()

    def expanded(self, name: str) -> bool:
        context: dict[str, Any] = self.context  # type: ignore[attr-defined]
        return name in context.get("expand", frozenset())


@extend_schema_field(OpenApiTypes.URI)
class WebUrlField(serializers.Field):
    """The object's page in the web app, absolute when a request is at hand."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        path = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


def partial_iso(value: Any, precision: str | None) -> str | None:
    if value is None:
        return None
    return PartialDate.from_date(value, precision or "day").iso()


class EntityBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)


def blank_or(choices: type[TextChoices], help_text: str) -> serializers.ChoiceField:
    """A read-only choice that may be "" (a blank model field): DRF drops ``allow_blank`` on
    read-only fields, so the blank is a choice here and the schema says ``oneOf: [<Choices>Enum,
    BlankEnum]``."""
    return serializers.ChoiceField(
        choices=[("", "(blank)"), *choices.choices], read_only=True, help_text=help_text
    )


def source_kind_field() -> serializers.ChoiceField:
    return blank_or(SourceKind, "Kind of source (court_record, ...); '' when not graded yet.")


class DocumentBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    publisher = serializers.CharField(read_only=True)
    source_url = serializers.CharField(read_only=True)
    source_kind = source_kind_field()
    status = serializers.CharField(
        read_only=True, help_text="'reference': a citation record (no text yet)."
    )
    published = serializers.SerializerMethodField()
    web_url = WebUrlField()

    def get_published(self, obj: Any) -> str | None:
        return partial_iso(obj.published_on, obj.published_precision)


def normalize_to_period_start(value: Any, precision: str) -> Any:
    """Store a partial date as the first day of its period (2018-02-20 at month -> 2018-02-01)."""
    if value is None:
        return None
    if precision == "year":
        return value.replace(month=1, day=1)
    if precision == "month":
        return value.replace(day=1)
    return value


class SpanValidationMixin:
    """Serializers of a ``[start, end)`` span of a document's text: ``end`` after ``start``."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance = self.instance  # type: ignore[attr-defined]
        start = attrs.get("start", getattr(instance, "start", None))
        end = attrs.get("end", getattr(instance, "end", None))
        if start is not None and end is not None and end <= start:
            raise serializers.ValidationError({"end": ["end must be greater than start."]})
        return attrs


def passage_url(
    context: Mapping[str, Any], document_id: int, start: int | None, end: int | None
) -> str:
    """A span of a document in the web reader (the whole document when there is no span)."""
    path = reverse("web:document", kwargs={"pk": document_id})
    if start is not None:
        path += f"#span-{start}-{end}"
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path
