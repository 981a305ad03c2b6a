"""Users' e-mail subscriptions to cases and entities (they manage them on the pages)."""

from __future__ import annotations

from django.contrib import admin

from casebase.knowledge.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "case", "entity", "created_at", "last_sent_at"]
    list_select_related = ["user", "case", "entity"]
    search_fields = ["user__username", "case__short_name", "entity__name"]
    autocomplete_fields = ["case", "entity"]
    readonly_fields = ["user", "created_at", "last_sent_at"]
