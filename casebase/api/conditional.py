"""Conditional GET for read endpoints: a strong ETag over the rendered body, 304 on a match."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from rest_framework.request import Request
from rest_framework.response import Response


class ConditionalGetMixin:
    """Adds ``ETag`` to successful GET/HEAD answers and answers ``If-None-Match`` with 304."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if (
            request.method in ("GET", "HEAD")
            and isinstance(response, Response)
            and response.status_code == 200
        ):
            patch_vary_headers(response, ("Accept", "Authorization", "Cookie"))
            django_request = request._request

            def conditional(rendered: HttpResponse) -> HttpResponse | None:
                set_response_etag(rendered)
                return get_conditional_response(
                    django_request, etag=rendered.get("ETag"), response=rendered
                )

            response.add_post_render_callback(conditional)
        return response
