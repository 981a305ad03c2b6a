"""gunicorn settings for casebase, read from the environment.

Usage: ``gunicorn -c deploy/gunicorn.conf.py`` (the app is ``casebase.wsgi:application``, which
defaults to the production settings). Every knob is an environment variable; docs/deploy.md lists
them with advice on sizing.
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


wsgi_app = "casebase.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Workers: processes, each serving one request at a time (sync) or GUNICORN_THREADS at once
# (gthread). The classic 2 x cores + 1 suits casebase's short, database-bound requests.
workers = _int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread" if threads > 1 else "sync")
backlog = _int("GUNICORN_BACKLOG", 2048)

# A request that runs longer than this is killed and its worker replaced: reads are meant to be
# fast, and uploads hand their work to Celery instead of analysing in the request.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then so that a slow leak cannot grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500)

# Loading Django once in the arbiter saves memory (copy-on-write) and start-up time.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") not in {"0", "false", "no", "off"}

# Heartbeat files in memory: a busy disk must not make the arbiter think workers hung.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", "/dev/shm")

# The reverse proxy in front (nginx, Caddy, a load balancer) sets X-Forwarded-Proto; trust it
# only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Bound what one request may send before Django even sees it.
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 8190)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)

# Logs to stdout/stderr (journald or the process manager keeps them). "" turns the access log off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "casebase-web"

# gunicorn's control socket (for gunicornc): off unless a path is given, so that several
# instances on one machine never contend for the default path under $HOME.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
