"""Template helpers: partial dates at their known precision."""

from __future__ import annotations

import datetime as dt

from django import template

from casebase.core.partial_dates import format_partial

register = template.Library()


@register.filter
def partial(value: dt.date | None, precision: str | None) -> str:
    """``{{ claim.made_on|partial:claim.made_precision }}`` -> "2015", "Feb 2018", "30 Apr 2026"."""
    return format_partial(value, precision)
