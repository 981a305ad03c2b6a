"""Write fields that accept exactly what the generated schema declares, and nothing else.

DRF's fields read input leniently: ``"yes"`` or ``1`` as a boolean, ``"5"`` or ``5.0`` as an
integer, a number as a string, ``20180220`` or ``2018-2-20`` as a date, whitespace trimmed
before the length is checked. The OpenAPI schema (drf-spectacular, from the same fields) says
``type: boolean``, ``type: integer``, ``format: date``, ``minLength``/``maxLength``/``pattern``.
These fields keep DRF's behaviour for valid input and refuse (400) everything the schema does not
allow; their constraints are validators and schema annotations, so the schema is generated from
the same definitions that check the input (docs/api.md, "Writing").

``StrictModelSerializer`` maps model fields to them. The model resources take JSON bodies
only; a document submission may also be multipart, where every value is text: there a boolean is
``true``/``false`` and an integer its digits, as OpenAPI's form encoding writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import Field, empty
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField
from rest_framework.utils import html

from ..params import MAX_ID, SLUG

# Free text: no NUL (PostgreSQL cannot store it). Not blank: some character other than whitespace.
# A field that may be blank gets a pattern that "" does not match: drf-spectacular declares it as
# ``oneOf: [{pattern}, {maxLength: 0}]``, and "" must match exactly one of the two.
NO_NUL = r"^[^\u0000]+$"
NOT_BLANK = r"^[^\u0000]*[^\s\u0000][^\u0000]*$"
COLOR = r"^#[0-9a-fA-F]{6}$"
HTTP_URL = r"^https?://[^\s\u0000/?#]+[^\s\u0000]*$"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
_SLUG = re.compile(SLUG[1:-1])


def from_form(field: Field) -> bool:
    """Whether the request body was form-encoded (multipart or urlencoded): all text."""
    return html.is_html_input(getattr(field.root, "initial_data", None))


def is_integer(field: Field, value: Any) -> bool:
    """A JSON integer (not a string, float or boolean); in a form, its digits."""
    if from_form(field):
        return isinstance(value, str) and _INTEGER.fullmatch(value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


class StrictCharField(serializers.CharField):
    """A JSON string only (not a number), kept as given (not trimmed), without NUL; when it may
    not be blank, it holds a character other than whitespace (the schema's ``pattern``), unless
    ``blank_means_empty`` leaves whitespace-only text to be refused later, in other words."""

    def __init__(self, *, blank_means_empty: bool = True, **kwargs: Any) -> None:
        kwargs["trim_whitespace"] = False
        super().__init__(**kwargs)
        if self.allow_blank or not blank_means_empty:
            validator = RegexValidator(NO_NUL, "May not contain NUL characters.", "invalid")
        else:
            validator = RegexValidator(NOT_BLANK, "May not be blank.", "invalid")
        self.validators.append(validator)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class StrictSlugField(serializers.SlugField):
    """A slug string (its pattern comes from DRF's slug validator), not a number."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["trim_whitespace"] = False
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class StrictBooleanField(serializers.BooleanField):
    """``true`` or ``false``, not ``"yes"``, ``"1"`` or ``1``."""

    def to_internal_value(self, data: Any) -> bool:
        if from_form(self) and data in ("true", "false"):
            return data == "true"
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer, not ``"5"``, ``5.0`` or ``true``."""

    def to_internal_value(self, data: Any) -> int:
        if not is_integer(self, data):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class StrictDateField(serializers.DateField):
    """``YYYY-MM-DD`` exactly (the schema's ``format: date``), not ``20180220`` or
    ``2018-2-20`` or a week date, which ISO 8601 parsing also reads."""

    def to_internal_value(self, value: Any) -> dt.date:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)  # type: ignore[no-any-return]


class StrictManyRelatedField(ManyRelatedField):
    """A JSON array of references, not an object (whose keys DRF would read as the list)."""

    def to_internal_value(self, data: Any) -> list[Any]:
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return list(super().to_internal_value(data))


@extend_schema_field({"type": "string", "pattern": SLUG})
class StrictSlugRelatedField(serializers.SlugRelatedField):
    """An object by its slug. A well-formed slug that names nothing is a 400 naming the field
    (the schema declares that 400; it cannot list which slugs exist)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def run_validation(self, data: Any = empty) -> Any:
        if data == "":  # DRF's related fields read "" as null; the schema's pattern refuses it
            self.fail("invalid")
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or not _SLUG.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)

    @classmethod
    def many_init(cls, *args: Any, **kwargs: Any) -> StrictManyRelatedField:
        """As DRF's, with the strict list (``many=True``)."""
        list_kwargs: dict[str, Any] = {"child_relation": cls(*args, **kwargs)}
        list_kwargs.update({k: v for k, v in kwargs.items() if k in MANY_RELATION_KWARGS})
        return StrictManyRelatedField(**list_kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class StrictPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An object by its id: a JSON integer. An id that names nothing is a 400 naming the field."""

    def to_internal_value(self, data: Any) -> Any:
        if not is_integer(self, data) or not 1 <= int(data) <= MAX_ID:
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(int(data))


class StrictModelSerializer(serializers.ModelSerializer):
    """A model serializer whose generated fields are the strict ones above."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: StrictBooleanField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.DateField: StrictDateField,
        models.IntegerField: StrictIntegerField,
        models.BigIntegerField: StrictIntegerField,
        models.SmallIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveBigIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
    }
    serializer_related_field = StrictPrimaryKeyRelatedField
