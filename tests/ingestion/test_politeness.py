"""The per-host turn of fetch_sources holds however many workers ask at once: every worker asks
the same cache (atomic ``add`` under a lock), in the embedded default the process's memory cache,
in production Redis; and a task whose turn is far away sends itself again instead of sleeping."""

from __future__ import annotations

import itertools
import os
import threading
import time
from typing import Any

import pytest
from django.core.cache import caches

from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline import politeness, tasks

URL = "https://courtlistener.example/opinion/1/"


def _race(workers: int, seconds: float) -> list[float]:
    """Threads (each with its own cache connection, as separate workers have) asking for turns
    on one host as fast as they can; returns the clock readings the turns were granted at."""
    granted: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def work() -> None:
        while time.monotonic() < stop:
            now = time.time()
            if politeness.take_turn(URL, now=now) == 0.0:
                with lock:
                    granted.append(now)
            time.sleep(0.005)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(granted)


def _assert_polite(granted: list[float], interval: float, seconds: float) -> None:
    gaps = [b - a for a, b in itertools.pairwise(granted)]
    assert len(granted) >= int(seconds / interval) - 1, granted
    assert min(gaps) >= interval - 1e-6, gaps


def test_eight_workers_share_one_turn_per_interval(settings: Any) -> None:
    settings.CASEBASE_FETCH_HOST_INTERVAL = 0.2
    _assert_polite(_race(8, 1.5), 0.2, 1.5)


@pytest.mark.integration
def test_workers_share_the_turn_through_redis(settings: Any) -> None:
    """As in production: the clock on Redis (the broker's server), asked from many clients."""
    broker = os.environ["CELERY_BROKER_URL"]
    settings.CACHES = {
        **settings.CACHES,
        "fetch-test": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": broker,
            "KEY_PREFIX": "casebase-politeness-test",
        },
    }
    settings.CASEBASE_FETCH_CACHE = "fetch-test"
    settings.CASEBASE_FETCH_HOST_INTERVAL = 0.2
    caches["fetch-test"].clear()
    _assert_polite(_race(8, 1.5), 0.2, 1.5)


@pytest.mark.django_db
def test_a_task_whose_turn_is_far_sends_itself_again(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.CASEBASE_FETCH_MAX_SLEEP_SECONDS = 0.5
    record = Document.objects.create(
        title="Opinion", status=DocumentStatus.REFERENCE, source_url=URL
    )
    politeness.hold_off(URL, 30)
    resent: list[tuple[Any, float]] = []
    monkeypatch.setattr(
        tasks.fetch_source, "apply_async", lambda args, countdown: resent.append((args, countdown))
    )
    assert tasks.fetch_source.run(record.pk) == "wait"  # as a worker runs it: not eager
    [(args, countdown)] = resent
    assert args == (record.pk,) and 29 <= countdown <= 31
