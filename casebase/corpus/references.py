"""Checks across records: unique keys, and every reference (thread, entity, case, source,
document, event, alias) names a record that exists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import normalize_name

from .schema import KEY_RE, Corpus, Problems, Record, check_record, partial_date_error


def _unique_keys(records: list[Record], what: str, problems: Problems) -> set[str]:
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


def check_references(corpus: Corpus, problems: Problems) -> None:
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
        _check_case_refs(case, entities, cases, sources | documents, problems)
    for document in corpus.documents:
        where, key = document["_file"], document.get("key")
        if document.get("case") and document["case"] not in cases:
            problems.add(where, key, f"unknown case {document['case']!r}")
        if document.get("file") and not (corpus.directory / document["file"]).is_file():
            problems.add(where, key, f"text file {document['file']!r} not found")
    for event in corpus.events:
        _check_event_refs(event, threads, entities, cases, sources | documents, events, problems)


def _check_aliases(entities: list[Record], problems: Problems) -> None:
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


def _nested(record: Record, name: str, schema: str, problems: Problems) -> list[Record]:
    """The mappings listed under ``record[name]``, each checked against ``schema``."""
    where, key = record["_file"], record.get("key")
    items: list[Record] = []
    for item in record.get(name) or []:
        if not isinstance(item, dict):
            problems.add(where, key, f"each item of {name!r} must be a mapping")
            continue
        check_record({**item, "_file": where}, schema, problems, key)
        items.append(item)
    return items


def _known(
    record: Record, values: Iterable[Any], known: set[str], what: str, problems: Problems
) -> None:
    """Report each value that is not one of the ``known`` keys."""
    for value in values:
        if value not in known or value == record.get("key"):
            problems.add(record["_file"], record.get("key"), f"unknown {what} {value!r}")


def _check_case_refs(
    case: Record, entities: set[str], cases: set[str], sources: set[str], problems: Problems
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
    problems: Problems,
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
    if not start or not end or partial_date_error(start) or partial_date_error(end):
        return False
    return PartialDate.parse(str(end)).start < PartialDate.parse(str(start)).start
