"""Review decisions in the admin: bulk actions, and editing that counts as a review."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from casebase.curation import review
from casebase.curation.admin.base import log_bulk_change
from casebase.curation.admin.history import HistoryAdmin
from casebase.knowledge.models import Origin, ReviewStatus

# Changing these is bookkeeping, not an edit of what was extracted.
REVIEW_FIELDS = {"review_status", "reviewed_by", "reviewed_at"}


def apply_decision(
    request: HttpRequest, queryset: QuerySet[Any], decision: str, str_related: list[str]
) -> int:
    """Record ``decision`` on every item and in each item's admin history."""
    ids = list(queryset.values_list("pk", flat=True))
    items = queryset.model._default_manager.filter(pk__in=ids)
    count = review.decide(items, decision, request.user)
    label = ReviewStatus(decision).label
    log_bulk_change(request, items.select_related(*str_related), f"Review: {label}.")
    return count


class ReviewActionsMixin(HistoryAdmin):
    """Approve or reject in bulk; saving an edited extracted item marks it "edited"."""

    str_related: list[str] = []
    actions = ["approve_selected", "reject_selected"]

    @admin.action(description="Approve selected", permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = apply_decision(request, queryset, ReviewStatus.APPROVED, self.str_related)
        self.message_user(request, f"Approved {count}.", messages.SUCCESS)

    @admin.action(description="Reject selected", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = apply_decision(request, queryset, ReviewStatus.REJECTED, self.str_related)
        self.message_user(request, f"Rejected {count}.", messages.SUCCESS)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if "review_status" in form.changed_data:
            review.set_decision(obj, obj.review_status, request.user)
        elif change and obj.origin == Origin.EXTRACTED and set(form.changed_data) - REVIEW_FIELDS:
            review.mark_edited(obj, request.user)
        super().save_model(request, obj, form, change)
        if obj.review_status in (ReviewStatus.APPROVED, ReviewStatus.EDITED):
            review.publish_sources(type(obj), [obj.pk], request.user)
