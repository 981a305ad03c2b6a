"""Migration 0002 spells out its index expressions (a migration imports no project code); the
search queries must use the same ones or PostgreSQL cannot use the indexes."""

from __future__ import annotations

import importlib

from casebase.knowledge import search_vectors


def test_the_search_indexes_are_on_the_expressions_the_queries_use() -> None:
    migration = importlib.import_module("casebase.knowledge.migrations.0002_web_search_indexes")
    indexes = {model: index for model, index in migration._indexes()}
    assert indexes.keys() == {"event", "claim"}
    assert indexes["event"].expressions == (search_vectors.event_vector(),)
    assert indexes["claim"].expressions == (search_vectors.claim_vector(),)
