"""Schemathesis against the live OpenAPI schema, in-process over WSGI, with bounded examples:
no server errors and no response that breaks the schema, anonymously and as an editor."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from casebase.wsgi import application

from .conftest import World

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.content_type_conformance,
]
MAX_EXAMPLES = 8


def load_schema() -> schemathesis.BaseSchema:
    """The schema /api/schema/ serves (generated here without a database), bound to the app."""
    generated = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(json.dumps(generated, default=str)))
    loaded.app = application
    loaded.config.phases.coverage.enabled = False  # bounded: examples + fuzzing only
    loaded.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)
    return loaded


schema = load_schema()


@pytest.fixture
def keep_connection() -> Iterator[None]:
    """Calling the WSGI app directly fires request_finished, whose close_old_connections drops
    the test's connection (it is inside a transaction); Django's test client disconnects it the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_anonymous_requests_conform(
    case: schemathesis.Case, world: World, keep_connection: None
) -> None:
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_editor_requests_conform(
    case: schemathesis.Case, world: World, editor_client: object, keep_connection: None
) -> None:
    key = Token.objects.get(user__username="api-editor").key
    case.call_and_validate(headers={"Authorization": f"Token {key}"}, checks=CHECKS)
