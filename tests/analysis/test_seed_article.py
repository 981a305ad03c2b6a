"""The issue's acceptance criteria on the seed article, with the real model."""

from __future__ import annotations

import pytest

from casebase.analysis.pipeline import analyse
from casebase.analysis.types import Analysis

from .conftest import SEED_KNOWN, SEED_PUBLISHED


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Analysis:
    return analyse(seed_text, published=SEED_PUBLISHED, known=SEED_KNOWN)


def test_known_entities_are_linked_once_each(seed: Analysis, seed_text: str) -> None:
    by_slug = {e.slug: e for e in seed.entities if e.slug}
    assert {"elon-musk", "openai", "xai", "grok", "the-verge"} <= set(by_slug)
    for slug in ("elon-musk", "openai", "xai"):
        assert sum(1 for e in seed.entities if e.slug == slug) == 1
    names = [e.name for e in seed.entities]
    assert len(names) == len(set(names)), names
    musk = by_slug["elon-musk"]
    assert {m.text for m in musk.mentions} == {"Elon Musk", "Musk"}
    assert all(seed_text[m.start : m.end] == m.text for e in seed.entities for m in e.mentions)


def test_possessive_mentions_link_to_the_entity(seed: Analysis, seed_text: str) -> None:
    openai = next(e for e in seed.entities if e.slug == "openai")
    possessives = [m for m in openai.mentions if seed_text[m.end : m.end + 2] == "’s"]
    assert len(possessives) >= 3  # "OpenAI’s models", "OpenAI’s most vocal", "OpenAI’s technology"
    assert all(m.text == "OpenAI" for m in openai.mentions)
    musk = next(e for e in seed.entities if e.slug == "elon-musk")
    assert any(seed_text[m.start : m.end + 2] == "Musk’s" for m in musk.mentions)


def test_no_junk_entities(seed: Analysis) -> None:
    for entity in seed.entities:
        assert entity.name not in {"Thursday", "AI", "he", "the company", "first"}
        assert entity.name != entity.name.lower()


def test_musk_testified_claim(seed: Analysis) -> None:
    testified = [c for c in seed.claims if c.verb == "testified"]
    assert len(testified) == 1
    claim = testified[0]
    assert (claim.speaker, claim.speaker_slug) == ("Elon Musk", "elon-musk")
    assert "xAI used OpenAI’s models to train its Grok chatbot" in claim.content
    # The dateline "SAN FRANCISCO —" is not part of the sentence.
    assert claim.sentence.startswith("Elon Musk testified Thursday that his AI startup")


def test_attribution_to_the_verge(seed: Analysis) -> None:
    according = [c for c in seed.claims if c.speaker_slug == "the-verge"]
    assert len(according) == 1
    assert according[0].verb == "reported"
    assert "according to The Verge" in according[0].sentence
    assert "according to" not in according[0].content


def test_thursday_is_the_day_before_publication(seed: Analysis) -> None:
    thursday = [e for e in seed.events if e.anchor == "Thursday"]
    assert len(thursday) == 1
    event = thursday[0]
    assert (event.date, event.precision) == ("2026-04-30", "day")
    assert "Elon Musk" in event.entities and "xAI" in event.entities


def test_without_publication_date_thursday_stays_unresolved(seed_text: str) -> None:
    analysis = analyse(seed_text, published=None, known=SEED_KNOWN)
    thursday = [e for e in analysis.events if e.anchor == "Thursday"]
    assert len(thursday) == 1
    assert thursday[0].date is None and thursday[0].precision is None
    assert all(e.date is None for e in analysis.events)  # the article has no absolute date
    assert analysis.to_json()["events"][0]["date"] is None


def test_without_known_entities_ner_still_finds_the_parties(seed_text: str) -> None:
    analysis = analyse(seed_text, published=SEED_PUBLISHED, known=[])
    by_name = {e.name: e for e in analysis.entities}
    assert by_name["Elon Musk"].kind == "person"
    assert len(by_name["Elon Musk"].mentions) >= 5  # "Musk" resolved to "Elon Musk"
    assert by_name["OpenAI"].kind == "organization"
    assert by_name["xAI"].kind == "organization"
    assert "Musk" not in by_name  # the short form is not a second entity
    assert all(e.slug is None for e in analysis.entities)
    testified = next(c for c in analysis.claims if c.verb == "testified")
    assert testified.speaker == "Elon Musk"
