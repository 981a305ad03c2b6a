"""Helpers shared by the views."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from casebase.queries.timeline import InvalidFilter


def page_of(request: HttpRequest, items: Any, per_page: int) -> Page:
    """The requested page (bad or out-of-range numbers give the nearest valid page)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def bad_filters(request: HttpRequest, error: InvalidFilter, title: str) -> HttpResponse:
    """400 with the list of invalid parameters, readable by people."""
    context = {"errors": error.errors, "title": title}
    return render(request, "web/bad_request.html", context, status=400)


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (e.g. without ``page`` for pager links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def wants_fragment(request: HttpRequest) -> bool:
    """The timeline script asks for page fragments with ?fragment=1."""
    return request.GET.get("fragment") == "1"
