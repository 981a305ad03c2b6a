"""The screenshots docs/web.md shows (docs/img/web-*.png), taken by Playwright driving Debian's
chromium against a server holding the demo corpus.

``bin/web-screenshots`` builds a throwaway database with the corpus, serves it and runs this
module (``python -m tests.browser.web_screenshots URL OUT_DIR``, Django set up on the same
database to find the events to show); ``tests/browser/test_web_screenshots.py`` runs the same
``take`` against the test server, so a change that breaks a shot breaks a test.
"""

from __future__ import annotations

import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

DESKTOP = (1280, 900)
PHONE = (375, 812)


@dataclass(frozen=True)
class Targets:
    """What the shots show: an event with links to events on other lanes, and a case whose
    events are linked."""

    linked_event: int
    case_slug: str


def find_targets() -> Targets:
    """The event with the most links to drawn (threaded, not rejected) events, and the case
    with the most linked events."""
    from django.db.models import Count, Q

    from casebase.knowledge.models import Case, Event

    drawn = Q(links_out__target__threads__isnull=False) & ~Q(
        links_out__target__review_status="rejected"
    )
    event = (
        Event.objects.exclude(review_status="rejected")
        .filter(threads__isnull=False)
        .annotate(n=Count("links_out", filter=drawn, distinct=True))
        .order_by("-n", "id")
        .first()
    )
    case = (
        Case.objects.annotate(
            n=Count("events", filter=Q(events__links_out__isnull=False), distinct=True)
        )
        .order_by("-n", "slug")
        .first()
    )
    assert event is not None and case is not None, "load the demo corpus first"
    return Targets(event.pk, case.slug)


def _chart_ready(page: Any) -> None:
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")


def _rest(page: Any) -> None:
    """The pointer off every mark (no hover state), fonts loaded, nothing in flight."""
    page.mouse.move(0, 0)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")


def timeline_links_desktop(page: Any, base: str, targets: Targets) -> None:
    """The linked event selected, zoomed in twice around it (the keys keep the selection in
    place), the chart's box scrolled to show it near the top with its links below."""
    page.goto(f"{base}/timeline/#event-{targets.linked_event}")
    _chart_ready(page)
    page.wait_for_selector(".tl-links .tl-link-label", state="attached")
    selected = page.locator(".tl-mark.is-selected").first
    for _ in range(2):
        selected.focus()
        page.keyboard.press("+")
    page.evaluate("document.activeElement.blur()")
    page.evaluate("document.querySelector('.tl-visual').scrollIntoView()")
    selected.evaluate(
        "m => { const vp = m.closest('.tl-viewport');"
        " vp.scrollTop += m.getBoundingClientRect().top - vp.getBoundingClientRect().top - 90; }"
    )
    page.wait_for_selector(".tl-links .tl-link-label", state="attached")


def timeline_chart_phone(page: Any, base: str, targets: Targets) -> None:
    page.goto(f"{base}/timeline/")
    _chart_ready(page)
    page.evaluate("window.scrollTo(0, document.querySelector('.tl-visual').offsetTop - 8)")


def timeline_panel_phone(page: Any, base: str, targets: Targets) -> None:
    page.goto(f"{base}/timeline/")
    _chart_ready(page)
    mark = page.locator(f'.tl-mark[data-event-link="{targets.linked_event}"]').first
    mark.scroll_into_view_if_needed()
    mark.click()
    page.locator("#event-panel").wait_for(state="visible")
    page.wait_for_timeout(400)  # the panel's smooth scroll into view


def case_links_desktop(page: Any, base: str, targets: Targets) -> None:
    page.goto(f"{base}/cases/{targets.case_slug}/")
    page.locator("section[aria-labelledby=links-h]").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#links-h').scrollIntoView()")


def event_cite_desktop(page: Any, base: str, targets: Targets) -> None:
    page.goto(f"{base}/events/{targets.linked_event}/")
    page.click(".cite summary")
    page.evaluate("document.querySelector('.cite').scrollIntoView()")


Shot = Callable[[Any, str, Targets], None]

# docs/img/<name>.png: (viewport, how to get there)
SHOTS: dict[str, tuple[tuple[int, int], Shot]] = {
    "web-timeline-links-desktop": (DESKTOP, timeline_links_desktop),
    "web-timeline-chart-phone": (PHONE, timeline_chart_phone),
    "web-timeline-panel-phone": (PHONE, timeline_panel_phone),
    "web-case-links-desktop": (DESKTOP, case_links_desktop),
    "web-event-cite-desktop": (DESKTOP, event_cite_desktop),
}


def _problems(page: Any) -> list[str]:
    """The console errors and uncaught errors the page will report."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    return found


def take(browser: Any, base: str, out: Path, targets: Targets) -> list[Path]:
    """Every shot of SHOTS, written to ``out``; fails on a console error or a failed request."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, ((width, height), go) in SHOTS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        problems = _problems(page)
        go(page, base, targets)
        _rest(page)
        path = out / f"{name}.png"
        page.screenshot(path=str(path))
        context.close()
        if problems:
            raise RuntimeError(f"{name}: {problems}")
        written.append(path)
    return written


def _wait_for(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main(base: str, out: Path) -> None:
    import django
    from playwright.sync_api import sync_playwright

    django.setup()
    targets = find_targets()
    _wait_for(base)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in take(browser, base, out, targets):
            print(path)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
