"""Document submission through the API: 202 + poll, duplicates, clear 4xx for bad input."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from rest_framework.test import APIClient

from casebase.knowledge.models import Document
from tests.data.pdfs import order_pdf

from .conftest import World

URL = "/api/v1/documents/"


def test_text_submission_is_accepted_and_can_be_polled(
    editor_client: APIClient, world: World
) -> None:
    body = {
        "text": "Beta Labs filed a motion today.",
        "title": "Motion",
        "kind": "motion",
        "case": "example-v-beta",
        "published": "2024-02",
        "authors": ["A. Lawyer"],
    }
    response = editor_client.post(URL, body, format="json")
    assert response.status_code == 202, response.content
    data = response.json()
    assert data["status"] == "queued" and data["case"] == "example-v-beta"
    assert data["published"] == "2024-02"
    assert response["Location"] == data["url"]
    polled = editor_client.get(data["url"]).json()
    assert polled["status"] == "queued" and polled["error"] == ""
    again = editor_client.post(URL, body, format="json")
    assert again.status_code == 200 and again.json()["id"] == data["id"]


def test_multipart_file_submission(editor_client: APIClient, world: World) -> None:
    upload = SimpleUploadedFile("note.txt", b"A short plain-text filing.", "text/plain")
    response = editor_client.post(URL, {"file": upload, "kind": "other"}, format="multipart")
    assert response.status_code == 202, response.content
    document = Document.objects.get(pk=response.json()["id"])
    assert document.original_name == "note.txt" and document.size_bytes == 26


def test_url_submission_is_queued_for_fetching(editor_client: APIClient, world: World) -> None:
    body = {"url": "https://news.example.com/story", "kind": "news_article"}
    response = editor_client.post(URL, body, format="json")
    assert response.status_code == 202
    assert Document.objects.get(pk=response.json()["id"]).source_url == body["url"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "non_field_errors"),
        ({"text": "x", "url": "https://example.com/"}, "non_field_errors"),
        ({"url": "ftp://example.com/file"}, "non_field_errors"),
        ({"text": "   "}, "non_field_errors"),
        ({"text": "ok", "published": "2024-13"}, "non_field_errors"),
        ({"text": "ok", "case": "no-such-case"}, "non_field_errors"),
        ({"text": "ok", "kind": "poem"}, "kind"),
        ({"text": "ok", "docket_entry": -1}, "docket_entry"),
    ],
)
def test_bad_submissions_are_400_with_a_message(
    editor_client: APIClient, world: World, body: dict[str, object], field: str
) -> None:
    before = Document.objects.count()
    response = editor_client.post(URL, body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["details"][field]
    assert Document.objects.count() == before


def test_malformed_json_is_a_400(editor_client: APIClient, world: World) -> None:
    response = editor_client.post(URL, data='{"text": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_unsupported_media_type_is_a_415(editor_client: APIClient, world: World) -> None:
    response = editor_client.post(URL, data="text=hi", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


@override_settings(CASEBASE_MAX_UPLOAD_BYTES=1000)
def test_oversized_bodies_are_413(editor_client: APIClient, world: World) -> None:
    big = json.dumps({"text": "x" * 2_000_000})
    response = editor_client.post(URL, data=big, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    upload = SimpleUploadedFile("big.txt", b"y" * 5000, "text/plain")
    response = editor_client.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 413


def test_oversized_json_on_other_endpoints_is_413(editor_client: APIClient, world: World) -> None:
    big = json.dumps({"title": "x" * (6 * 1024 * 1024)})
    response = editor_client.post("/api/v1/events/", data=big, content_type="application/json")
    assert response.status_code == 413


def test_a_court_pdf_is_accepted(editor_client: APIClient, world: World) -> None:
    upload = SimpleUploadedFile("order.pdf", order_pdf(), "application/pdf")
    response = editor_client.post(URL, {"file": upload, "kind": "order"}, format="multipart")
    assert response.status_code == 202, response.content
    assert response.json()["media_type"] == "application/pdf"


def test_reprocess_of_a_reference_record_is_a_400(editor_client: APIClient, world: World) -> None:
    world.article.status = "reference"
    world.article.save()
    response = editor_client.post(f"{URL}{world.article.pk}/reprocess/")
    assert response.status_code == 400
    assert "citation-only" in response.json()["error"]["details"]["non_field_errors"][0]


def test_reprocess_requeues_a_failed_document(editor_client: APIClient, world: World) -> None:
    world.article.source_url = "https://news.example.com/beta"
    world.article.save()
    response = editor_client.post(f"{URL}{world.article.pk}/reprocess/")
    assert response.status_code == 202
    assert response.json()["status"] == "queued" and response.json()["error"] == ""
