"""``/api/v1/timeline/``: the web timeline's filters, exported as JSON, CSV, TimelineJS or
iCalendar (``?format=``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casebase.knowledge.models import Event
from casebase.knowledge.models.querysets import Reader
from casebase.queries.export_rows import export_rows
from casebase.queries.timeline import (
    InvalidFilter,
    TimelineFilters,
    filter_events,
)

from .. import params
from ..conditional import ConditionalGetMixin
from ..renderers import TIMELINE_RENDERERS
from ..schema import CasebaseAutoSchema, with_example
from ..timeline_params import TimelineParams
from . import timeline_schema

ATTACHMENTS = {"csv": "csv", "ics": "ics"}


class TimelineView(ConditionalGetMixin, APIView):
    """The filtered timeline, whole (not paginated), in the format asked for."""

    schema = CasebaseAutoSchema()
    permission_classes = [AllowAny]
    renderer_classes = TIMELINE_RENDERERS
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary="Export a filtered timeline as JSON, CSV, TimelineJS JSON or iCalendar",
        description=with_example(
            timeline_schema.DESCRIPTION,
            "Everything involving xAI, 2023-2026, for a calendar",
            "/api/v1/timeline/?entity=xai&date_from=2023&date_to=2026&format=ics",
        ),
        parameters=params.openapi_parameters(TimelineParams),
        responses={
            (200, "application/json"): timeline_schema.JSON_RESPONSE,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "text/calendar"): OpenApiTypes.STR,
        },
    )
    def get(self, request: Request) -> Response:
        params.reject_repeated(request.query_params, frozenset())
        form = TimelineParams(request.query_params)
        if not form.is_valid():
            raise params.form_errors(form)
        rows = export_rows(
            matching_events(form.filters(), request.user),
            base_url=request.build_absolute_uri("/"),
            user=request.user,
        )
        response = Response(rows)
        # Public data, meant to be embedded: a page on any site may fetch it (TimelineJS does,
        # from the newsroom's page). Browsers send no cookies with such a request, so what it
        # reads is what an anonymous reader gets.
        response["Access-Control-Allow-Origin"] = "*"
        extension = ATTACHMENTS.get(getattr(request.accepted_renderer, "format", ""))
        if extension:
            response["Content-Disposition"] = (
                f'attachment; filename="casebase-timeline.{extension}"'
            )
        return response

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        """Errors are always JSON, whatever export format was asked for."""
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = "application/json"
        return super().finalize_response(request, response, *args, **kwargs)


def matching_events(filters: TimelineFilters, user: Reader) -> QuerySet[Event]:
    """The timeline's events in order. As in every API filter, a well-formed slug that names
    nothing matches nothing (the web timeline says which slug is unknown instead)."""
    try:
        return filter_events(filters, Event.objects.visible_to(user)).timeline_order()
    except InvalidFilter:  # the only error left once TimelineParams has validated: no such slug
        return Event.objects.none()
