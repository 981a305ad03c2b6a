"""The editors' admin for the knowledge base: one module per part of the model.

See docs/editing.md for the workflows (adding documents, the review queue, merges, events).
"""

from casebase.curation.admin import (
    cases,
    claims,
    documents,
    entities,
    events,
    subscriptions,
)

__all__ = ["cases", "claims", "documents", "entities", "events", "subscriptions"]
