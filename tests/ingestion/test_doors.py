"""The four doors (the upload page, the API, the admin's add form, ``manage.py ingest``) give the
same refusal in the same words, one message per refusal, because they all call ``submit``."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from casebase.knowledge.models import Document

pytestmark = pytest.mark.django_db

LIMIT = 2000  # CASEBASE_MAX_UPLOAD_BYTES for these tests: 2,000 bytes = 2 KiB when shown
TEXT = b"Beta Labs filed a motion to dismiss in Oakland."


def messages_on_web_page(content: bytes) -> list[str]:
    """Every error the upload page shows: the form's and the fields' error lists."""
    items = re.findall(rb'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', content, re.DOTALL)
    found = [re.findall(rb"<li>(.*?)</li>", item, re.DOTALL) for item in items]
    return [html.unescape(text.decode()) for texts in found for text in texts]


def messages_on_admin_page(content: bytes) -> list[str]:
    """The admin's error note (the form's errors, joined) and every field's error list."""
    note = re.findall(rb'<p class="errornote">(.*?)</p>', content, re.DOTALL)
    fields = re.findall(rb'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', content, re.DOTALL)
    field_texts = [t for item in fields for t in re.findall(rb"<li>(.*?)</li>", item, re.DOTALL)]
    return [html.unescape(text.decode().strip()) for text in note + field_texts]


def messages_in_api_error(response: Any) -> list[str]:
    error = response.json()["error"]
    if error["details"] is None:
        return [error["message"]]
    return [message for messages in error["details"].values() for message in messages]


def web_form(fields: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
    uploads = {name: SimpleUploadedFile(filename, data) for name, (filename, data) in files.items()}
    return {"kind": "other", "text": "", "url": "", **fields, **uploads}


class Doors:
    """Submit the same input at each door; return (status, the messages it showed)."""

    def __init__(self, user: Any, tmp_path: Path) -> None:
        self.web, self.admin, self.api = Client(), Client(), APIClient()
        for client in (self.web, self.admin, self.api):
            client.force_login(user)
        self.tmp_path = tmp_path

    def on_web(self, fields: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> list[str]:
        response = self.web.post("/upload/", web_form(fields, files))
        assert response.status_code == 400, response.status_code
        return messages_on_web_page(response.content)

    def on_admin(self, fields: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> list[str]:
        response = self.admin.post("/admin/knowledge/document/add/", web_form(fields, files))
        assert response.status_code == 200, response.status_code
        return messages_on_admin_page(response.content)

    def on_api(self, fields: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> list[str]:
        if files:
            uploads = {name: SimpleUploadedFile(n, data) for name, (n, data) in files.items()}
            response = self.api.post(
                "/api/v1/documents/", {**fields, **uploads}, format="multipart"
            )
        else:
            response = self.api.post("/api/v1/documents/", fields, format="json")
        assert response.status_code in (400, 413), response.content
        return messages_in_api_error(response)

    def on_command(self, fields: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> list[str]:
        """The command takes one path or URL per argument; its summary lists the reasons."""
        if files:
            (filename, data) = files["file"]
            path = self.tmp_path / filename
            path.write_bytes(data)
            item = str(path)
        else:
            item = fields["url"]
        out = io.StringIO()
        call_command("ingest", item, stdout=out, stderr=io.StringIO())
        prefix = f"  failed: {item}: "
        return [
            line[len(prefix) :] for line in out.getvalue().splitlines() if line.startswith(prefix)
        ]


@pytest.fixture
def doors(django_user_model: Any, tmp_path: Path, settings: Any) -> Doors:
    settings.CASEBASE_MAX_UPLOAD_BYTES = LIMIT
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    return Doors(user, tmp_path)


ALL = ("web", "api", "admin", "command")
FORMS = ("web", "api", "admin")  # the command takes exactly one input per argument by design

REFUSALS: list[tuple[str, dict[str, Any], dict[str, tuple[str, bytes]], str, tuple[str, ...]]] = [
    (
        "too big",
        {},
        {"file": ("big.txt", b"word " * 600)},
        "“big.txt” is 2.9 KiB; the limit is 2 KiB. Split it into smaller parts and submit each.",
        ALL,
    ),
    (
        "empty",
        {},
        {"file": ("empty.txt", b"")},
        "“empty.txt” is empty. Choose a file with content, or paste the text.",
        ALL,
    ),
    (
        "wrong type",
        {},
        {"file": ("report.docx", b"PK\x03\x04" + b"\x00" * 200)},
        "This file is a ZIP archive (or Word/OpenDocument file); casebase reads PDF, HTML, plain "
        "text and JSON. Save it in one of those formats and submit it again.",
        ALL,
    ),
    (
        "refused private URL",
        {"url": "http://127.0.0.1/admin/"},
        {},
        "127.0.0.1 is a private, loopback or link-local address: casebase never fetches from it. "
        "Give a public address, or download the file and upload it.",
        ALL,
    ),
    (
        "URL not http(s)",
        {"url": "ftp://example.org/file"},
        {},
        "Enter a full http:// or https:// address.",
        ALL,
    ),
    (
        "two inputs",
        {"text": "Some words.", "url": "https://example.org/a"},
        {},
        "Give only one of a file, pasted text or a URL (you gave pasted text and a URL).",
        FORMS,
    ),
    (
        "none given",
        {"text": "  "},
        {},
        "Give a file, pasted text or a URL to submit.",
        FORMS,
    ),
]


@pytest.mark.parametrize(
    ("door", "fields", "files", "message"),
    [
        pytest.param(door, fields, files, message, id=f"{name}-{door}")
        for name, fields, files, message, doors in REFUSALS
        for door in doors
    ],
)
def test_the_same_refusal_reads_the_same_at_every_door(
    doors: Doors,
    door: str,
    fields: dict[str, Any],
    files: dict[str, tuple[str, bytes]],
    message: str,
) -> None:
    submit_at: Callable[..., list[str]] = getattr(doors, f"on_{door}")
    assert submit_at(fields, files) == [message]
    assert not Document.objects.exists()


@pytest.mark.parametrize("door", ALL)
def test_a_duplicate_is_the_existing_document_with_one_notice(doors: Doors, door: str) -> None:
    """Content already here is not a refusal: each door leads to the existing document and
    the web, the admin and the command say so in the same words (the API answers 200)."""
    first = doors.api.post(
        "/api/v1/documents/", {"file": SimpleUploadedFile("a.txt", TEXT)}, format="multipart"
    )
    assert first.status_code == 202
    existing = Document.objects.get()
    notice = f"This content is already in casebase as “{existing.title}”: here it is."
    files = {"file": ("again.txt", TEXT)}
    if door == "api":
        again = doors.api.post(
            "/api/v1/documents/",
            {"file": SimpleUploadedFile("again.txt", TEXT)},
            format="multipart",
        )
        assert again.status_code == 200 and again.json()["id"] == existing.pk
    elif door == "command":
        path = doors.tmp_path / "again.txt"
        path.write_bytes(TEXT)
        out = io.StringIO()
        call_command("ingest", str(path), stdout=out, stderr=io.StringIO())
        assert f"  de-duplicated: {path}: {notice}" in out.getvalue().splitlines()
    else:
        client = doors.web if door == "web" else doors.admin
        url = "/upload/" if door == "web" else "/admin/knowledge/document/add/"
        response = client.post(url, web_form({}, files), follow=True)
        shown = [str(m) for m in response.context["messages"]]
        assert shown == [notice]
    assert Document.objects.count() == 1


@pytest.mark.parametrize("door", ("web", "api", "admin"))
def test_every_door_applies_the_same_metadata_rules(doors: Doors, door: str) -> None:
    """Authors are taken everywhere; pasted text needs no title (its first line is used)."""
    fields = {"text": "First line\nBeta Labs filed a motion.", "authors": "A. Writer; B. Writer"}
    if door == "api":
        body = {**fields, "authors": ["A. Writer", "B. Writer"]}
        assert doors.api.post("/api/v1/documents/", body, format="json").status_code == 202
    else:
        client = doors.web if door == "web" else doors.admin
        url = "/upload/" if door == "web" else "/admin/knowledge/document/add/"
        assert client.post(url, web_form(fields, {})).status_code == 302
    document = Document.objects.get()
    assert document.title == "First line"
    assert document.authors == ["A. Writer", "B. Writer"]


@pytest.mark.parametrize("door", ("web", "api", "admin"))
def test_a_url_submission_is_its_own_source(doors: Doors, door: str) -> None:
    """The URL becomes the source URL on every door; a different source URL is refused."""
    url = "https://news.example.org/story"
    other = {"url": url, "source_url": "https://elsewhere.example.org/"}
    refused = "The source URL of a URL submission is the URL itself: leave the source URL empty."
    assert getattr(doors, f"on_{door}")(other, {}) == [refused]
    if door == "api":
        response = doors.api.post("/api/v1/documents/", {"url": url}, format="json")
        assert response.status_code == 202
    else:
        client = doors.web if door == "web" else doors.admin
        target = "/upload/" if door == "web" else "/admin/knowledge/document/add/"
        assert client.post(target, web_form({"url": url}, {})).status_code == 302
    assert Document.objects.get().source_url == url
