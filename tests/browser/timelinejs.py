"""A newsroom's page embedding the real TimelineJS (tests/js, installed by ``bin/setup --dev``).

:class:`EmbeddingSite` is a static HTTP server on its own port, apart from casebase (another
origin, none of casebase's headers or Content-Security-Policy): it serves TimelineJS's ``dist``
files, a page that points ``new TL.Timeline`` at an export URL given in its query string (fetched
cross-origin, as an embedding site does), and a small PNG for image media.
"""

from __future__ import annotations

import base64
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit

TIMELINEJS_DIST = (
    Path(__file__).resolve().parents[1]
    / "js"
    / "node_modules"
    / "@knight-lab"
    / "timelinejs"
    / "dist"
)

PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Embedding site</title>
<link rel="stylesheet" href="/dist/css/timeline.css">
<script src="/dist/js/timeline.js" data-harness></script></head>
<body><div id="embed" style="width: 1100px; height: 700px"></div>
<script data-harness>
window.timelineReady = false;
window.timeline = new TL.Timeline("embed", new URLSearchParams(location.search).get("src"));
window.timeline.on("ready", function () { window.timelineReady = true; });
</script></body></html>
"""
# A 2x2 opaque PNG: image media that really loads.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YGAARAwQCgAhzgSBU+xT6wAAAABJRU5ErkJggg=="
)
PAGE_PATH, PIXEL_PATH = "/embed.html", "/media/pixel.png"


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(TIMELINEJS_DIST.parent), **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in (PAGE_PATH, PIXEL_PATH):
            body, kind = (PAGE, "text/html") if path == PAGE_PATH else (PIXEL, "image/png")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path.startswith("/dist/"):
            super().do_GET()
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class EmbeddingSite:
    """``with EmbeddingSite() as site: site.page_url(export_url)``."""

    def __enter__(self) -> EmbeddingSite:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def page_url(self, export_url: str) -> str:
        return f"{self.url}{PAGE_PATH}?src={quote(export_url, safe='')}"

    @property
    def pixel_url(self) -> str:
        return self.url + PIXEL_PATH
