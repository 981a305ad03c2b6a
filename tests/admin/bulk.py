"""Thousands of rows for the query-count tests: the factories' ``build()`` rows saved with
bulk_create (fast)."""

from __future__ import annotations

import datetime as dt

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Citation,
    Claim,
    Document,
    Entity,
    EntityAlias,
    EntityMerge,
    Event,
    EventLink,
    Evidence,
    Mention,
    Subscription,
    Thread,
)
from tests import factories

BODY = "Person {n} said on Monday that Company {n} had settled the case No. {n}-cv-1. " * 3


def make_bulk(n: int = 2000) -> None:
    """About ``n`` entities, events, mentions and claims, ``n // 2`` documents, and the links
    between them, so every changelist has thousands of rows and every change page has children."""
    entities = Entity.objects.bulk_create(
        factories.EntityFactory.build(name=f"Person {i}", slug=f"person-{i}") for i in range(n)
    )
    EntityAlias.objects.bulk_create(
        factories.EntityAliasFactory.build(entity=e, alias=f"P. {i}", normalized=f"p. {i}")
        for i, e in enumerate(entities)
    )
    threads = Thread.objects.bulk_create(
        factories.ThreadFactory.build(slug=f"thread-{i}", name=f"Thread {i}") for i in range(5)
    )
    cases = Case.objects.bulk_create(
        factories.CaseFactory.build(
            slug=f"case-{i}", caption=f"Case {i}", short_name=f"Case {i}", court="Court"
        )
        for i in range(50)
    )
    documents = Document.objects.bulk_create(
        factories.DocumentFactory.build(
            title=f"Document {i}",
            kind="other",
            text=BODY.format(n=i),
            case=cases[i % len(cases)],
            content_hash=f"{i:064x}",
            published_on=dt.date(2020, 1, 1) + dt.timedelta(days=i),
        )
        for i in range(n // 2)
    )
    Mention.objects.bulk_create(
        factories.MentionFactory.build(
            document=documents[i % len(documents)], entity=e, start=0, end=8, text="Person"
        )
        for i, e in enumerate(entities)
    )
    claims = Claim.objects.bulk_create(
        factories.ClaimFactory.build(
            document=documents[i % len(documents)],
            speaker=e,
            content=f"Company {i} had settled",
            start=10,
            end=40,
            origin="extracted",
            review_status="extracted",
            fingerprint=f"bulk-{i}",
        )
        for i, e in enumerate(entities)
    )
    Claim.about.through.objects.bulk_create(
        Claim.about.through(claim=c, entity=entities[(i + 1) % n]) for i, c in enumerate(claims)
    )
    Citation.objects.bulk_create(
        factories.CitationFactory.build(
            document=d, kind="docket", text="No. 1-cv-1", normalized="1-cv-1", start=60, end=70
        )
        for d in documents
    )
    events = Event.objects.bulk_create(
        factories.EventFactory.build(
            title=f"Event {i}",
            date=dt.date(2015, 1, 1) + dt.timedelta(days=i),
            date_precision=("year", "month", "day")[i % 3],
            case=cases[i % len(cases)],
            origin="extracted" if i % 2 else "curated",
            review_status="extracted" if i % 2 else "approved",
        )
        for i in range(n)
    )
    Event.threads.through.objects.bulk_create(
        Event.threads.through(event=e, thread=threads[i % 5]) for i, e in enumerate(events)
    )
    Event.entities.through.objects.bulk_create(
        Event.entities.through(event=e, entity=entities[i]) for i, e in enumerate(events)
    )
    Evidence.objects.bulk_create(
        factories.EvidenceFactory.build(
            event=e, document=documents[i % len(documents)], start=0, end=30
        )
        for i, e in enumerate(events)
    )
    EventLink.objects.bulk_create(
        factories.EventLinkFactory.build(source=events[i], target=events[i + 1], kind="related")
        for i in range(n - 1)
    )
    CaseParty.objects.bulk_create(
        factories.CasePartyFactory.build(case=cases[i % len(cases)], entity=e, role="plaintiff")
        for i, e in enumerate(entities[:500])
    )
    Case.judges.through.objects.bulk_create(
        Case.judges.through(case=c, entity=entities[i]) for i, c in enumerate(cases)
    )
    merged = entities[-10:]
    Entity.objects.filter(pk__in=[e.pk for e in merged]).update(merged_into=entities[0])
    EntityMerge.objects.bulk_create(
        EntityMerge(merged=e, survivor=entities[0], merged_name=e.name, moved={"mentions": 1})
        for e in merged
    )
    followers = [factories.UserFactory(username=f"follower-{i}") for i in range(5)]
    Subscription.objects.bulk_create(
        [Subscription(user=u, case=cases[i % len(cases)]) for i, u in enumerate(followers)]
        + [Subscription(user=u, entity=entities[i]) for i, u in enumerate(followers)]
    )
    _crowd(documents[0], events[1], cases[0], entities)


def _crowd(document: Document, event: Event, case: Case, entities: list[Entity]) -> None:
    """Give the rows the change-page tests open many children: inline rows must not each
    cost a query."""
    Mention.objects.bulk_create(
        factories.MentionFactory.build(
            document=document, entity=e, start=20, end=29, text="Company 0"
        )
        for e in entities[:300]
    )
    Claim.objects.bulk_create(
        factories.ClaimFactory.build(
            document=document, speaker=e, content="said", start=0, end=9, fingerprint="x"
        )
        for e in entities[:150]
    )
    others = list(Document.objects.exclude(pk=document.pk).order_by("pk")[:30])
    Evidence.objects.bulk_create(
        factories.EvidenceFactory.build(event=event, document=d, quote="Person said")
        for d in others
    )
    targets = list(Event.objects.exclude(pk=event.pk).order_by("-pk")[:30])
    EventLink.objects.bulk_create(
        factories.EventLinkFactory.build(source=event, target=t, kind="precedent_for")
        for t in targets
    )
    CaseParty.objects.bulk_create(
        factories.CasePartyFactory.build(case=case, entity=e, role="defendant")
        for e in entities[1000:1060]
    )
