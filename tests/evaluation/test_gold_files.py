"""The gold set is valid: specs are well-formed and tied to their texts by path and SHA-256, every
span they give is exactly its text, and the repository holds no third-party text.

Reading the texts needs ``shared_dir`` (CASEBASE_SHARED_DIR): those tests are skipped, with that
reason, without it. The builder's rules are tested on texts written here."""

from __future__ import annotations

import hashlib
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml

from casebase.core.partial_dates import PartialDate
from casebase.evaluation.gold import (
    CITATION_KINDS,
    CLAIM_VERBS,
    ENTITY_KINDS,
    GENRE_GROUPS,
    MAX_ANCHOR_WORDS,
    SPLITS,
    SpecError,
    build,
    check_sha256,
    locate,
    validate,
)
from casebase.knowledge.models.choices import ClaimVerb, DocumentKind, EntityKind
from casebase.pipeline.management.commands.evaluate import GoldDocument, load_document

GOLD = Path(__file__).resolve().parents[1] / "gold"
SPECS = sorted((GOLD / "specs").glob("*/*.yaml"))
IDS = [f"{p.parent.name}/{p.stem}" for p in SPECS]


def spec_of(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_repository_keeps_specs_only() -> None:
    assert len([p for p in SPECS if p.parent.name == "development"]) >= 18
    assert {p.parent.name for p in SPECS} <= set(SPLITS)
    kept = {p.relative_to(GOLD).as_posix() for p in GOLD.rglob("*") if p.is_file()}
    assert {k for k in kept if not re.fullmatch(r"__init__\.py|specs/\w+/[\w-]+\.yaml", k)} == set()


@pytest.mark.parametrize("path", SPECS, ids=IDS)
def test_spec_metadata(path: Path) -> None:
    meta = spec_of(path)["meta"]
    assert meta["split"] == path.parent.name
    assert Path(meta["file"]).stem == path.stem
    assert re.fullmatch(r"[0-9a-f]{64}", meta["sha256"])
    assert meta["genre"] in GENRE_GROUPS
    assert meta["kind"] in DocumentKind.values
    assert meta["url"].startswith(("http://", "https://"))
    assert meta["note"]
    assert meta["title"] is None or meta["title"]  # null when the stored text shows none
    if meta["published"] is not None:
        PartialDate.parse(str(meta["published"]))


@pytest.mark.parametrize("path", SPECS, ids=IDS)
def test_spec_keeps_short_anchors_only(path: Path) -> None:
    """Offsets and a few words: never a sentence (the ``sentence`` override is two anchors)."""
    spec = spec_of(path)
    phrases = [e["anchor"] for e in spec.get("events") or []]
    for claim in spec.get("claims") or []:
        phrases += [claim["at"], claim.get("quote") or ""]
    for item in [*(spec.get("events") or []), *(spec.get("claims") or [])]:
        if "sentence" in item:
            phrases += [item["sentence"]["from"], item["sentence"]["to"]]
    assert all(len(str(p).split()) <= MAX_ANCHOR_WORDS for p in phrases)


@pytest.fixture(scope="module")
def documents(shared_dir: Path) -> dict[Path, GoldDocument]:
    return {path: load_document(path, shared_dir / "gold" / "texts") for path in SPECS}


@pytest.fixture(scope="module")
def index(shared_dir: Path) -> dict[str, dict[str, Any]]:
    entries = yaml.safe_load((shared_dir / "gold" / "index.yaml").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in entries}


@pytest.mark.parametrize("path", SPECS, ids=IDS)
def test_gold_is_exactly_its_text(path: Path, documents: dict[Path, GoldDocument]) -> None:
    """The text's SHA-256 is the spec's, every span is exactly its text, mentions never overlap
    and every date is a well-formed partial date of its precision."""
    doc = documents[path]
    assert validate(doc.gold, doc.text) == []
    spans = sorted((m["start"], m["end"]) for e in doc.gold["entities"] for m in e["mentions"])
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), "mentions overlap"
    for ev in doc.gold["events"]:
        if ev["date"] is not None:
            assert PartialDate.parse(ev["date"]).precision.value == ev["precision"]


@pytest.mark.parametrize("path", SPECS, ids=IDS)
def test_spec_agrees_with_the_index(path: Path, index: dict[str, dict[str, Any]]) -> None:
    """The index's split, unless the spec says why a validation text was moved to development
    (someone looked at it: docs/evaluation.md, "Splits and genres")."""
    meta = spec_of(path)["meta"]
    entry = index[meta["file"]]
    split = entry["split"]
    if meta.get("moved_to_development"):
        assert split == "validation", "only a validation text is moved to development"
        split = "development"
    assert (meta["split"], meta["genre"]) == (split, entry["genre"])


def test_every_genre_of_the_index_has_a_group(index: dict[str, dict[str, Any]]) -> None:
    assert {entry["genre"] for entry in index.values()} <= set(GENRE_GROUPS)


def test_value_sets_are_the_models_choices() -> None:
    assert set(ClaimVerb.values) == CLAIM_VERBS
    assert set(EntityKind.values) == ENTITY_KINDS | {"other"}  # "other" is never annotated
    assert {"case", "statute", "docket", "other"} <= CITATION_KINDS


# --- the builder on texts written here -----------------------------------------------------

TEXT = (
    "Elon Musk sued OpenAI on Tuesday. He said in a filing that the deal was void, citing "
    "15 U.S.C. § 1 and ECF No. 45.\n\n"
    '"We never agreed," Musk testified. "xAI was told," the company said. Id. at 5.'
)
META = {
    "file": "news/x.txt",
    "sha256": "0" * 64,
    "split": "development",
    "genre": "news",
    "kind": "news_article",
    "published": "2026-04-30",
}


def spec(**parts: Any) -> dict[str, Any]:
    return {"meta": META, **parts}


def test_locate_rules() -> None:
    text = "Musk and Musk's lawyer; Muskrat."
    assert locate(text, "Musk", every=True) == [0, 9]  # whole words only
    assert locate(text, "Musk@2") == [9]
    with pytest.raises(SpecError):
        locate(text, "Musk@3")
    with pytest.raises(SpecError):
        locate(text, "Altman")


def test_build_gives_offsets_and_sentences() -> None:
    gold = build(
        spec(
            entities=[{"name": "Elon Musk", "kind": "person", "mentions": ["Elon Musk", "Musk"]}],
            events=[{"anchor": "Tuesday", "date": "2026-04-28", "precision": "day"}],
            claims=[{"at": "He said", "speaker": "Elon Musk", "verb": "said", "quote": None}],
        ),
        TEXT,
    )
    assert [(m["text"], m["start"]) for m in gold["entities"][0]["mentions"]] == [
        ("Elon Musk", 0),
        ("Musk", TEXT.index("Musk testified")),
    ]
    assert gold["events"][0]["sentence"] == "Elon Musk sued OpenAI on Tuesday."
    claim = gold["claims"][0]
    assert TEXT[claim["start"] : claim["end"]].startswith("He said in a filing")
    assert TEXT[claim["start"] : claim["end"]].endswith("ECF No. 45.")
    assert validate(gold, TEXT) == []


def test_new_annotation_fields() -> None:
    """``unresolved`` dates are null, ``speaker: null`` and ``under_oath`` are kept, and every
    citation kind of the annotation rules is accepted (``normalized`` defaults to the text)."""
    gold = build(
        spec(
            events=[{"anchor": "Tuesday", "date": None, "precision": "unresolved"}],
            claims=[
                {
                    "at": "Musk testified",
                    "speaker": "Elon Musk",
                    "verb": "testified",
                    "quote": "We never agreed",
                    "under_oath": True,
                },
                {"at": "the company said", "speaker": None, "verb": "said", "quote": None},
            ],
            citations=[
                {"text": "15 U.S.C. § 1", "kind": "statute", "normalized": "15 U.S.C. § 1"},
                {"text": "ECF No. 45", "kind": "record"},
                {"text": "Id. at 5", "kind": "short_form"},
            ],
        ),
        TEXT,
    )
    assert (gold["events"][0]["date"], gold["events"][0]["precision"]) == (None, None)
    assert [(c["speaker"], c["under_oath"]) for c in gold["claims"]] == [
        ("Elon Musk", True),
        (None, False),
    ]
    assert [(c["kind"], c["normalized"]) for c in gold["citations"]] == [
        ("statute", "15 U.S.C. § 1"),
        ("record", "ECF No. 45"),
        ("short_form", "Id. at 5"),
    ]


def test_sentence_override_is_two_short_anchors() -> None:
    """The rule ends a sentence only before a capital: ``said. "xAI`` needs the override."""
    claim = {"at": "the company said", "speaker": None, "verb": "said", "quote": None}
    by_rule = build(spec(claims=[claim]), TEXT)["claims"][0]
    assert by_rule["sentence"].startswith('"We never agreed,"')  # two sentences run together
    override = {**claim, "sentence": {"from": '"xAI was told', "to": "company said."}}
    built = build(spec(claims=[override]), TEXT)["claims"][0]
    assert built["sentence"] == '"xAI was told," the company said.'
    with pytest.raises(SpecError, match="override"):
        build(spec(claims=[{**claim, "sentence": '"xAI was told," the company said.'}]), TEXT)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"entities": [{"name": "X", "kind": "person", "mentions": ["Nobody"]}]}, "not found"),
        ({"entities": [{"name": "Musk", "Inc.": None, "kind": "person", "mentions": ["Musk"]}]},
         "unknown keys"),
        ({"events": [{"anchor": "Tuesday", "date": "2026-04", "precision": "day"}]}, "precision"),
        ({"events": [{"anchor": "Tuesday", "date": "2026", "precision": "unresolved"}]},
         "unresolved"),
        ({"claims": [{"at": "He said", "speaker": "X", "verb": "hinted", "quote": None}]}, "verb"),
        ({"claims": [{"at": "He said", "speaker": "X", "verb": "said",
                      "quote": "in a filing that the deal was void, citing 15 U.S.C. § 1 and"}]},
         "more than"),
        ({"citations": [{"text": "Id. at 5", "kind": "footnote"}]}, "citation kind"),
        ({"meta": {**META, "split": "test"}}, "split"),
    ],
)  # fmt: skip
def test_build_refuses_bad_specs(parts: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        build(spec(**parts), TEXT)


def test_a_changed_text_is_refused_with_its_name() -> None:
    data = TEXT.encode()
    check_sha256(data, hashlib.sha256(data).hexdigest(), "news/x.txt")
    with pytest.raises(SpecError, match=r"news/x\.txt: SHA-256 .* does not match"):
        check_sha256(data + b" ", hashlib.sha256(data).hexdigest(), "news/x.txt")


def test_validate_reports_a_shifted_span() -> None:
    gold = build(
        spec(entities=[{"name": "OpenAI", "kind": "organization", "mentions": ["OpenAI"]}]), TEXT
    )
    assert validate(gold, TEXT) == []
    mention = gold["entities"][0]["mentions"][0]
    mention["start"] += 1
    mention["end"] += 1
    assert validate(gold, TEXT)
