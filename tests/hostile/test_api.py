"""Malformed, oversized and hostile API submissions: a 4xx in the API's error format, never a
500, and nothing created."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from casebase.knowledge.models import Document
from tests.factories import UserFactory

from . import pdfs
from .conftest import Bystander, assert_unaffected, snapshot

pytestmark = pytest.mark.django_db
URL = "/api/v1/documents/"
FIELDS = ("text", "url", "kind", "title", "published", "case", "docket_entry", "authors")


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content[:500]
    error = response.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    if code is not None:
        assert error["code"] == code, error
    return dict(error)


def post_raw(client: APIClient, body: bytes | str, content_type: str = "application/json") -> Any:
    return client.post(URL, data=body, content_type=content_type)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "non_field_errors"),
        ({"title": "no source"}, "non_field_errors"),
        ({"text": ["a", "list"]}, "text"),
        ({"text": {"an": "object"}}, "text"),
        ({"text": "ok", "title": {"x": 1}}, "title"),
        ({"text": "ok", "authors": "not a list"}, "authors"),
        ({"text": "ok", "authors": [{"name": "x"}]}, "authors"),
        ({"text": "ok", "docket_entry": "abc"}, "docket_entry"),
        ({"text": "ok", "docket_entry": 10**30}, "docket_entry"),
        ({"text": "ok", "kind": "poem"}, "kind"),
        ({"text": "ok", "kind": None}, "kind"),
        ({"text": "ok", "published": "2026-13-45"}, "non_field_errors"),
        ({"text": "ok", "published": "2026-02-30"}, "non_field_errors"),
        ({"text": "ok", "published": "yesterday"}, "non_field_errors"),
        ({"text": "ok", "published": "20260101000"}, "non_field_errors"),
        ({"text": "ok", "published": "2" * 41}, "published"),
        ({"text": "ok", "case": "<script>"}, "case"),
        ({"text": "ok", "case": "no-such-case"}, "non_field_errors"),
        ({"text": "ok", "source_url": "javascript:alert(1)"}, "non_field_errors"),
        ({"text": "a\u0000b"}, "text"),
        ({"text": "ok", "title": "a\u0000b"}, "title"),
        ({"text": "ok", "authors": ["a\u0000b"]}, "authors"),
        ({"url": "ftp://example.com/x"}, "non_field_errors"),
        ({"url": "https://example.com/" + "a" * 3000}, "url"),
        ({"text": "ok", "url": "https://example.com/"}, "non_field_errors"),
    ],
)
def test_bad_fields_are_400_in_the_error_format(
    api_editor: APIClient, bystander: Bystander, body: dict[str, Any], field: str
) -> None:
    before = snapshot(bystander)
    error = assert_error(api_editor.post(URL, body, format="json"), 400, "invalid")
    assert error["details"][field], error
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    "raw",
    [
        '{"text": ',
        "{'text': 'single quotes'}",
        '{"text": "ok",}',
        "\xff\xfe not utf-8",
        "NaN",
        "",
    ],
)
def test_unparseable_json_is_400(api_editor: APIClient, bystander: Bystander, raw: str) -> None:
    before = snapshot(bystander)
    body = raw.encode("latin-1") if raw.startswith("\xff") else raw
    response = post_raw(api_editor, body)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["error"]["code"] in ("parse_error", "invalid")
    assert_unaffected(before, bystander)


@pytest.mark.parametrize("raw", ["[]", "[1, 2]", "null", '"text"', "42", "true"])
def test_json_that_is_not_an_object_is_400(
    api_editor: APIClient, bystander: Bystander, raw: str
) -> None:
    before = snapshot(bystander)
    assert_error(post_raw(api_editor, raw), 400)
    assert_unaffected(before, bystander)


def test_deeply_nested_json_is_400(api_editor: APIClient, bystander: Bystander) -> None:
    """100,000 nested arrays exhaust the JSON parser's recursion: a parse error, not a 500."""
    before = snapshot(bystander)
    response = post_raw(api_editor, "[" * 100_000 + "]" * 100_000)
    assert_error(response, 400, "parse_error")
    assert_unaffected(before, bystander)


def test_lone_surrogate_text_is_400(api_editor: APIClient, bystander: Bystander) -> None:
    before = snapshot(bystander)
    response = post_raw(api_editor, '{"text": "before \\ud800 after", "title": "t"}')
    error = assert_error(response, 400, "invalid")
    assert error["details"]["text"] == ["Surrogate characters are not allowed: U+D800."]
    assert_unaffected(before, bystander)


@pytest.mark.parametrize("closed", [True, False], ids=["valid", "unclosed"])
def test_ten_megabyte_json_is_413_unread(
    api_editor: APIClient, bystander: Bystander, closed: bool
) -> None:
    """JSON bodies stop at DATA_UPLOAD_MAX_MEMORY_SIZE (5 MB); bigger texts go as files."""
    before = snapshot(bystander)
    body = '{"text": "' + "x" * (10 * 1024 * 1024) + ('"}' if closed else "")
    assert_error(post_raw(api_editor, body), 413, "payload_too_large")
    assert_unaffected(before, bystander)


def test_body_over_the_upload_limit_is_413(
    api_editor: APIClient, bystander: Bystander, settings: object
) -> None:
    settings.CASEBASE_MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # type: ignore[attr-defined]
    before = snapshot(bystander)
    big = json.dumps({"text": "word " * (1024 * 1024)})  # 5 MB
    assert_error(post_raw(api_editor, big), 413, "payload_too_large")
    upload = SimpleUploadedFile("big.txt", b"word " * (1024 * 1024), "text/plain")
    assert_error(api_editor.post(URL, {"file": upload}, format="multipart"), 413)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    "content_type", ["application/xml", "text/plain", "application/x-www-form-urlencoded; x"]
)
def test_unsupported_body_types_are_4xx(
    api_editor: APIClient, bystander: Bystander, content_type: str
) -> None:
    before = snapshot(bystander)
    response = post_raw(api_editor, "<text>hi</text>", content_type)
    assert 400 <= response.status_code < 500 and response.json()["error"]["code"]
    assert_unaffected(before, bystander)


def test_anonymous_and_unprivileged_posts_are_refused(bystander: Bystander) -> None:
    before = snapshot(bystander)
    assert APIClient().post(URL, {"text": "hi"}, format="json").status_code in (401, 403)
    bad_token = APIClient()
    bad_token.credentials(HTTP_AUTHORIZATION="Token <script>alert(1)</script>")
    response = bad_token.post(URL, {"text": "hi"}, format="json")
    assert response.status_code in (401, 403)
    assert response.json()["error"]["code"] == "authentication_failed"
    assert_unaffected(before, bystander)


def _noise(seed: int) -> bytes:
    return random.Random(seed).randbytes(50_000)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "empty"),
        ("noise.pdf", _noise(3), "binary"),
        ("latin.txt", b"caf\xe9 \x81\x8d\x8f broken", "neither UTF-8"),
        ("cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "corrupt or truncated"),
        ("million.pdf", pdfs.doubling_page_tree(20), "page tree"),
        ("zip.pdf", b"PK\x03\x04" + _noise(4)[:100], "ZIP archive"),
        ("two.json", b'[{"text": "a"}, {"text": "b"}]', "holds 2 documents"),
    ],
)
def test_hostile_files_are_400_with_the_reason(
    api_editor: APIClient, bystander: Bystander, name: str, data: bytes, message: str
) -> None:
    before = snapshot(bystander)
    upload = SimpleUploadedFile(name, data, "application/pdf")
    response = api_editor.post(URL, {"file": upload, "kind": "other"}, format="multipart")
    error = assert_error(response, 400, "invalid")
    details = json.dumps(error["details"])
    assert message in details, details
    assert_unaffected(before, bystander)


def test_truncated_court_pdf_upload_is_400(
    api_editor: APIClient, bystander: Bystander, court_pdf: Any
) -> None:
    data = court_pdf("gov.uscourts.ca8.17-2543.00803263743.0.pdf")
    before = snapshot(bystander)
    upload = SimpleUploadedFile("cut.pdf", data[: len(data) // 3], "application/pdf")
    error = assert_error(api_editor.post(URL, {"file": upload}, format="multipart"), 400)
    assert "corrupt or truncated" in json.dumps(error["details"])
    assert_unaffected(before, bystander)


def test_a_bomb_is_accepted_then_fails_when_processed(
    api_editor: APIClient, run_tasks_inline: list[int]
) -> None:
    """The cheap checks at submission cannot see a bomb; processing stops it with a reason."""
    upload = SimpleUploadedFile("bomb.pdf", pdfs.decompression_bomb(1100), "application/pdf")
    response = api_editor.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 202, response.content[:300]
    polled = api_editor.get(response.json()["url"]).json()
    assert polled["status"] == "failed"
    assert "Limit reached while decompressing" in polled["error"]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(body=st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6))
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_json_object_gets_a_4xx_or_a_document(
    api_editor: APIClient, body: dict[str, Any]
) -> None:
    response = api_editor.post(URL, body, format="json")
    assert response.status_code in (200, 202, 400, 413), (body, response.content[:300])
    if response.status_code >= 400:
        assert response.json()["error"]["code"]
    else:
        Document.objects.filter(pk=response.json()["id"]).delete()


def test_too_many_form_fields_is_400_in_the_error_format(
    api_editor: APIClient, bystander: Bystander
) -> None:
    before = snapshot(bystander)
    body = "&".join(f"f{n}=x" for n in range(1500)) + "&text=hello"
    response = api_editor.post(URL, data=body, content_type="application/x-www-form-urlencoded")
    assert_error(response, 400, "invalid")
    assert_unaffected(before, bystander)


def test_too_many_files_is_400_in_the_error_format(
    api_editor: APIClient, bystander: Bystander
) -> None:
    before = snapshot(bystander)
    files = {f"file{n}": SimpleUploadedFile(f"{n}.txt", b"x") for n in range(150)}
    response = api_editor.post(URL, files, format="multipart")
    error = assert_error(response, 400, "invalid")
    assert "number of files exceeded" in error["details"]["non_field_errors"][0]
    assert_unaffected(before, bystander)


@pytest.fixture
def api_changer(user_factory: type[UserFactory]) -> APIClient:
    from rest_framework.authtoken.models import Token

    user = user_factory(username="hostile-changer", permissions=["change_document"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source_url": "javascript:alert('xss-patch')"}, "source_url"),
        ({"source_url": "data:text/html,<script>alert(1)</script>"}, "source_url"),
        ({"docket_entry": 2**63}, "docket_entry"),
        ({"published_on": "2026-13-45"}, "published_on"),
        ({"authors": "not a list"}, "authors"),
        ({"title": "x\u0000y"}, "title"),
        ({"kind": "poem"}, "kind"),
    ],
)
def test_hostile_metadata_edits_are_400(
    api_changer: APIClient, bystander: Bystander, body: dict[str, Any], field: str
) -> None:
    before = snapshot(bystander)
    url = f"{URL}{bystander.document.pk}/"
    error = assert_error(api_changer.patch(url, body, format="json"), 400, "invalid")
    assert error["details"][field], error
    assert_unaffected(before, bystander)


def test_a_hostile_title_edit_is_stored_as_text_and_escaped(
    api_changer: APIClient, bystander: Bystander
) -> None:
    title = "<script>alert('xss-edit')</script>\u202e"
    url = f"{URL}{bystander.document.pk}/"
    assert api_changer.patch(url, {"title": title}, format="json").status_code == 200
    page = APIClient().get(bystander.document.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;xss-edit&#x27;)&lt;/script&gt;" in page
    assert "<script>alert('xss-" not in page
