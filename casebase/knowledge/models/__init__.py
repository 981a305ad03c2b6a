"""The domain model. See docs/models.md for what each model means and the rules it keeps."""

from casebase.knowledge.models.cases import Case, CaseParty
from casebase.knowledge.models.choices import (
    ClaimVerb,
    DocumentKind,
    DocumentStatus,
    EntityKind,
    FetchFailure,
    FetchStatus,
    LinkKind,
    Origin,
    PartyRole,
    ReviewStatus,
    SourceKind,
)
from casebase.knowledge.models.claims import Citation, Claim
from casebase.knowledge.models.documents import Document
from casebase.knowledge.models.entities import Entity, EntityAlias, EntityMerge, Mention
from casebase.knowledge.models.events import Event, EventLink, Evidence, Thread
from casebase.knowledge.models.subscriptions import Subscription

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
    "FetchFailure",
    "FetchStatus",
    "LinkKind",
    "Mention",
    "Origin",
    "PartyRole",
    "ReviewStatus",
    "SourceKind",
    "Subscription",
    "Thread",
]
