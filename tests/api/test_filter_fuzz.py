"""Any value of any query parameter of any list endpoint (and of the timeline export, in every
format) answers 200 or a 400 in the API's error format: never a 5xx.

The parameters come from the OpenAPI schema the server generates, so a new filter is fuzzed
without touching this file.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from .conftest import World
from .schema_helpers import generated_schema

# Values that broke or could break a parser: %-format characters, NUL, lone surrogates, huge.
NASTY = (
    "%",
    "%s",
    "%(x)s",
    "%%d",
    "2023%",
    "\x00",
    "2023\x00",
    "\ud800",
    "a\udfffb",
    "x" * 10_000,
    "",
    " ",
    ",",
    ",,,",
    "true",
    "-1",
    "9" * 40,
    "1e309",
    "NaN",
    "2026-02-30",
    "0000",
    "\u202e😀",
)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)  # surrogates included
VALUES = st.lists(st.one_of(st.sampled_from(NASTY), ANY_TEXT), min_size=1, max_size=2)


def query_parameters() -> list[tuple[str, str, dict[str, str]]]:
    """(path, parameter, fixed parameters) for every query parameter of every collection GET;
    the timeline once per export format."""
    cases: list[tuple[str, str, dict[str, str]]] = []
    for path, operations in generated_schema()["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path:
            continue
        params = [p for p in get.get("parameters", []) if p["in"] == "query"]
        formats = next((p["schema"]["enum"] for p in params if p["name"] == "format"), None)
        for param in params:
            if formats is None:
                cases.append((path, param["name"], {}))
            elif param["name"] != "format":
                cases.extend((path, param["name"], {"format": f}) for f in formats)
    return cases


PARAMETERS = query_parameters()


def test_every_collection_and_the_timeline_formats_are_covered() -> None:
    covered = {(path, fixed.get("format")) for path, _, fixed in PARAMETERS}
    for name in ("cases", "documents", "entities", "mentions", "events", "claims", "citations"):
        assert (f"/api/v1/{name}/", None) in covered
    for fmt in ("json", "csv", "timelinejs", "ics"):
        assert ("/api/v1/timeline/", fmt) in covered
    assert ("/api/v1/events/", "date_from", {}) in PARAMETERS


def get(client: APIClient, path: str, pairs: list[tuple[str, str]]) -> Any:
    # surrogatepass: a lone surrogate goes out as the (invalid UTF-8) bytes a client could send
    query = urlencode(pairs, encoding="utf-8", errors="surrogatepass")
    return client.get(f"{path}?{query}")


@pytest.mark.parametrize(("path", "name", "fixed"), PARAMETERS, ids=lambda v: str(v) or "-")
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(values=VALUES, with_token=st.booleans())
@example(values=["%"], with_token=False)
@example(values=["%s"], with_token=True)
@example(values=["%(x)s"], with_token=False)
@example(values=["\x00"], with_token=False)
@example(values=["\ud800"], with_token=True)
@example(values=["x" * 10_000], with_token=False)
def test_no_value_of_any_parameter_causes_a_server_error(
    anon: APIClient,
    token_client: APIClient,
    world: World,
    path: str,
    name: str,
    fixed: dict[str, str],
    values: list[str],
    with_token: bool,
) -> None:
    client = token_client if with_token else anon
    response = get(client, path, [*fixed.items(), *((name, value) for value in values)])
    # 200 or a 400 naming the parameter; a cursor that points nowhere is DRF's 404
    allowed = (200, 400, 404) if name == "cursor" else (200, 400)
    assert response.status_code in allowed, response.content[:500]
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code
        assert isinstance(error["code"], str) and isinstance(error["message"], str)


@pytest.mark.parametrize(
    "param",
    [
        "events/?date_from",
        "events/?date_to",
        "documents/?published_from",
        "documents/?published_to",
        "claims/?made_from",
        "claims/?made_to",
        "timeline/?date_from",
    ],
)
@pytest.mark.parametrize("value", ["%", "%s", "%(x)s", "%d%d"])
def test_format_characters_in_a_date_filter_are_a_400(
    anon: APIClient, world: World, param: str, value: str
) -> None:
    path, name = param.split("?")
    response = get(anon, f"/api/v1/{path}", [(name, value)])
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "not a partial date" in error["details"][name][0]
    assert value in error["details"][name][0]
