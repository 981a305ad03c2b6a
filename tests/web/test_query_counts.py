"""Every page costs a bounded number of SQL queries, however many rows the database holds."""

from __future__ import annotations

import pytest
from django.test import Client

from casebase.knowledge.models import Document, Entity, Event

from .bulk import Corpus, bulk_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(db: None) -> Corpus:
    return bulk_corpus(events=2000, entities=200, documents=300)


def fetch(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_corpus_is_large(corpus: Corpus) -> None:
    assert Event.objects.count() == 2000
    assert Document.objects.count() == 300
    assert Entity.objects.count() == 200


LIST_PAGES = [
    ("/", 4),
    ("/timeline/", 9),
    ("/timeline/?page=7", 9),
    ("/timeline/?entity=bulk-entity-3&thread=lane-1&date_from=2016&q=bulk", 12),
    ("/timeline/?review=approved&unverified=no&case=bulk-case-2", 10),
    ("/claims/", 6),
    ("/claims/?speaker=bulk-entity-1", 7),
    ("/search/?q=bulk", 8),
    ("/documents/", 5),
    ("/documents/?kind=paper&has_text=yes&source_kind=ungraded&page=2", 5),
    ("/entities/?q=bulk", 4),
    ("/cases/", 5),
    ("/search/?q=filing&type=document&page=2", 6),
]


def test_list_pages(client: Client, corpus: Corpus, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for url, limit in LIST_PAGES:
        with django_assert_max_num_queries(limit):
            fetch(client, url)


def test_detail_pages(client: Client, corpus: Corpus, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    event, document, entity = corpus.events[10], corpus.documents[5], corpus.entities[7]
    with django_assert_max_num_queries(7):
        html = fetch(client, f"/events/{event.pk}/")
    assert event.title in html
    with django_assert_max_num_queries(6):
        html = fetch(client, f"/documents/{document.pk}/")
    assert 'class="mention' in html
    with django_assert_max_num_queries(12):
        html = fetch(client, f"/entities/{entity.slug}/")
    assert "Bulk document" in html
    with django_assert_max_num_queries(11):  # 10, and the links of its events
        html = fetch(client, f"/cases/{corpus.cases[0].slug}/")
    assert "Bulk document" in html and "Bulk event" in html


def test_long_lists_are_paged(client: Client, corpus: Corpus) -> None:
    html = fetch(client, "/timeline/")
    assert html.count('class="tl-item') == 50
    assert "Page 1 of 40" in html
    assert html.count('"Bulk event ') == 2000  # every event in the overview's data
    assert html.count(">Bulk event ") == 50  # one page in the list
    html = fetch(client, f"/cases/{corpus.cases[0].slug}/")
    assert html.count("<tr><td>") <= 100
