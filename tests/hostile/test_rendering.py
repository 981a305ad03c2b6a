"""Hostile text that made it in (as markup to strip, or as literal text) is processed, and every
page that shows it escapes it: the reader with its highlighted spans, events, entities, claims,
the timeline and search snippets. Right-to-left overrides and combining marks break nothing.

Names and dates are made up for the tests (``Example``, ``Beta Labs``); they are not facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client

from casebase.knowledge.models import Claim, Document, DocumentStatus, Entity, Event, Evidence
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes, ingest_text
from tests.factories import DocumentFactory, EventFactory, EvidenceFactory, KnownEntityFactory
from tests.security.crawl import crawl

from .conftest import Bystander, assert_serving

pytestmark = pytest.mark.django_db(transaction=True)

# Unescaped, any of these in a page would run script or load a frame.
RAW = (
    "<script>alert(",
    "<img src=x onerror",
    "<iframe",
    "<object",
    "<svg onload",
    '<a href="javascript:',
    'href="javascript:',
    "href='javascript:",
    "<style>body",
)

HOSTILE_HTML = b"""<!doctype html><html><head><title>Hostile page</title>
<style>body { background: url("javascript:alert('xss-style')") }</style>
<script>alert('xss-head')</script></head><body><article>
<h1 onclick="alert('xss-h1')">Beta Labs motion</h1>
<p onmouseover="alert('xss-p')">Alice Example said that Beta Labs copied the model weights.</p>
<p>On 3 March 2024, Beta Labs filed a motion to dismiss in the Example District Court.</p>
<script>document.write('xss-body-script')</script>
<img src="x" onerror="alert('xss-img')"><iframe src="https://frame.example/"></iframe>
<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>
<p>Read the <a href="javascript:alert('xss-link')">filing</a> and the
<a href="data:text/html,<script>alert('xss-data')</script>">summary</a>.</p>
<svg onload="alert('xss-svg')"><circle r="4"/></svg>
<p>Gamma Corp said on 4 March 2024 that it would respond to Beta Labs.</p>
</article></body></html>"""

LITERAL_TEXT = (
    "Alice Example said that <script>alert('xss-claim')</script> was never copied.\n\n"
    "On 3 March 2024, Beta Labs filed a motion <img src=x onerror=alert('xss-event')> "
    "in the Example District Court.\n\n"
    "Gamma Corp said on 4 March 2024 that <iframe src=javascript:alert('xss-frame')></iframe> "
    "and <a href=\"javascript:alert('xss-a')\">a link</a> were in the brief.\n"
)

BIDI_TEXT = (
    "Beta Labs filed the file \u202egpj.exe\u202c with the court on 3 March 2024.\n\n"
    "Alice Example said that \u202eBeta Labs <b>won</b>\u202c the first round.\n\n"
    "\u0634\u0631\u0643\u0629 \u0628\u064a\u062a\u0627 \u0642\u062f\u0645\u062a "
    "\u0637\u0644\u0628\u0627 \u05d1\u05d8\u05d0 \u05dc\u05d0\u05d1\u05e1 "
    "\u05d4\u05d2\u05d9\u05e9\u05d4 \u05d1\u05e7\u05e9\u05d4.\n\n"
    "Z\u0337\u0322\u031b\u0353a\u0336\u0321\u0347l\u0338\u0329g\u0335\u0331o\u0334 "
    + "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308" * 200
    + " Gamma Corp denied it on 4 March 2024.\n"
)


class PageClient(Client):
    """A client for crawling: a streamed response (the original's download) must be an inert
    attachment; its bytes are the hostile original itself, so it counts as an empty page."""

    downloads: int = 0

    def get(self, path: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response: Any = super().get(path, *args, **kwargs)
        if not response.streaming:
            return response
        assert response["Content-Disposition"].startswith("attachment"), path
        assert response["Content-Type"] == "application/octet-stream", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        b"".join(response.streaming_content)
        response.close()
        self.downloads += 1
        return HttpResponse(b"", status=response.status_code, content_type="text/plain")


@dataclass
class Processed:
    document: Document
    pages: dict[str, tuple[int, str]]


def unsafe(pages: dict[str, tuple[int, str]]) -> dict[str, list[str]]:
    found = {}
    for url, (_, body) in pages.items():
        hits = [fragment for fragment in RAW if fragment in body]
        if hits:
            found[url] = hits
    return found


def pages_of(document: Document, query: str) -> dict[str, tuple[int, str]]:
    """The reader, every event, entity and claim drawn from the document, the timeline,
    search and the claims explorer, plus every same-site page they link to."""
    seeds = [document.get_absolute_url(), "/timeline/", "/claims/", f"/search/?q={query}", "/"]
    events = Event.objects.filter(evidence__document=document).distinct()
    seeds += [event.get_absolute_url() for event in events]
    seeds += [f"{event.get_absolute_url()}?fragment=1" for event in events]
    entities = Entity.objects.filter(mentions__document=document).distinct()
    seeds += [entity.get_absolute_url() for entity in entities]
    client = PageClient()
    pages = crawl(client, seeds, limit=120).pages
    assert client.downloads >= 1  # at least the hostile original, as an inert attachment
    return pages


def ingest_and_process(run: list[int], data: bytes | str, title: str = "") -> Processed:
    meta = SubmissionMeta(kind="news_article", title=title, published="2024-03-05")
    if isinstance(data, bytes):
        result = ingest_bytes(data, "hostile.html", meta)
    else:
        result = ingest_text(data, meta)
    document = Document.objects.get(pk=result.document.pk)
    assert run == [document.pk] and document.status == DocumentStatus.DONE, document.error
    # Trusted for automatic publication, so that the anonymous reader's pages show (and so
    # render) everything extracted from the hostile text.
    document.auto_publish = True
    document.save(update_fields=["auto_publish"])
    return Processed(document, pages_of(document, "Beta"))


@pytest.fixture
def known(db: None) -> None:
    for name in ("Alice Example", "Beta Labs", "Gamma Corp"):
        kind = "person" if name.startswith("Alice") else "organization"
        slug = name.lower().replace(" ", "-")
        KnownEntityFactory(slug=slug, name=name, kind=kind)


def assert_extracted(document: Document) -> None:
    """Not vacuous: the analysis drew events, mentions and a claim from the hostile text."""
    assert Evidence.objects.filter(document=document).exists()
    assert Entity.objects.filter(mentions__document=document).count() >= 2
    assert Claim.objects.filter(document=document).exists()


def test_active_html_is_stripped_and_nothing_renders_raw(
    run_tasks_inline: list[int], known: None, bystander: Bystander
) -> None:
    result = ingest_and_process(run_tasks_inline, HOSTILE_HTML)
    text = result.document.text
    assert "Beta Labs filed a motion to dismiss" in text
    for active in ("xss-", "onclick", "onerror", "javascript:", "<", "data:text", "iframe"):
        assert active not in text, active
    assert "xss-" not in result.document.title
    assert_extracted(result.document)
    assert unsafe(result.pages) == {}
    assert all(status < 500 for status, _ in result.pages.values())
    assert_serving(bystander)


def test_markup_kept_as_text_is_escaped_on_every_page(
    run_tasks_inline: list[int], known: None, bystander: Bystander
) -> None:
    result = ingest_and_process(
        run_tasks_inline, LITERAL_TEXT, title="<script>alert('xss-title')</script>"
    )
    assert "<script>alert('xss-claim')</script>" in result.document.text  # kept, as text
    assert_extracted(result.document)
    assert unsafe(result.pages) == {}
    status, reader = result.pages[result.document.get_absolute_url()]
    assert status == 200
    assert "&lt;script&gt;alert(&#x27;xss-claim&#x27;)&lt;/script&gt;" in reader
    assert "&lt;script&gt;alert(&#x27;xss-title&#x27;)&lt;/script&gt;" in reader
    search = result.pages["/search/?q=Beta"][1]
    assert result.document.get_absolute_url() in search
    assert all(status < 500 for status, _ in result.pages.values())
    assert_serving(bystander)


def test_bidi_overrides_and_combining_marks(
    run_tasks_inline: list[int], known: None, bystander: Bystander
) -> None:
    result = ingest_and_process(run_tasks_inline, BIDI_TEXT, title="\u202eTitle reversed")
    assert result.document.text == BIDI_TEXT.strip() or result.document.text == BIDI_TEXT
    assert "&lt;b&gt;won&lt;/b&gt;" in result.pages[result.document.get_absolute_url()][1]
    assert "<b>won</b>" not in "".join(body for _, body in result.pages.values())
    assert Evidence.objects.filter(document=result.document).exists()
    assert all(status == 200 for status, _ in result.pages.values()), {
        url: status for url, (status, _) in result.pages.items() if status != 200
    }
    assert_serving(bystander)


def test_javascript_source_url_is_not_a_link(
    document_factory: type[DocumentFactory],
    event_factory: type[EventFactory],
    evidence_factory: type[EvidenceFactory],
) -> None:
    """A ``javascript:`` source URL stored by the ORM, a fixture or an older import (every
    submission path refuses one) must not become a link anywhere."""
    document = document_factory(
        title="Stored with a bad source URL",
        kind="other",
        source_url="javascript:alert('xss-source')",
        text="Beta Labs filed a motion.",
        content_hash="e" * 64,
    )
    event = event_factory(title="Motion filed", on="2024-03-03")
    evidence_factory(event=event, document=document, start=0, end=9, quote="Beta Labs")
    pages = crawl(PageClient(), [document.get_absolute_url(), event.get_absolute_url()]).pages
    links = {
        url: body.count("javascript:")
        for url, (_, body) in pages.items()
        if 'href="javascript:' in body.lower() or "href='javascript:" in body.lower()
    }
    assert links == {}
    assert "javascript:alert(&#x27;xss-source&#x27;)" in pages[document.get_absolute_url()][1]
