"""The served OpenAPI schema is true: a valid OpenAPI document, and schemathesis (every check,
positive and negative data; examples, fuzzing and stateful phases) finds nothing against a real
HTTP server, anonymously (every operation: reads answer, writes answer 401) and reading with an
editor's token.

Schemathesis runs as its own command-line client against pytest-django's ``live_server`` over
HTTP, deterministically, with a bounded number of examples per operation. The server holds the
curated demo corpus (``fixtures/``, without the documents to analyse) and the small synthetic
world of ``conftest.py``. Fetching a submitted URL is the only thing replaced (no network).
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token

from casebase.corpus.loading import load_corpus
from casebase.pipeline import tasks

from .conftest import World

MAX_EXAMPLES = 10
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture
def served(live_server: Any, world: World, monkeypatch: pytest.MonkeyPatch) -> str:
    """The live server's base URL, with the demo corpus loaded; submitted URLs are not fetched."""
    load_corpus(settings.CASEBASE_CORPUS_DIR, submit_documents=False)
    monkeypatch.setattr(tasks, "send_fetch", lambda document_id: None)
    return str(live_server.url)


def editor_token() -> str:
    user = User.objects.create_user("schemathesis-editor", password="pw-editor-123")
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="knowledge"))
    return Token.objects.create(user=user).key


def served_schema(base_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{base_url}/api/schema/?format=json", timeout=30) as response:
        loaded: dict[str, Any] = json.load(response)
    return loaded


def run_schemathesis(base_url: str, *options: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The schemathesis command against the live server; its cache goes under ``cwd``."""
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(CONFIG),
        "run",
        f"{base_url}/api/schema/?format=json",
        "--url",
        base_url,
        "--checks",
        "all",
        "--mode",
        "all",
        # the coverage phase's boundary cases (thousands per run, whatever --max-examples) took
        # 5 minutes here; fuzzing and stateful phases generate negative data too
        "--phases",
        "examples,fuzzing,stateful",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-deterministic",
        "--workers",
        "1",
        "--no-color",
        "--suppress-health-check",
        "all",
    ]
    command += options
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=cwd)


def test_served_schema_is_valid_openapi(served: str) -> None:
    schema = served_schema(served)
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_schemathesis_finds_nothing_anonymously(served: str, tmp_path: Path) -> None:
    result = run_schemathesis(served, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]


def test_schemathesis_finds_nothing_with_an_editors_token(served: str, tmp_path: Path) -> None:
    """Every operation, writes included: valid bodies are accepted (or name an object that does
    not exist: a 400 naming the field, see schemathesis.toml), invalid ones are 400s."""
    header = f"Authorization: Token {editor_token()}"
    result = run_schemathesis(served, "--header", header, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
