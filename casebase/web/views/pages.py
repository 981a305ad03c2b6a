"""Home, event, document, entity and case pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from casebase.knowledge.models import Thread
from casebase.queries import cases as case_queries
from casebase.queries import documents as document_queries
from casebase.queries import entities as entity_queries
from casebase.queries import events as event_queries
from casebase.queries import home as home_queries
from casebase.queries.citations import document_citable, event_citable
from casebase.queries.history import change_summary
from casebase.queries.timeline import OVERVIEW_LIMIT, overview_rows

from ..annotate import render_annotated
from ..document_spans import annotations_for
from ..event_rows import event_rows
from ..timeline_layout import overview
from .citations import cite_context, site_base
from .common import page_of, wants_fragment
from .follow import follow_context

CASE_DOCUMENTS_PER_PAGE = 100
CASE_EVENTS_LIMIT = 100


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "threads": home_queries.threads_with_counts(request.user),
        "cases": home_queries.key_cases(request.user),
        "latest_events": home_queries.latest_events(request.user),
    }
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_queries.visible_event(pk, request.user)
    if event is None:
        raise Http404("No such event.")
    item = event_citable(event, site_base(request), timezone.now().date(), with_sources=False)
    links = event_queries.linked_events(event)
    context = {
        "event": event,
        "links": links,
        "conflicts": event_queries.conflicts(event, links),
        "cite": cite_context(item, "web:event-cite-file", event.pk),
    }
    if wants_fragment(request):
        return render(request, "web/_event_panel.html", {**context, "in_panel": True})
    context["history"] = change_summary(event)
    return render(request, "web/event_detail.html", context)


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = document_queries.document_page(pk, request.user)
    if page is None:
        raise Http404("No such document.")
    document = page.document
    context = {
        "document": document,
        "page": page,
        "text_html": render_annotated(
            document.text, annotations_for(page), document.page_offsets, page.ocr_page_notes
        ),
        "ocr_pages": page.ocr_pages,
        "events": page.events,
        "claims": page.claims,
        "page_count": len(document.page_offsets),
        "cite": cite_context(
            document_citable(document, site_base(request), timezone.now().date()),
            "web:document-cite-file",
            document.pk,
        ),
    }
    return render(request, "web/document_detail.html", context)


def entity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entity = entity_queries.entity_by_slug(slug, request.user)
    if entity is None:
        raise Http404("No such entity.")
    if entity.merged_into_id:
        return redirect(entity.survivor(), permanent=True)
    data = entity_queries.entity_page(entity, request.user)
    context = {
        "entity": entity,
        "data": data,
        "rows": event_rows(data.events, details=False),
        **follow_context(request, entity=entity),
        "overview": overview(overview_rows(data.event_base), Thread.objects.all()),
        "overview_limit": OVERVIEW_LIMIT,
    }
    return render(request, "web/entity_detail.html", context)


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = case_queries.case_by_slug(slug)
    if case is None:
        raise Http404("No such case.")
    data = case_queries.case_page(case, request.user)
    context = {
        "case": case,
        "data": data,
        "rows": event_rows(data.events[:CASE_EVENTS_LIMIT], details=False),
        "overview": overview(overview_rows(data.event_base), Thread.objects.all()),
        "overview_limit": OVERVIEW_LIMIT,
        "documents": page_of(request, data.documents, CASE_DOCUMENTS_PER_PAGE),
        **follow_context(request, case=case),
        "case_links": case_queries.case_links(case, request.user),
    }
    return render(request, "web/case_detail.html", context)
