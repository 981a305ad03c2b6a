"""Migrations 0009 (history of many-to-many relations) and 0010 (documents' review status) on a
database that already holds data: nothing is lost, existing history rows get the relations their
row has, existing documents stay public."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from casebase.knowledge.models import Case, Document, Event
from casebase.queries.history import history_of

BEFORE = [("knowledge", "0008_history_of_source_and_docket_fields")]


def _history(apps, name: str, row, **values: object) -> None:  # type: ignore[no-untyped-def]
    historical = apps.get_model("knowledge", f"Historical{name}")
    fields = {
        f.attname: getattr(row, f.attname)
        for f in row._meta.concrete_fields
        if f.attname in {g.attname for g in historical._meta.fields}
    }
    values.setdefault("history_type", "+")
    historical.objects.create(**fields, history_date=timezone.now(), **values)


@pytest.mark.django_db(transaction=True)
def test_existing_rows_and_history_survive_and_get_their_relations() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    entity = apps.get_model("knowledge", "Entity").objects.create(name="Ada", slug="ada")
    thread = apps.get_model("knowledge", "Thread").objects.create(slug="t", name="T")
    event = apps.get_model("knowledge", "Event").objects.create(
        title="Filed", date=dt.date(2024, 1, 2)
    )
    event.entities.add(entity)
    event.threads.add(thread)
    _history(apps, "Event", event)
    event.title = "Filed (edited)"
    event.save()
    _history(apps, "Event", event, history_type="~")
    old_case = apps.get_model("knowledge", "Case")
    one = old_case.objects.create(slug="a", caption="A v. B", short_name="A", court="C")
    two = old_case.objects.create(slug="b", caption="B v. A", short_name="B", court="C")
    one.related.add(two)
    _history(apps, "Case", one)
    _history(apps, "Case", two)
    apps.get_model("knowledge", "Document").objects.create(title="Old upload")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    current = Event.objects.get(pk=event.pk)
    assert current.title == "Filed (edited)"
    assert [e.slug for e in current.entities.all()] == ["ada"]
    records = list(current.history.order_by("history_id"))  # type: ignore[attr-defined]
    assert len(records) == 2
    for record in records:
        assert [r.entity_id for r in record.entities.all()] == [entity.pk]
        assert [r.thread_id for r in record.threads.all()] == [thread.pk]
    # no made-up relation change between the records written before the migration
    assert [c.field for c in history_of(current)[0].changes] == ["title"]
    for case, other in ((one, two), (two, one)):
        record = Case.objects.get(pk=case.pk).history.get()  # type: ignore[attr-defined]
        assert [r.to_case_id for r in record.related.all()] == [other.pk]
    document = Document.objects.get(title="Old upload")
    assert document.review_status == "approved"
    assert Document.objects.visible_to(None).filter(pk=document.pk).exists()
