"""In Debian's chromium: an editor signs in, adds an event with a partial date, picks its
entities through autocomplete, attaches evidence, saves, and finds it on the timeline."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from casebase.knowledge.models import Event

from .conftest import World
from .walkthrough import NewEvent, add_event, launch, shoot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(monkeypatch: pytest.MonkeyPatch) -> Any:
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def test_editor_adds_an_event_and_sees_it_on_the_timeline(
    transactional_db: None, live_server: Any, browser_page: Any, world: World, editor: User
) -> None:
    shots_dir = os.environ.get("CASEBASE_SCREENSHOT_DIR")
    shots = Path(shots_dir) if shots_dir else None
    page, base = browser_page, live_server.url
    sign_in(page, base, "editor", "pw-editor-123")
    assert page.locator("#cb-review-module").is_visible()

    event_id = add_event(
        page,
        base,
        NewEvent(
            title="Beta Labs answers the complaint",
            when="Feb 2018",
            entity_terms=[("Alice", "Alice Example"), ("Beta", "Beta Labs")],
            document_term=("test report", "A test report"),
            quote="Gamma Corp denied it",
        ),
        shots,
    )

    event = Event.objects.get(pk=event_id)
    assert (event.date.isoformat(), event.date_precision) == ("2018-02-01", "month")
    assert set(event.entities.values_list("slug", flat=True)) == {"alice-example", "beta-labs"}
    assert event.evidence.get().document == world.document
    page.goto(f"{base}/timeline/")
    assert page.get_by_text("Beta Labs answers the complaint").first.is_visible()
    shoot(page, shots, "timeline")
    page.goto(f"{base}/events/{event_id}/")
    assert page.get_by_text("Feb 2018").first.is_visible()
    assert page.get_by_text("Gamma Corp denied it").first.is_visible()
