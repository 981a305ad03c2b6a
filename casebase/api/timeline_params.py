"""The timeline export's query parameters, checked strictly (the web timeline is lenient).

The form is the one description of the parameters: the view validates with it and the OpenAPI
schema is generated from it (``params.openapi_parameters``)."""

from __future__ import annotations

from django import forms

from casebase.knowledge.models import Origin, ReviewStatus, SourceKind
from casebase.queries.timeline import MAX_QUERY_LENGTH, MAX_VALUES, TimelineFilters

from . import params

FORMATS = ("json", "csv", "timelinejs", "ics")


class TimelineParams(forms.Form):
    case = params.SlugField(required=False, help_text="One case slug.")
    entity = params.ListField(
        items=params.SLUG_SCHEMA,
        max_items=MAX_VALUES,
        help_text="Entity slug(s), comma-separated: events involving ALL of them.",
    )
    thread = params.ListField(
        items=params.SLUG_SCHEMA,
        max_items=MAX_VALUES,
        help_text="Thread slug(s), comma-separated: events on ANY of them.",
    )
    date_from = params.PartialDateField(
        required=False, help_text="Partial date: 2023, 2023-07 or 2023-07-12."
    )
    date_to = params.PartialDateField(
        required=False, help_text="Partial date; 2026 means through 2026-12-31."
    )
    origin = params.ChoiceField(choices=Origin.values, required=False, help_text="Who made it.")
    review = params.ListField(
        items={"type": "string", "enum": list(ReviewStatus.values)},
        help_text="Review status(es), comma-separated (default: all but rejected).",
    )
    q = params.TextField(max_length=MAX_QUERY_LENGTH, help_text="Words that must all appear.")
    unverified = params.ChoiceField(
        choices=("yes", "no"),
        required=False,
        help_text="Include low-confidence events (default yes; they are flagged).",
    )
    source_kind = params.ListField(
        items={"type": "string", "enum": list(SourceKind.values)},
        help_text="Kind(s) of source, comma-separated: events with evidence from ANY of them "
        "(source_kind=court_record: court records only).",
    )
    format = params.ChoiceField(
        choices=FORMATS,
        required=False,
        help_text="json (default), csv, timelinejs (TimelineJS3 JSON for embedding) or ics "
        "(iCalendar).",
    )

    def filters(self) -> TimelineFilters:
        data = self.cleaned_data
        return TimelineFilters(
            case=data["case"] or "",
            entities=tuple(data["entity"] or ()),
            threads=tuple(data["thread"] or ()),
            date_from=data["date_from"],
            date_to=data["date_to"],
            origin=data["origin"] or "",
            review=tuple(data["review"] or ()),
            q=" ".join((data["q"] or "").split()),
            unverified=data["unverified"] != "no",
            source_kinds=tuple(data["source_kind"] or ()),
        )
