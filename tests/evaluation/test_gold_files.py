"""The gold set is valid: every span is exactly its text, files match their hand-written specs,
metadata is complete and dates are well-formed partial dates."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml

from casebase.analysis.types import (
    Analysis,
    FoundCitation,
    FoundClaim,
    FoundEntity,
    FoundEvent,
    MentionSpan,
)
from casebase.core.partial_dates import PartialDate
from tests.gold.tools.build_gold import GOLD, KINDS, SpecError, build, locate, validate

DEV = GOLD / "dev"
NAMES = sorted(p.stem for p in DEV.glob("*.txt"))
CLAIM_VERBS = {
    "said",
    "testified",
    "alleged",
    "argued",
    "claimed",
    "admitted",
    "denied",
    "wrote",
    "told",
    "ruled",
    "found",
    "granted",
    "accused",
    "answered",
    "reported",
    "other",
}
DOC_KINDS = {"news_article", "opinion", "order", "blog_post", "transcript", "testimony_report"}


def load(name: str) -> tuple[str, dict[str, Any]]:
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))


def test_at_least_fifteen_texts_each_with_spec_and_gold() -> None:
    assert len(NAMES) >= 15
    assert {p.stem for p in DEV.glob("*.json")} == set(NAMES)
    assert {p.stem for p in (GOLD / "specs").glob("*.yaml")} == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_spans_are_exact(name: str) -> None:
    text, gold = load(name)
    assert validate(gold, text) == []


@pytest.mark.parametrize("name", NAMES)
def test_gold_json_is_built_from_its_spec(name: str) -> None:
    text, gold = load(name)
    spec = yaml.safe_load((GOLD / "specs" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert build(spec, text) == gold


@pytest.mark.parametrize("name", NAMES)
def test_metadata_and_values(name: str) -> None:
    text, gold = load(name)
    meta = gold["meta"]
    assert meta["url"].startswith(("http://", "https://"))
    assert meta["publisher"] and meta["note"]
    assert meta["title"] is None or meta["title"]  # null when the stored text shows none
    assert meta["kind"] in DOC_KINDS
    if meta["published"] is not None:
        PartialDate.parse(meta["published"])
    assert 150 <= len(text.split()) <= 900
    for entity in gold["entities"]:
        assert entity["kind"] in KINDS
        assert entity["mentions"]
    for ev in gold["events"]:
        if ev["date"] is None:
            assert ev["precision"] is None
        else:
            assert PartialDate.parse(ev["date"]).precision.value == ev["precision"]
    for cl in gold["claims"]:
        assert cl["verb"] in CLAIM_VERBS
    spans = sorted((m["start"], m["end"]) for e in gold["entities"] for m in e["mentions"])
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), "mentions overlap"


def _contract_keys() -> dict[str, set[str]]:
    """Key sets of ``Analysis.to_json()``, the ``manage.py extract`` contract."""
    sample = Analysis(
        entities=[FoundEntity("A", "person", [MentionSpan("A", 0, 1)])],
        events=[FoundEvent("2015", "year", "2015", 0, 1, "x")],
        claims=[FoundClaim("A", "said", None, "x", 0, 1)],
        citations=[FoundCitation("x", "case", "x", 0, 1)],
    ).to_json()
    keys = {k: set(sample[k][0]) for k in ("entities", "events", "claims", "citations")}
    keys["mentions"] = set(sample["entities"][0]["mentions"][0])
    return keys


@pytest.mark.parametrize("name", NAMES)
def test_gold_has_exactly_the_extract_contract_keys(name: str) -> None:
    _, gold = load(name)
    keys = _contract_keys()
    assert set(gold) == {"meta", "entities", "events", "claims", "citations"}  # turns: not scored
    assert set(gold["meta"]) == {"url", "publisher", "published", "kind", "title", "note"}
    for category in ("entities", "events", "claims", "citations"):
        for item in gold[category]:
            assert set(item) == keys[category], category
    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            assert set(mention) == keys["mentions"]


def test_locate_rules() -> None:
    text = "Musk and Musk's lawyer; Muskrat."
    assert locate(text, "Musk", every=True) == [0, 9]  # whole words only
    assert locate(text, "Musk@2") == [9]
    with pytest.raises(SpecError):
        locate(text, "Musk@3")
    with pytest.raises(SpecError):
        locate(text, "Altman")


def test_validate_reports_a_shifted_span() -> None:
    text, gold = load(NAMES[0])
    first = gold["entities"][0]["mentions"][0]
    first["start"] += 1
    first["end"] += 1
    assert validate(gold, text)


def test_build_refuses_a_mention_that_is_not_in_the_text() -> None:
    spec = {"meta": {}, "entities": [{"name": "X", "kind": "person", "mentions": ["Nobody"]}]}
    with pytest.raises(SpecError):
        build(spec, "Some text.")


def test_gold_directory_path_is_the_repository_one() -> None:
    assert Path(__file__).resolve().parents[1] / "gold" == GOLD
