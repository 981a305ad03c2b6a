"""Persisting an Analysis: replacement, review decisions, curated events, citations to cases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casebase.analysis.types import (
    Analysis,
    FoundCitation,
    FoundClaim,
    FoundEntity,
    FoundEvent,
    MentionSpan,
)
from casebase.knowledge.models import (
    Case,
    Citation,
    Claim,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    ReviewStatus,
)
from casebase.pipeline.storing import (
    docket_key,
    is_confident_name,
    store_analysis,
)

pytestmark = pytest.mark.django_db

SENTENCE = "Elon Musk testified on April 30, 2026 that xAI partly distilled OpenAI's models."


@pytest.fixture
def document() -> Document:
    return Document.objects.create(title="Report", text=SENTENCE, status="processing")


@pytest.fixture
def musk() -> Entity:
    return Entity.objects.create(name="Elon Musk", slug="elon-musk", kind="person")


def analysis(*, claim_content: str = "xAI partly distilled OpenAI's models") -> Analysis:
    return Analysis(
        entities=[
            FoundEntity("Elon Musk", "person", [MentionSpan("Elon Musk", 0, 9)], slug="elon-musk"),
            FoundEntity("xAI", "organization", [MentionSpan("xAI", 45, 48)]),
            FoundEntity("Thursday", "other", [MentionSpan("Thursday", 60, 68)]),
        ],
        claims=[
            FoundClaim(
                speaker="Elon Musk",
                verb="testified",
                quote=None,
                sentence=SENTENCE,
                start=0,
                end=len(SENTENCE),
                content=claim_content,
                speaker_slug="elon-musk",
                about=["xAI"],
                under_oath=True,  # the analysis decides what is testimony
            )
        ],
        events=[
            FoundEvent("2026-04-30", "day", "April 30, 2026", 0, len(SENTENCE), SENTENCE,
                       ["Elon Musk", "xAI"]),
            FoundEvent(None, None, "Thursday", 0, len(SENTENCE), SENTENCE, ["Elon Musk"]),
        ],
        citations=[
            FoundCitation("4:24-cv-04722-YGR", "docket", "4:24-cv-04722-YGR", 10, 27),
            FoundCitation("17 U.S.C. § 107", "statute", "17 U.S.C. § 107", 30, 45),
        ],
    )  # fmt: skip


def test_store_links_entities_and_creates_confident_new_ones(
    document: Document, musk: Entity
) -> None:
    counts = store_analysis(document, analysis())
    assert counts.mentions == 2
    assert counts.entities_created == 1  # xAI; "Thursday" is never an entity
    xai = Entity.objects.get(name="xAI")
    assert xai.origin == "extracted" and xai.kind == "organization"
    assert not Entity.objects.filter(name="Thursday").exists()
    claim = Claim.objects.get(document=document)
    assert claim.speaker == musk and claim.under_oath is True
    assert list(claim.about.all()) == [xai]
    assert counts.unresolved_events == [{"anchor": "Thursday", "start": 0, "end": len(SENTENCE)}]


def test_rerun_replaces_and_keeps_identical_counts(document: Document, musk: Entity) -> None:
    store_analysis(document, analysis())

    def counts() -> tuple[int, ...]:
        return (
            Mention.objects.count(),
            Claim.objects.count(),
            Event.objects.count(),
            Evidence.objects.count(),
            Citation.objects.count(),
            Entity.objects.count(),
        )

    first = counts()
    store_analysis(document, analysis())
    store_analysis(document, analysis())
    assert counts() == first


def test_a_first_store_skips_clearing_and_stores_the_same(document: Document, musk: Entity) -> None:
    """``first=True`` (the document has no pipeline_version yet) stores exactly what a replacing
    store does, with fewer queries; processing passes it only before the first store."""
    with CaptureQueriesContext(connection) as skipped:
        first = store_analysis(document, analysis(), first=True)
    rows = sorted(Mention.objects.values_list("start", "end", "entity__name"))
    Mention.objects.all().delete()
    Claim.objects.all().delete()
    Citation.objects.all().delete()
    Evidence.objects.all().delete()
    Event.objects.filter(origin="extracted").delete()
    with CaptureQueriesContext(connection) as replacing:
        again = store_analysis(document, analysis())
    assert first.as_dict() == {**again.as_dict(), "entities_created": first.entities_created}
    assert sorted(Mention.objects.values_list("start", "end", "entity__name")) == rows
    assert len(skipped) < len(replacing)


def test_reviewed_claims_survive_and_rejected_never_return(
    document: Document, musk: Entity
) -> None:
    store_analysis(document, analysis())
    claim = Claim.objects.get(document=document)
    claim.review_status = ReviewStatus.REJECTED
    claim.save()
    store_analysis(document, analysis())
    assert list(Claim.objects.filter(document=document)) == [claim]  # not re-created

    claim.review_status = ReviewStatus.EDITED
    claim.content = "Musk said xAI partly used OpenAI models (edited)"
    claim.save()
    store_analysis(document, analysis())
    kept = Claim.objects.get(document=document)
    assert kept.pk == claim.pk and kept.content.endswith("(edited)")

    # A genuinely different claim from the pipeline is still added.
    store_analysis(document, analysis(claim_content="something else entirely"))
    assert Claim.objects.filter(document=document).count() == 2


def test_matching_curated_event_gets_evidence_instead_of_a_duplicate(
    document: Document, musk: Entity
) -> None:
    curated = Event.objects.create(
        title="Musk testifies about distillation", date=dt.date(2026, 4, 30), date_precision="day"
    )
    curated.entities.add(musk)
    counts = store_analysis(document, analysis())
    assert counts.events == 0
    assert Event.objects.count() == 1
    evidence = Evidence.objects.get(event=curated, document=document)
    assert evidence.origin == "extracted" and evidence.quote == SENTENCE
    store_analysis(document, analysis())
    assert Evidence.objects.filter(event=curated).count() == 1


def test_curated_event_at_another_precision_does_not_match(
    document: Document, musk: Entity
) -> None:
    curated = Event.objects.create(title="April", date=dt.date(2026, 4, 1), date_precision="month")
    curated.entities.add(musk)
    counts = store_analysis(document, analysis())
    assert counts.events == 1
    extracted = Event.objects.exclude(pk=curated.pk).get()
    assert extracted.origin == "extracted"
    assert extracted.review_status == ReviewStatus.EXTRACTED
    assert extracted.confidence == "low"
    assert extracted.date == dt.date(2026, 4, 30)


def test_rejected_extracted_event_is_not_recreated(document: Document, musk: Entity) -> None:
    store_analysis(document, analysis())
    event = Event.objects.get(origin="extracted")
    event.review_status = ReviewStatus.REJECTED
    event.save()
    store_analysis(document, analysis())
    assert Event.objects.filter(origin="extracted").count() == 1
    assert not Evidence.objects.filter(event=event).exclude(document=document).exists()


def test_docket_citation_resolves_to_the_case(document: Document, musk: Entity) -> None:
    case = Case.objects.create(
        slug="musk-v-altman",
        caption="Musk v. Altman",
        short_name="Musk v. Altman",
        docket_number="4:24-cv-04722",
    )
    store_analysis(document, analysis())
    docket = Citation.objects.get(document=document, kind="docket")
    assert docket.case == case
    assert Citation.objects.get(document=document, kind="statute").case is None


def test_record_references_resolve_to_their_docket_or_the_documents_case(
    document: Document,
) -> None:
    """ "(See 23-cv-11195, ECF 379)" is an entry of that docket's case, a bare "ECF No. 46" one
    of the citing document's case, and an entry of an unknown docket no case's."""
    musk_case, nyt_case = (
        Case.objects.create(slug=slug, caption=slug, short_name=slug, docket_number=docket)
        for slug, docket in (("musk-v-altman", "4:24-cv-04722"), ("nyt", "1:23-cv-11195-SHS"))
    )
    document.case = musk_case
    document.save()
    citations = [
        FoundCitation("ECF 379", "record", "ECF No. 379", 0, 7, docket="23-cv-11195"),
        FoundCitation("ECF No. 46", "record", "ECF No. 46", 10, 20),
        FoundCitation("Dkt. 2", "record", "Dkt. 2", 21, 27, docket="19-cv-00001"),
        FoundCitation("Id.", "short_form", "ECF No. 46", 28, 31),
        FoundCitation("Fed. R. Civ. P. 23", "rule", "Fed. R. Civ. P. 23", 32, 50),
        FoundCitation("37 C.F.R. § 1.56", "regulation", "37 C.F.R. § 1.56", 51, 67),
    ]
    store_analysis(document, Analysis(citations=citations))
    stored = Citation.objects.filter(document=document).order_by("start")
    assert [(c.kind, c.case) for c in stored] == [
        ("record", nyt_case),
        ("record", musk_case),
        ("record", None),
        ("short_form", None),
        ("rule", None),
        ("regulation", None),
    ]
    for citation in stored:
        citation.full_clean()  # every kind is a choice of the model


@pytest.mark.parametrize(
    ("docket", "key"),
    [
        ("4:24-cv-04722-YGR", "24-cv-04722"),
        ("No. 24-cv-4722", "24-cv-04722"),
        ("3:23-CV-03417-VC", "23-cv-03417"),
        ("21-1298", "21-1298"),
    ],
)
def test_docket_key(docket: str, key: str) -> None:
    assert docket_key(docket) == key


@pytest.mark.parametrize(
    ("name", "confident"),
    [
        ("OpenAI", True),
        ("Judge Yvonne Gonzalez Rogers", True),
        ("X.AI Corp.", True),
        ("Thursday", False),
        ("he", False),
        ("the company", False),
        ("said that the", False),
        ("2026", False),
        ("A very long run of words that is surely a sentence fragment not a name", False),
    ],
)
def test_confident_names(name: str, confident: bool) -> None:
    assert is_confident_name(name) is confident


def test_rerun_removes_entities_only_the_previous_run_named(
    document: Document, musk: Entity
) -> None:
    store_analysis(document, analysis())
    xai = Entity.objects.get(name="xAI")
    store_analysis(document, analysis())
    assert Entity.objects.get(name="xAI").pk == xai.pk  # found again: the same row

    without_xai = analysis()
    without_xai.entities = without_xai.entities[:1]
    without_xai.claims[0].about = []
    without_xai.events[0].entities = ["Elon Musk"]
    store_analysis(document, without_xai)
    assert not Entity.objects.filter(name="xAI").exists()  # nothing names it any more
    assert Entity.objects.filter(pk=musk.pk).exists()  # curated: never removed
