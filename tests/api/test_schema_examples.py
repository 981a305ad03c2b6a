"""The schema's examples name cases, threads and entities that exist in the demo corpus
(``fixtures/``), so a reader can paste them against a server running ``bin/run``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings

from casebase.corpus.loading import load_corpus
from casebase.knowledge.models import Case, Entity, Thread

from .schema_helpers import generated_schema

SLUG_OF = {
    "case": Case,
    "thread": Thread,
    "threads": Thread,
    "entity": Entity,
    "entity_any": Entity,
    "entities": Entity,
    "speaker": Entity,
}


def example_references(node: Any) -> Iterator[tuple[str, str]]:
    """(name, slug) for every slug an example names: in request bodies and in the
    ``GET /api/v1/...?entity=xai`` lines of example descriptions."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SLUG_OF and isinstance(value, str):
                yield key, value
            elif key in SLUG_OF and isinstance(value, list):
                yield from ((key, item) for item in value if isinstance(item, str))
            elif key == "description" and isinstance(value, str):
                yield from query_references(value)
            else:
                yield from example_references(value)
    elif isinstance(node, list):
        for item in node:
            yield from example_references(item)


def query_references(text: str) -> Iterator[tuple[str, str]]:
    for word in text.split():
        if word.startswith("/api/v1/") and "?" in word:
            for name, value in parse_qsl(urlsplit(word).query):
                if name in SLUG_OF:
                    yield from ((name, slug) for slug in value.split(","))


def test_examples_name_what_the_demo_corpus_holds(db: None) -> None:
    load_corpus(settings.CASEBASE_CORPUS_DIR, submit_documents=False)
    references = list(example_references(generated_schema()["paths"]))
    assert ("entity", "xai") in references and ("speaker", "elon-musk") in references
    missing = [
        (name, slug)
        for name, slug in references
        if not SLUG_OF[name].objects.filter(slug=slug).exists()
    ]
    assert missing == []
