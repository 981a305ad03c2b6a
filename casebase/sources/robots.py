"""robots.txt, read through the safe fetcher and parsed by the standard library's parser.

``read_robots`` fetches ``/robots.txt`` of a URL's origin and returns its text, following
RFC 9309: a 4xx answer means no rules (everything allowed, returned as ""), while a 5xx answer,
a timeout or an unreachable host means the rules are unknown (``RobotsUnavailable``: fetch
nothing there now, try later). ``robots_allow`` answers for one URL from that text.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .errors import FetchTimeout, FetchUnreachable, HTTPStatusError, SourceError
from .fetch import fetch_url, user_agent

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB


class RobotsUnavailable(SourceError):
    """robots.txt could not be read for now (server error, timeout): fetch nothing yet."""


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: the scope robots.txt rules apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def read_robots(url: str, *, timeout: float | None = None) -> str:
    """The robots.txt text for ``url``'s origin ("" when the site has none)."""
    try:
        fetched = fetch_url(
            origin(url) + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES, timeout=timeout
        )
    except HTTPStatusError as exc:
        if 400 <= exc.status < 500 and exc.status != 429:
            return ""
        raise RobotsUnavailable(f"robots.txt could not be read: {exc}") from exc
    except (FetchTimeout, FetchUnreachable) as exc:
        raise RobotsUnavailable(f"robots.txt could not be read: {exc}") from exc
    return fetched.data.decode("utf-8", errors="replace")


def robots_allow(robots_text: str, url: str, agent: str | None = None) -> bool:
    """Whether the rules in ``robots_text`` let casebase's User-Agent fetch ``url``."""
    if not robots_text.strip():
        return True
    parser = RobotFileParser()
    parser.parse(robots_text.splitlines())
    return parser.can_fetch(agent or user_agent(), url)
