"""OpenAPI: every operation also documents the shared error body for its 4xx answers."""

from __future__ import annotations

from typing import Any, Literal

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS
from rest_framework.validators import UniqueTogetherValidator, UniqueValidator


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.CharField(help_text="Machine-readable: invalid, not_found, throttled...")
    message = serializers.CharField(help_text="What went wrong, for people.")
    details = serializers.JSONField(
        allow_null=True, help_text="Per-field messages for invalid input; otherwise null."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


READ_ERRORS = ("400", "404", "406", "429")
WRITE_ERRORS = ("400", "401", "403", "404", "406", "413", "415", "429")
UNIQUE_VALIDATORS = (UniqueValidator, UniqueTogetherValidator)


def checks_uniqueness(serializer: Any) -> bool:
    """Whether a write serializer refuses values other objects hold (answered 409)."""
    if not isinstance(serializer, serializers.Serializer):
        return False
    validators = [*serializer.get_validators()]
    validators += [v for field in serializer.fields.values() for v in field.validators]
    return any(isinstance(v, UNIQUE_VALIDATORS) for v in validators)


class CasebaseAutoSchema(AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        """Anyone may read: safe methods also list the empty requirement (no credentials)."""
        auths: list[dict[str, Any]] = super().get_auth()
        if self.method.upper() in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(
        self, direction: Literal["request", "response"] = "response"
    ) -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        method = self.method.upper()
        codes = READ_ERRORS if method in ("GET", "HEAD") else WRITE_ERRORS
        if method in ("POST", "PUT", "PATCH") and checks_uniqueness(self._write_serializer()):
            codes = (*codes, "409")
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code)
        if method == "GET":
            responses.setdefault("304", {"description": "Not modified (ETag matched)."})
        return responses

    def _write_serializer(self) -> Any:
        """The serializer the view validates this operation's body with, if any."""
        get_serializer_class = getattr(self.view, "get_serializer_class", None)
        if get_serializer_class is None:
            return None
        return get_serializer_class()(context={"request": self.view.request})


def with_example(description: str, title: str, url: str) -> str:
    """An operation's description followed by an example request (a GET has no body to hold
    an OpenAPI example, and a response example would have to be a whole real answer)."""
    example = f"**{title}**: `GET {url}`"
    return f"{description}\n\n{example}" if description else example
