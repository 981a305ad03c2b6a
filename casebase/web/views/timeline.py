"""The timeline page: filters as a GET form, a visual timeline by thread and an ordered list."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casebase.knowledge.models import Case, Entity, Event, Origin, ReviewStatus, SourceKind, Thread
from casebase.queries.timeline import (
    OVERVIEW_LIMIT,
    TimelineFilters,
    filter_events,
    overview_rows,
    readable_filters,
)

from ..event_rows import event_rows
from ..timeline_layout import overview
from .common import page_of, query_without

PER_PAGE = 50
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
    """The timeline for the filters in the query string. A bad value is named beside its field
    (status 400) and left out; the page still applies and shows every other filter."""
    readable = readable_filters(request.GET)
    filters, errors = readable.filters, readable.errors
    events = filter_events(filters, Event.objects.visible_to(request.user))
    page = page_of(request, events.timeline_order().with_row_details(request.user), PER_PAGE)
    threads = list(Thread.objects.all())
    rows = event_rows(page.object_list)
    filter_query = urlencode(filters.to_params())
    context = {
        "filters": filters,
        "errors": errors,
        "raw": request.GET,
        "unknown_entities": ", ".join(readable.unknown_entities),
        "filter_query": filter_query + "&" if filter_query else "",
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
        "downloads": download_links(filters),
        "feed_url": feed_url(filters),
        "pager_query": query_without(request, "page", "fragment"),
    }
    return render(request, "web/timeline.html", context, status=400 if errors else 200)


def _selected_entities(filters: TimelineFilters) -> list[tuple[str, str]]:
    if not filters.entities:
        return []
    names = dict(Entity.objects.filter(slug__in=filters.entities).values_list("slug", "name"))
    return [(slug, names.get(slug, slug)) for slug in filters.entities]
