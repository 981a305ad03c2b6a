"""Hostile files and fields through the upload page and the admin's add-document page: the form
comes back with the reason (escaped), nothing is created, and the site keeps serving."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from casebase.knowledge.models import Document, DocumentStatus

from . import pdfs
from .conftest import Bystander, assert_unaffected, snapshot, stored_files

pytestmark = pytest.mark.django_db
ReadPdf = Callable[[str], bytes]
ADMIN_ADD = "/admin/knowledge/document/add/"
SCRIPT_NAME = "<script>alert('xss-name')</script>"


def _noise(seed: int, size: int = 30_000) -> bytes:
    return random.Random(seed).randbytes(size)


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("noise.pdf", _noise(11), "binary"),
    ("latin.txt", b"caf\xe9 \x81\x8d\x8f\x90 broken", "neither UTF-8"),
    ("cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R", "corrupt or truncated"),
    ("pages.pdf", pdfs.doubling_page_tree(20), "page tree"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + _noise(12, 200), "PNG image"),
    (SCRIPT_NAME + ".txt", b"\x00\x01\x02 binary", "binary"),
]


def page_text(response: Any) -> str:
    return str(response.content.decode("utf-8", "replace"))


def assert_refused_form(response: Any, message: str) -> None:
    body = page_text(response)
    assert response.status_code in (200, 400), response.status_code
    assert message in body, body[-2000:]
    assert "<script>alert('xss-" not in body


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[f[0][:12] for f in BAD_FILES])
def test_upload_page_refuses_hostile_files(
    web_editor: Client, bystander: Bystander, name: str, data: bytes, message: str
) -> None:
    before = snapshot(bystander)
    upload = SimpleUploadedFile(name, data, "application/octet-stream")
    response = web_editor.post("/upload/", {"file": upload, "kind": "other"})
    assert response.status_code == 400
    assert_refused_form(response, message)
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[f[0][:12] for f in BAD_FILES])
def test_admin_add_page_refuses_hostile_files(
    admin_client_user: Client, bystander: Bystander, name: str, data: bytes, message: str
) -> None:
    before = snapshot(bystander)
    upload = SimpleUploadedFile(name, data, "application/octet-stream")
    response = admin_client_user.post(ADMIN_ADD, {"file": upload, "kind": "other"})
    assert_refused_form(response, message)
    assert_unaffected(before, bystander, admin_client_user)


def test_truncated_court_pdf_on_both_forms(
    web_editor: Client, admin_client_user: Client, bystander: Bystander, court_pdf: ReadPdf
) -> None:
    data = court_pdf("opinion_tax.pdf")[:40_000]
    before = snapshot(bystander)
    for client, url in ((web_editor, "/upload/"), (admin_client_user, ADMIN_ADD)):
        upload = SimpleUploadedFile("opinion.pdf", data, "application/pdf")
        assert_refused_form(client.post(url, {"file": upload, "kind": "order"}), "truncated")
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": "a\x00b", "title": "t"}, "Null characters are not allowed"),
        ({"text": "ok", "title": "t\x00"}, "Null characters are not allowed"),
        ({"text": "ok", "title": "t", "published": "2026-13-45"}, "2026-13-45"),
        (
            {"text": "ok", "title": "t", "kind": "<script>alert('xss-kind')</script>"},
            "valid choice",
        ),
        ({"url": "javascript:alert('xss-url')"}, "Enter a full http:// or https:// address."),
        ({"url": "file:///etc/passwd"}, "Enter a full http:// or https:// address."),
        ({"text": "ok", "title": "t", "docket_entry": "-1"}, "greater than or equal to 0"),
        ({"text": "ok", "title": "t", "docket_entry": "9" * 30}, "at most 10,000,000"),
        ({"text": "   ", "title": "t"}, "Give a file, pasted text or a URL"),
    ],
)
def test_bad_fields_come_back_escaped(
    web_editor: Client,
    admin_client_user: Client,
    bystander: Bystander,
    fields: dict[str, str],
    message: str,
) -> None:
    before = snapshot(bystander)
    data = {"kind": "other", **fields}
    assert_refused_form(web_editor.post("/upload/", data), message)
    assert_refused_form(admin_client_user.post(ADMIN_ADD, data), message)
    assert_unaffected(before, bystander)


def test_a_body_over_djangos_memory_limit_is_a_400(
    web_editor: Client, bystander: Bystander
) -> None:
    """6 MB of pasted text passes DATA_UPLOAD_MAX_MEMORY_SIZE (5 MB): Django answers 400."""
    before = snapshot(bystander)
    client = Client(raise_request_exception=False)
    client.cookies = web_editor.cookies
    response = client.post("/upload/", {"text": "word " * 1_300_000, "title": "t", "kind": "other"})
    assert response.status_code == 400
    assert_unaffected(before, bystander)


def test_a_file_over_the_upload_limit_is_refused(
    web_editor: Client, bystander: Bystander, settings: Any
) -> None:
    settings.CASEBASE_MAX_UPLOAD_BYTES = 50_000
    before = snapshot(bystander)
    upload = SimpleUploadedFile("big.txt", b"word " * 20_000, "text/plain")
    response = web_editor.post("/upload/", {"file": upload, "kind": "other"})
    assert (
        response.status_code == 400
        and "“big.txt” is 97.7 KiB; the limit is 48.8 KiB." in page_text(response)
    )
    assert_unaffected(before, bystander)


@pytest.mark.parametrize(
    "name",
    [
        "../../../../etc/cron.d/evil.txt",
        "..\\..\\windows\\evil.txt",
        SCRIPT_NAME + ".txt",
        ".txt",
        "a\x00b.txt",
        "x" * 400 + ".txt",
        "\u202etxt.exe",
    ],
    ids=["traversal", "backslashes", "script", "dot-txt", "nul", "long", "rlo"],
)
def test_hostile_file_names_stay_inside_media_and_are_escaped(
    web_editor: Client, bystander: Bystander, name: str
) -> None:
    data = f"A plain filing submitted as {name!r}.".encode()
    upload = SimpleUploadedFile(name, data, "text/plain")
    response = web_editor.post("/upload/", {"file": upload, "kind": "other"})
    assert response.status_code == 302, page_text(response)[-1500:]
    document = Document.objects.exclude(pk=bystander.document.pk).get()
    assert document.status == DocumentStatus.QUEUED
    root = Path(settings.MEDIA_ROOT).resolve()
    assert Path(document.original.path).resolve().is_relative_to(root)
    assert Path(document.original.path).read_bytes() == data
    assert len(stored_files()) == 2
    page = web_editor.get(response["Location"])
    assert page.status_code == 200 and "<script>alert('xss-" not in page_text(page)
