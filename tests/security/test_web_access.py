"""Writing through the web app needs an account: every POST form an editor sees refuses an
anonymous visitor (sent to log in, or 403) and changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from .conftest import HostileCorpus, knowledge_row_counts
from .crawl import post_forms, web_urls_without_arguments

pytestmark = pytest.mark.django_db


def test_anonymous_cannot_post_any_form(superuser: User, hostile_corpus: HostileCorpus) -> None:
    editor = Client()
    editor.force_login(superuser)
    forms = post_forms(editor, web_urls_without_arguments() + hostile_corpus.urls())
    assert forms, "no POST form found on the site"
    before = knowledge_row_counts()
    anonymous = Client()
    for form in forms:
        if form.action == "/accounts/logout/":  # signing out: nothing to write, nothing to refuse
            continue
        data = {**form.fields, "text": "An anonymous write.", "title": "Anonymous"}
        response = anonymous.post(form.action, data)
        if response.status_code == 302:
            assert "login" in response["Location"], form.action
        else:
            assert response.status_code in {401, 403}, form.action
    assert knowledge_row_counts() == before
