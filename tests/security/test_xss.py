"""Hostile text in every field is shown escaped on every page that shows it, and breaks nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from .conftest import SCRIPT, HostileCorpus, javascript_links, raw_payloads
from .crawl import Crawl, crawl, web_urls_without_arguments

pytestmark = pytest.mark.django_db

QUERY = quote(SCRIPT.format("query") + '"><img src=x onerror=alert(1)>')


def _seeds(corpus: HostileCorpus) -> list[str]:
    seeds = web_urls_without_arguments() + corpus.urls()
    # The fragments that timeline.js inserts with innerHTML.
    seeds += [
        f"{event.get_absolute_url()}?fragment=1" for event in (corpus.event, corpus.other_event)
    ]
    # User text that pages echo back: search boxes and filters.
    seeds += [f"{url}?q={QUERY}" for url in web_urls_without_arguments()]
    seeds += [f"{url}?thread={QUERY}&entity={QUERY}&page={QUERY}" for url in seeds[:3]]
    return seeds


def _unsafe(result: Crawl, find: Callable[[str], list[str]] = raw_payloads) -> dict[str, list[str]]:
    return {url: hits for url, (_, body) in result.pages.items() if (hits := find(body))}


def _editor_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_pages_escape_hostile_text_for_anonymous_readers(hostile_corpus: HostileCorpus) -> None:
    result = crawl(Client(), _seeds(hostile_corpus))
    assert _unsafe(result) == {}
    # Not vacuous: the hostile pages were served, and showed the payload as text.
    for item in (hostile_corpus.event, hostile_corpus.document, hostile_corpus.entity):
        status, body = result.pages[item.get_absolute_url()]
        assert status == 200
        assert "&lt;script&gt;alert(" in body


def test_pages_escape_hostile_text_for_editors(
    hostile_corpus: HostileCorpus, superuser: User
) -> None:
    result = crawl(_editor_client(superuser), _seeds(hostile_corpus))
    assert _unsafe(result) == {}
    assert result.pages[hostile_corpus.document.get_absolute_url()][0] == 200


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_javascript_urls_are_never_links(
    who: str, hostile_corpus: HostileCorpus, superuser: User
) -> None:
    """A stored ``javascript:`` source URL (possible through a fixture, an import or the ORM,
    whatever the forms validate) must not become a clickable link on any page."""
    client = _editor_client(superuser) if who == "editor" else Client()
    result = crawl(client, _seeds(hostile_corpus))
    assert result.pages[hostile_corpus.document.get_absolute_url()][0] == 200
    assert _unsafe(result, javascript_links) == {}


def test_hostile_text_never_breaks_a_page(hostile_corpus: HostileCorpus) -> None:
    client = Client(raise_request_exception=False)
    result = crawl(client, _seeds(hostile_corpus))
    broken = {url: status for url, (status, _) in result.pages.items() if status >= 500}
    assert broken == {}
    assert len(result.pages) >= 8


def test_admin_escapes_hostile_text(hostile_corpus: HostileCorpus, superuser: User) -> None:
    client = Client()
    client.force_login(superuser)
    pages = {}
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        pages[changelist] = client.get(changelist)
        first = model._default_manager.first()
        if first is not None:
            change = reverse("admin:{}_{}_change".format(*info), args=[first.pk])
            pages[change] = client.get(change)
    assert pages, "no admin pages found"
    unsafe = {
        url: hits
        for url, response in pages.items()
        for body in [response.content.decode("utf-8", "replace")]
        if (hits := raw_payloads(body) + javascript_links(body))
    }
    assert unsafe == {}
    assert all(response.status_code == 200 for response in pages.values())


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def test_timelinejs_export_escapes_and_links_no_script(hostile_corpus: HostileCorpus) -> None:
    """TimelineJS inserts the export's text fields as HTML into whatever page embeds it."""
    response = Client().get("/api/v1/timeline/", {"format": "timelinejs"})
    assert response.status_code == 200
    texts = _strings(json.loads(response.content))
    assert any("xss-event-title" in text for text in texts)  # the hostile event is there
    assert [t for t in texts if raw_payloads(t)] == []
    assert [t for t in texts if javascript_links(t)] == []
