"""Pieces shared by the knowledge admin: passages, bounded read-only inlines, bulk logging."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
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
