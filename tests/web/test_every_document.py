"""Search and entity pages cover every document, citation records included."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Document, DocumentStatus, Entity, EntityAlias, Evidence
from casebase.queries.search import SearchParams, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db: None) -> dict[str, Document]:
    return {
        "title": Document.objects.create(
            title="Altman testifies about the founding",
            status=DocumentStatus.REFERENCE,
            source_kind="original_reporting",
        ),
        "publisher": Document.objects.create(
            title="Report, 2026-05-01", status=DocumentStatus.REFERENCE, publisher="Zephyr Courier"
        ),
        "author": Document.objects.create(
            title="Report, 2026-05-02", status=DocumentStatus.REFERENCE, authors=["Quinta Vale"]
        ),
        "note": Document.objects.create(
            title="Report, 2026-05-03",
            status=DocumentStatus.REFERENCE,
            publisher_note="Summarising a Brightwater Ledger report",
            source_kind="aggregator",
        ),
        "text": Document.objects.create(
            title="Order",
            status=DocumentStatus.DONE,
            text="Sam Altman appeared before the court.",
            source_kind="court_record",
        ),
    }


@pytest.mark.parametrize(
    ("q", "key"),
    [
        ("Altman testifies", "title"),
        ("Zephyr", "publisher"),
        ("Quinta", "author"),
        ("Brightwater", "note"),
    ],
)
def test_citation_records_are_found(records: dict[str, Document], q: str, key: str) -> None:
    results = search(SearchParams(q=q), None)
    assert [hit.obj.pk for hit in results.hits["document"]] == [records[key].pk]


def test_facets_for_kind_of_source_and_text(client: Client, records: dict[str, Document]) -> None:
    results = search(SearchParams(q="Altman"), None)
    assert {hit.obj.pk for hit in results.hits["document"]} == {
        records["title"].pk,
        records["text"].pk,
    }
    facets = {name: {(v.value, v.count) for v in values} for name, values in results.facets.items()}
    assert facets["source_kind"] == {("original_reporting", 1), ("court_record", 1)}
    assert facets["has_text"] == {("yes", 1), ("no", 1)}
    no_text = search(SearchParams(q="Altman", has_text="no"), None)
    assert [hit.obj.pk for hit in no_text.hits["document"]] == [records["title"].pk]
    assert "event" not in no_text.hits and "claim" not in no_text.hits
    court = search(SearchParams(q="Altman", source_kind="court_record"), None)
    assert [hit.obj.pk for hit in court.hits["document"]] == [records["text"].pk]
    html = client.get(reverse("web:search"), {"q": "Altman"}).content.decode()
    assert "Kind of source" in html and "Citation records (no text)" in html
    assert "citation record</span>" in html
    assert client.get(reverse("web:search"), {"q": "x", "has_text": "maybe"}).status_code == 400


def test_entity_page_lists_every_related_document(
    client: Client, records: dict[str, Document], event_factory: Any, mention_factory: Any
) -> None:
    altman = Entity.objects.create(name="Sam Altman", slug="sam-altman", kind="person")
    EntityAlias.objects.create(entity=altman, alias="Altman")
    mention_factory(document=records["text"], entity=altman, start=0, end=10, text="Sam Altman")
    event = event_factory(title="Altman testifies", entities=[altman])
    cited = Document.objects.create(title="Court minutes", status=DocumentStatus.REFERENCE)
    Evidence.objects.create(event=event, document=cited)
    Document.objects.create(title="Unrelated", status=DocumentStatus.REFERENCE)

    html = client.get(altman.get_absolute_url()).content.decode()

    assert 'Documents <span class="muted">(3)</span>' in html
    assert "Order" in html and "1 mention" in html  # mentions it
    assert "Court minutes" in html and "supports an event" in html  # supports its event
    assert "Altman testifies about the founding" in html and "named in the title" in html
    assert html.count("citation record</span>") == 2
    assert "Unrelated" not in html
