"""Entities: aliases inline, merges, and the mentions that name them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from casebase.curation.admin.base import admin_link, passage_html
from casebase.curation.admin.reviewing import ReviewActionsMixin
from casebase.curation.merge import MergeError, merge_entities
from casebase.knowledge.models import Entity, EntityAlias, EntityMerge, Mention


class MergedFilter(admin.SimpleListFilter):
    title = "merged"
    parameter_name = "merged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("no", "Active"), ("yes", "Merged into another")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Entity]) -> QuerySet[Entity]:
        if self.value() == "no":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        return queryset


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    extra = 1
    fields = ["alias", "normalized"]
    readonly_fields = ["normalized"]


@admin.register(Entity)
class EntityAdmin(ReviewActionsMixin):
    list_display = ["name", "kind", "slug", "origin", "review_status", "merged_into", "updated_at"]
    list_filter = ["kind", "origin", "review_status", MergedFilter]
    list_select_related = ["merged_into"]
    search_fields = ["name", "slug", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["merged_into"]
    readonly_fields = ["merged_into", "reviewed_by", "reviewed_at", "created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [EntityAliasInline]
    actions = ["merge_selected", "approve_selected", "reject_selected"]
    list_per_page = 100

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Entity], search_term: str
    ) -> tuple[QuerySet[Entity], bool]:
        """Autocomplete widgets offer only entities that were not merged away."""
        if request.path.endswith("/autocomplete/"):
            queryset = queryset.filter(merged_into__isnull=True)
        return super().get_search_results(request, queryset, search_term)

    @admin.action(description="Merge selected entities into one…", permissions=["change"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet[Entity]) -> Any:
        entities = list(
            queryset.filter(merged_into__isnull=True)
            .annotate(
                mention_count=Count("mentions", distinct=True),
                claim_count=Count("claims", distinct=True),
                event_count=Count("events", distinct=True),
            )
            .order_by("-mention_count", "name")
        )
        if len(entities) < 2:
            self.message_user(request, "Select at least two active entities.", messages.WARNING)
            return None
        survivor_pk = request.POST.get("survivor")
        if survivor_pk:
            return self._do_merge(request, entities, survivor_pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Merge entities",
            "entities": entities,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/knowledge/entity/merge_confirm.html", context)

    def _do_merge(
        self, request: HttpRequest, entities: Sequence[Entity], survivor_pk: str
    ) -> HttpResponse | None:
        survivor = next((e for e in entities if str(e.pk) == survivor_pk), None)
        if survivor is None:
            self.message_user(request, "Choose the surviving entity.", messages.ERROR)
            return None
        merged = [e for e in entities if e.pk != survivor.pk]
        try:
            merge_entities(survivor, merged, request.user)
        except MergeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        names = ", ".join(e.name for e in merged)
        self.log_change(request, survivor, f"Merged into this entity: {names}.")
        LogEntry.objects.log_actions(
            user_id=request.user.pk or 0,
            queryset=Entity.objects.filter(pk__in=[e.pk for e in merged]),
            action_flag=CHANGE,
            change_message=f"Merged into {survivor.name} (#{survivor.pk}).",
        )
        self.message_user(request, f"Merged {names} into {survivor.name}.", messages.SUCCESS)
        return HttpResponseRedirect(request.get_full_path())


@admin.register(EntityAlias)
class EntityAliasAdmin(SimpleHistoryAdmin):
    list_display = ["alias", "entity", "normalized"]
    list_select_related = ["entity"]
    search_fields = ["alias", "normalized", "entity__name"]
    list_filter = ["entity__kind"]
    autocomplete_fields = ["entity"]
    readonly_fields = ["normalized"]


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin):
    """The record of merges: read-only, written by the merge action."""

    list_display = [
        "merged_name",
        "merged_link",
        "survivor_link",
        "moved_summary",
        "merged_by",
        "merged_at",
    ]
    list_select_related = ["merged", "survivor", "merged_by"]
    search_fields = ["merged_name", "survivor__name"]
    date_hierarchy = "merged_at"
    readonly_fields = ["merged", "survivor", "merged_name", "moved", "merged_by", "merged_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="merged entity")
    def merged_link(self, obj: EntityMerge) -> str:
        return admin_link(obj.merged, obj.merged.name)

    @admin.display(description="survivor")
    def survivor_link(self, obj: EntityMerge) -> str:
        return admin_link(obj.survivor, obj.survivor.name)

    @admin.display(description="rows moved")
    def moved_summary(self, obj: EntityMerge) -> str:
        moved = obj.moved if isinstance(obj.moved, dict) else {}
        return ", ".join(f"{kind.replace('_', ' ')}: {n}" for kind, n in moved.items() if n) or "–"


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "entity", "document", "start", "end"]
    list_select_related = ["entity", "document"]
    search_fields = ["text", "entity__name"]
    list_filter = ["entity__kind"]
    autocomplete_fields = ["document", "entity"]
    readonly_fields = ["passage"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Mention]:
        return super().get_queryset(request).defer("document__text", "document__metadata")

    @admin.display(description="passage")
    def passage(self, obj: Mention) -> str:
        if not obj.pk:
            return ""
        return passage_html(obj.document.text, obj.start, obj.end)
