"""Cases: parties inline, judges and related cases, and links to events and documents."""

from __future__ import annotations

from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Case
from tests.factories import CasePartyFactory

from .conftest import World


def test_case_page_lists_events_documents_and_parties(
    world: World, editor_client: Client, case_party_factory: type[CasePartyFactory]
) -> None:
    case_party_factory(case=world.case, entity=world.alice, role="plaintiff")
    page = editor_client.get(reverse("admin:knowledge_case_change", args=[world.case.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert reverse("admin:knowledge_event_change", args=[world.event.pk]) in html
    assert reverse("admin:knowledge_document_change", args=[world.document.pk]) in html
    assert f"?case__id__exact={world.case.pk}" in html
    assert "Alice Example (Person)" in html  # the party's entity, shown in its widget


def test_add_a_case_with_parties_judges_and_a_related_case(
    world: World, editor_client: Client
) -> None:
    data = {
        "caption": "Beta Labs v. Example",
        "short_name": "Beta v. Example",
        "slug": "beta-v-example",
        "court": "Test Court",
        "status": "open",
        "docket_sync_hours": 6,  # the form's initial value (the CourtListener section)
        "judges": [world.alice_dup.pk],
        "related": [world.case.pk],
        "parties-TOTAL_FORMS": 2,
        "parties-INITIAL_FORMS": 0,
        "parties-0-entity": world.beta.pk,
        "parties-0-role": "plaintiff",
        "parties-1-entity": world.alice.pk,
        "parties-1-role": "defendant",
    }
    response = editor_client.post(reverse("admin:knowledge_case_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    case = Case.objects.get(slug="beta-v-example")
    roles = set(case.parties.values_list("entity__slug", "role"))
    assert roles == {("beta-labs", "plaintiff"), ("alice-example", "defendant")}
    assert list(case.judges.all()) == [world.alice_dup]
    assert list(world.case.related.all()) == [case]  # related cases are symmetrical
    assert LogEntry.objects.filter(object_id=str(case.pk), action_flag=1).exists()
