"""The embedded default end to end: a fresh SQLite database, the demo corpus, a real server.

This runs the same steps as ``bin/run`` (migrate, roles, corpus, runserver) in a throwaway
``CASEBASE_VAR_DIR`` with no DATABASE_URL or broker in the environment, then fetches pages over
HTTP.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="casebase.settings.base",
        CASEBASE_VAR_DIR=str(tmp_path_factory.mktemp("var")),
        DEBUG="1",
    )
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "setup_roles")
    _manage(env, "load_corpus")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_home_page_and_admin_login_answer(embedded_server: str) -> None:
    status, home = _get(embedded_server + "/")
    assert status == 200
    assert "Musk v. OpenAI" in home
    status, login = _get(embedded_server + "/admin/login/")
    assert status == 200
    assert 'name="password"' in login


def test_demo_corpus_pages_answer(embedded_server: str) -> None:
    _, home = _get(embedded_server + "/")
    links = set(re.findall(r'href="(/(?:events|cases|entities|documents)/[^"#]+)"', home))
    kinds = {link.split("/")[1] for link in links}
    assert {"events", "cases"} <= kinds, f"home page links: {sorted(links)[:10]}"
    for link in sorted(links):
        status, _ = _get(embedded_server + link)
        assert status == 200, link
