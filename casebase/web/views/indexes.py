"""The indexes: every document, entity and case, filtered and paged (/documents/, /entities/,
/cases/). An invalid filter value is named beside its field, on the same page, with the other
filters kept; the results stay empty until it is corrected."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from casebase.queries import indexes

from ..index_forms import CaseIndexForm, DocumentIndexForm, EntityIndexForm
from .common import page_of, query_without

PER_PAGE = 50


def _render(request: HttpRequest, form: forms.Form, items: QuerySet, template: str) -> HttpResponse:
    valid = form.is_bound and not form.errors
    context = {
        "form": form,
        "page": page_of(request, items, PER_PAGE),
        "pager_query": query_without(request, "page"),
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, template, context, status=200 if valid else 400)


def documents_index(request: HttpRequest) -> HttpResponse:
    form = DocumentIndexForm(request.GET)
    items = (
        indexes.documents_index(form.filters(), request.user)
        if form.is_valid()
        else indexes.no_documents()
    )
    return _render(request, form, items, "web/documents_index.html")


def entities_index(request: HttpRequest) -> HttpResponse:
    form = EntityIndexForm(request.GET)
    items = indexes.entities_index(form.filters()) if form.is_valid() else indexes.no_entities()
    return _render(request, form, items, "web/entities_index.html")


def cases_index(request: HttpRequest) -> HttpResponse:
    form = CaseIndexForm(request.GET)
    items = indexes.cases_index(form.filters()) if form.is_valid() else indexes.no_cases()
    return _render(request, form, items, "web/cases_index.html")
