"""A curated event whose source was only cited: ``fetch_sources`` fetches the page from a local
test site, and a reader follows the event's evidence to the highlighted passage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

from casebase.knowledge.models import Document, DocumentStatus, Event, Evidence, Origin
from casebase.pipeline import tasks
from tests.sites import Route, Site, html_page, serve_site

from .pages import Console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "The motion to dismiss the fraud claim is denied."


@pytest.fixture
def site(settings: Any) -> Iterator[Site]:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]
    settings.CASEBASE_FETCH_HOST_INTERVAL = 0.0
    page = html_page(
        "Judge keeps the fraud claim alive",
        [
            "Oakland, California. A federal judge ruled on Friday in the dispute between the "
            "two companies over the founding promises of the laboratory.",
            "“The motion to dismiss the fraud claim is\ndenied.” the order said in its last "
            "paragraph, sending the claim towards a jury trial next spring.",
            "Lawyers for both sides did not answer requests for comment on Friday evening.",
        ],
    )
    yield from serve_site(
        {"/robots.txt": Route(200, b""), "/ruling": Route(200, page, {"Content-Type": "text/html"})}
    )


def test_reader_follows_a_curated_event_to_the_fetched_passage(
    live_server: Any, browser: Any, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        tasks, "send_or_leave", lambda task, document_id: task.apply((document_id,))
    )
    record = Document.objects.create(
        title="Example Courier report, 2024-11-15",
        status=DocumentStatus.REFERENCE,
        source_url=site.base + "/ruling",
        source_kind="original_reporting",
        metadata={"title_source": "url"},
    )
    event = Event.objects.create(
        title="Fraud claim survives the motion to dismiss",
        date="2024-11-15",
        origin=Origin.CURATED,
        review_status="approved",
    )
    Evidence.objects.create(event=event, document=record, quote=QUOTE)

    call_command("fetch_sources")

    record.refresh_from_db()
    assert record.status == DocumentStatus.DONE, record.error
    evidence = Evidence.objects.get(event=event)
    assert evidence.start is not None, record.text
    context = live_server.url
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    console = Console(page)
    page.goto(f"{context}/events/{event.pk}/")
    link = page.locator(f'a.evidence-link[href$="#span-{evidence.start}-{evidence.end}"]')
    assert link.count() == 1
    assert "Judge keeps the fraud claim alive" in link.inner_text()  # the page's own title
    assert page.locator('.source-kind[data-kind="original_reporting"]').count() == 1
    link.click()
    page.wait_for_url(f"**/documents/{record.pk}/#span-{evidence.start}-{evidence.end}")
    passage = page.locator(f"#span-{evidence.start}-{evidence.end}")
    passage.wait_for()
    assert "is-target" in (passage.get_attribute("class") or "")
    assert " ".join(passage.inner_text().split()) == QUOTE
    background = passage.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert console.errors == []
