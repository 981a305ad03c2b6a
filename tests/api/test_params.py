"""Query parameters are checked strictly and consistently (docs/api.md, "Filters"): a value the
schema does not allow is a 400 naming the parameter, never silently ignored; a well-formed slug
or id that names nothing matches nothing (200, empty)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from .conftest import World


@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/v1/entities/?offset=true", "offset"),
        ("/api/v1/entities/?offset=-1", "offset"),
        ("/api/v1/entities/?limit=9999999999999999999999999999999999999999", "limit"),
        ("/api/v1/threads/?limit=x&limit=y", "limit"),
        ("/api/v1/threads/?limit=0", "limit"),
        ("/api/v1/threads/?limit=2&limit=3", "limit"),
        ("/api/v1/events/?page_size=abc", "page_size"),
        ("/api/v1/events/?page_size=501", "page_size"),
        ("/api/v1/events/?ordering=nope", "ordering"),
        ("/api/v1/events/?ordering=date,,id", "ordering"),
        ("/api/v1/events/?expand=entities,nope", "expand"),
        ("/api/v1/events/?date_from=%202023", "date_from"),
        ("/api/v1/events/?date_from=2023-7", "date_from"),
        ("/api/v1/events/?date_from=", "date_from"),
        ("/api/v1/events/?case=not%20a%20slug", "case"),
        ("/api/v1/events/?case=a,,b", "case"),
        ("/api/v1/events/?search=a%00b", "search"),
        ("/api/v1/events/?search=a&search=b", "search"),
        ("/api/v1/citations/?kind=", "kind"),
        ("/api/v1/entities/?origin=", "origin"),
        ("/api/v1/cases/?status=", "status"),
        ("/api/v1/claims/?under_oath=yes", "under_oath"),
        ("/api/v1/claims/?under_oath=", "under_oath"),
        ("/api/v1/entities/?merged=1", "merged"),
        ("/api/v1/claims/?document=x", "document"),
        ("/api/v1/claims/?document=1.0", "document"),
        ("/api/v1/claims/?document=0", "document"),
        ("/api/v1/mentions/?document=99999999999999999999", "document"),
        ("/api/v1/documents/?docket_entry=-1", "docket_entry"),
        ("/api/v1/timeline/?unverified=true", "unverified"),
        ("/api/v1/timeline/?format=", "format"),
        ("/api/v1/timeline/?origin=", "origin"),
        ("/api/v1/timeline/?review=approved,nope", "review"),
        ("/api/v1/timeline/?case=a,b", "case"),
        ("/api/v1/timeline/?entity=a&entity=b", "entity"),
        ("/api/v1/timeline/?q=" + "x" * 201, "q"),
    ],
)
def test_a_value_the_schema_does_not_allow_is_a_400(
    anon: APIClient, world: World, url: str, param: str
) -> None:
    response = anon.get(url)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and param in error["details"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/?document=999999",
        "/api/v1/mentions/?document=999999",
        "/api/v1/citations/?document=999999",
        "/api/v1/claims/?speaker=nobody",
        "/api/v1/events/?case=no-such-case",
        "/api/v1/documents/?docket_entry=4242",
    ],
)
def test_an_unknown_id_or_slug_matches_nothing(anon: APIClient, world: World, url: str) -> None:
    response = anon.get(url)
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/?case=&entity=&expand=&ordering=",
        "/api/v1/events/?search=&ordering=-date,id&origin=curated&origin=extracted",
        "/api/v1/claims/?under_oath=false&made_from=2023&made_to=2023-07-12",
        "/api/v1/entities/?limit=500&offset=2147483647&merged=true",
        "/api/v1/timeline/?unverified=no&review=approved,edited&q=&format=ics",
        "/api/v1/timeline/?entity=nobody&date_from=2030&date_to=2020",
    ],
)
def test_values_the_schema_allows_are_accepted(anon: APIClient, world: World, url: str) -> None:
    assert anon.get(url).status_code == 200


def test_claims_document_filter_still_filters(anon: APIClient, world: World) -> None:
    response = anon.get(f"/api/v1/claims/?document={world.document.pk}")
    assert [c["id"] for c in response.json()["results"]] == [world.claim.pk]
