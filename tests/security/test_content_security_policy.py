"""Every kind of response carries the strict Content-Security-Policy (docs/deploy.md).

Pages, the admin, the API (JSON, browsable, schema, docs and their script, exports), redirects,
errors, static files and answers served from the response cache; the browser test
(tests/browser/test_content_security_policy.py) shows the pages run under it without violations.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from casebase.pipeline.intake import SubmissionMeta, ingest_bytes
from casebase.web.csp import BROWSABLE_API_PREFIX

from .conftest import HostileCorpus
from .crawl import crawl, web_urls_without_arguments
from .csp import HEADER, problems

pytestmark = pytest.mark.django_db

HTML = "text/html"
# name -> (path, Accept header, expected status)
ANONYMOUS = {
    "page": ("/", HTML, 200),
    "page with a bad parameter": ("/timeline/?date_from=never", HTML, 400),
    "404 page": ("/no-such-page/", HTML, 404),
    "redirect": ("/timeline", HTML, 301),
    "login redirect": ("/upload/", HTML, 302),
    "admin login": ("/admin/login/", HTML, 200),
    "health check": ("/healthz", "*/*", 200),
    "API JSON": ("/api/v1/events/", "application/json", 200),
    "API 404": ("/api/v1/events/999999/", "application/json", 404),
    "browsable API": ("/api/v1/events/", HTML, 200),
    "API export": ("/api/v1/timeline/?format=ics", "*/*", 200),
    "schema": ("/api/schema/", "*/*", 200),
    "API docs": ("/api/docs/", HTML, 200),
    "API docs script": ("/api/docs/?script=", "*/*", 200),
}
EDITOR = {
    "admin index": ("/admin/", HTML, 200),
    "admin changelist": ("/admin/knowledge/event/", HTML, 200),
    "review queue": ("/admin/knowledge/claim/review/", HTML, 200),
    "upload page": ("/upload/", HTML, 200),
}


def _problems(client: Client, path: str, accept: str, status: int) -> list[str]:
    response = client.get(path, HTTP_ACCEPT=accept)
    assert response.status_code == status, path
    html_api = path.startswith(BROWSABLE_API_PREFIX) and accept == HTML
    return problems(response.get(HEADER), style_hashes=html_api)


@pytest.mark.parametrize("name", ANONYMOUS)
def test_anonymous_responses_carry_the_policy(name: str) -> None:
    assert _problems(Client(), *ANONYMOUS[name]) == []


@pytest.mark.parametrize("name", EDITOR)
def test_editor_responses_carry_the_policy(name: str, superuser: User) -> None:
    client = Client()
    client.force_login(superuser)
    assert _problems(client, *EDITOR[name]) == []


def test_a_refused_post_carries_the_policy(superuser: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    response = client.post("/upload/", {"title": "x"})
    assert response.status_code == 403
    assert problems(response.get(HEADER)) == []


def test_answers_from_the_response_cache_carry_the_policy() -> None:
    first, second = Client().get("/claims/"), Client().get("/claims/")
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert problems(second.get(HEADER)) == []


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_carry_the_policy() -> None:
    for path in ("/static/casebase/site.css", "/static/casebase/site.js"):
        response = Client().get(path)
        assert response.status_code == 200, path
        assert problems(response.get(HEADER)) == [], path


def test_originals_keep_their_stricter_sandbox_policy() -> None:
    document = ingest_bytes(
        b"<script>alert(1)</script>", "x.html", SubmissionMeta(kind="other", reviewed=True)
    )
    response = Client().get(f"/documents/{document.document.pk}/original")
    assert response.status_code == 200
    assert response[HEADER] == "default-src 'none'; sandbox"


def test_every_page_of_the_site_carries_the_policy(hostile_corpus: HostileCorpus) -> None:
    result = crawl(Client(), web_urls_without_arguments() + hostile_corpus.urls())
    assert len(result.pages) >= 10
    missing = {}
    for url in result.pages:
        if found := problems(Client().get(url).get(HEADER)):
            missing[url] = found
    assert missing == {}
