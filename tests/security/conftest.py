"""Fixtures for the security tests: users of each kind and a corpus full of hostile text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from casebase.knowledge.models import (
    Case,
    Citation,
    Claim,
    Document,
    DocumentStatus,
    Entity,
    EntityAlias,
    Event,
    EventLink,
    Evidence,
    LinkKind,
    Mention,
    Thread,
)
from casebase.knowledge.models.choices import CitationKind

# Each payload carries a marker so that a hit names the field it came from.
SCRIPT = "<script>alert('xss-{}')</script>"
ATTRIBUTE = '" onmouseover="alert(\'xss-{}\')" x="'
IMG = "<img src=x onerror=alert('xss-{}')>"
JS_URL = "javascript:alert('xss-{}')"


def hostile(marker: str) -> str:
    return SCRIPT.format(marker) + ATTRIBUTE.format(marker) + IMG.format(marker)


def raw_payloads(body: str) -> list[str]:
    """The unescaped markup payloads present in a page (empty when it is safe)."""
    fragments = ("<script>alert('xss-", "onmouseover=\"alert('xss-", "<img src=x onerror=")
    return [fragment for fragment in fragments if fragment in body]


def javascript_links(body: str) -> list[str]:
    """Links and sources that would run script when followed (empty when there are none)."""
    lowered = body.lower()
    attributes = ('href="javascript:', "href='javascript:", 'src="javascript:', "src='javascript:")
    return [attribute for attribute in attributes if attribute in lowered]


def knowledge_row_counts() -> dict[str, int]:
    """Rows per knowledge model: equal before and after means nothing was written."""
    models = apps.get_app_config("knowledge").get_models()
    return {m.__name__: m._default_manager.count() for m in models}


@dataclass
class HostileCorpus:
    thread: Thread
    case: Case
    entity: Entity
    document: Document
    event: Event
    other_event: Event
    claim: Claim

    def urls(self) -> list[str]:
        """The pages of the hostile objects."""
        return [
            self.case.get_absolute_url(),
            self.entity.get_absolute_url(),
            self.document.get_absolute_url(),
            self.event.get_absolute_url(),
            self.other_event.get_absolute_url(),
        ]


@pytest.fixture
def superuser(db: None) -> User:
    return User.objects.create_superuser("root", "root@example.org", "pw-root-1234")


@pytest.fixture
def staff_without_permissions(db: None) -> User:
    return User.objects.create_user("staff", "staff@example.org", "pw-staff-1234", is_staff=True)


@pytest.fixture
def reader(db: None) -> User:
    return User.objects.create_user("reader", "reader@example.org", "pw-reader-1234")


@pytest.fixture
def hostile_corpus(db: None) -> HostileCorpus:
    """Every text field that a page may show holds script, attribute and img payloads."""
    thread = Thread.objects.create(
        slug="hostile", name=hostile("thread-name"), description=hostile("thread-desc")
    )
    entity = Entity.objects.create(
        name=hostile("entity-name"), slug="hostile-entity", description=hostile("entity-desc")
    )
    EntityAlias.objects.create(entity=entity, alias=hostile("alias"))
    case = Case.objects.create(
        slug="hostile-case",
        caption=hostile("case-caption"),
        short_name=hostile("case-short"),
        court=hostile("court"),
        docket_number=hostile("docket"),
        status_note=hostile("status-note"),
        claims_summary=hostile("claims-summary"),
        judge_note=hostile("judge-note"),
    )
    case.judges.add(entity)
    lead = f"{entity.name} said that {SCRIPT.format('doc-text')} happened. "
    text = lead + IMG.format("doc-text-2") + " and more. " + ATTRIBUTE.format("doc-text-3")
    document = Document.objects.create(
        title=hostile("doc-title"),
        source_url=JS_URL.format("doc-url"),
        publisher=hostile("publisher"),
        publisher_note=hostile("publisher-note"),
        authors=[hostile("author")],
        published_on=dt.date(2024, 3, 1),
        case=case,
        text=text,
        original_name=hostile("original-name") + ".pdf",
        metadata={"title": hostile("meta-title")},
        status=DocumentStatus.DONE,
        error=hostile("error"),
    )
    Mention.objects.create(
        document=document, entity=entity, start=0, end=len(entity.name), text=entity.name
    )
    claim = Claim.objects.create(
        document=document,
        speaker=entity,
        speaker_text=hostile("speaker-text"),
        content=hostile("claim-content"),
        quote=hostile("claim-quote"),
        sentence=lead,
        context=hostile("claim-context"),
        start=0,
        end=len(lead),
    )
    claim.about.add(entity)
    script_at = text.index("<script>")
    Citation.objects.create(
        document=document,
        kind=CitationKind.OTHER,
        text=SCRIPT.format("citation"),
        normalized=SCRIPT.format("citation-norm"),
        start=script_at,
        end=script_at + len(SCRIPT.format("doc-text")),
    )
    event = Event.objects.create(
        title=hostile("event-title"),
        summary=hostile("event-summary"),
        date=dt.date(2024, 3, 1),
        case=case,
        uncertainty_note=hostile("uncertainty"),
    )
    other = Event.objects.create(title=hostile("other-event"), date=dt.date(2024, 4, 1))
    for item in (event, other):
        item.threads.add(thread)
        item.entities.add(entity)
    Evidence.objects.create(
        event=event,
        document=document,
        start=script_at,
        end=script_at + 20,
        quote=hostile("evidence-quote"),
        note=hostile("evidence-note"),
    )
    EventLink.objects.create(
        source=event, target=other, kind=LinkKind.RESPONDS_TO, note=hostile("link-note")
    )
    return HostileCorpus(thread, case, entity, document, event, other, claim)
