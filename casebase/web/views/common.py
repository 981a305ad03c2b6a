"""Helpers shared by the views."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def page_of(request: HttpRequest, items: Any, per_page: int) -> Page:
    """The requested page (bad or out-of-range numbers give the nearest valid page)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (e.g. without ``page`` for pager links)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def wants_fragment(request: HttpRequest) -> bool:
    """The timeline script asks for page fragments with ?fragment=1."""
    return request.GET.get("fragment") == "1"
