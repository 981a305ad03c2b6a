"""Search and ordering backends whose parameters are checked and described strictly: an unknown
ordering field is a 400 (DRF ignores it) and the schema lists the fields."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db.models import QuerySet
from django_filters import MultipleChoiceFilter
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters
from rest_framework.request import Request

from . import params


class StrictSearchFilter(filters.SearchFilter):
    """``?search=`` words; a NUL character is a 400 naming the parameter."""

    def get_search_terms(self, request: Request) -> list[str]:
        params.query_value(request.query_params, self.search_param, params.parse_text)
        terms: list[str] = super().get_search_terms(request)
        return terms

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = dict(params.TEXT_SCHEMA)
        return parameters


class StrictOrderingFilter(filters.OrderingFilter):
    """``?ordering=a,-b`` over the view's ``ordering_fields``; anything else is a 400."""

    def allowed(self, view: Any) -> list[str]:
        names = list(getattr(view, "ordering_fields", None) or [])
        return [term for name in names for term in (name, f"-{name}")]

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        parse = partial(params.parse_choices, allowed=self.allowed(view))
        fields = params.query_value(request.query_params, self.ordering_param, parse)
        return fields or self.get_default_ordering(view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Comma-separated fields to order by (prefix - for descending).",
                "schema": params.list_schema({"type": "string", "enum": self.allowed(view)}),
                "style": "form",
                "explode": False,
            }
        ]


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, plus: a parameter given twice is a 400 unless it is a repeatable list."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        filterset_class = self.get_filterset_class(view, queryset)
        declared = filterset_class.base_filters if filterset_class else {}
        params.reject_repeated(request.query_params, repeatable_filters(declared))
        return super().filter_queryset(request, queryset, view)


def repeatable_filters(declared: dict[str, Any]) -> frozenset[str]:
    return frozenset(name for name, f in declared.items() if isinstance(f, MultipleChoiceFilter))
