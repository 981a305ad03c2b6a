"""API writes need an account with the right permissions; reads are open to everyone.

Generic over every named route under /api/v1/, so endpoints added later are covered.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.urls.exceptions import NoReverseMatch
from rest_framework.authtoken.models import Token

from .conftest import knowledge_row_counts
from .crawl import named_patterns

pytestmark = pytest.mark.django_db

WRITES = ("post", "put", "patch", "delete")
CATCH_ALL = re.compile(r"\.[*+]")  # a route matching any path (the API's JSON 404)
SAMPLE = {"pk": "1", "id": "1", "slug": "x", "format": "json"}


def _api_routes() -> list[tuple[str, bool]]:
    """(url, takes an argument) for every named route in the API's v1 namespace."""
    routes = set()
    for name, pattern in named_patterns():
        regex = str(pattern.pattern.regex.pattern)
        groups = list(re.compile(regex).groupindex)
        if not name.startswith("v1:") or "format" in groups or CATCH_ALL.search(regex):
            continue  # outside the API, the .json twin of a route, or the JSON 404 catch-all
        kwargs = {group: SAMPLE.get(group, "1") for group in groups}
        try:
            routes.add((reverse(name, kwargs=kwargs), bool(kwargs)))
        except NoReverseMatch:
            continue
    return sorted(routes)


def _body() -> dict[str, str]:
    return {"title": "written", "name": "written", "text": "written", "slug": "written"}


def test_the_api_has_routes() -> None:
    assert any(url.startswith("/api/v1/") for url, _ in _api_routes())


def test_anonymous_cannot_write(hostile_corpus: object) -> None:
    before = knowledge_row_counts()
    client = Client()
    for url, _ in _api_routes():
        for method in WRITES:
            response = getattr(client, method)(url, _body(), content_type="application/json")
            assert response.status_code in {401, 403, 405}, f"{method.upper()} {url}"
    assert knowledge_row_counts() == before


def test_account_without_permissions_cannot_write(reader: User, hostile_corpus: object) -> None:
    before = knowledge_row_counts()
    token = Token.objects.create(user=reader)
    client = Client(headers={"Authorization": f"Token {token.key}"})
    for url, _ in _api_routes():
        for method in WRITES:
            response = getattr(client, method)(url, _body(), content_type="application/json")
            assert response.status_code in {403, 405}, f"{method.upper()} {url}"
    assert knowledge_row_counts() == before


def test_session_writes_need_the_csrf_token(superuser: User) -> None:
    """A logged-in browser session is no ticket for a cross-site write."""
    before = knowledge_row_counts()
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    for url, _ in _api_routes():
        response = client.post(url, _body(), content_type="application/json")
        assert response.status_code in {403, 405}, url
    assert knowledge_row_counts() == before


def test_anonymous_can_read_every_list(hostile_corpus: object) -> None:
    client = Client()
    lists = [url for url, takes_argument in _api_routes() if not takes_argument]
    assert lists
    for url in lists:
        assert client.get(url).status_code == 200, url
