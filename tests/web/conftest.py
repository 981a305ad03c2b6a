"""Fixtures for the web tests: a small, hand-built corpus with hostile text in every field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Citation,
    Claim,
    Document,
    Entity,
    EntityAlias,
    Event,
    EventLink,
    Evidence,
    Mention,
    Thread,
)

from .factories import make_case, make_document, make_entity, make_event, make_thread

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class Small:
    dispute: Thread
    law: Thread
    musk: Entity
    openai: Entity
    xai: Entity
    case: Case
    document: Document
    founding: Event
    testimony: Event
    claim: Claim
    other_claim: Claim


TEXT = (
    "Elon Musk testified on Thursday that xAI had partly used OpenAI's models to train Grok. "
    "OpenAI denied it. See Musk v. Altman, No. 4:24-cv-04722."
)


@pytest.fixture
def small(db: None) -> Small:
    dispute = make_thread(slug="dispute", name="Musk v. OpenAI dispute", position=0)
    law = make_thread(slug="law", name="AI-training law", position=1, color="#8250df")
    musk = make_entity("Elon Musk", slug="elon-musk", description="Co-founder of OpenAI.")
    EntityAlias.objects.create(entity=musk, alias="Musk")
    openai = make_entity("OpenAI", slug="openai", kind="organization")
    xai = make_entity("xAI", slug="xai", kind="organization")
    case = make_case(
        slug="musk-v-altman",
        caption="Musk v. Altman",
        short_name="Musk v. Altman",
        court="U.S. District Court, N.D. Cal.",
        docket_number="4:24-cv-04722",
    )
    CaseParty.objects.create(case=case, entity=musk, role="plaintiff")
    CaseParty.objects.create(case=case, entity=openai, role="defendant")
    document = make_document(
        TEXT,
        title="Musk testifies about distillation",
        publisher="",
        publisher_note="aggregator; original publisher not named",
        source_url="https://example.org/article",
        published_on=dt.date(2026, 4, 30),
        case=case,
        docket_entry=12,
        page_offsets=[0, 88],
    )
    Mention.objects.create(document=document, entity=musk, start=0, end=9, text="Elon Musk")
    Mention.objects.create(document=document, entity=xai, start=38, end=41, text="xAI")
    Mention.objects.create(document=document, entity=openai, start=58, end=64, text="OpenAI")
    Mention.objects.create(document=document, entity=openai, start=88, end=94, text="OpenAI")
    claim = Claim.objects.create(
        document=document,
        speaker=musk,
        verb="testified",
        start=0,
        end=87,
        under_oath=True,
        content="xAI had partly used OpenAI's models to train Grok",
        made_on=dt.date(2026, 4, 30),
    )
    other_claim = Claim.objects.create(
        document=document, speaker=openai, verb="denied", start=88, end=104, content="denied it"
    )
    claim.contradicts.add(other_claim)
    Citation.objects.create(
        document=document,
        kind="case",
        text="Musk v. Altman",
        normalized="Musk v. Altman",
        start=109,
        end=123,
        case=case,
    )
    founding = make_event(
        "2015-12",
        title="OpenAI launched as a nonprofit",
        threads=[dispute],
        entities=[musk, openai],
    )
    testimony = make_event(
        "2026-04-30",
        title="Musk testifies about distillation",
        threads=[dispute, law],
        entities=[musk, xai],
        case=case,
        summary="Musk testified that xAI partly used OpenAI models.",
    )
    Evidence.objects.create(event=testimony, document=document, start=0, end=87, quote=TEXT[0:87])
    EventLink.objects.create(source=founding, target=testimony, kind="precedent_for")
    make_event("2020", title="Low confidence thing", confidence="low", threads=[law])
    return Small(
        dispute, law, musk, openai, xai, case, document, founding, testimony, claim, other_claim
    )
