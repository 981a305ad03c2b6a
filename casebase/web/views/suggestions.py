"""Entity suggestions for the timeline's entity field, over every entity (names and aliases)."""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, JsonResponse

from casebase.queries.entities import suggest_entities

MAX_TEXT = 100


def entity_suggestions(request: HttpRequest) -> JsonResponse:
    text = request.GET.get("q", "")[:MAX_TEXT]
    return JsonResponse({"results": [asdict(s) for s in suggest_entities(text)]})
