"""Fixtures for the ingestion tests: the real court PDFs, a local HTTP server, synchronous tasks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def court_pdf(shared_dir: Path) -> Iterator[object]:
    """Read one of the real court PDFs by file name (third-party: tests using them are
    ``shared_data`` tests)."""
    folder = shared_dir / "testdata" / "court-pdfs"

    def read(name: str) -> bytes:
        return (folder / name).read_bytes()

    yield read


@dataclass
class LocalServer:
    base: str
    hits: list[str] = field(default_factory=list)


PAGE = (
    b"<html><head><title>Local page</title></head><body><article><p>"
    + b"Elon Musk testified in Oakland about OpenAI and xAI. " * 10
    + b"</p></article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    hits: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        routes = {
            "/doc": (200, {"Content-Type": "text/html"}, PAGE),
            "/metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/to-loopback": (302, {"Location": "http://[::ffff:127.0.0.1]/doc"}, b""),
            "/to-doc": (302, {"Location": "/doc"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/big": (200, {"Content-Type": "text/plain"}, b"word " * 50_000),
            "/missing": (404, {}, b"not here"),
        }
        if self.path == "/slow":
            time.sleep(2)
        status, headers, body = routes.get(self.path, (200, {}, b"slow body"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A loopback HTTP server: casebase must refuse it unless a test allows 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", server.hits)  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def isolated_media(settings: object, tmp_path: Path) -> Path:
    """Each test stores originals in its own folder, so file counts are per test."""
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root  # type: ignore[attr-defined]
    return root
