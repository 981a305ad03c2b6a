"""Query counts stay constant as collections grow: the same page costs the same number of
queries on a few rows and on thousands (bulk-created, clearly synthetic rows)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

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

PAGE = 200
ENDPOINTS = [
    f"/api/v1/events/?page_size={PAGE}",
    f"/api/v1/events/?page_size={PAGE}&expand=entities,evidence,links",
    f"/api/v1/events/?page_size={PAGE}&entity_any=syn-entity-1,syn-entity-2&date_from=2001",
    f"/api/v1/entities/?limit={PAGE}",
    f"/api/v1/entities/?limit={PAGE}&name=alias",
    f"/api/v1/documents/?page_size={PAGE}",
    f"/api/v1/mentions/?page_size={PAGE}",
    f"/api/v1/claims/?page_size={PAGE}&expand=about",
    f"/api/v1/citations/?limit={PAGE}",
    f"/api/v1/cases/?limit={PAGE}",
    f"/api/v1/threads/?limit={PAGE}",
    "/api/v1/timeline/",
    "/api/v1/timeline/?format=ics",
]


def populate(n: int) -> None:
    """``n`` events, each with 2 entities, a thread, evidence and a link; as many claims etc."""
    threads = [Thread.objects.create(slug=f"syn-thread-{i}", name=f"Thread {i}") for i in range(3)]
    entities = Entity.objects.bulk_create(
        Entity(name=f"[synthetic] Entity {i}", slug=f"syn-entity-{i}", kind="organization")
        for i in range(max(n // 10, 3))
    )
    EntityAlias.objects.bulk_create(
        EntityAlias(entity=e, alias=f"alias {e.pk}", normalized=f"alias {e.pk}") for e in entities
    )
    cases = Case.objects.bulk_create(
        Case(slug=f"syn-case-{i}", caption=f"Synthetic {i}", short_name=f"S{i}", court="Test")
        for i in range(max(n // 50, 2))
    )
    CaseParty.objects.bulk_create(
        CaseParty(case=c, entity=entities[i % len(entities)], role="plaintiff")
        for i, c in enumerate(cases)
    )
    documents = Document.objects.bulk_create(
        Document(
            title=f"[synthetic] Doc {i}",
            text="x" * 200,
            status="done",
            content_hash=f"{i:064d}",
            case=cases[i % len(cases)],
            published_on=dt.date(2000 + i % 25, 1, 1),
        )
        for i in range(max(n // 10, 2))
    )
    precisions = ("day", "month", "year")
    events = Event.objects.bulk_create(
        Event(
            title=f"[synthetic] Event {i}",
            date=dt.date(2000 + i % 25, 1 + i % 12, 1),
            date_precision=precisions[i % 3],
            case=cases[i % len(cases)],
        )
        for i in range(n)
    )
    Event.entities.through.objects.bulk_create(
        Event.entities.through(event_id=e.pk, entity_id=entities[(i + k) % len(entities)].pk)
        for i, e in enumerate(events)
        for k in range(2)
    )
    Event.threads.through.objects.bulk_create(
        Event.threads.through(event_id=e.pk, thread_id=threads[i % 3].pk)
        for i, e in enumerate(events)
    )
    Evidence.objects.bulk_create(
        Evidence(event=e, document=documents[i % len(documents)], start=i % 100, end=i % 100 + 5)
        for i, e in enumerate(events)
    )
    EventLink.objects.bulk_create(
        EventLink(source=events[i], target=events[i + 1], kind="related") for i in range(n - 1)
    )
    Mention.objects.bulk_create(
        Mention(
            document=documents[i % len(documents)],
            entity=entities[i % len(entities)],
            start=i,
            end=i + 3,
            text="Ent",
        )
        for i in range(n)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            document=documents[i % len(documents)],
            speaker=entities[i % len(entities)],
            content="said something",
            start=i,
            end=i + 5,
        )
        for i in range(n)
    )
    Claim.about.through.objects.bulk_create(
        Claim.about.through(claim_id=c.pk, entity_id=entities[0].pk) for c in claims
    )
    Citation.objects.bulk_create(
        Citation(
            document=documents[i % len(documents)],
            kind="case",
            text=f"{i} F.3d 1",
            normalized=f"{i} F.3d 1",
            start=i,
            end=i + 9,
        )
        for i in range(n)
    )


def count_queries(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(context)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data(anon: APIClient) -> None:
    populate(30)
    small = {url: count_queries(anon, url) for url in ENDPOINTS}
    _grow(2_500)
    large = {url: count_queries(anon, url) for url in ENDPOINTS}
    assert large == small
    assert max(large.values()) <= 8, large


def _grow(n: int) -> None:
    Thread.objects.filter(slug__startswith="syn-").delete()
    Entity.objects.filter(slug__startswith="syn-").delete()
    Case.objects.filter(slug__startswith="syn-").delete()
    Document.objects.all().delete()
    Event.objects.all().delete()
    populate(n)


@pytest.mark.django_db
def test_detail_pages_have_a_fixed_cost(
    anon: APIClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    populate(300)
    event = Event.objects.order_by("pk")[150]
    entity = Entity.objects.order_by("pk")[5]
    document = Document.objects.order_by("pk")[5]
    for url in (
        f"/api/v1/events/{event.pk}/",
        f"/api/v1/entities/{entity.slug}/",
        f"/api/v1/documents/{document.pk}/",
        "/api/v1/cases/syn-case-1/",
    ):
        with django_assert_max_num_queries(7):
            assert anon.get(url).status_code == 200
