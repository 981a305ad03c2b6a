"""The submission form every HTML door shares (the upload page, the admin's add form).

It only translates what was typed into a :class:`Submission`; the rules (one input, sizes,
types, URLs, dates, cases) are the submission service's, so its refusal is the one message shown.
"""

from __future__ import annotations

from typing import Any

from django import forms

from casebase.knowledge.models import Case, DocumentKind
from casebase.pipeline.submission import Submission, submission_from_fields
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
        return submission_from_fields(self.cleaned_data)
