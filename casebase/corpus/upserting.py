"""Writes that count what they did into a ``LoadReport``: create, update only the changed
fields (so an unchanged row keeps its ``updated_at``), or leave alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from .report import LoadReport


def _differs(current: Any, wanted: Any) -> bool:
    return bool(current != wanted)


class Upserter:
    def __init__(self, report: LoadReport) -> None:
        self.report = report

    def upsert(
        self, kind: str, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
    ) -> Any:
        """Create, update only the changed fields, or leave alone; count which."""
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            self.report.created[kind] += 1
            return model._default_manager.create(**lookup, **values)
        return self.update(kind, obj, values)

    def update(self, kind: str, obj: Any, values: dict[str, Any]) -> Any:
        changed = [name for name, value in values.items() if _differs(getattr(obj, name), value)]
        if not changed:
            self.report.unchanged[kind] += 1
            return obj
        for name in changed:
            setattr(obj, name, values[name])
        fields = {f.attname for f in obj._meta.concrete_fields}
        extra = ["updated_at"] if "updated_at" in fields else []
        obj.save(update_fields=changed + extra)
        self.report.updated[kind] += 1
        return obj

    def set_m2m(self, kind: str, manager: Any, wanted: Iterable[int]) -> None:
        wanted_ids = set(wanted)
        if set(manager.values_list("pk", flat=True)) != wanted_ids:
            manager.set(wanted_ids)
            self.report.updated[kind] += 1
