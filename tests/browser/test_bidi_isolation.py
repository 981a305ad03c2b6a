"""A right-to-left override in user text does not reorder the app's text around it.

Every field of a small corpus starts with U+202E RIGHT-TO-LEFT OVERRIDE. In a real browser the
"unverified" badge still follows the event title and the publisher still follows the source's
title, and every element holding the user text is laid out isolated (computed
``unicode-bidi: isolate``), holding that text and nothing of the app's, including the lanes
and marks that timeline.js draws.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.security.conftest import RLO, HostileCorpus, build_corpus, right_to_left

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each text node holding the marker: the nearest isolating element's text, or a complaint.
ISOLATES = """
([marker, userTexts]) => {
  const found = [];
  const skip = new Set(["SCRIPT", "STYLE", "TITLE", "OPTION", "TEXTAREA", "TEMPLATE"]);
  const isolating = ["isolate", "isolate-override", "plaintext"];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.includes(marker) || skip.has(node.parentElement.tagName)) continue;
    let el = node.parentElement;
    while (el && el !== document.body &&
           !isolating.includes(getComputedStyle(el).unicodeBidi)) {
      el = el.parentElement;
    }
    if (!el || el === document.body) {
      found.push("not isolated: " + node.parentElement.outerHTML.slice(0, 120));
      continue;
    }
    const core = el.textContent.trim().replace(/^…+|…+$/g, "").trim();
    if (core && !userTexts.some((t) => t.includes(core))) {
      found.push("isolated with the app's text: " + el.outerHTML.slice(0, 120));
    }
  }
  return found;
}
"""


def _corpus() -> tuple[HostileCorpus, list[str]]:
    texts: list[str] = []

    def text(marker: str) -> str:
        texts.append(right_to_left(marker))
        return texts[-1]

    corpus = build_corpus(text)
    return corpus, [*texts, corpus.document.text]


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return box


def test_badge_and_publisher_stay_after_a_right_to_left_title(
    live_server: Any, browser: Any
) -> None:
    corpus, _texts = _corpus()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    page.goto(f"{live_server.url}/timeline/")
    item = page.locator(f"#event-{corpus.event.pk}")
    title, badge = _box(item.locator(".tl-title")), _box(item.locator(".badge.warn"))
    assert abs(title["y"] - badge["y"]) < title["height"], "on one line"
    assert badge["x"] >= title["x"] + title["width"] - 1, (title, badge)

    page.goto(f"{live_server.url}{corpus.event.get_absolute_url()}")
    evidence = page.locator(".evidence li").first
    link, source = _box(evidence.locator(".evidence-link")), _box(evidence.locator("p > .muted"))
    assert abs(link["y"] - source["y"]) < link["height"], "on one line"
    assert source["x"] >= link["x"] + link["width"] - 1, (link, source)
    assert evidence.locator("p > .muted").inner_text().startswith("·")
    context.close()


def test_every_element_holding_user_text_is_isolated(live_server: Any, browser: Any) -> None:
    corpus, texts = _corpus()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    paths = [
        "/",
        "/timeline/",
        "/claims/",
        "/search/?q=rtl",
        corpus.event.get_absolute_url(),
        corpus.document.get_absolute_url(),
        corpus.entity.get_absolute_url(),
        corpus.case.get_absolute_url(),
    ]
    for path in paths:
        page.goto(live_server.url + path)
        if path == "/timeline/":  # the lanes and marks that timeline.js draws, and its panel
            page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
            page.click(f'.tl-list [data-event-link="{corpus.event.pk}"]')
            page.locator("#event-panel .event-title").wait_for()
        assert RLO in page.locator("body").inner_text(), path
        if problems := page.evaluate(ISOLATES, [RLO, texts]):
            found[path] = problems
    context.close()
    assert found == {}
