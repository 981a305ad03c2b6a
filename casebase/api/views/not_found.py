"""Any other path under /api/v1/: a 404 in the API's error format, not an HTML page."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView


@extend_schema(exclude=True)
class NotFoundView(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        raise NotFound("No such API endpoint.")

    post = put = patch = delete = get
