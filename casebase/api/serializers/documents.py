"""Documents: their metadata, processing status and (on the detail) text."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.reverse import reverse

from casebase.knowledge.models import Case, Document, FetchFailure

from .common import WebUrlField, blank_or, partial_iso, source_kind_field
from .strict import (
    HTTP_URL,
    StrictCharField,
    StrictModelSerializer,
    StrictSlugRelatedField,
)


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    source_url = serializers.CharField(read_only=True, help_text="Where it was published, or ''.")
    case: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    published = serializers.SerializerMethodField()
    web_url = WebUrlField()
    source_kind = source_kind_field()
    fetch_failure = blank_or(FetchFailure, "Why the last fetch failed ('' when it did not).")

    class Meta:
        model = Document
        fields = [
            "id",
            "url",
            "web_url",
            "kind",
            "source_kind",
            "title",
            "source_url",
            "publisher",
            "publisher_note",
            "authors",
            "published",
            "published_on",
            "published_precision",
            "case",
            "docket_entry",
            "review_status",
            "status",
            "error",
            "fetch_status",
            "fetch_failure",
            "fetch_error",
            "fetch_attempts",
            "fetched_at",
            "next_fetch_at",
            "original_name",
            "media_type",
            "size_bytes",
            "language",
            "attempts",
            "queued_at",
            "started_at",
            "finished_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_url(self, obj: Document) -> str:
        """This document in the API: poll it for ``status`` and ``error``."""
        request = self.context.get("request")
        return reverse("v1:document-detail", kwargs={"pk": obj.pk}, request=request)

    def get_published(self, obj: Document) -> str | None:
        """Publication date at its known precision."""
        return partial_iso(obj.published_on, obj.published_precision)


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "page_offsets", "metadata", "timings"]
        read_only_fields = fields


class DocumentUpdateSerializer(StrictModelSerializer):
    """Edit a document's metadata (not its text: reprocess for that)."""

    case = StrictSlugRelatedField(queryset=Case.objects.all(), allow_null=True, required=False)
    source_url = StrictCharField(
        allow_blank=True,
        required=False,
        max_length=2000,
        validators=[RegexValidator(HTTP_URL, "Enter an http:// or https:// address.")],
        help_text="Where it was published (http or https), or ''.",
    )
    authors = serializers.ListField(
        child=StrictCharField(max_length=300), required=False, max_length=100
    )

    class Meta:
        model = Document
        fields = [
            "kind",
            "source_kind",
            "title",
            "source_url",
            "publisher",
            "publisher_note",
            "authors",
            "published_on",
            "published_precision",
            "case",
            "docket_entry",
        ]
