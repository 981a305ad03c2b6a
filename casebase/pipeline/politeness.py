"""Politeness towards the sites casebase fetches citation records from: one request per
``CASEBASE_FETCH_HOST_INTERVAL`` seconds per host, ``Retry-After`` honoured, robots.txt read
once a day per site.

The per-host clock lives in Django's cache, which every web and worker process shares in
production (Redis, ``CACHE_URL``): ``cache.add`` is an atomic set-if-absent there, so the rule
holds across any number of worker processes and machines. In the embedded default (eager tasks,
one process) the local memory cache is that shared place. ``CASEBASE_FETCH_CACHE`` names the
cache: production uses ``CACHE_URL``'s Redis, or the Redis broker when there is none.
"""

from __future__ import annotations

import time
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import BaseCache, caches

from casebase.sources.robots import origin, read_robots, robots_allow

LOCK_SECONDS = 5


def fetch_cache() -> BaseCache:
    """The cache named by ``CASEBASE_FETCH_CACHE``."""
    return caches[getattr(settings, "CASEBASE_FETCH_CACHE", "default")]


def host_interval() -> float:
    return float(getattr(settings, "CASEBASE_FETCH_HOST_INTERVAL", 1.0))


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


def _slot_key(host: str) -> str:
    return f"casebase:fetch-slot:{host}"


def _with_lock(host: str) -> bool:
    """Take the host's short lock (atomic ``add``); False when another process holds it."""
    return bool(fetch_cache().add(f"{_slot_key(host)}:lock", uuid.uuid4().hex, LOCK_SECONDS))


def _unlock(host: str) -> None:
    fetch_cache().delete(f"{_slot_key(host)}:lock")


def take_turn(url: str, now: float | None = None) -> float:
    """Claim the right to send one request to ``url``'s host now.

    Returns 0.0 when the turn is taken (the host's next turn moves ``host_interval()`` ahead), or
    the seconds to wait before asking again (nothing is claimed then).
    """
    host = host_key(url)
    if not _with_lock(host):
        return 0.05
    try:
        now = time.time() if now is None else now
        next_turn = float(fetch_cache().get(_slot_key(host)) or 0.0)
        if next_turn > now:
            return next_turn - now
        interval = host_interval()
        fetch_cache().set(_slot_key(host), now + interval, timeout=max(60, int(interval) + 60))
        return 0.0
    finally:
        _unlock(host)


def hold_off(url: str, seconds: float, now: float | None = None) -> None:
    """The site asked us to wait (``Retry-After``): no request to its host for ``seconds``."""
    host = host_key(url)
    now = time.time() if now is None else now
    for _ in range(100):
        if _with_lock(host):
            break
        time.sleep(0.01)
    try:
        until = max(float(fetch_cache().get(_slot_key(host)) or 0.0), now + seconds)
        fetch_cache().set(_slot_key(host), until, timeout=int(until - now) + 60)
    finally:
        _unlock(host)


def wait_for_turn(url: str, max_sleep: float) -> float:
    """Sleep until a turn for ``url``'s host is taken, unless that means sleeping more than
    ``max_sleep`` in all: then return the seconds still to wait (0.0 when the turn was taken)."""
    slept = 0.0
    while True:
        wait = take_turn(url)
        if wait <= 0:
            return 0.0
        if slept + wait > max_sleep:
            return wait
        time.sleep(wait)
        slept += wait


def robots_text(url: str) -> tuple[str, bool]:
    """The robots.txt text of ``url``'s site, from the cache or fetched (a request to the host:
    the caller has its turn). Returns (text, fetched_now)."""
    key = f"casebase:robots:{origin(url)}"
    cached = fetch_cache().get(key)
    if cached is not None:
        return str(cached), False
    text = read_robots(url)
    fetch_cache().set(
        key, text, timeout=int(getattr(settings, "CASEBASE_ROBOTS_CACHE_SECONDS", 86400))
    )
    return text, True


def robots_cached(url: str) -> bool:
    return fetch_cache().get(f"casebase:robots:{origin(url)}") is not None


def allowed_by_robots(url: str) -> bool:
    text, _ = robots_text(url)
    return robots_allow(text, url)
