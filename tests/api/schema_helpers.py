"""The OpenAPI schema /api/schema/ serves (the view's settings included)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.test import Client


@cache
def generated_schema() -> dict[str, Any]:
    response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    loaded: dict[str, Any] = response.json()
    return loaded
