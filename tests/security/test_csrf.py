"""Every POST form of the site carries a CSRF token, and a POST without it is refused.

The forms are found by crawling the site as an editor (who sees every form), so forms that other
pages add later are covered without changing this test.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from .conftest import HostileCorpus
from .crawl import post_forms, web_urls_without_arguments

pytestmark = pytest.mark.django_db


def _refused_for_csrf(status: int, body: bytes) -> bool:
    return status == 403 and b"CSRF" in body


@pytest.fixture
def editor_client(superuser: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


def test_every_post_form_has_a_token(editor_client: Client, hostile_corpus: HostileCorpus) -> None:
    forms = post_forms(editor_client, web_urls_without_arguments() + hostile_corpus.urls())
    assert forms, "no POST form found on the site"
    assert [f.action for f in forms if not f.has_csrf_token] == []


def test_post_without_token_is_refused(
    editor_client: Client, hostile_corpus: HostileCorpus
) -> None:
    for form in post_forms(editor_client, web_urls_without_arguments() + hostile_corpus.urls()):
        response = editor_client.post(form.action, form.fields)
        assert _refused_for_csrf(response.status_code, response.content), form.action


def test_post_with_token_is_not_refused_for_csrf(
    editor_client: Client, hostile_corpus: HostileCorpus
) -> None:
    """The refusal above is the CSRF check's, not some other 403."""
    for form in post_forms(editor_client, web_urls_without_arguments() + hostile_corpus.urls()):
        data = {**form.fields, "csrfmiddlewaretoken": form.csrf_token}
        response = editor_client.post(form.action, data)
        assert not _refused_for_csrf(response.status_code, response.content), form.action


def test_admin_login_refuses_post_without_token(superuser: User) -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    assert b"csrfmiddlewaretoken" in page.content
    response = client.post("/admin/login/", {"username": "root", "password": "pw-root-1234"})
    assert _refused_for_csrf(response.status_code, response.content)
    assert "_auth_user_id" not in client.session
