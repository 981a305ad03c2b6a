"""The editor's walk through the admin in a real browser (Playwright driving Debian's
chromium): used by the browser test, and by docs/img/take_screenshots.py for docs/editing.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class NewEvent:
    title: str
    when: str  # as an editor types it: "Feb 2018", "30 April 2026"
    entity_terms: list[tuple[str, str]]  # (what to type, the option to pick)
    document_term: tuple[str, str]
    quote: str
    summary: str = ""


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def shoot(page: Any, shots: Path | None, name: str) -> None:
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


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
