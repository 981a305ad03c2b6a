"""The web process never imports spaCy: it is loaded in workers only (the function-level imports
marked ``noqa: PLC0415`` in casebase/pipeline), so a web process stays small and starts fast."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
import django
django.setup()
from django.urls import get_resolver
from casebase.wsgi import application
for pattern in get_resolver().url_patterns:  # imports every view module
    getattr(pattern, "url_patterns", None)
print(",".join(n for n in ("spacy", "thinc", "casebase.analysis.pipeline") if n in sys.modules))
"""


def test_the_web_app_does_not_import_spacy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "casebase.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == ""
