"""Fixtures for the security tests: users of each kind and a corpus full of hostile text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from casebase.knowledge.models import (
    Case,
    Claim,
    Document,
    Entity,
    Event,
    LinkKind,
    Thread,
)
from casebase.knowledge.models.choices import CitationKind, Confidence
from tests import factories

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
    return factories.UserFactory(username="root", password="pw-root-1234", superuser=True)


@pytest.fixture
def staff_without_permissions(db: None) -> User:
    return factories.UserFactory(username="staff", password="pw-staff-1234", is_staff=True)


@pytest.fixture
def reader(db: None) -> User:
    return factories.UserFactory(username="reader", password="pw-reader-1234")


# U+202E RIGHT-TO-LEFT OVERRIDE: unisolated, it reverses the app's text after it on the line.
RLO = "\u202e"


def right_to_left(marker: str) -> str:
    return f"{RLO}rtl-{marker}"


def build_corpus(text: Callable[[str], str]) -> HostileCorpus:
    """Every text field that a page may show holds ``text(field name)``."""
    thread = factories.ThreadFactory(
        slug="hostile", name=text("thread-name"), description=text("thread-desc")
    )
    entity = factories.EntityFactory(
        name=text("entity-name"),
        slug="hostile-entity",
        kind="other",
        description=text("entity-desc"),
        aliases=[text("alias")],
    )
    case = factories.CaseFactory(
        slug="hostile-case",
        caption=text("case-caption"),
        short_name=text("case-short"),
        court=text("court"),
        docket_number=text("docket"),
        status_note=text("status-note"),
        claims_summary=text("claims-summary"),
        judge_note=text("judge-note"),
        judges=[entity],
    )
    lead = f"{entity.name} said that {text('doc-text')} happened. "
    body = lead + text("doc-text-2") + " and more. " + text("doc-text-3")
    document = factories.DocumentFactory(
        title=text("doc-title"),
        kind="other",
        source_url=JS_URL.format("doc-url"),
        publisher=text("publisher"),
        publisher_note=text("publisher-note"),
        authors=[text("author")],
        published_on=dt.date(2024, 3, 1),
        case=case,
        text=body,
        original_name=text("original-name") + ".pdf",
        metadata={"title": text("meta-title")},
        error=text("error"),
    )
    factories.MentionFactory(document=document, entity=entity)
    claim = factories.ClaimFactory(
        document=document,
        speaker=entity,
        speaker_text=text("speaker-text"),
        content=text("claim-content"),
        quote=text("claim-quote"),
        sentence=lead,
        context=text("claim-context"),
        start=0,
        end=len(lead),
        about=[entity],
    )
    inner_at = body.index(text("doc-text"))
    factories.CitationFactory(
        document=document,
        kind=CitationKind.OTHER,
        text=text("citation"),
        normalized=text("citation-norm"),
        start=inner_at,
        end=inner_at + len(text("doc-text")),
    )
    event = factories.EventFactory(
        title=text("event-title"),
        summary=text("event-summary"),
        on="2024-03-01",
        case=case,
        uncertainty_note=text("uncertainty"),
        confidence=Confidence.LOW,
        threads=[thread],
        entities=[entity],
    )
    other = factories.EventFactory(
        title=text("other-event"), on="2024-04-01", threads=[thread], entities=[entity]
    )
    factories.EvidenceFactory(
        event=event,
        document=document,
        start=inner_at,
        end=inner_at + 20,
        quote=text("evidence-quote"),
        note=text("evidence-note"),
    )
    factories.EventLinkFactory(
        source=event, target=other, kind=LinkKind.RESPONDS_TO, note=text("link-note")
    )
    return HostileCorpus(thread, case, entity, document, event, other, claim)


@pytest.fixture
def hostile_corpus(db: None) -> HostileCorpus:
    """Every text field that a page may show holds script, attribute and img payloads."""
    return build_corpus(hostile)


@pytest.fixture
def right_to_left_corpus(db: None) -> tuple[HostileCorpus, list[str]]:
    """Every text field that a page may show starts with a right-to-left override; with every
    piece of user text the pages may show (the field values and the document's text)."""
    texts: list[str] = []

    def text(marker: str) -> str:
        texts.append(right_to_left(marker))
        return texts[-1]

    corpus = build_corpus(text)
    return corpus, [*texts, corpus.document.text]
