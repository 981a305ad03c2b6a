"""docs/web.md's screenshots are made by ``bin/web-screenshots`` (tests/browser/web_screenshots.py):
it covers every image the page shows, and each shot still reaches its page state."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from .pages import load_demo_corpus
from .web_screenshots import SHOTS, find_targets, take

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_image_of_the_web_guide_is_a_shot() -> None:
    shown = set(re.findall(r"\]\(img/([\w-]+)\.png\)", (DOCS / "web.md").read_text()))
    assert shown and shown == set(SHOTS)
    assert all((DOCS / "img" / f"{name}.png").is_file() for name in shown)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return int(width), int(height)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_screenshots_are_taken(
    live_server: Any, browser: Any, tmp_path: Path, run_tasks_inline: list[int]
) -> None:
    load_demo_corpus()
    written = take(browser, live_server.url, tmp_path, find_targets())
    assert [path.stem for path in written] == list(SHOTS)
    for path in written:
        assert png_size(path) == SHOTS[path.stem][0], path.name
