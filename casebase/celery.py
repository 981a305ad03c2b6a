"""The Celery application. Workers: ``celery -A casebase worker -Q nlp,fetch``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casebase.settings.base")

app = Celery("casebase")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
