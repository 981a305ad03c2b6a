"""A PostgreSQL database built by an earlier release migrates to this code with nothing lost.

``tests/data/databases/main-ff26d6c.sql.gz`` is a ``pg_dump --inserts`` of a database that the
last release before the package split (commit ff26d6c) migrated and loaded with the demo corpus
(see tests/data/databases/README.md). The test restores it into a scratch database, runs this
code's ``migrate`` against it, and checks that every row is still there and readable.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
DUMP = REPO / "tests" / "data" / "databases" / "main-ff26d6c.sql.gz"
TABLES = (
    "knowledge_document",
    "knowledge_event",
    "knowledge_evidence",
    "knowledge_entity",
    "knowledge_entityalias",
    "knowledge_case",
    "knowledge_claim",
    "knowledge_mention",
    "knowledge_citation",
    "knowledge_eventlink",
    "knowledge_thread",
)


def _url(database: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + database))


@pytest.fixture
def old_database() -> Iterator[str]:
    """A scratch database restored from the dump; its URL. Dropped afterwards."""
    name = f"casebase_old_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(_url(name), autocommit=True) as restore:
            restore.execute(gzip.decompress(DUMP.read_bytes()).decode())  # type: ignore[arg-type]
        yield _url(name)
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in TABLES
        }


def _manage(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "casebase.settings.test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_database_of_the_previous_release_migrates_without_loss(old_database: str) -> None:
    before = _counts(old_database)
    assert before["knowledge_event"] > 50 and before["knowledge_document"] > 100  # a real corpus

    migrated = _manage(old_database, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    assert _manage(old_database, "migrate", "--check").returncode == 0  # nothing left to apply

    assert _counts(old_database) == before
    read = _manage(
        old_database,
        "shell",
        "-c",
        "from casebase.knowledge.models import Event; "
        "from casebase.queries.timeline import TimelineFilters, timeline_events; "
        "print(len(list(timeline_events(TimelineFilters(), None))), Event.objects.count())",
    )
    assert read.returncode == 0, read.stderr
    shown, total = map(int, read.stdout.split()[-2:])  # after any "N objects imported" line
    assert shown == total == before["knowledge_event"]
