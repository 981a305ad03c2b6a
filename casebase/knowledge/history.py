"""Who or what changed a row: django-simple-history records every create, update and delete of
the tracked models (``history = TrackedHistory()`` on events, evidence, links, threads,
claims, entities, aliases, cases, parties and documents' metadata), and the many-to-many
relations they own (an event's threads and entities, a claim's ``about`` entities and the claims
it contradicts, a case's judges and related cases): each history row keeps a snapshot of them,
so adding or removing one is a change like any other.

The admin and the API are recorded with the request's user by simple-history's middleware.
Writes outside a request (the pipeline, commands) say what made them with ``recorded_as``:

    with recorded_as("pipeline analysis-1.14"):
        ...  # every history row written here carries that change reason

Bulk inserts and updates bypass model signals; the pipeline and curation record them with
``record_created`` / ``record_changed`` (simple-history's ``bulk_history_create``, with the
many-to-many snapshot) under the same reason.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models.signals import pre_save
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record, pre_create_historical_record

F = TypeVar("F", bound=Callable[..., Any])
_reason: ContextVar[str] = ContextVar("history_reason", default="")
_user: ContextVar[Any] = ContextVar("history_user", default=None)
# Models whose deletions ``delete_recorded`` has already recorded (the signal stays quiet).
_recorded_deletions: ContextVar[frozenset[type[models.Model]]] = ContextVar(
    "history_recorded_deletions", default=frozenset()
)
# Relations set this soon after a save of the same row (a form saves the row, then its
# relations) complete that save's record instead of adding one.
FOLD_SECONDS = 10


class TrackedHistory(HistoricalRecords):
    """simple-history's records, with many-to-many changes recorded however they are made.

    - Relations set right after the row was saved, on the same object (the admin and the API
      save the row, then its relations), complete the record of that save instead of adding a
      second record.
    - A relation changed from the other side (``entity.events.add(event)``) records a change
      of each row that owns it (the event), and one changed on a symmetrical relation
      (``case.related``) records a change of the row at the other end too.
    """

    def finalize(self, sender: Any, **kwargs: Any) -> None:
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._tracked_history = self

    def relations(self) -> dict[Any, Any]:
        """This model's tracked many-to-many fields and their history models
        (simple-history's ``m2m_models`` holds every model's)."""
        return {f: m for f, m in self.m2m_models.items() if f.model is self.cls}

    def post_delete(self, instance: Any, using: Any = None, **kwargs: Any) -> None:
        """simple-history's "deleted" record, unless ``delete_recorded`` wrote it already."""
        if type(instance) in _recorded_deletions.get():
            return
        super().post_delete(instance, using=using, **kwargs)

    def create_historical_record_m2ms(self, history_instance: Any, instance: Any) -> None:
        """The relations of ``instance`` as they are now, kept with ``history_instance``;
        none for a deletion (Django has deleted the relation rows before ``post_delete``, so
        there is nothing to read: two queries saved per deleted event or claim)."""
        if history_instance.history_type == "-":
            return
        for field, m2m_model in self.relations().items():
            m2m_model.objects.bulk_create(
                snapshot_rows(field, m2m_model, {instance.pk: [history_instance]})
            )

    def m2m_changed(  # type: ignore[override]
        self,
        instance: Any,
        action: str,
        attr: str,
        pk_set: set[int] | None,
        reverse: bool,
        **kwargs: Any,
    ) -> None:
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        field = self.cls._meta.get_field(attr)
        if action == "pre_clear":  # post_clear no longer knows the other ends
            instance._history_cleared = _other_ends(field, instance, reverse)
            return
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        if action == "post_clear":
            pk_set = getattr(instance, "_history_cleared", set())
        ends = set(pk_set or ())
        owners = ends if reverse else set()
        if not reverse:
            if not hasattr(instance, "skip_history_when_saving"):
                self._record_change(instance)
            if field.remote_field.symmetrical and field.related_model is self.cls:
                owners = ends - {instance.pk}
        for owner in self.cls._default_manager.filter(pk__in=owners).order_by("pk"):
            self.create_historical_record(owner, "~")

    def _record_change(self, instance: Any) -> None:
        last = getattr(instance, "_history_last", None)
        fresh = last is not None and (timezone.now() - last.history_date).total_seconds() < (
            FOLD_SECONDS
        )
        if not fresh:
            self.create_historical_record(instance, "~")
            return
        for m2m_model in self.relations().values():
            m2m_model.objects.filter(history=last).delete()
        self.create_historical_record_m2ms(last, instance)


def snapshot_rows(field: Any, m2m_model: Any, records: dict[Any, list[Any]]) -> list[Any]:
    """History rows of relation ``field`` for ``records`` (history records by the primary key
    of the row they record), read in one query. A symmetrical relation (``case.related``) is
    read in both directions: right after ``a.related.add(b)`` Django has written a -> b, not
    yet b -> a."""
    through = field.remote_field.through
    own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    query = models.Q(**{f"{own}__in": list(records)})
    symmetrical = field.remote_field.symmetrical and field.related_model is field.model
    if symmetrical:
        query |= models.Q(**{f"{other}__in": list(records)})
    ends: dict[Any, dict[Any, Any]] = {}
    for row_id, source, target in through.objects.filter(query).values_list("id", own, other):
        if source in records:
            ends.setdefault(source, {}).setdefault(target, row_id)
        if symmetrical and target in records:
            ends.setdefault(target, {}).setdefault(source, row_id)
    return [
        m2m_model(history=record, id=row_id, **{own: pk, other: end})
        for pk, found in ends.items()
        for end, row_id in sorted(found.items())
        for record in records[pk]
    ]


def relations_at(model: type[models.Model], history_id: int) -> dict[str, list[Any]]:
    """The primary keys each tracked relation of ``model`` held in its history record
    ``history_id`` (one query per relation)."""
    tracked: TrackedHistory | None = getattr(model, "_tracked_history", None)
    held: dict[str, list[Any]] = {}
    for field, m2m_model in (tracked.relations() if tracked is not None else {}).items():
        other = f"{field.m2m_reverse_field_name()}_id"
        rows = m2m_model.objects.filter(history_id=history_id).values_list(other, flat=True)
        held[field.name] = sorted(rows)
    return held


def _other_ends(field: Any, instance: Any, reverse: bool) -> set[int]:
    """The primary keys at the other end of ``instance``'s rows of ``field``'s table."""
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    if reverse:
        own, other = other, own
    rows = field.remote_field.through.objects.filter(**{own: instance.pk})
    return set(rows.values_list(f"{other}_id", flat=True))


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


def record_created(
    model: type[models.Model],
    rows: Sequence[models.Model],
    *,
    user: Any = None,
    reason: str = "",
    empty: Collection[str] = (),
) -> None:
    """History rows ("created") for ``rows`` that a bulk insert stored (they have their pk),
    with their many-to-many relations as stored now. ``user`` and ``reason`` default to those
    of ``recorded_as``. ``empty``: names of relations the caller knows hold nothing for these
    rows (their snapshot, which would copy nothing, is not queried).

    The rows are copied inside the database (``copy_into_history``): what was just inserted is
    what the database holds, and the pipeline stores thousands of rows a minute."""
    tracked: TrackedHistory | None = getattr(model, "_tracked_history", None)
    keys = [row.pk for row in rows if row.pk is not None]
    if tracked is None or not keys:
        _record(model, rows, update=False, user=user, reason=reason)
        return
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    user = user if user is not None else _user.get()
    copy_into_history(
        model,
        keys,
        history_type="+",
        user_id=user.pk if user is not None and user.is_authenticated else None,
        reason=reason or current_reason() or None,
        empty=empty,
    )


def delete_recorded(queryset: models.QuerySet[Any]) -> int:
    """Delete ``queryset``'s rows (and what cascades from them, as ``delete()`` does), each
    row's "deleted" history record written by one ``INSERT ... SELECT`` before the delete
    (``copy_into_history``) instead of one ``INSERT`` a row by simple-history's signal; the same
    records (no relations snapshot, as for any deletion; the user and reason of
    ``recorded_as``). Returns how many rows of the queryset's model were deleted."""
    model = queryset.model
    tracked: TrackedHistory | None = getattr(model, "_tracked_history", None)
    if tracked is None or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return queryset.delete()[1].get(model._meta.label, 0)
    keys = list(queryset.values_list("pk", flat=True))
    if not keys:
        return 0
    user = _acting_user()
    copy_into_history(
        model,
        keys,
        history_type="-",
        user_id=user.pk if user is not None and user.is_authenticated else None,
        reason=current_reason() or None,
        empty=[field.name for field in tracked.relations()],
    )
    quiet = _recorded_deletions.set(_recorded_deletions.get() | {model})
    try:
        deleted = model._default_manager.filter(pk__in=keys).delete()[1]
    finally:
        _recorded_deletions.reset(quiet)
    return deleted.get(model._meta.label, 0)


def _acting_user() -> Any:
    """Who the signal would have recorded: ``recorded_as``'s user, else the request's (the
    history middleware's), else nobody."""
    user = _user.get()
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    return user


def _symmetrical(field: Any) -> bool:
    return bool(field.remote_field.symmetrical and field.related_model is field.model)


def copy_into_history(
    model: type[models.Model],
    keys: Sequence[Any],
    *,
    history_type: str,
    user_id: Any,
    reason: str | None,
    empty: Collection[str] = (),
) -> None:
    """One history row per row of ``model`` whose primary key is in ``keys``, and the
    snapshot of its many-to-many rows, written by ``INSERT ... SELECT`` (one statement per
    500 rows, and one per relation not named in ``empty``): what simple-history's
    ``bulk_history_create`` and ``snapshot_relations`` store, without reading the rows back
    into Python."""
    history = model.history.model  # type: ignore[attr-defined]
    source: dict[str, str] = {f.attname: str(f.column) for f in model._meta.concrete_fields}
    target: dict[str, str] = {f.attname: str(f.column) for f in history._meta.concrete_fields}
    copied = [(target[f.attname], source[f.attname]) for f in history.tracked_fields]
    key = model._meta.pk.attname  # type: ignore[union-attr]
    quote = connection.ops.quote_name
    insert = (
        f"INSERT INTO {quote(history._meta.db_table)} "
        f"({', '.join(quote(t) for t, _ in copied)}, history_date, history_change_reason, "
        f"history_type, history_user_id) "
        f"SELECT {', '.join(quote(s) for _, s in copied)}, %s, %s, %s, %s "
        f"FROM {quote(model._meta.db_table)} WHERE {quote(source[key])} IN ({{keys}}) "
        f"ORDER BY {quote(source[key])} RETURNING history_id"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    tracked: TrackedHistory = model._tracked_history  # type: ignore[attr-defined]
    relations = {f: m for f, m in tracked.relations().items() if f.name not in empty}
    with connection.cursor() as cursor:
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            cursor.execute(
                insert.format(keys=", ".join(["%s"] * len(chunk))),
                [now, reason, history_type, user_id, *chunk],
            )
            records = [row[0] for row in cursor.fetchall()]
            for field, m2m_model in relations.items() if records else ():
                _copy_relation(cursor, field, m2m_model, (history, target[key]), records)


def _copy_relation(
    cursor: Any, field: Any, m2m_model: Any, recorded: tuple[Any, str], records: list[Any]
) -> None:
    """The relation rows of ``field`` of the rows recorded as ``records`` (history ids), kept
    with those records (``snapshot_rows``, in the database). ``recorded``: the history model
    and its column holding the recorded row's key. A symmetrical relation is read in both
    directions, each pair once with the lowest row id, as ``snapshot_rows`` reads it."""
    quote = connection.ops.quote_name
    history, key = recorded
    through = quote(field.remote_field.through._meta.db_table)
    own, other = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
    own_copy = quote(m2m_model._meta.get_field(field.m2m_field_name()).column)
    other_copy = quote(m2m_model._meta.get_field(field.m2m_reverse_field_name()).column)
    marks = ", ".join(["%s"] * len(records))
    keys = f"SELECT {quote(key)} FROM {quote(history._meta.db_table)} WHERE history_id IN ({marks})"
    rows = f"SELECT t.id, t.{own} AS a, t.{other} AS b FROM {through} t WHERE t.{own} IN ({keys})"
    if _symmetrical(field):
        rows += (
            f" UNION ALL SELECT t.id, t.{other} AS a, t.{own} AS b FROM {through} t "
            f"WHERE t.{other} IN ({keys})"
        )
    cursor.execute(
        f"INSERT INTO {quote(m2m_model._meta.db_table)} (id, {own_copy}, {other_copy}, history_id) "
        f"SELECT MIN(r.id), r.a, r.b, h.history_id FROM ({rows}) r "
        f"JOIN {quote(history._meta.db_table)} h ON h.{quote(key)} = r.a "
        f"WHERE h.history_id IN ({marks}) "
        f"GROUP BY h.history_id, r.a, r.b ORDER BY h.history_id, r.b",
        records * (3 if _symmetrical(field) else 2),
    )


def record_changed(
    model: type[models.Model], rows: Sequence[models.Model], *, user: Any = None, reason: str = ""
) -> None:
    """History rows ("changed") for ``rows`` that a bulk update (or a queryset's ``update()``)
    changed: ``rows`` hold the new values."""
    _record(model, rows, update=True, user=user, reason=reason)


def update_with_history(queryset: models.QuerySet[Any], **values: Any) -> int:
    """``queryset.update(**values)``, leaving a "changed" history row for each row it changed
    (two more queries: the rows' keys before, the rows after)."""
    model = queryset.model
    if getattr(model, "_tracked_history", None) is None:
        return queryset.update(**values)
    with transaction.atomic():
        keys = list(queryset.values_list("pk", flat=True))
        if not keys:
            return 0
        updated = queryset.filter(pk__in=keys).update(**values)
        if updated:
            record_changed(model, list(model._default_manager.filter(pk__in=keys)))
    return updated


def _record(
    model: type[models.Model],
    rows: Sequence[models.Model],
    *,
    update: bool,
    user: Any = None,
    reason: str = "",
) -> None:
    rows = [row for row in rows if row.pk is not None]
    if not rows:
        return
    user = user if user is not None else _user.get()
    records = model.history.bulk_history_create(  # type: ignore[attr-defined]
        rows,
        update=update,
        default_user=user if user is not None and user.is_authenticated else None,
        default_change_reason=reason or current_reason() or None,
    )
    snapshot_relations(model, records)


def snapshot_relations(model: type[models.Model], records: Sequence[Any]) -> None:
    """Store the many-to-many rows of each history record of ``records`` as they are now (one
    query and one insert per relation, whatever the number of records)."""
    tracked: TrackedHistory | None = getattr(model, "_tracked_history", None)
    relations = tracked.relations() if tracked is not None else {}
    if not relations or not records:
        return
    by_row: dict[Any, list[Any]] = {}
    for record in records:
        by_row.setdefault(record.id, []).append(record)
    for field, m2m_model in relations.items():
        m2m_model.objects.bulk_create(snapshot_rows(field, m2m_model, by_row))


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


def _remember(sender: Any, instance: Any, history_instance: Any, **kwargs: Any) -> None:
    instance._history_last = history_instance


def install() -> None:
    """Hook up the change reason and the bookkeeping filter (from ``KnowledgeConfig.ready``)."""
    pre_create_historical_record.connect(_fill_in, dispatch_uid="casebase-history-fill-in")
    post_create_historical_record.connect(_remember, dispatch_uid="casebase-history-remember")
    pre_save.connect(_bookkeeping_only, dispatch_uid="casebase-history-bookkeeping")
