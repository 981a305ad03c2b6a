"""The data version: one counter in the shared cache that changes whenever knowledge data changes.

The read side keys what it caches (casebase/web/response_cache.py) by ``current_data_version()``,
so a write makes every cached page unreachable at once, with no list of pages to purge.

What bumps it: every SQL statement that writes to a table of the knowledge app (INSERT, UPDATE,
DELETE, TRUNCATE on ``knowledge_*``, including the many-to-many tables), whatever issued it:
``Model.save()``, ``QuerySet.update()``, ``QuerySet.delete()``, ``bulk_create()``, the admin,
services, management commands, raw SQL. The hook is a database execute wrapper installed on every
connection (``install()``, called from the app's ``ready()``), not ``post_save``/``post_delete``
receivers: those miss bulk writes and ``QuerySet.update()``, and a ``post_delete`` receiver turns
off Django's fast deletes (every deleted row is fetched and signalled, e.g. the thousands of
mentions a re-extraction replaces).

The bump happens after the transaction commits (``on_commit``, once per transaction however many
statements it ran; immediately in autocommit mode), so no reader can render the old data under the
new version. Writes rolled back never bump.

The counter lives in Django's default cache: every process (gunicorn workers, Celery workers) must
share it, i.e. production needs CACHE_URL (docs/deploy.md, "Response cache").
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)

VERSION_KEY = "casebase:data-version"
PENDING_KEY = "casebase:data-version:pending"  # a change held back by coalescing
BUMPED_AT_KEY = "casebase:data-version:bumped-at"  # when the version last changed (epoch s)
APP_LABEL = "knowledge"

# INSERT [OR IGNORE] INTO t / UPDATE t / DELETE FROM t / TRUNCATE [TABLE] t[, u ...]
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|(TRUNCATE)(?:\s+TABLE)?)\s+"?(\w+)"?',
    re.IGNORECASE,
)
_tables: frozenset[str] | None = None


def _initial_version() -> int:
    # A missing counter (first use, eviction, a flushed cache) restarts from the clock in
    # microseconds, never from 0: a restarted counter must not reach a number under which
    # entries stored before the restart are still alive.
    return time.time_ns() // 1000


def _coalesce_seconds() -> float:
    return float(getattr(settings, "CASEBASE_DATA_VERSION_COALESCE_SECONDS", 0))


def current_data_version() -> int:
    """The current data version (created if missing); also makes a change that was held back by
    coalescing (see ``bump_data_version``) once its interval has passed."""
    values = cache.get_many([VERSION_KEY, PENDING_KEY, BUMPED_AT_KEY])
    version = values.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _initial_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    elif _held_back_change_due(values) and cache.delete(PENDING_KEY):
        # cache.delete is True for one reader only: that one makes the held-back change.
        _increment()
        cache.set(BUMPED_AT_KEY, time.time(), timeout=None)
        version = cache.get(VERSION_KEY)
    return int(version or 0)


def _held_back_change_due(values: dict[str, Any]) -> bool:
    return bool(values.get(PENDING_KEY)) and (
        time.time() - float(values.get(BUMPED_AT_KEY) or 0) >= _coalesce_seconds()
    )


def bump_data_version() -> None:
    """Change the data version. Writes bump it by themselves once they commit (``install``).

    Coalescing (``CASEBASE_DATA_VERSION_COALESCE_SECONDS``, default 2): a write after a quiet
    interval changes the version at once; further writes within the interval are held back and
    the next read after it changes the version. A burst of writes (workers storing a document
    every few hundred milliseconds) thus empties the cache at most once per interval instead of
    at every commit, and no reader sees data older than the interval. 0 changes it every time.
    """
    try:
        now = time.time()
        interval = _coalesce_seconds()
        if interval > 0 and now - (cache.get(BUMPED_AT_KEY) or 0) < interval:
            cache.set(PENDING_KEY, 1, timeout=None)
            return
        _increment()
        if interval > 0:
            cache.set(BUMPED_AT_KEY, now, timeout=None)
    except Exception:  # the write has committed: never fail it because the cache is down
        logger.exception("could not bump the data version; cached pages may be stale")


def _increment() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # missing: start it (a new counter is already a new version)
        if not cache.add(VERSION_KEY, _initial_version(), timeout=None):
            cache.incr(VERSION_KEY)


def knowledge_tables() -> frozenset[str]:
    global _tables
    if _tables is None:
        models = apps.get_app_config(APP_LABEL).get_models(include_auto_created=True)
        _tables = frozenset(model._meta.db_table.lower() for model in models)
    return _tables


def writes_knowledge(sql: str) -> bool:
    """Does this SQL statement write to a knowledge table?"""
    match = _WRITE.match(sql)
    if match is None:
        return False
    tables = knowledge_tables()
    if match.group(1):  # TRUNCATE lists several tables
        return any(f'"{table}"' in sql.lower() or table in sql.lower() for table in tables)
    return match.group(2).lower() in tables


def _data_changed(connection: BaseDatabaseWrapper) -> None:
    if not connection.in_atomic_block:
        bump_data_version()  # autocommit: the statement has committed
        return
    if getattr(settings, "CASEBASE_DATA_VERSION_BUMP_ON_WRITE", False):
        # Tests run inside a transaction that never commits, and their client reads through the
        # same connection: the data is visible at once, so the version must change at once.
        bump_data_version()
    # Once per transaction: a bulk load of thousands of statements bumps once, on commit. Where
    # our callback sits is remembered, so the check costs O(1) however many callbacks others
    # registered; Django builds a new list on commit, rollback and savepoint rollback, after
    # which the callback is registered again (at worst once more than needed).
    pending = connection.run_on_commit
    seen = getattr(connection, "_casebase_bump_at", None)
    if (
        seen is not None
        and seen[0] is pending
        and len(pending) > seen[1]
        and pending[seen[1]][1] is bump_data_version
    ):
        return
    connection.on_commit(bump_data_version)
    connection._casebase_bump_at = (  # type: ignore[attr-defined]
        connection.run_on_commit,
        len(connection.run_on_commit) - 1,
    )


def _watch_writes(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and writes_knowledge(sql):
        _data_changed(context["connection"])
    return result


def _install_on(connection: BaseDatabaseWrapper) -> None:
    if _watch_writes not in connection.execute_wrappers:
        # First, not last: connection.execute_wrapper() blocks pop() the last wrapper on exit, and
        # a connection opened inside such a block would otherwise lose ours instead of theirs.
        connection.execute_wrappers.insert(0, _watch_writes)


def _on_connection_created(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    _install_on(connection)


def install() -> None:
    """Watch every database connection, present and future (called from AppConfig.ready)."""
    connection_created.connect(_on_connection_created, dispatch_uid="casebase-data-version")
    for connection in connections.all(initialized_only=True):
        _install_on(connection)
