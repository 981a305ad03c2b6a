"""``CASEBASE_SEPARATE_STORE``: an "nlp" worker parses, a "store" worker analyses and stores.

Two real worker processes on Redis with PostgreSQL: the parse happens in one, the rules after
spaCy and the storing in the other, and a document waits as processing until its store task
runs (docs/deploy.md, "A separate store queue").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casebase.knowledge.models import Claim, Document, DocumentStatus, Mention
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes
from tests.data import NEWS_ARTICLE

from .conftest import Worker, purge_broker, wait_for
from .test_worker import known_entities

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SPLIT = {"CASEBASE_SEPARATE_STORE": "1"}


@pytest.fixture
def split_workers(transactional_db: None, tmp_path: Path) -> Iterator[tuple[Worker, Worker]]:
    purge_broker()
    nlp = Worker(log_dir=tmp_path / "nlp", queues="nlp", extra_env=SPLIT)
    store = Worker(log_dir=tmp_path / "store", queues="store", extra_env=SPLIT)
    nlp.log_dir.mkdir()
    store.log_dir.mkdir()
    try:
        yield nlp, store
    finally:
        nlp.stop()
        store.stop()
        purge_broker()


def test_a_store_worker_finishes_what_the_nlp_worker_parsed(
    split_workers: tuple[Worker, Worker],
) -> None:
    nlp, store = split_workers
    known_entities()
    nlp.start()
    document = ingest_bytes(
        NEWS_ARTICLE.read_bytes(),
        "news-article.txt",
        SubmissionMeta("news_article", published="2026-05-01"),
    ).document
    wait_for(lambda: "{'parsed': 1}" in nlp.log_text(), 120, "the nlp worker to parse", nlp)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PROCESSING  # parsed, not stored: no store worker
    assert not Mention.objects.filter(document=document).exists()

    store.start()
    wait_for(
        lambda: Document.objects.get(pk=document.pk).status == DocumentStatus.DONE,
        120,
        "the store worker to finish the document",
        store,
    )
    document.refresh_from_db()
    assert document.attempts == 1 and document.error == ""
    assert {"parse", "analyse", "store"} <= set(document.timings)
    slugs = set(Mention.objects.filter(document=document).values_list("entity__slug", flat=True))
    assert {"elon-musk", "openai", "xai", "grok", "the-verge"} <= slugs
    assert Claim.objects.filter(document=document, verb="testified").exists()
    assert document.evidence.filter(event__date="2026-04-30").exists()
    assert "store_parsed[" in store.log_text() and "store_parsed[" not in nlp.log_text()
