"""Read-side queries for the home page."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from casebase.knowledge.models import Case, Event, Thread
from casebase.knowledge.models.querysets import Reader


def _counted(user: Reader) -> Count:
    """The number of related events ``user`` may read."""
    return Count("events", filter=Q(events__in=Event.objects.visible_to(user)))


def threads_with_counts(user: Reader = None) -> QuerySet[Thread]:
    return Thread.objects.annotate(event_count=_counted(user))


def key_cases(user: Reader = None, limit: int = 12) -> QuerySet[Case]:
    cases = Case.objects.annotate(event_count=_counted(user))
    return cases.order_by("-event_count", "short_name")[:limit]


def latest_events(user: Reader, limit: int = 10) -> QuerySet[Event]:
    return Event.objects.visible_to(user).select_related("case").order_by("-date", "-id")[:limit]
