"""Adding documents through the admin (file, text, URL), their status page, and re-runs."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Claim, Document, DocumentStatus
from tests.data import NEWS_ARTICLE
from tests.factories import MentionFactory

from .conftest import World, add_extracted_claim, span

ADD = reverse("admin:knowledge_document_add")


def _post(client: Client, **fields: Any) -> Any:
    return client.post(ADD, {"kind": "news_article", **fields})


@pytest.fixture(autouse=True)
def _queue_only(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Submissions are queued, not processed, unless a test asks for run_tasks_inline."""
    from casebase.pipeline import tasks

    sent: list[int] = []
    monkeypatch.setattr(tasks, "send_processing", sent.append)
    monkeypatch.setattr(tasks, "send_fetch", sent.append)
    return sent


def test_add_by_pasting_text(editor_client: Client) -> None:
    response = _post(
        editor_client,
        text="Alice Example said the board knew.",
        title="Pasted note",
        published="Feb 2018",
        authors="A. Writer; B. Writer",
    )
    document = Document.objects.get(title="Pasted note")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:knowledge_document_change", args=[document.pk])
    assert document.status == DocumentStatus.QUEUED
    assert document.published_display == "Feb 2018"
    assert document.published_precision == "month"
    assert document.authors == ["A. Writer", "B. Writer"]
    assert document.submitted_by is not None and document.submitted_by.username == "editor"
    assert LogEntry.objects.filter(object_id=str(document.pk), action_flag=1).exists()


def test_add_by_upload_and_resubmission_finds_the_same(editor_client: Client) -> None:
    data = NEWS_ARTICLE.read_bytes()
    first = _post(editor_client, file=SimpleUploadedFile("seed.txt", data, "text/plain"))
    again = _post(editor_client, file=SimpleUploadedFile("again.txt", data, "text/plain"))
    assert Document.objects.count() == 1
    assert first["Location"] == again["Location"]
    page = editor_client.get(again["Location"])
    assert b"already in casebase" in page.content


def test_add_by_url_is_queued_for_fetching(editor_client: Client, _queue_only: list[int]) -> None:
    response = _post(editor_client, url="https://example.org/a-report", title="A report")
    document = Document.objects.get()
    assert response.status_code == 302
    assert document.source_url == "https://example.org/a-report"
    assert _queue_only == []  # sent on commit; the test transaction never commits


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, b"Give a file, pasted text or a URL"),
        ({"text": "x", "url": "https://example.org/"}, b"Give only one of"),
        ({"text": "Some text", "title": "T", "published": "someday"}, b"not a date"),
    ],
)
def test_form_errors(editor_client: Client, fields: dict[str, str], message: bytes) -> None:
    response = _post(editor_client, **fields)
    assert response.status_code == 200
    assert message in response.content
    assert not Document.objects.exists()


def test_ingestion_error_is_a_form_error(editor_client: Client) -> None:
    upload = SimpleUploadedFile("blob.bin", b"\x00\x01\x02" * 100, "application/octet-stream")
    response = _post(editor_client, file=upload)
    assert response.status_code == 200
    assert b'class="errornote"' in response.content
    assert not Document.objects.exists()


def test_change_page_shows_status_and_passages(
    world: World, editor_client: Client, mention_factory: type[MentionFactory]
) -> None:
    start, _ = span(world.document.text, "Beta Labs")
    mention_factory(document=world.document, entity=world.beta, start=start, text="Beta Labs")
    add_extracted_claim(world.document, world.alice, "Example, Alice said the board knew")
    world.document.timings = {"extract": 0.25, "analyse": 1.5}
    world.document.error = "<b>boom</b>"
    world.document.save()
    page = editor_client.get(reverse("admin:knowledge_document_change", args=[world.document.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>Beta Labs</mark>" in html
    assert "<mark>Example, Alice said the board knew</mark>" in html
    assert "<td>analyse</td><td>1.5</td>" in html
    assert "&lt;b&gt;boom&lt;/b&gt;" in html and "<b>boom</b>" not in html
    assert "1 mention" in html and "1 claim" in html


def test_reprocess_action_requeues_and_logs(editor_client: Client, world: World) -> None:
    world.document.original = SimpleUploadedFile("a.txt", world.document.text.encode())
    world.document.status = DocumentStatus.FAILED
    world.document.save()
    response = editor_client.post(
        reverse("admin:knowledge_document_changelist"),
        {"action": "reprocess_selected", "_selected_action": [world.document.pk]},
    )
    assert response.status_code == 302
    world.document.refresh_from_db()
    assert world.document.status == DocumentStatus.QUEUED
    assert LogEntry.objects.filter(
        object_id=str(world.document.pk), change_message="Re-ran extraction."
    ).exists()


def test_reference_record_cannot_be_reprocessed(editor_client: Client, world: World) -> None:
    world.document.status = DocumentStatus.REFERENCE
    world.document.save()
    response = editor_client.post(
        reverse("admin:knowledge_document_changelist"),
        {"action": "reprocess_selected", "_selected_action": [world.document.pk]},
        follow=True,
    )
    assert b"no text to process" in response.content
    assert Claim.objects.count() == 0


def test_change_form_takes_a_natural_publication_date(world: World, editor_client: Client) -> None:
    url = reverse("admin:knowledge_document_change", args=[world.document.pk])
    data: dict[str, Any] = {
        "title": "A test report",
        "kind": "news_article",
        "authors": '["A. Writer"]',
        "published": "March 2019",
        "case": world.case.pk,
        "review_status": "approved",
    }
    for prefix in ("mentions", "claims", "citations"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    world.document.refresh_from_db()
    assert world.document.published_display == "Mar 2019"
    assert 'value="Mar 2019"' in editor_client.get(url).content.decode()
