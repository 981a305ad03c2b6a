"""Loopback HTTP servers for the URL tests: one that redirects wherever a test says, and one
that only counts the requests that reach it (the private target that must never be hit)."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGE = (
    b"<html><head><title>Public page</title></head><body><article><p>"
    + b"Beta Labs filed a motion in the Example court on Monday. " * 10
    + b"</p></article></body></html>"
)


def _gzip_bomb(inflated_mb: int = 1024) -> bytes:
    """A gzip body of ~1 MB that inflates to ``inflated_mb`` MiB of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = b" " * (1024 * 1024)
    return b"".join([*(packer.compress(block) for _ in range(inflated_mb)), packer.flush()])


GZIP_BOMB = _gzip_bomb()


@dataclass
class Server:
    base: str
    port: int
    hits: list[str] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        target = parse_qs(parts.query).get("to", [""])[0]
        if parts.path == "/redirect" and target:
            self.send_response(302)
            self.send_header("Location", target)
            body = b""
        elif parts.path == "/gzip-bomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            body = GZIP_BOMB
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            body = PAGE
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(host: str) -> Iterator[Server]:
    """A server on ``host`` (a loopback address) and a free port, stopped afterwards."""
    server = ThreadingHTTPServer((host, 0), _Handler)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Server(f"http://{host}:{port}", port, server.hits)  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
