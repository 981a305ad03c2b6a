"""One publication rule (``visible_to`` on the QuerySets) on every read path: a rejected event
or claim is never shown to the public, anywhere; a reviewer sees it. Machine-made events, claims
and entities awaiting review are not public until approved (or their source is trusted); a
signed-in reader sees them, marked, unless they switch them off."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from casebase.knowledge.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

HIDDEN = "Zyxwv rejected happening"
SAID = "Qwerty rejected assertion"
PENDING_EVENT = "Vbnmq pending happening"
PENDING_CLAIM = "Plokij pending assertion"
PENDING_ENTITY = "Calif Pendingname"
PENDING_SLUG = "calif-pendingname"
# its name, a link to it, its slug in JSON (the sign-in link's ?next= may name the URL asked for)
PENDING = (
    PENDING_EVENT,
    PENDING_CLAIM,
    PENDING_ENTITY,
    f'href="/entities/{PENDING_SLUG}/',
    f'"{PENDING_SLUG}"',
)


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
    upload = factories.DocumentFactory(
        text="An uploaded text. Somebody said it happened there.", case=case
    )
    pending = factories.EventFactory(
        title=PENDING_EVENT,
        threads=[thread],
        entities=[entity],
        case=case,
        origin="extracted",
        review_status="extracted",
    )
    factories.EvidenceFactory(event=pending, document=upload, start=0, end=17)
    newcomer = factories.EntityFactory(
        name=PENDING_ENTITY, slug=PENDING_SLUG, origin="extracted", review_status="extracted"
    )
    pending.entities.add(newcomer)
    factories.MentionFactory(document=upload, entity=newcomer, start=18, end=26, text="Somebody")
    factories.MentionFactory(document=document, entity=newcomer, start=19, end=22, text="Ada")
    factories.ClaimFactory(
        document=upload,
        speaker=entity,
        content=PENDING_CLAIM,
        start=18,
        end=len(upload.text),
        origin="extracted",
        review_status="extracted",
    )
    return {
        "entity": entity,
        "case": case,
        "document": document,
        "rejected": rejected,
        "upload": upload,
        "pending": pending,
        "newcomer": newcomer,
    }


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
        f"/events/{world['pending'].pk}/",  # type: ignore[attr-defined]
        f"/documents/{world['upload'].pk}/",  # type: ignore[attr-defined]
        f"/entities/{PENDING_SLUG}/",
        "/search/?q=Vbnmq",
        "/search/?q=Plokij",
        "/claims/?speaker=" + entity.slug,  # type: ignore[attr-defined]
        "/timeline/?origin=extracted",
        "/timeline/?review=extracted",
        "/api/v1/events/?review_status=extracted&expand=entities,evidence",
        f"/api/v1/events/{world['pending'].pk}/",  # type: ignore[attr-defined]
        "/api/v1/entities/",
        f"/api/v1/entities/{PENDING_SLUG}/",
        "/api/v1/mentions/",
        "/api/v1/claims/?expand=about",
        "/api/v1/timeline/?format=csv",
        "/api/v1/timeline/",
        "/api/v1/timeline/?format=ics",
        "/feeds/timeline/",
        f"/feeds/cases/{case.slug}/",  # type: ignore[attr-defined]
        f"/feeds/entities/{entity.slug}/",  # type: ignore[attr-defined]
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


def test_the_public_does_not_see_items_awaiting_review(world: dict[str, object]) -> None:
    client = Client()
    for path in paths(world):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        body = response.content.decode()
        for text in PENDING:
            assert text not in body, (path, text)
    assert client.get(f"/entities/{PENDING_SLUG}/").status_code == 404
    # the home page's counts count only what the reader may see
    from casebase.queries import home

    assert [t.event_count for t in home.threads_with_counts(None)] == [1]
    assert [c.event_count for c in home.key_cases(None)] == [1]


def test_signed_in_readers_see_items_awaiting_review_marked_and_can_hide_them(
    world: dict[str, object],
) -> None:
    client = Client()
    client.force_login(factories.UserFactory(username="researcher"))
    pending, upload = world["pending"], world["upload"]
    timeline = client.get("/timeline/").content.decode()
    assert PENDING_EVENT in timeline and "awaiting review" in timeline
    assert PENDING_ENTITY in client.get(f"/events/{pending.pk}/").content.decode()  # type: ignore[attr-defined]
    assert PENDING_CLAIM in client.get("/claims/").content.decode()
    assert client.get(f"/entities/{PENDING_SLUG}/").status_code == 200
    assert PENDING_SLUG in client.get(f"/documents/{upload.pk}/").content.decode()  # type: ignore[attr-defined]
    assert HIDDEN not in timeline  # rejected items stay with reviewers
    switched = client.post("/reading/unreviewed/", {"hide": "1", "next": "/timeline/"})
    assert switched.status_code == 302 and switched["Location"] == "/timeline/"
    hidden = client.get("/timeline/").content.decode()
    assert PENDING_EVENT not in hidden and "Show items awaiting review" in hidden
    assert client.get(f"/entities/{PENDING_SLUG}/").status_code == 404
    client.post("/reading/unreviewed/", {"hide": "0", "next": "https://evil.example/"})
    assert PENDING_EVENT in client.get("/timeline/").content.decode()


def test_approving_publishes_and_a_trusted_source_publishes_without_review(
    world: dict[str, object],
) -> None:
    from casebase.curation import review
    from casebase.knowledge.models import Claim, Entity

    client = Client()
    pending, upload = world["pending"], world["upload"]
    review.decide(Event.objects.filter(pk=pending.pk), "approved", reviewer())  # type: ignore[attr-defined]
    assert PENDING_EVENT in client.get("/timeline/").content.decode()
    assert PENDING_ENTITY not in client.get(f"/events/{pending.pk}/").content.decode()  # type: ignore[attr-defined]
    assert Claim.objects.visible_to(None).filter(content=PENDING_CLAIM).count() == 0
    upload.auto_publish = True  # type: ignore[attr-defined]
    upload.save()  # type: ignore[attr-defined]
    assert Claim.objects.visible_to(None).filter(content=PENDING_CLAIM).count() == 1
    assert Entity.objects.visible_to(None).filter(slug=PENDING_SLUG).count() == 1
    assert PENDING_ENTITY in client.get(f"/events/{pending.pk}/").content.decode()  # type: ignore[attr-defined]
    assert PENDING_CLAIM in client.get("/claims/").content.decode()


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


UPLOAD_TITLE = "Xqjzv uploaded report"


def test_an_uploaded_document_is_public_only_once_approved_or_trusted(
    world: dict[str, object],
) -> None:
    """An upload through a door (here the API's) is not on the documents index, the case's
    docket table, search, its own page, its original or the API for anonymous readers until an
    editor approves it ("approve all from this document") or trusts its source; signed-in
    readers see it marked."""
    from casebase.curation import review
    from casebase.knowledge.models import Document

    case = world["case"]
    editor = factories.UserFactory(
        username="uploader",
        permissions=["add_document", "change_document", "change_event", "change_claim"],
    )
    uploader = Client()
    uploader.force_login(editor)
    response = uploader.post(
        "/api/v1/documents/",
        {"text": "Some uploaded words.", "title": UPLOAD_TITLE, "kind": "news_article",
         "case": case.slug},  # type: ignore[attr-defined]
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code in (201, 202), response.content
    document = Document.objects.get(title=UPLOAD_TITLE)
    assert document.review_status == "extracted"
    where = [
        "/documents/",
        f"/cases/{case.slug}/",  # type: ignore[attr-defined]
        "/search/?q=Xqjzv",
        "/api/v1/documents/",
        f"/documents/{document.pk}/",
        f"/api/v1/documents/{document.pk}/",
    ]
    anon = Client()
    for path in where:
        response = anon.get(path)
        assert response.status_code in (200, 404), path
        assert UPLOAD_TITLE not in response.content.decode(), path
    assert anon.get(f"/documents/{document.pk}/").status_code == 404
    assert anon.get(f"/documents/{document.pk}/original").status_code == 404
    reader = Client()
    reader.force_login(factories.UserFactory(username="researcher"))
    listed = reader.get("/documents/").content.decode()
    row = listed[listed.find(UPLOAD_TITLE) :][:300]
    assert UPLOAD_TITLE in listed and "awaiting review" in row
    assert reader.get(f"/documents/{document.pk}/").status_code == 200

    batch = review.approve_document(document, editor)
    assert batch.document_pending
    for path in where:
        assert UPLOAD_TITLE in anon.get(path).content.decode(), path
    document.refresh_from_db()
    assert (document.review_status, document.reviewed_by) == ("approved", editor)
    assert document.history.first().history_change_reason == "Review: Approved."  # type: ignore[attr-defined]

    other = Document.objects.create(title="Trusted feed item", review_status="extracted")
    assert not Document.objects.visible_to(None).filter(pk=other.pk).exists()
    other.auto_publish = True
    other.save()
    assert Document.objects.visible_to(None).filter(pk=other.pk).exists()
