"""The editor's walk through the admin in a real browser (Playwright driving Debian's
chromium): used by the browser test, and by docs/img/take_screenshots.py for docs/editing.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.chromium import CHROMIUM, CHROMIUM_ARGS


@dataclass
class NewEvent:
    title: str
    when: str  # as an editor types it: "Feb 2018", "30 April 2026"
    entity_terms: list[tuple[str, str]]  # (what to type, the option to pick)
    document_term: tuple[str, str]
    quote: str
    summary: str = ""
    thread_term: tuple[str, str] | None = None
    case_term: tuple[str, str] | None = None


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def shoot(page: Any, shots: Path | None, name: str) -> None:
    if shots is None:
        return
    shots.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state()
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), 3000)})
    page.screenshot(path=str(shots / f"{name}.png"))
    page.set_viewport_size(size)


def sign_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def pick(page: Any, select_id: str, term: str, option: str) -> None:
    """Choose ``option`` in the admin autocomplete (select2) widget of ``select_id``."""
    page.click(f"#{select_id} + .select2 .select2-selection")
    search = page.locator(".select2-container--open .select2-search__field")
    if not search.count():  # multiple selects search inside the selection itself
        search = page.locator(f"#{select_id} + .select2 .select2-search__field")
    search.fill(term)
    page.locator(".select2-results__option", has_text=option).first.click()


def add_event(page: Any, base: str, event: NewEvent, shots: Path | None = None) -> int:
    """Fill and save the event form; returns the new event's id."""
    page.goto(f"{base}/admin/knowledge/event/add/")
    page.fill("#id_title", event.title)
    page.fill("#id_when", event.when)
    if event.summary:
        page.fill("#id_summary", event.summary)
    if event.thread_term:
        pick(page, "id_threads", *event.thread_term)
    if event.case_term:
        pick(page, "id_case", *event.case_term)
    for term, option in event.entity_terms:
        pick(page, "id_entities", term, option)
    pick(page, "id_evidence-0-document", *event.document_term)
    page.fill("#id_evidence-0-quote", event.quote)
    shoot(page, shots, "event-add")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    link = page.locator(".messagelist .success a").first
    match = re.search(r"/event/(\d+)/change/", link.get_attribute("href") or "")
    assert match, "no link to the saved event"
    return int(match.group(1))


def select_rows(page: Any, names: list[str]) -> None:
    for name in names:
        row = page.locator("#result_list tbody tr", has=page.locator(f'th a:text-is("{name}")'))
        row.locator("input.action-select").check()


def run_action(page: Any, action: str) -> None:
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def document_run(base: str, out: Path, username: str, password: str) -> None:
    """The screenshots of docs/editing.md, taken on the demo corpus (see that page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.set_default_timeout(20_000)
        sign_in(page, base, username, password)
        shoot(page, out, "admin-index")
        page.goto(f"{base}/admin/knowledge/document/add/")
        shoot(page, out, "document-add")
        page.goto(f"{base}/admin/knowledge/document/?q=Train+Grok&status__exact=done")
        page.locator("#result_list tbody th a").first.click()
        shoot(page, out, "document-change")
        page.goto(f"{base}/admin/knowledge/claim/review/")
        shoot(page, out, "review-queue")
        event_id = add_event(
            page,
            base,
            NewEvent(
                title="Seed article: Musk testifies xAI used OpenAI models to train Grok",
                when="30 April 2026",
                entity_terms=[("Elon", "Elon Musk"), ("xAI", "xAI"), ("OpenAI", "OpenAI")],
                document_term=("Musk Confirms", "Musk Confirms xAI"),
                thread_term=("Musk", "Musk v. OpenAI dispute"),
                case_term=("4:24-cv-04722", "Musk v. Altman"),
                quote="Elon Musk testified Thursday that his AI startup xAI used OpenAI’s models "
                "to train its Grok chatbot through a technique known as model distillation",
            ),
            out,
        )
        page.goto(f"{base}/admin/knowledge/event/{event_id}/change/")
        shoot(page, out, "event-change")
        page.goto(f"{base}/timeline/?q=Seed+article")
        shoot(page, out, "timeline")
        page.goto(f"{base}/admin/knowledge/entity/?q=Musk")
        select_rows(page, ["Elon Musk", "Musk, Elon"])
        run_action(page, "merge_selected")
        shoot(page, out, "merge-confirm")
        page.locator("input[type=radio]").first.check()
        page.click("input[type=submit].default")
        page.goto(f"{base}/admin/knowledge/entitymerge/")
        shoot(page, out, "merge-record")
        browser.close()


if __name__ == "__main__":
    import sys

    document_run(sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4])
