"""The history of a row (django-simple-history), as the API and the event page show it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Count, Max, Q

HISTORY_LIMIT = 200  # newest entries shown
KINDS = {"+": "created", "~": "changed", "-": "deleted"}
IGNORED = frozenset({"updated_at", "created_at"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    date: dt.datetime
    kind: str  # created, changed, deleted
    user: str  # username, "" for the pipeline or a command
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeSummary:
    changes: int  # updates after creation
    last: dt.datetime | None


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def history_of(instance: models.Model, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """Newest first: who or what changed ``instance``, when, why, and field by field how."""
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[  # type: ignore[attr-defined]
            : limit + 1
        ]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older, excluded_fields=IGNORED)
            changes = [
                FieldChange(c.field, _plain(c.old), _plain(c.new))
                for c in sorted(delta.changes, key=lambda c: c.field)
            ]
        user = record.history_user
        entries.append(
            HistoryEntry(
                id=record.history_id,
                date=record.history_date,
                kind=KINDS.get(record.history_type, record.history_type),
                user=user.get_username() if user is not None else "",
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries


def change_summary(instance: models.Model) -> ChangeSummary:
    """How many times ``instance`` was changed after it was created, and when last (one
    query)."""
    found = instance.history.aggregate(  # type: ignore[attr-defined]
        changes=Count("pk", filter=Q(history_type="~")), last=Max("history_date")
    )
    return ChangeSummary(changes=found["changes"], last=found["last"])
