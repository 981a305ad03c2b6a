"""The production profile: `check --deploy` is clean, and the settings and process definitions
keep what docs/deploy.md promises. Each check runs the profile in a fresh interpreter, since
settings are read once per process."""

from __future__ import annotations

import json
import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/8"  # this area's Redis database
DEPLOY_CHECK = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('check', deploy=True, fail_level='WARNING')"
)


def _production_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="casebase.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        # Not connected to: `check --deploy` reads settings only.
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/casebase_security",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/8",
        CASEBASE_VAR_DIR=str(Path(os.environ.get("TMPDIR", "/tmp")) / "casebase-security-var"),
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v != ""}


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean() -> None:
    done = _python(DEPLOY_CHECK, _production_env())
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout + done.stderr


def test_check_deploy_catches_a_weak_secret_key() -> None:
    done = _python(DEPLOY_CHECK, _production_env(SECRET_KEY="short-and-weak"))
    assert done.returncode != 0
    assert "security.W009" in done.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    done = _python("import django; django.setup()", _production_env(SECRET_KEY=""))
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_production_settings_and_celery_limits() -> None:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "from casebase.celery import app; c = app.conf; print(json.dumps({"
        "'debug': s.DEBUG, 'ssl_redirect': s.SECURE_SSL_REDIRECT, "
        "'cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE], "
        "'hsts': s.SECURE_HSTS_SECONDS, 'static': s.STORAGES['staticfiles']['BACKEND'], "
        "'engine': s.DATABASES['default']['ENGINE'], "
        "'eager': c.task_always_eager, 'prefetch': c.worker_prefetch_multiplier, "
        "'acks_late': c.task_acks_late, 'reject_lost': c.task_reject_on_worker_lost, "
        "'max_tasks': c.worker_max_tasks_per_child, 'max_mem': c.worker_max_memory_per_child, "
        "'routes': c.task_routes, 'default_queue': c.task_default_queue, "
        "'beat': sorted(c.beat_schedule), 'cache': s.CACHES['default']['BACKEND']}))"
    )
    done = _python(code, _production_env(NLP_MAX_MEMORY_KB="123456", CACHE_URL=REDIS))
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["debug"] is False and got["ssl_redirect"] is True
    assert got["cookies"] == [True, True] and got["hsts"] >= 31536000
    assert got["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert got["engine"] == "django.db.backends.postgresql"
    assert got["eager"] is False
    assert got["prefetch"] == 1 and got["acks_late"] and got["reject_lost"]
    assert got["max_tasks"] > 0 and got["max_mem"] == 123456
    assert got["default_queue"] == "nlp"
    assert {"queue": "fetch"} in got["routes"].values()
    assert got["beat"], "no periodic task for celery beat"
    assert got["cache"] == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.integration  # needs the real Redis on 127.0.0.1:6379
def test_throttle_counts_are_shared_through_the_cache() -> None:
    """Two processes (two gunicorn workers) see the same counter when CACHE_URL is set."""
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "print(cache.incr('security-test-counter') if cache.get('security-test-counter') "
        "else cache.set('security-test-counter', 1) or 1)"
    )
    env = _production_env(CACHE_URL=REDIS)
    _python(
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.delete('security-test-counter')",
        env,
    )
    counts = [_python(code, env).stdout.strip() for _ in range(2)]
    assert counts == ["1", "2"]


def test_gunicorn_config_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUNICORN_WORKERS", "7")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "45")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9001")
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["workers"] == 7 and conf["threads"] == 4 and conf["worker_class"] == "gthread"
    assert conf["timeout"] == 45 and conf["bind"] == ["127.0.0.1:9001"]
    assert conf["wsgi_app"] == "casebase.wsgi:application"


def _process_lines() -> dict[str, str]:
    procfile = (ROOT / "deploy" / "Procfile").read_text().splitlines()
    lines = dict(line.split(":", 1) for line in procfile if line and not line.startswith("#"))
    for unit in (ROOT / "deploy" / "systemd").glob("*.service"):
        text = unit.read_text().replace("\\\n", " ")
        starts = [line for line in text.splitlines() if line.startswith("ExecStart=")]
        lines[unit.name] = " ".join(starts)
    return lines


def test_process_definitions_split_fetch_and_nlp_queues() -> None:
    lines = _process_lines()
    for nlp in (lines["nlp"], lines["casebase-nlp@.service"]):
        assert "-Q nlp" in nlp and "--prefetch-multiplier 1" in nlp
        assert "--max-tasks-per-child" in nlp and "--max-memory-per-child" in nlp
    for fetch in (lines["fetch"], lines["casebase-fetch@.service"]):
        assert "-Q fetch" in fetch and "--pool threads" in fetch
    for ocr in (lines["ocr"], lines["casebase-ocr@.service"]):
        assert "-Q ocr" in ocr and "--prefetch-multiplier 1" in ocr
    for web in (lines["web"], lines["casebase-web.service"]):
        assert "gunicorn -c deploy/gunicorn.conf.py" in web
    assert "beat" in lines["beat"] and "beat" in lines["casebase-beat.service"]
    assert "migrate" in lines["release"] and "collectstatic" in lines["release"]


def test_fetch_politeness_is_shared_and_loopback_never_allowed() -> None:
    """Without CACHE_URL the per-host clock of fetch_sources lives on the Redis broker, so every
    fetch worker shares it; no private address is ever allowed in production."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'allowed': s.CASEBASE_FETCH_ALLOWED_ADDRESSES, "
        "'cache': s.CACHES[s.CASEBASE_FETCH_CACHE]['BACKEND'], "
        "'beat': 'fetch-due-sources' in s.CELERY_BEAT_SCHEDULE}))"
    )
    done = _python(code, _production_env())
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {
        "allowed": [],
        "cache": "django.core.cache.backends.redis.RedisCache",
        "beat": False,  # off unless CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS is set
    }
    done = _python(code, _production_env(CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS="3600"))
    assert json.loads(done.stdout.strip().splitlines()[-1])["beat"] is True
