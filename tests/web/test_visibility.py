"""One publication rule (``visible_to`` on the QuerySets) on every read path: a rejected event
or claim is never shown to the public, anywhere; a reviewer sees it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from casebase.knowledge.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

HIDDEN = "Zyxwv rejected happening"
SAID = "Qwerty rejected assertion"


@pytest.fixture
def world() -> dict[str, object]:
    thread, entity = factories.ThreadFactory(), factories.EntityFactory(name="Ada Example")
    case = factories.CaseFactory(slug="c-1")
    document = factories.DocumentFactory(
        text="A neutral passage. Ada Example said something else.", case=case
    )
    published = factories.EventFactory(
        title="Published happening", threads=[thread], entities=[entity]
    )
    rejected = factories.EventFactory(
        title=HIDDEN,
        threads=[thread],
        entities=[entity],
        case=case,
        origin="extracted",
        review_status="rejected",
    )
    published.case = case
    published.save()
    factories.EvidenceFactory(event=rejected, document=document, start=0, end=17)
    factories.ClaimFactory(
        document=document,
        speaker=entity,
        content=SAID,
        start=19,
        end=len(document.text),
        review_status="rejected",
    )
    return {"entity": entity, "case": case, "document": document, "rejected": rejected}


def reviewer() -> User:
    return factories.UserFactory(username="reviewer", permissions=["change_event", "change_claim"])


def paths(world: dict[str, object]) -> list[str]:
    entity, case, document = world["entity"], world["case"], world["document"]
    rejected = world["rejected"]
    return [
        "/",
        "/timeline/?review=rejected",
        "/timeline/",
        f"/entities/{entity.slug}/",  # type: ignore[attr-defined]
        f"/cases/{case.slug}/",  # type: ignore[attr-defined]
        f"/documents/{document.pk}/",  # type: ignore[attr-defined]
        "/search/?q=Zyxwv",
        "/search/?q=Qwerty",
        "/claims/",
        "/api/v1/events/",
        "/api/v1/events/?review_status=rejected",
        "/api/v1/claims/",
        "/api/v1/timeline/?review=rejected",
        "/api/v1/timeline/?review=rejected&format=csv",
        f"/api/v1/events/{rejected.pk}/",  # type: ignore[attr-defined]
        f"/events/{rejected.pk}/",  # type: ignore[attr-defined]
    ]


def test_the_public_never_sees_a_rejected_item(world: dict[str, object]) -> None:
    client = Client()
    for path in paths(world):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        body = response.content.decode()
        assert HIDDEN not in body, path
        assert SAID not in body, path
    assert client.get("/timeline/").content.decode().count("Published happening") >= 1


def test_a_reviewer_sees_rejected_items_where_asked(world: dict[str, object]) -> None:
    client = Client()
    client.force_login(reviewer())
    rejected = world["rejected"]
    assert HIDDEN in client.get("/timeline/?review=rejected").content.decode()
    assert HIDDEN in client.get(f"/events/{rejected.pk}/").content.decode()  # type: ignore[attr-defined]
    assert HIDDEN in client.get("/api/v1/events/?review_status=rejected").content.decode()
    assert SAID in client.get("/api/v1/claims/").content.decode()


def test_visible_to_is_the_rule(event_factory: type[factories.EventFactory]) -> None:
    event_factory(title="shown")
    event_factory(title="hidden", review_status="rejected")
    assert [e.title for e in Event.objects.visible_to(None)] == ["shown"]
    assert sorted(e.title for e in Event.objects.visible_to(reviewer())) == ["hidden", "shown"]
