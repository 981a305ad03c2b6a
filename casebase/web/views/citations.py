"""Cite this: a document, a passage of it (``?span=<start>-<end>``) or an event, as a page to
copy from and as CSL-JSON and RIS files for reference managers."""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from casebase.exports.citations import Citable, citation_text, csl_json, ris
from casebase.queries import events as event_queries
from casebase.queries.citations import document_citable, event_citable
from casebase.queries.documents import document_queryset

SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")
CONTENT_TYPES = {
    "ris": "application/x-research-info-systems; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}


def site_base(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _span(request: HttpRequest, text_length: int) -> tuple[int, int] | None:
    raw = request.GET.get("span", "")
    if not raw:
        return None
    match = SPAN.match(raw)
    if not match or not int(match[1]) < int(match[2]) <= text_length:
        raise Http404("No such passage in this document.")
    return int(match[1]), int(match[2])


def _document_citable(request: HttpRequest, pk: int) -> Citable:
    document = document_queryset(request.user).filter(pk=pk).first()
    if document is None:
        raise Http404("No such document.")
    span = _span(request, len(document.text))
    return document_citable(document, site_base(request), timezone.now().date(), span)


def _event_citable(request: HttpRequest, pk: int) -> Citable:
    event = event_queries.visible_event(pk, request.user)
    if event is None:
        raise Http404("No such event.")
    return event_citable(event, site_base(request), timezone.now().date())


def _download(item: Citable, fmt: str) -> HttpResponse:
    body = ris(item) if fmt == "ris" else json.dumps(csl_json(item), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{item.key}.{fmt}"'
    return response


def document_cite_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Citations come as .ris or .json (CSL-JSON).")
    return _download(_document_citable(request, pk), fmt)


def event_cite_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Citations come as .ris or .json (CSL-JSON).")
    return _download(_event_citable(request, pk), fmt)


def document_cite(request: HttpRequest, pk: int) -> HttpResponse:
    """The citation page of a document or passage (linked from evidence and the reader)."""
    item = _document_citable(request, pk)
    span = request.GET.get("span", "") if item.quote else ""
    context = {"cite": cite_context(item, "web:document-cite-file", pk, span), "item": item}
    return render(request, "web/cite.html", context)


def cite_context(item: Citable, files: str, pk: int, span: str = "") -> dict[str, Any]:
    """What the "Cite this" block shows: permalink, access date, the text and the links to the
    CSL-JSON and RIS files (URL name ``files``)."""
    query = f"?span={span}" if span else ""
    return {
        "permalink": item.permalink,
        "accessed": item.accessed.isoformat(),
        "text": citation_text(item),
        "ris": reverse(files, kwargs={"pk": pk, "fmt": "ris"}) + query,
        "json": reverse(files, kwargs={"pk": pk, "fmt": "json"}) + query,
        "key": item.key,
        "item": item,
    }
