"""Query-string parameters for the read side: the one error every filter parser raises, and the
rule by which a page shows bad input beside its field instead of refusing the whole request.

``InvalidFilter`` is raised by ``TimelineFilters.from_params``, ``SearchParams.from_params``,
``ClaimFilters.from_params`` (and the queries that look slugs up). ``without_invalid(parse,
params)`` runs any of them leniently: every parameter named in an error is left out and the
rest parsed again, so the timeline, search and claims pages apply every valid filter and name
each bad one on the same page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.utils.datastructures import MultiValueDict

T = TypeVar("T")


class InvalidFilter(ValueError):
    """One or more filter parameters are invalid; ``errors`` maps parameter name to message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


def as_multi(params: Mapping[str, Any]) -> MultiValueDict[str, Any]:
    """``params`` (a ``QueryDict`` or a plain dict whose values are text or lists of text) as a
    mutable multi-valued mapping: ``get`` gives the last value, ``getlist`` every one."""
    if hasattr(params, "lists"):
        return MultiValueDict({name: list(values) for name, values in params.lists()})
    lists: dict[str, list[Any]] = {}
    for name, value in params.items():
        values = list(value) if isinstance(value, list | tuple) else [value]
        values = [item for item in values if item is not None]
        if values:
            lists[name] = values
    return MultiValueDict(lists)


def without_invalid(
    parse: Callable[[Mapping[str, Any]], T], params: Mapping[str, Any]
) -> tuple[T, dict[str, str]]:
    """``parse(params)``, leaving out each parameter it refuses: what the rest parse to, and
    what was wrong with each one left out (parameter name -> message, in the order found).

    ``parse`` raises ``InvalidFilter``; every parameter its errors name is dropped and the rest
    parsed again, until nothing is refused (an error that names no given parameter, or a
    parse that refuses even no parameters at all, is raised)."""
    kept = as_multi(params)
    errors: dict[str, str] = {}
    while True:
        try:
            return parse(kept), errors
        except InvalidFilter as error:
            present = [name for name in error.errors if name in kept]
            if not present:
                raise
            for name in present:
                errors.setdefault(name, error.errors[name])
                del kept[name]
