"""Fetching a URL that a user submitted, safely.

Every connection (the first and each redirect hop) resolves the host itself, checks every
resolved address with :func:`is_public_address`, and connects to the vetted address: there is no
gap between the check and the connect for DNS rebinding to use. Size and time are capped.
Tests may allow specific addresses with ``settings.CASEBASE_FETCH_ALLOWED_ADDRESSES`` (empty in
every real deployment).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import urllib3
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError

from casebase.core.web_urls import http_url

from .addresses import in_networks, is_public_address
from .errors import (
    FetchRefused,
    FetchTimeout,
    FetchUnreachable,
    HTTPStatusError,
    SourceError,
)
from .refusals import Refused, format_size, max_upload_bytes

Resolver = Callable[[str, int], list[str]]
MAX_REDIRECTS = 5
USER_AGENT = "casebase/0.1 (+document ingestion)"


def user_agent() -> str:
    """The User-Agent of every request: names casebase and, when set, whom to contact
    (``CASEBASE_FETCH_CONTACT``, an e-mail address or a URL)."""
    contact = str(getattr(settings, "CASEBASE_FETCH_CONTACT", "") or "").strip()
    return f"casebase/0.1 (+{contact})" if contact else USER_AGENT


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """A ``Retry-After`` header in seconds: delay-seconds or an HTTP date; None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


@dataclass
class FetchedResource:
    data: bytes
    url: str  # the final URL, after redirects
    content_type: str
    filename: str


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchUnreachable(f"The host “{host}” could not be resolved.") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def vetted_addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    """Resolve ``host`` and refuse it if ANY address it resolves to is not public."""
    allowed = list(getattr(settings, "CASEBASE_FETCH_ALLOWED_ADDRESSES", []) or [])
    addresses = resolver(host.strip("[]"), port)
    if not addresses:
        raise FetchUnreachable(f"The host “{host}” could not be resolved.")
    for address in addresses:
        if not is_public_address(address) and not in_networks(address, allowed):
            raise FetchRefused(
                f"Refused to fetch from “{host}”: it resolves to a private, loopback, "
                "link-local or reserved address."
            )
    return addresses


def _connect(host: str, port: int, timeout: Any, resolver: Resolver) -> socket.socket:
    last_error: OSError | None = None
    for address in vetted_addresses(host, port, resolver):
        try:
            return socket.create_connection((address, port), timeout=timeout)
        except OSError as exc:
            last_error = exc
    if isinstance(last_error, TimeoutError):
        raise FetchTimeout(f"“{host}” did not answer in time.")
    raise FetchUnreachable(f"Could not connect to “{host}”: {last_error}")


def _pool_manager(resolver: Resolver, timeout: float) -> urllib3.PoolManager:
    """A PoolManager whose connections vet the resolved address at connect time."""

    class SafeHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _connect(self._dns_host, self.port, self.timeout, resolver)

    class SafeHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _connect(self._dns_host, self.port, self.timeout, resolver)

    class SafeHTTPPool(HTTPConnectionPool):
        ConnectionCls = SafeHTTPConnection

    class SafeHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = SafeHTTPSConnection

    manager = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=timeout, read=timeout), retries=False
    )
    manager.pool_classes_by_scheme = {"http": SafeHTTPPool, "https": SafeHTTPSPool}
    return manager


def _literal_address(host: str) -> str | None:
    """The address a host names by itself ("127.0.0.1", "[::1]", "2130706433", "0x7f.1")."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None


def check_url(url: str) -> str:
    """Syntax check of a URL: http(s) with a host (``core.web_urls``). Returns it stripped."""
    checked = http_url(url)
    if checked is None:
        raise Refused("bad_url")
    return checked


def check_submitted_url(url: str) -> str:
    """A URL a user asks us to fetch: well-formed, and not a host that is private by its very
    name (a literal private address in any spelling, localhost), so it is refused at once.
    Names that resolve to private addresses are refused when fetched (``vetted_addresses``)."""
    url = check_url(url)
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    allowed = list(getattr(settings, "CASEBASE_FETCH_ALLOWED_ADDRESSES", []) or [])
    address = "127.0.0.1" if host == "localhost" or host.endswith(".localhost") else None
    address = address or _literal_address(host)
    if address and not is_public_address(address) and not in_networks(address, allowed):
        raise Refused("private_url", host=host)
    return url


def _filename(url: str, headers: Message | Any) -> str:
    disposition = headers.get("Content-Disposition", "")
    if "filename=" in disposition:
        message = Message()
        message["Content-Disposition"] = disposition
        name = message.get_filename()
        if name:
            return PurePosixPath(name).name
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return name or urlsplit(url).hostname or "download"


def _read_capped(response: Any, limit: int, deadline: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise SourceError(
            f"The page is {format_size(int(length))}; the limit is {format_size(limit)}."
        )
    chunks, total = [], 0
    for chunk in response.stream(64 * 1024):
        total += len(chunk)
        if total > limit:
            raise SourceError(f"The page is over the limit of {format_size(limit)}.")
        if time.monotonic() > deadline:
            raise FetchTimeout("The page took too long to download.")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(
    url: str,
    *,
    resolver: Resolver | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    headers: Mapping[str, str] | None = None,
) -> FetchedResource:
    """GET ``url`` following at most 5 redirects, each hop vetted like the first.

    ``headers`` are sent with the request (an API's ``Authorization``, ``Accept``); an
    ``Authorization`` header is dropped when a redirect leaves the first URL's host.
    """
    sent = {"User-Agent": user_agent(), "Accept": "*/*", **(headers or {})}
    first_host = urlsplit(url).netloc.lower()
    resolver = resolver or system_resolver
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    seconds = timeout if timeout is not None else settings.CASEBASE_FETCH_TIMEOUT_SECONDS
    deadline = time.monotonic() + seconds
    manager = _pool_manager(resolver, seconds)
    current = check_url(url)
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            response = manager.request(
                "GET",
                current,
                redirect=False,
                preload_content=False,
                headers=sent,
            )
            try:
                if response.status in (301, 302, 303, 307, 308):
                    location = response.headers.get("Location")
                    if not location:
                        raise SourceError("The server redirected without a location.")
                    current = check_url(urljoin(current, location))
                    if urlsplit(current).netloc.lower() != first_host:
                        sent.pop("Authorization", None)
                    continue
                if response.status >= 400:
                    raise HTTPStatusError(
                        f"The server answered HTTP {response.status}.",
                        response.status,
                        retry_after_seconds(response.headers.get("Retry-After")),
                    )
                data = _read_capped(response, limit, deadline)
                return FetchedResource(
                    data=data,
                    url=current,
                    content_type=response.headers.get("Content-Type", ""),
                    filename=_filename(current, response.headers),
                )
            finally:
                response.release_conn()
        raise SourceError(f"Too many redirects (more than {MAX_REDIRECTS}).")
    except Urllib3TimeoutError as exc:
        raise FetchTimeout("The server did not answer in time.") from exc
    except Urllib3HTTPError as exc:
        raise SourceError(f"Could not fetch the page: {exc.__class__.__name__}.") from exc
    finally:
        manager.clear()
