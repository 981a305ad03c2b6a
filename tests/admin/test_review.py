"""The review queue and review actions; decisions survive re-processing the document."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from casebase.curation import review
from casebase.knowledge.models import Claim, Document, DocumentStatus, Event
from tests.data import NEWS_ARTICLE
from tests.factories import EvidenceFactory, UserFactory

from .conftest import World, add_extracted_claim, span

QUEUE = reverse("admin:knowledge_review_queue")


@pytest.fixture
def pending(world: World) -> list[Claim]:
    return [
        add_extracted_claim(world.document, world.alice, "Example, Alice said the board knew"),
        add_extracted_claim(world.document, None, "Gamma Corp denied it"),
    ]


def test_queue_shows_each_claim_with_its_passage(
    pending: list[Claim], editor_client: Client
) -> None:
    page = editor_client.get(QUEUE)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Claims awaiting review (2)" in html
    assert "<mark>Example, Alice said the board knew</mark>" in html
    assert "copied the model. </span>" not in html  # context is cut, not the whole text
    assert "…Alice Example testified on Thursday that Beta Labs had copied the model. " in html


def test_queue_shows_events_with_their_evidence_passage(
    world: World, editor_client: Client, evidence_factory: type[EvidenceFactory]
) -> None:
    world.event.origin, world.event.review_status = "extracted", "extracted"
    world.event.save()
    start, end = span(world.document.text, "Gamma Corp denied it")
    evidence_factory(event=world.event, document=world.document, start=start, end=end)
    html = editor_client.get(QUEUE, {"show": "events"}).content.decode()
    assert "Events awaiting review (1)" in html
    assert "<mark>Gamma Corp denied it</mark>" in html
    assert "30 Apr 2026" in html


def test_bulk_and_single_decisions_are_recorded(
    pending: list[Claim], editor: User, editor_client: Client
) -> None:
    first, second = pending
    response = editor_client.post(QUEUE, {"decision": "rejected", "ids": [first.pk, second.pk]})
    assert response.status_code == 302
    editor_client.post(QUEUE, {"one": f"approved:{second.pk}"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.review_status, second.review_status) == ("rejected", "approved")
    assert first.reviewed_by == editor and first.reviewed_at is not None
    history = editor_client.get(reverse("admin:knowledge_claim_history", args=[second.pk]))
    assert b"Review: Rejected." in history.content and b"Review: Approved." in history.content
    assert b"Nothing awaits review here." in editor_client.get(QUEUE).content


def test_changelist_actions_approve_and_reject(pending: list[Claim], editor_client: Client) -> None:
    changelist = reverse("admin:knowledge_claim_changelist")
    editor_client.post(
        changelist, {"action": "approve_selected", "_selected_action": [pending[0].pk]}
    )
    editor_client.post(
        changelist, {"action": "reject_selected", "_selected_action": [pending[1].pk]}
    )
    statuses = dict(Claim.objects.values_list("pk", "review_status"))
    assert statuses == {pending[0].pk: "approved", pending[1].pk: "rejected"}
    assert LogEntry.objects.count() == 2


def test_editing_an_extracted_claim_marks_it_edited(
    pending: list[Claim], editor: User, editor_client: Client
) -> None:
    claim = pending[0]
    url = reverse("admin:knowledge_claim_change", args=[claim.pk])
    page = editor_client.get(url)
    assert "<mark>Example, Alice said the board knew</mark>" in page.content.decode()
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "about"}
    data.update(content="Alice said the board knew.", about=[], contradicts=[])
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.content == "Alice said the board knew."
    assert claim.review_status == "edited" and claim.reviewed_by == editor


def test_staff_without_permissions_cannot_decide(
    pending: list[Claim], user_factory: type[UserFactory]
) -> None:
    outsider = user_factory(username="outsider", is_staff=True)
    client = Client()
    client.force_login(outsider)
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"one": f"approved:{pending[0].pk}"}).status_code == 403
    assert Claim.objects.filter(review_status="extracted").count() == 2


def test_decide_refuses_other_statuses(pending: list[Claim], editor: User) -> None:
    with pytest.raises(ValueError):
        review.decide(Claim.objects.all(), "edited", editor)


def test_decisions_survive_reprocessing(run_tasks_inline: list[int], editor_client: Client) -> None:
    """Submit a news article through the admin, decide, re-run extraction from the admin:
    decided items keep their decision and rejected ones are not extracted again."""
    upload = SimpleUploadedFile("news-article.txt", NEWS_ARTICLE.read_bytes(), "text/plain")
    editor_client.post(
        reverse("admin:knowledge_document_add"),
        {"file": upload, "kind": "news_article", "published": "1 May 2026"},
    )
    document = Document.objects.get()
    assert document.status == DocumentStatus.DONE, document.error
    claims = list(Claim.objects.filter(document=document, review_status="extracted"))
    events = list(Event.objects.filter(evidence__document=document, review_status="extracted"))
    assert len(claims) >= 2 and events, (claims, events)
    rejected, approved = claims[0], claims[1]
    editor_client.post(QUEUE, {"one": f"rejected:{rejected.pk}"})
    editor_client.post(QUEUE, {"one": f"approved:{approved.pk}"})
    editor_client.post(
        QUEUE + "?show=events", {"decision": "rejected", "ids": [e.pk for e in events]}
    )

    editor_client.post(
        reverse("admin:knowledge_document_changelist"),
        {"action": "reprocess_selected", "_selected_action": [document.pk]},
    )

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    assert run_tasks_inline == [document.pk, document.pk]  # processed, then re-processed
    for decided, status in ((rejected, "rejected"), (approved, "approved")):
        twins = Claim.objects.filter(document=document, fingerprint=decided.fingerprint)
        assert list(twins.values_list("pk", "review_status")) == [(decided.pk, status)]
    for event in events:
        event_twins = Event.objects.filter(fingerprint=event.fingerprint)
        assert list(event_twins.values_list("pk", "review_status")) == [(event.pk, "rejected")]
    undecided = Claim.objects.filter(document=document, review_status="extracted").count()
    assert undecided == len(claims) - 2
