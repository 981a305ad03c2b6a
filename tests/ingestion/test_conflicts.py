"""Conflicts surfaced: a new account that disagrees with a curated event on its date, an
amount or a quote's wording is not added silently as evidence; it awaits review, linked with
``contradicts``, flagged in the review queue, and the event page shows both with their sources.

Names, dates and amounts here are made up for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from casebase.analysis.conflicts import amounts, disagreements, quotes
from casebase.analysis.types import Analysis, FoundEntity, FoundEvent, MentionSpan
from casebase.curation import review
from casebase.knowledge.models import Document, Event, EventLink, Evidence
from casebase.pipeline.storing import store_analysis
from tests import factories

pytestmark = pytest.mark.django_db

CURATED_SUMMARY = "The court approved a $2 million settlement between Jane Roe and Acme AI."


@pytest.fixture
def curated() -> Event:
    roe = factories.EntityFactory(name="Jane Roe", slug="jane-roe")
    acme = factories.EntityFactory(name="Acme AI", slug="acme-ai", kind="organization")
    event = factories.EventFactory(
        title="Court approves Roe v. Acme settlement",
        summary=CURATED_SUMMARY,
        date=dt.date(2024, 5, 2),
        entities=[roe, acme],
    )
    source = factories.DocumentFactory(title="Curated source", text=CURATED_SUMMARY)
    factories.EvidenceFactory(event=event, document=source, quote=CURATED_SUMMARY)
    return event


def _store(sentence: str, date: str) -> Document:
    document = Document.objects.create(title="New report", text=sentence, status="processing")
    roe, acme = sentence.index("Jane Roe"), sentence.index("Acme AI")
    analysis = Analysis(
        entities=[
            FoundEntity("Jane Roe", "person", [MentionSpan("Jane Roe", roe, roe + 8)],
                        slug="jane-roe"),
            FoundEntity("Acme AI", "organization", [MentionSpan("Acme AI", acme, acme + 7)],
                        slug="acme-ai"),
        ],
        events=[FoundEvent(date, "day", date, 0, len(sentence), sentence,
                           ["Jane Roe", "Acme AI"])],
    )  # fmt: skip
    store_analysis(document, analysis)
    return document


def _disputes(curated: Event) -> list[EventLink]:
    return list(EventLink.objects.filter(target=curated, kind="contradicts"))


def test_an_agreeing_account_is_more_evidence(curated: Event) -> None:
    document = _store(
        "On 2 May 2024 the court approved a $2 million settlement between Jane Roe and Acme AI.",
        "2024-05-02",
    )
    assert Evidence.objects.filter(event=curated, document=document).exists()
    assert _disputes(curated) == []


def test_a_different_amount_is_flagged_not_added(curated: Event) -> None:
    document = _store(
        "On 2 May 2024 the court approved a $3 million settlement between Jane Roe and Acme AI.",
        "2024-05-02",
    )
    assert not Evidence.objects.filter(event=curated, document=document).exists()
    (link,) = _disputes(curated)
    assert link.source.review_status == "extracted" and link.source.origin == "extracted"
    assert "amount" in link.note and "$3 million" in link.note and "$2 million" in link.note
    assert Evidence.objects.filter(event=link.source, document=document).exists()


def test_a_different_date_is_flagged(curated: Event) -> None:
    _store(
        "The court approved a $2 million settlement between Jane Roe and Acme AI on 3 May 2024.",
        "2024-05-03",
    )
    (link,) = _disputes(curated)
    assert link.note.startswith("date: '2024-05-03' here, '2024-05-02'")


def test_an_unrelated_event_of_the_same_parties_is_not_a_conflict(curated: Event) -> None:
    _store("Jane Roe sued Acme AI over its chatbot on 9 May 2024.", "2024-05-09")
    assert _disputes(curated) == []


def test_the_queue_flags_it_and_the_event_page_shows_both(curated: Event, client: Client) -> None:
    _store(
        "On 2 May 2024 the court approved a $3 million settlement between Jane Roe and Acme AI.",
        "2024-05-02",
    )
    (link,) = _disputes(curated)
    pending = review.pending_events().get(pk=link.source_id)
    assert pending.disputed_id == curated.pk and "amount" in pending.disputes
    editor = factories.EditorFactory()
    client.force_login(editor)
    queue = client.get(reverse("admin:knowledge_review_queue") + "?show=events").content.decode()
    assert "Contradicts a curated fact" in queue and curated.title in queue
    client.logout()
    page = client.get(curated.get_absolute_url()).content.decode()
    assert "Sources disagree" not in page  # the other account awaits review: not public
    review.decide(Event.objects.filter(pk=link.source_id), "approved", editor)
    page = client.get(curated.get_absolute_url()).content.decode()
    assert "Sources disagree" in page
    assert "Curated source" in page and "New report" in page  # both sides' sources
    assert "$3 million" in page and "$2 million" in page
    other = client.get(f"/events/{link.source_id}/").content.decode()
    assert "Sources disagree" in other and curated.title in other


def test_the_comparison() -> None:
    assert amounts("$1.5 billion, 40% and 3 million users") == {
        "$1.5 billion", "40%", "3 million",
    }  # fmt: skip
    assert quotes("He said “we used their models to train ours” and left.") == [
        "we used their models to train ours"
    ]
    same = ["Acme AI said “we used their models to train ours” in the filing."]
    worded = disagreements(
        "Acme AI said “we partly used their models to train ours” in the filing.",
        "2024-05-02", same, "2024-05-02", same_date=True,
    )  # fmt: skip
    assert [d.fact for d in worded] == ["quote"]
    assert disagreements("Completely different words here.", "2024", same, "2024",
                         same_date=True) == []  # fmt: skip
