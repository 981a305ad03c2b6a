"""'Approve all from this document': a preview of what it brought, then one click publishes it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Claim, Entity, Event
from tests import factories

pytestmark = pytest.mark.django_db


def test_preview_then_approve_all(editor_client: Client) -> None:
    upload = factories.DocumentFactory(text="Somebody said it happened on 3 March 2026.")
    other = factories.DocumentFactory(text="Another text.")
    event = factories.EventFactory(
        title="It happened", origin="extracted", review_status="extracted"
    )
    factories.EvidenceFactory(event=event, document=upload, start=0, end=8)
    untouched = factories.EventFactory(
        title="Elsewhere", origin="extracted", review_status="extracted"
    )
    factories.EvidenceFactory(event=untouched, document=other, start=0, end=7)
    claim = factories.ClaimFactory(
        document=upload, content="it happened", origin="extracted", review_status="extracted"
    )
    entity = factories.EntityFactory(name="Somebody", origin="extracted", review_status="extracted")
    factories.MentionFactory(document=upload, entity=entity, start=0, end=8, text="Somebody")
    url = reverse("admin:knowledge_review_approve_document", args=[upload.pk])
    preview = editor_client.get(url)
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "It happened" in body and "it happened" in body and "Somebody" in body
    assert "Elsewhere" not in body and "Approve all 3" in body
    assert Event.objects.get(pk=event.pk).review_status == "extracted"  # only a preview
    done = editor_client.post(url)
    assert done.status_code == 302
    assert Event.objects.get(pk=event.pk).review_status == "approved"
    assert Claim.objects.get(pk=claim.pk).review_status == "approved"
    assert Entity.objects.get(pk=entity.pk).review_status == "approved"
    assert Event.objects.get(pk=untouched.pk).review_status == "extracted"
    queue = editor_client.get(reverse("admin:knowledge_review_queue") + "?show=events")
    assert "Elsewhere" in queue.content.decode() and "approve all from this document" in (
        queue.content.decode()
    )


def test_entities_have_a_queue_tab_with_one_click_decisions(editor_client: Client) -> None:
    entity = factories.EntityFactory(name="Calif.", origin="extracted", review_status="extracted")
    url = reverse("admin:knowledge_review_queue") + "?show=entities"
    assert "Calif." in editor_client.get(url).content.decode()
    editor_client.post(url, {"one": f"rejected:{entity.pk}"})
    assert Entity.objects.get(pk=entity.pk).review_status == "rejected"


def test_a_researcher_without_review_rights_cannot_approve(client: Client) -> None:
    upload = factories.DocumentFactory()
    client.force_login(factories.UserFactory(is_staff=True, permissions=["view_document"]))
    url = reverse("admin:knowledge_review_approve_document", args=[upload.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403


def test_uploads_awaiting_review_have_a_queue_tab_with_one_click_decisions(
    editor_client: Client,
) -> None:
    from casebase.knowledge.models import Document

    upload = Document.objects.create(
        title="Uploaded filing", text="The opening words of the upload.", review_status="extracted"
    )
    Document.objects.create(title="Corpus document")  # approved: not in the queue
    url = reverse("admin:knowledge_review_queue") + "?show=documents"
    page = editor_client.get(url).content.decode()
    assert "Uploads awaiting review (1)" in page
    assert "Uploaded filing" in page and "The opening words of the upload." in page
    assert "Corpus document" not in page
    editor_client.post(url, {"one": f"approved:{upload.pk}"})
    upload.refresh_from_db()
    assert upload.review_status == "approved" and upload.reviewed_by is not None
    assert Document.objects.visible_to(None).filter(pk=upload.pk).exists()


@pytest.mark.parametrize("kind", ["events", "claims"])
def test_approving_one_item_publishes_the_upload_it_was_read_from(
    editor_client: Client, client: Client, kind: str
) -> None:
    """A public fact links to its source: approving one extracted event or claim in the queue
    makes its upload public too (and only that upload)."""
    from casebase.knowledge.models import Document

    upload = Document.objects.create(
        title="Uploaded report", text="Somebody said it happened.", review_status="extracted"
    )
    elsewhere = Document.objects.create(
        title="Another upload", text="Unrelated.", review_status="extracted"
    )
    page = reverse("web:document", args=[upload.pk])
    assert client.get(page).status_code == 404  # anonymous, before the decision
    if kind == "events":
        item = factories.EventFactory(origin="extracted", review_status="extracted")
        factories.EvidenceFactory(event=item, document=upload, start=0, end=8)
    else:
        item = factories.ClaimFactory(
            document=upload, content="it happened", origin="extracted", review_status="extracted"
        )
    queue = reverse("admin:knowledge_review_queue") + f"?show={kind}"
    editor_client.post(queue, {"one": f"approved:{item.pk}"})
    assert Document.objects.get(pk=upload.pk).review_status == "approved"
    assert Document.objects.get(pk=elsewhere.pk).review_status == "extracted"
    assert client.get(page).status_code == 200
