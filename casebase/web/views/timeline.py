"""The timeline page: filters as a GET form, a visual timeline by thread and an ordered list."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casebase.knowledge.data_version import current_data_version
from casebase.knowledge.models import Case, Entity, Event, Origin, ReviewStatus, SourceKind, Thread
from casebase.queries.timeline import (
    OVERVIEW_LIMIT,
    InvalidFilter,
    TimelineFilters,
    filter_events,
    overview_rows,
)

from ..event_rows import event_rows
from ..timeline_layout import overview
from .common import bad_filters, page_of, query_without

PER_PAGE = 50
ENTITY_OPTIONS = 100
ENTITY_OPTIONS_KEY = "web:timeline:entity-options"
ENTITY_OPTIONS_SECONDS = 300
DOWNLOAD_FORMATS = (
    ("json", "JSON"),
    ("csv", "CSV (spreadsheet)"),
    ("timelinejs", "TimelineJS"),
    ("ics", "iCalendar"),
)


def download_links(filters: TimelineFilters) -> list[tuple[str, str]]:
    pairs = filters.to_params()
    return [
        (label, "/api/v1/timeline/?" + urlencode([*pairs, ("format", fmt)]))
        for fmt, label in DOWNLOAD_FORMATS
    ]


def feed_url(filters: TimelineFilters) -> str:
    """The Atom feed of the changes of the events these filters show."""
    pairs = filters.to_params()
    return reverse("web:feed-timeline") + ("?" + urlencode(pairs) if pairs else "")


def timeline(request: HttpRequest) -> HttpResponse:
    try:
        filters = TimelineFilters.from_params(request.GET)
        events = filter_events(filters, Event.objects.visible_to(request.user))
        page = page_of(request, events.timeline_order().with_row_details(request.user), PER_PAGE)
    except InvalidFilter as error:
        return bad_filters(request, error, "Timeline")
    threads = list(Thread.objects.all())
    rows = event_rows(page.object_list)
    context = {
        "filters": filters,
        "page": page,
        "rows": rows,
        "overview": overview(overview_rows(events), threads),
        "overview_limit": OVERVIEW_LIMIT,
        "timeline_url": reverse("web:timeline"),
        "threads": threads,
        "cases": Case.objects.only("slug", "short_name").order_by("short_name"),
        "origins": Origin.choices,
        "source_kinds": SourceKind.choices,
        "reviews": ReviewStatus.choices,
        "selected_entities": _selected_entities(filters),
        "entity_options": _entity_options(),
        "downloads": download_links(filters),
        "feed_url": feed_url(filters),
        "pager_query": query_without(request, "page", "fragment"),
    }
    return render(request, "web/timeline.html", context)


def _entity_options() -> list[tuple[str, str]]:
    """The entities with most events, for the entity field's suggestions (cached until the data
        changes, so that a freshly rendered timeline never shows old suggestions); shared by every
    reader, so only published entities."""
    key = f"{ENTITY_OPTIONS_KEY}:{current_data_version()}"
    options = cache.get(key)
    if options is None:
        published = Entity.objects.published().filter(merged_into__isnull=True)
        entities = published.annotate(n=Count("events"))
        top = entities.filter(n__gt=0).order_by("-n", "name")[:ENTITY_OPTIONS]
        options = list(top.values_list("slug", "name"))
        cache.set(key, options, ENTITY_OPTIONS_SECONDS)
    return options


def _selected_entities(filters: TimelineFilters) -> list[tuple[str, str]]:
    if not filters.entities:
        return []
    names = dict(Entity.objects.filter(slug__in=filters.entities).values_list("slug", "name"))
    return [(slug, names.get(slug, slug)) for slug in filters.entities]
