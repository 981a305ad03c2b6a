"""One publication rule (``visible_to`` on the QuerySets) on every read path: a rejected event
or claim is never shown to the public, anywhere; a reviewer sees it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from casebase.knowledge.models import Claim, Event, Evidence

from .factories import make_case, make_document, make_entity, make_event, make_thread

pytestmark = pytest.mark.django_db

HIDDEN = "Zyxwv rejected happening"
SAID = "Qwerty rejected assertion"


@pytest.fixture
def world() -> dict[str, object]:
    thread, entity, case = make_thread(), make_entity("Ada Example"), make_case(slug="c-1")
    document = make_document("A neutral passage. Ada Example said something else.", case=case)
    published = make_event(title="Published happening", threads=[thread], entities=[entity])
    rejected = make_event(
        title=HIDDEN,
        threads=[thread],
        entities=[entity],
        case=case,
        origin="extracted",
        review_status="rejected",
    )
    published.case = case
    published.save()
    Evidence.objects.create(event=rejected, document=document, start=0, end=17)
    Claim.objects.create(
        document=document,
        speaker=entity,
        content=SAID,
        start=19,
        end=len(document.text),
        review_status="rejected",
    )
    return {"entity": entity, "case": case, "document": document, "rejected": rejected}


def reviewer() -> User:
    user = User.objects.create_user("reviewer", password="pw-for-tests-only")
    for codename in ("change_event", "change_claim"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


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


def test_visible_to_is_the_rule() -> None:
    make_event(title="shown")
    make_event(title="hidden", review_status="rejected")
    assert [e.title for e in Event.objects.visible_to(None)] == ["shown"]
    assert sorted(e.title for e in Event.objects.visible_to(reviewer())) == ["hidden", "shown"]
