"""Throttling: anonymous and token clients are limited separately; 429 in the error format."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .conftest import World


@pytest.fixture
def low_rates(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/minute", raising=False)
    monkeypatch.setattr(UserRateThrottle, "rate", "5/minute", raising=False)


def test_anonymous_clients_are_throttled(anon: APIClient, world: World, low_rates: None) -> None:
    codes = [anon.get("/api/v1/threads/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = anon.get("/api/v1/events/")
    error = response.json()["error"]
    assert error["status"] == 429 and error["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_token_clients_have_their_own_higher_limit(
    token_client: APIClient, world: World, low_rates: None
) -> None:
    codes = [token_client.get("/api/v1/threads/").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
