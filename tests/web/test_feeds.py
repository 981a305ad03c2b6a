"""Atom feeds of what changed, parsed with feedparser; pages link them; e-mail digests."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from casebase.curation import review
from casebase.curation.digests import send_digests
from casebase.knowledge.models import Event, Subscription
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, object]:
    thread = factories.ThreadFactory(slug="dispute")
    case = factories.CaseFactory(slug="roe-v-acme", short_name="Roe v. Acme")
    roe = factories.EntityFactory(name="Jane Roe", slug="jane-roe")
    first = factories.EventFactory(
        title="Complaint filed", date=dt.date(2024, 3, 1), case=case, threads=[thread],
        entities=[roe],
    )  # fmt: skip
    other = factories.EventFactory(title="Unrelated ruling", date=dt.date(2022, 5, 2))
    pending = factories.EventFactory(
        title="Pipeline guess", case=case, entities=[roe], origin="extracted",
        review_status="extracted",
    )  # fmt: skip
    return {"case": case, "roe": roe, "first": first, "other": other, "pending": pending}


def parse(client: Client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_timeline_feed_lists_changes_with_both_dates_and_links(world: dict[str, object]) -> None:
    first: Event = world["first"]  # type: ignore[assignment]
    first.summary = "The complaint is on the docket."
    first.save()
    feed = parse(Client(), "/feeds/timeline/")
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Changed: 1 Mar 2024: Complaint filed"
    assert "Added: 1 Mar 2024: Complaint filed" in titles
    assert not any("Pipeline guess" in t for t in titles)  # awaiting review: not public
    entry = feed.entries[0]
    assert entry.link.endswith(f"/events/{first.pk}/")
    assert "Event date: 1 Mar 2024." in entry.summary and "Changed: summary." in entry.summary
    assert entry.updated_parsed is not None  # the date of the change
    assert {"changed", "event-date:2024-03-01"} <= {tag.term for tag in entry.tags}
    assert feed.feed.links[0].href.endswith("/timeline/")


def test_timeline_feed_takes_the_timeline_filters(world: dict[str, object]) -> None:
    client = Client()
    by_case = parse(client, "/feeds/timeline/?case=roe-v-acme")
    assert {e.title.split(": ")[-1] for e in by_case.entries} == {"Complaint filed"}
    by_date = parse(client, "/feeds/timeline/?date_from=2022&date_to=2022")
    assert {e.title.split(": ")[-1] for e in by_date.entries} == {"Unrelated ruling"}
    assert client.get("/feeds/timeline/?entity=nobody").status_code == 400


def test_case_and_entity_feeds_and_publication(world: dict[str, object]) -> None:
    client = Client()
    case_feed = parse(client, "/feeds/cases/roe-v-acme/")
    assert [e.title for e in case_feed.entries] == ["Added: 1 Mar 2024: Complaint filed"]
    pending: Event = world["pending"]  # type: ignore[assignment]
    review.decide(Event.objects.filter(pk=pending.pk), "approved", factories.EditorFactory())
    entity_feed = parse(client, "/feeds/entities/jane-roe/")
    assert entity_feed.entries[0].title.startswith("Published: ")
    assert entity_feed.entries[0].title.endswith("Pipeline guess")
    assert client.get("/feeds/cases/nope/").status_code == 404


def test_pages_link_their_feed(world: dict[str, object]) -> None:
    client = Client()
    for page, feed in (
        ("/timeline/?case=roe-v-acme", "/feeds/timeline/?case=roe-v-acme"),
        ("/cases/roe-v-acme/", "/feeds/cases/roe-v-acme/"),
        ("/entities/jane-roe/", "/feeds/entities/jane-roe/"),
    ):
        html = client.get(page).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html, page
        assert f'href="{feed}"' in html, page
        assert "Atom feed of changes" in html, page


def test_signed_in_users_subscribe_and_get_a_daily_digest(world: dict[str, object]) -> None:
    user = factories.UserFactory(username="follower", email="follower@example.org")
    client = Client()
    client.force_login(user)
    assert "E-mail me a daily digest" in client.get("/cases/roe-v-acme/").content.decode()
    assert client.post("/follow/case/roe-v-acme/", {"follow": "1"}).status_code == 302
    assert client.post("/follow/entity/jane-roe/", {"follow": "1"}).status_code == 302
    assert Subscription.objects.filter(user=user).count() == 2
    Subscription.objects.update(created_at=timezone.now() - dt.timedelta(days=1))
    first: Event = world["first"]  # type: ignore[assignment]
    first.title = "Complaint filed in court"
    first.save()
    assert send_digests() == 2
    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert "Changed: 1 Mar 2024: Complaint filed in court" in body
    assert f"/events/{first.pk}/" in body
    assert "Pipeline guess" in body  # a signed-in subscriber sees items awaiting review
    assert send_digests() == 0  # nothing new since the last digest
    assert client.post("/follow/case/roe-v-acme/", {"follow": "0"}).status_code == 302
    assert Subscription.objects.filter(user=user).count() == 1
    assert Client().post("/follow/case/roe-v-acme/", {"follow": "1"}).status_code == 302  # login
    assert Subscription.objects.count() == 1
