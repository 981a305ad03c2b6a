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


def test_pipeline_records_keep_the_relations_and_approving_all_changes_only_the_decision() -> None:
    """The "created" record of an extracted event (claim) holds the entities it names (is
    about); "approve all from this document" is then one change of the review fields only,
    not a seeming removal or addition of entities."""
    from casebase.queries.history import history_of

    document = _processed()
    events = list(Event.objects.filter(evidence__document=document).distinct())
    claims = list(Claim.objects.filter(document=document))
    named = [(event, {e.pk for e in event.entities.all()}) for event in events]
    assert any(ids for _, ids in named), "the text names entities in its event"
    for event, ids in named:
        created = event.history.get(history_type="+")  # type: ignore[attr-defined]
        assert {row.entity_id for row in created.entities.all()} == ids
    for claim in claims:
        created = claim.history.get(history_type="+")  # type: ignore[attr-defined]
        assert {row.entity_id for row in created.about.all()} == {e.pk for e in claim.about.all()}
    editor = factories.UserFactory(username="ed", permissions=["change_event", "change_claim"])
    review.approve_document(document, editor)
    for row in [*events, *claims]:
        latest = history_of(row)[0]
        assert (latest.kind, latest.user, latest.reason) == ("changed", "ed", "Review: Approved.")
        assert {c.field for c in latest.changes} <= {"review_status", "reviewed_by", "reviewed_at"}
        assert "review_status" in {c.field for c in latest.changes}


def test_docket_checks_and_source_fetch_bookkeeping_leave_history() -> None:
    """Queryset updates of tracked rows (the docket sync's "last checked", a citation record
    queued for fetching) are recorded like saves."""
    from casebase.knowledge.history import recorded_as
    from casebase.pipeline.courtlistener import cases_due
    from casebase.pipeline.source_fetching import mark_pending

    case = factories.CaseFactory(slug="linked", courtlistener_id=99)
    record = factories.DocumentFactory(
        status="reference", source_url="https://example.org/a", content_hash=None
    )
    with recorded_as("command sync"):
        assert [c.pk for c in cases_due()] == [case.pk]
        assert mark_pending([record.pk]) == 1
    checked = case.history.order_by("-history_date", "-history_id").first()  # type: ignore[attr-defined]
    assert (checked.history_type, checked.docket_check_note) == ("~", "Check queued.")
    assert checked.history_change_reason == "command sync"
    queued = record.history.order_by("-history_date", "-history_id").first()  # type: ignore[attr-defined]
    assert (queued.history_type, queued.fetch_status) == ("~", "pending")


def test_created_records_of_a_symmetrical_relation_hold_both_ends_as_the_rows_stand() -> None:
    """``record_created`` copies history inside the database; for a symmetrical relation it
    reads the through table in both directions, as the row-by-row snapshot does: a link
    written one way only (a -> b) is in both records, each pair once."""
    from casebase.knowledge.history import record_created
    from casebase.knowledge.models import Case

    a, b, c = factories.CaseFactory(), factories.CaseFactory(), factories.CaseFactory()
    through = Case.related.through
    through.objects.bulk_create([through(from_case=a, to_case=b)])  # one direction only
    through.objects.bulk_create(
        [through(from_case=a, to_case=c), through(from_case=c, to_case=a)]  # both directions
    )
    record_created(Case, [a, b, c])
    held = {
        case.pk: sorted(
            row.to_case_id
            for row in case.history.filter(history_type="+").latest("history_id").related.all()
        )
        for case in (a, b, c)
    }
    assert held == {a.pk: sorted([b.pk, c.pk]), b.pk: [a.pk], c.pk: [a.pk]}


def _record_values(record: object, *varying: str) -> dict[str, object]:
    """A history record's values, without its own ids and date and the ``varying`` fields."""
    values = {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}  # type: ignore[attr-defined]
    for name in ("history_id", "history_date", *varying):
        values.pop(name)
    return values


#: What differs between two claims a factory made.
DIFFERING = ("id", "content", "end", "created_at")


def test_delete_recorded_writes_the_records_the_signal_writes_once_each() -> None:
    """``delete_recorded`` (one INSERT ... SELECT for all the rows) leaves the same "deleted"
    records as Django's delete with simple-history's signal (one INSERT a row), and only one a
    row; what cascades from the rows goes as with ``delete()``."""
    from casebase.knowledge.history import delete_recorded, recorded_as

    document = factories.DocumentFactory()
    entity = factories.EntityFactory()
    by_signal, by_copy, kept = (
        factories.ClaimFactory(document=document, about=[entity], verb="said") for _ in range(3)
    )
    with recorded_as("pipeline test"):
        Claim.objects.filter(pk=by_signal.pk).delete()
        assert delete_recorded(Claim.objects.filter(pk__in=[by_copy.pk, 0])) == 1
    deleted = {
        row.pk: row.history.filter(history_type="-")  # type: ignore[attr-defined]
        for row in (by_signal, by_copy)
    }
    assert [len(records) for records in deleted.values()] == [1, 1]
    copied, signalled = deleted[by_copy.pk].get(), deleted[by_signal.pk].get()
    assert copied.history_change_reason == "pipeline test"
    assert _record_values(copied, *DIFFERING) == _record_values(signalled, *DIFFERING)
    assert not copied.about.exists() and not signalled.about.exists()  # as for any deletion
    assert list(Claim.objects.filter(document=document)) == [kept]
    assert set(kept.about.all()) == {entity}  # the kept row's relation rows stay


def test_a_rerun_records_each_replaced_claim_and_evidence_deleted_once() -> None:
    document = _processed()
    claims = list(Claim.objects.filter(document=document))
    evidence = list(Evidence.objects.filter(document=document))
    assert claims and evidence
    document.status = "queued"
    document.save()
    processing.process_documents([document.pk])
    for row in [*claims, *evidence]:
        deleted = row.history.filter(history_type="-")  # type: ignore[attr-defined]
        assert deleted.count() == 1, row
        record = deleted.get()
        assert record.history_change_reason == REASON and record.history_user is None
        created = row.history.get(history_type="+")  # type: ignore[attr-defined]
        assert {**_record_values(record), "history_type": "+"} == {
            **_record_values(created),
            "history_change_reason": REASON,
        }
