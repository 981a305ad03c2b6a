"""Originals are downloads, never pages: an uploaded HTML file must not run in our origin."""

from __future__ import annotations

import pytest

from casebase.pipeline.intake import SubmissionMeta, ingest_bytes

pytestmark = pytest.mark.django_db

HOSTILE = b"<html><body><p>Filed today.</p><script>alert(document.cookie)</script></body></html>"


def test_original_is_served_as_an_inert_attachment(client) -> None:
    document = ingest_bytes(
        HOSTILE, "filing.html", SubmissionMeta(kind="other", reviewed=True)
    ).document
    response = client.get(f"/documents/{document.pk}/original")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == HOSTILE
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert f'href="/documents/{document.pk}/original"' in page
    assert "<script>alert" not in page


def test_no_original_is_a_404_and_media_is_not_served(client) -> None:
    document = ingest_bytes(HOSTILE, "filing.html", SubmissionMeta(kind="other")).document
    assert client.get("/documents/999999/original").status_code == 404
    assert client.get("/media/" + document.original.name).status_code == 404
