"""Full-text search page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from casebase.queries.params import without_invalid
from casebase.queries.search import PER_PAGE, SearchParams
from casebase.queries.search import search as run_search

FACET_TITLES = (
    ("kind", "Document kind"),
    ("source_kind", "Kind of source"),
    ("has_text", "Text"),
    ("case", "Case"),
    ("year", "Year"),
    ("thread", "Thread"),
)
TYPE_TITLES = (("document", "Documents"), ("event", "Events"), ("claim", "Claims"))


def search(request: HttpRequest) -> HttpResponse:
    """Results for the words and facets in the query string. A bad value is named on the page
    (status 400) and left out; the words and every other facet still apply."""
    params, errors = without_invalid(SearchParams.from_params, request.GET)
    results = run_search(params, request.user)
    base = params.facet_params()
    facets = [
        (name, title, [(fv, _toggle(base, name, fv.value)) for fv in results.facets.get(name, [])])
        for name, title in FACET_TITLES
    ]
    sections = [
        (type_, title, results.hits.get(type_, []), results.counts.get(type_, 0))
        for type_, title in TYPE_TITLES
    ]
    more_pages = bool(params.type) and results.counts.get(params.type, 0) > params.page * PER_PAGE
    context = {
        "params": params,
        "results": results,
        "facets": facets,
        "sections": sections,
        "base_query": _encode(base),
        "more_pages": more_pages,
        "errors": errors,
        "raw": request.GET,
    }
    return render(request, "web/search.html", context, status=400 if errors else 200)


def _toggle(base: dict[str, str], name: str, value: str) -> tuple[bool, str]:
    """(selected, query string that toggles this facet value)."""
    selected = base.get(name) == value
    params = dict(base)
    if selected:
        params.pop(name)
    else:
        params[name] = value
    return selected, _encode(params)


def _encode(params: dict[str, str]) -> str:
    return urlencode(params)
