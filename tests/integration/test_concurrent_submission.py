"""The same file submitted at the same moment from several threads: one document, on PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from casebase.knowledge.models import Document
from casebase.pipeline.intake import IngestResult, SubmissionMeta, ingest_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_concurrent_duplicates_make_one_document() -> None:
    data = b"The same filing, submitted four times at once. " * 40
    barrier = threading.Barrier(4)
    results: list[IngestResult] = []
    errors: list[BaseException] = []

    def submit(number: int) -> None:
        try:
            barrier.wait()
            results.append(ingest_bytes(data, f"copy{number}.txt", SubmissionMeta(), enqueue=False))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(results) == 4
    assert sum(r.created for r in results) == 1
    assert len({r.document.pk for r in results}) == 1
    assert Document.objects.count() == 1
    document = Document.objects.get()
    stored = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert Path(document.original.path) in stored
    assert sum(1 for p in stored if document.content_hash in str(p)) == 1
