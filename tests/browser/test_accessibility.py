"""axe-core on every page type, at desktop and phone widths and in the dark scheme: no violation
of impact moderate or higher (colour contrast included), and no page scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from casebase.knowledge.models import Case

from .axe import axe_violations
from .pages import Console, load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.axe, pytest.mark.django_db(transaction=True)]

# (width, height, colour scheme): the dark scheme follows the system setting
VIEWS = {
    "desktop": (1280, 900, "light"),
    "phone": (375, 812, "light"),
    "desktop, dark": (1280, 900, "dark"),
}


def test_every_page_type_passes_axe(
    live_server: Any, browser: Any, run_tasks_inline: list[int]
) -> None:
    event, document, span = load_demo_corpus()
    case = Case.objects.get(slug="musk-v-altman-ndcal")
    pages = {
        "home": "/",
        "timeline": "/timeline/",
        "timeline, bad entity": "/timeline/?entity=Elon+Muks&thread=distillation-precedent",
        "event": f"/events/{event.pk}/",
        "document": f"/documents/{document.pk}/",
        "entity": "/entities/elon-musk/",
        "case": f"/cases/{case.slug}/",
        "search": "/search/?q=distillation",
        "search, nothing found": "/search/?q=zzzzqqq",
        "search, bad facet": "/search/?q=distillation&kind=bogus",
        "claims": "/claims/",
        "claims, bad values": "/claims/?verb=shouted&date_from=April&case=musk-v-altman-ndcal",
        "documents": "/documents/",
        "entities": "/entities/?kind=person",
        "cases": "/cases/",
        "sign-in": "/accounts/login/",
        "not found": "/events/999999/",
        "cite a passage": f"/documents/{document.pk}/cite/?span={span[0]}-{span[1]}",
    }
    found: dict[str, list[str]] = {}
    for view_name, (width, height, scheme) in VIEWS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme, bypass_csp=True
        )
        page = context.new_page()
        console = Console(page, allow_status=(400, 404))
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            if path.startswith("/timeline/"):
                page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at {width}px"
            problems = axe_violations(page)
            if problems:
                found[f"{name} ({view_name})"] = problems
        assert console.errors == [], view_name
        context.close()
    assert found == {}
