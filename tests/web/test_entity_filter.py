"""The timeline's entity filter takes names and aliases, suggests from every entity, and shows
bad input beside the field on the same page with every other filter kept."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from casebase.knowledge.models import Entity
from casebase.queries.entities import entities_named, suggest_entities
from casebase.queries.timeline import readable_filters
from tests import factories

from .conftest import Small

pytestmark = pytest.mark.django_db


def test_names_and_aliases_resolve_to_slugs(small: Small) -> None:
    found = entities_named(["Jane Roe", "roe", "ACME AI", "example-labs", "Nobody"])
    assert {value: e.slug for value, e in found.items()} == {
        "Jane Roe": "jane-roe",
        "roe": "jane-roe",  # an alias, case-insensitive
        "ACME AI": "acme-ai",
        "example-labs": "example-labs",
    }


def test_a_merged_entitys_name_stands_for_its_survivor(small: Small) -> None:
    factories.EntityFactory(name="Jane Q. Roe", slug="jane-q-roe")
    Entity.objects.filter(slug="jane-q-roe").update(merged_into=small.roe)
    assert entities_named(["Jane Q. Roe"])["Jane Q. Roe"].slug == "jane-roe"


def test_readable_filters_keep_every_valid_filter(small: Small) -> None:
    readable = readable_filters(
        {"entity": ["Jane Roe", "Elon Muks"], "date_from": "2026", "q": "x"}
    )
    assert readable.filters.entities == ("jane-roe",)
    assert readable.filters.date_from is not None and readable.filters.q == "x"
    assert readable.unknown_entities == ("Elon Muks",)
    assert "Elon Muks" in readable.errors["entity"]
    bad_date = readable_filters({"date_from": "April", "thread": "law"})
    assert set(bad_date.errors) == {"date_from"} and bad_date.filters.threads == ("law",)


def test_timeline_by_name_filters_like_the_slug(client: Client, small: Small) -> None:
    by_name = client.get("/timeline/", {"entity": "Example Labs"})
    by_slug = client.get("/timeline/", {"entity": "example-labs"})
    assert by_name.status_code == 200
    for html in (by_name.content.decode(), by_slug.content.decode()):
        assert "Roe testifies about distillation" in html
        assert "Acme AI launched as a nonprofit" not in html
        assert 'value="example-labs" checked' in html


def test_unknown_name_is_shown_inline_and_other_filters_kept(client: Client, small: Small) -> None:
    response = client.get(
        "/timeline/", {"entity": "Elon Muks", "thread": "law", "date_from": "2020", "q": "thing"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Timeline</h1>" in html and 'id="timeline-filters"' in html
    assert 'id="f-entity-error"' in html and "Elon Muks" in html
    assert 'value="Elon Muks"' in html  # what was typed stays in the field
    assert 'name="thread" value="law" checked' in html
    assert 'name="date_from" value="2020"' in html
    assert "Low confidence thing" in html  # the other filters still apply
    bad_date = client.get("/timeline/", {"date_from": "April", "thread": "law"}).content.decode()
    assert 'id="f-from-error"' in bad_date and 'value="April"' in bad_date


def test_add_entity_chip_keeps_the_other_filters(client: Client, small: Small) -> None:
    html = client.get("/timeline/", {"thread": "dispute", "date_from": "2026"}).content.decode()
    assert "?thread=dispute&amp;date_from=2026&amp;entity=jane-roe" in html


def test_suggestions_cover_every_entity(client: Client, small: Small) -> None:
    for n in range(150):
        factories.EntityFactory(name=f"Filler Person {n:03d}", slug=f"filler-{n:03d}")
    factories.EntityFactory(name="Zebulon Quartermaine", slug="zebulon")
    factories.EntityAliasFactory(entity=small.acme, alias="Acme Artificial Intelligence")
    data = json.loads(client.get("/suggest/entities", {"q": "zebul"}).content)
    assert [r["slug"] for r in data["results"]] == ["zebulon"]
    acme = suggest_entities("artificial")
    assert [(s.slug, s.matched) for s in acme] == [("acme-ai", "Acme Artificial Intelligence")]
    assert len(suggest_entities("filler")) == 10
    assert suggest_entities("ja")[0].slug == "jane-roe"  # names starting with it come first
    assert json.loads(client.get("/suggest/entities").content) == {"results": []}
