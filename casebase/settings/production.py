"""Production profile: PostgreSQL, a real broker, secure cookies, HSTS, hashed static files."""

import os

os.environ.setdefault("DEBUG", "0")

from .base import *  # noqa: F403
from .base import STORAGES, env_bool

DEBUG = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Celery workers (docs/deploy.md, "Queues and workers") --------------------------------------
# spaCy grows a worker's memory with every document it sees: a prefork child is replaced after
# this many tasks, or once its resident memory passes this many KiB (checked after each task).
CELERY_WORKER_MAX_TASKS_PER_CHILD = int(os.environ.get("NLP_MAX_TASKS_PER_CHILD", "200"))
CELERY_WORKER_MAX_MEMORY_PER_CHILD = int(os.environ.get("NLP_MAX_MEMORY_KB", "2000000"))
# A task that hangs (a pathological document) is interrupted, then killed, instead of holding a
# core for ever; the pipeline marks the document failed and the beat re-queue may retry it.
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("CELERY_TASK_SOFT_TIME_LIMIT", "600"))
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "660"))
# When the broker connection drops, tasks already running are cancelled and (being acknowledged
# late) redelivered, rather than finishing with nobody to acknowledge them.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_SEND_TASK_EVENTS = env_bool("CELERY_WORKER_SEND_TASK_EVENTS", default=False)

# --- Shared cache (docs/deploy.md, "Sizing and tuning") -----------------------------------------
# The API throttles count requests in the cache: with the default per-process memory cache each
# gunicorn worker (and each machine) would count on its own, multiplying every limit. CACHE_URL
# points all processes at one Redis database (not the broker's), e.g. redis://redis:6379/1.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "KEY_PREFIX": "casebase",
            "TIMEOUT": 300,
        }
    }
else:
    # The response cache and the data version that invalidates it must be shared by every
    # gunicorn and Celery worker: on a per-process memory cache a worker storing a document could
    # not invalidate the pages another process serves. Without CACHE_URL it is off.
    CASEBASE_RESPONSE_CACHE = False
    # The per-host clock of fetch_sources (casebase/pipeline/politeness.py) must be shared by
    # every fetch worker: without CACHE_URL it lives on a Redis broker.
    _broker = os.environ.get("CELERY_BROKER_URL", "")
    if _broker.startswith(("redis://", "rediss://")):
        CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "fetch": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": _broker,
                "KEY_PREFIX": "casebase-fetch",
            },
        }
        CASEBASE_FETCH_CACHE = "fetch"

# Loopback and private addresses are never fetched in production (the setting is for tests).
CASEBASE_FETCH_ALLOWED_ADDRESSES = []
