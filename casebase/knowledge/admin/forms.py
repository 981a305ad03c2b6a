"""Admin forms: partial dates typed naturally, and the document submission form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from casebase.core.partial_dates import PartialDate, parse_natural
from casebase.knowledge.models import Case, DocumentKind, Event

DATE_HELP = "A year (2015), a month (Feb 2018, 2018-02) or a day (30 April 2026, 2026-04-30)."


class PartialDateField(forms.CharField):
    """A text field that cleans to a PartialDate: "2015", "Feb 2018", "30 April 2026"..."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATE_HELP)
        kwargs.setdefault("widget", forms.TextInput(attrs={"maxlength": 40, "size": 20}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> PartialDate | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_natural(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error

    def prepare_value(self, value: Any) -> Any:
        return value.display() if isinstance(value, PartialDate) else value


def partial_initial(date: Any, precision: str | None) -> str:
    return PartialDate.from_date(date, precision or "day").display() if date else ""


class EventForm(forms.ModelForm):
    """The event form: "when" and "until" replace the date and precision pairs."""

    when = PartialDateField(label="Date")
    until = PartialDateField(label="Until", required=False, help_text="Optional end. " + DATE_HELP)

    class Meta:
        model = Event
        exclude = ["date", "date_precision", "end_date", "end_precision"]  # noqa: DJ006

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk:
            self.initial.setdefault("when", partial_initial(event.date, event.date_precision))
            self.initial.setdefault("until", partial_initial(event.end_date, event.end_precision))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        when, until = data.get("when"), data.get("until")
        if when and until and until.start < when.start:
            self.add_error("until", "The end cannot come before the start.")
        return data

    def save(self, commit: bool = True) -> Event:
        event: Event = super().save(commit=False)
        when, until = self.cleaned_data["when"], self.cleaned_data.get("until")
        event.date, event.date_precision = when.start, when.precision.value
        event.end_date = until.start if until else None
        event.end_precision = until.precision.value if until else "day"
        if commit:
            event.save()
            self.save_m2m()
        return event


class DocumentSubmissionForm(forms.Form):
    """Add a document by uploading a file, pasting text or giving a URL (exactly one)."""

    file = forms.FileField(required=False, help_text="A PDF, HTML, text or JSON file.")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8, "cols": 90}))
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https")
    kind = forms.ChoiceField(choices=DocumentKind.choices, initial=DocumentKind.OTHER)
    title = forms.CharField(
        required=False, max_length=500, help_text="Read from the source if empty."
    )
    publisher = forms.CharField(required=False, max_length=300)
    publisher_note = forms.CharField(required=False, max_length=500)
    source_url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="Where the file came from.",
    )
    published = PartialDateField(required=False, label="Published")
    case = forms.ModelChoiceField(queryset=Case.objects.all(), required=False, to_field_name="slug")
    docket_entry = forms.IntegerField(required=False, min_value=0)
    authors = forms.CharField(required=False, help_text="Separated by semicolons.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.CASEBASE_MAX_UPLOAD_BYTES:
            raise ValidationError("The file is larger than the upload limit.")
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("file", "text", "url") if data.get(name)]
        if len(given) != 1:
            raise ValidationError("Give exactly one of: a file, pasted text, or a URL.")
        if data.get("text") and not data.get("title"):
            self.add_error("title", "Pasted text needs a title.")
        return data
