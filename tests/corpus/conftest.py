"""Fixtures of the corpus tests: the corpus files, and the researched facts they come from.

The facts are the third-party dossier in ``shared_dir``/facts: tests that compare the corpus
with it are ``shared_data`` tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings

from casebase.corpus.reading import YAML_LOADER, read_corpus
from casebase.corpus.schema import Corpus


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return read_corpus(settings.CASEBASE_CORPUS_DIR)


@pytest.fixture(scope="session")
def dossier(shared_dir: Path) -> dict[str, dict[str, Any]]:
    entries = yaml.load(
        (shared_dir / "facts" / "dossier.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER
    )
    return {entry["id"]: entry for entry in entries}


@pytest.fixture(scope="session")
def case_facts(shared_dir: Path) -> dict[str, dict[str, Any]]:
    path = shared_dir / "facts" / "cases.yaml"
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    return {entry["id"]: entry for entry in entries}
