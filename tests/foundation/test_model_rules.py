"""The domain model's own rules: event ordering, content-hash de-duplication, merge redirects."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from casebase.knowledge.models import Document, Entity, EntityAlias, Event, EventLink
from casebase.knowledge.models.events import PRECISION_RANK

pytestmark = pytest.mark.django_db


def make_event(title: str, day: dt.date, precision: str) -> Event:
    return Event.objects.create(title=title, date=day, date_precision=precision)


def test_events_sort_by_start_then_coarser_precision_first():
    make_event("day", dt.date(2018, 2, 20), "day")
    make_event("year", dt.date(2018, 1, 1), "year")
    make_event("month-start", dt.date(2018, 1, 1), "month")
    make_event("first-day", dt.date(2018, 1, 1), "day")
    make_event("earlier", dt.date(2015, 12, 1), "month")
    ordered = Event.objects.alias(rank=PRECISION_RANK).order_by("date", "rank", "id")
    assert [e.title for e in ordered] == ["earlier", "year", "month-start", "first-day", "day"]


def test_event_never_displays_more_precision_than_known():
    assert make_event("a", dt.date(2015, 1, 1), "year").date_display == "2015"
    assert make_event("b", dt.date(2018, 2, 1), "month").date_display == "Feb 2018"
    assert make_event("c", dt.date(2026, 4, 30), "day").date_display == "30 Apr 2026"


def test_event_end_must_not_precede_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(title="bad", date=dt.date(2020, 1, 2), end_date=dt.date(2020, 1, 1))


def test_same_content_hash_cannot_make_two_documents():
    Document.objects.create(title="one", content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title="two", content_hash="a" * 64)
    # Citation-only records have no hash, and there can be many of them.
    Document.objects.create(title="ref 1", status="reference")
    Document.objects.create(title="ref 2", status="reference")
    assert Document.objects.filter(content_hash__isnull=True).count() == 2


def test_alias_is_unique_per_entity_whatever_its_case():
    musk = Entity.objects.create(name="Elon Musk", slug="elon-musk", kind="person")
    EntityAlias.objects.create(entity=musk, alias="Mr. Musk")
    with pytest.raises(IntegrityError), transaction.atomic():
        EntityAlias.objects.create(entity=musk, alias="mr. musk")


def test_event_cannot_link_to_itself():
    event = make_event("a", dt.date(2020, 1, 1), "day")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventLink.objects.create(source=event, target=event, kind="related")


def test_merged_entity_resolves_and_redirects_to_its_survivor(client):
    survivor = Entity.objects.create(name="Sam Altman", slug="sam-altman", kind="person")
    middle = Entity.objects.create(
        name="Samuel Altman", slug="samuel-altman", kind="person", merged_into=survivor
    )
    old = Entity.objects.create(
        name="Altman, Samuel", slug="altman-samuel", kind="person", merged_into=middle
    )
    assert old.survivor() == survivor
    response = client.get("/entities/altman-samuel/")
    assert response.status_code == 301
    assert response["Location"] == "/entities/sam-altman/"
