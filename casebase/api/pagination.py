"""Cursor pagination for the large collections; limit/offset for the small ones.

Page sizes, limits and offsets are checked strictly: a value outside the range the schema
declares is a 400 (DRF would silently use its default)."""

from __future__ import annotations

from functools import partial
from typing import Any

from rest_framework.pagination import CursorPagination, LimitOffsetPagination
from rest_framework.request import Request

from . import params

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
MAX_OFFSET = 2**31 - 1


def _with_range(parameters: list[dict[str, Any]], ranges: dict[str, tuple[int, int]]) -> Any:
    for parameter in parameters:
        if parameter["name"] in ranges:
            low, high = ranges[parameter["name"]]
            parameter["schema"] = params.integer_schema(low, high)
    return parameters


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """``?limit=`` (1..500, default 50) and ``?offset=`` (0..2**31-1), with a ``count``."""

    default_limit = DEFAULT_PAGE_SIZE
    max_limit = MAX_PAGE_SIZE

    def get_limit(self, request: Request) -> int:
        parse = partial(params.parse_integer, minimum=1, maximum=self.max_limit)
        limit = params.query_value(request.query_params, self.limit_query_param, parse)
        return self.default_limit if limit is None else int(limit)

    def get_offset(self, request: Request) -> int:
        parse = partial(params.parse_integer, minimum=0, maximum=MAX_OFFSET)
        offset = params.query_value(request.query_params, self.offset_query_param, parse)
        return 0 if offset is None else int(offset)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _with_range(
            super().get_schema_operation_parameters(view),
            {
                self.limit_query_param: (1, self.max_limit),
                self.offset_query_param: (0, MAX_OFFSET),
            },
        )


class StableCursorPagination(CursorPagination):
    """Cursor pages: stable under inserts, no COUNT(*) on large tables. A cursor that does
    not decode is DRF's 404 ("Invalid cursor")."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering: str | list[str] | tuple[str, ...] = "-id"

    def get_page_size(self, request: Request) -> int:
        parse = partial(params.parse_integer, minimum=1, maximum=self.max_page_size)
        size = params.query_value(request.query_params, self.page_size_query_param, parse)
        return self.page_size if size is None else int(size)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _with_range(
            super().get_schema_operation_parameters(view),
            {self.page_size_query_param: (1, self.max_page_size)},
        )


class EventCursorPagination(StableCursorPagination):
    ordering = ("date", "id")


class OldestFirstCursorPagination(StableCursorPagination):
    ordering = "id"
