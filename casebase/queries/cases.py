"""Read-side queries for the case page."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    Entity,
    Event,
    EventLink,
    LinkKind,
    PartyRole,
)
from casebase.knowledge.models.querysets import Reader

from .entities import DOCUMENT_LIGHT
from .events import INVERSE_LABELS


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
        Document.objects.visible_to(user)
        .filter(case=case)
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


@dataclass(frozen=True)
class CaseLink:
    """A link between one of the case's events and another event: "<event> <label> <other>"."""

    event: Event
    label: str
    kind: str
    other: Event
    note: str


CASE_LINKS_LIMIT = 100


def case_links(case: Case, user: Reader) -> list[CaseLink]:
    """The precedents and related events of the case: every link from or to one of its events
    (both ends readable by ``user``), precedents first, then by the other event's date."""
    visible = Event.objects.visible_to(user)
    ours = visible.filter(case=case)
    links = (
        EventLink.objects.filter(Q(source__in=ours) | Q(target__in=ours))
        .filter(source__in=visible, target__in=visible)
        .select_related("source", "target")
        .order_by("id")[:CASE_LINKS_LIMIT]
    )
    out: list[CaseLink] = []
    for link in links:
        if link.source.case_id == case.pk:
            out.append(
                CaseLink(link.source, link.get_kind_display(), link.kind, link.target, link.note)
            )
        else:
            label = INVERSE_LABELS.get(LinkKind(link.kind), link.kind)
            out.append(CaseLink(link.target, label, link.kind, link.source, link.note))
    precedent_first = {LinkKind.PRECEDENT_FOR: 0}
    return sorted(
        out,
        key=lambda item: (
            precedent_first.get(LinkKind(item.kind), 1),
            item.other.date,
            item.other.pk,
        ),
    )
