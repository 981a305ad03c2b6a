"""Document submission: exactly one of a file, a text or a URL, with metadata."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import serializers

from casebase.knowledge.models import DocumentKind
from casebase.knowledge.services.ingestion import SubmissionMeta

from ..errors import PayloadTooLarge

SOURCES = ("file", "text", "url")


class DocumentSubmissionSerializer(serializers.Serializer):
    file = serializers.FileField(
        required=False, help_text="A PDF, text, HTML or single-document JSON file (multipart)."
    )
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="Pasted plain text."
    )
    url = serializers.CharField(
        required=False,
        max_length=2000,
        help_text="A public http(s) URL to fetch (never a private or loopback address).",
    )
    kind = serializers.ChoiceField(choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    publisher_note = serializers.CharField(
        required=False, allow_blank=True, max_length=500, default=""
    )
    source_url = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        default="",
        help_text="Where the file or text was published.",
    )
    published = serializers.CharField(
        required=False,
        allow_null=True,
        max_length=10,
        default=None,
        help_text="Publication date at its known precision: 2026, 2026-05 or 2026-05-01.",
    )
    case = serializers.SlugField(
        required=False, allow_null=True, default=None, help_text="Slug of the case it belongs to."
    )
    docket_entry = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=10_000_000, default=None
    )
    authors = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        default=list,
        max_length=100,
    )

    def validate_file(self, value: Any) -> Any:
        limit = int(settings.CASEBASE_MAX_UPLOAD_BYTES)
        if value.size > limit:
            raise PayloadTooLarge(f"The file is {value.size} bytes; the limit is {limit} bytes.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        given = [name for name in SOURCES if attrs.get(name) not in (None, "")]
        if len(given) != 1:
            raise serializers.ValidationError(
                {"non_field_errors": ["Give exactly one of: file, text, url."]}
            )
        attrs["source"] = given[0]
        return attrs

    def meta(self) -> SubmissionMeta:
        data = self.validated_data
        return SubmissionMeta(
            kind=data["kind"],
            title=data["title"],
            publisher=data["publisher"],
            publisher_note=data["publisher_note"],
            source_url=data["source_url"],
            published=data["published"] or None,
            case_slug=data["case"] or None,
            docket_entry=data["docket_entry"],
            authors=list(data["authors"]),
        )
