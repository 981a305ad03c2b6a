"""Bad input on the search and claims pages, in a real browser at 1280 and 375 px: named on the
same page beside its field, what was typed kept, the other filters kept, the page not
scrolling sideways, and no axe-core violation of impact moderate or higher."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories

from .axe import axe_violations
from .pages import Console

pytestmark = [pytest.mark.browser, pytest.mark.axe, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_search_and_claims_show_bad_input_inline(
    width_name: str, live_server: Any, browser: Any
) -> None:
    factories.CaseFactory(slug="roe-v-acme", short_name="Roe v. Acme")
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    console = Console(page, allow_status=(400,))

    response = page.goto(f"{live_server.url}/search/?q=widget&kind=bogus&case=roe-v-acme")
    assert response is not None and response.status == 400
    alert = page.locator(".search-form .filter-errors[role=alert]")
    assert alert.is_visible() and "bogus" in alert.inner_text()
    assert page.locator("#q").input_value() == "widget"
    assert page.locator('.search-form input[type=hidden][name="case"]').input_value() == (
        "roe-v-acme"
    )
    assert page.locator("main h1").inner_text() == "Search"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert axe_violations(page) == []

    response = page.goto(
        f"{live_server.url}/claims/?case=roe-v-acme&verb=shouted&date_from=April&speaker=nobody"
    )
    assert response is not None and response.status == 400
    for field in ("#c-verb", "#c-from", "#c-speaker"):
        assert page.locator(field).get_attribute("aria-invalid") == "true", field
        described = page.locator(field).get_attribute("aria-describedby")
        assert described and page.locator(f"#{described}").is_visible(), field
    assert page.locator("#c-from").input_value() == "April"
    assert page.locator("#c-case").input_value() == "roe-v-acme"  # kept
    assert page.locator(".filters .filter-errors[role=alert]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert axe_violations(page) == []

    # correcting the date keeps the other filters, and the page is well again
    page.fill("#c-from", "2024")
    page.select_option("#c-verb", "said")
    page.select_option("#c-speaker", "")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**date_from=2024*")
    assert "case=roe-v-acme" in page.url
    assert page.locator(".filter-errors").count() == 0
    assert page.locator("#c-case").input_value() == "roe-v-acme"
    assert console.errors == []
    context.close()
