"""Fixtures for the editors' admin tests: an editor, a small linked world, and bulk rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from casebase.curation.management.commands.setup_roles import setup_editor_group
from casebase.knowledge.models import Case, Claim, Document, Entity, Event, Thread

TEXT = (
    "Alice Example testified on Thursday that Beta Labs had copied the model. "
    "Example, Alice said the board knew. Gamma Corp denied it in a statement."
)


@pytest.fixture
def editor(db: None) -> User:
    group, _ = setup_editor_group()
    user = User.objects.create_user("editor", password="pw-editor-123", is_staff=True)
    user.groups.add(group)
    return user


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
    alice = Entity.objects.create(name="Alice Example", slug="alice-example", kind="person")
    alice_dup = Entity.objects.create(name="Example, Alice", slug="example-alice", kind="person")
    beta = Entity.objects.create(name="Beta Labs", slug="beta-labs", kind="organization")
    case = Case.objects.create(
        slug="example-v-beta",
        caption="Example v. Beta Labs",
        short_name="Example v. Beta",
        court="Test Court",
    )
    document = Document.objects.create(
        title="A test report",
        kind="news_article",
        text=TEXT,
        status="done",
        case=case,
        content_hash="0" * 64,
    )
    thread = Thread.objects.create(slug="dispute", name="The dispute")
    event = Event.objects.create(
        title="Alice testifies", date=dt.date(2026, 4, 30), date_precision="day", case=case
    )
    other = Event.objects.create(
        title="Suit filed", date=dt.date(2024, 2, 1), date_precision="month"
    )
    return World(case, document, alice, alice_dup, beta, thread, event, other)


def add_extracted_claim(document: Document, speaker: Entity | None, needle: str) -> Claim:
    start, end = span(document.text, needle)
    return Claim.objects.create(
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
