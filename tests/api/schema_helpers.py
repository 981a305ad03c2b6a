"""The OpenAPI schema /api/schema/ serves, generated here without a request or a database."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from drf_spectacular.generators import SchemaGenerator


@cache
def generated_schema() -> dict[str, Any]:
    generated = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    loaded: dict[str, Any] = json.loads(json.dumps(generated, default=str))
    return loaded
