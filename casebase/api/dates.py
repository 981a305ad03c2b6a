"""Partial-date range filters for claims and documents (events use the timeline's own).

Same rule as ``casebase.queries.timeline.overlaps_range``: a row matches when its period (a
partial date: first day plus precision) overlaps the range, so a claim dated "2024" matches
``made_from=2024-06``.
"""

from __future__ import annotations

from django.db.models import Q

from casebase.core.partial_dates import PartialDate
from casebase.queries.timeline import _period_ends_on_or_after


def overlaps(
    start: PartialDate | None, end: PartialDate | None, field: str, precision_field: str
) -> Q:
    """Rows whose partial date in ``field``/``precision_field`` overlaps ``start``..``end``.

    Either bound may be None (open range); rows without a date never match a bounded range.
    """
    query = Q(**{f"{field}__isnull": False})
    if end is not None:
        query &= Q(**{f"{field}__lte": end.end})
    if start is not None:
        query &= _period_ends_on_or_after(field, precision_field, start.start)
    return query
