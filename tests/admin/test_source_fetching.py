"""The admin's part in fetching citation records: an action that sends the fetches, counts per
fetch status above the list, the fetch fields and the source kind on the change page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Document, DocumentStatus, FetchStatus
from casebase.pipeline import tasks

CHANGELIST = reverse("admin:knowledge_document_changelist")


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sent: list[int] = []
    monkeypatch.setattr(tasks, "send_or_leave", lambda task, document_id: sent.append(document_id))
    return sent


def _reference(url: str, **values: Any) -> Document:
    return Document.objects.create(
        title=url, status=DocumentStatus.REFERENCE, source_url=url, **values
    )


def test_the_action_sends_the_fetch_of_citation_records_only(
    editor_client: Client, sent: list[int]
) -> None:
    failed = _reference("https://a.example/1", fetch_status=FetchStatus.FAILED)
    fresh = _reference("https://a.example/2")
    done = Document.objects.create(title="done", status=DocumentStatus.DONE, text="x")
    response = editor_client.post(
        CHANGELIST,
        {"action": "fetch_selected_sources", "_selected_action": [failed.pk, fresh.pk, done.pk]},
        follow=True,
    )
    assert sorted(sent) == sorted([failed.pk, fresh.pk])
    assert "Sent 2 fetch(es); 1 skipped" in response.content.decode()
    failed.refresh_from_db()
    assert failed.fetch_status == FetchStatus.PENDING


def test_the_list_counts_fetch_statuses(editor_client: Client) -> None:
    _reference("https://a.example/1", fetch_status=FetchStatus.FAILED, fetch_failure="not_found")
    _reference("https://a.example/2", fetch_status=FetchStatus.FAILED, fetch_failure="robots")
    _reference("https://a.example/3")
    html = editor_client.get(CHANGELIST).content.decode()
    assert "Failed: 2" in html and "Not fetched: 1" in html
    html = editor_client.get(CHANGELIST, {"fetch_failure__exact": "robots"}).content.decode()
    assert "https://a.example/2" in html and "https://a.example/1" not in html


def test_editors_grade_the_source(editor_client: Client) -> None:
    record = _reference(
        "https://a.example/1", fetch_status=FetchStatus.FAILED, fetch_error="HTTP 404"
    )
    _reference("https://court.example/order", source_kind="court_record")
    page = editor_client.get(reverse("admin:knowledge_document_change", args=[record.pk]))
    html = page.content.decode()
    assert 'name="source_kind"' in html and "HTTP 404" in html
    html = editor_client.get(CHANGELIST, {"source_kind__exact": "court_record"}).content.decode()
    assert "https://court.example/order" in html and "https://a.example/1" not in html
