"""The permission matrix: every write endpoint, for an anonymous client, a token without
permissions, and an editor (token with the knowledge app's model permissions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from casebase.knowledge.models import Case, Citation, Claim, Entity, Event, Mention, Thread

from .conftest import World

V1 = "/api/v1"

Payload = Callable[[World], dict[str, Any]]

# resource -> (detail key of the world object, create payload, full update payload, patch)
RESOURCES: dict[str, tuple[Callable[[World], str], Payload, Payload, Payload]] = {
    "cases": (
        lambda w: w.case.slug,
        lambda w: {
            "slug": "new-case",
            "caption": "New v. Case",
            "short_name": "New",
            "court": "Test court",
        },
        lambda w: {
            "slug": w.case.slug,
            "caption": "Example v. Beta Labs (renamed)",
            "short_name": "Example",
            "court": "Test court",
        },
        lambda w: {"status_note": "Stayed."},
    ),
    "threads": (
        lambda w: w.thread.slug,
        lambda w: {"slug": "new-thread", "name": "New thread"},
        lambda w: {"slug": w.thread.slug, "name": "Renamed"},
        lambda w: {"color": "#000000"},
    ),
    "entities": (
        lambda w: w.gamma.slug,
        lambda w: {
            "slug": "delta",
            "name": "Delta",
            "kind": "organization",
            "aliases": ["Delta Inc."],
        },
        lambda w: {"slug": w.gamma.slug, "name": "Gamma Corporation", "kind": "organization"},
        lambda w: {"aliases": ["Gamma Co."]},
    ),
    "mentions": (
        lambda w: str(w.document.mentions.first().pk),  # type: ignore[union-attr]
        lambda w: {
            "document": w.document.pk,
            "entity_slug": "beta-labs",
            "start": 73,
            "end": 82,
            "text": "Beta Labs",
        },
        lambda w: {
            "document": w.document.pk,
            "entity_slug": "alice-example",
            "start": 0,
            "end": 5,
            "text": "Alice",
        },
        lambda w: {"end": 6},
    ),
    "events": (
        lambda w: str(w.month_event.pk),
        lambda w: {
            "title": "New event",
            "date": "2020-05-17",
            "date_precision": "month",
            "threads": ["dispute"],
            "entities": ["alice-example"],
        },
        lambda w: {
            "title": "Month event (edited)",
            "date": "2021-03-01",
            "date_precision": "month",
        },
        lambda w: {"summary": "Edited."},
    ),
    "claims": (
        lambda w: str(w.claim.pk),
        lambda w: {
            "document": w.document.pk,
            "verb": "said",
            "content": "Something",
            "start": 1,
            "end": 5,
            "speaker_slug": "beta-labs",
        },
        lambda w: {
            "document": w.document.pk,
            "verb": "testified",
            "content": "Edited",
            "start": 0,
            "end": 70,
        },
        lambda w: {"review_status": "approved"},
    ),
    "citations": (
        lambda w: str(w.citation.pk),
        lambda w: {
            "document": w.document.pk,
            "kind": "statute",
            "text": "17 U.S.C. 107",
            "normalized": "17 USC 107",
            "start": 5,
            "end": 20,
        },
        lambda w: {
            "document": w.document.pk,
            "kind": "case",
            "text": "Foo v. Bar",
            "normalized": "123 F.3d 456",
            "start": 100,
            "end": 140,
            "case": w.case.slug,
        },
        lambda w: {"case": w.case.slug},
    ),
}

MODELS: dict[str, Any] = {
    "cases": Case,
    "threads": Thread,
    "entities": Entity,
    "mentions": Mention,
    "events": Event,
    "claims": Claim,
    "citations": Citation,
}

WRITES = [
    (resource, method) for resource in RESOURCES for method in ("post", "put", "patch", "delete")
]


def _request(client: APIClient, world: World, resource: str, method: str) -> Any:
    key, create, update, patch = RESOURCES[resource]
    if method == "post":
        return client.post(f"{V1}/{resource}/", create(world), format="json")
    url = f"{V1}/{resource}/{key(world)}/"
    if method == "delete":
        return client.delete(url)
    body = update(world) if method == "put" else patch(world)
    return getattr(client, method)(url, body, format="json")


@pytest.mark.parametrize(("resource", "method"), WRITES)
def test_anonymous_cannot_write(anon: APIClient, world: World, resource: str, method: str) -> None:
    before = MODELS[resource].objects.count()
    response = _request(anon, world, resource, method)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert MODELS[resource].objects.count() == before


@pytest.mark.parametrize(("resource", "method"), WRITES)
def test_token_without_permission_is_forbidden(
    token_client: APIClient, world: World, resource: str, method: str
) -> None:
    before = MODELS[resource].objects.count()
    response = _request(token_client, world, resource, method)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert MODELS[resource].objects.count() == before


@pytest.mark.parametrize(("resource", "method"), WRITES)
def test_editor_can_write(
    editor_client: APIClient, world: World, resource: str, method: str
) -> None:
    model = MODELS[resource]
    before = model.objects.count()
    response = _request(editor_client, world, resource, method)
    expected = {"post": 201, "put": 200, "patch": 200, "delete": 204}[method]
    assert response.status_code == expected, response.content
    change = {"post": 1, "delete": -1}.get(method, 0)
    assert model.objects.count() == before + change


def test_editor_event_dates_are_stored_as_the_start_of_their_period(
    editor_client: APIClient, world: World
) -> None:
    response = _request(editor_client, world, "events", "post")
    data = response.json()
    assert data["date"] == "2020-05-01" and data["partial_date"] == "2020-05"
    event = Event.objects.get(pk=data["id"])
    assert [e.slug for e in event.entities.all()] == ["alice-example"]


def test_editor_entity_aliases_are_written(editor_client: APIClient, world: World) -> None:
    _request(editor_client, world, "entities", "post")
    assert [a.alias for a in Entity.objects.get(slug="delta").aliases.all()] == ["Delta Inc."]
    response = _request(editor_client, world, "entities", "patch")
    assert response.json()["aliases"] == ["Gamma Co."]


def test_editor_invalid_span_is_a_400(editor_client: APIClient, world: World) -> None:
    body = RESOURCES["claims"][1](world) | {"start": 9, "end": 3}
    response = editor_client.post(f"{V1}/claims/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["details"]["end"]


DOCUMENT_WRITES = ["post", "put", "patch", "delete", "reprocess"]


def _document_request(client: APIClient, world: World, method: str) -> Any:
    url = f"{V1}/documents/{world.article.pk}/"
    if method == "post":
        body = {"text": "A new filing, pasted.", "title": "Pasted filing", "kind": "motion"}
        return client.post(f"{V1}/documents/", body, format="json")
    if method == "reprocess":
        return client.post(f"{url}reprocess/")
    if method == "delete":
        return client.delete(url)
    if method == "put":
        return client.put(url, {"title": "Retitled", "kind": "news_article"}, format="json")
    return client.patch(url, {"publisher": "Daily Example (print)"}, format="json")


@pytest.mark.parametrize("method", DOCUMENT_WRITES)
def test_document_writes_matrix(
    anon: APIClient,
    token_client: APIClient,
    editor_client: APIClient,
    world: World,
    method: str,
) -> None:
    world.article.source_url = "https://news.example.com/beta-denies"
    world.article.save()
    assert _document_request(anon, world, method).status_code == 401
    assert _document_request(token_client, world, method).status_code == 403
    expected = {"post": 202, "put": 200, "patch": 200, "delete": 204, "reprocess": 202}
    response = _document_request(editor_client, world, method)
    assert response.status_code == expected[method], response.content
