"""The corpus files keep the rules of a legal tool: every fact sourced, never more precise than its
source, traceable to the researched dossier, entities used and aliases unambiguous."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from casebase.core.partial_dates import PartialDate
from casebase.core.text_utils import normalize_name
from casebase.corpus.schema import Corpus


def _fact(event: dict[str, Any], dossier: dict, case_facts: dict) -> dict[str, Any]:
    """The dossier entry, or the cases.yaml timeline entry, that an event's ``fact`` names."""
    origin, _, ref = event["fact"].partition(":")
    if origin == "dossier":
        return dossier[ref]
    assert origin == "cases", event["fact"]
    case_id, _, date = ref.partition("@")
    matches = [t for t in case_facts[case_id]["timeline"] if str(t["date"]) == date]
    assert len(matches) == 1, f"{event['key']}: no single timeline entry {ref}"
    return matches[0]


def _source_urls(corpus: Corpus) -> dict[str, str]:
    """Where each cited source lives: citation records, and documents with text that have a URL
    (the court texts stored in the demo, docs/corpus.md)."""
    urls = {source["key"]: source["url"] for source in corpus.sources}
    urls.update((d["key"], d["url"]) for d in corpus.documents if d.get("url"))
    return urls


def test_enough_sourced_events_on_every_thread(corpus: Corpus) -> None:
    assert len(corpus.events) >= 60
    per_thread = Counter(thread for event in corpus.events for thread in event["threads"])
    assert set(per_thread) == {t["key"] for t in corpus.threads}
    assert {
        "musk-openai-dispute",
        "distillation-precedent",
        "ai-training-ip-law",
        "corporate",
    } <= set(per_thread)
    assert all(count >= 5 for count in per_thread.values()), per_thread


def test_every_event_has_a_source(corpus: Corpus) -> None:
    known = {s["key"] for s in corpus.sources} | {d["key"] for d in corpus.documents}
    for event in corpus.events:
        assert event["evidence"], event["key"]
        assert all(item["source"] in known for item in event["evidence"]), event["key"]


def test_every_source_has_a_url_or_a_text(corpus: Corpus) -> None:
    for source in corpus.sources:
        assert source["url"].startswith(("https://", "http://")), source["key"]
    for document in corpus.documents:
        assert (corpus.directory / document["file"]).read_text(encoding="utf-8").strip()


def test_every_event_traces_to_a_researched_fact(
    corpus: Corpus, dossier: dict, case_facts: dict
) -> None:
    for event in corpus.events:
        fact = _fact(event, dossier, case_facts)
        if event["fact"].startswith("dossier:"):
            assert event["key"] == fact["id"]
            assert event["confidence"] == fact["confidence"], event["key"]


def test_no_event_claims_more_date_precision_than_its_source(
    corpus: Corpus, dossier: dict, case_facts: dict
) -> None:
    for event in corpus.events:
        fact = _fact(event, dossier, case_facts)
        ours, theirs = PartialDate.parse(str(event["date"])), PartialDate.parse(str(fact["date"]))
        assert ours.precision.rank <= theirs.precision.rank, event["key"]
        assert ours.contains(theirs.start), f"{event['key']}: {ours} does not contain {theirs}"
        assert theirs.precision.value == fact["date_precision"], event["key"]


def test_dossier_evidence_is_the_dossier_sources(corpus: Corpus, dossier: dict) -> None:
    """A curated event cites only what the dossier cites for it (plus documents with text)."""
    urls = _source_urls(corpus)
    for event in corpus.events:
        if not event["fact"].startswith("dossier:"):
            continue
        cited = {urls[item["source"]] for item in event["evidence"] if item["source"] in urls}
        researched = {source["url"] for source in dossier[event["key"]]["sources"]}
        assert cited == researched, event["key"]


def test_every_usable_dossier_entry_is_in_the_corpus(corpus: Corpus, dossier: dict) -> None:
    keys = {event["key"] for event in corpus.events}
    usable = {key for key, entry in dossier.items() if entry["confidence"] in {"high", "medium"}}
    assert usable <= keys
    for event in corpus.events:
        if event["key"] in dossier and dossier[event["key"]]["confidence"] == "low":
            assert event["confidence"] == "low"
            assert event.get("uncertainty_note"), event["key"]


def test_conflicting_reports_are_noted(corpus: Corpus, dossier: dict) -> None:
    by_key = {event["key"]: event for event in corpus.events}
    for key, entry in dossier.items():
        notes = " ".join(source.get("note") or "" for source in entry["sources"])
        if re.search(r"\bconflict", notes, re.IGNORECASE):
            assert by_key[key].get("uncertainty_note"), f"{key}: conflict not carried over"


# A quoted passage opens after a non-word character and closes before one, so the apostrophe of
# "Musk's" never opens one (which would hide all the text up to the next apostrophe).
_QUOTED = re.compile(r"(?<!\w)'[^']{3,}?'(?!\w)")
# A word without the punctuation around it ("labs." and "labs;" are both "labs"); dots and
# apostrophes inside it stay ("$97.4", "u.s", "musk's").
_WORD = re.compile(r"[a-z0-9$%]+(?:[.'][a-z0-9$%]+)*")


def _shingles(text: str, size: int = 10) -> set[tuple[str, ...]]:
    """The runs of ``size`` words of a text, quoted passages aside, punctuation ignored."""
    text = text.replace("\u2018", "'").replace("\u2019", "'")
    words = _WORD.findall(_QUOTED.sub(" ", text).lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_own_words_check_ignores_punctuation_and_apostrophes() -> None:
    # The same words with other punctuation are the same run.
    source = "Days before trial. Musk's fraud claims were dismissed. At his own proposal."
    echoed = "Days before trial, Musk's fraud claims were dismissed, at his own proposal"
    assert _shingles(source) & _shingles(echoed)
    # Two possessives do not make a quoted passage that would hide the words between them.
    possessive = "Musk's fraud and constructive-fraud claims were dismissed at Microsoft's request."
    assert _shingles(possessive)
    # A real quotation is still set aside.
    assert not _shingles("He said: 'one two three four five six seven eight nine ten eleven'.")


def test_summaries_are_our_own_words(corpus: Corpus, dossier: dict) -> None:
    """No run of ten words of a dossier summary reappears in ours (quoted passages aside)."""
    for event in corpus.events:
        if event["key"] in dossier:
            copied = _shingles(event["summary"]) & _shingles(dossier[event["key"]]["summary"])
            assert not copied, f"{event['key']}: copied {' '.join(next(iter(copied)))!r}"


def test_no_orphan_entities(corpus: Corpus) -> None:
    used: set[str] = set()
    for event in corpus.events:
        used.update(event.get("entities") or [])
    for case in corpus.cases:
        used.update(case.get("judges") or [])
        used.update(party["entity"] for party in case.get("parties") or [])
        if case.get("entity"):
            used.add(case["entity"])
    orphans = {entity["key"] for entity in corpus.entities} - used
    assert not orphans


def test_aliases_unique_per_entity_and_never_shared(corpus: Corpus) -> None:
    owners: dict[str, set[str]] = {}
    for entity in corpus.entities:
        normalized = [normalize_name(alias) for alias in entity.get("aliases") or []]
        assert len(normalized) == len(set(normalized)), entity["key"]
        for alias in normalized:
            owners.setdefault(alias, set()).add(entity["key"])
    shared = {alias: keys for alias, keys in owners.items() if len(keys) > 1}
    assert not shared


def test_required_aliases_exist(corpus: Corpus) -> None:
    aliases = {e["key"]: set(e.get("aliases") or []) for e in corpus.entities}
    assert {"Musk", "Mr. Musk"} <= aliases["elon-musk"]
    assert {"OpenAI Inc.", "OpenAI OpCo"} <= aliases["openai"]
    assert "X.AI Corp." in aliases["xai"]
    assert {"Judge Yvonne Gonzalez Rogers", "Judge Rogers"} <= aliases["yvonne-gonzalez-rogers"]


def test_aggregators_and_copies_are_not_upgraded(corpus: Corpus, dossier: dict) -> None:
    """Where the dossier says 'via', 'copy' or 'aggregator', the record says so too."""
    labels: dict[str, set[str]] = {}
    for entry in dossier.values():
        for source in entry["sources"]:
            labels.setdefault(source["url"], set()).add(source["publisher"])
    flagged = re.compile(r"\b(via|cop(y|ied)|aggregat|repost|mirror|summar)", re.IGNORECASE)
    for source in corpus.sources:
        marked = {label for label in labels.get(source["url"], ()) if flagged.search(label)}
        if marked:
            note = source.get("publisher_note", "")
            assert any(label in note for label in marked), source["key"]
            assert source["publisher"] not in {"Reuters", "Associated Press", "AP", "CNBC", "WIRED"}


def test_seed_article_is_honest_about_what_it_does_not_say(corpus: Corpus) -> None:
    seed = next(d for d in corpus.documents if d["key"] == "seed-article")
    assert not seed.get("publisher") and not seed.get("published")
    assert "not stated in the text" in seed["publisher_note"].lower()
    testimony = next(e for e in corpus.events if e["key"].startswith("musk-distillation-testimony"))
    assert "seed-article" in {item["source"] for item in testimony["evidence"]}
    assert testimony["date"] == "2026-04-30"


def test_ai_training_cases_are_present(corpus: Corpus) -> None:
    keys = {case["key"] for case in corpus.cases}
    assert {
        "musk-v-altman-ndcal",
        "thomson-reuters-v-ross",
        "bartz-v-anthropic",
        "kadrey-v-meta",
        "nyt-v-microsoft-openai",
        "hiq-v-linkedin",
        "van-buren-v-united-states",
    } <= keys
