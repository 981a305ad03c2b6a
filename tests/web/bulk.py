"""A large corpus for the query-count tests: rows made by the factories' ``build()`` and saved
with ``bulk_create`` (fast)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Claim,
    Document,
    Entity,
    Event,
    EventLink,
    Evidence,
    Mention,
    Thread,
)
from tests import factories


@dataclass
class Corpus:
    threads: list[Thread] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def bulk_corpus(
    events: int = 2000, entities: int = 200, documents: int = 300, text_words: int = 300
) -> Corpus:
    """A large corpus built with bulk_create: every event has 2 entities, a thread, evidence;
    every document has mentions, a claim; a few links. Deterministic."""
    corpus = Corpus()
    corpus.threads = Thread.objects.bulk_create(
        factories.ThreadFactory.build(slug=f"lane-{i}", name=f"Lane {i}", position=i)
        for i in range(3)
    )
    corpus.entities = Entity.objects.bulk_create(
        factories.EntityFactory.build(slug=f"bulk-entity-{i}", name=f"Bulk Entity {i}")
        for i in range(entities)
    )
    corpus.cases = Case.objects.bulk_create(
        factories.CaseFactory.build(
            slug=f"bulk-case-{i}", caption=f"A{i} v. B{i}", short_name=f"A{i}", court="Court"
        )
        for i in range(5)
    )
    word = "filing "
    body = (word * text_words).strip()
    corpus.documents = Document.objects.bulk_create(
        factories.DocumentFactory.build(
            title=f"Bulk document {i}",
            kind="news_article" if i % 2 else "order",
            text=f"Bulk Entity {i % entities} said {body}",
            published_on=dt.date(2015 + i % 12, 1 + i % 12, 1 + i % 28),
            case=corpus.cases[i % 5],
            docket_entry=i,
        )
        for i in range(documents)
    )
    Mention.objects.bulk_create(
        factories.MentionFactory.build(
            document=doc,
            entity=corpus.entities[(i + k) % entities],
            start=0 if k == 0 else 20 + k * 7,
            end=len(f"Bulk Entity {i % entities}") if k == 0 else 26 + k * 7,
            text="x",
        )
        for i, doc in enumerate(corpus.documents)
        for k in range(5)
    )
    Claim.objects.bulk_create(
        factories.ClaimFactory.build(
            document=doc,
            speaker=corpus.entities[i % entities],
            verb="said",
            content=f"claim {i}",
            start=0,
            end=30,
        )
        for i, doc in enumerate(corpus.documents)
    )
    base = dt.date(2015, 1, 1)
    corpus.events = Event.objects.bulk_create(
        factories.EventFactory.build(
            title=f"Bulk event {i}",
            summary=f"Summary of bulk event {i}",
            date=base + dt.timedelta(days=i % 4000),
            date_precision=("day", "month", "year")[i % 3],
            case=corpus.cases[i % 5],
            confidence="low" if i % 10 == 0 else "high",
        )
        for i in range(events)
    )
    through_t = Event.threads.through
    through_t.objects.bulk_create(
        through_t(event_id=e.pk, thread_id=corpus.threads[i % 3].pk)
        for i, e in enumerate(corpus.events)
    )
    through_e = Event.entities.through
    through_e.objects.bulk_create(
        through_e(event_id=e.pk, entity_id=corpus.entities[(i + k) % entities].pk)
        for i, e in enumerate(corpus.events)
        for k in range(2)
    )
    Evidence.objects.bulk_create(
        factories.EvidenceFactory.build(
            event=e, document=corpus.documents[i % documents], start=0, end=12, quote="Bulk Entity"
        )
        for i, e in enumerate(corpus.events)
    )
    EventLink.objects.bulk_create(
        factories.EventLinkFactory.build(
            source=corpus.events[i], target=corpus.events[i + 1], kind="responds_to"
        )
        for i in range(0, events - 1, 50)
    )
    CaseParty.objects.bulk_create(
        factories.CasePartyFactory.build(case=c, entity=corpus.entities[i], role="plaintiff")
        for i, c in enumerate(corpus.cases)
    )
    return corpus
