"""The full-text expressions that PostgreSQL search uses and that its GIN indexes are built on.

The search queries (``casebase.queries.search``) use these expressions and the GIN indexes of
migrations 0002 and 0003 are built on the same ones, spelled out in the migrations (a migration
imports no project code), so the planner can use the indexes: change an expression here, write a
migration that rebuilds its index.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Left

CONFIG = "english"
# to_tsvector fails on texts over 1 MB; the head of a long document is what gets indexed.
MAX_INDEXED_CHARS = 200_000


def document_vector() -> CombinedExpression:
    """What the trigger of migration 0006 (0011: on changes only) stores in
    Document.search_vector: the title, the
    text's head, and what a citation says of its source (publisher, authors, note)."""
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector(Left("text", MAX_INDEXED_CHARS), weight="B", config=CONFIG)
        + SearchVector("publisher", "authors", "publisher_note", weight="C", config=CONFIG)
    )


def event_vector() -> CombinedExpression:
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "summary", weight="B", config=CONFIG
    )


def claim_vector() -> CombinedExpression:
    return SearchVector("content", weight="A", config=CONFIG) + SearchVector(
        "quote", "speaker_text", weight="B", config=CONFIG
    )
