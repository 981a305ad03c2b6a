"""The ``?format=timelinejs`` export loaded into the real TimelineJS 3.9.11 in chromium.

A newsroom page on another origin (tests/browser/timelinejs.py) points TimelineJS at the export
served by the live server. Hostile text in every field that reaches the export must stay text (no
dialog, no injected element), entities and quotes must read as written, media must be something
TimelineJS can draw, and right-to-left overrides must not reorder the text around them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from casebase.exports.timelinejs_media import media_type
from casebase.knowledge.models import Document, Event, Thread
from tests import factories
from tests.browser.timelinejs import EmbeddingSite
from tests.security.conftest import JS_URL, hostile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.timelinejs,
    pytest.mark.django_db(transaction=True),
]

AMPERSAND = 'AT&T "quotes" <b>'
RLO = "\u202e"
ARTICLE = "https://news.example/2024/03/report"


@dataclass
class Corpus:
    hostile: Event
    plain: Event  # ampersands and quotes, with an image source after an article source
    article: Event  # only an article page as source: no media
    bidi: Event


def _document(title: str, publisher: str, url: str) -> Document:
    return factories.DocumentFactory(
        title=title,
        kind="other",
        publisher=publisher,
        source_url=url,
        published_on=dt.date(2024, 3, 1),
        text="Text.",
    )


def _event(title: str, day: int, thread: Thread, *documents: Document, **fields: Any) -> Event:
    event = factories.EventFactory(
        title=title, date=dt.date(2024, 3, day), threads=[thread], **fields
    )
    for document in documents:
        factories.EvidenceFactory(event=event, document=document, quote=document.title)
    return event


def make_corpus(image_url: str) -> Corpus:
    case = factories.CaseFactory(
        slug="hostile-case",
        caption=hostile("case-caption"),
        short_name=hostile("case-short"),
        court="",
    )
    entity = factories.EntityFactory(
        name=hostile("entity-name"), slug="hostile-entity", kind="other"
    )
    hostile_thread = factories.ThreadFactory(slug="hostile", name=hostile("thread-name"))
    hostile_event = _event(
        hostile("event-title"),
        1,
        hostile_thread,
        _document(hostile("doc-title"), hostile("publisher"), JS_URL.format("doc-url")),
        _document(hostile("image-title"), hostile("image-publisher"), image_url),
        summary=hostile("event-summary"),
        uncertainty_note=hostile("uncertainty"),
        case=case,
        confidence="low",
    )
    hostile_event.entities.add(entity)
    plain_thread = factories.ThreadFactory(slug="plain", name=AMPERSAND, position=1)
    plain = _event(
        AMPERSAND,
        2,
        plain_thread,
        _document(AMPERSAND, AMPERSAND, ARTICLE),
        _document(AMPERSAND, AMPERSAND, image_url),
        summary=AMPERSAND,
    )
    article = _event("Article only", 3, plain_thread, _document("Report", "Wire", ARTICLE))
    bidi_thread = factories.ThreadFactory(slug="bidi", name=RLO + "evil", position=2)
    bidi = _event(
        RLO + "Overridden",
        4,
        bidi_thread,
        _document(RLO + "Reversed title", RLO + "Reversed publisher", ARTICLE),
        summary=RLO + "Reversed summary",
    )
    return Corpus(hostile_event, plain, article, bidi)


@pytest.fixture
def site() -> Iterator[EmbeddingSite]:
    with EmbeddingSite() as running:
        yield running


@pytest.fixture
def embedded(live_server: Any, browser: Any, site: EmbeddingSite) -> Iterator[tuple[Any, Corpus]]:
    """The export, embedded by TimelineJS, every slide shown once; fails on any dialog."""
    corpus = make_corpus(site.pixel_url)
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(site.page_url(f"{live_server.url}/api/v1/timeline/?format=timelinejs"))
    page.wait_for_function("() => window.timelineReady", timeout=15000)
    slides = page.evaluate("timeline.config.events.length")
    assert slides == 4
    for number in range(slides + 1):  # the title slide, then every event
        page.evaluate(f"timeline.goTo({number})")
        page.wait_for_timeout(250)
    assert dialogs == []
    yield page, corpus
    assert dialogs == []
    context.close()


INJECTED = """() => [...document.querySelectorAll('*')].flatMap(el => {
    const found = [];
    const active = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName);
    if (active && !el.matches('[data-harness]'))
        found.push(el.outerHTML.slice(0, 80));
    if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push(el.outerHTML);
    for (const {name, value} of el.attributes) {
        if (/^on/i.test(name)) found.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
        if (/^(href|src|action|formaction)$/i.test(name) && /^\\s*javascript:/i.test(value))
            found.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
    }
    return found;
})"""


def _slide(page: Any, event: Event) -> Any:
    return page.locator(f"#event-{event.pk}")


def test_hostile_text_stays_text_in_every_field(embedded: tuple[Any, Corpus]) -> None:
    page, corpus = embedded
    assert page.evaluate(INJECTED) == []
    slide = _slide(page, corpus.hostile)
    # Not vacuous: the hostile text is there, shown as text, in each field that shows it.
    assert "<script>alert('xss-event-title')</script>" in slide.locator(".tl-headline").inner_text()
    text = slide.locator(".tl-text-content").inner_text()
    for marker in ("event-summary", "uncertainty", "doc-title", "publisher", "image-title"):
        assert f"<img src=x onerror=alert('xss-{marker}')>" in text
    assert (
        "<img src=x onerror=alert('xss-image-title')>" in slide.locator(".tl-caption").inner_text()
    )
    assert "xss-image-publisher" in slide.locator(".tl-credit").inner_text()
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert any("<img src=x onerror=alert('xss-thread-name')>" in group for group in groups)
    markers = page.locator(".tl-timemarker .tl-headline").all_inner_texts()
    assert any("<script>alert('xss-event-title')</script>" in marker for marker in markers)
    # The javascript: source URL is not a link; the source is still listed, linked to casebase.
    hrefs = slide.locator(".tl-text-content a").evaluate_all("links => links.map(a => a.href)")
    assert all(href.startswith("http") for href in hrefs)


def test_entities_and_quotes_read_as_written(embedded: tuple[Any, Corpus]) -> None:
    page, corpus = embedded
    slide = _slide(page, corpus.plain)
    image = slide.locator("img.tl-media-image")
    assert image.get_attribute("alt") == AMPERSAND
    assert image.get_attribute("title") == AMPERSAND
    # (the headline's U+2068 ... U+2069 isolate it and are invisible)
    assert slide.locator(".tl-headline").inner_text().strip("\u2068\u2069") == AMPERSAND
    assert slide.locator(".tl-text-content p").first.inner_text() == AMPERSAND
    assert slide.locator(".tl-text-content li").first.inner_text() == f"{AMPERSAND} ({AMPERSAND})"
    assert slide.locator(".tl-caption").inner_text() == AMPERSAND
    assert slide.locator(".tl-credit").inner_text() == AMPERSAND
    assert AMPERSAND in page.locator(".tl-timegroup-message").all_inner_texts()


def test_media_only_for_what_timelinejs_can_draw(
    embedded: tuple[Any, Corpus], site: EmbeddingSite
) -> None:
    page, corpus = embedded
    # An article page is no media at all (it was a broken <img> on every slide) ...
    assert _slide(page, corpus.article).locator(".tl-media").count() == 0
    assert _slide(page, corpus.bidi).locator(".tl-media").count() == 0
    # ... and the first source TimelineJS can draw is, loaded, after an article source.
    for event in (corpus.hostile, corpus.plain):
        image = _slide(page, event).locator("img.tl-media-image")
        image.wait_for()
        assert image.get_attribute("src") == site.pixel_url
        assert image.evaluate("img => img.complete && img.naturalWidth") == 2
    broken = page.evaluate(
        "[...document.images].filter(i => i.complete && !i.naturalWidth).map(i => i.src)"
    )
    assert broken == []


URLS = [
    ARTICLE,
    "https://example.org/photo.JPG",
    "https://example.org/photo.png?size=large",
    "https://x.com/someone/photo.jpg",
    "https://twitter.com/a/status/1",
    "https://www.youtube.com/watch?v=abc",
    "https://youtu.be/abc",
    "https://vimeo.com/123",
    "https://example.org/filing.pdf",
    "https://example.org/filing.pdf#page=2",
    "https://example.org/clip.mp4",
    "https://example.org/clip.webm?x=1",
    "https://example.org/talk.mp3",
    "https://en.wikipedia.org/wiki/OpenAI",
    "https://commons.wikimedia.org/wiki/File:Logo.png",
    "https://www.flickr.com/photos/a/1",
    "https://example.org/iframe-story",
    "https://open.spotify.com/track/1",
    "https://docs.google.com/document/d/1/edit?usp=sharing",
    "https://drive.google.com/open?id=1",
    "https://www.google.com/maps/@37.7,-122.4,12z",
    "https://imgur.com/gallery/abc",
    "https://fast.wistia.com/embed/medias/abc",
    "https://example.org/news/2024/jpg-story",
    "https://example.org/a.gif.html",
    "https://www.documentcloud.org/documents/1",
]


def test_media_types_agree_with_timelinejs(embedded: tuple[Any, Corpus]) -> None:
    """casebase judges a media URL by the patterns TimelineJS's own lookupMediaType uses."""
    page, _ = embedded
    theirs = page.evaluate("urls => urls.map(url => TL.lookupMediaType({url}).type)", URLS)
    assert dict(zip(URLS, theirs, strict=True)) == {url: media_type(url) for url in URLS}


def test_right_to_left_overrides_are_isolated(embedded: tuple[Any, Corpus]) -> None:
    """Every text node holding U+202E is inside a <bdi> (or between U+2068 and U+2069), and the
    source's publisher, after an overridden title, still reads left to right after it."""
    page, corpus = embedded
    item = _slide(page, corpus.bidi).locator(".tl-text-content li").first
    positions = item.evaluate(
        """li => {
        const link = li.querySelector('a').getBoundingClientRect();
        const range = document.createRange();
        const paren = [...li.childNodes].find(n => n.nodeType === 3 && n.data.includes('('));
        range.setStart(paren, paren.data.indexOf('('));
        range.setEnd(paren, paren.data.indexOf('(') + 1);
        return [link.left, link.right, range.getBoundingClientRect().left];
    }"""
    )
    _, link_right, paren_left = positions
    assert paren_left >= link_right - 1, positions
    unisolated = page.evaluate(
        """() => {
        const embed = document.getElementById('embed');
        const walker = document.createTreeWalker(embed, NodeFilter.SHOW_TEXT);
        const found = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.data;
            if (!text.includes('\\u202e')) continue;
            const bracketed = /\\u2068[^\\u2069]*\\u202e[^\\u2069]*\\u2069/.test(text);
            if (!bracketed && !node.parentElement.closest('bdi')) found.push(text);
        }
        return found;
    }"""
    )
    assert unisolated == []
    shown = page.evaluate(
        """() => [...document.querySelectorAll('#embed *')].filter(
            el => el.childElementCount === 0 && el.textContent.includes('\\u202e')).length"""
    )
    assert shown >= 4  # headline, summary, source title and publisher, group label
