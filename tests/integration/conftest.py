"""A real Celery worker (``celery -A casebase worker``) on Redis, against the test database.

The worker is a subprocess with DATABASE_URL pointing at pytest's PostgreSQL test database, so
tests using it need ``django_db(transaction=True)``: their rows are committed for it to see.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from bench.processes import children_of

REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 60.0


def worker_database_url() -> str:
    """DATABASE_URL with pytest's test database name in place of the configured one."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@dataclass
class Worker:
    """Start, kill and restart one worker process (prefork, one child)."""

    log_dir: Path
    concurrency: int = 1
    extra_args: list[str] = field(default_factory=list)
    queues: str = "nlp,fetch,ocr"
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    logs: list[Path] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": os.environ["CELERY_BROKER_URL"],
            "DJANGO_SETTINGS_MODULE": "casebase.settings.test",
            "CASEBASE_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def start(self) -> None:
        self.starts += 1
        log = self.log_dir / f"worker-{self.starts}.log"
        self.logs.append(log)
        command = [
            sys.executable, "-m", "celery", "-A", "casebase", "worker",
            "-Q", self.queues, "-c", str(self.concurrency), "--pool", "prefork",
            "-n", f"itest-{uuid.uuid4().hex[:8]}@%h", "-l", "info",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            *self.extra_args,
        ]  # fmt: skip
        with log.open("wb") as handle:
            self.process = subprocess.Popen(
                command,
                cwd=REPO,
                env=self.env(),
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if b" ready." in log.read_bytes():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"the worker did not start:\n{log.read_text()[-3000:]}")

    def pool_children(self) -> list[int]:
        assert self.process is not None
        return children_of(self.process.pid)

    def kill_child(self) -> int:
        """SIGKILL the pool process running the task (the worker survives and respawns it)."""
        children = self.pool_children()
        assert children, "the worker has no pool process"
        os.kill(children[0], signal.SIGKILL)
        return children[0]

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool), as if the machine died."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.logs if p.exists())


def purge_broker() -> None:
    """Empty our broker database so no message of an earlier run is delivered."""
    import redis

    redis.Redis.from_url(os.environ["CELERY_BROKER_URL"]).flushdb()


@pytest.fixture
def worker(transactional_db: None, tmp_path: Path) -> Iterator[Worker]:
    purge_broker()
    handle = Worker(log_dir=tmp_path)
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()
        purge_broker()


def wait_for(condition: Callable[[], bool], timeout: float, what: str, worker: Worker) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(
        f"timed out waiting for {what}\n--- worker log ---\n{worker.log_text()[-4000:]}"
    )
