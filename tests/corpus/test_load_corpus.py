"""Loading the corpus: the rows it makes, idempotence, edits in place, removals, bad files.

Runs on SQLite by default and on PostgreSQL with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/casebase_corpus.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import models

from casebase.corpus.loading import load_corpus
from casebase.corpus.reading import read_corpus
from casebase.corpus.schema import Corpus, CorpusError
from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    DocumentStatus,
    Entity,
    EntityAlias,
    Event,
    EventLink,
    Evidence,
    Thread,
)

pytestmark = pytest.mark.django_db

MODELS: list[type[models.Model]] = [
    Thread,
    Entity,
    EntityAlias,
    Case,
    CaseParty,
    Document,
    Event,
    Evidence,
    EventLink,
]


def _snapshot() -> dict[str, Any]:
    """Row counts, and every updated_at, of the models the corpus writes."""
    state: dict[str, Any] = {m.__name__: m._default_manager.count() for m in MODELS}
    for model in (Entity, Case, Document, Event):
        state[f"{model.__name__}.updated_at"] = dict(
            model._default_manager.values_list("pk", "updated_at")
        )
    state["m2m"] = (
        sorted(Event.entities.through.objects.values_list("event_id", "entity_id")),
        sorted(Event.threads.through.objects.values_list("event_id", "thread_id")),
        sorted(Case.judges.through.objects.values_list("case_id", "entity_id")),
        sorted(Case.related.through.objects.values_list("from_case_id", "to_case_id")),
    )
    return state


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "fixtures"
    shutil.copytree(settings.CASEBASE_CORPUS_DIR, target)
    return target


def corpus_copy_documents(directory: Path) -> list[dict]:
    return list(yaml.safe_load((directory / "documents.yaml").read_text(encoding="utf-8")))


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(change(data), sort_keys=False), encoding="utf-8")


def test_load_creates_the_corpus(corpus: Corpus) -> None:
    report = load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)

    assert report.changed and not report.pending_evidence
    assert Event.objects.filter(corpus_key__isnull=False).count() == len(corpus.events) >= 60
    assert Thread.objects.count() == 4
    assert Case.objects.count() == len(corpus.cases)
    assert Entity.objects.count() == len(corpus.entities)
    references = Document.objects.filter(status=DocumentStatus.REFERENCE)
    assert references.count() == len(corpus.sources)
    assert not references.filter(source_url="").exists()
    # every event has evidence; every evidence document has a URL or a text
    assert not Event.objects.filter(evidence__isnull=True).exists()
    low = [event["key"] for event in corpus.events if event["confidence"] == "low"]
    assert sorted(Event.objects.filter(confidence="low").values_list("corpus_key", flat=True)) == (
        sorted(low)
    )
    assert all(event.is_unverified for event in Event.objects.filter(confidence="low"))


def test_loaded_rows_carry_the_curated_details() -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)

    case = Case.objects.get(slug="musk-v-altman-ndcal")
    assert case.docket_number == "4:24-cv-04722-YGR"
    assert case.filed_on is not None and case.filed_on.isoformat() == "2024-08-05"
    assert [j.slug for j in case.judges.all()] == ["yvonne-gonzalez-rogers"]
    roles = set(case.parties.values_list("entity__slug", "role"))
    assert {
        ("elon-musk", "plaintiff"),
        ("openai", "defendant"),
        ("openai", "counter_claimant"),
    } <= roles
    assert set(case.related.values_list("slug", flat=True)) >= {"musk-v-altman-sf-superior"}
    # related is symmetrical even though only one side lists it
    assert case in Case.objects.get(slug="musk-v-altman-sf-superior").related.all()

    musk = Entity.objects.get(slug="elon-musk")
    assert {"Musk", "Mr. Musk"} <= set(musk.aliases.values_list("alias", flat=True))

    founding = Event.objects.get(corpus_key="openai-founded-2015")
    assert (founding.date.isoformat(), founding.date_precision) == ("2015-12-01", "month")
    assert founding.date_display == "Dec 2015"

    testimony = Event.objects.get(corpus_key="musk-distillation-testimony-2026-04-30")
    tos = Event.objects.get(corpus_key="openai-tos-competing-models-clause")
    assert tos.date_precision == "year"
    assert EventLink.objects.filter(source=tos, target=testimony, kind="related").exists()


def test_seed_article_is_submitted_through_ingestion_and_cited() -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)

    seed = Document.objects.get(corpus_key="seed-article")
    assert seed.status == DocumentStatus.QUEUED  # a real submission, waiting for the pipeline
    assert seed.title == "Musk Confirms xAI Used OpenAI Models to Train Grok"
    assert seed.publisher == "" and seed.published_on is None
    assert "not stated in the text" in seed.publisher_note.lower()
    assert seed.original and seed.content_hash
    assert Evidence.objects.filter(
        document=seed, event__corpus_key="musk-distillation-testimony-2026-04-30"
    ).exists()


def test_loading_twice_changes_nothing() -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)
    before = _snapshot()

    report = load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)

    assert not report.changed, report.lines()
    assert _snapshot() == before


def test_an_edit_updates_in_place(corpus_copy: Path) -> None:
    load_corpus(corpus_copy, process=False)
    event = Event.objects.get(corpus_key="openai-founded-2015")
    other = Event.objects.get(corpus_key="xai-founded-2023")

    def retitle(events: list[dict]) -> list[dict]:
        for item in events:
            if item["key"] == "openai-founded-2015":
                item["title"] = "OpenAI is founded"
                item["evidence"] = item["evidence"][:1]
        return events

    _edit(corpus_copy / "events" / "corporate.yaml", retitle)
    report = load_corpus(corpus_copy, process=False)

    edited = Event.objects.get(corpus_key="openai-founded-2015")
    assert edited.pk == event.pk and edited.title == "OpenAI is founded"
    assert edited.updated_at > event.updated_at
    assert edited.evidence.count() == 1 and report.deleted["evidence"] == 1
    assert Event.objects.get(pk=other.pk).updated_at == other.updated_at
    assert report.updated["event"] == 1 and report.created["event"] == 0


def test_removed_rows_are_deleted_only_when_curated_with_a_key(corpus_copy: Path) -> None:
    load_corpus(corpus_copy, process=False)
    extracted = Event.objects.create(
        title="From the pipeline", date="2026-01-01", origin="extracted"
    )
    removed = Event.objects.get(corpus_key="altman-ousted-2023")

    def drop_event(events: list[dict]) -> list[dict]:
        kept = [e for e in events if e["key"] != "altman-ousted-2023"]
        for e in kept:
            e["links"] = [x for x in e.get("links", []) if x["target"] != "altman-ousted-2023"]
        return kept

    _edit(corpus_copy / "events" / "corporate.yaml", drop_event)
    report = load_corpus(corpus_copy, process=False)

    assert report.deleted["event"] == 1
    assert not Event.objects.filter(pk=removed.pk).exists()
    assert not EventLink.objects.filter(target_id=removed.pk).exists()
    assert Event.objects.filter(pk=extracted.pk).exists()
    assert Entity.objects.filter(slug="mira-murati").exists()  # entities are never deleted


def test_rows_outside_the_files_are_reported_not_deleted(corpus_copy: Path) -> None:
    load_corpus(corpus_copy, process=False)
    Thread.objects.create(slug="editor-thread", name="An editor's thread")

    report = load_corpus(corpus_copy, process=False)

    assert report.not_in_files["threads"] == ["editor-thread"]
    assert Thread.objects.filter(slug="editor-thread").exists()


def test_dry_run_saves_nothing() -> None:
    report = load_corpus(settings.CASEBASE_CORPUS_DIR, dry_run=True)

    assert report.created["event"] >= 60
    assert Event.objects.count() == 0 and Document.objects.count() == 0


def test_invalid_files_name_the_file_and_key(corpus_copy: Path) -> None:
    def break_events(events: list[dict]) -> list[dict]:
        events[0]["date"] = "2015-13"
        events[0]["evidence"] = []
        events[1]["entities"] = ["nobody-at-all"]
        events[2]["colour"] = "red"
        return events

    _edit(corpus_copy / "events" / "corporate.yaml", break_events)
    _edit(
        corpus_copy / "entities.yaml",
        lambda ents: [
            *ents,
            {"key": "musk-again", "name": "E.", "kind": "person", "aliases": ["Mr. Musk"]},
        ],
    )
    with pytest.raises(CorpusError) as caught:
        read_corpus(corpus_copy)

    message = str(caught.value)
    first, second, third = (
        yaml.safe_load((corpus_copy / "events" / "corporate.yaml").read_text())[i]["key"]
        for i in range(3)
    )
    assert f"events/corporate.yaml, key '{first}': 'date'" in message
    assert f"key '{first}': an event needs at least one source" in message
    assert f"key '{second}': unknown entity 'nobody-at-all'" in message
    assert f"key '{third}': unknown field 'colour'" in message
    assert (
        "entities.yaml, key 'musk-again': alias 'Mr. Musk' is also an alias of 'elon-musk'"
        in message
    )
    assert Event.objects.count() == 0


def test_events_attach_to_the_survivor_of_a_merge() -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)
    survivor = Entity.objects.create(slug="elon-reeve-musk", name="Elon Reeve Musk", kind="person")
    Entity.objects.filter(slug="elon-musk").update(merged_into=survivor)

    load_corpus(settings.CASEBASE_CORPUS_DIR, process=False)

    testimony = Event.objects.get(corpus_key="musk-distillation-testimony-2026-04-30")
    assert testimony.entities.filter(pk=survivor.pk).exists()
    assert not testimony.entities.filter(slug="elon-musk").exists()


def test_command_reports_and_is_idempotent() -> None:
    first, second = StringIO(), StringIO()
    call_command("load_corpus", "--no-process", stdout=first)
    call_command("load_corpus", "--no-process", stdout=second)

    events = len(read_corpus(settings.CASEBASE_CORPUS_DIR).events)
    assert f"event: {events} created" in first.getvalue()
    assert "already up to date" in second.getvalue()
    assert f"event: 0 created, 0 updated, {events} unchanged" in second.getvalue()
    # the history says what made the rows
    created = Event.history.filter(history_type="+")  # type: ignore[attr-defined]
    assert created.count() == events
    assert set(created.values_list("history_change_reason", flat=True)) == {"command load_corpus"}


def test_a_document_whose_text_changed_is_replaced_without_leaving_its_old_file(
    corpus_copy: Path, settings: Any, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    with django_capture_on_commit_callbacks(execute=True):
        load_corpus(corpus_copy, process=False)
    old = Document.objects.get(corpus_key="seed-article")
    old_path = Path(old.original.path)
    text = corpus_copy / "texts" / "seed-article.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nA corrected paragraph.\n", "utf-8")

    with django_capture_on_commit_callbacks(execute=True):
        report = load_corpus(corpus_copy, process=False)

    new = Document.objects.get(corpus_key="seed-article")
    assert new.pk != old.pk and report.deleted["document"] == 1
    assert not old_path.exists()
    stored = {p for p in (tmp_path / "media").rglob("*") if p.is_file()}
    others = Document.objects.exclude(original="").exclude(pk=new.pk)
    assert stored == {Path(new.original.path), *(Path(d.original.path) for d in others)}
    assert len(stored) == len(corpus_copy_documents(corpus_copy))


def test_reloading_keeps_what_fetching_the_source_filled_in(corpus_copy: Path) -> None:
    """A fetched citation record keeps its text, status and the page's own title (the corpus
    only guessed one from the URL) when the corpus is loaded again; curated values win."""

    def curate_first(sources: list[dict]) -> list[dict]:
        sources[0]["title_from_url"] = False
        sources[0]["title"] = "A title an editor wrote"
        return sources

    _edit(corpus_copy / "sources.yaml", curate_first)
    load_corpus(corpus_copy, process=False)
    curated = Document.objects.get(metadata__title_source="corpus")
    guessed = Document.objects.filter(metadata__title_source="url").exclude(pk=curated.pk).first()
    assert guessed is not None
    for document in (guessed, curated):
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.DONE,
            text="Fetched text.",
            fetch_status="fetched",
            title="The page's own headline",
            metadata={**document.metadata, "title_source": "html", "filled_from_source": ["title"]},
        )

    load_corpus(corpus_copy, process=False)

    guessed.refresh_from_db()
    assert guessed.status == DocumentStatus.DONE and guessed.text == "Fetched text."
    assert guessed.title == "The page's own headline"
    assert guessed.metadata["title_source"] == "html"
    curated.refresh_from_db()
    assert curated.status == DocumentStatus.DONE
    assert curated.title == "A title an editor wrote"
    assert curated.metadata["title_source"] == "corpus"


def test_sources_are_graded_by_the_corpus_and_an_editors_grade_stays(
    corpus: Corpus, corpus_copy: Path
) -> None:
    load_corpus(corpus_copy, process=False)
    records = corpus.sources + corpus.documents
    graded = {r["key"]: r["source_kind"] for r in records if r.get("source_kind")}
    assert graded  # the corpus grades what the dossier says a source is
    stored = dict(Document.objects.exclude(source_kind="").values_list("corpus_key", "source_kind"))
    assert stored == graded
    ungraded = next(r["key"] for r in corpus.sources if not r.get("source_kind"))
    Document.objects.filter(corpus_key=ungraded).update(source_kind="original_reporting")
    load_corpus(corpus_copy, process=False)
    assert Document.objects.get(corpus_key=ungraded).source_kind == "original_reporting"

    def bad_grade(sources: list[dict]) -> list[dict]:
        sources[0]["source_kind"] = "rumour"
        return sources

    _edit(corpus_copy / "sources.yaml", bad_grade)
    with pytest.raises(CorpusError, match="source_kind"):
        load_corpus(corpus_copy, process=False)
