"""Faults against the real services: a broker outage, a database restart, concurrent duplicates.

The broker outage uses a private redis-server on a free loopback port, so stopping it disturbs
nothing else. The database restart restarts the machine's PostgreSQL cluster (CI's own).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from casebase.celery import app as celery_app
from casebase.knowledge.models import Document, DocumentStatus, Mention
from casebase.pipeline.intake import (
    IngestResult,
    SubmissionMeta,
    ingest_bytes,
    ingest_text,
)
from tests.data import NEWS_ARTICLE

from .conftest import Worker, purge_broker, wait_for
from .test_worker import known_entities, long_text, settled

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivateRedis:
    """A redis-server of our own that a test may stop and start again on the same port."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the private redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def point_celery_at(url: str) -> None:
    """Make this process publish to ``url`` (drops cached connections to the old broker)."""
    celery_app.conf.broker_url = url
    # Drop our references only: kombu keeps pools in global registries keyed by connection,
    # and closing one here would leave a closed pool behind for the next test to acquire.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_broker(
    transactional_db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PrivateRedis]:
    redis = PrivateRedis(tmp_path)
    original = celery_app.conf.broker_url
    monkeypatch.setenv("CELERY_BROKER_URL", redis.url)
    point_celery_at(redis.url)
    try:
        yield redis
    finally:
        point_celery_at(original)
        redis.stop()


def test_submissions_during_a_broker_outage_complete_once_it_is_back(
    private_broker: PrivateRedis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known_entities()
    # The broker is down: submissions are accepted and stored as queued.
    submitted = [
        ingest_text(
            f"Elon Musk said on Thursday that xAI would appeal. Note {n}.", SubmissionMeta()
        )
        for n in range(3)
    ]
    ids = [result.document.pk for result in submitted]
    assert all(result.created for result in submitted)
    assert Document.objects.filter(pk__in=ids, status=DocumentStatus.QUEUED).count() == 3

    # The broker comes back; a worker with its beat sweeps the queued documents: no manual step.
    private_broker.start()
    monkeypatch.setenv("CASEBASE_REQUEUE_INTERVAL_SECONDS", "1")
    monkeypatch.setenv("CASEBASE_REQUEUE_QUEUED_AFTER", "1")
    worker = Worker(log_dir=tmp_path, extra_args=["--beat", "-s", str(tmp_path / "beat")])
    worker.start()
    try:
        wait_for(lambda: settled(*ids), 120, "the queued documents to finish", worker)
    finally:
        worker.stop()
    for document in Document.objects.filter(pk__in=ids):
        assert document.status == DocumentStatus.DONE, document.error
        assert document.mentions.filter(entity__slug="elon-musk").count() == 1


def restart_postgresql() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"],
        check=True,
        timeout=120,
    )
    for _ in range(120):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode == 0:
            return
        time.sleep(0.5)
    raise AssertionError("PostgreSQL did not come back")


def test_processing_survives_a_database_restart(worker: Worker) -> None:
    if not os.path.isdir("/etc/postgresql"):
        pytest.fail("this test restarts the local PostgreSQL cluster; none is installed here")
    known_entities()
    document = ingest_text(long_text(), SubmissionMeta(kind="opinion")).document
    wait_for(
        lambda: Document.objects.filter(pk=document.pk, status=DocumentStatus.PROCESSING).exists(),
        60,
        "processing to start",
        worker,
    )
    restart_postgresql()
    connection.close()  # our own connection died with the server too
    wait_for(lambda: settled(document.pk), 600, "the document to finish", worker)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE, document.error
    assert document.mentions.exists()
    stored = Mention.objects.filter(document=document).count()
    spans = set(Mention.objects.filter(document=document).values_list("start", "end", "entity"))
    assert len(spans) == stored  # stored once, not once per attempt


def test_the_same_file_submitted_concurrently_makes_one_document(worker: Worker) -> None:
    data = NEWS_ARTICLE.read_bytes()
    barrier = threading.Barrier(2)
    results: list[IngestResult] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait()
            results.append(ingest_bytes(data, "news.txt", SubmissionMeta("news_article")))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert sorted(result.created for result in results) == [False, True]
    assert len({result.document.pk for result in results}) == 1
    assert Document.objects.count() == 1
    wait_for(lambda: settled(results[0].document.pk), 120, "the document to finish", worker)
    purge_broker()
