"""Conflicts surfaced: a new account that disagrees with a curated event on its date, an
amount or a quote's wording is not added silently as evidence; it awaits review, linked with
``contradicts``, flagged in the review queue, and the event page shows both with their sources.

Names, dates and amounts here are made up for the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casebase.analysis.conflicts import amounts, disagreements, quotes
from casebase.analysis.types import Analysis, FoundEntity, FoundEvent, MentionSpan
from casebase.curation import review
from casebase.knowledge.models import Document, Event, EventLink, Evidence
from casebase.pipeline.storing import CuratedEvents, store_analysis
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


def _store(sentence: str, date: str, curated: CuratedEvents | None = None) -> Document:
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
    store_analysis(document, analysis, curated=curated)
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


AGREEING = "On 2 May 2024 the court approved a $2 million settlement between Jane Roe and Acme AI."


@pytest.mark.parametrize("shared", [False, True])
def test_the_curated_events_read_once_for_a_task_give_the_same_outcome(
    curated: Event, shared: bool
) -> None:
    task = CuratedEvents() if shared else None  # processing.process_documents shares one
    first = _store(AGREEING, "2024-05-02", task)
    second = _store(AGREEING.replace("$2", "$3"), "2024-05-02", task)
    assert Evidence.objects.filter(event=curated, document=first).exists()
    assert not Evidence.objects.filter(event=curated, document=second).exists()
    (link,) = _disputes(curated)
    assert Evidence.objects.filter(event=link.source, document=second).exists()


def test_a_task_reads_the_curated_events_once(curated: Event) -> None:
    task = CuratedEvents()
    _store(AGREEING, "2024-05-02", task)
    with CaptureQueriesContext(connection) as shared:
        _store(AGREEING, "2024-05-02", task)
    with CaptureQueriesContext(connection) as alone:
        _store(AGREEING, "2024-05-02")
    assert len(alone) - len(shared) == 2  # the links and the events; the quotes every time
    assert Evidence.objects.filter(event=curated).count() == 4  # the curated source's and 3


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


# --- claims quoting the same words differently --------------------------------------------------


def test_quote_conflicts_ignore_case_punctuation_and_insertions() -> None:
    from casebase.analysis.conflicts import quote_conflicts

    new = [(1, "We never agreed to share the weights"), (2, "Too short")]
    known = [
        (10, "we never agreed to share the [model] weights."),  # the same words
        (11, "We never agreed to share any of the weights"),  # worded differently
        (12, "The weather in Oakland was fine that morning"),  # another statement
    ]
    assert [(a, b) for a, b, _ in quote_conflicts(new, known)] == [(1, 11)]


def _claim_analysis(text: str, quote: str) -> Analysis:
    from casebase.analysis.types import FoundClaim

    assert quote in text
    return Analysis(
        claims=[FoundClaim(speaker="Jane Roe", verb="said", content=quote, quote=quote,
                           sentence=text, start=0, end=len(text))],
    )  # fmt: skip


def test_claims_quoting_the_same_words_differently_contradict_each_other() -> None:
    from casebase.knowledge.models import Claim

    first = Document.objects.create(
        title="Report A",
        status="processing",
        text='Jane Roe said "we never agreed to share the weights".',
    )
    second = Document.objects.create(
        title="Report B",
        status="processing",
        text='Jane Roe said "we never agreed to share any weights".',
    )
    store_analysis(first, _claim_analysis(first.text, "we never agreed to share the weights"))
    store_analysis(second, _claim_analysis(second.text, "we never agreed to share any weights"))
    a, b = Claim.objects.get(document=first), Claim.objects.get(document=second)
    assert list(a.contradicts.all()) == [b] and list(b.contradicts.all()) == [a]
    # both histories say so, as pipeline writes
    assert {row.to_claim_id for row in b.history.get(history_type="+").contradicts.all()} == {a.pk}
    latest = a.history.order_by("-history_date", "-history_id").first()
    assert latest.history_type == "~"
    assert {row.to_claim_id for row in latest.contradicts.all()} == {b.pk}


def test_two_reports_quoting_musks_answer_differently_are_linked_and_both_shown(
    shared_dir: Path,
) -> None:
    """Real passages: two reports of Musk's cross-examination (30 April 2026) quote his
    answer as "Generally AI companies distill other AI companies" and "Generally all the AI
    companies [do that]."; processed through the pipeline, the two claims contradict each
    other and the claims page shows both with their sources."""
    from casebase.knowledge.models import Claim
    from casebase.pipeline import processing
    from casebase.pipeline.intake import SubmissionMeta, ingest_text

    texts = shared_dir / "gold" / "texts" / "dev-existing"
    documents = []
    for name, title in (
        ("newscord-musk-partly-distilled.txt", "Musk partly distilled"),
        ("thelgtm-musk-cross-examination.txt", "Musk cross-examination"),
    ):
        meta = SubmissionMeta(kind="news_article", title=title, reviewed=True)
        text = (texts / name).read_text(encoding="utf-8")
        documents.append(ingest_text(text, meta, enqueue=False).document)
    processing.process_documents([d.pk for d in documents])
    first = Claim.objects.get(document=documents[0], quote__startswith="Generally AI companies")
    second = Claim.objects.get(document=documents[1], quote__startswith="Generally all the AI")
    assert list(first.contradicts.all()) == [second]
    assert list(second.contradicts.all()) == [first]
    assert Claim.objects.filter(contradicts__isnull=False).distinct().count() == 2  # only these
    reader = Client()
    reader.force_login(factories.UserFactory(username="researcher"))
    page = reader.get("/claims/").content.decode()
    row = page[page.find("Generally all the AI companies") :]
    assert "Generally AI companies distill other AI companies" in row[:3000]
    assert "Musk partly distilled" in page and "Musk cross-examination" in page


def test_a_task_reads_the_stored_quotes_once_then_only_newer_ones() -> None:
    """``KnownQuotes`` keeps the quotes a task has read with their comparison keys: the second
    document's comparison reads only the claims added since (the first document's), and still
    finds the misquote between them; a claim deleted after it was read is never linked."""
    from casebase.knowledge.models import Claim
    from casebase.pipeline.storing import KnownQuotes

    gone = Document.objects.create(
        title="Gone", status="processing", text='Jane Roe said "we never agreed to share a weight".'
    )
    store_analysis(gone, _claim_analysis(gone.text, "we never agreed to share a weight"))
    quotes = KnownQuotes()
    first = Document.objects.create(
        title="A", status="processing", text='Jane Roe said "we never agreed to share the weights".'
    )
    store_analysis(first, _claim_analysis(first.text, "we never agreed to share the weights"),
                   quotes=quotes)  # fmt: skip
    assert len(quotes.index) == 2  # the deleted-to-be claim and the first document's own
    Claim.objects.filter(document=gone).delete()
    second = Document.objects.create(
        title="B", status="processing", text='Jane Roe said "we never agreed to share any weights".'
    )
    with CaptureQueriesContext(connection) as queries:
        store_analysis(second, _claim_analysis(second.text, "we never agreed to share any weights"),
                       quotes=quotes)  # fmt: skip
    reads = [q["sql"] for q in queries if '"knowledge_claim"."quote" = \'\'' in q["sql"]]
    assert len(reads) == 1 and '"knowledge_claim"."id" >' in reads[0]  # no read of every quote
    linked = Claim.objects.get(document=second).contradicts.values_list(
        "document__title", flat=True
    )
    assert list(linked) == ["A"]
