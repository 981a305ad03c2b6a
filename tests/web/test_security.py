"""Hostile text anywhere (titles, names, document text, quotes, spans) is shown, never run;
writing needs an account with permission; forms need CSRF."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

EVIL = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
EVIL_TEXT = f"Before {EVIL} middle {EVIL} after, and more words about distillation."


@pytest.fixture
def hostile(db: None) -> dict[str, object]:
    thread = factories.ThreadFactory(
        slug="evil-thread", name=EVIL, description=EVIL, color='"><b>x'
    )
    entity = factories.EntityFactory(name=EVIL, slug="evil", description=EVIL)
    case = factories.CaseFactory(slug="evil-case", caption=EVIL, short_name=EVIL, court=EVIL)
    document = factories.DocumentFactory(
        text=EVIL_TEXT,
        title=EVIL,
        publisher=EVIL,
        publisher_note=EVIL,
        source_url="https://example.org/?q=%22%3E%3Cscript%3E",
        case=case,
        error=EVIL,
        authors=[EVIL],
        published_on=dt.date(2026, 4, 30),
    )
    factories.MentionFactory(document=document, entity=entity, start=7, end=20, text=EVIL[:13])
    factories.MentionFactory(document=document, entity=entity, start=15, end=40, text="x")
    claim = factories.ClaimFactory(
        document=document,
        speaker_text=EVIL,
        verb="said",
        content=EVIL,
        quote=EVIL,
        start=3,
        end=30,
    )
    event = factories.EventFactory(
        on="2026-04-30",
        title=EVIL,
        summary=EVIL,
        uncertainty_note=EVIL,
        threads=[thread],
        entities=[entity],
        case=case,
    )
    factories.EvidenceFactory(
        event=event, document=document, start=10, end=35, quote=EVIL, note=EVIL
    )
    return {"event": event, "document": document, "claim": claim}


def assert_safe(html: str, shown: bool = True) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>" not in html
    if shown:  # the hostile text is on the page, as text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/timeline/",
        "/timeline/?q=script",
        "/entities/evil/",
        "/cases/evil-case/",
        "/claims/",
        "/search/?q=alert",
        "/search/?q=distillation",
    ],
)
def test_pages_escape_hostile_text(client: Client, hostile: dict, url: str) -> None:  # type: ignore[type-arg]
    response = client.get(url)
    assert response.status_code == 200
    # search snippets are windows of the text: the hostile string may be cut
    assert_safe(response.content.decode(), shown=not url.startswith("/search/"))


def test_event_and_document_escape(client: Client, hostile: dict) -> None:  # type: ignore[type-arg]
    for url in (f"/events/{hostile['event'].pk}/", f"/documents/{hostile['document'].pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert_safe(response.content.decode())


@pytest.mark.parametrize("source_url", ["http://[::1", "javascript:alert(1)"])
def test_a_stored_source_url_that_is_not_a_web_address_is_shown_as_text(
    client: Client, db: None, source_url: str
) -> None:
    text = "Some text about distillation."
    document = factories.DocumentFactory(text=text, source_url=source_url)
    html = client.get(f"/documents/{document.pk}/").content.decode()
    assert "(not a web address: no link)" in html
    assert f'href="{source_url}' not in html


def test_hostile_query_strings_are_escaped(client: Client, hostile: dict) -> None:  # type: ignore[type-arg]
    for url in ("/search/?q=" + EVIL, "/timeline/?q=" + EVIL, "/timeline/?entity=" + EVIL):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html


def test_upload_requires_sign_in_and_permission(
    client: Client, user_factory: type[factories.UserFactory]
) -> None:
    response = client.get("/upload/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    user_factory(username="reader")
    client.login(username="reader", password="pw-for-tests-only")
    assert client.get("/upload/").status_code == 403


def test_upload_needs_csrf(user_factory: type[factories.UserFactory]) -> None:
    client = Client(enforce_csrf_checks=True)
    user_factory(username="editor", permissions=["add_document"])
    client.login(username="editor", password="pw-for-tests-only")
    page = client.get("/upload/")
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = client.post("/upload/", {"text": "hello", "title": "t", "kind": "other"})
    assert response.status_code == 403
