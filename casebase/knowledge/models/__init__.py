"""The domain model. See docs/models.md for what each model means and the rules it keeps."""

from .cases import Case, CaseParty
from .choices import (
    ClaimVerb,
    DocumentKind,
    DocumentStatus,
    EntityKind,
    LinkKind,
    Origin,
    PartyRole,
    ReviewStatus,
)
from .claims import Citation, Claim
from .documents import Document
from .entities import Entity, EntityAlias, EntityMerge, Mention
from .events import Event, EventLink, Evidence, Thread

__all__ = [
    "Case",
    "CaseParty",
    "Citation",
    "Claim",
    "ClaimVerb",
    "Document",
    "DocumentKind",
    "DocumentStatus",
    "Entity",
    "EntityAlias",
    "EntityKind",
    "EntityMerge",
    "Event",
    "EventLink",
    "Evidence",
    "LinkKind",
    "Mention",
    "Origin",
    "PartyRole",
    "ReviewStatus",
    "Thread",
]
