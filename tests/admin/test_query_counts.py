"""Every admin page of the knowledge app renders with a bounded number of queries, on thousands
of rows: the numbers below do not grow with the table sizes (changelists are paginated, foreign
keys are joined or autocompleted, inlines are bounded)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Case, Claim, Document, Entity, Event

from .bulk import make_bulk

MAX_QUERIES = 15


def knowledge_models() -> list[type[Model]]:
    return [m for m in admin.site._registry if m._meta.app_label == "knowledge"]


def _url(model: type[Model], page: str, *args: Any) -> str:
    return reverse(f"admin:knowledge_{model._meta.model_name}_{page}", args=args)


def _busiest(model: type[Model]) -> Model:
    """The row with the most related rows, where that matters; else the first."""
    picks: dict[type[Model], Callable[[], Model]] = {
        Document: lambda: Document.objects.get(title="Document 0"),
        Case: lambda: Case.objects.get(slug="case-0"),
        Entity: lambda: Entity.objects.get(slug="person-0"),
        Event: lambda: Event.objects.get(title="Event 1"),
        Claim: lambda: Claim.objects.order_by("pk")[0],
    }
    pick = picks.get(model)
    found = pick() if pick else model._default_manager.order_by("pk").first()
    assert found is not None, model
    return found


@pytest.fixture
def bulk(db: None) -> None:
    make_bulk(2000)


@pytest.mark.django_db
def test_every_changelist_is_bounded(
    bulk: None, admin_client: Client, django_assert_max_num_queries: Any
) -> None:
    for model in knowledge_models():
        assert model._default_manager.count() >= 5, model
        with django_assert_max_num_queries(MAX_QUERIES, info=model.__name__) as ctx:
            response = admin_client.get(_url(model, "changelist"))
        print(f"{model.__name__:12} changelist: {len(ctx.captured_queries)} queries")
        assert response.status_code == 200, model


@pytest.mark.django_db
def test_every_add_and_change_page_is_bounded(
    bulk: None, admin_client: Client, django_assert_max_num_queries: Any
) -> None:
    for model in knowledge_models():
        obj = _busiest(model)
        with django_assert_max_num_queries(MAX_QUERIES, info=f"{model.__name__} change") as ctx:
            response = admin_client.get(_url(model, "change", obj.pk))
        print(f"{model.__name__:12} change page: {len(ctx.captured_queries)} queries")
        assert response.status_code == 200, model
        if admin.site._registry[model].has_add_permission(response.wsgi_request):
            with django_assert_max_num_queries(MAX_QUERIES, info=f"{model.__name__} add"):
                response = admin_client.get(_url(model, "add"))
            assert response.status_code == 200, model


@pytest.mark.django_db
def test_autocomplete_and_review_queue_are_bounded(
    bulk: None, admin_client: Client, django_assert_max_num_queries: Any
) -> None:
    autocomplete = reverse("admin:autocomplete")
    query = {"app_label": "knowledge", "model_name": "event", "field_name": "entities"}
    with django_assert_max_num_queries(MAX_QUERIES, info="autocomplete"):
        response = admin_client.get(autocomplete, {**query, "term": "Person 1"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 20  # a page of the matching entities
    for show in ("claims", "events"):
        with django_assert_max_num_queries(MAX_QUERIES, info=f"queue {show}"):
            response = admin_client.get(reverse("admin:knowledge_review_queue"), {"show": show})
        assert response.status_code == 200
        assert b"Approve selected" in response.content
