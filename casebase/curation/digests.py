"""The daily e-mail digest: for each subscription, what changed on its case or entity since the
last digest, as the subscriber may read it (``visible_to``), by Django's e-mail backend."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from casebase.knowledge.models import Event, Subscription
from casebase.queries.changes import Change, recent_changes
from casebase.queries.timeline import TimelineFilters, filter_events

DIGEST_LIMIT = 100


def _changes(subscription: Subscription, since: dt.datetime) -> list[Change]:
    if subscription.case is not None:
        filters = TimelineFilters(case=subscription.case.slug)
    else:
        assert subscription.entity is not None
        filters = TimelineFilters(entities=(subscription.entity.survivor().slug,))
    events = filter_events(filters, Event.objects.visible_to(subscription.user))
    return recent_changes(events, since=since, limit=DIGEST_LIMIT)


def _subject_name(subscription: Subscription) -> str:
    if subscription.case is not None:
        return subscription.case.short_name
    return subscription.entity.name if subscription.entity is not None else ""


def digest_text(subscription: Subscription, changes: list[Change], base_url: str) -> str:
    subject = subscription.case or subscription.entity
    lines = [f"What changed on {subject} since the last digest:", ""]
    for change in changes:
        lines.append(f"- {change.headline}")
        lines.append(f"  {base_url}{change.event.get_absolute_url()}")
        lines.append(f"  {change.description}")
    return "\n".join(lines) + "\n"


def send_digests(now: dt.datetime | None = None) -> int:
    """Send every subscription with changes its digest; returns how many e-mails were sent."""
    now = now or timezone.now()
    sent = 0
    subscriptions = Subscription.objects.select_related("user", "case", "entity")
    for subscription in subscriptions.filter(user__is_active=True).exclude(user__email=""):
        since = subscription.last_sent_at or subscription.created_at
        changes = _changes(subscription, since)
        if changes:
            name = _subject_name(subscription)
            send_mail(
                f"casebase: {len(changes)} change{'s' if len(changes) != 1 else ''} on {name}",
                digest_text(subscription, changes, settings.CASEBASE_SITE_URL),
                None,
                [subscription.user.email],
            )
            sent += 1
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
    return sent
