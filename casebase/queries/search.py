"""Full-text search over documents, events and claims, with snippets and facets.

On PostgreSQL: ``websearch_to_tsquery`` over the GIN-indexed vectors of ``search_vectors``,
ranked by ``ts_rank`` and highlighted by ``ts_headline`` (stemmed: "distilled" finds
"distillation"). Elsewhere (the embedded SQLite mode): every word must appear (icontains) in
the title or text; titles that match rank first, then newer items; snippets are cut in Python.

Every document is searched, citation records included (their title, publisher, authors and
notes; their text once fetched).

Facets narrow the result: ``kind`` (document kind; also applies to claims through their
document, and leaves events out), ``case`` (slug), ``year``, ``thread`` (slug; events only, so
it leaves documents and claims out), ``source_kind`` (documents of that kind of source, claims
in them, events with evidence from one: ``event_filters.with_source_kinds``, the timeline's
rule) and ``has_text`` (``yes``: documents with text; ``no``: citation records without; documents
only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Extract, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from casebase.knowledge import search_vectors as vectors
from casebase.knowledge.models import Claim, Document, DocumentKind, Event, SourceKind
from casebase.knowledge.models.events import EventQuerySet
from casebase.knowledge.models.querysets import HEAVY_DOCUMENT_FIELDS, Reader

from . import event_filters
from .params import InvalidFilter

PER_SECTION = 10
PER_PAGE = 25
SNIPPET_CHARS = 220
MAX_QUERY_LENGTH = 200
TYPES = ("document", "event", "claim")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use markers ts_headline wraps matches in


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    kind: str = ""
    case: str = ""
    year: int | None = None
    thread: str = ""
    type: str = ""  # one of TYPES: page through that type only
    page: int = 1
    source_kind: str = ""
    has_text: str = ""  # "yes", "no" or "" (either)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> SearchParams:
        def get(name: str) -> str:
            return " ".join(str(params.get(name) or "").split())

        errors: dict[str, str] = {}
        q, kind, kind_type = get("q"), get("kind"), get("type")
        if len(q) > MAX_QUERY_LENGTH:
            errors["q"] = f"at most {MAX_QUERY_LENGTH} characters"
        if kind and kind not in DocumentKind.values:
            errors["kind"] = f"unknown document kind {kind!r}"
        if kind_type and kind_type not in TYPES:
            errors["type"] = f"use one of: {', '.join(TYPES)}"
        source_kind, has_text = get("source_kind"), get("has_text")
        if source_kind and source_kind not in SourceKind.values:
            errors["source_kind"] = f"unknown kind of source {source_kind!r}"
        if has_text not in ("", "yes", "no"):
            errors["has_text"] = "use yes or no"
        year = _int(get("year"), "year", errors)
        page = _int(get("page"), "page", errors) or 1
        if errors:
            raise InvalidFilter(errors)
        return cls(
            q,
            kind,
            get("case"),
            year,
            get("thread"),
            kind_type,
            max(page, 1),
            source_kind,
            has_text,
        )

    def facet_params(self) -> dict[str, str]:
        """The current query string without paging, for facet links."""
        pairs = {"q": self.q, "kind": self.kind, "case": self.case, "thread": self.thread}
        pairs.update(source_kind=self.source_kind, has_text=self.has_text)
        pairs["year"] = str(self.year) if self.year else ""
        return {k: v for k, v in pairs.items() if v}


def _int(text: str, name: str, errors: dict[str, str]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or len(text) > 6:
        errors[name] = "give a whole number"
        return None
    return int(text)


@dataclass
class Hit:
    type: str
    obj: Any
    snippet: SafeString


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    params: SearchParams
    backend: str
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- snippets ----------------------------------------------------------------------------------


def _marked(text: str) -> SafeString:
    """Escape ts_headline output and turn its markers into <mark>; plain if unbalanced."""
    if text.count(_OPEN) != text.count(_CLOSE):
        return SafeString(escape(text.replace(_OPEN, "").replace(_CLOSE, "")))
    html = escape(text).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    return mark_safe(html)  # escaped above; only our own <mark> added


def python_snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> SafeString:
    """A window of ``text`` around the first matching word, escaped, matches in <mark>."""
    if not text:
        return SafeString("")
    pattern = re.compile("|".join(re.escape(w) for w in words if w), re.IGNORECASE)
    match = pattern.search(text) if words else None
    start = max(0, (match.start() if match else 0) - width // 3)
    window = text[start : start + width]
    pieces: list[str] = ["…" if start else ""]
    last = 0
    for found in pattern.finditer(window) if words else ():
        pieces.append(escape(window[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    pieces.append(escape(window[last:]))
    if start + width < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # every piece escaped


# --- per-type querysets ------------------------------------------------------------------------


def _base_querysets(params: SearchParams, user: Reader) -> dict[str, QuerySet[Any]]:
    """Items of each type ``user`` may read after facet filters (types a facet rules out are
    absent)."""
    documents: QuerySet[Any] = Document.objects.visible_to(user)
    events: QuerySet[Any] = Event.objects.visible_to(user)
    claims: QuerySet[Any] = Claim.objects.visible_to(user)
    if params.case:
        documents = documents.filter(case__slug=params.case)
        events = events.filter(case__slug=params.case)
        claims = claims.filter(document__case__slug=params.case)
    if params.year:
        documents = documents.filter(published_on__year=params.year)
        events = events.filter(date__year=params.year)
        claims = claims.filter(made_on__year=params.year)
    querysets = {"document": documents, "event": events, "claim": claims}
    if params.kind:
        querysets["document"] = documents.filter(kind=params.kind)
        querysets["claim"] = claims.filter(document__kind=params.kind)
        del querysets["event"]
    if params.thread:
        querysets = {"event": events.filter(threads__slug=params.thread).distinct()}
    if params.source_kind:
        for type_, queryset in list(querysets.items()):
            if type_ == "event":
                events_only = cast(EventQuerySet, queryset)
                querysets[type_] = event_filters.with_source_kinds(
                    events_only, [params.source_kind]
                )
            else:
                path = "source_kind" if type_ == "document" else "document__source_kind"
                querysets[type_] = queryset.filter(**{path: params.source_kind})
    if params.has_text:
        documents = querysets.get("document", Document.objects.none())
        with_text = params.has_text == "yes"
        querysets = {
            "document": documents.exclude(text="") if with_text else documents.filter(text="")
        }
    return querysets


_VECTOR = {
    "document": vectors.document_vector,
    "event": vectors.event_vector,
    "claim": vectors.claim_vector,
}
_TEXT_FIELDS = {
    "document": ("title", "text", "publisher", "publisher_note", "authors"),
    "event": ("title", "summary"),
    "claim": ("content", "quote", "speaker_text"),
}
_SNIPPET_SOURCE = {"document": "text", "event": "summary", "claim": "content"}
_DATE = {"document": "published_on", "event": "date", "claim": "made_on"}


def _match(type_: str, queryset: QuerySet[Any], q: str) -> QuerySet[Any]:
    if uses_postgres():
        query = SearchQuery(q, config=vectors.CONFIG, search_type="websearch")
        if type_ == "document":  # the stored, trigger-kept column
            return queryset.filter(search_vector=query)
        return queryset.annotate(search_vector=_VECTOR[type_]()).filter(search_vector=query)
    condition = Q()
    for word in q.split():
        any_field = Q()
        for name in _TEXT_FIELDS[type_]:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)


def _ranked(type_: str, matched: QuerySet[Any], q: str) -> QuerySet[Any]:
    date_order = F(_DATE[type_]).desc(nulls_last=True)
    if uses_postgres():
        query = SearchQuery(q, config=vectors.CONFIG, search_type="websearch")
        source: Any = _SNIPPET_SOURCE[type_]
        if type_ == "document":
            source = Left("text", vectors.MAX_INDEXED_CHARS)
        headline = SearchHeadline(
            source,
            query,
            config=vectors.CONFIG,
            start_sel=_OPEN,
            stop_sel=_CLOSE,
            max_words=35,
            min_words=15,
            max_fragments=2,
        )
        return matched.annotate(
            rank=SearchRank(F("search_vector"), query), headline=headline
        ).order_by("-rank", date_order, "-id")
    title = _TEXT_FIELDS[type_][0]
    title_hit = Q()
    for word in q.split():
        title_hit &= Q(**{f"{title}__icontains": word})
    in_title = Case(When(title_hit, then=Value(1)), default=Value(0))
    return matched.annotate(rank=in_title).order_by("-rank", date_order, "-id")


def _light(type_: str, queryset: QuerySet[Any]) -> QuerySet[Any]:
    if type_ == "document":
        documents = queryset.select_related("case")
        light = [name.removeprefix("document__") for name in HEAVY_DOCUMENT_FIELDS]
        return documents.defer(*light) if uses_postgres() else documents
    if type_ == "event":
        return queryset.select_related("case").prefetch_related("threads")
    return queryset.select_related("speaker", "document").defer(*HEAVY_DOCUMENT_FIELDS)


def _hits(type_: str, rows: list[Any], q: str) -> list[Hit]:
    words = q.split()
    hits = []
    for row in rows:
        if hasattr(row, "headline"):
            snippet = _marked(row.headline or "")
        else:
            snippet = python_snippet(getattr(row, _SNIPPET_SOURCE[type_]) or "", words)
        if type_ == "document" and not snippet:  # a citation record: what the citation says
            snippet = python_snippet(row.publisher_note or "", words)
        hits.append(Hit(type_, row, snippet))
    return hits


# --- facets ------------------------------------------------------------------------------------


_CASE_PATH = {"document": "case", "event": "case", "claim": "document__case"}


def _grouped(type_: str, matched: QuerySet[Any]) -> list[dict[str, Any]]:
    """Matches counted by (case, year[, document kind]): facets and the total in one query."""
    case = _CASE_PATH[type_]
    columns: dict[str, Any] = {
        "slug": F(f"{case}__slug"),
        "name": F(f"{case}__short_name"),
        "y": Extract(_DATE[type_], "year"),
    }
    fields = ["kind", "source_kind"] if type_ == "document" else []
    if type_ == "document":
        columns["with_text"] = Case(When(text="", then=Value(0)), default=Value(1))
    rows = matched.order_by().values(*fields, **columns)
    return list(rows.annotate(n=Count("pk", distinct=True)))


def _thread_counts(events: QuerySet[Any]) -> list[dict[str, Any]]:
    rows = (
        events.order_by()
        .filter(threads__isnull=False)
        .values(slug=F("threads__slug"), name=F("threads__name"))
        .annotate(n=Count("pk", distinct=True))
    )
    return list(rows)


def _facets(
    grouped: dict[str, list[dict[str, Any]]], threads: list[dict[str, Any]]
) -> dict[str, list[FacetValue]]:
    kinds: Counter[str] = Counter()
    source_kinds: Counter[str] = Counter()
    has_text: Counter[str] = Counter()
    cases: Counter[tuple[str, str]] = Counter()
    years: Counter[int] = Counter()
    for rows in grouped.values():
        for row in rows:
            if row["slug"]:
                cases[(row["slug"], row["name"])] += row["n"]
            if row["y"]:
                years[int(row["y"])] += row["n"]
            if row.get("kind"):
                kinds[row["kind"]] += row["n"]
            if row.get("source_kind"):
                source_kinds[row["source_kind"]] += row["n"]
            if "with_text" in row:
                has_text["yes" if row["with_text"] else "no"] += row["n"]
    labels = dict(DocumentKind.choices)
    source_labels = dict(SourceKind.choices)
    text_labels = {"yes": "With text", "no": "Citation records (no text)"}
    return {
        "kind": [FacetValue(k, labels.get(k, k), n) for k, n in kinds.most_common()],
        "source_kind": [
            FacetValue(k, source_labels.get(k, k), n) for k, n in source_kinds.most_common()
        ],
        "has_text": [
            FacetValue(k, text_labels[k], n) for k, n in sorted(has_text.items(), reverse=True)
        ],
        "case": [FacetValue(s, name, n) for (s, name), n in cases.most_common()],
        "year": [FacetValue(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)],
        "thread": [FacetValue(r["slug"], r["name"], r["n"]) for r in threads],
    }


def search(params: SearchParams, user: Reader) -> SearchResults:
    """Run a search over what ``user`` may read: per type one grouped count (facets and
    total) and one page of hits."""
    results = SearchResults(params=params, backend="postgres" if uses_postgres() else "basic")
    if not params.q:
        return results
    matched = {
        type_: _match(type_, queryset, params.q)
        for type_, queryset in _base_querysets(params, user).items()
    }
    grouped = {type_: _grouped(type_, queryset) for type_, queryset in matched.items()}
    for type_ in TYPES:
        results.counts[type_] = sum(row["n"] for row in grouped.get(type_, []))
        if type_ not in matched or (params.type and params.type != type_):
            continue
        size = PER_PAGE if params.type else PER_SECTION
        offset = (params.page - 1) * size if params.type else 0
        if results.counts[type_] == 0 or offset >= results.counts[type_]:
            results.hits[type_] = []
            continue
        ranked = _light(type_, _ranked(type_, matched[type_], params.q))
        rows = list(ranked[offset : offset + size])
        results.hits[type_] = _hits(type_, rows, params.q)
    threads = _thread_counts(matched["event"]) if results.counts["event"] else []
    results.facets = _facets(grouped, threads)
    return results
