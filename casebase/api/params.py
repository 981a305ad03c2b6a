"""Query parameter values: one strict form field and one OpenAPI schema per kind of value, so
the schema says exactly what the server accepts and anything else is a 400.

Rules shared by every collection (docs/api.md, "Filters"):

- a value that matches the schema but names nothing (an unknown slug or id) matches no row;
- a value that does not match the schema is a 400 (never ignored), including an empty value
  where the schema does not allow one, and a parameter given twice unless it is a list
  (``explode: true``).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from casebase.core.partial_dates import PartialDate

MAX_ID = 2**63 - 1  # the largest database id (BigAutoField)
SLUG = r"^[-a-zA-Z0-9_]+$"
NO_NUL = r"^[^\u0000]*$"
_YEAR = r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
PARTIAL_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": f"^{_YEAR}$"},
        {"type": "string", "pattern": f"^{_YEAR}-(0[1-9]|1[0-2])$"},
        {"type": "string", "format": "date"},
    ],
}
SLUG_SCHEMA: dict[str, Any] = {"type": "string", "pattern": SLUG}
TEXT_SCHEMA: dict[str, Any] = {"type": "string", "pattern": NO_NUL}
BOOLEAN_SCHEMA: dict[str, Any] = {"type": "boolean"}
_INTEGER = re.compile(r"-?[0-9]+")
_SLUG = re.compile(SLUG[1:-1])


def integer_schema(minimum: int, maximum: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


def list_schema(items: dict[str, Any], max_items: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": items}
    if max_items is not None:
        schema["maxItems"] = max_items
    return schema


def invalid(message: str) -> forms.ValidationError:
    """A ValidationError whose message is never %-formatted (it may quote the user's value)."""
    return forms.ValidationError("%(message)s", code="invalid", params={"message": message})


def parse_partial_date(text: str) -> PartialDate:
    """``2015``, ``2018-02`` or ``2026-04-30`` exactly as written (no spaces, ASCII digits)."""
    try:
        value = PartialDate.parse(text)
    except ValueError as exc:
        raise invalid(str(exc)) from exc
    if value.iso() != text:
        raise invalid(f"not a partial date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def parse_integer(text: str, minimum: int, maximum: int) -> int:
    if not _INTEGER.fullmatch(text):
        raise invalid(f"not an integer: {text!r}")
    number = int(text)
    if not minimum <= number <= maximum:
        raise invalid(f"must be between {minimum} and {maximum}")
    return number


def parse_boolean(text: str) -> bool:
    if text in ("true", "false"):
        return text == "true"
    raise invalid(f"use true or false, not {text!r}")


def parse_text(text: str) -> str:
    if "\x00" in text:
        raise invalid("may not contain NUL characters")
    return text


def parse_slugs(text: str) -> list[str]:
    """Comma-separated slugs; an empty value is an empty list (no restriction)."""
    if text == "":
        return []
    slugs = text.split(",")
    for slug in slugs:
        if not _SLUG.fullmatch(slug):
            raise invalid(f"not a slug: {slug!r} (letters, digits, '-' and '_')")
    return list(dict.fromkeys(slugs))


class StrictField(forms.CharField):
    """A present but empty value is an error; an absent parameter is None."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if value is None:
            return None
        text = str(super().to_python(value))
        if text == "":
            raise invalid("may not be empty")
        return self.parse(text)

    def parse(self, text: str) -> Any:
        return text


class PartialDateField(StrictField):
    schema = PARTIAL_DATE_SCHEMA

    def parse(self, text: str) -> PartialDate:
        return parse_partial_date(text)


class BooleanField(StrictField):
    schema = BOOLEAN_SCHEMA

    def parse(self, text: str) -> bool:
        return parse_boolean(text)


class IntegerField(StrictField):
    def __init__(self, *, minimum: int = 1, maximum: int = MAX_ID, **kwargs: Any) -> None:
        self.minimum, self.maximum = minimum, maximum
        super().__init__(**kwargs)

    def parse(self, text: str) -> int:
        return parse_integer(text, self.minimum, self.maximum)


def query_value(params: Any, name: str, parse: Any) -> Any:
    """``parse(text)`` of one query parameter (None when absent); a bad value is a DRF 400."""
    text = params.get(name)
    if text is None:
        return None
    try:
        return parse(text)
    except forms.ValidationError as exc:
        raise ValidationError({name: exc.messages}) from exc


def reject_repeated(params: Any, repeatable: frozenset[str]) -> None:
    """A parameter given more than once is a 400 unless it is a list that repeats."""
    repeated = sorted(
        name for name, values in params.lists() if len(values) > 1 and name not in repeatable
    )
    if repeated:
        raise ValidationError({name: ["give this parameter once"] for name in repeated})


def parse_choices(text: str, allowed: Any) -> list[str]:
    """Comma-separated names from ``allowed``; an empty value is an empty list."""
    if text == "":
        return []
    names = text.split(",")
    unknown = [name for name in names if name not in allowed]
    if unknown:
        raise invalid(f"unknown {unknown[0]!r} (use: {', '.join(sorted(allowed))})")
    return list(dict.fromkeys(names))


class ChoiceField(StrictField):
    def __init__(self, *, choices: Any, **kwargs: Any) -> None:
        self.allowed = [str(value) for value in choices]
        super().__init__(**kwargs)

    def parse(self, text: str) -> str:
        if text not in self.allowed:
            raise invalid(f"unknown {text!r} (use: {', '.join(self.allowed)})")
        return text

    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": self.allowed}


class SlugField(StrictField):
    schema = SLUG_SCHEMA

    def parse(self, text: str) -> str:
        if not _SLUG.fullmatch(text):
            raise invalid(f"not a slug: {text!r} (letters, digits, '-' and '_')")
        return text


class TextField(forms.CharField):
    """Free text; empty means no restriction."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    @property
    def schema(self) -> dict[str, Any]:
        schema = dict(TEXT_SCHEMA)
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return schema

    def to_python(self, value: Any) -> Any:
        return value if value is None else parse_text(str(super().to_python(value)))


class ListField(forms.CharField):
    """A comma-separated list (OpenAPI ``style: form, explode: false``); empty is no restriction."""

    def __init__(self, *, items: dict[str, Any], max_items: int | None = None, **kwargs: Any):
        self.items, self.max_items = items, max_items
        kwargs.setdefault("required", False)
        kwargs["strip"] = False
        super().__init__(**kwargs)

    @property
    def schema(self) -> dict[str, Any]:
        return list_schema(self.items, self.max_items)

    def to_python(self, value: Any) -> Any:
        if value is None:
            return None
        text = str(super().to_python(value))
        values = (
            parse_choices(text, self.items["enum"]) if "enum" in self.items else parse_slugs(text)
        )
        if self.max_items is not None and len(values) > self.max_items:
            raise invalid(f"at most {self.max_items} values")
        return values


def openapi_parameters(form_class: type[forms.Form]) -> list[Any]:
    """The query parameters a form reads, described by each field's ``schema``."""
    parameters = []
    for name, field in form_class.base_fields.items():
        listed = isinstance(field, ListField)
        parameters.append(
            OpenApiParameter(
                name,
                field.schema,  # type: ignore[attr-defined]
                description=str(field.help_text),
                style="form" if listed else None,
                explode=False if listed else None,
            )
        )
    return parameters


def form_errors(form: forms.Form) -> Any:
    """A bound form's errors as DRF's 400."""
    return ValidationError({name: [str(m) for m in errors] for name, errors in form.errors.items()})
