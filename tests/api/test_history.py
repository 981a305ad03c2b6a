"""``/api/v1/<resource>/<id>/history/``: every API write is in the item's history, with who
made it and the field-by-field difference; the history is as public as the item."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests import factories

from .conftest import World
from .test_permissions import RESOURCES

pytestmark = pytest.mark.django_db
V1 = "/api/v1"
HISTORY_RESOURCES = ["cases", "threads", "entities", "events", "claims"]


def _id(resource: str, body: dict[str, Any]) -> str:
    return str(body["slug"] if resource in ("cases", "threads", "entities") else body["id"])


@pytest.mark.parametrize("resource", HISTORY_RESOURCES)
def test_create_and_change_are_in_the_history(
    editor_client: APIClient, anon: APIClient, world: World, resource: str
) -> None:
    _, create, _, patch = RESOURCES[resource]
    created = editor_client.post(f"{V1}/{resource}/", create(world), format="json")
    assert created.status_code == 201, created.json()
    url = f"{V1}/{resource}/{_id(resource, created.json())}/"
    # an entity's aliases are rows of their own (EntityAlias has its own history)
    changes = {"description": "Edited."} if resource == "entities" else patch(world)
    assert editor_client.patch(url, changes, format="json").status_code == 200
    history = anon.get(f"{url}history/")
    assert history.status_code == 200, history.json()
    data = history.json()
    assert data["count"] == 2
    changed, first = data["results"]
    assert (changed["kind"], first["kind"]) == ("changed", "created")
    assert changed["user"] == first["user"] == "api-editor"
    assert changed["date"] >= first["date"]
    fields = {c["field"]: c for c in changed["changes"]}
    for name in changes:
        field = name.removesuffix("_slug")
        if field in fields:
            assert fields[field]["old"] != fields[field]["new"]
    assert fields, "no field-by-field difference"


def test_document_metadata_changes_are_in_the_history(
    editor_client: APIClient, anon: APIClient, world: World
) -> None:
    url = f"{V1}/documents/{world.article.pk}/"
    before = world.article.publisher
    response = editor_client.patch(url, {"publisher": "Daily Example (print)"}, format="json")
    assert response.status_code == 200
    latest = anon.get(f"{url}history/").json()["results"][0]
    assert latest["kind"] == "changed" and latest["user"] == "api-editor"
    assert {"field": "publisher", "old": before, "new": "Daily Example (print)"} in latest[
        "changes"
    ]


def test_the_history_of_an_item_the_reader_may_not_see_is_not_found(
    anon: APIClient, token_client: APIClient
) -> None:
    pending = factories.EventFactory(origin="extracted", review_status="extracted")
    assert anon.get(f"{V1}/events/{pending.pk}/history/").status_code == 404
    history = token_client.get(f"{V1}/events/{pending.pk}/history/").json()
    assert [entry["kind"] for entry in history["results"]] == ["created"]


def test_an_event_page_says_how_often_it_changed(editor_client: APIClient, world: World) -> None:
    from django.test import Client

    url = f"{V1}/events/{world.month_event.pk}/"
    for summary in ("First edit.", "Second edit.", "Third edit."):
        editor_client.patch(url, {"summary": summary}, format="json")
    page = Client().get(f"/events/{world.month_event.pk}/").content.decode()
    assert "Changed 3 times; last on" in page
