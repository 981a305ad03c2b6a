"""Template helpers: partial dates at their known precision."""

from __future__ import annotations

import datetime as dt
import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from casebase.core import web_urls
from casebase.core.partial_dates import PartialDate, format_partial
from casebase.exports.citations import Citable, citation_pieces

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


@register.filter
def citation_html(item: Citable) -> SafeString:
    """The citation with each piece of the source's own text in its own ``<bdi>`` (docs/web.md,
    bidirectional text); every piece escaped by ``format_html``."""
    pieces = [
        format_html("<bdi>{}</bdi>", text) if from_source else text
        for text, from_source in citation_pieces(item)
    ]
    return format_html("{}" * len(pieces), *pieces)
