"""``?expand=a,b``: related objects included (and prefetched) only when a client asks."""

from __future__ import annotations

from functools import partial

from rest_framework.request import Request

from . import params


def requested_expansions(request: Request | None, allowed: frozenset[str]) -> frozenset[str]:
    """The names asked for; an unknown name (or an empty one, as in ``a,,b``) is a 400."""
    if request is None:
        return frozenset()
    parse = partial(params.parse_choices, allowed=allowed)
    return frozenset(params.query_value(request.query_params, "expand", parse) or ())
