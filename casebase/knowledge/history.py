"""Who or what changed a row: django-simple-history records every create, update and delete of
the tracked models (``history = HistoricalRecords()`` on events, evidence, links, threads,
claims, entities, aliases, cases, parties and documents' metadata).

The admin and the API are recorded with the request's user by simple-history's middleware.
Writes outside a request (the pipeline, commands) say what made them with ``recorded_as``:

    with recorded_as("pipeline analysis-1.14"):
        ...  # every history row written here carries that change reason

Bulk inserts bypass model signals; the pipeline records them with
``record_created`` (simple-history's ``bulk_history_create``) under the same reason.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from django.db import models
from django.db.models.signals import pre_save
from simple_history.signals import pre_create_historical_record

F = TypeVar("F", bound=Callable[..., Any])
_reason: ContextVar[str] = ContextVar("history_reason", default="")
_user: ContextVar[Any] = ContextVar("history_user", default=None)


@contextmanager
def recorded_as(reason: str, user: Any = None) -> Iterator[None]:
    """History rows written inside carry ``reason`` (and ``user``, when no request gives one)."""
    reason_token, user_token = _reason.set(reason), _user.set(user)
    try:
        yield
    finally:
        _reason.reset(reason_token)
        _user.reset(user_token)


def as_command(name: str) -> Callable[[F], F]:
    """Decorates a management command's ``handle``: its writes are recorded as
    ``command <name>`` (what the pipeline runs inside still says ``pipeline <version>``)."""

    def decorate(handle: F) -> F:
        @functools.wraps(handle)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with recorded_as(f"command {name}"):
                return handle(*args, **kwargs)

        return cast(F, wrapper)

    return decorate


def current_reason() -> str:
    return _reason.get()


def record_created(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """History rows ("created") for ``rows`` that a bulk insert stored (they have their pk)."""
    rows = [row for row in rows if row.pk is not None]
    if rows:
        model.history.bulk_history_create(  # type: ignore[attr-defined]
            rows, default_user=_user.get(), default_change_reason=current_reason() or None
        )


def _fill_in(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    if not history_instance.history_change_reason and current_reason():
        history_instance.history_change_reason = current_reason()
    user = _user.get()
    if history_instance.history_user_id is None and user is not None and user.is_authenticated:
        history_instance.history_user = user


def _bookkeeping_only(
    sender: Any, instance: Any, update_fields: Iterable[str] | None, **kwargs: Any
) -> None:
    """A save that writes only fields the history leaves out (a document's processing status)
    records nothing."""
    history = getattr(sender, "history", None)
    if history is None or not hasattr(history, "model"):
        return
    tracked = {field.attname for field in history.model._meta.fields}
    if update_fields is not None and not set(update_fields) & tracked:
        instance.skip_history_when_saving = True
    elif hasattr(instance, "skip_history_when_saving"):
        del instance.skip_history_when_saving


def install() -> None:
    """Hook up the change reason and the bookkeeping filter (from ``KnowledgeConfig.ready``)."""
    pre_create_historical_record.connect(_fill_in, dispatch_uid="casebase-history-fill-in")
    pre_save.connect(_bookkeeping_only, dispatch_uid="casebase-history-bookkeeping")
