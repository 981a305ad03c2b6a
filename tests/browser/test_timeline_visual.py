"""The visual timeline as a reader uses it, at 1280 and 375 px: labels never overlap (measured
from the drawn boxes), marks are at least 24 px, the legend shows date precision and
confidence, a selected event's links are drawn across lanes (linked events outside the view
listed at the edge), the chart scrolls sideways inside its box on a phone with lane names kept
in place, the panel opens where the reader is, and a keyboard-only journey."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebase.knowledge.models import Case, EventLink

from .pages import Console, load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll(
      '.tl-lane:not(.no-labels) .tl-mark:not([hidden]) .tl-mark-label')]
    .map(el => [el.textContent, el.getBoundingClientRect()]);
  const marks = [...document.querySelectorAll('.tl-mark:not([hidden])')]
    .map(el => [el.getAttribute('aria-label'), el.getBoundingClientRect()]);
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                        a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const found = [];
  for (const list of [boxes, marks])
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (hit(list[i][1], list[j][1])) found.push(list[i][0] + ' / ' + list[j][0]);
  return {labels: boxes.length, marks: marks.length, overlaps: found};
}"""

SMALL_MARKS = """() => [...document.querySelectorAll('.tl-mark:not([hidden])')]
  .map(el => el.getBoundingClientRect()).filter(r => r.width < 24 || r.height < 24).length"""

CLIPPED_TICKS = """() => {
  const axis = document.querySelector('.tl-axis').getBoundingClientRect();
  return [...document.querySelectorAll('.tl-tick:not([hidden])')]
    .map(el => [el.textContent, el.getBoundingClientRect()])
    .filter(([t, r]) => r.left < axis.left - 1 || r.right > axis.right + 1).map(([t]) => t);
}"""


LINES_PER_NAME = """() => [...document.querySelectorAll('.tl-lane-name')].map(el => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return [el.textContent, tops.size];
})"""


def page_overflow(page: Any) -> int:
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def assert_no_overlap(page: Any, where: str) -> int:
    result = page.evaluate(OVERLAPS)
    assert result["overlaps"] == [], where
    assert page.evaluate(SMALL_MARKS) == 0, where
    assert page.evaluate(CLIPPED_TICKS) == [], where
    return int(result["labels"])


def test_labels_legend_links_and_phone_layout(
    live_server: Any, browser: Any, screenshots: Path, run_tasks_inline: list[int]
) -> None:
    load_demo_corpus()
    link = (
        EventLink.objects.exclude(source__review_status="rejected")
        .exclude(target__review_status="rejected")
        .filter(source__threads__isnull=False, target__threads__isnull=False)
        .select_related("source", "target")
        .order_by("id")
        .first()
    )
    assert link is not None
    source, target = link.source, link.target
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        console = Console(page)
        page.goto(f"{live_server.url}/timeline/")
        page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
        assert page_overflow(page) <= 0
        legend = page.locator(".tl-legend").inner_text()
        for words in ("exact day", "month or year only", "medium confidence", "unverified"):
            assert words in legend
        assert page.locator(".tl-legend").is_visible()
        labelled = assert_no_overlap(page, f"fit at {width}px")
        page.screenshot(path=str(screenshots / f"timeline-chart-{width_name}.png"))
        for step in range(4):
            page.click("button[data-zoom=in]")
            labelled += assert_no_overlap(page, f"zoom {step + 1} at {width}px")
        assert labelled > 0  # labels are drawn, not only hidden
        page.keyboard.press("0")

        # imprecise dates are spans of their own style, exact days round marks
        assert page.locator(".tl-mark.prec-year.is-span, .tl-mark.prec-month.is-span").count() > 0
        assert page.locator(".tl-mark.is-point").count() > 0

        # the selected event's links, drawn across lanes and labelled by type
        page.goto(f"{live_server.url}/timeline/#event-{source.pk}")
        page.wait_for_selector(".tl-links path.tl-link", state="attached")
        assert link.get_kind_display() in page.locator(".tl-links").inner_html()
        assert page.locator(f'.tl-mark.is-linked[data-event-link="{target.pk}"]').count() >= 1
        page.evaluate("document.querySelector('.tl-visual').scrollIntoView()")
        page.screenshot(path=str(screenshots / f"timeline-links-{width_name}.png"))

        # a linked event outside the view is listed at the edge
        year = source.date.year
        page.goto(f"{live_server.url}/timeline/?date_from={year}&date_to={year}")
        page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
        page.locator(f'.tl-mark[data-event-link="{source.pk}"]').first.hover()
        if target.date.year != year:
            page.wait_for_selector(".tl-offview:not([hidden])")
            assert target.title in page.locator(".tl-offview").inner_text()

        # phones: the chart scrolls inside its box, lane names stay where they are
        page.goto(f"{live_server.url}/timeline/")
        page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
        names = page.locator(".tl-lane-name")
        # no lane name breaks inside a word: at most one line per word (one line on a phone)
        lines = page.evaluate(LINES_PER_NAME)
        for name, count in lines:
            assert count <= (1 if width < 600 else len(name.split())), (name, count)
        if width < 600:
            scrolls = page.evaluate(
                "(() => { const v = document.querySelector('.tl-viewport');"
                " return v.scrollWidth - v.clientWidth; })()"
            )
            assert scrolls > 0
            before = names.first.bounding_box()
            page.evaluate("document.querySelector('.tl-viewport').scrollLeft = 200")
            after = names.first.bounding_box()
            assert before and after and abs(before["x"] - after["x"]) < 1
            assert page_overflow(page) <= 0
            # tapping a mark opens its panel where the reader is: on screen, under the chart
            mark = page.locator(".tl-mark:not([hidden])").nth(3)
            mark.scroll_into_view_if_needed()
            mark.click()
            panel = page.locator("#event-panel")
            panel.wait_for(state="visible")
            page.wait_for_timeout(300)
            top = panel.bounding_box()
            # (scrolled to the top of the viewport, the box may sit a subpixel above 0)
            assert top is not None and -1 < top["y"] < height, top
            page.screenshot(path=str(screenshots / "timeline-panel-phone.png"))
        assert console.errors == [], width_name
        context.close()

    # the case page lists its precedents and related events from the links
    case = (
        Case.objects.filter(events__links_in__isnull=False).distinct().first()
        or Case.objects.filter(events__links_out__isnull=False).distinct().first()
    )
    assert case is not None
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/cases/{case.slug}/")
    section = page.locator("section[aria-labelledby=links-h]")
    assert "Precedents and related events" in section.inner_text()
    assert section.locator("li").count() >= 1
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "case-links-desktop.png"))

    # Cite this: copied in one click
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/events/{source.pk}/")
    page.click(".cite summary")
    page.click(f"button[data-copy='casebase-event-{source.pk}-text']")
    page.wait_for_function("document.querySelector('.copy-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(source.title) and f"/events/{source.pk}/" in copied
    assert "(last visited " in copied
    page.screenshot(path=str(screenshots / "event-cite-desktop.png"))
    context.close()


def test_keyboard_only_journey(live_server: Any, browser: Any, run_tasks_inline: list[int]) -> None:
    load_demo_corpus()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = Console(page)
    page.goto(f"{live_server.url}/timeline/")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    # the results are not one big live region; a short summary is
    assert page.locator("#timeline-results[aria-live]").count() == 0
    assert page.locator(".tl-mark[tabindex='0']").count() == 1  # roving tabindex

    for _ in range(60):  # Tab from the top of the page to the chart
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('tl-mark')"):
            break
    else:
        pytest.fail("Tab never reached a mark")
    first = page.evaluate("document.activeElement.dataset.eventLink")
    page.keyboard.press("ArrowRight")
    second = page.evaluate("document.activeElement.dataset.eventLink")
    assert second != first and page.evaluate("document.activeElement.classList.contains('tl-mark')")
    assert page.locator(".tl-mark[tabindex='0']").count() == 1
    page.locator("#event-panel").wait_for(state="visible")
    assert page.locator(f'.tl-mark.is-selected[data-event-link="{second}"]').count() >= 1

    # zoomed in, j/k move the selection and the chart follows it
    for _ in range(5):
        page.keyboard.press("+")
    for _ in range(12):
        page.keyboard.press("j")
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")  # the last selection's panel has come
    page.wait_for_function(
        "document.querySelector('.tl-mark.is-selected') && location.hash === "
        "'#event-' + document.querySelector('.tl-mark.is-selected').dataset.eventLink"
    )
    selected = page.evaluate("document.querySelector('.tl-mark.is-selected').dataset.eventLink")
    mark = page.locator(f'.tl-mark[data-event-link="{selected}"]').first
    assert mark.is_visible()
    box, chart = mark.bounding_box(), page.locator(".tl-track").first.bounding_box()
    assert box and chart
    assert box["x"] < chart["x"] + chart["width"] and box["x"] + box["width"] > chart["x"]

    # Enter on a mark opens the event; Escape closes the panel
    page.keyboard.press("Enter")
    page.locator("#event-panel h2").wait_for()
    page.keyboard.press("Escape")
    page.locator("#event-panel").wait_for(state="hidden")

    # a filter change is announced as a short summary
    page.keyboard.press("/")
    page.keyboard.type("distillation")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=distillation*")
    summary = "document.getElementById('tl-summary').textContent"
    page.wait_for_function(f"/^\\d+ events?(, \\d{{4}}(–\\d{{4}})?)?$/.test({summary})")
    assert console.errors == []
    context.close()
