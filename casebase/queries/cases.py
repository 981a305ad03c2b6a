"""Read-side queries for the case page."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    Entity,
    Event,
    PartyRole,
)
from casebase.knowledge.models.querysets import Reader

from .entities import DOCUMENT_LIGHT


@dataclass
class CasePage:
    case: Case
    parties_by_role: list[tuple[str, list[CaseParty]]]
    events: QuerySet[Event]
    event_base: QuerySet[Event]  # unordered, for the overview
    documents: QuerySet[Document]
    courtlistener_url: str = ""  # the docket's page on CourtListener, when linked


def case_by_slug(slug: str) -> Case | None:
    return (
        Case.objects.prefetch_related(
            Prefetch("judges", queryset=Entity.objects.order_by("name")),
            Prefetch("related", queryset=Case.objects.order_by("filed_on", "short_name")),
            Prefetch("parties", queryset=CaseParty.objects.select_related("entity")),
        )
        .filter(slug=slug)
        .first()
    )


def case_page(case: Case, user: Reader) -> CasePage:
    grouped: dict[str, list[CaseParty]] = {}
    order = {role: index for index, role in enumerate(PartyRole.values)}
    parties = sorted(case.parties.all(), key=lambda p: (order.get(p.role, 99), p.entity.name))
    for party in parties:
        grouped.setdefault(party.get_role_display(), []).append(party)
    events = Event.objects.visible_to(user).filter(case=case)
    documents = (
        Document.objects.filter(case=case)
        .defer(*DOCUMENT_LIGHT)
        .order_by("docket_entry", "published_on", "id")
    )
    site = str(getattr(settings, "COURTLISTENER_SITE_URL", "")).rstrip("/")
    return CasePage(
        courtlistener_url=f"{site}/docket/{case.courtlistener_id}/"
        if case.courtlistener_id
        else "",
        case=case,
        parties_by_role=list(grouped.items()),
        events=events.timeline_order().prefetch_related("threads"),
        event_base=events,
        documents=documents,
    )
