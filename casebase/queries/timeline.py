"""The timeline query, shared by the web timeline, the API and the exports.

``TimelineFilters.from_params(request.GET)`` parses a query string (or any mapping) and
``timeline_events(filters, user)`` returns the matching events ``user`` may read, in timeline order,
with what a page or serializer needs prefetched so rendering costs a fixed number of queries.

Filter semantics (documented in docs/web.md):

- ``case``: one case slug.
- ``entity``: one or more entity slugs (repeat the parameter or separate with commas); an event
  must involve ALL of them. A merged entity's slug stands for its survivor.
- ``thread``: one or more thread slugs; an event on ANY of them matches.
- ``date_from`` / ``date_to``: partial ISO dates ("2015", "2018-02", "2026-04-30"). An event whose
  period (its date at its precision, through its end date if any) overlaps the range matches.
- ``origin``: ``curated`` or ``extracted``.
- ``review``: one or more review statuses; by default every status except ``rejected``.
- ``q``: free text; every word must appear in the title or summary (case-insensitive).
- ``unverified``: include low-confidence events (default yes; they are flagged, not hidden).
- ``source_kind``: one or more kinds of source (``court_record``, ...); an event must have
  evidence from a document of ANY of them ("court records only").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from django.db.models import QuerySet

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import (
    Event,
    Origin,
    ReviewStatus,
)
from casebase.knowledge.models.choices import Confidence, SourceKind
from casebase.knowledge.models.events import EventQuerySet

from . import event_filters
from .entities import entities_named
from .params import InvalidFilter, without_invalid

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
MAX_VALUES = 20  # per multi-valued parameter
MAX_QUERY_LENGTH = 200


def _values(params: Mapping[str, Any], name: str) -> list[str]:
    """All values of ``name``: repeated parameters (QueryDict) and/or comma-separated text."""
    if hasattr(params, "getlist"):
        raw: Iterable[Any] = params.getlist(name)
    else:
        value = params.get(name)
        raw = value if isinstance(value, list | tuple) else ([] if value is None else [value])
    out: list[str] = []
    for item in raw:
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def _single(params: Mapping[str, Any], name: str) -> str:
    values = _raw_text(params, name) if name == "q" else _values(params, name)
    if len(values) > 1:
        raise ValueError("give one value")
    return values[0] if values else ""


def _raw_text(params: Mapping[str, Any], name: str) -> list[str]:
    """Free text keeps its commas."""
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    text = " ".join(str(value or "").split())
    return [text] if text else []


def _parse_bool(text: str, default: bool) -> bool:
    if not text:
        return default
    lowered = text.lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise ValueError("use yes or no")


def _parse_choice(values: list[str], allowed: Iterable[str]) -> tuple[str, ...]:
    allowed = tuple(allowed)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"unknown value {bad[0]!r} (use one of: {', '.join(allowed)})")
    return tuple(values)


@dataclass(frozen=True)
class TimelineFilters:
    """A parsed, validated timeline filter state. Empty fields mean "no restriction"."""

    case: str = ""
    entities: tuple[str, ...] = ()
    threads: tuple[str, ...] = ()
    date_from: PartialDate | None = None
    date_to: PartialDate | None = None
    origin: str = ""
    review: tuple[str, ...] = ()
    q: str = ""
    unverified: bool = True
    source_kinds: tuple[str, ...] = ()

    # Query-string parameter name for each field (the names researchers see in URLs).
    PARAM_NAMES = {
        "case": "case",
        "entities": "entity",
        "threads": "thread",
        "date_from": "date_from",
        "date_to": "date_to",
        "origin": "origin",
        "review": "review",
        "q": "q",
        "unverified": "unverified",
        "source_kinds": "source_kind",
    }

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> TimelineFilters:
        """Parse a query dict; raise ``InvalidFilter`` listing every bad parameter."""
        errors: dict[str, str] = {}
        parsed: dict[str, Any] = {}
        parsers = {
            "case": lambda: _single(params, "case"),
            "entities": lambda: _limited(_values(params, "entity")),
            "threads": lambda: _limited(_values(params, "thread")),
            "date_from": lambda: _parse_date(_single(params, "date_from")),
            "date_to": lambda: _parse_date(_single(params, "date_to")),
            "origin": lambda: (
                "".join(_parse_choice([_single(params, "origin")], Origin.values))
                if _single(params, "origin")
                else ""
            ),
            "review": lambda: _parse_choice(_values(params, "review"), ReviewStatus.values),
            "q": lambda: _parse_q(_single(params, "q")),
            "unverified": lambda: _parse_bool(_single(params, "unverified"), default=True),
            "source_kinds": lambda: _parse_choice(
                _values(params, "source_kind"), SourceKind.values
            ),
        }
        for name, parse in parsers.items():
            try:
                parsed[name] = parse()
            except ValueError as exc:
                errors[cls.PARAM_NAMES[name]] = str(exc)
        start, end = parsed.get("date_from"), parsed.get("date_to")
        if start and end and start.start > end.end:
            errors["date_to"] = "ends before date_from"
        if errors:
            raise InvalidFilter(errors)
        return cls(**parsed)

    def to_params(self) -> list[tuple[str, str]]:
        """The query-string pairs that reproduce these filters (defaults left out)."""
        pairs: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            name = self.PARAM_NAMES[f.name]
            if f.name == "unverified":
                if not value:
                    pairs.append((name, "no"))
            elif isinstance(value, tuple):
                pairs.extend((name, item) for item in value)
            elif isinstance(value, PartialDate):
                pairs.append((name, value.iso()))
            elif value:
                pairs.append((name, str(value)))
        return pairs

    @property
    def is_empty(self) -> bool:
        return not self.to_params()


def _limited(values: list[str]) -> tuple[str, ...]:
    if len(values) > MAX_VALUES:
        raise ValueError(f"at most {MAX_VALUES} values")
    return tuple(values)


def _parse_date(text: str) -> PartialDate | None:
    if not text:
        return None
    return PartialDate.parse(text)


def _parse_q(text: str) -> str:
    if len(text) > MAX_QUERY_LENGTH:
        raise ValueError(f"at most {MAX_QUERY_LENGTH} characters")
    return text


def _resolve(filters: TimelineFilters) -> tuple[list[int], list[int], list[int]]:
    """Case, entity and thread ids of the filters' slugs; ``InvalidFilter`` names any unknown."""
    errors: dict[str, str] = {}
    found: list[list[int]] = []
    for param, slugs, lookup, noun in (
        ("case", (filters.case,) if filters.case else (), event_filters.case_ids, "case"),
        ("entity", filters.entities, event_filters.entity_ids, "entity"),
        ("thread", filters.threads, event_filters.thread_ids, "thread"),
    ):
        ids = lookup(slugs) if slugs else {}
        missing = [slug for slug in slugs if slug not in ids]
        if missing:
            errors[param] = f"no {noun} {missing[0]!r}"
        found.append(sorted(set(ids.values())))
    if errors:
        raise InvalidFilter(errors)
    return found[0], found[1], found[2]


def filter_events(filters: TimelineFilters, events: EventQuerySet) -> EventQuerySet:
    """Those of ``events`` (``Event.objects.visible_to(user)``) that match ``filters``,
    unordered and without prefetches (for counts and facets). The meaning of each filter is
    ``event_filters``'s, shared with the API."""
    cases, entities, threads = _resolve(filters)
    if cases:
        events = event_filters.in_cases(events, cases)
    events = event_filters.involving_all(events, entities)
    if threads:
        events = event_filters.on_threads(events, threads)
    events = event_filters.in_period(events, filters.date_from, filters.date_to)
    if filters.origin:
        events = events.filter(origin=filters.origin)
    if filters.review:
        events = events.filter(review_status__in=filters.review)
    else:
        events = events.exclude(review_status=ReviewStatus.REJECTED)
    events = event_filters.containing_words(events, filters.q)
    if not filters.unverified:
        events = events.exclude(confidence=Confidence.LOW)
    return event_filters.with_source_kinds(events, filters.source_kinds)


def timeline_events(filters: TimelineFilters, user: Any = None) -> QuerySet[Event]:
    """Events ``user`` may read that match ``filters``, in timeline order, with details
    prefetched. Raises ``InvalidFilter`` when a slug names no case, entity or thread."""
    return (
        filter_events(filters, Event.objects.visible_to(user)).timeline_order().with_details(user)
    )


OVERVIEW_LIMIT = 2000


def overview_rows(events: QuerySet[Event], limit: int = OVERVIEW_LIMIT) -> list[dict[str, Any]]:
    """Light rows for drawing many events at once: one per (event, thread), by date.

    ``events`` is a filtered queryset (``filter_events``); at most ``limit`` rows come back.
    """
    rows = events.order_by("date", "id").values(
        "id",
        "title",
        "date",
        "date_precision",
        "end_date",
        "end_precision",
        "confidence",
        "threads__slug",
    )
    return cast(list[dict[str, Any]], list(rows[:limit]))


@dataclass(frozen=True)
class ReadableFilters:
    filters: TimelineFilters  # the valid filters, entities as slugs
    errors: dict[str, str]  # parameter -> what is wrong with it
    unknown_entities: tuple[str, ...]  # entity values that name no entity, as typed


def readable_filters(params: Mapping[str, Any]) -> ReadableFilters:
    """The filters a page can show for ``params``, and what was wrong with the rest.

    Unlike ``TimelineFilters.from_params`` nothing is refused: an invalid parameter is left
    out (and named in the errors, with its message), so the page keeps every other filter and
    shows the error beside its field. An entity may be given by slug, name or alias; names are
    replaced by the slug of the entity they name (``entities.entities_named``). Unknown case,
    entity or thread values are errors too.
    """
    filters, errors = without_invalid(TimelineFilters.from_params, params)
    named = entities_named(filters.entities)
    unknown = [value for value in filters.entities if value not in named]
    if unknown:
        errors["entity"] = f"no entity is called {unknown[0]!r}: pick one of the suggestions"
    slugs = tuple(dict.fromkeys(named[value].slug for value in filters.entities if value in named))
    ids = event_filters.case_ids([filters.case]) if filters.case else {}
    if filters.case and filters.case not in ids:
        errors["case"] = f"no case {filters.case!r}"
    threads = event_filters.thread_ids(filters.threads)
    missing_threads = [slug for slug in filters.threads if slug not in threads]
    if missing_threads:
        errors["thread"] = f"no thread {missing_threads[0]!r}"
    filters = replace(
        filters,
        entities=slugs,
        case=filters.case if filters.case in ids else "",
        threads=tuple(slug for slug in filters.threads if slug in threads),
    )
    return ReadableFilters(filters, errors, tuple(unknown))
