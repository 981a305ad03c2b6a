"""The submission form every HTML door shares (the upload page, the admin's add form).

It only translates what was typed into a :class:`Submission`; the rules (one input, sizes,
types, URLs, dates, cases) are the submission service's, so its refusal is the one message shown.
"""

from __future__ import annotations

from typing import Any

from django import forms

from casebase.knowledge.models import Case, DocumentKind
from casebase.knowledge.services.ingestion import SubmissionMeta
from casebase.knowledge.services.submission import Submission, Upload, split_authors
from casebase.sources.refusals import limit_text


class SubmissionForm(forms.Form):
    """Exactly one of a file, pasted text or a URL, and what the submitter knows about it."""

    file = forms.FileField(required=False, allow_empty_file=True)
    text = forms.CharField(required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8}))
    url = forms.CharField(
        required=False,
        max_length=2000,
        label="URL",
        help_text="A public http:// or https:// address, fetched by the server.",
    )
    kind = forms.ChoiceField(choices=DocumentKind.choices, initial=DocumentKind.OTHER)
    title = forms.CharField(
        required=False,
        max_length=500,
        help_text="Optional: otherwise the file name, the page's title or the text's first line.",
    )
    publisher = forms.CharField(required=False, max_length=300)
    publisher_note = forms.CharField(
        required=False, max_length=500, help_text="E.g. 'aggregator summarising Semafor'."
    )
    source_url = forms.CharField(
        required=False,
        max_length=2000,
        label="Source URL",
        help_text="Where the file or text came from (a URL submission's source is the URL).",
    )
    published = forms.CharField(
        required=False,
        max_length=40,
        help_text="As precise as known: 2015, Feb 2018, 2018-02, 30 April 2026 or 2026-04-30.",
    )
    case = forms.ModelChoiceField(
        queryset=Case.objects.order_by("short_name"), required=False, to_field_name="slug"
    )
    docket_entry = forms.IntegerField(required=False, min_value=0)
    authors = forms.CharField(required=False, max_length=2000, help_text="Separated by semicolons.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"PDF, HTML, plain text or a JSON import, up to {limit_text()}."

    def submission(self) -> Submission:
        """The cleaned form as the submission service's input."""
        data = self.cleaned_data
        upload, case = data.get("file"), data.get("case")
        return Submission(
            file=Upload(upload.name or "", upload) if upload is not None else None,
            text=data.get("text") or None,
            url=data.get("url") or None,
            meta=SubmissionMeta(
                kind=data["kind"],
                title=data.get("title") or "",
                publisher=data.get("publisher") or "",
                publisher_note=data.get("publisher_note") or "",
                source_url=data.get("source_url") or "",
                published=data.get("published") or None,
                case_slug=case.slug if case else None,
                docket_entry=data.get("docket_entry"),
                authors=split_authors(data.get("authors") or ""),
            ),
        )
