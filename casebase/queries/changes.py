"""What changed on the timeline: the history of the events a reader may see, newest first.

The Atom feeds (``web/feeds.py``) and the e-mail digests (``curation/digests.py``) read it. An
entry is one recorded change (django-simple-history) of an event: added, changed field by
field, or published (approved by an editor); each links to the event and carries the date of the
change and the event's own date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.html import format_html
from django.utils.safestring import SafeString

from casebase.knowledge.models import Event, ReviewStatus
from casebase.knowledge.models.querysets import Reader

from .history import IGNORED, Relations, relations_of
from .timeline import TimelineFilters, filter_events

FEED_LIMIT = 50
BOOKKEEPING = IGNORED | {"reviewed_by", "reviewed_at", "fingerprint"}
FIELD_LABELS = {"date": "date", "date_precision": "date precision", "summary": "summary"}


@dataclass(frozen=True)
class Change:
    event: Event  # as it is now
    kind: str  # "added", "changed", "published"
    changed_at: dt.datetime
    fields: tuple[str, ...]  # what changed, for "changed"
    reason: str

    @property
    def headline(self) -> str:
        what = {"added": "Added", "published": "Published", "changed": "Changed"}[self.kind]
        return f"{what}: {self.event.date_display}: {self.event.title}"

    @property
    def what(self) -> str:
        """What happened to the event, in words (plain text)."""
        if self.kind == "changed" and self.fields:
            return "Changed: " + ", ".join(self.fields) + "."
        if self.kind == "published":
            return "Approved by an editor and published."
        return "Added to the timeline."

    @property
    def description(self) -> str:
        """Plain text (e-mail digests)."""
        lines = [f"Event date: {self.event.date_display}.", self.what]
        if self.event.summary:
            lines.append(self.event.summary)
        return " ".join(lines)

    @property
    def description_html(self) -> SafeString:
        """The same as HTML (an Atom summary is HTML): escaped, the event's own text isolated
        in <bdi> so right-to-left text cannot reorder ours."""
        html = format_html("<p>Event date: {}. {}</p>", self.event.date_display, self.what)
        if self.event.summary:
            html += format_html("<p><bdi>{}</bdi></p>", self.event.summary)
        return html


def _kind(record: Any, previous: Any, relations: Relations) -> tuple[str, tuple[str, ...]]:
    if previous is None or record.history_type == "+":
        return "added", ()
    after, before = relations[record.history_id], relations[previous.history_id]
    delta = record.diff_against(previous, excluded_fields=BOOKKEEPING | set(after))
    changed = {c.field for c in delta.changes}
    changed |= {name for name in after if before.get(name) != after[name]}
    fields = tuple(sorted(changed))
    published = record.review_status in (ReviewStatus.APPROVED, ReviewStatus.EDITED)
    if published and previous.review_status == ReviewStatus.EXTRACTED:
        return "published", ()
    return "changed", tuple(f for f in fields if f != "review_status")


def recent_changes(
    events: QuerySet[Event], since: dt.datetime | None = None, limit: int = FEED_LIMIT
) -> list[Change]:
    """The latest recorded changes of ``events`` (already ``visible_to`` the reader), newest
    first; changes that altered nothing a reader sees are left out."""
    records = Event.history.filter(  # type: ignore[attr-defined]
        id__in=events.order_by().values("pk"), history_type__in=("+", "~")
    )
    if since is not None:
        records = records.filter(history_date__gt=since)
    records = list(records.order_by("-history_date", "-history_id")[: limit * 2])
    live = {e.pk: e for e in Event.objects.filter(pk__in={r.id for r in records})}
    previous = [record.prev_record for record in records]
    relations = relations_of(Event, records + [p for p in previous if p is not None])
    changes: list[Change] = []
    for record, before in zip(records, previous, strict=True):
        kind, fields = _kind(record, before, relations)
        if kind == "changed" and not fields:
            continue
        changes.append(
            Change(
                live[record.id], kind, record.history_date, fields,
                record.history_change_reason or "",
            )
        )  # fmt: skip
        if len(changes) == limit:
            break
    return changes


def timeline_changes(filters: TimelineFilters, user: Reader) -> list[Change]:
    """The changes of the events the timeline shows ``user`` with ``filters``. Raises
    ``InvalidFilter`` like the timeline."""
    return recent_changes(filter_events(filters, Event.objects.visible_to(user)))
