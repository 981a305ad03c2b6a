"""Hostile-input fixtures: clients for every entry point, and a bystander document whose world
must be exactly the same after each attack.

The bystander's names and texts are made up for the tests (``Example``); they are not facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from casebase.knowledge.models import (
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
)
from tests import factories

# Reused as they are: the real court PDFs, a loopback HTTP server and a media folder per test
# (autouse) so stored-file counts are per test. ``run_tasks_inline`` is the root conftest's.
from tests.ingestion.conftest import (  # noqa: F401
    court_pdf,
    isolated_media,
    local_server,
)

BYSTANDER_TEXT = (
    "Alice Example testified on 3 March 2024 that Beta Labs had copied the model. "
    "Beta Labs denied it."
)
KNOWLEDGE_MODELS = (Document, Entity, Mention, Claim, Event, Evidence)


def stored_files() -> list[str]:
    """Every file under MEDIA_ROOT, relative and sorted."""
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@dataclass
class Bystander:
    """A processed document with its entity, mention, event and evidence, and its stored file."""

    document: Document
    entity: Entity
    event: Event

    def fingerprint(self) -> tuple[Any, ...]:
        document = Document.objects.get(pk=self.document.pk)
        return (
            document.title,
            document.text,
            document.status,
            document.content_hash,
            document.original.name,
            document.updated_at,
            Event.objects.get(pk=self.event.pk).title,
            Entity.objects.get(pk=self.entity.pk).name,
        )


@dataclass
class Snapshot:
    counts: dict[str, int]
    files: list[str]
    bystander: tuple[Any, ...]


def snapshot(bystander: Bystander) -> Snapshot:
    counts = {model.__name__: model.objects.count() for model in KNOWLEDGE_MODELS}
    return Snapshot(counts, stored_files(), bystander.fingerprint())


def assert_unaffected(before: Snapshot, bystander: Bystander, client: Client | None = None) -> None:
    """Nothing was created, no file left behind, the bystander is intact and pages still serve."""
    after = snapshot(bystander)
    assert after.counts == before.counts
    assert after.files == before.files
    assert after.bystander == before.bystander
    assert_serving(bystander, client)


def assert_serving(bystander: Bystander, client: Client | None = None) -> None:
    client = client or Client()
    for url in ("/", "/timeline/", bystander.document.get_absolute_url(), "/api/v1/documents/"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    reader = client.get(bystander.document.get_absolute_url()).content.decode()
    assert "Beta Labs denied it." in reader


@pytest.fixture
def bystander(db: None) -> Bystander:
    document = factories.DocumentFactory(
        title="Example hearing notes",
        text=BYSTANDER_TEXT,
        published_on=dt.date(2024, 3, 4),
        content_hash="c" * 64,
        media_type="text/plain",
        original_name="notes.txt",
        original=ContentFile(BYSTANDER_TEXT.encode(), name="notes.txt"),
    )
    entity = factories.KnownEntityFactory(name="Alice Example", slug="alice-example")
    factories.MentionFactory(document=document, entity=entity)
    event = factories.EventFactory(
        title="Alice Example testifies", on="2024-03-03", summary="Testimony.", entities=[entity]
    )
    factories.EvidenceFactory(event=event, document=document, start=0, end=76, quote="testified")
    return Bystander(document, entity, event)


def _editor(username: str) -> User:
    return factories.UserFactory(username=username, permissions=["add_document"])


@pytest.fixture
def api_editor(db: None) -> APIClient:
    """An API client authenticated by token, allowed to add documents."""
    client = APIClient()
    token = Token.objects.create(user=_editor("hostile-api"))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def web_editor(db: None) -> Client:
    """A signed-in web client allowed to add documents (CSRF has its own tests in security)."""
    client = Client(enforce_csrf_checks=False)
    client.force_login(_editor("hostile-web"))
    return client


@pytest.fixture
def admin_client_user(db: None) -> Client:
    client = Client()
    client.force_login(factories.UserFactory(username="hostile-root", superuser=True))
    return client
