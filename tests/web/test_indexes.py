"""The indexes /documents/, /entities/ and /cases/: browsable, filterable, paged, and a bad
filter value named beside its field with the other filters kept."""

from __future__ import annotations

import pytest
from django.test import Client

from casebase.knowledge.models import Document, Entity
from tests import factories

from .conftest import Small
from .test_pages import get

pytestmark = pytest.mark.django_db


def test_documents_index_filters_by_kind_case_source_and_text(client: Client, small: Small) -> None:
    factories.DocumentFactory(
        title="Order granting stay", kind="order", source_kind="court_record", status="reference"
    )
    record = Document.objects.get(title="Order granting stay")
    html = get(client, "/documents/")
    assert "Roe testifies about distillation" in html and "Order granting stay" in html
    assert "2 documents." in html

    html = get(client, "/documents/?kind=order")
    assert "Order granting stay" in html and "Roe testifies about distillation" not in html
    html = get(client, "/documents/?source_kind=court_record")
    assert "Order granting stay" in html and "Roe testifies about distillation" not in html
    html = get(client, "/documents/?source_kind=ungraded")
    assert "Roe testifies about distillation" in html and "Order granting stay" not in html
    html = get(client, "/documents/?has_text=yes")
    assert "Roe testifies about distillation" in html and "Order granting stay" not in html
    html = get(client, "/documents/?has_text=no&status=reference")
    assert "Order granting stay" in html and "1 document matches these filters." in html
    html = get(client, "/documents/?case=roe-v-acme")
    assert "Roe testifies about distillation" in html and "Order granting stay" not in html
    assert record.get_absolute_url() in get(client, "/documents/?q=granting+stay")

    html = get(client, "/documents/?kind=order&case=roe-v-acme")
    assert "No documents match these filters." in html
    assert "<table" not in html


def test_bad_filter_value_is_shown_beside_its_field_keeping_the_others(
    client: Client, small: Small
) -> None:
    html = get(client, "/documents/?kind=nonsense&q=Roe&case=roe-v-acme", 400)
    assert "Some filters need correcting" in html
    assert "Select a valid choice" in html
    field = html[html.index('id="id_kind"') - 200 : html.index('id="id_kind"') + 2000]
    assert "has-error" in field
    assert 'name="q" value="Roe"' in html.replace('maxlength="200" ', "")
    assert '<option value="roe-v-acme" selected>' in html
    assert "<h1>Documents</h1>" in html


def test_documents_index_pages(client: Client, small: Small) -> None:
    factories.DocumentFactory.create_batch(60, kind="paper")
    html = get(client, "/documents/?kind=paper")
    assert "60 documents match these filters." in html
    assert 'href="?kind=paper&amp;page=2"' in html
    assert html.count("<tr>") == 51  # header + 50
    html = get(client, "/documents/?kind=paper&page=2")
    assert html.count("<tr>") == 11


def test_entities_index_finds_names_and_aliases(client: Client, small: Small) -> None:
    factories.EntityFactory(name="Jane Q. Roe", slug="jane-q-roe")
    Entity.objects.filter(slug="jane-q-roe").update(merged_into=small.roe)
    html = get(client, "/entities/")
    for name in ("Jane Roe", "Acme AI", "Example Labs"):
        assert name in html
    assert "Jane Q. Roe" not in html  # merged: its survivor stands for it
    html = get(client, "/entities/?kind=organization")
    assert "Acme AI" in html and "Jane Roe" not in html
    factories.EntityAliasFactory(entity=small.acme, alias="Acme Artificial Intelligence")
    html = get(client, "/entities/?q=artificial")
    assert small.acme.get_absolute_url() in html and "Example Labs" not in html
    assert "No entities match these filters." in get(client, "/entities/?q=zzzz")


def test_cases_index(client: Client, small: Small) -> None:
    factories.CaseFactory(slug="other", caption="Doe v. Widget", short_name="Doe", court="D. Del.")
    html = get(client, "/cases/")
    assert "Roe v. Acme" in html and "Doe v. Widget" in html
    html = get(client, "/cases/?court=D.+Del.")
    assert "Doe v. Widget" in html and "Roe v. Acme" not in html
    html = get(client, "/cases/?q=1:00-cv")
    assert "Roe v. Acme" in html and "Doe v. Widget" not in html
    get(client, "/cases/?status=bogus", 400)


def test_indexes_are_in_the_navigation(client: Client, small: Small) -> None:
    html = get(client, "/")
    for url in ("/documents/", "/entities/", "/cases/"):
        assert f'href="{url}"' in html
