"""The visual timeline as a reader uses it, each check at 1280 and at 375 px: every event
labelled and no label, mark or link label overlapping another (measured from the drawn boxes,
at fit and four zoom levels, and on a lane of many overlapping events), marks at least 24 px,
the legend, a selected event's links drawn across lanes with their labels clear of every mark
and label (linked events outside the view listed at the edge), no sideways scrolling of the
page, the chart scrolling inside its box on a phone with lane names in place, the panel opening
where the reader is, "Cite this" copied in one click, and a keyboard-only journey."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casebase.knowledge.models import Case, EventLink
from tests import factories

from .pages import Console, load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
BOTH = pytest.mark.parametrize("width_name", list(WIDTHS))

# A label cut shorter than this (px) or hidden, or cut by its lane's box, is unreadable.
READABLE = 90

# Every drawn box of the chart: marks, their labels and the links' labels. Two boxes of
# different owners (a span's label lies inside its own mark) must not overlap.
OVERLAPS = """(readable) => {
  const items = [], unreadable = [];
  for (const mark of document.querySelectorAll('.tl-mark:not([hidden])')) {
    const name = mark.getAttribute('aria-label');
    items.push([mark, 'mark ' + name, mark.getBoundingClientRect()]);
    const label = mark.querySelector('.tl-mark-label'), r = label.getBoundingClientRect();
    items.push([mark, 'label ' + label.textContent, r]);
    const track = mark.closest('.tl-track').getBoundingClientRect();
    if (r.width < Math.min(label.scrollWidth, readable) || r.height < 10 ||
        r.left < track.left - 1 || r.right > track.right + 1)
      unreadable.push(label.textContent + ' ' + Math.round(r.width) + 'px');
  }
  const links = [...document.querySelectorAll('.tl-links .tl-link-label')];
  for (const text of links)
    items.push([text, 'link label ' + text.textContent, text.getBoundingClientRect()]);
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                        a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const overlaps = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (items[i][0] !== items[j][0] && hit(items[i][2], items[j][2]))
        overlaps.push(items[i][1] + ' / ' + items[j][1]);
  const marks = document.querySelectorAll('.tl-mark:not([hidden])').length;
  return {marks, links: links.length, overlaps, unreadable};
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

# Has the selection of the focused mark come back from the server (the address names it)?
# (a function, not an expression: the page's policy forbids eval, which polling one needs)
FOCUSED_MARK_LOADED = (
    "() => document.activeElement.classList.contains('tl-mark') && location.hash === "
    "'#event-' + document.activeElement.dataset.eventLink"
)

# Is the selected mark inside the chart's box (clear of the sticky axis) and on screen?
SELECTED_IN_SIGHT = """() => {
  const active = document.activeElement;
  const mark = active.classList.contains('tl-mark') ? active :
    document.querySelector('.tl-mark.is-selected');
  const vp = mark.closest('.tl-viewport'), r = mark.getBoundingClientRect();
  const b = vp.getBoundingClientRect(), axis = vp.querySelector('.tl-axis').offsetHeight;
  // (a span wider than the box need only show 24 px of itself)
  const across = (lo, hi) =>
    Math.min(r.right, hi) - Math.max(r.left, lo) >= Math.min(r.width, 24) - 1;
  const inBox = across(b.left, b.left + vp.clientWidth) &&
    r.top >= b.top + axis - 1 && r.bottom <= b.top + vp.clientHeight + 1;
  const onScreen = across(0, innerWidth) && r.top >= 0 && r.bottom <= innerHeight;
  return inBox && onScreen ? '' : JSON.stringify({inBox, onScreen, mark: r, box: b,
    height: vp.clientHeight, width: vp.clientWidth, axis, innerHeight});
}"""


def page_overflow(page: Any) -> int:
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def assert_laid_out(page: Any, where: str) -> dict[str, Any]:
    """No overlap among the drawn boxes, every label readable, marks of 24 px, no cut tick."""
    page.mouse.move(0, 0)  # no hovered mark (hover shows a label whole, over its neighbours)
    result: dict[str, Any] = page.evaluate(OVERLAPS, READABLE)
    assert result["overlaps"] == [], where
    assert result["unreadable"] == [], where
    assert page.evaluate(SMALL_MARKS) == 0, where
    assert page.evaluate(CLIPPED_TICKS) == [], where
    assert page_overflow(page) <= 0, where
    return result


def open_chart(browser: Any, width_name: str, url: str) -> tuple[Any, Any, Console]:
    """A new context at that width, on ``url`` with the chart drawn: (context, page, console)."""
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    console = Console(page)
    page.goto(url)
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    return context, page, console


def linked_pair() -> EventLink:
    link = (
        EventLink.objects.exclude(source__review_status="rejected")
        .exclude(target__review_status="rejected")
        .filter(source__threads__isnull=False, target__threads__isnull=False)
        .select_related("source", "target")
        .order_by("id")
        .first()
    )
    assert link is not None
    return link


@BOTH
def test_labels_legend_links_and_layout(
    width_name: str,
    live_server: Any,
    browser: Any,
    screenshots: Path,
    run_tasks_inline: list[int],
) -> None:
    load_demo_corpus()
    link = linked_pair()
    source, target = link.source, link.target
    width, height = WIDTHS[width_name]
    context, page, console = open_chart(browser, width_name, f"{live_server.url}/timeline/")
    legend = page.locator(".tl-legend").inner_text()
    for words in ("exact day", "month or year only", "medium confidence", "unverified"):
        assert words in legend
    assert page.locator(".tl-legend").is_visible()
    # at fit every event has its label (none hidden in a crowded lane), and at every zoom
    fit = assert_laid_out(page, f"fit at {width}px")
    assert fit["marks"] == page.locator(".tl-mark").count()
    page.screenshot(path=str(screenshots / f"timeline-chart-{width_name}.png"))
    for step in range(4):
        page.click("button[data-zoom=in]")
        assert_laid_out(page, f"zoom {step + 1} at {width}px")
    page.keyboard.press("0")

    # imprecise dates are spans of their own style, exact days round marks
    assert page.locator(".tl-mark.prec-year.is-span, .tl-mark.prec-month.is-span").count() > 0
    assert page.locator(".tl-mark.is-point").count() > 0

    # the selected event's links, drawn across lanes, labelled by type clear of every mark and
    # label, at fit and zoomed in
    page.goto(f"{live_server.url}/timeline/#event-{source.pk}")
    page.wait_for_selector(".tl-links path.tl-link", state="attached")
    page.wait_for_selector(".tl-links .tl-link-label", state="attached")
    assert link.get_kind_display() in page.locator(".tl-links").inner_html()
    assert page.locator(f'.tl-mark.is-linked[data-event-link="{target.pk}"]').count() >= 1
    drawn = assert_laid_out(page, f"links at fit, {width}px")
    assert drawn["links"] >= 1
    page.evaluate("document.querySelector('.tl-visual').scrollIntoView()")
    page.screenshot(path=str(screenshots / f"timeline-links-{width_name}.png"))
    for step in range(2):
        page.click("button[data-zoom=in]")
        page.wait_for_selector(".tl-links path.tl-link", state="attached")
        assert_laid_out(page, f"links at zoom {step + 1}, {width}px")

    # a linked event outside the view is listed at the edge
    year = source.date.year
    page.goto(f"{live_server.url}/timeline/?date_from={year}&date_to={year}")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    page.locator(f'.tl-mark[data-event-link="{source.pk}"]').first.hover()
    if target.date.year != year:
        page.wait_for_selector(".tl-offview:not([hidden])")
        assert target.title in page.locator(".tl-offview").inner_text()

    page.goto(f"{live_server.url}/timeline/")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    names = page.locator(".tl-lane-name")
    # no lane name breaks inside a word: at most one line per word (one line on a phone)
    for name, count in page.evaluate(LINES_PER_NAME):
        assert count <= (1 if width < 600 else len(name.split())), (name, count)
    if width < 600:  # phones: the chart scrolls inside its box, lane names stay where they are
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
    # tapping (clicking) a mark opens its panel where the reader is: on screen
    mark = page.locator(".tl-mark:not([hidden])").nth(3)
    mark.scroll_into_view_if_needed()
    mark.click()
    panel = page.locator("#event-panel")
    panel.wait_for(state="visible")
    page.wait_for_timeout(300)
    top = panel.bounding_box()
    # (scrolled to the top of the viewport, the box may sit a subpixel above 0)
    assert top is not None and -1 < top["y"] < height, top
    page.screenshot(path=str(screenshots / f"timeline-panel-{width_name}.png"))

    # the case page lists its precedents and related events from the links
    case = (
        Case.objects.filter(events__links_in__isnull=False).distinct().first()
        or Case.objects.filter(events__links_out__isnull=False).distinct().first()
    )
    assert case is not None
    page.goto(f"{live_server.url}/cases/{case.slug}/")
    section = page.locator("section[aria-labelledby=links-h]")
    assert "Precedents and related events" in section.inner_text()
    assert section.locator("li").count() >= 1
    assert page_overflow(page) <= 0
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"case-links-{width_name}.png"))

    # Cite this: the citation copied in one click
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/events/{source.pk}/")
    page.click(".cite summary")
    page.click(f"button[data-copy='casebase-event-{source.pk}-text']")
    page.wait_for_function("() => document.querySelector('.copy-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(source.title) and f"/events/{source.pk}/" in copied
    assert "(last visited " in copied
    assert page_overflow(page) <= 0
    page.screenshot(path=str(screenshots / f"event-cite-{width_name}.png"))
    assert console.errors == []
    context.close()


@BOTH
def test_a_crowded_lane_labels_every_event(width_name: str, live_server: Any, browser: Any) -> None:
    """Forty events within two months on one lane (and one a decade earlier, so that at fit
    they are crowded into a few pixels): every one keeps a readable label at every zoom, cut
    labels show the whole title on focus, and the lane grows rather than dropping labels."""
    thread = factories.ThreadFactory(slug="crowded", name="Crowded lane")
    factories.EventFactory(on="2014-01-10", title="A lone early event", threads=[thread])
    start = dt.date(2024, 3, 1)
    titles = [
        f"Hearing {i}: the parties argue over the scope of discovery in the long-running dispute"
        for i in range(40)
    ]
    for i, title in enumerate(titles):
        day = (start + dt.timedelta(days=i + i // 3)).isoformat()
        factories.EventFactory(on=day, title=title, threads=[thread])
    width = WIDTHS[width_name][0]
    url = f"{live_server.url}/timeline/?thread=crowded"
    context, page, console = open_chart(browser, width_name, url)
    fit = assert_laid_out(page, f"fit at {width}px")
    assert fit["marks"] == 41
    rows = page.evaluate(
        "new Set([...document.querySelectorAll('.tl-mark')].map(m => m.style.top)).size"
    )
    assert rows > 8  # more than the old limit, labels and all
    # the two months alone (the view opens on the date filter's range), then zoomed in
    page.goto(f"{live_server.url}/timeline/?thread=crowded&date_from=2024-03&date_to=2024-04")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    assert assert_laid_out(page, f"two months at {width}px")["marks"] == 40
    for step in range(3):
        page.click("button[data-zoom=in]")
        zoomed = assert_laid_out(page, f"zoom {step + 1} at {width}px")
        assert zoomed["marks"] >= 3
    page.goto(f"{live_server.url}/timeline/?thread=crowded")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    # a cut label shows the whole title when its mark has the focus (and on hover)
    cut = page.evaluate(
        "[...document.querySelectorAll('.tl-mark-label')]"
        ".findIndex(l => l.scrollWidth > l.clientWidth + 1)"
    )
    assert cut >= 0
    mark = page.locator(".tl-mark").nth(cut)
    assert (mark.get_attribute("title") or "").split(": ", 1)[1] in titles  # the whole title
    mark.focus()
    whole = mark.locator(".tl-mark-label").evaluate("l => l.scrollWidth <= l.clientWidth + 1")
    assert whole
    assert console.errors == []
    context.close()


@BOTH
def test_keyboard_only_journey(
    width_name: str, live_server: Any, browser: Any, run_tasks_inline: list[int]
) -> None:
    load_demo_corpus()
    context, page, console = open_chart(browser, width_name, f"{live_server.url}/timeline/")
    # the results are not one big live region; a short summary is
    assert page.locator("#timeline-results[aria-live]").count() == 0
    assert page.locator(".tl-mark[tabindex='0']").count() == 1  # roving tabindex

    for _ in range(80):  # Tab from the top of the page to the chart
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
    page.wait_for_timeout(300)
    assert page.evaluate(SELECTED_IN_SIGHT) == "", "the selected mark is off screen"

    # zoomed in, j/k move the selection and the chart follows it: the selected mark is in the
    # chart's box (scrolled to it on a phone) and on screen
    for _ in range(5):
        page.keyboard.press("+")
    for _ in range(12):
        page.keyboard.press("j")
        page.wait_for_timeout(60)
    # the focused mark's selection has come back (networkidle would not wait: the page reached
    # it long before, and the last press's panel may still be on its way)
    page.wait_for_function(FOCUSED_MARK_LOADED)
    active = page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    assert page.evaluate("document.activeElement.classList.contains('is-selected')"), active
    assert page.evaluate(SELECTED_IN_SIGHT) == "", "the chart did not follow the selection"
    page.keyboard.press("k")
    page.wait_for_function(FOCUSED_MARK_LOADED)
    page.wait_for_timeout(200)
    assert page.evaluate(SELECTED_IN_SIGHT) == "", "the chart did not follow it back"

    # Enter on a mark opens the event; Escape closes the panel
    page.keyboard.press("Enter")
    page.locator("#event-panel h2").wait_for()
    page.keyboard.press("Escape")
    page.locator("#event-panel").wait_for(state="hidden")

    # a filter change is announced as a short summary
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-q"
    page.keyboard.type("distillation")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=distillation*")
    summary = "document.getElementById('tl-summary').textContent"
    page.wait_for_function(f"() => /^\\d+ events?(, \\d{{4}}(–\\d{{4}})?)?$/.test({summary})")
    assert page_overflow(page) <= 0
    assert console.errors == []
    context.close()
