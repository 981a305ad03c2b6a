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


Relations = dict[int, dict[str, frozenset[Any]]]  # history id -> relation -> other ends


def _label(row: models.Model) -> Any:
    """How a relation names the row at its other end: its slug (as the API's writes do), or
    its id."""
    return getattr(row, "slug", None) or row.pk


def relations_of(model: type[models.Model], records: list[Any]) -> Relations:
    """The many-to-many relations each history record of ``records`` kept (a thread's slug, a
    claim's id...): one query per relation and one per related model."""
    tracked = getattr(model, "_tracked_history", None)
    found: Relations = {record.history_id: {} for record in records}
    if tracked is None or not records:
        return found
    for relation, m2m_model in tracked.relations().items():
        other = f"{relation.m2m_reverse_field_name()}_id"
        kept = m2m_model.objects.filter(history_id__in=list(found))
        rows = kept.values_list("history_id", other)
        ends: dict[int, set[Any]] = {history_id: set() for history_id in found}
        for history_id, pk in rows:
            ends[history_id].add(pk)
        wanted = set().union(*ends.values())
        related = relation.related_model._default_manager.filter(pk__in=wanted)
        labels = {row.pk: _label(row) for row in related}
        for history_id, pks in ends.items():
            found[history_id][relation.name] = frozenset(labels.get(pk, pk) for pk in pks)
    return found


def _sorted(values: frozenset[Any]) -> list[Any]:
    return sorted(values, key=lambda value: (isinstance(value, str), value))


def history_of(instance: models.Model, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """Newest first: who or what changed ``instance``, when, why, and field by field how
    (a relation as the lists of what it held before and after)."""
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[  # type: ignore[attr-defined]
            : limit + 1
        ]
    )
    relations = relations_of(type(instance), records)
    relation_names = {name for held in relations.values() for name in held}
    entries = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older, excluded_fields=IGNORED | relation_names)
            changes = [FieldChange(c.field, _plain(c.old), _plain(c.new)) for c in delta.changes]
            before, after = relations[older.history_id], relations[record.history_id]
            changes += [
                FieldChange(name, _sorted(before[name]), _sorted(after[name]))
                for name in after
                if before.get(name) != after[name]
            ]
            changes.sort(key=lambda change: change.field)
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
