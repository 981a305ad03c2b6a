"""A researcher's journey through the demo corpus in a real browser.

Loads the curated corpus (fixtures/) into the live server's database, then: open the timeline,
zoom, filter by an entity, open an event, follow its evidence to the highlighted passage, search
and open a result; no console errors anywhere; screenshots of every main page at desktop and
phone widths in test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebase.knowledge.models import Case, Entity, Event

from .pages import Console, load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}


def shoot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_researcher_journey(
    live_server: Any, browser: Any, screenshots: Path, run_tasks_inline: list[int]
) -> None:
    event, document, (start, end) = load_demo_corpus()
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = Console(page)

    # the timeline, visual and list, with the zoom controls the script reveals
    page.goto(f"{base}/timeline/")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    marks = page.locator(".tl-mark:visible").count()
    assert marks >= 50
    range_before = page.locator(".tl-range").inner_text()
    shoot(page, screenshots, "timeline-desktop")

    # zoom in three times: fewer marks visible, narrower range, labels shown
    for _ in range(3):
        page.click("button[data-zoom=in]")
    assert page.locator(".tl-range").inner_text() != range_before
    assert page.locator(".tl-mark:visible").count() < marks
    page.keyboard.press("0")
    assert page.locator(".tl-mark:visible").count() == marks

    # down to single days: the trial's days fill the width, ticks name days
    page.goto(f"{base}/timeline/?date_from=2026-04-28&date_to=2026-05-01")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    ticks = page.locator(".tl-tick").all_inner_texts()
    assert any(t.endswith("Apr 2026") and t[0].isdigit() for t in ticks), ticks
    shoot(page, screenshots, "timeline-trial-days-desktop")
    page.goto(f"{base}/timeline/")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")

    # filter by an entity without a reload: the URL changes, the page object survives
    page.evaluate("window.__sameDocument = true")
    musk = Entity.objects.get(slug="elon-musk")
    page.fill("#f-entity", musk.slug)
    page.press("#f-entity", "Enter")
    page.wait_for_url(f"**/timeline/?entity={musk.slug}")
    page.wait_for_selector(f'.filters input[value="{musk.slug}"][checked]')
    assert page.evaluate("window.__sameDocument") is True
    expected = Event.objects.filter(entities=musk).exclude(review_status="rejected").count()
    assert page.locator(".tl-item").count() == min(expected, 50)

    # open the event in the panel
    page.click(f'.tl-list [data-event-link="{event.pk}"]')
    panel = page.locator("#event-panel")
    panel.wait_for(state="visible")
    assert event.title in panel.inner_text()
    shoot(page, screenshots, "timeline-event-panel-desktop")

    # its permalink
    page.goto(f"{base}/events/{event.pk}/")
    shoot(page, screenshots, "event-desktop")
    link = page.locator(f'a.evidence-link[href$="#span-{start}-{end}"]')
    assert link.count() == 1

    # follow the evidence to the highlighted passage
    link.click()
    page.wait_for_url(f"**/documents/{document.pk}/#span-{start}-{end}")
    passage = page.locator(f"#span-{start}-{end}")
    passage.wait_for()
    assert "is-target" in (passage.get_attribute("class") or "")
    background = passage.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".doc-text a.mention").count() >= 5
    shoot(page, screenshots, "document-desktop")

    # search and open a result
    page.goto(f"{base}/search/?q=distillation")
    first = page.locator(".hit-title").first
    assert page.locator(".snippet mark").count() >= 1
    shoot(page, screenshots, "search-desktop")
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(f"**{href}")
    assert page.locator("h1, h2.event-title").first.is_visible()

    assert console.errors == []
    context.close()


def test_main_pages_at_desktop_and_phone_widths(
    live_server: Any, browser: Any, screenshots: Path, run_tasks_inline: list[int]
) -> None:
    event, document, _span = load_demo_corpus()
    case = Case.objects.get(slug="musk-v-altman-ndcal")
    pages = {
        "home": "/",
        "timeline": "/timeline/",
        "event": f"/events/{event.pk}/",
        "document": f"/documents/{document.pk}/",
        "entity": "/entities/elon-musk/",
        "case": f"/cases/{case.slug}/",
        "search": "/search/?q=distillation",
        "claims": "/claims/",
    }
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        console = Console(page)
        for name, path in pages.items():
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at {width}px"
            assert page.locator("main h1").count() == 1, path
            page.screenshot(path=str(screenshots / f"{name}-{width_name}.png"))
        assert console.errors == [], width_name
        context.close()

    # printed: no navigation, filters or visual timeline; the text and its sources remain
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + pages["document"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert page.locator(".doc-text").is_visible()
    page.goto(live_server.url + "/timeline/")
    page.emulate_media(media="print")
    assert not page.locator("#timeline-filters").is_visible()
    assert page.locator(".tl-list").is_visible()
    page.screenshot(path=str(screenshots / "timeline-print.png"))
    context.close()
