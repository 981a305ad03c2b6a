"""The claims explorer: filter claims, and set each beside the claims that contradict it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from casebase.knowledge.models import Case, ClaimVerb
from casebase.queries.claims import ClaimFilters, claims, speakers
from casebase.queries.timeline import InvalidFilter

from .common import bad_filters, page_of, query_without

PER_PAGE = 50


def claims_explorer(request: HttpRequest) -> HttpResponse:
    try:
        filters = ClaimFilters.from_params(request.GET)
        page = page_of(request, claims(filters, request.user), PER_PAGE)
    except InvalidFilter as error:
        return bad_filters(request, error, "Claims")
    context = {
        "filters": filters,
        "page": page,
        "speakers": speakers(request.user),
        "verbs": ClaimVerb.choices,
        "cases": Case.objects.only("slug", "short_name").order_by("short_name"),
        "pager_query": query_without(request, "page"),
    }
    return render(request, "web/claims.html", context)
