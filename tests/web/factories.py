"""Small builders for web tests: single rows with sensible defaults, and a bulk corpus."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission, User

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

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def make_thread(**kw: object) -> Thread:
    n = _n()
    kw.setdefault("slug", f"thread-{n}")
    kw.setdefault("name", f"Thread {n}")
    return Thread.objects.create(**kw)


def make_entity(name: str | None = None, **kw: object) -> Entity:
    n = _n()
    kw.setdefault("slug", f"entity-{n}")
    kw.setdefault("kind", "person")
    return Entity.objects.create(name=name or f"Entity {n}", **kw)


def make_case(**kw: object) -> Case:
    n = _n()
    kw.setdefault("slug", f"case-{n}")
    kw.setdefault("caption", f"Plaintiff {n} v. Defendant {n}")
    kw.setdefault("short_name", f"Case {n}")
    kw.setdefault("court", "N.D. Cal.")
    return Case.objects.create(**kw)


def make_document(text: str = "", **kw: object) -> Document:
    n = _n()
    kw.setdefault("title", f"Document {n}")
    kw.setdefault("kind", "news_article")
    kw.setdefault("status", "done")
    return Document.objects.create(text=text, **kw)


def make_event(
    date: str | dt.date = "2024-02-29",
    precision: str = "day",
    threads: list[Thread] | None = None,
    entities: list[Entity] | None = None,
    **kw: object,
) -> Event:
    if isinstance(date, str):
        from casebase.core.partial_dates import PartialDate

        partial = PartialDate.parse(date)
        date, precision = partial.start, partial.precision.value
    kw.setdefault("title", f"Event {_n()}")
    event = Event.objects.create(date=date, date_precision=precision, **kw)
    if threads:
        event.threads.set(threads)
    if entities:
        event.entities.set(entities)
    return event


def make_editor(username: str = "editor") -> User:
    user = User.objects.create_user(username, password="pw-for-tests-only")
    user.user_permissions.add(Permission.objects.get(codename="add_document"))
    return user


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
        Thread(slug=f"lane-{i}", name=f"Lane {i}", position=i) for i in range(3)
    )
    corpus.entities = Entity.objects.bulk_create(
        Entity(slug=f"bulk-entity-{i}", name=f"Bulk Entity {i}", kind="person")
        for i in range(entities)
    )
    corpus.cases = Case.objects.bulk_create(
        Case(slug=f"bulk-case-{i}", caption=f"A{i} v. B{i}", short_name=f"A{i}", court="Court")
        for i in range(5)
    )
    word = "filing "
    body = (word * text_words).strip()
    corpus.documents = Document.objects.bulk_create(
        Document(
            title=f"Bulk document {i}",
            kind="news_article" if i % 2 else "order",
            status="done",
            text=f"Bulk Entity {i % entities} said {body}",
            published_on=dt.date(2015 + i % 12, 1 + i % 12, 1 + i % 28),
            case=corpus.cases[i % 5],
            docket_entry=i,
        )
        for i in range(documents)
    )
    Mention.objects.bulk_create(
        Mention(
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
        Claim(
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
        Event(
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
        Evidence(
            event=e, document=corpus.documents[i % documents], start=0, end=12, quote="Bulk Entity"
        )
        for i, e in enumerate(corpus.events)
    )
    EventLink.objects.bulk_create(
        EventLink(source=corpus.events[i], target=corpus.events[i + 1], kind="responds_to")
        for i in range(0, events - 1, 50)
    )
    CaseParty.objects.bulk_create(
        CaseParty(case=c, entity=corpus.entities[i], role="plaintiff")
        for i, c in enumerate(corpus.cases)
    )
    return corpus
