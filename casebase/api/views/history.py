"""``GET /api/v1/<resource>/<id>/history/``: who or what changed the item, when and how."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from casebase.queries.history import history_of

from ..serializers.history import HistorySerializer


class HistoryMixin:
    """Adds the history of one item, readable by whoever may read the item."""

    get_object: Any

    @extend_schema(
        summary="The item's history: every create, change and delete, newest first",
        responses=HistorySerializer,
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def history(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entries = history_of(self.get_object())
        data = {"count": len(entries), "results": entries}
        return Response(HistorySerializer(data).data)
