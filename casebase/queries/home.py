"""Read-side queries for the home page."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from casebase.knowledge.models import Case, Event, Thread
from casebase.knowledge.models.querysets import Reader


def threads_with_counts() -> QuerySet[Thread]:
    return Thread.objects.annotate(event_count=Count("events"))


def key_cases(limit: int = 12) -> QuerySet[Case]:
    cases = Case.objects.annotate(event_count=Count("events"))
    return cases.order_by("-event_count", "short_name")[:limit]


def latest_events(user: Reader, limit: int = 10) -> QuerySet[Event]:
    return Event.objects.visible_to(user).select_related("case").order_by("-date", "-id")[:limit]
