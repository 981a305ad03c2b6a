"""Admin forms: partial dates typed naturally, and the document submission form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from casebase.core.partial_dates import PartialDate, parse_natural
from casebase.knowledge.forms import SubmissionForm
from casebase.knowledge.models import Document, Event

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


class PartialDatesForm(forms.ModelForm):
    """A model form whose (date, precision) pairs are typed as one natural partial date.

    ``partial_dates`` maps each form field to the model's date and precision fields.
    """

    partial_dates: dict[str, tuple[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (date_field, precision_field) in self.partial_dates.items():
            value = getattr(self.instance, date_field)
            if value is not None:
                precision = getattr(self.instance, precision_field) or "day"
                self.initial.setdefault(name, PartialDate.from_date(value, precision).display())

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        for name, (date_field, precision_field) in self.partial_dates.items():
            if name not in self.cleaned_data:
                continue  # invalid: the field has its error
            value: PartialDate | None = self.cleaned_data[name]
            setattr(self.instance, date_field, value.start if value else None)
            setattr(self.instance, precision_field, value.precision.value if value else "day")


class EventForm(PartialDatesForm):
    """The event form: "when" and "until" replace the date and precision pairs."""

    when = PartialDateField(label="Date")
    until = PartialDateField(label="Until", required=False, help_text="Optional end. " + DATE_HELP)
    partial_dates = {"when": ("date", "date_precision"), "until": ("end_date", "end_precision")}

    class Meta:
        model = Event
        exclude = ["date", "date_precision", "end_date", "end_precision"]  # noqa: DJ006

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        when, until = data.get("when"), data.get("until")
        if when and until and until.start < when.start:
            self.add_error("until", "The end cannot come before the start.")
        return data


class DocumentForm(PartialDatesForm):
    """The document change form: the publication date typed as a partial date."""

    published = PartialDateField(label="Published", required=False)
    partial_dates = {"published": ("published_on", "published_precision")}

    class Meta:
        model = Document
        exclude = ["published_on", "published_precision"]  # noqa: DJ006
        widgets = {"authors": forms.Textarea(attrs={"rows": 2, "cols": 60})}


class DocumentSubmissionForm(SubmissionForm):
    """The admin's add form: the shared submission form with a wider text box."""

    text = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8, "cols": 90})
    )
