"""API test fixtures: clients for the permission matrix and a small, clearly synthetic world.

Names and dates here are made up for the tests (``Example``, ``Beta Labs``); they are not facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from casebase.knowledge.models import Case, Citation, Claim, Document, Entity, Event, Thread
from tests import factories

TEXT = (
    "Alice Example testified on Thursday that Beta Labs had copied the model. "
    "Beta Labs denied it. See Foo v. Bar, 123 F.3d 456 (9th Cir. 1999)."
)


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def token_client(db: None) -> APIClient:
    """Authenticated by API token, without any model permission."""
    user = factories.UserFactory(username="reader", password="pw-reader-123")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def editor_client(db: None) -> APIClient:
    """Authenticated by API token, with add/change/delete/view on every knowledge model."""
    user = factories.UserFactory(
        username="api-editor",
        password="pw-editor-123",
        permissions=Permission.objects.filter(content_type__app_label="knowledge"),
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@dataclass
class World:
    case: Case
    thread: Thread
    other_thread: Thread
    alice: Entity
    beta: Entity
    gamma: Entity
    document: Document
    article: Document
    year_event: Event  # 2019 (year precision)
    month_event: Event  # 2021-03 (month precision)
    day_event: Event  # 2023-07-12
    ranged_event: Event  # 2020-11 .. 2022 (month to year)
    rejected_event: Event
    claim: Claim
    citation: Citation


def make_event(title: str, day: dt.date, precision: str = "day", **kwargs: object) -> Event:
    return factories.EventFactory(title=title, date=day, date_precision=precision, **kwargs)


@pytest.fixture
def world(db: None) -> World:
    case = factories.CaseFactory(
        slug="example-v-beta",
        caption="Example v. Beta Labs",
        short_name="Example v. Beta",
        court="Test District Court",
        docket_number="1:99-cv-00001",
    )
    thread = factories.ThreadFactory(slug="dispute", name="The dispute", position=1)
    other = factories.ThreadFactory(slug="precedents", name="Precedents", position=2)
    alice = factories.EntityFactory(
        name="Alice Example", slug="alice-example", aliases=["Ms. Example"]
    )
    beta = factories.EntityFactory(
        name="Beta Labs", slug="beta-labs", kind="organization", aliases=["B.L. Inc."]
    )
    gamma = factories.EntityFactory(name="Gamma Corp", slug="gamma-corp", kind="organization")
    document = factories.DocumentFactory(
        kind="transcript",
        title="Trial transcript, day 3",
        text=TEXT,
        case=case,
        publisher="Court reporter",
        published_on=dt.date(2023, 7, 13),
        content_hash="a" * 64,
    )
    article = factories.DocumentFactory(
        kind="news_article",
        title="Beta Labs denies copying",
        text=TEXT,
        status="failed",
        error="could not read",
        publisher="Daily Example",
        published_on=dt.date(2021, 3, 1),
        published_precision="month",
        content_hash="b" * 64,
    )
    year_event = make_event("Year event", dt.date(2019, 1, 1), "year", case=case)
    month_event = make_event("Month event", dt.date(2021, 3, 1), "month")
    day_event = make_event("Day event", dt.date(2023, 7, 12), "day", case=case, confidence="low")
    ranged_event = make_event(
        "Ranged event",
        dt.date(2020, 11, 1),
        "month",
        end_date=dt.date(2022, 1, 1),
        end_precision="year",
        origin="extracted",
        review_status="approved",  # published: an editor approved it
    )
    rejected = make_event("Rejected event", dt.date(2023, 7, 12), review_status="rejected")
    for event in (year_event, day_event, rejected):
        event.threads.add(thread)
    month_event.threads.add(other)
    year_event.entities.add(alice)
    day_event.entities.add(alice, beta)
    month_event.entities.add(beta)
    ranged_event.entities.add(gamma)
    rejected.entities.add(alice)
    factories.EvidenceFactory(event=day_event, document=document, start=0, end=40, quote=TEXT[:40])
    factories.EvidenceFactory(event=month_event, document=article)
    factories.EventLinkFactory(source=year_event, target=day_event, kind="precedent_for")
    factories.MentionFactory(document=document, entity=alice)
    factories.MentionFactory(document=document, entity=beta, start=44)
    claim = factories.ClaimFactory(
        document=document,
        speaker=alice,
        speaker_text="Alice Example",
        verb="testified",
        content="Beta Labs had copied the model",
        start=0,
        end=70,
        under_oath=True,
        made_on=dt.date(2023, 7, 12),
        review_status="approved",
    )
    factories.ClaimFactory(
        document=article,
        speaker=beta,
        verb="denied",
        content="it copied the model",
        start=74,
        end=94,
        made_on=dt.date(2021, 3, 1),
        made_precision="month",
    )
    citation = factories.CitationFactory(
        document=document,
        kind="case",
        text="Foo v. Bar, 123 F.3d 456 (9th Cir. 1999)",
        normalized="123 F.3d 456",
        start=100,
        end=140,
    )
    return World(
        case,
        thread,
        other,
        alice,
        beta,
        gamma,
        document,
        article,
        year_event,
        month_event,
        day_event,
        ranged_event,
        rejected,
        claim,
        citation,
    )
