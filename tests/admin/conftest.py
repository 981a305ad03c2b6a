"""Fixtures for the editors' admin tests: an editor, a small linked world, and bulk rows."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from casebase.knowledge.models import Case, Claim, Document, Entity, Event, Thread
from tests import factories

TEXT = (
    "Alice Example testified on Thursday that Beta Labs had copied the model. "
    "Example, Alice said the board knew. Gamma Corp denied it in a statement."
)


@pytest.fixture
def editor(db: None) -> User:
    return factories.EditorFactory(username="editor", password="pw-editor-123")


@pytest.fixture
def editor_client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@dataclass
class World:
    case: Case
    document: Document
    alice: Entity
    alice_dup: Entity
    beta: Entity
    thread: Thread
    event: Event
    other_event: Event


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def world(db: None) -> World:
    alice = factories.EntityFactory(name="Alice Example", slug="alice-example")
    alice_dup = factories.EntityFactory(name="Example, Alice", slug="example-alice")
    beta = factories.EntityFactory(name="Beta Labs", slug="beta-labs", kind="organization")
    case = factories.CaseFactory(
        slug="example-v-beta",
        caption="Example v. Beta Labs",
        short_name="Example v. Beta",
        court="Test Court",
    )
    document = factories.DocumentFactory(
        title="A test report", text=TEXT, case=case, content_hash="0" * 64
    )
    thread = factories.ThreadFactory(slug="dispute", name="The dispute")
    event = factories.EventFactory(title="Alice testifies", on="2026-04-30", case=case)
    other = factories.EventFactory(title="Suit filed", on="2024-02")
    return World(case, document, alice, alice_dup, beta, thread, event, other)


def add_extracted_claim(document: Document, speaker: Entity | None, needle: str) -> Claim:
    start, end = span(document.text, needle)
    return factories.ClaimFactory(
        document=document,
        speaker=speaker,
        verb="testified",
        content=needle,
        sentence=needle,
        start=start,
        end=end,
        origin="extracted",
        review_status="extracted",
        fingerprint=f"fp-{start}-{end}",
    )
