"""URL submissions aimed at private, loopback and link-local addresses, directly or through a
redirect: never a connection to them, a clear refusal, and no original stored.

Submission only checks the URL's syntax (http/https with a host); the fetch task resolves the
host and refuses before connecting, leaving the document failed with the reason (that is the
documented design: docs/ingestion.md, and tests/ingestion and tests/integration rely on it).
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.test import Client
from rest_framework.test import APIClient

from casebase.knowledge.models import Document, DocumentStatus
from casebase.knowledge.services.ingestion import IngestError, SubmissionMeta, ingest_url

from .conftest import Bystander, assert_serving, stored_files
from .servers import Server, serve

pytestmark = pytest.mark.django_db(transaction=True)
REFUSED = "it resolves to a private, loopback, link-local or reserved address"
REFUSED_AT_ONCE = "is a private, loopback or link-local address: casebase never fetches from it"

# Hosts that reach this machine, written every way a resolver accepts them.
LOOPBACK_FORMS = [
    "127.0.0.1",
    "localhost",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "0.0.0.0",
    "2130706433",  # 127.0.0.1 as one decimal number
    "0x7f000001",
    "127.1",
]
# Private and link-local hosts: nothing listens there; refusing must not wait for a timeout.
PRIVATE_HOSTS = ["10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "[fe80::1]"]


@pytest.fixture
def target() -> Iterator[Server]:
    """The loopback server that a hostile URL aims at: it must never be reached."""
    with serve("127.0.0.1") as server:
        yield server


@pytest.fixture
def public(settings: object) -> Iterator[Server]:
    """A server standing in for a public host: 127.0.0.2, which the tests alone allow."""
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.2"]  # type: ignore[attr-defined]
    with serve("127.0.0.2") as server:
        yield server


def submitted_and_fetched(url: str) -> Document:
    result = ingest_url(url, SubmissionMeta(kind="news_article"))
    assert result.created
    return Document.objects.get(pk=result.document.pk)


def assert_refused_at_submission(url: str, bystander: Bystander) -> None:
    """A host that is private by its very name is refused before anything is stored."""
    before = Document.objects.count()
    with pytest.raises(IngestError, match=REFUSED_AT_ONCE):
        ingest_url(url, SubmissionMeta(kind="news_article"))
    assert Document.objects.count() == before
    assert all(name.endswith("notes.txt") for name in stored_files())  # the bystander's only
    assert_serving(bystander)


def assert_refused(document: Document) -> None:
    assert document.status == DocumentStatus.FAILED
    assert REFUSED in document.error, document.error
    assert not document.original and document.text == ""
    assert all(name.endswith("notes.txt") for name in stored_files())  # the bystander's only


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_loopback_in_any_spelling_is_never_reached(
    host: str, target: Server, run_tasks_inline: list[int], bystander: Bystander
) -> None:
    assert_refused_at_submission(f"http://{host}:{target.port}/secret", bystander)
    assert target.hits == []


@pytest.mark.parametrize("host", PRIVATE_HOSTS)
def test_private_and_metadata_addresses_are_refused_without_connecting(
    host: str, run_tasks_inline: list[int], bystander: Bystander
) -> None:
    started = time.monotonic()
    assert_refused_at_submission(f"http://{host}/latest/meta-data/", bystander)
    assert time.monotonic() - started < 5  # refused, not timed out


@pytest.mark.parametrize("host", LOOPBACK_FORMS + PRIVATE_HOSTS)
def test_a_redirect_from_an_allowed_host_to_a_private_one_is_refused(
    host: str, public: Server, target: Server, run_tasks_inline: list[int]
) -> None:
    port = f":{target.port}" if host in LOOPBACK_FORMS else ""
    hostile = f"http://{host}{port}/secret"
    document = submitted_and_fetched(f"{public.base}/redirect?to={quote(hostile, safe='')}")
    assert_refused(document)
    assert public.hits and public.hits[0].startswith("/redirect")
    assert target.hits == []


def test_the_allowed_host_itself_is_fetched(public: Server, run_tasks_inline: list[int]) -> None:
    """Not vacuous: the same set-up without a hostile hop fetches and processes the page."""
    document = submitted_and_fetched(f"{public.base}/redirect?to={quote('/page', safe='')}")
    assert document.status == DocumentStatus.DONE, document.error
    assert document.title == "Public page" and "Beta Labs filed a motion" in document.text


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_FLUSHALL",
        "ftp://10.0.0.1/x",
        "data:text/html,<script>alert(1)</script>",
        "http://",
        "//127.0.0.1/",
    ],
)
def test_non_http_urls_are_refused_at_submission(url: str, bystander: Bystander) -> None:
    from casebase.knowledge.services.ingestion import IngestError

    before = Document.objects.count()
    with pytest.raises(IngestError, match="http:// or https://"):
        ingest_url(url, SubmissionMeta())
    assert Document.objects.count() == before


def test_api_url_submission_to_the_metadata_address(
    api_editor: APIClient, run_tasks_inline: list[int], bystander: Bystander
) -> None:
    """Through the API: a 400 in the API's error format, and nothing stored."""
    before = Document.objects.count()
    response = api_editor.post(
        "/api/v1/documents/", {"url": "http://169.254.169.254/latest/meta-data/"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert REFUSED_AT_ONCE in response.content.decode()
    assert Document.objects.count() == before
    assert_serving(bystander)


def test_web_url_submission_to_loopback(
    web_editor: Client, target: Server, run_tasks_inline: list[int]
) -> None:
    response = web_editor.post(
        "/upload/", {"url": f"http://localhost:{target.port}/admin", "kind": "other"}
    )
    assert response.status_code == 400  # the form again, with the reason
    assert REFUSED_AT_ONCE in response.content.decode()
    assert not Document.objects.filter(source_url__contains="localhost").exists()
    assert target.hits == []


@pytest.mark.parametrize(
    "location", ["file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "javascript:alert(1)"]
)
def test_a_redirect_to_another_scheme_is_refused(
    location: str, public: Server, run_tasks_inline: list[int]
) -> None:
    document = submitted_and_fetched(f"{public.base}/redirect?to={quote(location, safe='')}")
    assert document.status == DocumentStatus.FAILED
    assert "Enter a full http:// or https:// address." in document.error
    assert not document.original


def test_a_gzip_bomb_stops_at_the_size_limit(public: Server, run_tasks_inline: list[int]) -> None:
    """~1 MB on the wire, 1 GiB once inflated: the fetch stops at the upload limit."""
    started = time.monotonic()
    tracemalloc.start()
    try:
        document = submitted_and_fetched(f"{public.base}/gzip-bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document.status == DocumentStatus.FAILED
    assert "over the limit of 25 MiB" in document.error, document.error
    assert not document.original
    print(f"gzip bomb: {time.monotonic() - started:.1f} s, peak {peak // 2**20} MiB traced")
    assert time.monotonic() - started < 30 and peak < 300 * 2**20, peak
