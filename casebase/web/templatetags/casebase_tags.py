"""Template helpers: partial dates at their known precision."""

from __future__ import annotations

import datetime as dt
import re

from django import template

from casebase.core import web_urls
from casebase.core.partial_dates import PartialDate, format_partial

register = template.Library()


@register.filter
def partial(value: dt.date | None, precision: str | None) -> str:
    """``{{ claim.made_on|partial:claim.made_precision }}`` -> "2015", "Feb 2018", "30 Apr 2026"."""
    return format_partial(value, precision)


_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@register.filter
def css_color(value: str | None, default: str = "#1f6feb") -> str:
    """A lane colour safe to put in a style attribute: ``#rrggbb`` or the default."""
    return value if value and _HEX_COLOR.match(value) else default


@register.filter
def partial_iso(value: dt.date | None, precision: str | None) -> str:
    """ISO at the known precision ("2018-02"), for ``<time datetime>``."""
    if value is None:
        return ""
    return PartialDate.from_date(value, precision or "day").iso()


@register.filter
def http_url(value: str | None) -> str:
    """``value`` when it is an http(s) URL, else "": only such URLs may become links (a stored
    ``javascript:`` or ``data:`` source URL is shown as text, never put in an href)."""
    return (web_urls.http_url(value) or "") if value else ""
