"""The claims explorer: filter claims, and set each beside the claims that contradict it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from casebase.knowledge.models import Case, ClaimVerb
from casebase.queries.claims import readable_claims, speakers

from .common import page_of, query_without

PER_PAGE = 50


def claims_explorer(request: HttpRequest) -> HttpResponse:
    """Claims for the filters in the query string. A bad value is named beside its field
    (status 400) and left out; every other filter still applies."""
    filters, found, errors = readable_claims(request.GET, request.user)
    page = page_of(request, found, PER_PAGE)
    context = {
        "filters": filters,
        "errors": errors,
        "raw": request.GET,
        "page": page,
        "speakers": speakers(request.user),
        "verbs": ClaimVerb.choices,
        "cases": Case.objects.only("slug", "short_name").order_by("short_name"),
        "pager_query": query_without(request, "page"),
    }
    return render(request, "web/claims.html", context, status=400 if errors else 200)
