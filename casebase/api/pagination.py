"""Cursor pagination for the large collections; limit/offset for the small ones (settings)."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class StableCursorPagination(CursorPagination):
    """Cursor pages: stable under inserts, no COUNT(*) on large tables."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering: str | list[str] | tuple[str, ...] = "-id"


class EventCursorPagination(StableCursorPagination):
    ordering = ("date", "id")


class OldestFirstCursorPagination(StableCursorPagination):
    ordering = "id"
