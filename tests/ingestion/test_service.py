"""The intake service: every bad input, de-duplication, and processing with the real pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import IntegrityError

from casebase.knowledge.data_version import bump_data_version
from casebase.knowledge.models import (
    Case,
    Claim,
    Document,
    DocumentStatus,
    Entity,
    Event,
    Mention,
)
from casebase.pipeline import intake
from casebase.pipeline.intake import (
    IngestError,
    SubmissionMeta,
    ingest_bytes,
    ingest_json,
    ingest_text,
    ingest_url,
    reprocess,
)
from tests.analysis.conftest import SEED_KNOWN
from tests.data import NEWS_ARTICLE
from tests.data.pdfs import order_pdf
from tests.factories import known_entity_rows

from .conftest import LocalServer

pytestmark = pytest.mark.django_db
ReadPdf = Callable[[str], bytes]


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def known_entities(db: Any) -> dict[str, Entity]:
    """The knowledge base of the analysis tests (SEED_KNOWN), by slug."""
    return known_entity_rows(SEED_KNOWN)


# --- bad inputs leave nothing behind ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n  ", "empty"),
        (b"Text \x81\x8d\x8f\x90 bytes", "neither UTF-8"),
        (b"%PDF-1.4\nbroken\n%%EOF", "corrupt"),
        (b"\x89PNG\r\n\x1a\nimage", "PNG image"),
        (b'[{"text": "a"}, {"text": "b"}]', "holds 2 documents"),
        (b'{"title": "no text"}', "non-empty"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_created(data: bytes, message: str) -> None:
    before = stored_files()
    with pytest.raises(IngestError, match=message):
        ingest_bytes(data, "input.txt", SubmissionMeta())
    assert Document.objects.count() == 0
    assert stored_files() == before


def test_huge_input_is_refused(settings: Any) -> None:
    settings.CASEBASE_MAX_UPLOAD_BYTES = 2048
    with pytest.raises(IngestError, match="limit is 2 KiB"):
        ingest_bytes(b"a" * 4096, "big.txt", SubmissionMeta())
    assert Document.objects.count() == 0


def test_corrupt_pdf_is_refused() -> None:
    data = order_pdf()
    with pytest.raises(IngestError, match="corrupt or truncated"):
        ingest_bytes(data[: len(data) // 3], "cut.pdf", SubmissionMeta())
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (SubmissionMeta(kind="novel"), "Unknown document kind"),
        (SubmissionMeta(published="soon"), "is not a date"),
        (SubmissionMeta(published="2026-02-30"), "is not a date"),
        (SubmissionMeta(case_slug="no-such-case"), "No case"),
        (SubmissionMeta(source_url="javascript:alert(1)"), "source URL"),
    ],
)
def test_bad_metadata_is_refused(meta: SubmissionMeta, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        ingest_bytes(b"Some text about a case.", "a.txt", meta)
    assert Document.objects.count() == 0
    assert stored_files() == []


# --- storing and de-duplication ---------------------------------------------------------------


def test_document_is_queued_with_its_original(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = ingest_bytes(
            b"Musk said so.",
            "note.txt",
            SubmissionMeta(kind="news_article", published="2026-05", publisher="The Verge"),
        )
    document = result.document
    assert result.created is True
    assert document.status == DocumentStatus.QUEUED
    assert document.queued_at is not None
    assert document.original.read() == b"Musk said so."
    assert document.title == "note"
    assert document.published_on.isoformat() == "2026-05-01"
    assert document.published_precision == "month"
    assert document.media_type == "text/plain"
    # the task is sent on commit, not before (the other callback bumps the data version)
    assert len([c for c in callbacks if c is not bump_data_version]) == 1
    assert bump_data_version in callbacks


def test_same_content_finds_the_existing_document() -> None:
    first = ingest_bytes(b"Exactly the same bytes.", "one.txt", SubmissionMeta())
    second = ingest_bytes(b"Exactly the same bytes.", "two.txt", SubmissionMeta(title="Other"))
    assert second.created is False
    assert second.document.pk == first.document.pk
    assert Document.objects.count() == 1
    assert len(stored_files()) == 1


def test_concurrent_duplicate_is_resolved_by_the_unique_constraint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two submissions race past the lookup; the loser's insert hits the constraint."""
    winner = ingest_bytes(b"Raced content.", "a.txt", SubmissionMeta()).document
    real_existing = intake.existing_document
    calls: list[str] = []

    def blind_first(digest: str) -> Document | None:
        calls.append(digest)
        return None if len(calls) == 1 else real_existing(digest)

    monkeypatch.setattr(intake, "existing_document", blind_first)
    loser = ingest_bytes(b"Raced content.", "b.txt", SubmissionMeta())
    assert loser.created is False and loser.document.pk == winner.pk
    assert len(calls) == 2
    assert Document.objects.count() == 1
    assert len(stored_files()) == 1  # the loser's file was removed


def test_taken_corpus_key_is_a_clear_error() -> None:
    ingest_text("First text.", SubmissionMeta(corpus_key="k1"))
    with pytest.raises(IngestError, match="Corpus key"):
        ingest_text("Second text.", SubmissionMeta(corpus_key="k1"))
    assert Document.objects.count() == 1


def test_database_errors_are_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_save(self: Document, *args: Any, **kwargs: Any) -> None:
        raise IntegrityError("NOT NULL constraint failed: something else")

    monkeypatch.setattr(Document, "save", broken_save)
    with pytest.raises(IntegrityError):
        ingest_text("Text.", SubmissionMeta())
    assert stored_files() == []


def test_json_bulk_import_gives_one_result_per_item() -> None:
    payload = [
        {"text": "First imported text.", "title": "One", "published": "2024-11-14"},
        {"text": "First imported text.", "title": "Duplicate"},
        {"text": "Third.", "kind": "not-a-kind"},
    ]
    results = ingest_json(json.dumps(payload).encode(), SubmissionMeta(kind="news_article"))
    first, duplicate, bad = results
    assert not isinstance(first, IngestError) and first.created
    assert first.document.title == "One" and first.document.kind == "news_article"
    assert not isinstance(duplicate, IngestError) and duplicate.created is False
    assert isinstance(bad, IngestError)
    assert Document.objects.count() == 1


# --- processing with the real pipeline --------------------------------------------------------


def test_news_article_end_to_end(run_tasks_inline: list[int], known_entities: Any) -> None:
    meta = SubmissionMeta(kind="news_article", published="2026-05-01")
    result = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news-article.txt", meta)
    document = Document.objects.get(pk=result.document.pk)
    assert run_tasks_inline == [document.pk]
    assert document.status == DocumentStatus.DONE, document.error
    assert document.attempts == 1
    assert document.pipeline_version
    assert {"extract", "analyse", "store", "total"} <= set(document.timings)
    linked = set(Mention.objects.filter(document=document).values_list("entity__slug", flat=True))
    assert {"elon-musk", "openai", "xai", "grok", "the-verge"} <= linked
    claim = Claim.objects.filter(document=document, verb="testified").first()
    assert claim is not None and claim.speaker == known_entities["elon-musk"]
    dates = set(
        Event.objects.filter(evidence__document=document).values_list("date", "date_precision")
    )
    assert any(d.isoformat() == "2026-04-30" and p == "day" for d, p in dates)


def test_without_publication_date_thursday_stays_unresolved(
    run_tasks_inline: list[int], known_entities: Any
) -> None:
    result = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news.txt", SubmissionMeta())
    document = Document.objects.get(pk=result.document.pk)
    assert document.status == DocumentStatus.DONE
    anchors = [e["anchor"] for e in document.metadata["unresolved_events"]]
    assert any("Thursday" in a for a in anchors)
    assert not Event.objects.filter(evidence__document=document, date__year=2026).exists()


def test_reprocessing_leaves_identical_counts(
    run_tasks_inline: list[int], known_entities: Any
) -> None:
    meta = SubmissionMeta(kind="news_article", published="2026-05-01")
    document = ingest_bytes(NEWS_ARTICLE.read_bytes(), "news.txt", meta).document

    def counts() -> tuple[int, ...]:
        return (
            Mention.objects.filter(document=document).count(),
            Claim.objects.filter(document=document).count(),
            Event.objects.count(),
            Entity.objects.count(),
            document.citations.count(),
            document.evidence.count(),
        )

    first = counts()
    assert first[0] > 0 and first[1] > 0
    reprocess(document)
    reprocess(document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    assert document.attempts == 1  # counted afresh for each run
    assert counts() == first


def test_pdf_without_text_layer_needs_ocr(run_tasks_inline: list[int], court_pdf: ReadPdf) -> None:
    for name in ("ocr_pdf_test.pdf", "opinion_pdf_image_based.pdf"):
        document = ingest_bytes(court_pdf(name), name, SubmissionMeta(kind="opinion")).document
        document.refresh_from_db()
        assert document.status == DocumentStatus.NEEDS_OCR
        assert "needs OCR" in document.error
        assert document.original.read() == court_pdf(name)
        assert document.metadata["needs_ocr"] == [1]
        assert not document.mentions.exists()


def test_court_pdf_is_processed_with_its_page_map(
    run_tasks_inline: list[int], court_pdf: ReadPdf
) -> None:
    name = "gov.uscourts.ca8.17-2543.00803263743.0.pdf"
    document = ingest_bytes(court_pdf(name), name, SubmissionMeta(kind="motion")).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert len(document.page_offsets) == 3
    assert document.metadata["extracted"]["ecf"]["docket_number"] == "17-2543"
    assert document.metadata["needs_ocr"] == [3]
    # No publication date was given: the ECF filing date, read from the header, is used.
    assert document.published_on.isoformat() == "2017-07-26"
    assert document.metadata["published_source"] == "ecf"
    assert "Appellate Case:" not in document.text


def test_failure_keeps_the_original_and_can_be_rerun(
    run_tasks_inline: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebase.analysis import pipeline

    real_many, real_one = pipeline.analyse_many, pipeline.analyse

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("model exploded")

    monkeypatch.setattr("casebase.analysis.pipeline.analyse_many", broken)
    monkeypatch.setattr("casebase.analysis.pipeline.analyse", broken)
    document = ingest_text("Elon Musk said xAI is fine.", SubmissionMeta()).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "model exploded" in document.error
    assert document.original.read() == b"Elon Musk said xAI is fine."
    monkeypatch.setattr("casebase.analysis.pipeline.analyse_many", real_many)
    monkeypatch.setattr("casebase.analysis.pipeline.analyse", real_one)
    reprocess(document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    assert document.error == ""
    assert document.attempts == 1


def test_url_submission_is_fetched_and_processed(
    run_tasks_inline: list[int], settings: Any, local_server: LocalServer
) -> None:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]
    result = ingest_url(local_server.base + "/doc", SubmissionMeta(kind="news_article"))
    document = Document.objects.get(pk=result.document.pk)
    assert document.status == DocumentStatus.DONE, document.error
    assert document.title == "Local page"
    assert document.metadata["title_source"] == "html"
    assert "Elon Musk testified" in document.text
    again = ingest_url(local_server.base + "/doc", SubmissionMeta())
    assert again.created is False and again.document.pk == document.pk


def test_private_url_is_refused_at_submission(
    run_tasks_inline: list[int], local_server: LocalServer
) -> None:
    with pytest.raises(IngestError, match="private, loopback or link-local"):
        ingest_url(local_server.base + "/doc", SubmissionMeta())
    assert not Document.objects.exists()
    assert local_server.hits == []


def test_case_is_attached(run_tasks_inline: list[int]) -> None:
    case = Case.objects.create(slug="musk-v-altman", caption="Musk v. Altman", short_name="Musk")
    document = ingest_text("A filing.", SubmissionMeta(case_slug="musk-v-altman")).document
    assert document.case == case


def test_pasted_text_is_titled_by_its_first_line() -> None:
    text = "\n  Musk Confirms xAI Used OpenAI Models\nBody."
    document = ingest_text(text, SubmissionMeta()).document
    assert document.title == "Musk Confirms xAI Used OpenAI Models"
    assert ingest_text("Other.", SubmissionMeta(title="Given")).document.title == "Given"


def test_hostile_html_is_stored_as_text_only(run_tasks_inline: list[int]) -> None:
    page = (
        b"<html><head><title>Report</title><script>steal()</script></head><body>"
        b"<iframe src='http://evil.example/'></iframe><article><p>"
        + b"Elon Musk testified in Oakland on the distillation question. " * 8
        + b"</p><img src=x onerror=alert(1)></article></body></html>"
    )
    document = ingest_bytes(page, "report.html", SubmissionMeta(kind="news_article")).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert document.media_type == "text/html"
    assert document.title == "Report"
    assert "Elon Musk testified" in document.text
    for leaked in ("steal", "evil", "onerror", "alert", "<"):
        assert leaked not in document.text


def test_many_reprocessings_are_not_mistaken_for_a_dying_worker(
    run_tasks_inline: list[int], settings: Any
) -> None:
    settings.CASEBASE_MAX_ATTEMPTS = 2
    document = ingest_text("Elon Musk testified on Thursday.", SubmissionMeta()).document
    for _ in range(3):
        reprocess(document)
        assert document.status == DocumentStatus.DONE and document.attempts == 1
    # A run whose claims keep being lost gives up after the limit, with a clear reason.
    Document.objects.filter(pk=document.pk).update(status=DocumentStatus.PROCESSING, attempts=2)
    from casebase.pipeline.processing import process_documents

    assert process_documents([document.pk]) == {"skipped": 1}
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "Gave up after 2 attempts" in document.error


def test_entities_the_pipeline_created_stay_out_of_the_ruler(
    run_tasks_inline: list[int], known_entities: dict[str, Entity]
) -> None:
    from casebase.pipeline.processing import known_for_analysis

    Entity.objects.create(name="Bartz", slug="bartz", kind="person", origin="extracted")
    assert {k.slug for k in known_for_analysis()} == {e.slug for e in known_entities.values()}
    # Found again, an extracted entity is still linked, by its name, not created twice.
    first = ingest_text("Bartz said the settlement was fair. Bartz testified.", SubmissionMeta())
    second = ingest_text("Later, Bartz said more about Anthropic.", SubmissionMeta())
    assert Entity.objects.filter(name="Bartz").count() == 1
    bartz = Entity.objects.get(name="Bartz")
    for result in (first, second):
        mentions = Mention.objects.filter(document=result.document, entity=bartz)
        assert mentions.exists(), Mention.objects.filter(document=result.document).values_list(
            "text", flat=True
        )


def test_the_worker_uses_the_media_type_sniffed_at_submission(
    run_tasks_inline: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes are sniffed once, when submitted; the worker reads ``document.media_type``."""
    from casebase.sources import sniff
    from casebase.text import extract

    sniffed: list[int] = []

    def counting(data: bytes) -> str:
        sniffed.append(len(data))
        return sniff.sniff_media_type(data)

    monkeypatch.setattr(intake, "sniff_media_type", counting)
    monkeypatch.setattr(extract, "sniff_media_type", counting)
    page = b"<html><body><article><p>" + b"Beta Labs filed a motion in Oakland. " * 8
    page += b"</p></article></body></html>"
    document = ingest_bytes(page, "m.html", SubmissionMeta())
    document.document.refresh_from_db()
    assert run_tasks_inline == [document.document.pk]
    assert document.document.status == DocumentStatus.DONE, document.document.error
    assert document.document.media_type == "text/html"
    assert sniffed == [len(page)]  # at submission only


def test_pasted_markup_stays_text(run_tasks_inline: list[int]) -> None:
    """Pasted text is stored as text/plain and read as such, even when it looks like HTML."""
    text = "<p>Beta Labs filed a motion to dismiss in Oakland.</p>"
    document = ingest_text(text, SubmissionMeta(title="Pasted markup")).document
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert document.media_type == "text/plain" and document.text == text
