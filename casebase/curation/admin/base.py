"""Pieces shared by the knowledge admin: passages, bounded read-only inlines, bulk logging."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Model, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

PASSAGE_CONTEXT = 120


def passage_html(
    text: str, start: int | None, end: int | None, context: int = PASSAGE_CONTEXT
) -> str:
    """The passage ``text[start:end]`` highlighted, with some context either side (escaped)."""
    if start is None or end is None or not text:
        return ""
    before = text[max(start - context, 0) : start]
    return parts_html(before, text[start:end], text[end : end + context])


def parts_html(before: str | None, passage: str | None, after: str | None) -> str:
    """Render an already cut passage: ``…before <mark>passage</mark> after…``, escaped."""
    if not passage:
        return ""
    return format_html(
        '<span class="cb-passage">…{}<mark>{}</mark>{}…</span>',
        before or "",
        passage,
        after or "",
    )


def admin_link(obj: Model | None, label: str | None = None) -> str:
    """A link to ``obj``'s admin change page."""
    if obj is None:
        return "–"
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


def log_bulk_change(request: HttpRequest, queryset: QuerySet[Any], message: str) -> None:
    """One admin LogEntry per object, in one query: the object's history shows ``message``."""
    LogEntry.objects.log_actions(
        user_id=request.user.pk or 0, queryset=queryset, action_flag=CHANGE, change_message=message
    )


class BoundedInlineFormSet(BaseInlineFormSet):
    """An inline formset that shows at most ``max_rows`` rows, each knowing its parent
    (so a readonly column can read the parent document's text without a query per row)."""

    max_rows = 100

    def get_queryset(self) -> Any:
        if not hasattr(self, "_bounded"):
            rows = list(super().get_queryset()[: self.max_rows])
            for row in rows:
                self.fk.set_cached_value(row, self.instance)
            self._bounded = rows
        return self._bounded


class ReadOnlyInline(admin.TabularInline):
    """A view-only inline: rows the pipeline wrote, shown with their passage."""

    extra = 0
    can_delete = False
    show_change_link = True
    formset = BoundedInlineFormSet

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PrimedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete widget that renders its selected option from an object already loaded
    (``primed``) instead of one query per widget: inline rows stay at one query in all."""

    primed: dict[str, Model]

    def optgroups(self, name: str, value: Any, attr: Any = None) -> Any:
        empty = self.choices.field.empty_values  # type: ignore[attr-defined]
        selected = {str(v) for v in value if str(v) not in empty}
        primed = getattr(self, "primed", {})
        if not selected or not selected <= primed.keys():
            return super().optgroups(name, value, attr)
        options: list[Any] = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance  # type: ignore[attr-defined]
        for key in sorted(selected):
            option = self.create_option(name, key, label(primed[key]), True, len(options))
            options.append(option)
        return [(None, options, 0)]


class PrimedInlineForm(forms.ModelForm):
    """Primes each autocomplete widget with the related object the row already holds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", None)
            if not isinstance(widget, PrimedAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.is_cached(self.instance):  # type: ignore[union-attr]
                related = getattr(self.instance, name)
                widget.primed = {str(related.pk): related} if related is not None else {}


class PrimedInlineMixin(InlineModelAdmin):
    """For inlines with autocomplete foreign keys: select_related them, prime the widgets."""

    form = PrimedInlineForm

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)  # wrapped with the "+" links later
        if type(widget) is AutocompleteSelect:
            widget.__class__ = PrimedAutocompleteSelect
        return formfield

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        related = [f.name for f in self.model._meta.get_fields() if f.many_to_one]
        return super().get_queryset(request).select_related(*related)
