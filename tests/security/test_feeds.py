"""Atom feeds with hostile text: titles are text (XML-escaped, read back exactly), summaries
are HTML with every piece of stored text escaped and isolated in <bdi>."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from .conftest import HostileCorpus, raw_payloads

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_escape_hostile_text(hostile_corpus: HostileCorpus) -> None:
    event = hostile_corpus.event
    for url in (
        "/feeds/timeline/",
        "/feeds/cases/hostile-case/",
        "/feeds/entities/hostile-entity/",
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
        root = ET.fromstring(response.content)  # well-formed XML whatever the text
        entries = root.findall(f"{ATOM}entry")
        titles = [entry.findtext(f"{ATOM}title") or "" for entry in entries]
        assert any(title.endswith(event.title) for title in titles), url  # exact text
        for entry in entries:
            summary = entry.find(f"{ATOM}summary")
            assert summary is not None and summary.get("type") == "html"
            html = summary.text or ""
            assert raw_payloads(html) == [], url
            if event.summary and event.title in (entry.findtext(f"{ATOM}title") or ""):
                assert "&lt;script&gt;alert(" in html
                assert html.count("<bdi>") == 1 and "\u202e" not in html.split("<bdi>")[0]
