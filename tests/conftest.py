"""Suite-wide test plumbing: which tests can run here, and a loud note about those that cannot.

- ``integration`` tests need PostgreSQL (DATABASE_URL) and a Celery broker (CELERY_BROKER_URL):
  they start a real worker process.
- ``browser`` tests need Debian's chromium at /usr/bin/chromium (driven by Playwright).
- ``timelinejs`` tests (browser tests of the TimelineJS export) also need the real TimelineJS,
  installed into tests/js/node_modules by ``bin/setup --dev`` (``npm ci``).
- ``ocr`` tests need the tesseract program (Debian's tesseract-ocr; ``bin/test`` installs it).
- ``shared_data`` tests read third-party documents that are not part of the repository (the real
  court PDFs, the research dossier, the seed article) from the directory named by
  CASEBASE_SHARED_DIR. A test that asks for the ``shared_dir`` fixture, directly or through
  another fixture, is a ``shared_data`` test: no test reaches that directory any other way.

Without those, integration, browser and ocr tests are deselected and shared-data tests are skipped,
and the summary says which and why. With CASEBASE_REQUIRE_SERVICES=1 (CI) a missing service or
directory is an error instead: nothing is silently left out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests import factories
from tests.browser.axe import AXE_SCRIPT
from tests.browser.timelinejs import TIMELINEJS_DIST
from tests.chromium import CHROMIUM

_not_run: dict[str, tuple[int, str]] = {}


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 2
        ):
            return True
    except OSError:
        return False


def integration_unavailable() -> str | None:
    """Why integration tests cannot run here, or None when they can."""
    database_url = os.environ.get("DATABASE_URL", "")
    broker_url = os.environ.get("CELERY_BROKER_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return "DATABASE_URL does not point at PostgreSQL"
    if not broker_url:
        return "CELERY_BROKER_URL is not set"
    if not _reachable(database_url, 5432):
        return f"PostgreSQL at {urlparse(database_url).netloc} does not answer"
    if not _reachable(broker_url, 6379):
        return f"the broker at {urlparse(broker_url).netloc} does not answer"
    return None


def ocr_unavailable() -> str | None:
    if not shutil.which("tesseract"):
        return "tesseract is missing (apt-get install tesseract-ocr)"
    return None


def browser_unavailable() -> str | None:
    if not shutil.which(CHROMIUM):
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


SHARED_DIR_VARIABLE = "CASEBASE_SHARED_DIR"


def shared_data_unavailable() -> str | None:
    """Why the third-party documents cannot be read here, or None when they can."""
    value = os.environ.get(SHARED_DIR_VARIABLE, "")
    if not value:
        return f"{SHARED_DIR_VARIABLE} is not set (the directory of the third-party test documents)"
    if not Path(value).is_dir():
        return f"{SHARED_DIR_VARIABLE}={value} is not a directory"
    return None


def timelinejs_unavailable() -> str | None:
    if not (TIMELINEJS_DIST / "js" / "timeline.js").is_file():
        return (
            f"TimelineJS is not installed in {TIMELINEJS_DIST.parents[3]} "
            "(run bin/setup --dev with npm on PATH: npm ci in tests/js)"
        )
    return browser_unavailable()


def axe_unavailable() -> str | None:
    if not AXE_SCRIPT.is_file():
        return (
            f"axe-core is not installed in {AXE_SCRIPT.parents[2]} "
            "(run bin/setup --dev with npm on PATH: npm ci in tests/js)"
        )
    return browser_unavailable()


_GATES = {
    "integration": integration_unavailable,
    "browser": browser_unavailable,
    "timelinejs": timelinejs_unavailable,
    "ocr": ocr_unavailable,
    "axe": axe_unavailable,
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    required = os.environ.get("CASEBASE_REQUIRE_SERVICES") == "1"
    _skip_without_shared_data(items, required)
    for marker, why_not in _GATES.items():
        gated = [item for item in items if item.get_closest_marker(marker)]
        if not gated:
            continue
        reason = why_not()
        if reason is None:
            continue
        if required:
            raise pytest.UsageError(
                f"{len(gated)} {marker} tests cannot run: {reason} (CASEBASE_REQUIRE_SERVICES=1)"
            )
        _not_run[marker] = (len(gated), reason)
        config.hook.pytest_deselected(items=gated)
        items[:] = [item for item in items if not item.get_closest_marker(marker)]


def _skip_without_shared_data(items: list[pytest.Item], required: bool) -> None:
    """Mark every test that uses ``shared_dir``; skip them all, with the reason, when the
    directory is not there (an error under CASEBASE_REQUIRE_SERVICES=1)."""
    gated = []
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared_data)
        if item.get_closest_marker("shared_data"):
            gated.append(item)
    reason = shared_data_unavailable() if gated else None
    if reason is None:
        return
    if required:
        raise pytest.UsageError(
            f"{len(gated)} shared_data tests cannot run: {reason} (CASEBASE_REQUIRE_SERVICES=1)"
        )
    _not_run["shared_data"] = (len(gated), reason)
    for item in gated:
        item.add_marker(pytest.mark.skip(reason=f"shared_data: {reason}"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The directory of third-party test documents (CASEBASE_SHARED_DIR): ``testdata/court-pdfs``,
    ``facts``, ``corpus/seed-article.txt``, ``gold``. Tests that use it are skipped without it."""
    return Path(os.environ[SHARED_DIR_VARIABLE]).resolve()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _not_run:
        terminalreporter.section("not run here")
        for marker, (count, reason) in _not_run.items():
            terminalreporter.write_line(f"{count} {marker} tests not run: {reason}")


@pytest.fixture
def run_tasks_inline(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Tasks sent on a real commit run in this process (no broker), whatever
    CELERY_BROKER_URL says; returns the ids of the documents they were sent for."""
    from casebase.pipeline import tasks

    sent: list[int] = []

    def process(document_id: int) -> None:
        sent.append(document_id)
        tasks.process_document.run(document_id)

    def fetch(document_id: int) -> None:
        sent.append(document_id)
        tasks.fetch_url.run(document_id)

    def ocr(document_id: int) -> None:
        sent.append(document_id)
        tasks.ocr_document.run(document_id)

    monkeypatch.setattr(tasks, "send_processing", process)
    monkeypatch.setattr(tasks, "send_fetch", fetch)

    def store(batch: dict[str, object]) -> None:  # as a broker would carry it: through JSON
        tasks.store_parsed.run(json.loads(json.dumps(batch)))

    monkeypatch.setattr(tasks, "send_ocr", ocr)
    monkeypatch.setattr(tasks, "send_store", store)
    return sent


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Every test starts with an empty cache: no page cached (casebase/web/response_cache.py),
    throttle count or data version left over from another test."""
    from django.core.cache import cache

    cache.clear()


def _factory_fixture(factory_class: type) -> object:
    """A fixture named after the factory (EventLinkFactory: ``event_link_factory``) that gives
    the factory class, with database access."""
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", factory_class.__name__).lower()

    @pytest.fixture(name=name)
    def fixture(db: None) -> type:
        return factory_class

    fixture.__doc__ = f"tests.factories.{factory_class.__name__}"
    return fixture


# The factories of tests/factories.py, one fixture each: ``event_factory(on="2018-02")``.
for _factory_class in factories.ALL:
    globals()[f"_{_factory_class.__name__}_fixture"] = _factory_fixture(_factory_class)
