"""DELETE /api/v1/documents/<id>/ applies the deletion rule and removes the stored original.

Runs on SQLite by default and on PostgreSQL with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/casebase_NAME.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from casebase.knowledge.data_version import current_data_version
from tests.ingestion.deletion_world import assert_rule_applied, make_deletion_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_delete_applies_the_rule_and_removes_the_original_after_commit(
    editor_client: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    world = make_deletion_world()
    assert world.original_path.is_file()
    version = current_data_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.delete(f"/api/v1/documents/{world.document.pk}/")

    assert response.status_code == 204
    assert_rule_applied(world)
    assert not world.original_path.exists()
    assert not world.original_path.parent.exists()  # nor its folder, left empty
    assert Path(world.other.original.path).is_file()
    assert current_data_version() != version  # cached answers are not served any more


def test_a_public_client_cannot_delete(anon: APIClient) -> None:
    world = make_deletion_world()
    response = anon.delete(f"/api/v1/documents/{world.document.pk}/")
    assert response.status_code == 401
    assert world.original_path.is_file()
