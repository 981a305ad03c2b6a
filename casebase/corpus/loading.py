"""Load the curated demo corpus (``fixtures/``) into the knowledge base.

``load_corpus`` reads and validates the files (``reading.read_corpus``), then upserts everything
by key in one transaction: a row whose values already match is not saved (no ``updated_at``
churn), an edited row is updated in place, and curated rows that carry a corpus key but left the
files are deleted (events, documents); other rows that left the files are only reported.
Documents with text go through the ingestion service like any upload. The file format is in
docs/corpus.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q

from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import content_hash, normalize_name
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
    Origin,
    ReviewStatus,
    Thread,
)
from casebase.pipeline.deletion import delete_document, delete_documents
from casebase.pipeline.evidence import locate_quoted_evidence
from casebase.pipeline.intake import SubmissionMeta, ingest_bytes

from .reading import read_corpus
from .report import LoadReport
from .schema import Corpus, Record
from .upserting import Upserter


class _DryRun(Exception):
    pass


def load_corpus(
    directory: Path | str,
    *,
    submit_documents: bool = True,
    process: bool = True,
    dry_run: bool = False,
) -> LoadReport:
    """Validate and load a corpus directory in one transaction; see the module docstring.

    ``submit_documents=False`` skips the documents with text; ``process=False`` stores them
    without sending the processing task; ``dry_run`` rolls everything back.
    """
    corpus = read_corpus(directory)
    report = LoadReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            _Loader(corpus, report).run(submit_documents and not dry_run, process)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


class _Loader(Upserter):
    def __init__(self, corpus: Corpus, report: LoadReport) -> None:
        super().__init__(report)
        self.corpus = corpus
        self.threads: dict[str, Thread] = {}
        self.entities: dict[str, Entity] = {}
        self.cases: dict[str, Case] = {}
        self.documents: dict[str, Document] = {}
        self.events: dict[str, Event] = {}

    def run(self, submit_documents: bool, process: bool) -> None:
        self.load_threads()
        self.load_entities()
        self.load_cases()
        self.load_sources()
        if submit_documents:
            self.submit_documents(process)
        else:
            self.documents.update(
                (d.corpus_key, d)
                for d in Document.objects.filter(
                    corpus_key__in=[r["key"] for r in self.corpus.documents]
                )
                if d.corpus_key
            )
        self.load_events()
        self.load_evidence()
        self.load_links()
        self.remove_missing()

    # rows -----------------------------------------------------------------------------------

    def load_threads(self) -> None:
        for record in self.corpus.threads:
            self.threads[record["key"]] = self.upsert(
                "thread",
                Thread,
                {"slug": record["key"]},
                {
                    "name": record["name"],
                    "description": record.get("description") or "",
                    "position": record.get("position") or 0,
                    "color": record.get("color") or "#1f6feb",
                },
            )

    def load_entities(self) -> None:
        for record in self.corpus.entities:
            entity = self.upsert(
                "entity",
                Entity,
                {"slug": record["key"]},
                {
                    "name": record["name"],
                    "kind": record["kind"],
                    "description": record.get("description") or "",
                    "origin": Origin.CURATED,
                },
            )
            self.entities[record["key"]] = entity
            have = set(entity.aliases.values_list("normalized", flat=True))
            for alias in record.get("aliases") or []:
                if normalize_name(str(alias)) not in have:
                    EntityAlias.objects.create(entity=entity, alias=str(alias))
                    have.add(normalize_name(str(alias)))
                    self.report.created["alias"] += 1
                else:
                    self.report.unchanged["alias"] += 1

    def entity_ids(self, keys: Iterable[str]) -> list[int]:
        """Primary keys of the entities, following merges to the surviving entity."""
        return [self.entities[key].survivor().pk for key in keys]

    def load_cases(self) -> None:
        related = _symmetric({c["key"]: c.get("related") or [] for c in self.corpus.cases})
        for record in self.corpus.cases:
            filed = record.get("filed_on")
            entity_key = record.get("entity")
            self.cases[record["key"]] = self.upsert(
                "case",
                Case,
                {"slug": record["key"]},
                {
                    "caption": record["caption"],
                    "short_name": record["short_name"],
                    "court": record["court"],
                    "docket_number": str(record.get("docket_number") or ""),
                    "judge_note": record.get("judge_note") or "",
                    "filed_on": PartialDate.parse(str(filed)).start if filed else None,
                    "status": record["status"],
                    "status_note": record.get("status_note") or "",
                    "claims_summary": record.get("claims_summary") or "",
                    "entity_id": self.entities[entity_key].pk if entity_key else None,
                },
            )
        for record in self.corpus.cases:
            case = self.cases[record["key"]]
            self.set_m2m("case judges", case.judges, self.entity_ids(record.get("judges") or []))
            self.set_m2m(
                "case related", case.related, [self.cases[k].pk for k in related[record["key"]]]
            )
            self.load_parties(case, record.get("parties") or [])

    def load_parties(self, case: Case, parties: list[Record]) -> None:
        wanted: dict[tuple[int, str], str] = {}
        for party in parties:
            entity_id = self.entity_ids([party["entity"]])[0]
            wanted[(entity_id, party["role"])] = party.get("note") or ""
        for existing in CaseParty.objects.filter(case=case):
            if (existing.entity_id, existing.role) not in wanted:
                existing.delete()
                self.report.deleted["case party"] += 1
        for (entity_id, role), note in wanted.items():
            self.upsert(
                "case party",
                CaseParty,
                {"case": case, "entity_id": entity_id, "role": role},
                {"note": note},
            )

    def load_sources(self) -> None:
        case_of: dict[str, str] = {}
        for case in self.corpus.cases:
            for source in case.get("sources") or []:
                case_of.setdefault(source, case["key"])
        for record in self.corpus.sources:
            case_key = case_of.get(record["key"])
            values = {
                "kind": record["kind"],
                "title": record["title"],
                "source_url": record["url"],
                "publisher": record.get("publisher") or "",
                "publisher_note": record.get("publisher_note") or "",
                "case_id": self.cases[case_key].pk if case_key else None,
                **_published(record.get("published")),
                **_source_kind(record),
            }
            title_source = "url" if record.get("title_from_url") else "corpus"
            existing = Document.objects.filter(corpus_key=record["key"]).first()
            if existing is None:
                values.update(status=DocumentStatus.REFERENCE, metadata={})
            else:
                _keep_fetched(existing, values, title_source)
            values["metadata"] = {
                **(existing.metadata if existing else {}),
                "title_source": values.pop("_title_source", title_source),
            }
            self.documents[record["key"]] = self.upsert(
                "source", Document, {"corpus_key": record["key"]}, values
            )

    def submit_documents(self, process: bool) -> None:
        for record in self.corpus.documents:
            key = record["key"]
            data = (self.corpus.directory / record["file"]).read_bytes()
            existing = Document.objects.filter(corpus_key=key).first()
            if existing is not None and existing.content_hash != content_hash(data):
                delete_document(existing)  # the text changed: ingest the new version afresh
                self.report.deleted["document"] += 1
                existing = None
            if existing is None:
                meta = SubmissionMeta(
                    kind=record["kind"],
                    title=record["title"],
                    publisher=record.get("publisher") or "",
                    publisher_note=record.get("publisher_note") or "",
                    source_url=record.get("url") or "",
                    published=str(record["published"]) if record.get("published") else None,
                    case_slug=record.get("case"),
                    corpus_key=key,
                    reviewed=True,  # the curated corpus
                )
                result = ingest_bytes(data, Path(record["file"]).name, meta, enqueue=process)
                existing = result.document
                self.report.submitted.append(key)
                if result.created:
                    self.report.created["document"] += 1
            self.documents[key] = self.update("document", existing, _document_values(self, record))

    def load_events(self) -> None:
        for record in self.corpus.events:
            start = PartialDate.parse(str(record["date"]))
            end = PartialDate.parse(str(record["end"])) if record.get("end") else None
            case_key = record.get("case")
            event = self.upsert(
                "event",
                Event,
                {"corpus_key": record["key"]},
                {
                    "title": record["title"],
                    "summary": record["summary"],
                    "date": start.start,
                    "date_precision": start.precision.value,
                    "end_date": end.start if end else None,
                    "end_precision": end.precision.value if end else "day",
                    "case_id": self.cases[case_key].pk if case_key else None,
                    "origin": Origin.CURATED,
                    "review_status": ReviewStatus.APPROVED,
                    "confidence": record["confidence"],
                    "uncertainty_note": record.get("uncertainty_note") or "",
                },
            )
            self.events[record["key"]] = event
            self.set_m2m(
                "event threads", event.threads, [self.threads[k].pk for k in record["threads"]]
            )
            self.set_m2m(
                "event entities", event.entities, self.entity_ids(record.get("entities") or [])
            )

    def load_evidence(self) -> None:
        for record in self.corpus.events:
            event = self.events[record["key"]]
            wanted: dict[int, dict[str, str]] = {}
            for item in record["evidence"]:
                document = self.documents.get(item["source"])
                if document is None:
                    self.report.pending_evidence.append(f"{record['key']} -> {item['source']}")
                    continue
                wanted[document.pk] = {
                    "quote": item.get("quote") or "",
                    "note": item.get("note") or "",
                }
            # Corpus evidence: whole-document rows, and quoted rows (whose span is located in the
            # document's text once it is processed). Spanned rows without a quote are editors'.
            curated = Evidence.objects.filter(event=event, origin=Origin.CURATED).filter(
                Q(start__isnull=True) | ~Q(quote="")
            )
            for evidence in curated:
                kept = wanted.get(evidence.document_id)
                if kept is None or evidence.quote != kept["quote"]:
                    evidence.delete()
                    self.report.deleted["evidence"] += 1
            for document_id, values in wanted.items():
                lookup: dict[str, Any] = {"event": event, "document_id": document_id}
                if values["quote"]:
                    lookup.update(origin=Origin.CURATED, quote=values["quote"])
                else:
                    lookup.update(start=None, end=None)
                fields = {**values, "origin": Origin.CURATED}
                rest = {k: v for k, v in fields.items() if k not in lookup}
                self.upsert("evidence", Evidence, lookup, rest)
        for document in self.documents.values():
            locate_quoted_evidence(document)

    def load_links(self) -> None:
        wanted: dict[tuple[int, int, str], str] = {}
        for record in self.corpus.events:
            for link in record.get("links") or []:
                source, target = self.events[record["key"]], self.events[link["target"]]
                wanted[(source.pk, target.pk, link["kind"])] = link.get("note") or ""
        corpus_events = [event.pk for event in self.events.values()]
        between = EventLink.objects.filter(source_id__in=corpus_events, target_id__in=corpus_events)
        for link in between:
            if (link.source_id, link.target_id, link.kind) not in wanted:
                link.delete()
                self.report.deleted["event link"] += 1
        for (source_id, target_id, kind), note in wanted.items():
            self.upsert(
                "event link",
                EventLink,
                {"source_id": source_id, "target_id": target_id, "kind": kind},
                {"note": note},
            )

    def remove_missing(self) -> None:
        """Delete curated events and documents whose key left the files; report other rows."""
        event_keys = set(self.events)
        gone_events = Event.objects.filter(corpus_key__isnull=False, origin=Origin.CURATED).exclude(
            corpus_key__in=event_keys
        )
        self.report.deleted["event"] += gone_events.count()
        gone_events.delete()
        document_keys = {r["key"] for r in self.corpus.sources + self.corpus.documents}
        gone_documents = Document.objects.filter(corpus_key__isnull=False).exclude(
            corpus_key__in=document_keys
        )
        self.report.deleted["document"] += delete_documents(gone_documents).documents
        for kind, queryset, keys in (
            ("threads", Thread.objects.all(), set(self.threads)),
            ("cases", Case.objects.all(), set(self.cases)),
            ("entities", Entity.objects.filter(origin=Origin.CURATED), set(self.entities)),
        ):
            extra = sorted(queryset.exclude(slug__in=keys).values_list("slug", flat=True))
            if extra:
                self.report.not_in_files[kind] = extra


def _symmetric(related: dict[str, list[str]]) -> dict[str, set[str]]:
    """Related cases both ways: Case.related is symmetrical, so one side's list is not enough."""
    out: dict[str, set[str]] = {key: set(values) for key, values in related.items()}
    for key, values in related.items():
        for other in values:
            out.setdefault(other, set()).add(key)
    return out


def _keep_fetched(document: Document, values: dict[str, Any], title_source: str) -> None:
    """What fetching the source filled in where the corpus says nothing stays (a title the
    corpus only guessed from the URL, a publisher, a date); whatever the corpus states wins."""
    filled = set(document.metadata.get("filled_from_source", []))
    if "title" in filled and title_source == "url":
        values.pop("title")
        values["_title_source"] = document.metadata.get("title_source", title_source)
    if "publisher" in filled and not values["publisher"]:
        values.pop("publisher")
    if "published" in filled and values["published_on"] is None:
        values.pop("published_on")
        values.pop("published_precision")


def _source_kind(record: Record) -> dict[str, Any]:
    """The corpus's grade of the source, when it gives one (else an editor's grade stays)."""
    return {"source_kind": record["source_kind"]} if record.get("source_kind") else {}


def _published(value: Any) -> dict[str, Any]:
    if not value:
        return {"published_on": None, "published_precision": "day"}
    partial = PartialDate.parse(str(value))
    return {"published_on": partial.start, "published_precision": partial.precision.value}


def _document_values(loader: _Loader, record: Record) -> dict[str, Any]:
    """The curated fields of a document with text (its text and status belong to the pipeline)."""
    case_key = record.get("case")
    return {
        "corpus_key": record["key"],
        "kind": record["kind"],
        "title": record["title"],
        "publisher": record.get("publisher") or "",
        "publisher_note": record.get("publisher_note") or "",
        "source_url": record.get("url") or "",
        "case_id": loader.cases[case_key].pk if case_key else None,
        **_published(record.get("published")),
        **_source_kind(record),
    }
