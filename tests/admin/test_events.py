"""Entering events: partial dates typed naturally, entities, threads, evidence and links."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Event, EventLink

from .conftest import World, span

ADD = reverse("admin:knowledge_event_add")


def _management(prefix: str, total: int = 0, initial: int = 0) -> dict[str, Any]:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def _event_data(world: World, **overrides: Any) -> dict[str, Any]:
    start, end = span(world.document.text, "Gamma Corp denied it")
    data: dict[str, Any] = {
        "title": "Gamma Corp denies copying",
        "when": "Feb 2018",
        "until": "",
        "summary": "A denial.",
        "threads": [world.thread.pk],
        "case": world.case.pk,
        "entities": [world.alice.pk, world.beta.pk],
        "confidence": "high",
        "origin": "curated",
        "review_status": "approved",
        **_management("evidence", total=1),
        "evidence-0-document": world.document.pk,
        "evidence-0-origin": "curated",
        "evidence-0-start": start,
        "evidence-0-end": end,
        "evidence-0-quote": "Gamma Corp denied it",
        **_management("links_out", total=1),
        "links_out-0-kind": "responds_to",
        "links_out-0-target": world.event.pk,
        **_management("links_in"),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("typed", "stored", "precision", "shown"),
    [
        ("2015", "2015-01-01", "year", "2015"),
        ("Feb 2018", "2018-02-01", "month", "Feb 2018"),
        ("2018-02", "2018-02-01", "month", "Feb 2018"),
        ("30 April 2026", "2026-04-30", "day", "30 Apr 2026"),
        ("2026-04-30", "2026-04-30", "day", "30 Apr 2026"),
    ],
)
def test_add_event_with_a_partial_date(
    world: World, editor_client: Client, typed: str, stored: str, precision: str, shown: str
) -> None:
    response = editor_client.post(ADD, _event_data(world, when=typed))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(title="Gamma Corp denies copying")
    assert (event.date.isoformat(), event.date_precision) == (stored, precision)
    assert event.date_display == shown
    assert set(event.entities.all()) == {world.alice, world.beta}
    assert list(event.threads.all()) == [world.thread]
    evidence = event.evidence.get()
    assert (evidence.document, evidence.quote) == (world.document, "Gamma Corp denied it")
    assert EventLink.objects.get(source=event).target == world.event
    assert LogEntry.objects.filter(object_id=str(event.pk), action_flag=1).exists()
    change = editor_client.get(reverse("admin:knowledge_event_change", args=[event.pk]))
    assert f'value="{shown}"' in change.content.decode()
    assert "<mark>Gamma Corp denied it</mark>" in change.content.decode()


def test_end_date_and_its_checks(world: World, editor_client: Client) -> None:
    response = editor_client.post(ADD, _event_data(world, when="2024", until="March 2025"))
    assert response.status_code == 302
    event = Event.objects.get(title="Gamma Corp denies copying")
    assert event.date_display == "2024 – Mar 2025"
    backwards = editor_client.post(ADD, _event_data(world, title="x", when="2024", until="2023"))
    assert b"The end cannot come before the start." in backwards.content


@pytest.mark.parametrize("typed", ["", "someday", "31 Feb 2018", "2018-13"])
def test_bad_dates_are_form_errors(world: World, editor_client: Client, typed: str) -> None:
    response = editor_client.post(ADD, _event_data(world, when=typed))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["when"]
    assert not Event.objects.filter(title="Gamma Corp denies copying").exists()


def _change_data(world: World, event: Event, **changes: Any) -> dict[str, Any]:
    """The change form's data for ``event`` (added by ``_event_data``) with its one evidence
    row and one outgoing link kept, and ``changes`` made."""
    evidence, link = event.evidence.get(), EventLink.objects.get(source=event)
    data = _event_data(world, **changes)
    data.update(
        {
            **_management("evidence", total=1, initial=1),
            "evidence-0-id": evidence.pk,
            "evidence-0-event": event.pk,
            **_management("links_out", total=1, initial=1),
            "links_out-0-id": link.pk,
            "links_out-0-source": event.pk,
        }
    )
    return data


def test_changing_the_date_keeps_the_rest(world: World, editor_client: Client) -> None:
    editor_client.post(ADD, _event_data(world))
    event = Event.objects.get(title="Gamma Corp denies copying")
    data = _change_data(world, event, when="12 March 2018")
    url = reverse("admin:knowledge_event_change", args=[event.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.date_display == "12 Mar 2018"
    assert event.evidence.count() == 1 and EventLink.objects.filter(source=event).count() == 1
    history = editor_client.get(reverse("admin:knowledge_event_history", args=[event.pk]))
    page = history.content.decode()
    table = page[page.find('id="change-history"') :]
    # field by field, who made it
    assert "<strong>Date:</strong>" in table and "2018-02-01" in table and "2018-03-12" in table
    assert ">editor</a>" in table


def test_changing_entities_in_the_admin_is_one_recorded_change(
    world: World, editor_client: Client
) -> None:
    """Creating an event with its threads and entities is one record; removing an entity
    later is one "changed" record by the editor, shown in the admin's history."""
    editor_client.post(ADD, _event_data(world))
    event = Event.objects.get(title="Gamma Corp denies copying")
    assert [r.history_type for r in event.history.all()] == ["+"]
    data = _change_data(world, event, entities=[world.alice.pk])
    url = reverse("admin:knowledge_event_change", args=[event.pk])
    assert editor_client.post(url, data).status_code == 302
    records = list(event.history.order_by("-history_date", "-history_id"))
    assert [r.history_type for r in records] == ["~", "+"]
    assert records[0].history_user.username == "editor"
    assert {e.entity_id for e in records[1].entities.all()} == {world.alice.pk, world.beta.pk}
    assert {e.entity_id for e in records[0].entities.all()} == {world.alice.pk}
    history = editor_client.get(reverse("admin:knowledge_event_history", args=[event.pk]))
    table = history.content.decode()
    table = table[table.find('id="change-history"') :]
    shown = " ".join(table[table.find("<strong>Entities:</strong>") :].split())[:200]
    assert "[Alice Example (Person), Beta Labs (Organization)]" in shown
    assert "&rarr;&nbsp;&nbsp;[Alice Example (Person)]" in shown


def test_reverting_brings_back_the_entities_the_record_kept(
    world: World, editor_client: Client
) -> None:
    """The history's *Revert* form starts from the relations of the chosen record, not from
    today's, so saving it restores a removed entity."""
    editor_client.post(ADD, _event_data(world))
    event = Event.objects.get(title="Gamma Corp denies copying")
    created = event.history.get(history_type="+")
    event.entities.remove(world.beta)
    url = reverse("admin:knowledge_event_simple_history", args=[event.pk, created.history_id])
    form = editor_client.get(url).context["adminform"].form
    assert sorted(form.initial["entities"]) == sorted([world.alice.pk, world.beta.pk])
    assert form.initial["threads"] == [world.thread.pk]
    current = reverse("admin:knowledge_event_change", args=[event.pk])
    assert editor_client.get(current).context["adminform"].form.initial["entities"] == [
        world.alice
    ]  # the change form still shows today's
