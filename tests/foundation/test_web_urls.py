"""The one rule for what is a web address (submitted URLs, links on pages, links in exports)."""

from __future__ import annotations

import pytest

from casebase.core.web_urls import http_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (" https://example.org/a?b=c ", "https://example.org/a?b=c"),
        ("http://[2001:db8::1]/x", "http://[2001:db8::1]/x"),
        ("javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("ftp://example.org/x", None),
        ("https:///no-host", None),
        ("http://[::1", None),  # urlsplit raises ValueError on this host
        ("", None),
    ],
)
def test_only_http_urls_with_a_host_are_web_addresses(url: str, expected: str | None) -> None:
    assert http_url(url) == expected
