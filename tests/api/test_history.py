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


def test_adding_and_removing_threads_and_entities_is_a_change(
    editor_client: APIClient, anon: APIClient, world: World
) -> None:
    """Many-to-many relations are history too: who changed an event's threads and entities,
    when, and what they held before and after; the event page counts the change."""
    url = f"{V1}/events/{world.month_event.pk}/"
    before = anon.get(f"{url}history/").json()["count"]
    body = {"threads": ["dispute", "precedents"], "entities": ["alice-example"]}
    assert editor_client.patch(url, body, format="json").status_code == 200
    data = anon.get(f"{url}history/").json()
    assert data["count"] == before + 1  # one edit, one record (the row, then its relations)
    latest = data["results"][0]
    assert (latest["kind"], latest["user"]) == ("changed", "api-editor")
    changes = {c["field"]: (c["old"], c["new"]) for c in latest["changes"]}
    assert changes == {
        "threads": (["precedents"], ["dispute", "precedents"]),
        "entities": (["beta-labs"], ["alice-example"]),
    }
    from django.test import Client

    page = Client().get(f"/events/{world.month_event.pk}/").content.decode()
    assert "Changed 1 time" in page
    # the feeds say what changed
    from casebase.knowledge.models import Event
    from casebase.queries.changes import recent_changes

    change = recent_changes(Event.objects.filter(pk=world.month_event.pk))[0]
    assert change.what == "Changed: entities, threads."


def test_a_relation_changed_from_the_other_side_is_in_the_owners_history(
    anon: APIClient, world: World
) -> None:
    """``entity.events.add(event)`` and a claim's ``about`` entities, outside any request,
    are recorded on the event and the claim with the reason the command gave."""
    from casebase.knowledge.history import recorded_as
    from casebase.knowledge.models import Claim, Entity, Event

    gamma = Entity.objects.get(slug="gamma-corp")
    with recorded_as("command tag"):
        gamma.events.add(Event.objects.get(pk=world.year_event.pk))
        Claim.objects.get(pk=world.claim.pk).about.add(gamma)
    event = anon.get(f"{V1}/events/{world.year_event.pk}/history/").json()["results"][0]
    assert (event["kind"], event["reason"]) == ("changed", "command tag")
    assert event["changes"] == [
        {"field": "entities", "old": ["alice-example"], "new": ["alice-example", "gamma-corp"]}
    ]
    claim = anon.get(f"{V1}/claims/{world.claim.pk}/history/").json()["results"][0]
    assert claim["changes"] == [{"field": "about", "old": [], "new": ["gamma-corp"]}]


def test_a_symmetrical_relation_is_a_change_at_both_ends(anon: APIClient, world: World) -> None:
    from casebase.knowledge.models import Case

    other = factories.CaseFactory(slug="beta-v-example", short_name="Beta v. Example")
    Case.objects.get(pk=world.case.pk).related.add(Case.objects.get(pk=other.pk))
    for case, end in ((world.case.slug, other.slug), (other.slug, world.case.slug)):
        latest = anon.get(f"{V1}/cases/{case}/history/").json()["results"][0]
        assert latest["changes"] == [{"field": "related", "old": [], "new": [end]}], case
    Case.objects.get(pk=other.pk).related.clear()
    latest = anon.get(f"{V1}/cases/{world.case.slug}/history/").json()["results"][0]
    assert latest["changes"] == [{"field": "related", "old": [other.slug], "new": []}]
