"""Web views: thin; each asks a read-side query and renders a template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from casebase.knowledge.models import Case, Document, Entity, Event
from casebase.queries import home as home_queries


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "threads": home_queries.threads_with_counts(),
        "cases": home_queries.key_cases(),
        "latest_events": home_queries.latest_events(),
    }
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("case"), pk=pk)
    return render(request, "web/event_detail.html", {"event": event})


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("case"), pk=pk)
    return render(request, "web/document_detail.html", {"document": document})


def entity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entity = get_object_or_404(Entity, slug=slug)
    if entity.merged_into_id:
        return redirect(entity.survivor(), permanent=True)
    return render(request, "web/entity_detail.html", {"entity": entity})


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(Case, slug=slug)
    return render(request, "web/case_detail.html", {"case": case})
