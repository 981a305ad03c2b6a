"""User text with bidirectional overrides cannot reorder the app's text around it: every piece
of user text on every page is isolated in its own ``<bdi>`` (docs/web.md). The browser test
(tests/browser/test_bidi_isolation.py) shows the rendered order stays put."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from .conftest import RLO, HostileCorpus
from .crawl import crawl, web_urls_without_arguments
from .isolation import report, unisolated_user_text

pytestmark = pytest.mark.django_db


def _seeds(corpus: HostileCorpus) -> list[str]:
    seeds = web_urls_without_arguments() + corpus.urls()
    seeds += [
        f"{event.get_absolute_url()}?fragment=1" for event in (corpus.event, corpus.other_event)
    ]
    seeds += [
        "/search/?q=rtl",
        f"/search/?q={quote(RLO)}rtl",
        f"/timeline/?entity={corpus.entity.slug}",
    ]
    return seeds


def _problems(client: Client, urls: list[str], user_texts: list[str]) -> dict[str, list[str]]:
    result = crawl(client, urls)
    found = {}
    for url, (status, body) in result.pages.items():
        assert status < 500, url
        if problems := unisolated_user_text(body, RLO, user_texts):
            found[url] = problems
    shown = [url for url, (_, body) in result.pages.items() if RLO in body]
    assert len(shown) >= 8, shown  # not vacuous: the pages did show the user text
    return found


def test_pages_isolate_every_piece_of_user_text(
    right_to_left_corpus: tuple[HostileCorpus, list[str]],
) -> None:
    corpus, user_texts = right_to_left_corpus
    found = _problems(Client(), _seeds(corpus), user_texts)
    assert found == {}, report(found)


def test_editor_pages_isolate_every_piece_of_user_text(
    right_to_left_corpus: tuple[HostileCorpus, list[str]], superuser: User
) -> None:
    corpus, user_texts = right_to_left_corpus
    client = Client()
    client.force_login(superuser)
    queue = reverse("admin:knowledge_review_queue")
    seeds = [*_seeds(corpus), f"{queue}?show=claims", f"{queue}?show=events"]
    result = crawl(client, seeds)
    found = {
        url: problems
        for url, (_, body) in result.pages.items()
        if (problems := unisolated_user_text(body, RLO, user_texts))
    }
    assert found == {}, report(found)


def test_the_checker_finds_unisolated_text() -> None:
    user = f"{RLO}rtl-title"
    assert unisolated_user_text(f"<p><bdi>{user}</bdi> <b>unverified</b></p>", RLO, [user]) == []
    assert unisolated_user_text(f"<p>{user} <b>unverified</b></p>", RLO, [user]) != []
    assert unisolated_user_text(f"<p><bdi>{user} unverified</bdi></p>", RLO, [user]) != []
