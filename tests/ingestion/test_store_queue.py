"""A separate store queue (``CASEBASE_SEPARATE_STORE``): the same rows as in one process,
each document stored once however its store task is delivered."""

from __future__ import annotations

import json
from typing import Any

import pytest
from kombu.exceptions import OperationalError as BrokerError

from casebase.knowledge.models import Claim, Document, DocumentStatus, Entity, Event, Mention
from casebase.pipeline import tasks
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes, reprocess
from tests.analysis.conftest import SEED_KNOWN
from tests.data import NEWS_ARTICLE
from tests.factories import known_entity_rows

pytestmark = pytest.mark.django_db

META = SubmissionMeta(kind="news_article", published="2026-05-01")


@pytest.fixture
def known_entities(db: Any) -> None:
    known_entity_rows(SEED_KNOWN)


def rows(document: Document) -> dict[str, list[Any]]:
    """What a reader sees of the document's analysis, in a stable order."""
    mentions = Mention.objects.filter(document=document).order_by("start", "end")
    claims = Claim.objects.filter(document=document).order_by("start", "end")
    events = Event.objects.filter(evidence__document=document).order_by("date", "title")
    return {
        "mentions": list(mentions.values_list("entity__slug", "start", "end")),
        "claims": list(claims.values_list("speaker__slug", "verb", "start", "end", "content")),
        "events": list(events.values_list("date", "date_precision", "title")),
        "entities": sorted(Entity.objects.values_list("slug", flat=True)),
    }


def test_a_store_worker_stores_what_one_process_stores(
    run_tasks_inline: list[int], known_entities: None, settings: Any
) -> None:
    document = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news.txt", META).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    in_process = rows(document)
    assert in_process["mentions"] and in_process["claims"] and in_process["events"]

    settings.CASEBASE_SEPARATE_STORE = True
    reprocess(document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert {"parse", "analyse", "store"} <= set(document.timings)
    assert rows(document) == in_process


@pytest.fixture
def parsed_batch(
    run_tasks_inline: list[int],
    known_entities: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Document, list[dict[str, Any]]]:
    """A document parsed by the nlp side, its store batch held back (as if in the broker)."""
    settings.CASEBASE_SEPARATE_STORE = True
    held: list[dict[str, Any]] = []
    carried = lambda batch: held.append(json.loads(json.dumps(batch)))  # noqa: E731
    monkeypatch.setattr(tasks, "send_store", carried)
    document = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news.txt", META).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.PROCESSING and len(held) == 1
    assert not Mention.objects.filter(document=document).exists()
    return document, held


def test_a_redelivered_store_task_stores_once(
    parsed_batch: tuple[Document, list[dict[str, Any]]],
) -> None:
    document, held = parsed_batch
    assert tasks.store_parsed.run(held[0]) == {"done": 1}
    first = rows(document)
    assert first["mentions"]
    assert tasks.store_parsed.run(held[0]) == {"superseded": 1}  # delivered again
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE and document.attempts == 1
    assert rows(document) == first


def test_a_batch_superseded_by_a_new_claim_is_dropped(
    parsed_batch: tuple[Document, list[dict[str, Any]]],
) -> None:
    document, held = parsed_batch
    outcome = tasks.process_and_send_ocr([document.pk])  # e.g. the stalled-documents sweep
    assert outcome == {"parsed": 1} and len(held) == 2
    assert tasks.store_parsed.run(held[0]) == {"superseded": 1}
    assert not Mention.objects.filter(document=document).exists()
    assert tasks.store_parsed.run(held[1]) == {"done": 1}
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE and document.attempts == 2


def test_a_deleted_document_is_skipped(
    parsed_batch: tuple[Document, list[dict[str, Any]]],
) -> None:
    document, held = parsed_batch
    document.delete()
    assert tasks.store_parsed.run(held[0]) == {"skipped": 1}


def test_with_the_broker_down_the_nlp_worker_stores_itself(
    run_tasks_inline: list[int],
    known_entities: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.CASEBASE_SEPARATE_STORE = True
    monkeypatch.undo()  # the real send_store, with a broker that refuses
    monkeypatch.setattr(tasks, "send_processing", lambda pk: tasks.process_document.run(pk))

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise BrokerError("connection refused")

    monkeypatch.setattr(tasks.store_parsed, "delay", refuse)
    document = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news.txt", META).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert Mention.objects.filter(document=document).exists()


def test_a_text_spacy_cannot_parse_fails_its_document_only(
    parsed_batch: tuple[Document, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    document, held = parsed_batch
    entry = dict(held[0]["jobs"][0], doc="bm90IGEgZG9j")  # base64 of bytes that are no Doc
    assert tasks.store_parsed.run({"jobs": [entry]}) == {"failed": 1}
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith("Analysis failed:") and document.original
