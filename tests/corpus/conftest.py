"""Fixtures of the corpus tests: the corpus files, and the researched facts they come from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings

from casebase.corpus.loading import YAML_LOADER, Corpus, read_corpus

# The researched facts sit beside the project as ../shared/ (CI has them there too).
FACTS_DIR = Path(settings.BASE_DIR).parent / "shared" / "facts"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return read_corpus(settings.CASEBASE_CORPUS_DIR)


@pytest.fixture(scope="session")
def dossier() -> dict[str, dict[str, Any]]:
    entries = yaml.load(
        (FACTS_DIR / "dossier.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER
    )
    return {entry["id"]: entry for entry in entries}


@pytest.fixture(scope="session")
def case_facts() -> dict[str, dict[str, Any]]:
    entries = yaml.load((FACTS_DIR / "cases.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER)
    return {entry["id"]: entry for entry in entries}
