"""Local web sites for the fetch tests: a loopback HTTP server whose routes a test sets, that
records every request (path, time, User-Agent). casebase refuses loopback addresses unless a
test allows 127.0.0.1 (``CASEBASE_FETCH_ALLOWED_ADDRESSES``, empty in production)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Hit:
    path: str
    at: float
    user_agent: str


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    hits: list[Hit]

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        server: Any = self.server
        server.hits.append(Hit(self.path, time.monotonic(), self.headers.get("User-Agent", "")))
        route = server.routes.get(self.path) or Route(404, b"not here")
        if route.delay:
            time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(route.body)


def serve_site(routes: dict[str, Route] | None = None) -> Iterator[Site]:
    """Start a site on 127.0.0.1 (a free port); stop it when the generator is closed."""
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.routes = dict(routes or {})
    server.hits = []
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", server.routes, server.hits)
    finally:
        server.shutdown()
        server.server_close()


def html_page(title: str, paragraphs: list[str], head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()
