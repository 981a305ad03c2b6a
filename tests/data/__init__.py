"""Small test data the project writes itself (see README.md here); always in the repository.

Third-party documents (real court PDFs, the research dossier, the seed article) are not here:
tests reach them only through the ``shared_dir`` fixture (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

DATA = Path(__file__).resolve().parent

#: A short news report written for the tests: a headline line, a dateline, claims by named
#: speakers, and one relative date ("Thursday") that resolves against the publication date.
NEWS_ARTICLE = DATA / "news-article.txt"
NEWS_PUBLISHED = dt.date(2026, 5, 1)
