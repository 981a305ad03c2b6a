"""Which URLs casebase treats as web addresses: http(s) with a host, nothing else.

One rule for every use: a submitted URL (``sources.fetch.check_url``), a link on a page (the
``http_url`` template filter) and a link or media URL in an export (``exports.timelinejs``). A
stored ``javascript:`` or ``data:`` URL is never fetched and never becomes a link.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def http_url(url: str) -> str | None:
    """``url`` stripped when it is an http(s) URL with a host, else None."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    return url if parts.scheme in ("http", "https") and host else None
