"""Cases with their parties inline; their events and documents listed as links."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from casebase.curation.admin.base import PrimedInlineMixin
from casebase.knowledge.models import Case, CaseParty

LISTED = 25  # events or documents listed on a case page; the rest are one click away


class CasePartyInline(PrimedInlineMixin, admin.TabularInline):
    model = CaseParty
    extra = 1
    autocomplete_fields = ["entity"]
    fields = ["entity", "role", "note"]


def _listing(case: Case, model: str, rows: QuerySet[Any], total: int) -> str:
    """Links to up to LISTED rows and to the filtered changelist with all ``total``."""
    if not total:
        return "–"
    items = format_html_join(
        "", '<li><a href="{}">{}</a></li>', ((_change_url(model, r.pk), r) for r in rows)
    )
    changelist = reverse(f"admin:knowledge_{model}_changelist") + f"?case__id__exact={case.pk}"
    return format_html('<ul>{}</ul><a href="{}">All {} »</a>', items, changelist, total)


def _change_url(model: str, pk: int) -> str:
    return reverse(f"admin:knowledge_{model}_change", args=[pk])


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "caption", "court", "docket_number", "status", "filed_on"]
    list_filter = ["status", "court"]
    search_fields = ["short_name", "caption", "docket_number", "slug", "court"]
    date_hierarchy = "filed_on"
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["judges", "entity", "related"]
    readonly_fields = ["events_list", "documents_list", "created_at", "updated_at"]
    inlines = [CasePartyInline]
    fieldsets = [
        (None, {"fields": ["caption", "short_name", "slug", "entity"]}),
        ("Court", {"fields": ["court", "docket_number", "judges", "judge_note"]}),
        (
            "Status",
            {"fields": [("filed_on", "closed_on"), "status", "status_note", "claims_summary"]},
        ),
        ("Related", {"fields": ["related", "events_list", "documents_list"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description="events")
    def events_list(self, obj: Case) -> str:
        if not obj.pk:
            return "–"
        events = obj.events.order_by("date", "title")
        return _listing(obj, "event", events[:LISTED], events.count())

    @admin.display(description="documents")
    def documents_list(self, obj: Case) -> str:
        if not obj.pk:
            return "–"
        documents = obj.documents.order_by("-published_on").only("pk", "title", "case")
        return _listing(obj, "document", documents[:LISTED], documents.count())


@admin.register(CaseParty)
class CasePartyAdmin(SimpleHistoryAdmin):
    list_display = ["entity", "role", "case", "note"]
    list_select_related = ["entity", "case"]
    list_filter = ["role", "case"]
    search_fields = ["entity__name", "case__short_name", "note"]
    autocomplete_fields = ["case", "entity"]
