"""django-filter filtersets: what researchers ask of each collection."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema_field

from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import normalize_name
from casebase.knowledge.models import (
    Case,
    Citation,
    Claim,
    Document,
    Entity,
    EntityAlias,
    Event,
    Mention,
    SourceKind,
)
from casebase.knowledge.models.events import EventQuerySet
from casebase.queries import event_filters
from casebase.queries.periods import overlaps

from . import params


@extend_schema_field(params.PARTIAL_DATE_SCHEMA)
class PartialDateFilter(df.Filter):
    """A YYYY, YYYY-MM or YYYY-MM-DD value; the filterset applies the range in one go."""

    field_class = params.PartialDateField

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        return qs  # applied by DateRangeMixin.filter_queryset


class SlugListField(params.ListField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(items=params.SLUG_SCHEMA, **kwargs)


@extend_schema_field(params.SLUG_SCHEMA)  # the item: a comma-separated list of these
class SlugInFilter(df.BaseInFilter, df.CharFilter):
    """Comma-separated slugs: ``?entity=xai,elon-musk``; an unknown slug matches nothing."""

    base_field_class = SlugListField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field_class = SlugListField


@extend_schema_field(params.integer_schema(1, params.MAX_ID))
class IdFilter(df.Filter):
    """A row's id; an id that does not exist matches nothing (as an unknown slug does)."""

    field_class = params.IntegerField


MAX_DOCKET_ENTRY = 2**31 - 1  # PositiveIntegerField


class DocketEntryField(params.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(minimum=0, maximum=MAX_DOCKET_ENTRY, **kwargs)


@extend_schema_field(params.integer_schema(0, MAX_DOCKET_ENTRY))
class DocketEntryFilter(df.Filter):
    field_class = DocketEntryField


@extend_schema_field(params.TEXT_SCHEMA)
class TextFilter(df.CharFilter):
    """Free text; empty means no restriction."""


@extend_schema_field(params.BOOLEAN_SCHEMA)
class BooleanFilter(df.BooleanFilter):
    """``true`` or ``false``, nothing else."""

    field_class = params.BooleanField


class NonEmptyChoiceField(df.fields.ChoiceField):
    """An absent parameter is no restriction; an empty one is an error."""

    def clean(self, value: Any) -> Any:
        if value == "":
            raise params.invalid("may not be empty")
        return super().clean(value)


class ChoiceFilter(df.ChoiceFilter):
    field_class = NonEmptyChoiceField


def choices_of(model: Any, name: str) -> Any:
    return model._meta.get_field(name).choices


class DateRangeMixin:
    """Applies ``<prefix>_from``/``<prefix>_to`` together as one overlap test."""

    date_range: tuple[str, str, str] | None = None  # (prefix, date field, precision field)

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)  # type: ignore[misc]
        start, end = self.range_bounds()
        if start is None and end is None:
            return queryset
        return queryset.filter(self.range_condition(start, end))

    def range_bounds(self) -> tuple[PartialDate | None, PartialDate | None]:
        assert self.date_range is not None
        prefix = self.date_range[0]
        data = self.form.cleaned_data  # type: ignore[attr-defined]
        return data.get(f"{prefix}_from"), data.get(f"{prefix}_to")

    def range_condition(self, start: PartialDate | None, end: PartialDate | None) -> Q:
        assert self.date_range is not None
        return overlaps(start, end, self.date_range[1], self.date_range[2])


class EventFilter(DateRangeMixin, df.FilterSet):
    date_range = ("date", "date", "date_precision")

    date_from = PartialDateFilter(
        help_text="Events whose period overlaps from this partial date on (YYYY, YYYY-MM or "
        "YYYY-MM-DD): an event dated 2023 matches date_from=2023-07."
    )
    date_to = PartialDateFilter(
        help_text="Events whose period overlaps up to the end of this partial date "
        "(date_to=2026 means up to 2026-12-31)."
    )
    thread = SlugInFilter(
        field_name="threads__slug",
        method="filter_thread",
        help_text="Thread slug(s), comma-separated: any of them.",
    )
    case = SlugInFilter(field_name="case__slug", help_text="Case slug(s), comma-separated.")
    entity = SlugInFilter(
        method="filter_entity",
        help_text="Entity slug(s), comma-separated: events involving ALL of them (as on the "
        "web timeline). A merged entity's slug stands for its survivor.",
    )
    entity_any = SlugInFilter(
        method="filter_entity_any",
        help_text="Entity slug(s), comma-separated: events involving ANY of them.",
    )
    origin = df.MultipleChoiceFilter(choices=Event._meta.get_field("origin").choices)
    review_status = df.MultipleChoiceFilter(choices=Event._meta.get_field("review_status").choices)
    confidence = df.MultipleChoiceFilter(choices=Event._meta.get_field("confidence").choices)
    source_kind = df.MultipleChoiceFilter(
        choices=SourceKind.choices,
        method="filter_source_kind",
        help_text="Events with evidence from a document of ANY of these kinds of source "
        "(source_kind=court_record: court records only), as on the web timeline.",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def range_condition(self, start: PartialDate | None, end: PartialDate | None) -> Q:
        return event_filters.overlaps_range(start, end)  # the timeline's rule, with end dates

    # Each filter means what it means on the web timeline (casebase.queries.event_filters);
    # here an unknown slug matches nothing, as in every API filter.

    def filter_thread(self, qs: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return event_filters.on_threads(qs, event_filters.thread_ids(value).values())

    def filter_entity(self, qs: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        found = event_filters.entity_ids(value)
        if any(slug not in found for slug in value):
            return qs.none()
        return event_filters.involving_all(qs, found.values())

    def filter_entity_any(self, qs: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return event_filters.involving_any(qs, event_filters.entity_ids(value).values())

    def filter_source_kind(self, qs: EventQuerySet, name: str, value: list[str]) -> EventQuerySet:
        return event_filters.with_source_kinds(qs, value)


class EntityFilter(df.FilterSet):
    kind = df.MultipleChoiceFilter(choices=Entity._meta.get_field("kind").choices)
    name = TextFilter(
        method="filter_name",
        help_text="Part of the entity's name or of one of its aliases (case- and "
        "accent-insensitive): name=x.ai finds xAI through its alias 'X.AI Corp.'.",
    )
    merged = BooleanFilter(
        field_name="merged_into",
        lookup_expr="isnull",
        exclude=True,
        help_text="true: only entities merged into another; false: only live entities.",
    )

    origin = ChoiceFilter(choices=choices_of(Entity, "origin"))

    class Meta:
        model = Entity
        fields: list[str] = []

    def filter_name(self, qs: QuerySet[Entity], name: str, value: str) -> QuerySet[Entity]:
        key = normalize_name(value)
        alias_ids = EntityAlias.objects.filter(normalized__contains=key).values("entity_id")
        return qs.filter(Q(name__icontains=value.strip()) | Q(pk__in=alias_ids))


class ClaimFilter(DateRangeMixin, df.FilterSet):
    date_range = ("made", "made_on", "made_precision")

    speaker = SlugInFilter(field_name="speaker__slug", help_text="Speaker entity slug(s).")
    verb = df.MultipleChoiceFilter(choices=Claim._meta.get_field("verb").choices)
    case = SlugInFilter(field_name="document__case__slug", help_text="Case slug(s).")
    made_from = PartialDateFilter(help_text="Claims made in a period overlapping from this date.")
    made_to = PartialDateFilter(help_text="Claims made in a period overlapping up to this date.")
    review_status = df.MultipleChoiceFilter(choices=Claim._meta.get_field("review_status").choices)

    document = IdFilter(field_name="document_id", help_text="A document's id.")
    under_oath = BooleanFilter(help_text="true: only claims made under oath.")
    origin = ChoiceFilter(choices=choices_of(Claim, "origin"))

    class Meta:
        model = Claim
        fields: list[str] = []


class DocumentFilter(DateRangeMixin, df.FilterSet):
    date_range = ("published", "published_on", "published_precision")

    kind = df.MultipleChoiceFilter(choices=Document._meta.get_field("kind").choices)
    case = SlugInFilter(field_name="case__slug", help_text="Case slug(s).")
    publisher = TextFilter(lookup_expr="icontains", help_text="Part of the publisher's name.")
    published_from = PartialDateFilter(help_text="Published in a period overlapping from this.")
    published_to = PartialDateFilter(help_text="Published in a period overlapping up to this.")
    status = df.MultipleChoiceFilter(choices=Document._meta.get_field("status").choices)
    source_kind = df.MultipleChoiceFilter(choices=SourceKind.choices)
    fetch_status = df.MultipleChoiceFilter(
        choices=Document._meta.get_field("fetch_status").choices,
        help_text="Where fetching a citation record's URL stands ('' = never fetched).",
    )
    has_text = BooleanFilter(
        method="filter_has_text",
        help_text="true: documents with text; false: documents without (citation records).",
    )

    docket_entry = DocketEntryFilter(help_text="The entry's number on its court docket.")

    class Meta:
        model = Document
        fields: list[str] = []

    def filter_has_text(self, qs: QuerySet[Document], name: str, value: bool) -> QuerySet[Document]:
        return qs.exclude(text="") if value else qs.filter(text="")


class CaseFilter(df.FilterSet):
    status = ChoiceFilter(choices=choices_of(Case, "status"))
    court = TextFilter(help_text="The court's name, exactly.")

    class Meta:
        model = Case
        fields: list[str] = []


class MentionFilter(df.FilterSet):
    entity = SlugInFilter(field_name="entity__slug", help_text="Entity slug(s).")

    document = IdFilter(field_name="document_id", help_text="A document's id.")

    class Meta:
        model = Mention
        fields: list[str] = []


class CitationFilter(df.FilterSet):
    case = SlugInFilter(field_name="case__slug", help_text="Slug(s) of the cited case.")
    document_case = SlugInFilter(
        field_name="document__case__slug",
        help_text="Slug(s) of the case the citing document is in.",
    )
    normalized = TextFilter(lookup_expr="icontains", help_text="Part of the normalized text.")
    document = IdFilter(field_name="document_id", help_text="A document's id.")
    kind = ChoiceFilter(choices=choices_of(Citation, "kind"))

    class Meta:
        model = Citation
        fields: list[str] = []
