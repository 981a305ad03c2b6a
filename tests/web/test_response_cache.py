"""The rendered-response cache for anonymous readers (casebase/web/response_cache.py) and the data
version that invalidates it (casebase/knowledge/data_version.py).

Real requests through the whole middleware stack, real writes; no mocks. The invalidation tests
run with real commits (``transactional_db``) and the production rule (the version changes after
the commit, not at each write).
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import deletion
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from casebase.curation.merge import merge_entities
from casebase.knowledge.data_version import current_data_version, writes_knowledge
from casebase.knowledge.models import Entity, Event, Mention
from tests.factories import EntityFactory, EventFactory

from .conftest import Small

PAGES = ["/timeline/", "/entities/jane-roe/", "/search/?q=Roe", "/api/v1/events/"]


def set_cookie_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("a page that sets a cookie")
    response.set_cookie("preference", "compact")
    return response


urlpatterns = [path("sets-cookie/", set_cookie_view), path("", include("casebase.urls"))]


@pytest.fixture
def anon() -> Client:
    return Client()


@pytest.fixture
def on_commit_only(settings: Any) -> None:
    """The production rule: the version changes once the transaction commits."""
    settings.CASEBASE_DATA_VERSION_BUMP_ON_WRITE = False


def get(client: Client, url: str, **extra: Any) -> Any:
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


# --- hits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_second_anonymous_get_is_a_byte_identical_hit(small: Small, anon: Client, url: str) -> None:
    first = get(anon, url)
    second = get(anon, url)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Roe" in second.content.decode()


def test_a_hit_keeps_the_security_headers(small: Small, anon: Client) -> None:
    first, second = get(anon, "/timeline/"), get(anon, "/timeline/")
    assert second["X-Cache"] == "hit"
    for header in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert second.get(header) == first.get(header) and second.get(header)


def test_a_hit_runs_no_query(small: Small, anon: Client, django_assert_num_queries: Any) -> None:
    get(anon, "/timeline/")
    with django_assert_num_queries(0):
        assert get(anon, "/timeline/")["X-Cache"] == "hit"


def test_query_string_and_accept_are_part_of_the_key(small: Small, anon: Client) -> None:
    get(anon, "/search/?q=Roe")
    other = get(anon, "/search/?q=Acme")
    assert other["X-Cache"] == "miss"
    get(anon, "/api/v1/events/", HTTP_ACCEPT="application/json")
    html = get(anon, "/api/v1/events/", HTTP_ACCEPT="text/html")
    assert html["X-Cache"] == "miss" and html["Content-Type"].startswith("text/html")
    again = get(anon, "/api/v1/events/", HTTP_ACCEPT="application/json")
    assert again["X-Cache"] == "hit" and again["Content-Type"] == "application/json"


def test_api_etag_and_304_survive_the_cache(small: Small, anon: Client) -> None:
    first = get(anon, "/api/v1/events/")
    etag = first["ETag"]
    hit = get(anon, "/api/v1/events/")
    assert hit["X-Cache"] == "hit" and hit["ETag"] == etag
    not_modified = anon.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified["ETag"] == etag
    assert not_modified.content == b""


def test_head_uses_the_get_entry(small: Small, anon: Client) -> None:
    head_first = anon.head("/timeline/")
    assert head_first.status_code == 200 and head_first["X-Cache"] == "miss"
    assert get(anon, "/timeline/")["X-Cache"] == "miss"  # HEAD stored nothing
    head = anon.head("/timeline/")
    assert head.status_code == 200 and head["X-Cache"] == "hit" and head.content == b""
    assert int(head["Content-Length"]) == len(get(anon, "/timeline/").content)


def test_cached_api_hits_still_count_against_the_anonymous_throttle(
    small: Small, anon: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "rate", "3/minute", raising=False)
    codes = [anon.get("/api/v1/threads/") for _ in range(4)]
    assert [r.status_code for r in codes] == [200, 200, 200, 429]
    assert [r.get("X-Cache") for r in codes[:3]] == ["miss", "hit", "hit"]
    assert codes[3].json()["error"]["code"] == "throttled"


# --- never cached -----------------------------------------------------------------------------


def test_logged_in_users_are_never_served_from_or_stored_into_the_cache(
    small: Small, anon: Client, admin_client: Client
) -> None:
    for _ in range(2):
        page = get(admin_client, "/timeline/")
        assert "X-Cache" not in page and b"Admin</a>" in page.content
    assert get(anon, "/timeline/")["X-Cache"] == "miss"  # the logged-in pages were not stored
    cached = get(anon, "/timeline/")
    assert cached["X-Cache"] == "hit" and b"Sign in" in cached.content
    mine = get(admin_client, "/timeline/")
    assert "X-Cache" not in mine and b"Sign in" not in mine.content


def test_requests_with_authorization_bypass_the_cache(small: Small, anon: Client) -> None:
    user = User.objects.create_user("reader", password="pw-reader-123")
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user)
    get(anon, "/api/v1/events/")
    for _ in range(2):
        answer = get(anon, "/api/v1/events/", HTTP_AUTHORIZATION=f"Token {token.key}")
        assert "X-Cache" not in answer
    bogus = anon.get("/api/v1/events/", HTTP_AUTHORIZATION="Token not-a-token")
    assert bogus.status_code == 401 and "X-Cache" not in bogus


@pytest.mark.urls(__name__)
def test_a_response_that_sets_a_cookie_is_not_cached(db: None, anon: Client) -> None:
    for _ in range(2):
        response = get(anon, "/sets-cookie/")
        assert response["X-Cache"] == "miss" and "preference" in response.cookies


def test_pages_with_a_csrf_form_are_not_cached(db: None, anon: Client) -> None:
    login = anon.get("/admin/login/")  # skipped path, and it sets the CSRF cookie anyway
    assert "X-Cache" not in login and "csrftoken" in login.cookies
    # A reader who has the CSRF cookie is still anonymous: pages are served from the cache.
    get(anon, "/timeline/")
    assert get(anon, "/timeline/")["X-Cache"] == "hit"


def test_posts_are_never_cached(small: Small, anon: Client) -> None:
    for _ in range(2):
        response = anon.post("/search/?q=Roe", {"q": "Roe"})
        assert "X-Cache" not in response
    assert get(anon, "/search/?q=Roe")["X-Cache"] == "miss"


def test_not_found_is_not_cached(db: None, anon: Client) -> None:
    for _ in range(2):
        response = anon.get("/entities/nobody/")
        assert response.status_code == 404 and response["X-Cache"] == "miss"


def test_skipped_paths(small: Small, anon: Client) -> None:
    for url in ("/healthz", "/admin/login/", f"/documents/{small.document.pk}/original"):
        assert "X-Cache" not in anon.get(url)


def test_the_setting_turns_it_off(small: Small, anon: Client, settings: Any) -> None:
    settings.CASEBASE_RESPONSE_CACHE = False
    for _ in range(2):
        assert "X-Cache" not in get(anon, "/timeline/")


# --- invalidation, with real commits ----------------------------------------------------------


def test_orm_save_invalidates_after_commit(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    get(anon, "/timeline/")
    assert get(anon, "/timeline/")["X-Cache"] == "hit"
    before = current_data_version()
    with transaction.atomic():
        event = Event.objects.get(pk=small.founding.pk)
        event.title = "Acme AI founded, renamed in this test"
        event.save()
        assert current_data_version() == before  # not before the commit
    assert current_data_version() > before
    page = get(anon, "/timeline/")
    assert page["X-Cache"] == "miss" and b"renamed in this test" in page.content


def test_rolled_back_writes_do_not_invalidate(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    get(anon, "/timeline/")
    before = current_data_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.filter(pk=small.founding.pk).update(title="never committed")
        raise RuntimeError
    assert current_data_version() == before
    assert get(anon, "/timeline/")["X-Cache"] == "hit"


def test_bulk_writes_invalidate(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    get(anon, "/timeline/")
    Event.objects.filter(pk=small.founding.pk).update(title="Updated in bulk")
    page = get(anon, "/timeline/")
    assert page["X-Cache"] == "miss" and b"Updated in bulk" in page.content
    Event.objects.bulk_create(
        [Event(title="Created in bulk", date=small.founding.date, date_precision="year")]
    )
    page = get(anon, "/search/?q=bulk")
    get(anon, "/timeline/")
    Event.objects.filter(title="Created in bulk").delete()
    assert b"Created in bulk" not in get(anon, "/timeline/").content


def test_m2m_change_invalidates(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    get(anon, "/entities/example-labs/")
    small.founding.entities.add(small.labs)
    page = get(anon, "/entities/example-labs/")
    assert page["X-Cache"] == "miss" and b"launched as a nonprofit" in page.content


def test_admin_edit_invalidates(
    small: Small, anon: Client, admin_client: Client, transactional_db: None, on_commit_only: None
) -> None:
    assert b"Roe v. Acme dispute" in get(anon, "/timeline/").content
    assert get(anon, "/timeline/")["X-Cache"] == "hit"
    thread = small.dispute
    answer = admin_client.post(
        f"/admin/knowledge/thread/{thread.pk}/change/",
        {
            "name": "Renamed by an editor",
            "slug": thread.slug,
            "description": "",
            "position": thread.position,
            "color": thread.color,
        },
    )
    assert answer.status_code == 302, answer.content[:2000]
    page = get(anon, "/timeline/")
    assert page["X-Cache"] == "miss" and b"Renamed by an editor" in page.content

    event = small.founding
    deleted = admin_client.post(f"/admin/knowledge/event/{event.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    page = get(anon, "/timeline/")
    assert page["X-Cache"] == "miss" and b"launched as a nonprofit" not in page.content


def test_merge_invalidates(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    assert get(anon, "/entities/example-labs/").status_code == 200
    get(anon, "/entities/acme-ai/")
    assert get(anon, "/entities/acme-ai/")["X-Cache"] == "hit"
    merge_entities(small.acme, [small.labs])
    moved = anon.get("/entities/example-labs/")
    assert moved.status_code == 301 and moved["Location"] == "/entities/acme-ai/"
    page = get(anon, "/entities/acme-ai/")
    assert page["X-Cache"] == "miss" and b"Roe testifies about distillation" in page.content


def test_storing_a_documents_results_invalidates(
    run_tasks_inline: list[int], anon: Client, on_commit_only: None
) -> None:
    from dataclasses import replace

    from casebase.pipeline import processing
    from casebase.pipeline.intake import SubmissionMeta, ingest_text

    text = "Ada Wolfram testified on 3 March 2026 that Quillfeather Labs copied the model."
    meta = SubmissionMeta(kind="news_article", title="Wolfram testimony")
    document = ingest_text(text, meta, enqueue=False).document
    document.auto_publish = True  # a trusted source: its entities are public once stored
    document.save()
    url = f"/documents/{document.pk}/"
    queued = get(anon, url)
    assert get(anon, url)["X-Cache"] == "hit"
    entity_link = re.compile(rb'href="/entities/[\w-]+/"')  # the nav's /entities/ is no entity
    assert not entity_link.search(queued.content)
    processing.process_documents([document.pk])  # what the nlp task runs
    page = get(anon, url)
    assert page["X-Cache"] == "miss" and entity_link.search(page.content)
    # The same through the task path the tests use (ingestion sends, the task runs inline).
    other = ingest_text(text + " Again.", replace(meta, reviewed=True))  # public at once
    assert run_tasks_inline == [other.document.pk]
    assert get(anon, f"/documents/{other.document.pk}/")["X-Cache"] == "miss"


def test_raw_sql_writes_invalidate(
    small: Small, anon: Client, transactional_db: None, on_commit_only: None
) -> None:
    get(anon, "/entities/jane-roe/")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE knowledge_entity SET description = %s WHERE slug = %s",
            ["Changed with raw SQL.", "jane-roe"],
        )
    page = get(anon, "/entities/jane-roe/")
    assert page["X-Cache"] == "miss" and b"Changed with raw SQL." in page.content


# --- the write hook ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('INSERT INTO "knowledge_event" ("title") VALUES (%s)', True),
        ('INSERT OR IGNORE INTO "knowledge_mention" ("start") VALUES (%s)', True),
        ('UPDATE "knowledge_document" SET "status" = %s', True),
        ('DELETE FROM "knowledge_event_entities" WHERE "event_id" IN (1)', True),
        ('TRUNCATE "auth_user", "knowledge_event";', True),
        ('SELECT * FROM "knowledge_event"', False),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('INSERT INTO "auth_user" ("username") VALUES (%s)', False),
        ('DELETE FROM "knowledge_eventx"', False),
    ],
)
def test_writes_knowledge(sql: str, writes: bool) -> None:
    assert writes_knowledge(sql) is writes


def test_knowledge_deletes_stay_fast(small: Small) -> None:
    """No post_delete receivers on the knowledge models: Django keeps deleting mentions with one
    DELETE instead of fetching and signalling every row (extraction replaces thousands)."""
    collector = deletion.Collector(using="default")
    assert collector.can_fast_delete(Mention.objects.filter(document=small.document))
    before = current_data_version()
    Mention.objects.filter(document=small.document).delete()
    assert current_data_version() > before


def test_creating_entities_bumps_the_version_in_tests_at_each_write(
    entity_factory: type[EntityFactory], event_factory: type[EventFactory]
) -> None:
    """Under the test settings the version also changes at each write, because tests never
    commit (CASEBASE_DATA_VERSION_BUMP_ON_WRITE)."""
    before = current_data_version()
    entity_factory(name="Someone New")
    middle = current_data_version()
    event_factory(on="2024", title="Another")
    assert before < middle < current_data_version()
    assert Entity.objects.filter(name="Someone New").exists()


# --- production: one cache for every process --------------------------------------------------

REDIS_CACHE = "redis://127.0.0.1:6379/12"  # this area's Redis database
SETTING = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CASEBASE_RESPONSE_CACHE)"
)


def test_production_turns_the_response_cache_off_without_a_shared_cache() -> None:
    from tests.security.test_production_profile import _production_env, _python

    without = _python(SETTING, _production_env(CACHE_URL=""))
    assert without.returncode == 0, without.stderr
    assert without.stdout.strip().splitlines()[-1] == "False"
    with_redis = _python(SETTING, _production_env(CACHE_URL=REDIS_CACHE))
    assert with_redis.stdout.strip().splitlines()[-1] == "True"
    off = _python(SETTING, _production_env(CACHE_URL=REDIS_CACHE, CASEBASE_RESPONSE_CACHE="0"))
    assert off.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.integration  # needs the real Redis on 127.0.0.1:6379
def test_the_version_is_shared_by_processes_through_redis() -> None:
    """A Celery worker's bump is seen by every gunicorn worker: separate processes, one Redis."""
    from tests.security.test_production_profile import _production_env, _python

    env = _production_env(CACHE_URL=REDIS_CACHE, CASEBASE_DATA_VERSION_COALESCE_SECONDS="2")
    setup = "import django; django.setup(); from casebase.knowledge import data_version as v; "
    keys = "v.VERSION_KEY, v.PENDING_KEY, v.BUMPED_AT_KEY"
    _python(setup + f"from django.core.cache import cache; cache.delete_many([{keys}])", env)
    read = setup + "print(v.current_data_version())"
    first = _python(read, env)
    assert first.returncode == 0, first.stderr
    before = int(first.stdout.split()[-1])
    assert before > 10**15  # a missing counter starts from the clock, never from 0
    assert int(_python(read, env).stdout.split()[-1]) == before
    twice = "v.bump_data_version(); v.bump_data_version(); print(v.current_data_version())"
    bumped = _python(setup + twice, env)
    assert bumped.returncode == 0, bumped.stderr
    # The first write changed it at once; the second, within the coalescing interval, is held
    # back until a read in any process after the interval.
    assert int(bumped.stdout.split()[-1]) == before + 1
    time.sleep(2.5)
    assert int(_python(read, env).stdout.split()[-1]) == before + 2
    assert int(_python(read, env).stdout.split()[-1]) == before + 2


def test_entity_suggestions_are_fresh_after_a_change(
    small: Small,
    anon: Client,
    transactional_db: None,
    on_commit_only: None,
    entity_factory: type[EntityFactory],
) -> None:
    """The timeline's entity suggestions (asked of the server) are cached by data version too."""
    url = "/suggest/entities?q=zed"
    assert b"zed-newcomer" not in get(anon, url).content
    assert get(anon, url)["X-Cache"] == "hit"
    entity_factory(name="Zed Newcomer", slug="zed-newcomer")
    page = get(anon, url)
    assert page["X-Cache"] == "miss" and b'"slug": "zed-newcomer"' in page.content


def test_one_bump_per_transaction_and_savepoints(
    small: Small, transactional_db: None, on_commit_only: None
) -> None:
    start = current_data_version()
    with transaction.atomic():
        for n in range(20):
            Event.objects.filter(pk=small.founding.pk).update(title=f"Title {n}")
        assert len(connection.run_on_commit) == 1
    assert current_data_version() == start + 1
    # A write rolled back with its savepoint does not bump; one in the outer block still does.
    with transaction.atomic(), pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.filter(pk=small.founding.pk).update(title="rolled back")
        raise RuntimeError
    assert current_data_version() == start + 1
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            Event.objects.filter(pk=small.founding.pk).update(title="rolled back")
            raise RuntimeError
        Event.objects.filter(pk=small.founding.pk).update(title="kept")
    assert current_data_version() == start + 2
    assert Event.objects.get(pk=small.founding.pk).title == "kept"


@pytest.mark.django_db
def test_other_execute_wrappers_still_see_every_statement() -> None:
    """The data-version hook passes the whole call on, so wrappers installed after it (query
    loggers, debug tools) keep working."""
    from casebase.knowledge.models import Thread

    seen: list[str] = []

    def logger(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(logger):
        Thread.objects.create(slug="wrapped", name="Wrapped")
    assert any(sql.startswith("INSERT") for sql in seen)
