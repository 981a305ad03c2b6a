"""Source grading: the kind of each source beside its evidence, in the exports, as a filter of
the timeline (web and API, one definition), and a warning when only aggregators back an event."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from casebase.knowledge.models import Document, DocumentStatus, Event, Evidence, SourceKind

pytestmark = pytest.mark.django_db


@dataclass
class Graded:
    court_backed: Event
    aggregated: Event
    ungraded: Event
    order: Document
    summary: Document


@pytest.fixture
def graded(event_factory: Any) -> Graded:
    order = Document.objects.create(
        title="Order on the motion to dismiss",
        status=DocumentStatus.REFERENCE,
        source_url="https://ecf.cand.uscourts.gov/doc1/1",
        source_kind=SourceKind.COURT_RECORD,
    )
    report = Document.objects.create(
        title="Wire report", status=DocumentStatus.DONE, text="x", source_kind="original_reporting"
    )
    summary = Document.objects.create(
        title="Roundup of the week", status=DocumentStatus.REFERENCE, source_kind="aggregator"
    )
    blank = Document.objects.create(title="Ungraded page", status=DocumentStatus.REFERENCE)
    court_backed = event_factory(title="Motion to dismiss denied", on="2024-11-14")
    aggregated = event_factory(title="Rumoured settlement talks", on="2025-01-02")
    ungraded = event_factory(title="Blog mention", on="2025-02-03")
    Evidence.objects.create(event=court_backed, document=order)
    Evidence.objects.create(event=court_backed, document=report)
    Evidence.objects.create(event=aggregated, document=summary)
    Evidence.objects.create(event=ungraded, document=blank)
    return Graded(court_backed, aggregated, ungraded, order, summary)


def test_event_page_shows_the_kind_beside_each_source(client: Client, graded: Graded) -> None:
    html = client.get(graded.court_backed.get_absolute_url()).content.decode()
    assert 'data-kind="court_record">court record</span>' in html
    assert 'data-kind="original_reporting">original reporting</span>' in html
    assert "citation record" in html  # the order is cited, not held
    assert "Only aggregators" not in html


def test_an_event_backed_only_by_aggregators_says_so(client: Client, graded: Graded) -> None:
    html = client.get(graded.aggregated.get_absolute_url()).content.decode()
    assert "Only aggregators" in html
    assert "Only aggregators" not in client.get(graded.ungraded.get_absolute_url()).content.decode()


def test_web_timeline_court_records_only(client: Client, graded: Graded) -> None:
    html = client.get(reverse("web:timeline"), {"source_kind": "court_record"}).content.decode()
    assert "Motion to dismiss denied" in html
    assert "Rumoured settlement talks" not in html and "Blog mention" not in html
    assert '<option value="court_record" selected>' in html


def test_api_events_and_timeline_export_filter_alike(client: Client, graded: Graded) -> None:
    events = client.get("/api/v1/events/", {"source_kind": "court_record"}).json()
    assert [e["title"] for e in events["results"]] == ["Motion to dismiss denied"]
    both = client.get("/api/v1/events/", {"source_kind": ["court_record", "aggregator"]}).json()
    assert {e["title"] for e in both["results"]} == {
        "Motion to dismiss denied",
        "Rumoured settlement talks",
    }
    exported = client.get("/api/v1/timeline/", {"source_kind": "court_record"}).json()
    assert [e["title"] for e in exported["events"]] == ["Motion to dismiss denied"]
    bad = client.get("/api/v1/timeline/", {"source_kind": "gossip"})
    assert bad.status_code == 400


def test_exports_carry_the_kind_of_each_source(client: Client, graded: Graded) -> None:
    exported = client.get("/api/v1/timeline/", {"format": "json"}).json()
    by_title = {e["title"]: e for e in exported["events"]}
    kinds = {s["title"]: s["source_kind"] for s in by_title["Motion to dismiss denied"]["sources"]}
    assert kinds == {
        "Order on the motion to dismiss": "court_record",
        "Wire report": "original_reporting",
    }
    assert by_title["Blog mention"]["sources"][0]["source_kind"] is None
    body = client.get("/api/v1/timeline/", {"format": "csv"}).content.decode()
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(body))}
    assert rows["Rumoured settlement talks"]["source_kinds"] == "aggregator"
    assert rows["Blog mention"]["source_kinds"] == "ungraded"


def test_api_documents_expose_kind_and_fetch_status(client: Client, graded: Graded) -> None:
    Document.objects.filter(pk=graded.order.pk).update(
        fetch_status="failed", fetch_failure="robots"
    )
    data = client.get(f"/api/v1/documents/{graded.order.pk}/").json()
    assert data["source_kind"] == "court_record"
    assert (data["fetch_status"], data["fetch_failure"]) == ("failed", "robots")
    listed = client.get("/api/v1/documents/", {"source_kind": "aggregator"}).json()
    assert [d["title"] for d in listed["results"]] == ["Roundup of the week"]
    with_text = client.get("/api/v1/documents/", {"has_text": "true"}).json()
    assert [d["title"] for d in with_text["results"]] == ["Wire report"]
    evidence = client.get(f"/api/v1/events/{graded.court_backed.pk}/").json()["evidence"]
    assert {e["document"]["source_kind"] for e in evidence} == {
        "court_record",
        "original_reporting",
    }


def test_the_reader_says_what_the_source_is_and_how_fetching_went(
    client: Client, graded: Graded
) -> None:
    Document.objects.filter(pk=graded.order.pk).update(
        fetch_status="failed", fetch_failure="robots", fetch_error="robots.txt says no"
    )
    html = client.get(graded.order.get_absolute_url()).content.decode()
    assert "court record</span>" in html
    assert "Failed: refused by robots.txt" in html and "robots.txt says no" in html
