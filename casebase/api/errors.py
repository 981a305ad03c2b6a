"""One error format for every API error: ``{"error": {status, code, message, details}}``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from casebase.sources.refusals import Refused


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class Conflict(APIException):
    """The body is valid but names a slug or span another object already has."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Another object already has this value."
    default_code = "conflict"


def _leaf_codes(codes: Any) -> list[str]:
    if isinstance(codes, dict):
        return [code for value in codes.values() for code in _leaf_codes(value)]
    if isinstance(codes, list):
        return [code for value in codes for code in _leaf_codes(value)]
    return [str(codes)]


def is_conflict(exc: ValidationError) -> bool:
    """Every error is a uniqueness one (DRF's unique validators): the state, not the input."""
    codes = _leaf_codes(exc.get_codes())
    return bool(codes) and all(code == "unique" for code in codes)


def refusal_error(refusal: Refused) -> APIException:
    """A submission refusal in the API: its words; 413 for a file over the limit, else 400."""
    if refusal.code == "too_big":
        return PayloadTooLarge(refusal.message)
    return ValidationError({"non_field_errors": [refusal.message]})


def _message_and_details(exc: APIException, data: Any) -> tuple[str, Any]:
    if isinstance(exc, ValidationError):
        return "The request is not valid; see details.", data
    if isinstance(exc, Conflict):
        return "Another object already has this value; see details.", data
    if isinstance(data, dict) and set(data) == {"detail"}:
        return str(data["detail"]), None
    return str(exc.detail) if isinstance(exc.detail, str) else "Request failed.", data


def error_body(status_code: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"status": status_code, "code": code, "message": message, "details": details}}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Reshape DRF's error responses; map Django's body-size errors to a 4xx too."""
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        exc = ValidationError({"non_field_errors": [str(exc)]})
    elif isinstance(exc, ValidationError) and is_conflict(exc):
        exc = Conflict(exc.detail)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    api_exc = exc if isinstance(exc, APIException) else None
    if api_exc is None:  # Http404 / PermissionDenied converted by DRF
        code = "not_found" if response.status_code == 404 else "permission_denied"
        message = str(response.data.get("detail", "")) if isinstance(response.data, dict) else ""
        details = None
    else:
        codes = api_exc.get_codes()
        code = codes if isinstance(codes, str) else api_exc.default_code
        message, details = _message_and_details(api_exc, response.data)
    response.data = error_body(response.status_code, str(code), message, details)
    return response
