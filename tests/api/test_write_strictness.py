"""Write bodies: the server accepts exactly what the schema declares (docs/api.md, "Writing").

One test per class of defect schemathesis found with an editor's token: lenient types (a boolean
written as text, a number as a string, a string as a number), dates in other formats than
``YYYY-MM-DD``, blank or malformed strings, lists of the wrong type, form-encoded bodies that
cannot carry null or types; plus the answers to valid bodies the server cannot accept (an unknown
slug: 400 naming the field; a slug already taken: 409), each declared in the schema.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from casebase.knowledge.models import Entity, Thread

from .conftest import World
from .schema_helpers import generated_schema

V1 = "/api/v1"


def assert_invalid(response: Any, field: str) -> None:
    """A 400 in the API's error format whose details name ``field``."""
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid", error
    assert error["details"][field], error


def request_schema(component: str, field: str) -> dict[str, Any]:
    schema: dict[str, Any] = generated_schema()["components"]["schemas"][component]
    return dict(schema["properties"][field])


@pytest.mark.parametrize("value", ["true", "yes", "1", 1, 0, None])
def test_a_boolean_is_true_or_false_only(
    editor_client: APIClient, world: World, value: object
) -> None:
    url = f"{V1}/claims/{world.claim.pk}/"
    assert_invalid(editor_client.patch(url, {"under_oath": value}, format="json"), "under_oath")
    assert editor_client.patch(url, {"under_oath": True}, format="json").status_code == 200
    assert request_schema("PatchedClaimRequest", "under_oath") == {"type": "boolean"}


@pytest.mark.parametrize(
    "value", ["20240102", "2024-1-2", "2024-W01-2", "2024-002", "2024-01-02\n", "２０２４-01-02"]
)
def test_a_date_is_yyyy_mm_dd_only(editor_client: APIClient, world: World, value: str) -> None:
    url = f"{V1}/events/{world.day_event.pk}/"
    assert_invalid(editor_client.patch(url, {"end_date": value}, format="json"), "end_date")
    assert_invalid(editor_client.patch(url, {"date": value}, format="json"), "date")
    response = editor_client.patch(url, {"end_date": "2024-01-02"}, format="json")
    assert response.status_code == 200, response.content
    assert request_schema("PatchedEventWriteRequest", "end_date")["format"] == "date"


@pytest.mark.parametrize(
    ("url", "field", "value"),
    [
        ("/events/{event}/", "title", "   "),
        ("/events/{event}/", "case", ""),
        ("/threads/dispute/", "color", ""),
        ("/threads/dispute/", "color", "#12345g"),
        ("/threads/dispute/", "color", "blue"),
        ("/entities/alice-example/", "name", " \n\t"),
        ("/entities/alice-example/", "description", "a\u0000b"),
        ("/documents/{document}/", "source_url", "javascript:alert(1)"),
        ("/documents/{document}/", "title", 5),
        ("/claims/{claim}/", "content", ["x"]),
    ],
)
def test_strings_match_their_pattern_and_are_strings(
    editor_client: APIClient, world: World, url: str, field: str, value: object
) -> None:
    path = V1 + url.format(
        event=world.day_event.pk, document=world.article.pk, claim=world.claim.pk
    )
    assert_invalid(editor_client.patch(path, {field: value}, format="json"), field)


def test_patterns_are_in_the_schema() -> None:
    assert request_schema("PatchedThreadRequest", "color")["pattern"] == "^#[0-9a-fA-F]{6}$"
    assert request_schema("PatchedEventWriteRequest", "case")["pattern"] == "^[-a-zA-Z0-9_]+$"
    name = request_schema("PatchedEntityRequest", "name")
    assert name["minLength"] == 1 and "\\s" in name["pattern"]


def test_text_is_kept_as_given_and_its_length_counted_so(
    editor_client: APIClient, world: World
) -> None:
    url = f"{V1}/entities/alice-example/"
    response = editor_client.patch(url, {"name": " Alice "}, format="json")
    assert response.status_code == 200 and response.json()["name"] == " Alice "
    too_long = "A" + " " * 300
    assert_invalid(editor_client.patch(url, {"name": too_long}, format="json"), "name")


@pytest.mark.parametrize(
    ("url", "field", "value"),
    [
        ("/entities/alice-example/", "aliases", "Alice"),
        ("/entities/alice-example/", "aliases", {"Alice": 1}),
        ("/entities/alice-example/", "aliases", [1]),
        ("/events/{event}/", "entities", {"alice-example": 1}),
        ("/events/{event}/", "threads", "dispute"),
        ("/documents/{document}/", "authors", [1]),
        ("/documents/{document}/", "authors", "A. Writer"),
    ],
)
def test_lists_are_json_arrays_of_their_item_type(
    editor_client: APIClient, world: World, url: str, field: str, value: object
) -> None:
    path = V1 + url.format(event=world.day_event.pk, document=world.article.pk)
    assert_invalid(editor_client.patch(path, {field: value}, format="json"), field)


def test_the_authors_schema_is_a_list_of_names() -> None:
    authors = request_schema("PatchedDocumentUpdateRequest", "authors")
    assert authors["type"] == "array" and authors["items"]["type"] == "string"


@pytest.mark.parametrize(
    ("field", "value"), [("document", "1"), ("document", 1.0), ("start", "0"), ("start", True)]
)
def test_integers_are_json_integers(
    editor_client: APIClient, world: World, field: str, value: object
) -> None:
    url = f"{V1}/claims/{world.claim.pk}/"
    assert_invalid(editor_client.patch(url, {field: value}, format="json"), field)


def test_a_model_write_takes_json_only(editor_client: APIClient, world: World) -> None:
    url = f"{V1}/claims/{world.claim.pk}/"
    response = editor_client.patch(url, {"under_oath": "true"}, format="multipart")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    media_types = generated_schema()["paths"]["/api/v1/claims/{id}/"]["patch"]["requestBody"]
    assert list(media_types["content"]) == ["application/json"]


def test_a_multipart_submission_reads_numbers_from_their_digits(
    editor_client: APIClient, world: World
) -> None:
    body = {"text": "Some pasted text.", "docket_entry": "12"}
    response = editor_client.post(f"{V1}/documents/", body, format="multipart")
    assert response.status_code == 202, response.content
    assert response.json()["docket_entry"] == 12
    body = {"text": "Other pasted text.", "docket_entry": "12.0"}
    assert_invalid(editor_client.post(f"{V1}/documents/", body, format="multipart"), "docket_entry")
    body = {"text": "Other pasted text.", "docket_entry": "12"}
    assert_invalid(editor_client.post(f"{V1}/documents/", body, format="json"), "docket_entry")


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/events/", {"title": "T", "date": "2020-01-01", "entities": ["nobody"]}, "entities"),
        ("/events/", {"title": "T", "date": "2020-01-01", "case": "no-case"}, "case"),
        ("/mentions/", {"document": 999999, "entity_slug": "beta-labs", "start": 0, "end": 4,
                        "text": "Beta"}, "document"),
        ("/mentions/", {"document": "{document}", "entity_slug": "nobody", "start": 0, "end": 4,
                        "text": "Beta"}, "entity_slug"),
    ],
)  # fmt: skip
def test_an_unknown_reference_is_a_400_naming_the_field(
    editor_client: APIClient, world: World, url: str, body: dict[str, Any], field: str
) -> None:
    body = {k: world.document.pk if v == "{document}" else v for k, v in body.items()}
    assert_invalid(editor_client.post(V1 + url, body, format="json"), field)
    operation = generated_schema()["paths"]["/api/v1" + url]["post"]
    error = operation["responses"]["400"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/Error"}


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/threads/", {"slug": "precedents", "name": "Again"}, "slug"),
        ("/entities/", {"slug": "beta-labs", "name": "Beta again"}, "slug"),
        ("/threads/dispute/", {"slug": "precedents"}, "slug"),
    ],
)
def test_a_slug_already_taken_is_a_409_naming_the_field(
    editor_client: APIClient, world: World, url: str, body: dict[str, Any], field: str
) -> None:
    before = (Thread.objects.count(), Entity.objects.count())
    method = editor_client.patch if url.count("/") > 2 else editor_client.post
    response = method(V1 + url, body, format="json")
    assert response.status_code == 409, response.content
    error = response.json()["error"]
    assert error["status"] == 409 and error["code"] == "conflict" and error["details"][field]
    assert (Thread.objects.count(), Entity.objects.count()) == before


def test_the_409_is_declared_where_it_can_happen() -> None:
    paths = generated_schema()["paths"]
    for path in ("/api/v1/threads/", "/api/v1/entities/", "/api/v1/mentions/"):
        assert "409" in paths[path]["post"]["responses"], path
    assert "409" not in paths["/api/v1/events/"]["post"]["responses"]
    assert "409" not in paths["/api/v1/threads/{slug}/"]["delete"]["responses"]


def test_a_409_and_a_400_together_are_a_400(editor_client: APIClient, world: World) -> None:
    body = {"slug": "precedents", "name": "Again", "color": "red"}
    assert_invalid(editor_client.post(f"{V1}/threads/", body, format="json"), "color")
