"""Review before publishing, in a real browser: an editor uploads a text; an anonymous reader
sees none of what was extracted from it; the editor approves one event in the review queue; the
reader then sees it, and the timeline's Atom feed has an entry for it.

The text is made up for the test (its names are not real people or companies)."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest

from casebase.knowledge.models import Claim, Document, Entity, Event
from tests import factories

from .pages import Console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Ada Wolfram testified on 3 March 2026 that Quillfeather Labs copied the model. "
    "Quillfeather Labs denied it on 5 March 2026."
)


def test_unreviewed_items_stay_private_until_approved(
    live_server: Any, browser: Any, run_tasks_inline: list[int]
) -> None:
    factories.EditorFactory(username="editor", password="pw-editor-123")
    base = live_server.url

    editor = browser.new_context()
    page = editor.new_page()
    console = Console(page)
    page.goto(f"{base}/admin/login/?next=/upload/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/upload/")
    page.fill("#id_text", TEXT)
    page.fill("#id_title", "Wolfram testimony report")
    page.select_option("#id_kind", "news_article")
    page.click("form.upload-form button[type=submit]")
    page.wait_for_url("**/documents/*/")
    document = Document.objects.get(title="Wolfram testimony report")
    assert document.status == "done", document.error
    events = list(Event.objects.filter(evidence__document=document).order_by("date"))
    assert events and all(e.review_status == "extracted" for e in events)
    claims = list(Claim.objects.filter(document=document))
    entities = list(Entity.objects.filter(mentions__document=document, origin="extracted"))
    # the editor sees them, marked
    page.goto(f"{base}/timeline/")
    assert events[0].title in page.content() and "awaiting review" in page.content()

    reader = browser.new_context()
    anon = reader.new_page()
    reader_console = Console(anon, allow_status=(404,))
    anon.goto(f"{base}/timeline/")
    html = anon.content()
    assert all(e.title not in html for e in events)
    assert anon.goto(f"{base}/events/{events[0].pk}/").status == 404  # type: ignore[union-attr]
    anon.goto(f"{base}/claims/")
    assert claims and 'class="claim-item"' not in anon.content()  # no other claims exist
    for entity in entities:
        assert anon.goto(f"{base}/entities/{entity.slug}/").status == 404  # type: ignore[union-attr]
    feed = feedparser.parse(reader.request.get(f"{base}/feeds/timeline/").body())
    assert not any(events[0].title in entry.title for entry in feed.entries)

    # one click in the review queue
    page.goto(f"{base}/admin/knowledge/claim/review/?show=events")
    page.click(f'button[name=one][value="approved:{events[0].pk}"]')
    page.wait_for_selector(".messages, .messagelist")
    assert Event.objects.get(pk=events[0].pk).review_status == "approved"

    anon.goto(f"{base}/timeline/")
    assert events[0].title in anon.content()
    assert all(e.title not in anon.content() for e in events[1:])
    assert anon.goto(f"{base}/events/{events[0].pk}/").status == 200  # type: ignore[union-attr]
    feed = feedparser.parse(reader.request.get(f"{base}/feeds/timeline/").body())
    assert not feed.bozo
    published = [e for e in feed.entries if e.title.startswith("Published: ")]
    assert [e.title for e in published] == [
        f"Published: {events[0].date_display}: {events[0].title}"
    ]
    assert published[0].link.endswith(f"/events/{events[0].pk}/")
    # Chromium logs the admin's missing /favicon.ico (not a page response) and the reader's
    # expected 404s as console errors; every failed page response is still listed ("404 <url>").
    logged_404 = "the server responded with a status of 404"
    assert [e for e in console.errors if logged_404 not in e] == []
    assert [e for e in reader_console.errors if logged_404 not in e] == []
    editor.close()
    reader.close()
