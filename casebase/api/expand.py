"""``?expand=a,b``: related objects included (and prefetched) only when a client asks."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


def requested_expansions(request: Request | None, allowed: frozenset[str]) -> frozenset[str]:
    if request is None:
        return frozenset()
    raw = request.query_params.get("expand", "")
    names = frozenset(part.strip() for part in raw.split(",") if part.strip())
    unknown = names - allowed
    if unknown:
        raise ValidationError(
            {
                "expand": [
                    f"Unknown expansion(s): {', '.join(sorted(unknown))}. "
                    f"Allowed: {', '.join(sorted(allowed))}."
                ]
            }
        )
    return names
