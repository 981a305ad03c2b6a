"""Storing a task's analyses (``processing._store_jobs``: one transaction a document, the
curated events and known quotes read once for the task, history relations known to be empty
not copied) stores exactly the rows that storing each analysis on its own does
(``store_analysis`` with nothing shared), history included; storing again replaces, never
duplicates; and a document whose storing fails fails alone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.apps import apps
from django.db import models, transaction

from casebase.analysis.types import Analysis
from casebase.knowledge.history import recorded_as
from casebase.knowledge.models import (
    Case,
    Claim,
    Document,
    DocumentStatus,
    Entity,
    Event,
    Evidence,
    Origin,
)
from casebase.pipeline import processing, storing
from casebase.pipeline.intake import SubmissionMeta, ingest_text

pytestmark = pytest.mark.django_db(transaction=True)

# Two accounts quote the same words differently (a misquote link between their claims), both
# name a curated event's entity on its date (evidence for it), one cites a known docket.
TEXTS = [
    "Elon Musk sued OpenAI in San Francisco on March 1, 2024, the complaint says. Musk wrote "
    'that "OpenAI was founded to be an open-source, nonprofit company that would serve as a '
    'counterweight to Google." The case is No. 4:24-cv-04722-YGR. See 17 U.S.C. § 107.',
    "OpenAI said on March 5, 2024 that the lawsuit by Elon Musk was without merit. Musk had "
    'written that "OpenAI was created as an open-source, nonprofit company to serve as a '
    'counterweight to Google," the filing says. Sam Altman testified on May 2, 2024.',
    "Sam Altman said on March 1, 2024 that Elon Musk sued OpenAI. Judge Yvonne Gonzalez Rogers "
    "set a trial date on March 13, 2025, according to Reuters. Microsoft Corporation declined "
    "to comment.",
]

# What identifies a row besides its key: the models storing writes, and how a row of each is
# named by the rows pointing at it.
NATURAL = {
    "Document": lambda row: row.title,
    "Entity": lambda row: row.slug,
    "Case": lambda row: row.slug,
    "Event": lambda row: (row.title, str(row.date), row.origin),
    "Claim": lambda row: (row.document.title, row.fingerprint),
}
STORED = ["Entity", "Mention", "Claim", "Citation", "Event", "Evidence", "EventLink"]
SKIPPED = {"id", "created_at", "updated_at", "history_id", "history_date"}


def natural(value: Any) -> Any:
    if isinstance(value, models.Model):  # a row storing never writes: by its key
        name = type(value).__name__
        return NATURAL[name](value) if name in NATURAL else (name, value.pk)
    return value


def row_of(row: models.Model, relations: bool = True) -> tuple[Any, ...]:
    fields = [f for f in row._meta.concrete_fields if f.name not in SKIPPED]
    values = tuple(natural(getattr(row, f.name)) for f in fields)
    if not relations:
        return values
    held = tuple(
        tuple(sorted(natural(other) for other in getattr(row, f.name).all()))
        for f in row._meta.many_to_many
    )
    return (*values, *held)


def stored_rows(history: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row storing writes, with its relations, by natural keys (not by row ids), and
    (``history``) every history row of those models (values, type and change reason) and of
    their relations."""
    rows = {
        name: sorted(map(row_of, apps.get_model("knowledge", name).objects.all()), key=repr)
        for name in STORED
    }
    for name in STORED if history else ():
        model = apps.get_model("knowledge", name)
        manager = getattr(model, "history", None)
        if manager is None:
            continue
        records = [
            (row_of(r.instance, relations=False), r.history_type, r.history_change_reason)
            for r in manager.model.objects.all()
        ]
        rows[f"history of {name}"] = sorted(records, key=repr)
        for field in model._meta.many_to_many:
            through = apps.get_model("knowledge", f"Historical{name}_{field.name}")
            own = f"{field.m2m_field_name()}_id"
            other = f"{field.m2m_reverse_field_name()}_id"
            snapshot = [
                (record.history.history_type, getattr(record, own) is not None)
                for record in through.objects.select_related("history")
                if getattr(record, other) is not None
            ]
            rows[f"history of {name}.{field.name}"] = sorted(snapshot, key=repr)
    return rows


def assert_history_holds_the_relations() -> None:
    """Each claim's and event's latest history record keeps the relations it holds now (what
    a snapshot copied on insert, or recorded when a later document linked to it, must say)."""
    for model in (Claim, Event):
        for row in model.objects.all():
            latest = row.history.order_by("-history_id").first()  # type: ignore[attr-defined]
            assert latest is not None, row
            for field in model._meta.many_to_many:
                through = apps.get_model("knowledge", f"Historical{model.__name__}_{field.name}")
                other = f"{field.m2m_reverse_field_name()}_id"
                kept = set(through.objects.filter(history=latest).values_list(other, flat=True))
                now = set(getattr(row, field.name).values_list("pk", flat=True))
                assert kept == now, (row, field.name)


HISTORY_BEFORE: dict[str, int] = {}


def world() -> list[Document]:
    """A curated entity, case and event, and the three documents, submitted."""
    musk = Entity.objects.create(name="Elon Musk", slug="elon-musk", kind="person")
    Case.objects.create(
        slug="musk-v-altman", caption="Musk v. Altman", docket_number="4:24-cv-04722-YGR"
    )
    curated = Event.objects.create(
        title="Musk sues OpenAI",
        summary="Elon Musk sued OpenAI in San Francisco.",
        date=dt.date(2024, 3, 1),
        date_precision="day",
        origin=Origin.CURATED,
    )
    curated.entities.add(musk)
    for name in STORED:
        history = getattr(apps.get_model("knowledge", name), "history", None)
        if history is not None:
            last = history.model.objects.order_by("-history_id").first()
            HISTORY_BEFORE[name] = last.history_id if last is not None else 0
    return [
        ingest_text(
            text, SubmissionMeta(kind="news_article", title=f"doc {n}"), enqueue=False
        ).document
        for n, text in enumerate(TEXTS)
    ]


def analysed(documents: list[Document]) -> list[processing.Job]:
    jobs = []
    for document in documents:
        job = processing.claim(document.pk)
        assert job is not None and processing.extract(job) is None
        jobs.append(job)
    processing.analyse_jobs(jobs)
    assert all(job.analysis is not None for job in jobs)
    return jobs


def store_one_by_one(jobs: list[processing.Job]) -> None:
    """Each analysis through ``store_analysis`` alone: its own transaction, nothing read once
    for the task, the history relations all copied."""
    for job in jobs:
        assert job.analysis is not None and job.extracted is not None
        with transaction.atomic(), recorded_as(f"pipeline {processing.pipeline_version()}"):
            document = Document.objects.get(pk=job.document.pk)
            processing._apply_extracted(document, job.extracted)
            storing.store_analysis(document, job.analysis)
            processing.locate_quoted_evidence(document)
            document.status = DocumentStatus.DONE
            document.pipeline_version = processing.pipeline_version()
            document.save()


def reclaim(jobs: list[processing.Job]) -> list[processing.Job]:
    Document.objects.filter(pk__in=[j.document.pk for j in jobs]).update(
        status=DocumentStatus.QUEUED
    )
    again = []
    for job in jobs:
        fresh = processing.claim(job.document.pk)
        assert fresh is not None
        fresh.extracted, fresh.analysis = job.extracted, job.analysis
        again.append(fresh)
    return again


def erase_extraction() -> None:
    """Back to the world before storing: no extracted rows, no history of them."""
    for name in ["Mention", "Citation", "Claim", "Evidence", "EventLink"]:
        apps.get_model("knowledge", name).objects.all().delete()
    Event.objects.filter(origin=Origin.EXTRACTED).delete()
    Entity.objects.filter(origin=Origin.EXTRACTED).delete()
    for name in STORED:  # with their relations' snapshots (deleted with them)
        history = getattr(apps.get_model("knowledge", name), "history", None)
        if history is not None:
            history.model.objects.filter(history_id__gt=HISTORY_BEFORE[name]).delete()
    Document.objects.update(pipeline_version="", status=DocumentStatus.QUEUED)


def test_a_task_stores_what_storing_one_by_one_stores() -> None:
    jobs = analysed(world())
    analyses: list[Analysis | None] = [job.analysis for job in jobs]
    store_one_by_one(jobs)
    alone = stored_rows()
    assert alone["Claim"] and alone["Evidence"] and alone["Event"] and alone["Citation"]
    assert any(row[-1] for row in alone["Claim"]), "no misquote link: the test lost its point"
    assert any(key == "history of Claim.contradicts" and rows for key, rows in alone.items())

    erase_extraction()
    outcome: dict[str, int] = {}
    jobs = reclaim(jobs)
    assert [job.analysis for job in jobs] == analyses
    processing._store_jobs(jobs, outcome)
    assert outcome == {DocumentStatus.DONE: len(TEXTS)}
    assert stored_rows() == alone
    assert_history_holds_the_relations()


def test_storing_a_task_again_replaces_and_never_duplicates() -> None:
    jobs = analysed(world())
    processing._store_jobs(jobs, {})
    first = stored_rows(history=False)
    outcome: dict[str, int] = {}
    processing._store_jobs(reclaim(jobs), outcome)
    assert outcome == {DocumentStatus.DONE: len(TEXTS)}
    assert stored_rows(history=False) == first
    assert_history_holds_the_relations()
    # A re-delivered task whose claims were superseded stores nothing more.
    outcome = {}
    processing._store_jobs(jobs, outcome)
    assert outcome == {"superseded": len(TEXTS)}
    assert stored_rows(history=False) == first


def test_one_bad_document_in_a_task_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The middle document's storing fails after writing rows (a claim too long for its
    column would do the same on PostgreSQL): it fails with its error, none of its rows stay,
    and the others store exactly what they store without it."""
    documents = world()
    jobs = analysed(documents)
    doomed = documents[1].pk
    real = storing.store_analysis

    def store(document: Document, analysis: Any, **kwargs: Any) -> Any:
        counts = real(document, analysis, **kwargs)
        if document.pk == doomed:
            raise ValueError("bad span")
        return counts

    monkeypatch.setattr(processing, "store_analysis", store)
    outcome: dict[str, int] = {}
    processing._store_jobs(jobs, outcome)
    assert outcome == {DocumentStatus.DONE: 2, DocumentStatus.FAILED: 1}
    failed = Document.objects.get(pk=doomed)
    assert failed.status == DocumentStatus.FAILED
    assert failed.error == "Storing failed: ValueError: bad span"
    assert failed.text == TEXTS[1] and failed.pipeline_version == ""
    assert not Claim.objects.filter(document=failed).exists()
    assert not Evidence.objects.filter(document=failed).exists()
    with_failure = stored_rows()

    monkeypatch.undo()
    erase_extraction()
    others = reclaim([jobs[0], jobs[2]])
    processing._store_jobs(others, {})
    assert stored_rows() == with_failure


def test_a_task_keeps_reviewed_claims_and_locates_quoted_evidence() -> None:
    """What ``SharedReads`` reads once for the task (claims an editor reviewed, evidence quoted
    without a span) acts as the per-document reads did: an approved claim is kept and not
    stored twice, a rejected one never returns, and curated evidence quoting a document's text
    gets the span of its quote."""
    documents = world()
    jobs = analysed(documents)
    processing._store_jobs(jobs, {})
    claims = list(Claim.objects.filter(document=documents[0]).order_by("pk"))
    assert len(claims) >= 2
    kept, rejected = claims[0], claims[1]
    Claim.objects.filter(pk=kept.pk).update(review_status="approved")
    Claim.objects.filter(pk=rejected.pk).update(review_status="rejected")
    quote = "the lawsuit by Elon Musk was without merit"
    curated = Event.objects.get(origin=Origin.CURATED)
    Evidence.objects.create(event=curated, document=documents[1], quote=quote)

    outcome: dict[str, int] = {}
    processing._store_jobs(reclaim(jobs), outcome)

    assert outcome == {DocumentStatus.DONE: len(TEXTS)}
    fingerprints = list(
        Claim.objects.filter(document=documents[0]).values_list("fingerprint", flat=True)
    )
    assert fingerprints.count(kept.fingerprint) == 1
    assert Claim.objects.get(fingerprint=kept.fingerprint, document=documents[0]).pk == kept.pk
    assert fingerprints.count(rejected.fingerprint) == 1  # the rejected row itself, kept
    evidence = Evidence.objects.get(event=curated, document=documents[1], quote=quote)
    assert evidence.start is not None and evidence.end is not None
    assert TEXTS[1][evidence.start : evidence.end] == quote
