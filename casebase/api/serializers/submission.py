"""Document submission: exactly one of a file, a text or a URL, with metadata.

The serializer only checks types and translates the request into a ``Submission``; the
submission service decides what is accepted and its refusal is the message the API returns."""

from __future__ import annotations

from rest_framework import serializers

from casebase.knowledge.models import DocumentKind
from casebase.pipeline.submission import Submission, submission_from_fields

from .strict import StrictCharField, StrictIntegerField, StrictSlugField


class DocumentSubmissionSerializer(serializers.Serializer):
    file = serializers.FileField(
        required=False,
        allow_empty_file=True,
        help_text="A PDF, text, HTML or single-document JSON file (multipart).",
    )
    # whitespace-only text is refused by the submission service, in the web form's words
    text = StrictCharField(required=False, blank_means_empty=False, help_text="Pasted plain text.")
    url = StrictCharField(
        required=False,
        max_length=2000,
        help_text="A public http(s) URL to fetch (never a private or loopback address).",
    )
    kind = serializers.ChoiceField(choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = StrictCharField(required=False, allow_blank=True, max_length=500)
    publisher = StrictCharField(required=False, allow_blank=True, max_length=300)
    publisher_note = StrictCharField(required=False, allow_blank=True, max_length=500)
    source_url = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Where the file or text was published.",
    )
    published = StrictCharField(
        required=False,
        allow_null=True,
        max_length=40,
        default=None,
        help_text="Publication date at its known precision: 2026, 2026-05, 2026-05-01, "
        "Feb 2018 or 30 April 2026.",
    )
    case = StrictSlugField(
        required=False, allow_null=True, default=None, help_text="Slug of the case it belongs to."
    )
    docket_entry = StrictIntegerField(
        required=False, allow_null=True, min_value=0, max_value=10_000_000, default=None
    )
    authors = serializers.ListField(
        child=StrictCharField(max_length=300),
        required=False,
        default=list,
        max_length=100,
    )

    def submission(self) -> Submission:
        """The validated request as the submission service's input."""
        return submission_from_fields(self.validated_data)
