"""The history records the pipeline's writes (bulk inserts included) with what made them."""

from __future__ import annotations

import pytest

from casebase.analysis.pipeline import PIPELINE_VERSION
from casebase.curation import review
from casebase.knowledge.models import Claim, Document, Entity, Event, Evidence
from casebase.pipeline import processing
from casebase.pipeline.intake import SubmissionMeta, ingest_text
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "Ada Wolfram testified on 3 March 2026 that Quillfeather Labs copied the model."
REASON = f"pipeline {PIPELINE_VERSION}"


def _processed() -> Document:
    meta = SubmissionMeta(kind="news_article", title="Wolfram testimony")
    document = ingest_text(TEXT, meta, enqueue=False).document
    processing.process_documents([document.pk])
    document.refresh_from_db()
    assert document.status == "done", document.error
    return document


def test_pipeline_inserts_are_recorded_with_the_pipeline_version() -> None:
    document = _processed()
    events = Event.objects.filter(evidence__document=document)
    claims = Claim.objects.filter(document=document)
    entities = Entity.objects.filter(mentions__document=document, origin="extracted").distinct()
    evidence = Evidence.objects.filter(document=document)
    assert events.exists() and claims.exists() and entities.exists() and evidence.exists()
    for rows in (events, claims, entities, evidence):
        for row in rows:
            created = row.history.get(history_type="+")  # type: ignore[attr-defined]
            assert created.history_change_reason == REASON, row
            assert created.history_user is None
    # the document's own record of the run (its metadata rows), with the same reason
    assert document.history.filter(history_change_reason=REASON).exists()  # type: ignore[attr-defined]


def test_a_rerun_records_the_deletions_and_a_review_records_the_reviewer() -> None:
    document = _processed()
    claim = Claim.objects.get(document=document)
    editor = factories.UserFactory(username="ed", permissions=["change_claim"])
    review.decide(Claim.objects.filter(pk=claim.pk), "approved", editor)
    decision = claim.history.order_by("-history_date").first()  # type: ignore[attr-defined]
    assert decision.history_user == editor and decision.history_change_reason == "Review: Approved."
    event = Event.objects.filter(evidence__document=document).first()
    assert event is not None
    document.status = "queued"
    document.save()
    processing.process_documents([document.pk])
    deleted = Event.history.filter(id=event.pk, history_type="-")  # type: ignore[attr-defined]
    assert deleted.get().history_change_reason == REASON  # replaced by the re-run
    assert not claim.history.filter(history_type="-").exists()  # type: ignore[attr-defined]
