"""Deleting documents in the admin, one (delete_model) or many (the "delete selected" action):
the deletion rule applies and the stored originals are removed after the commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Document
from casebase.knowledge.services.ingestion import SubmissionMeta, ingest_text
from tests.ingestion.deletion_world import assert_rule_applied, make_deletion_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_deleting_one_document(
    editor_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    world = make_deletion_world()
    url = reverse("admin:knowledge_document_delete", args=[world.document.pk])
    confirmation = editor_client.get(url)
    assert confirmation.status_code == 200
    summary = confirmation.content.decode()
    assert "Extracted events only these documents supported: 1" in summary
    assert "Events kept with a note that their source was deleted: 3" in summary
    assert "Extracted entities nothing else names: 3" in summary
    assert Document.objects.filter(pk=world.document.pk).exists()  # only a preview
    assert world.original_path.is_file()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert_rule_applied(world)
    assert not world.original_path.exists()


def test_deleting_selected_documents(
    editor_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    world = make_deletion_world()
    meta = SubmissionMeta(kind="other", title="Also deleted")
    also = ingest_text("Another text, with nothing in it.", meta, enqueue=False).document
    also_path = Path(also.original.path)
    changelist = reverse("admin:knowledge_document_changelist")
    selected = {"action": "delete_selected", "_selected_action": [world.document.pk, also.pk]}
    confirmation = editor_client.post(changelist, selected)
    assert confirmation.status_code == 200 and b"Are you sure" in confirmation.content
    assert b"Extracted events only these documents supported: 1" in confirmation.content

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(changelist, {**selected, "post": "yes"})

    assert response.status_code == 302
    assert_rule_applied(world)
    assert not Document.objects.filter(pk=also.pk).exists()
    assert not world.original_path.exists() and not also_path.exists()
