"""Test profile: the base settings, fast hashing, files under a throwaway folder.

MEDIA_ROOT is exported to the environment so a Celery worker started by a test (a subprocess
with the same settings) reads and writes the same originals.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(
    os.environ.setdefault(
        "CASEBASE_TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="casebase-test-media-")
    )
)
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}
# Tests run inside a transaction that never commits and read through the same connection: bump
# the data version at every write to a knowledge table, not only on commit (data_version.py).
CASEBASE_DATA_VERSION_BUMP_ON_WRITE = True
# ...and every write changes it (tests of coalescing turn it on with override_settings).
CASEBASE_DATA_VERSION_COALESCE_SECONDS = 0.0
# OCR is off unless a test turns it on (tests/ingestion/test_ocr.py, marker ``ocr``): the other
# tests' scanned pages end needs_ocr whether or not this machine has Tesseract.
CASEBASE_OCR = False
