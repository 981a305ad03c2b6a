"""The upload form: one of a file, pasted text or a URL, plus what the submitter knows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Case, DocumentKind


class UploadForm(forms.Form):
    file = forms.FileField(required=False, help_text="PDF, HTML, plain text or a JSON import.")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}))
    url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="URL",
        help_text="Fetched by the server (public addresses only).",
    )
    title = forms.CharField(required=False, max_length=500)
    kind = forms.ChoiceField(choices=DocumentKind.choices, initial=DocumentKind.OTHER)
    publisher = forms.CharField(required=False, max_length=300)
    publisher_note = forms.CharField(
        required=False, max_length=500, help_text="E.g. 'aggregator summarising Semafor'."
    )
    source_url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="Source URL",
        help_text="Where the file or text came from.",
    )
    published = forms.CharField(
        required=False, max_length=10, help_text="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known."
    )
    case = forms.ModelChoiceField(
        queryset=Case.objects.order_by("short_name"), required=False, to_field_name="slug"
    )
    docket_entry = forms.IntegerField(required=False, min_value=0)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.CASEBASE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {settings.CASEBASE_MAX_UPLOAD_BYTES // 1_000_000} MB."
            )
        return upload

    def clean_published(self) -> str:
        value = self.cleaned_data.get("published", "").strip()
        if value:
            try:
                PartialDate.parse(value)
            except ValueError as exc:
                raise forms.ValidationError(str(exc)) from exc
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("file", "text", "url") if data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError("Give exactly one of: a file, text, or a URL.")
        if data.get("text") and not data.get("title"):
            self.add_error("title", "Pasted text needs a title.")
        return data
