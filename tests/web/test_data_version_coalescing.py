"""Coalescing: a burst of writes changes the data version once per interval, never losing one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import override_settings

from casebase.knowledge import data_version
from casebase.knowledge.data_version import bump_data_version, current_data_version


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        return self.now

    def time_ns(self) -> int:
        return int(self.now * 1e9)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    fake = Clock()
    monkeypatch.setattr(data_version, "time", fake)
    cache.clear()
    with override_settings(CASEBASE_DATA_VERSION_COALESCE_SECONDS=2.0):
        yield fake
    cache.clear()


def test_a_write_after_a_quiet_interval_changes_the_version_at_once(clock: Clock) -> None:
    start = current_data_version()
    bump_data_version()
    assert current_data_version() == start + 1
    clock.now += 2.5
    bump_data_version()
    assert current_data_version() == start + 2


def test_writes_within_the_interval_share_one_change_made_after_it(clock: Clock) -> None:
    start = current_data_version()
    bump_data_version()
    for _ in range(50):  # a burst over 1.5 s: a worker storing document after document
        clock.now += 0.03
        bump_data_version()
    assert current_data_version() == start + 1  # held back: never more than 2 s
    clock.now += 0.4
    assert current_data_version() == start + 1
    clock.now += 0.2  # past 2 s since the version last changed
    assert current_data_version() == start + 2  # the held-back writes are visible now
    assert current_data_version() == start + 2  # once, not at every read
    clock.now += 10
    assert current_data_version() == start + 2  # nothing more was held back


def test_without_coalescing_every_write_changes_the_version(clock: Clock) -> None:
    with override_settings(CASEBASE_DATA_VERSION_COALESCE_SECONDS=0):
        start = current_data_version()
        for _ in range(3):
            bump_data_version()
        assert current_data_version() == start + 3
