"""Partial-date periods in queries: a row's date is its first day plus a precision (year, month,
day), so "2024" stands for the whole year. Shared by the timeline's range filter and the API's
claim and document date filters.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models.choices import DatePrecision


def period_ends_on_or_after(date_field: str, precision_field: str, day: dt.date) -> Q:
    """Q for "the period stored as (date_field, precision_field) ends on or after ``day``"."""
    return (
        Q(
            **{
                precision_field: DatePrecision.YEAR,
                f"{date_field}__gte": day.replace(month=1, day=1),
            }
        )
        | Q(**{precision_field: DatePrecision.MONTH, f"{date_field}__gte": day.replace(day=1)})
        | Q(**{precision_field: DatePrecision.DAY, f"{date_field}__gte": day})
    )


def overlaps(
    start: PartialDate | None, end: PartialDate | None, field: str, precision_field: str
) -> Q:
    """Rows whose partial date in ``field``/``precision_field`` overlaps ``start``..``end``: a
    claim dated "2024" matches ``made_from=2024-06`` (the same rule as the timeline's
    ``event_filters.overlaps_range``).

    Either bound may be None (open range); rows without a date never match a bounded range.
    """
    query = Q(**{f"{field}__isnull": False})
    if end is not None:
        query &= Q(**{f"{field}__lte": end.end})
    if start is not None:
        query &= period_ends_on_or_after(field, precision_field, start.start)
    return query
