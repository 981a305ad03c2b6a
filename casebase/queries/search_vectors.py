"""The full-text expressions that PostgreSQL search uses and that its GIN indexes are built on.

The index migration (knowledge 00xx_web_search_indexes) builds its indexes from these same
expressions, so the planner can use them: change one, write a migration that rebuilds the index.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Left

CONFIG = "english"
# to_tsvector fails on texts over 1 MB; the head of a long document is what gets indexed.
MAX_INDEXED_CHARS = 200_000


def document_vector() -> CombinedExpression:
    """What the trigger of migration 0003 stores in Document.search_vector."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        Left("text", MAX_INDEXED_CHARS), weight="B", config=CONFIG
    )


def event_vector() -> CombinedExpression:
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "summary", weight="B", config=CONFIG
    )


def claim_vector() -> CombinedExpression:
    return SearchVector("content", weight="A", config=CONFIG) + SearchVector(
        "quote", "speaker_text", weight="B", config=CONFIG
    )


# (model name, index name, expression) for migration 0002. Documents are not here: their vector
# is the stored column Document.search_vector (migration 0003: trigger and GIN index), which
# document_vector() describes.
INDEXES = (
    ("event", "event_fts_gin", event_vector),
    ("claim", "claim_fts_gin", claim_vector),
)
