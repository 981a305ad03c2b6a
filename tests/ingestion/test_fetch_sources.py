"""``fetch_sources``: citation records' URLs fetched from local test sites, politely and safely,
stored on the same document and processed, failures recorded with their reason."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from casebase.knowledge.models import Document, DocumentStatus, Evidence, FetchStatus
from casebase.pipeline import politeness, tasks
from casebase.pipeline.source_fetching import due_sources, fetch_status_counts
from tests.data.pdfs import order_pdf
from tests.sites import Route, Site, html_page, serve_site

pytestmark = pytest.mark.django_db

QUOTE = "The court finds that the plaintiff has standing to pursue the claim."
ARTICLE = html_page(
    "Judge rules Musk may pursue his claim against OpenAI",
    [
        "Elon Musk testified in Oakland on Tuesday about the founding of OpenAI and its "
        "promises as a nonprofit.",
        "In a written order the judge wrote: “The court finds that the plaintiff has\n"
        "standing to pursue the claim.” The order runs to twelve pages.",
        "Lawyers for OpenAI said they would appeal the ruling to the Ninth Circuit.",
    ],
    head='<meta property="og:site_name" content="Example Courier">'
    '<meta name="author" content="Jane Reporter">'
    '<link rel="canonical" href="https://example.org/musk-ruling">',
)
PAYWALL = html_page(
    "Subscribe", ["This article is for subscribers.", "Subscribe to continue reading."]
)


@pytest.fixture
def site(settings: Any) -> Iterator[Site]:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]
    settings.CASEBASE_FETCH_HOST_INTERVAL = 0.0
    settings.CASEBASE_FETCH_CONTACT = "editors@casebase.example"
    yield from serve_site({"/robots.txt": Route(200, b"User-agent: *\nDisallow: /private/\n")})


@pytest.fixture(autouse=True)
def tasks_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tasks run here, eagerly, whatever broker the environment names."""
    monkeypatch.setattr(
        tasks, "send_or_leave", lambda task, document_id: task.apply((document_id,))
    )


def _record(site: Site, path: str, **values: Any) -> Document:
    defaults: dict[str, Any] = {
        "title": "Example report, 2026-04-30",
        "status": DocumentStatus.REFERENCE,
        "source_url": site.base + path,
        "publisher": "",
        "metadata": {"title_source": "url"},
    }
    return Document.objects.create(**{**defaults, **values})


def test_a_citation_record_is_fetched_processed_and_its_quote_located(
    site: Site, event_factory: Any
) -> None:
    site.routes["/news/ruling"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(site, "/news/ruling", kind="news_article", publisher_note="original")
    event = event_factory(title="Ruling on standing")
    evidence = Evidence.objects.create(event=event, document=record, quote=QUOTE)

    call_command("fetch_sources")

    record.refresh_from_db()
    assert record.status == DocumentStatus.DONE, record.error
    assert record.fetch_status == FetchStatus.FETCHED and record.fetched_at is not None
    assert "standing to pursue" in record.text
    assert record.source_url == site.base + "/news/ruling"  # the citation data stays
    assert record.publisher_note == "original"
    # the page's own metadata replaces the URL-derived title and fills the blanks
    assert record.title == "Judge rules Musk may pursue his claim against OpenAI"
    assert record.metadata["title_source"] == "html"
    assert record.metadata["citation_title"] == "Example report, 2026-04-30"
    assert record.publisher == "Example Courier"
    assert record.authors == ["Jane Reporter"]
    assert record.metadata["canonical_url"] == "https://example.org/musk-ruling"
    assert record.pipeline_version  # analysed
    # the curated quote is found although the page breaks the line inside it
    evidence.refresh_from_db()
    assert evidence.start is not None and evidence.end is not None
    assert " ".join(record.text[evidence.start : evidence.end].split()) == QUOTE
    # polite and identified: robots.txt first, a User-Agent naming casebase and the contact
    assert site.paths() == ["/robots.txt", "/news/ruling"]
    assert all("casebase" in hit.user_agent for hit in site.hits)
    assert all("editors@casebase.example" in hit.user_agent for hit in site.hits)


def test_curated_titles_and_publishers_are_never_overwritten(site: Site) -> None:
    site.routes["/news/ruling"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(
        site,
        "/news/ruling",
        title="Musk v. OpenAI: standing ruling",
        publisher="Reuters",
        metadata={"title_source": "corpus"},
    )
    call_command("fetch_sources")
    record.refresh_from_db()
    assert record.fetch_status == FetchStatus.FETCHED
    assert record.title == "Musk v. OpenAI: standing ruling"
    assert record.publisher == "Reuters"
    assert record.authors == ["Jane Reporter"]  # a blank is filled


def test_rerunning_is_idempotent(site: Site) -> None:
    site.routes["/a"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(site, "/a")
    call_command("fetch_sources")
    hits = len(site.hits)
    record.refresh_from_db()
    text, title = record.text, record.title
    call_command("fetch_sources")
    record.refresh_from_db()
    assert len(site.hits) == hits  # nothing fetched twice
    assert (record.text, record.title, record.fetch_attempts) == (text, title, 1)
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("route", "reason", "status"),
    [
        (Route(404, b"gone"), "not_found", FetchStatus.FAILED),
        (Route(200, PAYWALL, {"Content-Type": "text/html"}), "paywall", FetchStatus.FAILED),
        (Route(402, b"pay"), "paywall", FetchStatus.FAILED),
        (Route(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200), "not_text", FetchStatus.FAILED),
        (Route(503, b"busy", {"Retry-After": "120"}), "server_error", FetchStatus.RETRYING),
        (Route(429, b"slow down"), "rate_limited", FetchStatus.RETRYING),
    ],
)
def test_failures_are_recorded_and_the_citation_kept(
    site: Site, route: Route, reason: str, status: str
) -> None:
    site.routes["/x"] = route
    record = _record(site, "/x", title="Cited report", publisher="Example")
    call_command("fetch_sources")
    record.refresh_from_db()
    assert record.fetch_status == status
    assert record.fetch_failure == reason and record.fetch_error
    assert record.status == DocumentStatus.REFERENCE
    assert (record.title, record.publisher, record.source_url) == (
        "Cited report",
        "Example",
        site.base + "/x",
    )
    assert not record.original and record.text == ""
    if status == FetchStatus.RETRYING:
        assert record.next_fetch_at is not None and record.next_fetch_at > timezone.now()
        assert record not in due_sources()  # backoff: not due now
        later = timezone.now() + dt.timedelta(days=2)
        assert record in due_sources(later)
    else:
        assert record not in due_sources()
        assert record in due_sources(retry_failed=True)


def test_retry_after_holds_the_whole_host(site: Site, settings: Any) -> None:
    site.routes["/busy"] = Route(503, b"busy", {"Retry-After": "120"})
    site.routes["/fine"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    busy = _record(site, "/busy")
    fine = _record(site, "/fine")
    call_command("fetch_sources", document=[busy.pk])
    call_command("fetch_sources", document=[fine.pk])
    fine.refresh_from_db()
    assert "/fine" not in site.paths()  # the host asked for two minutes' pause
    assert fine.fetch_status == FetchStatus.PENDING and fine.next_fetch_at is not None
    assert fine.next_fetch_at > timezone.now() + dt.timedelta(seconds=100)


def test_timeouts_are_retried_with_backoff(site: Site, settings: Any) -> None:
    settings.CASEBASE_FETCH_TIMEOUT_SECONDS = 0.5
    site.routes["/slow"] = Route(200, ARTICLE, {"Content-Type": "text/html"}, delay=2)
    record = _record(site, "/slow")
    call_command("fetch_sources")
    record.refresh_from_db()
    assert (record.fetch_status, record.fetch_failure) == (FetchStatus.RETRYING, "timeout")
    first_wait = record.next_fetch_at
    Document.objects.filter(pk=record.pk).update(next_fetch_at=timezone.now())
    call_command("fetch_sources")
    record.refresh_from_db()
    assert record.fetch_attempts == 2
    assert record.next_fetch_at and first_wait
    # the second wait is about twice the first (60 s, then 120 s by default)
    assert record.next_fetch_at - timezone.now() > dt.timedelta(seconds=100)


def test_robots_txt_is_honoured(site: Site) -> None:
    site.routes["/private/report"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(site, "/private/report")
    call_command("fetch_sources")
    record.refresh_from_db()
    assert (record.fetch_status, record.fetch_failure) == (FetchStatus.FAILED, "robots")
    assert "/private/report" not in site.paths()


def test_a_redirect_to_a_private_address_is_refused(site: Site) -> None:
    site.routes["/jump"] = Route(302, b"", {"Location": "http://169.254.169.254/latest/"})
    site.routes["/to-loopback"] = Route(302, b"", {"Location": "http://[::ffff:127.0.0.1]/a"})
    jump = _record(site, "/jump")
    loop = _record(site, "/to-loopback")
    call_command("fetch_sources")
    for record in (jump, loop):
        record.refresh_from_db()
        assert (record.fetch_status, record.fetch_failure) == (FetchStatus.FAILED, "refused")
        assert record.status == DocumentStatus.REFERENCE


def test_loopback_is_refused_without_the_test_setting(site: Site, settings: Any) -> None:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = []
    site.routes["/a"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(site, "/a")
    call_command("fetch_sources")
    record.refresh_from_db()
    assert (record.fetch_status, record.fetch_failure) == (FetchStatus.FAILED, "refused")
    assert site.hits == []


def test_one_request_per_interval_per_host(site: Site, settings: Any) -> None:
    settings.CASEBASE_FETCH_HOST_INTERVAL = 0.4
    for n in range(3):
        site.routes[f"/p{n}"] = Route(
            200, html_page(f"Page {n}", [f"Report number {n} on the trial." * 5]), {}
        )
        _record(site, f"/p{n}")
    call_command("fetch_sources")
    times = [hit.at for hit in site.hits]
    assert len(times) == 4  # robots.txt and three pages
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.3, gaps  # sent 0.4 s apart; arrival jitters


def test_the_turn_is_shared_through_the_cache(settings: Any) -> None:
    """Every process asks the same cache: a second claim within the interval must wait."""
    settings.CASEBASE_FETCH_HOST_INTERVAL = 1.0
    url = "https://courts.example/opinion.pdf"
    assert politeness.take_turn(url, now=1000.0) == 0.0
    assert politeness.take_turn(url, now=1000.25) == pytest.approx(0.75)
    assert politeness.take_turn("https://other.example/", now=1000.25) == 0.0
    assert politeness.take_turn(url, now=1001.0) == 0.0
    politeness.hold_off(url, 30, now=1001.0)
    assert politeness.take_turn(url, now=1002.0) == pytest.approx(29.0)


def test_progress_and_counts(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/a"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    _record(site, "/a")
    _record(site, "/missing")
    call_command("fetch_sources")
    out = capsys.readouterr()
    assert "[2/2]" in out.err
    assert "sent: 2" in out.out
    assert fetch_status_counts() == {"fetched": 1, "failed": 1}


def test_a_cited_pdf_gets_its_first_page_heading_as_title(site: Site) -> None:
    site.routes["/docs/order.pdf"] = Route(200, order_pdf(), {"Content-Type": "application/pdf"})
    record = _record(site, "/docs/order.pdf", kind="order", title="Docket Alarm report")
    call_command("fetch_sources")
    record.refresh_from_db()
    assert record.status == DocumentStatus.DONE, record.error
    assert record.title == "ORDER GRANTING IN PART THE MOTION TO DISMISS"
    assert record.metadata["title_source"] == "pdf"
    assert record.metadata["citation_title"] == "Docket Alarm report"
    assert len(record.page_offsets) == 2 and record.published_on is not None  # ECF filing date


def test_an_interrupted_run_resumes(site: Site) -> None:
    """Sent but never run (the worker or broker died): not sent twice within the hour, then
    picked up again by the next run."""
    site.routes["/a"] = Route(200, ARTICLE, {"Content-Type": "text/html"})
    record = _record(site, "/a")
    sent_long_ago = timezone.now() - dt.timedelta(hours=2)
    Document.objects.filter(pk=record.pk).update(
        fetch_status=FetchStatus.PENDING, next_fetch_at=timezone.now() + dt.timedelta(minutes=50)
    )
    call_command("fetch_sources")
    assert site.hits == []  # still within its hour: another worker may be on it
    Document.objects.filter(pk=record.pk).update(next_fetch_at=sent_long_ago)
    call_command("fetch_sources")
    record.refresh_from_db()
    assert record.fetch_status == FetchStatus.FETCHED and record.status == DocumentStatus.DONE
