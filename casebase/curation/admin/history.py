"""The admin's history pages, with the relations: reverting to a record brings back the
threads, entities, judges... the item had then, not only its fields."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from casebase.knowledge.history import relations_at


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin, whose *Revert* form starts from the relations the record kept
    (simple-history's shows the item's relations as they are now)."""

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        request._history_version = version_id  # type: ignore[attr-defined]
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        version = getattr(request, "_history_version", None)
        if version is None or obj is None:
            return form
        held = relations_at(type(obj), int(version))

        class AsItWas(form):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                for name, keys in held.items():
                    if name in self.fields:
                        self.initial[name] = keys

        return AsItWas
