"""Rendered-response cache for anonymous readers, invalidated by the data version.

Placed right after whitenoise in MIDDLEWARE: the security middleware above it still redirects to
HTTPS and adds its headers to every answer, cached or not; on a hit nothing below it runs (no
session, no authentication, no view, no database).

A request is served from / stored into the cache only when it is anonymous, decided without
the database: GET or HEAD, no session cookie, no messages cookie, no ``Authorization`` header,
and a path outside CASEBASE_RESPONSE_CACHE_SKIP (admin, upload, login, health check, downloads
of originals).
The key is (data version, scheme + host + full path with the query string, ``Accept``); HEAD uses
the GET entry. Only GET stores, and only a 200 that is not streaming, sets no cookie (a page that
renders a CSRF token always sets the CSRF cookie, so forms are never cached), is not
``Cache-Control: private/no-store/no-cache``, varies on nothing but ``Accept``, ``Cookie`` and
``Authorization`` (the latter two are absent by construction), and is under
CASEBASE_RESPONSE_CACHE_MAX_BYTES. Entries expire after CASEBASE_RESPONSE_CACHE_SECONDS as a
safety net; correctness comes from the version (casebase/knowledge/data_version.py), which changes
after every commit that writes knowledge data.

On a hit: ``If-None-Match`` / ``If-Modified-Since`` are answered from the stored ETag (304 as the
API would), and for the API the anonymous throttles still count the request (a refused request
falls through to the view, which answers 429 in the API's error format).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, has_vary_header
from rest_framework.request import Request

from casebase.knowledge.data_version import current_data_version

logger = logging.getLogger(__name__)

KEY_PREFIX = "casebase:response"
_COMMA = re.compile(r"\s*,\s*")
HEADER = "X-Cache"
# Request headers that select a representation and are part of the key; a response that varies
# on any other header (apart from Cookie and Authorization, absent from anonymous requests) is
# not stored.
KEY_HEADERS = ("Accept",)
_ALLOWED_VARY = {"accept", "cookie", "authorization"}
_UNCACHEABLE_CONTROL = {"private", "no-store", "no-cache"}
# Headers never stored: per-response (Date) or set again by the server.
_DROP_HEADERS = {"date", "set-cookie", HEADER.lower()}


def _enabled() -> bool:
    return bool(getattr(settings, "CASEBASE_RESPONSE_CACHE", False))


class ResponseCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _enabled() or not _eligible(request):
            return self.get_response(request)
        try:
            key = cache_key(request, current_data_version())
            stored = cache.get(key)
        except Exception:  # the cache is down: serve without it
            logger.exception("response cache unavailable")
            return self.get_response(request)
        if stored is not None and _throttles_allow(request):
            return _from_cache(request, stored)
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            try:
                cache.set(key, _to_cache(response), _ttl())
            except Exception:
                logger.exception("response cache unavailable")
        response[HEADER] = "miss"
        return response


def _ttl() -> int:
    return int(getattr(settings, "CASEBASE_RESPONSE_CACHE_SECONDS", 300))


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    skip = getattr(settings, "CASEBASE_RESPONSE_CACHE_SKIP", ())
    return not any(re.match(pattern, request.path_info) for pattern in skip)


def cache_key(request: HttpRequest, version: int) -> str:
    """The entry for this request at this data version (HEAD shares GET's)."""
    parts = [request.build_absolute_uri()]
    parts += [request.headers.get(name, "") for name in KEY_HEADERS]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{version}:GET:{digest}"


def _storable(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie"):
        return False
    if response.has_header("Cache-Control"):
        directives = {
            part.split("=", 1)[0].strip().lower()
            for part in _COMMA.split(response["Cache-Control"])
        }
        if directives & _UNCACHEABLE_CONTROL:
            return False
    if has_vary_header(response, "*"):
        return False
    if response.has_header("Vary"):
        varies = {part.strip().lower() for part in _COMMA.split(response["Vary"])}
        if varies - _ALLOWED_VARY:
            return False
    content = getattr(response, "content", b"")
    limit = int(getattr(settings, "CASEBASE_RESPONSE_CACHE_MAX_BYTES", 2 * 1024 * 1024))
    return len(content) <= limit


def _to_cache(response: HttpResponseBase) -> tuple[bytes, list[tuple[str, str]]]:
    headers = [(k, v) for k, v in response.items() if k.lower() not in _DROP_HEADERS]
    return response.content, headers  # type: ignore[attr-defined]


def _from_cache(request: HttpRequest, stored: tuple[bytes, list[tuple[str, str]]]) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers:
        response[name] = value  # Content-Length stays that of the GET body, as HEAD requires
    response[HEADER] = "hit"
    if response.has_header("ETag") or response.has_header("Last-Modified"):
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=None, response=response
        )
        if conditional is not response and conditional is not None:
            conditional[HEADER] = "hit"
            return conditional  # type: ignore[return-value]
    return response


def _throttles_allow(request: HttpRequest) -> bool:
    """A hit skips the view, not the API's rate limits: count it with the view's throttles."""
    if not request.path_info.startswith("/api/"):
        return True
    try:
        view = getattr(resolve(request.path_info).func, "cls", None)
    except Resolver404:
        return True
    throttle_classes = getattr(view, "throttle_classes", ())
    if not throttle_classes:
        return True
    drf_request: Any = Request(request)
    return all(throttle().allow_request(drf_request, view) for throttle in throttle_classes)
