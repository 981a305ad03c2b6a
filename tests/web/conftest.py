"""Fixtures for the web tests: a small, hand-built corpus with hostile text in every field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from casebase.knowledge.models import Case, Claim, Document, Entity, Event, Thread
from tests import factories

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class Small:
    dispute: Thread
    law: Thread
    roe: Entity
    acme: Entity
    labs: Entity
    case: Case
    document: Document
    founding: Event
    testimony: Event
    claim: Claim
    other_claim: Claim


# Fictional people, companies and case: test data must not put words in real mouths.
TEXT = (
    "Jane Roe testified on Thursday that Example Labs had partly used Acme AI's models to train "
    "Widget. Acme AI denied it. See Roe v. Acme, No. 1:00-cv-00001."
)
CLAIM_END = TEXT.index(".") + 1


def at(needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th ``needle`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def mention(document: Document, entity: Entity, needle: str, occurrence: int = 0) -> None:
    factories.MentionFactory(
        document=document, entity=entity, start=at(needle, occurrence)[0], text=needle
    )


@pytest.fixture
def small(db: None) -> Small:
    dispute = factories.ThreadFactory(slug="dispute", name="Roe v. Acme dispute", position=0)
    law = factories.ThreadFactory(slug="law", name="AI-training law", position=1, color="#8250df")
    roe = factories.EntityFactory(
        name="Jane Roe", slug="jane-roe", description="Co-founder of Acme AI.", aliases=["Roe"]
    )
    acme = factories.EntityFactory(name="Acme AI", slug="acme-ai", kind="organization")
    labs = factories.EntityFactory(name="Example Labs", slug="example-labs", kind="organization")
    case = factories.CaseFactory(
        slug="roe-v-acme",
        caption="Roe v. Acme",
        short_name="Roe v. Acme",
        court="U.S. District Court, N.D. Cal.",
        docket_number="1:00-cv-00001",
    )
    factories.CasePartyFactory(case=case, entity=roe, role="plaintiff")
    factories.CasePartyFactory(case=case, entity=acme, role="defendant")
    document = factories.DocumentFactory(
        text=TEXT,
        title="Roe testifies about distillation",
        publisher="",
        publisher_note="aggregator; original publisher not named",
        source_url="https://example.org/article",
        published_on=dt.date(2026, 4, 30),
        case=case,
        docket_entry=12,
        page_offsets=[0, CLAIM_END + 1],
    )
    mention(document, roe, "Jane Roe")
    mention(document, labs, "Example Labs")
    mention(document, acme, "Acme AI")
    mention(document, acme, "Acme AI", 1)
    claim = factories.ClaimFactory(
        document=document,
        speaker=roe,
        verb="testified",
        start=0,
        end=CLAIM_END,
        under_oath=True,
        content="Example Labs had partly used Acme AI's models to train Widget",
        made_on=dt.date(2026, 4, 30),
    )
    denial_start, denial_end = at("Acme AI denied it.")
    other_claim = factories.ClaimFactory(
        document=document,
        speaker=acme,
        verb="denied",
        start=denial_start,
        end=denial_end,
        content="denied it",
        contradicts=[claim],
    )
    cite_start, cite_end = at("Roe v. Acme")
    factories.CitationFactory(
        document=document,
        kind="case",
        text="Roe v. Acme",
        normalized="Roe v. Acme",
        start=cite_start,
        end=cite_end,
        case=case,
    )
    founding = factories.EventFactory(
        on="2015-12",
        title="Acme AI launched as a nonprofit",
        threads=[dispute],
        entities=[roe, acme],
    )
    testimony = factories.EventFactory(
        on="2026-04-30",
        title="Roe testifies about distillation",
        threads=[dispute, law],
        entities=[roe, labs],
        case=case,
        summary="Roe testified that Example Labs partly used Acme AI models.",
    )
    factories.EvidenceFactory(
        event=testimony, document=document, start=0, end=CLAIM_END, quote=TEXT[:CLAIM_END]
    )
    factories.EventLinkFactory(source=founding, target=testimony, kind="precedent_for")
    factories.EventFactory(on="2020", title="Low confidence thing", confidence="low", threads=[law])
    return Small(
        dispute, law, roe, acme, labs, case, document, founding, testimony, claim, other_claim
    )
