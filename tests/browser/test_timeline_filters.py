"""The timeline's entity filter in a real browser, at desktop and phone widths: a name typed
gives suggestions from the server, choosing one keeps every other filter, and a name that
matches nothing is named beside the field on the same page (no error page, filters kept)."""

from __future__ import annotations

from typing import Any

import pytest

from casebase.knowledge.models import Event

from .pages import Console, load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
THREAD = "musk-openai-dispute"


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_filter_by_name_keeps_the_other_filters(
    width_name: str, live_server: Any, browser: Any, run_tasks_inline: list[int]
) -> None:
    load_demo_corpus()
    expected = (
        Event.objects.filter(entities__slug="elon-musk", threads__slug=THREAD, date__year__gte=2024)
        .exclude(review_status="rejected")
        .distinct()
        .count()
    )
    assert expected > 0
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    console = Console(page, allow_status=(400,))
    page.goto(f"{live_server.url}/timeline/?thread={THREAD}&date_from=2024")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    page.evaluate("window.__sameDocument = true")

    # a name, typed: the server suggests, the keyboard picks
    page.locator("#f-entity").press_sequentially("elon mu", delay=40)
    option = page.locator('#entity-suggestions [data-slug="elon-musk"]')
    option.wait_for()
    assert page.locator("#f-entity").get_attribute("aria-expanded") == "true"
    index = page.evaluate(
        "[...document.querySelectorAll('#entity-suggestions [data-slug]')]"
        ".findIndex(li => li.dataset.slug === 'elon-musk')"
    )
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    active = page.locator("#f-entity").get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("data-slug") == "elon-musk"
    page.keyboard.press("Enter")
    page.wait_for_url(
        lambda url: all(
            part in url for part in (f"thread={THREAD}", "date_from=2024", "entity=elon-musk")
        )
    )
    page.wait_for_selector('.filters input[name="entity"][value="elon-musk"][checked]')
    assert page.locator(f'.filters input[name="thread"][value="{THREAD}"]').is_checked()
    assert page.locator("#f-from").input_value() == "2024"
    assert page.locator(".tl-item").count() == min(expected, 50)

    # a name with a typo: named beside the field, on the same page, the filters kept
    page.fill("#f-entity", "Elon Muks")
    page.press("#f-entity", "Escape")  # closes the suggestions, not the page
    page.locator("#f-entity").focus()
    page.press("#f-entity", "Enter")
    page.wait_for_selector("#f-entity-error")
    assert "Elon Muks" in page.locator("#f-entity-error").inner_text()
    assert page.locator("#f-entity").input_value() == "Elon Muks"
    assert page.locator("#f-entity").get_attribute("aria-invalid") == "true"
    assert page.locator(f'.filters input[name="thread"][value="{THREAD}"]').is_checked()
    assert page.locator('.filters input[name="entity"][value="elon-musk"]').is_checked()
    assert page.locator(".tl-item").count() == min(expected, 50)
    assert page.evaluate("window.__sameDocument") is True
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the timeline scrolls sideways at {width}px"

    # the name itself, typed in full and submitted without choosing a suggestion
    page.goto(f"{live_server.url}/timeline/?thread={THREAD}")
    page.fill("#f-entity", "Elon Musk")
    page.press("#f-entity", "Escape")
    page.locator("#f-entity").focus()
    page.press("#f-entity", "Enter")
    page.wait_for_url("**entity=Elon+Musk*")
    page.wait_for_selector('.filters input[name="entity"][value="elon-musk"][checked]')
    assert page.locator("#f-entity-error").count() == 0
    assert console.errors == []
    context.close()
