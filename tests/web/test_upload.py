"""The upload page hands submissions to the ingestion service and shows the result."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from casebase.knowledge.models import Document
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client: Client, user_factory: type[UserFactory]) -> Client:
    user_factory(username="editor", permissions=["add_document"])
    client.login(username="editor", password="pw-for-tests-only")
    return client


def test_text_submission_creates_a_document_and_shows_its_status(
    editor_client: Client, case_factory: type[CaseFactory]
) -> None:
    case_factory(slug="musk-v-altman")
    response = editor_client.post(
        "/upload/",
        {
            "text": "Elon Musk testified on 30 April 2026 in Oakland.",
            "title": "Trial notes",
            "kind": "news_article",
            "published": "2026-04",
            "case": "musk-v-altman",
            "publisher": "Example Wire",
        },
    )
    document = Document.objects.get(title="Trial notes")
    assert response.status_code == 302 and response["Location"] == f"/documents/{document.pk}/"
    assert document.case is not None and document.case.slug == "musk-v-altman"
    assert document.submitted_by is not None
    page = editor_client.get(response["Location"]).content.decode()
    assert "Trial notes" in page and document.get_status_display() in page


def test_same_content_twice_finds_the_existing_document(editor_client: Client) -> None:
    data = {"text": "Same words, submitted twice.", "title": "Twice", "kind": "other"}
    first = editor_client.post("/upload/", data)
    second = editor_client.post("/upload/", data, follow=True)
    assert Document.objects.filter(title="Twice").count() == 1
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "already in casebase" in second.content.decode()


def test_file_submission(editor_client: Client) -> None:
    upload = SimpleUploadedFile(
        "note.txt", b"A plain text filing about distillation.", "text/plain"
    )
    response = editor_client.post("/upload/", {"file": upload, "kind": "other", "title": ""})
    assert response.status_code == 302
    assert Document.objects.filter(original_name="note.txt").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "other"}, "Give a file, pasted text or a URL"),
        ({"kind": "other", "text": "x", "url": "https://example.org/"}, "Give only one of"),
        ({"kind": "other", "text": "w", "title": "t", "published": "April"}, "not a date"),
    ],
)
def test_invalid_forms_say_why(editor_client: Client, data: dict, message: str) -> None:  # type: ignore[type-arg]
    response = editor_client.post("/upload/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_ingest_error_is_shown_on_the_form(editor_client: Client) -> None:
    """The service refuses non-http(s) URLs (private addresses are refused by its fetch task)."""
    response = editor_client.post("/upload/", {"url": "ftp://example.org/file", "kind": "other"})
    assert response.status_code == 400
    assert not Document.objects.exists()
    assert "http" in response.content.decode().split('class="errors"')[1][:300]
