"""Cases with their parties inline; their events and documents listed as links."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from casebase.curation.admin.base import PrimedInlineMixin
from casebase.curation.admin.history import HistoryAdmin
from casebase.knowledge.models import Case, CaseParty
from casebase.pipeline import docket_tasks

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
class CaseAdmin(HistoryAdmin):
    list_display = ["short_name", "caption", "court", "docket_number", "status", "filed_on"]
    list_filter = ["status", "court"]
    search_fields = ["short_name", "caption", "docket_number", "slug", "court"]
    date_hierarchy = "filed_on"
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["judges", "entity", "related"]
    readonly_fields = [
        "events_list",
        "documents_list",
        "docket_checked_at",
        "docket_check_note",
        "created_at",
        "updated_at",
    ]
    inlines = [CasePartyInline]
    actions = ["import_from_courtlistener"]
    fieldsets = [
        (None, {"fields": ["caption", "short_name", "slug", "entity"]}),
        ("Court", {"fields": ["court", "docket_number", "judges", "judge_note"]}),
        (
            "Status",
            {"fields": [("filed_on", "closed_on"), "status", "status_note", "claims_summary"]},
        ),
        ("Related", {"fields": ["related", "events_list", "documents_list"]}),
        (
            "CourtListener",
            {
                "fields": [
                    ("courtlistener_id", "courtlistener_court"),
                    "courtlistener_show_entries",
                    "docket_sync_hours",
                    ("docket_checked_at", "docket_check_note"),
                ]
            },
        ),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.action(description="Import or update from CourtListener")
    def import_from_courtlistener(self, request: HttpRequest, queryset: QuerySet[Case]) -> None:
        """Queue the import of each selected case's docket (by its CourtListener id, or its
        CourtListener court id and docket number); the case shows when it was last checked."""
        linked = [
            c for c in queryset if c.courtlistener_id or (c.courtlistener_court and c.docket_number)
        ]
        for case in linked:
            docket_tasks.send_courtlistener_import(case.pk)
        if linked:
            self.message_user(
                request,
                f"CourtListener import queued for {len(linked)} case(s); each case's "
                "“docket checked” fields say what it found.",
                messages.SUCCESS,
            )
        unlinked = len(queryset) - len(linked)
        if unlinked:
            self.message_user(
                request,
                f"{unlinked} case(s) have no CourtListener docket id, nor a CourtListener court "
                "id with a docket number: set one in the case's CourtListener section.",
                messages.WARNING,
            )

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
class CasePartyAdmin(HistoryAdmin):
    list_display = ["entity", "role", "case", "note"]
    list_select_related = ["entity", "case"]
    list_filter = ["role", "case"]
    search_fields = ["entity__name", "case__short_name", "note"]
    autocomplete_fields = ["case", "entity"]
