"""Every page type runs under the strict Content-Security-Policy without a single violation.

A real browser loads each kind of page (the researcher's pages, the editor's upload page, the
admin, the API docs and browsable API, the 404 page) and uses its scripts; every violation the
page reports (``securitypolicyviolation`` events, "Refused to ..." console errors) fails the
test, and each page must carry the policy with the required directives.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from casebase.knowledge.models import Case, Claim, ReviewStatus
from casebase.web.csp import BROWSABLE_API_PREFIX
from tests.security.csp import HEADER, problems

from .pages import RECORD_VIOLATIONS, Console, load_demo_corpus, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Visitor:
    """One browser tab that records, per page, what went wrong."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.console = Console(self.page, allow_status=(404,))
        self.found: dict[str, list[str]] = {}

    def open(self, path: str, status: int = 200, ready: str = "main, body") -> Any:
        self.console.errors.clear()
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == status, path
        self.page.wait_for_selector(ready)
        self.page.wait_for_load_state("load")
        return response

    def check(self, path: str, response: Any) -> None:
        """Record the page's policy problems, violations and console errors under ``path``."""
        api = path.startswith(BROWSABLE_API_PREFIX)
        found = problems(response.headers.get(HEADER.lower()), style_hashes=api)
        found += violations(self.page)
        # The 404 page's own status is reported as a failed resource: not a fault.
        found += [e for e in self.console.errors if not e.startswith("Failed to load resource")]
        if found:
            self.found[path] = found

    def visit(self, path: str, status: int = 200, ready: str = "main, body") -> None:
        self.check(path, self.open(path, status, ready))


def test_every_page_type_runs_under_the_policy(
    live_server: Any, browser: Any, run_tasks_inline: list[int]
) -> None:
    event, document, _span = load_demo_corpus()
    case = Case.objects.get(slug="musk-v-altman-ndcal")
    claim = Claim.objects.filter(review_status=ReviewStatus.EXTRACTED).first()
    assert claim is not None, "the corpus has extracted claims awaiting review"
    User.objects.create_superuser("editor", "editor@example.org", "pw-editor-1234")
    visitor = Visitor(browser, live_server.url)
    page = visitor.page

    # the researcher's pages, anonymous
    for path in (
        "/",
        f"/events/{event.pk}/",
        f"/documents/{document.pk}/",
        "/entities/elon-musk/",
        f"/cases/{case.slug}/",
        "/search/?q=distillation",
        "/claims/",
    ):
        visitor.visit(path)
    visitor.visit("/no-such-page/", status=404)

    # the timeline, and what its script does: draw the lanes, open the panel, filter in place
    response = visitor.open("/timeline/", ready=".tl-visual:not([hidden]) .tl-mark")
    page.fill("#f-entity", "elon-musk")
    page.press("#f-entity", "Enter")
    page.wait_for_url("**/timeline/?entity=elon-musk")
    page.wait_for_selector(".tl-visual:not([hidden]) .tl-mark")
    page.click(f'.tl-list [data-event-link="{event.pk}"]')
    page.locator("#event-panel .thread-chip").first.wait_for()
    visitor.check("/timeline/", response)
    # the thread colours, set by the script, reached the chips and swatches
    lane = page.locator(".thread-chip").first.evaluate(
        "el => getComputedStyle(el).getPropertyValue('--lane').trim()"
    )
    assert lane.startswith("#"), lane

    # the API docs (Swagger UI), the browsable API and the schema
    visitor.visit("/api/docs/", ready=".swagger-ui .info .title")
    visitor.visit("/api/v1/events/", ready=".response-info")
    schema = page.request.get(live_server.url + "/api/schema/")
    assert schema.status == 200
    if found := problems(schema.headers.get(HEADER.lower())):
        visitor.found["/api/schema/"] = found

    # signing in, then the editor's pages and the admin
    response = visitor.open("/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-1234")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    visitor.check("/admin/login/", response)
    for path in (
        "/admin/",
        reverse("admin:knowledge_event_changelist"),
        reverse("admin:knowledge_event_change", args=[event.pk]),
        reverse("admin:knowledge_claim_change", args=[claim.pk]),
        "/upload/",
        f"/api/v1/events/{event.pk}/",  # with the editor's forms
    ):
        visitor.visit(path)
    # the review queue, with its "select all" box working
    response = visitor.open(reverse("admin:knowledge_review_queue") + "?show=claims")
    page.check("#cb-all")
    boxes = page.locator("input[name=ids]")
    assert boxes.count() >= 1
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    visitor.check("review queue", response)

    visitor.context.close()
    report = "\n".join(
        f"{path}: {problem}" for path, found in visitor.found.items() for problem in found
    )
    assert visitor.found == {}, report
