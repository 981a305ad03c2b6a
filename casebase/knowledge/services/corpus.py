"""Load the curated demo corpus (``fixtures/``) into the knowledge base.

``read_corpus`` parses and validates the YAML files without touching the database and raises one
``CorpusError`` that names every bad file and key. ``load_corpus`` then upserts everything by key
in one transaction: a row whose values already match is not saved (no ``updated_at`` churn),
an edited row is updated in place, and curated rows that carry a corpus key but left the files
are deleted (events, documents); other rows that left the files are only reported. Documents
with text go through the ingestion service like any upload. The file format is in docs/corpus.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import models, transaction
from django.db.models import Q

from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import content_hash, normalize_name
from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    DocumentKind,
    DocumentStatus,
    Entity,
    EntityAlias,
    EntityKind,
    Event,
    EventLink,
    Evidence,
    LinkKind,
    Origin,
    PartyRole,
    ReviewStatus,
    Thread,
)
from casebase.knowledge.models.choices import CaseStatus, Confidence
from casebase.knowledge.services.deletion import delete_document, delete_documents
from casebase.knowledge.services.evidence import locate_quoted_evidence

Record = dict[str, Any]
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class CorpusError(ValueError):
    """The corpus files are invalid; the message lists every problem with its file and key."""


# --- reading and validation -----------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    required: bool = False
    kind: type | tuple[type, ...] = str
    choices: Collection[str] | None = None
    check: Callable[[Any], str | None] | None = None  # returns an error message or None


def _partial(value: Any) -> str | None:
    try:
        PartialDate.parse(str(value))
    except ValueError as exc:
        return str(exc)
    return None


def _day(value: Any) -> str | None:
    error = _partial(value)
    if error is None and PartialDate.parse(str(value)).day is None:
        return "needs a full date (YYYY-MM-DD)"
    return error


def _url(value: Any) -> str | None:
    return None if str(value).startswith(("https://", "http://")) else "must be an http(s) URL"


def _color(value: Any) -> str | None:
    return None if COLOR_RE.match(str(value)) else "must be #rrggbb"


LIST = (list,)
SCHEMAS: dict[str, dict[str, Field]] = {
    "thread": {
        "key": Field(True),
        "name": Field(True),
        "description": Field(),
        "position": Field(kind=int),
        "color": Field(check=_color),
    },
    "entity": {
        "key": Field(True),
        "name": Field(True),
        "kind": Field(True, choices=EntityKind.values),
        "description": Field(),
        "aliases": Field(kind=LIST),
    },
    "case": {
        "key": Field(True),
        "caption": Field(True),
        "short_name": Field(True),
        "court": Field(True),
        "docket_number": Field(),
        "judges": Field(kind=LIST),
        "judge_note": Field(),
        "filed_on": Field(check=_day),
        "status": Field(True, choices=CaseStatus.values),
        "status_note": Field(),
        "claims_summary": Field(),
        "parties": Field(kind=LIST),
        "related": Field(kind=LIST),
        "entity": Field(),
        "sources": Field(kind=LIST),
    },
    "party": {
        "entity": Field(True),
        "role": Field(True, choices=PartyRole.values),
        "note": Field(),
    },
    "source": {
        "key": Field(True),
        "title": Field(True),
        "title_from_url": Field(kind=bool),
        "publisher": Field(),
        "publisher_note": Field(),
        "url": Field(True, check=_url),
        "published": Field(check=_partial),
        "kind": Field(True, choices=DocumentKind.values),
    },
    "document": {
        "key": Field(True),
        "file": Field(True),
        "title": Field(True),
        "kind": Field(True, choices=DocumentKind.values),
        "publisher": Field(),
        "publisher_note": Field(),
        "url": Field(check=_url),
        "published": Field(check=_partial),
        "case": Field(),
        "note": Field(),
    },
    "event": {
        "key": Field(True),
        "fact": Field(True),
        "date": Field(True, check=_partial),
        "end": Field(check=_partial),
        "title": Field(True),
        "summary": Field(True),
        "threads": Field(True, kind=LIST),
        "case": Field(),
        "confidence": Field(True, choices=Confidence.values),
        "uncertainty_note": Field(),
        "entities": Field(kind=LIST),
        "evidence": Field(True, kind=LIST),
        "links": Field(kind=LIST),
    },
    "evidence": {"source": Field(True), "note": Field(), "quote": Field()},
    "link": {"kind": Field(True, choices=LinkKind.values), "target": Field(True), "note": Field()},
}


@dataclass
class Corpus:
    """The validated contents of a corpus directory. Each record keeps its ``_file``."""

    directory: Path
    threads: list[Record] = field(default_factory=list)
    entities: list[Record] = field(default_factory=list)
    cases: list[Record] = field(default_factory=list)
    sources: list[Record] = field(default_factory=list)
    documents: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, key: object, message: str) -> None:
        label = f"{where}, key {key!r}" if key not in (None, "") else where
        self.items.append(f"{label}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CorpusError(
                f"{len(self.items)} problem(s) in the corpus:\n  " + "\n  ".join(self.items)
            )


def _read_list(path: Path, base: Path, problems: _Problems) -> list[Record]:
    where = str(path.relative_to(base.parent)) if path.is_relative_to(base.parent) else str(path)
    if not path.exists():
        problems.add(where, None, "file is missing")
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        problems.add(where, None, f"not valid YAML: {exc}")
        return []
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        problems.add(where, None, "must be a list of mappings")
        return []
    return [{**item, "_file": where} for item in data]


def _check_record(record: Record, schema: str, problems: _Problems, key: object = None) -> None:
    where = record.get("_file", "?")
    key = key if key is not None else record.get("key")
    fields = SCHEMAS[schema]
    for name in record:
        if name != "_file" and name not in fields:
            problems.add(where, key, f"unknown field {name!r} in {schema}")
    for name, spec in fields.items():
        value = record.get(name)
        if value is None or value == "":
            if spec.required:
                problems.add(where, key, f"{schema} field {name!r} is required")
            continue
        if spec.kind is str and isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, spec.kind):
            problems.add(where, key, f"{name!r} has the wrong type ({type(value).__name__})")
            continue
        if spec.choices is not None and value not in spec.choices:
            problems.add(where, key, f"{name!r} is {value!r}, not one of {sorted(spec.choices)}")
        if spec.check is not None and (error := spec.check(value)):
            problems.add(where, key, f"{name!r}: {error}")


def _unique_keys(records: list[Record], what: str, problems: _Problems) -> set[str]:
    seen: set[str] = set()
    for record in records:
        key = record.get("key")
        if not isinstance(key, str):
            continue
        if not KEY_RE.match(key):
            problems.add(record["_file"], key, f"{what} key must be lowercase-with-dashes")
        if key in seen:
            problems.add(record["_file"], key, f"duplicate {what} key")
        seen.add(key)
    return seen


def read_corpus(directory: Path | str) -> Corpus:
    """Parse and validate a corpus directory; raise CorpusError listing every problem."""
    base = Path(directory)
    problems = _Problems()
    if not base.is_dir():
        raise CorpusError(f"{base}: not a directory")
    corpus = Corpus(directory=base)
    corpus.threads = _read_list(base / "threads.yaml", base, problems)
    corpus.entities = _read_list(base / "entities.yaml", base, problems)
    corpus.cases = _read_list(base / "cases.yaml", base, problems)
    corpus.sources = _read_list(base / "sources.yaml", base, problems)
    documents_file = base / "documents.yaml"
    if documents_file.exists():
        corpus.documents = _read_list(documents_file, base, problems)
    event_files = sorted((base / "events").glob("*.yaml"))
    if not event_files:
        problems.add(str(base / "events"), None, "no event files (events/*.yaml)")
    for path in event_files:
        corpus.events += _read_list(path, base, problems)
    for schema, records in (
        ("thread", corpus.threads),
        ("entity", corpus.entities),
        ("case", corpus.cases),
        ("source", corpus.sources),
        ("document", corpus.documents),
        ("event", corpus.events),
    ):
        for record in records:
            _check_record(record, schema, problems)
    _check_references(corpus, problems)
    problems.raise_if_any()
    return corpus


def _check_references(corpus: Corpus, problems: _Problems) -> None:
    threads = _unique_keys(corpus.threads, "thread", problems)
    entities = _unique_keys(corpus.entities, "entity", problems)
    cases = _unique_keys(corpus.cases, "case", problems)
    sources = _unique_keys(corpus.sources, "source", problems)
    documents = _unique_keys(corpus.documents, "document", problems)
    events = _unique_keys(corpus.events, "event", problems)
    for both in sorted(sources & documents):
        problems.add("sources.yaml/documents.yaml", both, "the same key is a source and a document")
    _check_aliases(corpus.entities, problems)
    for case in corpus.cases:
        _check_case_refs(case, entities, cases, sources, problems)
    for document in corpus.documents:
        where, key = document["_file"], document.get("key")
        if document.get("case") and document["case"] not in cases:
            problems.add(where, key, f"unknown case {document['case']!r}")
        if document.get("file") and not (corpus.directory / document["file"]).is_file():
            problems.add(where, key, f"text file {document['file']!r} not found")
    for event in corpus.events:
        _check_event_refs(event, threads, entities, cases, sources | documents, events, problems)


def _check_aliases(entities: list[Record], problems: _Problems) -> None:
    owner: dict[str, str] = {}
    for entity in entities:
        where, key = entity["_file"], entity.get("key")
        mine: set[str] = set()
        for alias in entity.get("aliases") or []:
            norm = normalize_name(str(alias))
            if norm in mine:
                problems.add(where, key, f"alias {alias!r} is listed twice")
            elif norm in owner and owner[norm] != key:
                problems.add(where, key, f"alias {alias!r} is also an alias of {owner[norm]!r}")
            mine.add(norm)
            owner.setdefault(norm, str(key))


def _nested(record: Record, name: str, schema: str, problems: _Problems) -> list[Record]:
    """The mappings listed under ``record[name]``, each checked against ``schema``."""
    where, key = record["_file"], record.get("key")
    items: list[Record] = []
    for item in record.get(name) or []:
        if not isinstance(item, dict):
            problems.add(where, key, f"each item of {name!r} must be a mapping")
            continue
        _check_record({**item, "_file": where}, schema, problems, key)
        items.append(item)
    return items


def _known(
    record: Record, values: Iterable[Any], known: set[str], what: str, problems: _Problems
) -> None:
    """Report each value that is not one of the ``known`` keys."""
    for value in values:
        if value not in known or value == record.get("key"):
            problems.add(record["_file"], record.get("key"), f"unknown {what} {value!r}")


def _check_case_refs(
    case: Record, entities: set[str], cases: set[str], sources: set[str], problems: _Problems
) -> None:
    parties = _nested(case, "parties", "party", problems)
    _known(case, case.get("judges") or [], entities, "judge entity", problems)
    _known(case, [party.get("entity") for party in parties], entities, "party entity", problems)
    _known(case, case.get("related") or [], cases, "related case", problems)
    _known(case, [case["entity"]] if case.get("entity") else [], entities, "case entity", problems)
    _known(case, case.get("sources") or [], sources, "source", problems)


def _check_event_refs(
    event: Record,
    threads: set[str],
    entities: set[str],
    cases: set[str],
    documents: set[str],
    events: set[str],
    problems: _Problems,
) -> None:
    evidence = _nested(event, "evidence", "evidence", problems)
    links = _nested(event, "links", "link", problems)
    _known(event, event.get("threads") or [], threads, "thread", problems)
    _known(event, event.get("entities") or [], entities, "entity", problems)
    _known(event, [event["case"]] if event.get("case") else [], cases, "case", problems)
    _known(event, [item.get("source") for item in evidence], documents, "evidence source", problems)
    _known(event, [link.get("target") for link in links], events, "link target", problems)
    if isinstance(event.get("evidence"), list) and not event["evidence"]:
        problems.add(
            event["_file"], event.get("key"), "an event needs at least one source in 'evidence'"
        )
    if _ends_before_start(event.get("date"), event.get("end")):
        problems.add(event["_file"], event.get("key"), "'end' is before 'date'")


def _ends_before_start(start: Any, end: Any) -> bool:
    if not start or not end or _partial(start) or _partial(end):
        return False
    return PartialDate.parse(str(end)).start < PartialDate.parse(str(start)).start


# --- loading --------------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What a load did, by kind of row."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    not_in_files: dict[str, list[str]] = field(default_factory=dict)
    submitted: list[str] = field(default_factory=list)
    pending_evidence: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated or +self.deleted)

    def lines(self) -> list[str]:
        kinds = sorted({*self.created, *self.updated, *self.unchanged, *self.deleted})
        out = [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            + (f", {self.deleted[kind]} deleted" if self.deleted[kind] else "")
            for kind in kinds
        ]
        for kind, keys in sorted(self.not_in_files.items()):
            out.append(f"{kind} in the database but not in the files (kept): {', '.join(keys)}")
        out += [f"document submitted: {key}" for key in self.submitted]
        out += [f"evidence not linked (document missing): {item}" for item in self.pending_evidence]
        if self.dry_run:
            out.append("dry run: nothing was saved")
        return out


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


def _differs(current: Any, wanted: Any) -> bool:
    return bool(current != wanted)


class _Loader:
    def __init__(self, corpus: Corpus, report: LoadReport) -> None:
        self.corpus = corpus
        self.report = report
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

    # generic upsert -------------------------------------------------------------------------

    def upsert(
        self, kind: str, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
    ) -> Any:
        """Create, update only the changed fields, or leave alone; count which."""
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            self.report.created[kind] += 1
            return model._default_manager.create(**lookup, **values)
        return self.update(kind, obj, values)

    def update(self, kind: str, obj: Any, values: dict[str, Any]) -> Any:
        changed = [name for name, value in values.items() if _differs(getattr(obj, name), value)]
        if not changed:
            self.report.unchanged[kind] += 1
            return obj
        for name in changed:
            setattr(obj, name, values[name])
        fields = {f.attname for f in obj._meta.concrete_fields}
        extra = ["updated_at"] if "updated_at" in fields else []
        obj.save(update_fields=changed + extra)
        self.report.updated[kind] += 1
        return obj

    def set_m2m(self, kind: str, manager: Any, wanted: Iterable[int]) -> None:
        wanted_ids = set(wanted)
        if set(manager.values_list("pk", flat=True)) != wanted_ids:
            manager.set(wanted_ids)
            self.report.updated[kind] += 1

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
                "status": DocumentStatus.REFERENCE,
                "case_id": self.cases[case_key].pk if case_key else None,
                "metadata": {"title_source": "url" if record.get("title_from_url") else "corpus"},
                **_published(record.get("published")),
            }
            self.documents[record["key"]] = self.upsert(
                "source", Document, {"corpus_key": record["key"]}, values
            )

    def submit_documents(self, process: bool) -> None:
        from casebase.knowledge.services.ingestion import SubmissionMeta, ingest_bytes

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
    }
