"""The scoring functions on small hand-made cases whose right numbers are worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from casebase.evaluation.scoring import (
    Score,
    anchors_overlap,
    citation_key,
    date_outcome,
    match_pairs,
    score_citations,
    score_claims,
    score_document,
    score_entities,
    score_events,
    score_mentions,
    speakers_match,
    summarize,
)

TEXT = "Elon Musk sued OpenAI. Musk said on Tuesday that OpenAI lied, according to The Verge."
#       0         1         2         3         4         5         6         7         8


def m(text: str, nth: int = 1) -> dict[str, Any]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text)}


def ent(name: str, kind: str, *mentions: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "kind": kind, "mentions": list(mentions)}


GOLD_ENTITIES = [
    ent("Elon Musk", "person", m("Elon Musk"), m("Musk", 2)),
    ent("OpenAI", "organization", m("OpenAI"), m("OpenAI", 2)),
    ent("The Verge", "organization", m("The Verge")),
]


def test_score_arithmetic() -> None:
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().f1 == 0.0
    assert (s + Score(1, 1, 0)).as_dict()["tp"] == 4


def test_perfect_entities() -> None:
    result, kinds = score_entities(GOLD_ENTITIES, GOLD_ENTITIES)
    assert (result.score.tp, result.score.fp, result.score.fn) == (3, 0, 0)
    assert (kinds.correct, kinds.total) == (3, 3)


def test_split_entity_counts_once_found_and_once_false() -> None:
    """Musk found as two entities: one matches, the other is a false positive."""
    predicted = [
        ent("Elon Musk", "person", m("Elon Musk")),
        ent("Musk", "person", m("Musk", 2)),
        ent("OpenAI", "organization", m("OpenAI", 2)),
    ]
    result, _ = score_entities(GOLD_ENTITIES, predicted)
    assert (result.score.tp, result.score.fp, result.score.fn) == (2, 1, 1)
    assert result.misses == ["The Verge (organization, 1 mentions)"]
    assert result.false_positives == ["Musk (person, 1 mentions)"]


def test_entity_found_by_overlapping_span_even_with_other_name_and_kind() -> None:
    predicted = [ent("Verge", "person", {"text": "Verge", "start": 79, "end": 84})]
    result, kinds = score_entities(GOLD_ENTITIES, predicted)
    assert result.score.tp == 1
    assert (kinds.correct, kinds.total) == (0, 1)
    assert result.errors == ["The Verge: kind 'person', gold 'organization'"]


def test_entity_found_by_normalized_name_without_span() -> None:
    predicted = [ent("OpenAI's", "organization", {"text": "x", "start": 200, "end": 201})]
    result, _ = score_entities(GOLD_ENTITIES, predicted)
    assert result.score.tp == 1


def test_mentions_match_one_to_one_by_overlap() -> None:
    predicted = [
        ent("Musk", "person", {"text": "Musk", "start": 5, "end": 9}, m("Musk", 2)),
        ent("Tuesday", "person", m("Tuesday")),
    ]
    result = score_mentions(GOLD_ENTITIES, predicted)
    # gold mentions: Elon Musk, Musk, OpenAI x2, The Verge = 5; predicted 3; 2 overlap.
    assert (result.score.tp, result.score.fp, result.score.fn) == (2, 1, 3)


def sentence(text: str) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "sentence": text}


SECOND = "Musk said on Tuesday that OpenAI lied, according to The Verge."


def event(anchor: str, date: str | None, precision: str | None, where: str) -> dict[str, Any]:
    return {"date": date, "precision": precision, "anchor": anchor, **sentence(where)}


def test_anchor_overlap() -> None:
    assert anchors_overlap("late Tuesday", "Tuesday")
    assert anchors_overlap("Feb. 29, 2024", "29 February 2024")
    assert not anchors_overlap("Tuesday", "last year")
    assert not anchors_overlap("late Tuesday", "late last year")


def outcomes(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, int]:
    return score_events(gold, predicted)[2].as_dict()


NONE = {"correct": 0, "wrong": 0, "more_precise": 0, "less_precise": 0, "missed": 0}


def test_event_dates_right_wrong_and_missing() -> None:
    gold = [
        event("Tuesday", "2026-04-28", "day", SECOND),
        event("2015", "2015", "year", "Elon Musk sued OpenAI."),
    ]
    right = [event("on Tuesday", "2026-04-28", "day", SECOND)]
    result, dates, found = score_events(gold, right)
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 0, 1)
    assert (dates.correct, dates.total) == (1, 1)
    assert found.as_dict() == {**NONE, "correct": 1, "missed": 1}  # 2015 not found: missed

    guessed = [event("Tuesday", "2026-04-21", "day", SECOND)]
    assert outcomes(gold, guessed) == {**NONE, "wrong": 1, "missed": 1}

    unresolved = [event("Tuesday", None, None, SECOND)]
    result, dates, _ = score_events(gold, unresolved)
    assert (dates.correct, dates.total) == (0, 1)
    assert outcomes(gold, unresolved) == {**NONE, "missed": 2}
    assert result.errors == ["missed date: 'Tuesday' gold ('2026-04-28', 'day'), got (None, None)"]


def test_invented_date_where_gold_has_none_is_wrong() -> None:
    gold = [event("Tuesday", None, None, SECOND)]
    assert outcomes(gold, [event("Tuesday", "2026-04-28", "day", SECOND)]) == {**NONE, "wrong": 1}
    _, dates, found = score_events(gold, [event("Tuesday", None, None, SECOND)])
    assert (dates.correct, dates.total, found.correct) == (1, 1, 1)


def test_finer_and_coarser_dates_are_told_apart_from_wrong_ones() -> None:
    gold = [event("Tuesday", "2026-04-28", "day", SECOND)]
    coarser = [event("Tuesday", "2026-04", "month", SECOND)]
    result, dates, found = score_events(gold, coarser)
    assert (dates.correct, found.as_dict()) == (0, {**NONE, "less_precise": 1})
    assert result.errors == [
        "less precise date: 'Tuesday' gold ('2026-04-28', 'day'), got ('2026-04', 'month')"
    ]
    year = [event("last year", "2025", "year", SECOND)]
    finer = [event("last year", "2025-04-28", "day", SECOND)]
    assert outcomes(year, finer) == {**NONE, "more_precise": 1}
    other_month = [event("Tuesday", "2026-05", "month", SECOND)]
    assert outcomes(gold, other_month) == {**NONE, "wrong": 1}
    # "2025-1" is not a prefix of "2025-10-01" as a partial date: ISO parts nest by "-".
    assert date_outcome(("2025-10-01", "day"), ("2025-1", "month")) == "wrong"
    assert date_outcome(("2025", "year"), ("2025", "year")) == "correct"


def test_event_needs_both_sentence_and_anchor_overlap() -> None:
    gold = [event("Tuesday", "2026-04-28", "day", SECOND)]
    other_sentence = [event("Tuesday", "2026-04-28", "day", "Elon Musk sued OpenAI.")]
    other_anchor = [event("last year", "2025", "year", SECOND)]
    for predicted in (other_sentence, other_anchor):
        result, *_ = score_events(gold, predicted)
        assert (result.score.tp, result.score.fp, result.score.fn) == (0, 1, 1)


def test_speakers_match() -> None:
    assert speakers_match("Elon Musk", "Musk")
    assert speakers_match("Musk", "Elon Musk")
    assert speakers_match("OpenAI", "OpenAI’s")
    assert speakers_match(None, None)
    assert not speakers_match("Elon Musk", None)
    assert not speakers_match("Elon Musk", "Kimbal Musk")
    assert not speakers_match("Elon Musk", "Elon")
    assert not speakers_match("The Verge", "Verge Media")
    assert speakers_match("Rita Lin", "Rita F. Lin")
    assert speakers_match("Supreme Court", "U.S. Supreme Court")
    assert not speakers_match("Supreme Court", "District Court")
    assert not speakers_match("Yvonne Gonzalez Rogers", "the court")
    assert not speakers_match("Supreme Court", "the court")


def claim(speaker: str | None, verb: str, where: str) -> dict[str, Any]:
    return {"speaker": speaker, "verb": verb, "quote": None, **sentence(where)}


def test_claims_detection_and_speaker_accuracy() -> None:
    gold = [claim("Elon Musk", "said", SECOND), claim("Elon Musk", "alleged", "Elon Musk sued")]
    predicted = [claim("Musk", "said", SECOND)]
    result, speakers, verbs = score_claims(gold, predicted)
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 0, 1)
    assert (speakers.correct, speakers.total, verbs.correct) == (1, 1, 1)

    wrong_speaker = [claim("The Verge", "reported", SECOND)]
    result, speakers, verbs = score_claims(gold, wrong_speaker)
    assert (speakers.correct, speakers.total, verbs.correct) == (0, 1, 0)
    assert result.errors and result.errors[0].startswith("speaker 'The Verge', gold 'Elon Musk'")


def test_two_claims_on_one_sentence_match_one_gold_claim() -> None:
    gold = [claim("Elon Musk", "said", SECOND)]
    predicted = [claim("Musk", "said", SECOND), claim("The Verge", "reported", SECOND)]
    result, speakers, _ = score_claims(gold, predicted)
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 1, 0)
    assert speakers.total == 1


def test_nested_claims_pair_by_speaker() -> None:
    """ "The Verge reported that Musk said ..." holds two claims; order does not decide."""
    gold = [claim("The Verge", "reported", SECOND), claim("Elon Musk", "said", SECOND)]
    predicted = [claim("Musk", "said", SECOND), claim("The Verge", "reported", SECOND)]
    result, speakers, verbs = score_claims(gold, predicted)
    assert (result.score.tp, result.score.fp, result.score.fn) == (2, 0, 0)
    assert (speakers.correct, verbs.correct) == (2, 2)
    one = [claim("Musk", "said", SECOND)]
    result, speakers, _ = score_claims(gold, one)
    assert (result.score.tp, result.score.fn, speakers.correct) == (1, 1, 1)
    assert result.misses == [
        "The Verge reported: 'Musk said on Tuesday that OpenAI lied, according to The Verge.'"
    ]


def test_claim_pairs_with_the_closest_span() -> None:
    gold = [claim("Elon Musk", "alleged", "Elon Musk sued OpenAI.")]
    whole = {
        "speaker": "X",
        "verb": "said",
        "quote": None,
        "start": 0,
        "end": len(TEXT),
        "sentence": TEXT,
    }
    exact = claim("Y", "said", "Elon Musk sued OpenAI.")
    result, _, _ = score_claims(gold, [whole, exact])
    assert result.false_positives == [_describe(whole)]


def _describe(item: dict[str, Any]) -> str:
    from casebase.evaluation.scoring import _describe_claim

    return _describe_claim(item)


def test_citation_keys() -> None:
    assert citation_key("17 U.S.C. § 107") == citation_key("17 USC 107")
    assert citation_key("18 U. S. C. §1030(a)(2)") == citation_key("18 U.S.C. § 1030(a)(2)")
    assert citation_key("1:20-cv-613-SB") == citation_key("1:20-cv-00613")
    assert citation_key("No. 19–783") == citation_key("19-783")
    assert citation_key("141 S. Ct. 1648") == citation_key("141 S.Ct. 1648")
    assert citation_key("141 S. Ct. 1648") != citation_key("141 S. Ct. 1649")
    assert citation_key("4:24-cv-04722-YGR") != citation_key("3:24-cv-05417-WHA")


def test_citation_keys_compare_the_core_not_the_writing() -> None:
    # a pin cite is not the citation; the reporter cite is
    assert citation_key("200 U. S. 321, 337") == citation_key("200 U.S. 321")
    assert citation_key("301 S.W.3d 603, 615") == citation_key("301 S.W.3d 603")
    assert citation_key("780 F .3d 304") == citation_key("780 F.3d 304")
    assert citation_key("200 U.S. 321") != citation_key("200 U.S. 322")
    # judge initials on a docket without a case type; a docket's number still counts
    assert citation_key("22-1564-BAH") == citation_key("22-1564")
    assert citation_key("22-1564") != citation_key("22-1565")
    # record references: "No." optional, "Docket"/"DKT." are "Dkt.", "Exh." is "Ex."
    assert citation_key("Dkt. 10") == citation_key("Dkt. No. 10")
    assert citation_key("Docket 75-32") == citation_key("Dkt. 75-32")
    assert citation_key("ECF 29") == citation_key("ECF No. 29")
    assert citation_key("Selmont Decl., Exh. B") == citation_key("Selmont Decl. Ex. B")
    # ... but the entry and the pin must agree: no loosening
    assert citation_key("Dkt. 10") != citation_key("Dkt. 11")
    assert citation_key("Dkt. 127 at 2") != citation_key("Dkt. 127 at 4")
    assert citation_key("Docket 75-32") != citation_key("75-32")  # a record is no docket


def test_a_record_reference_naming_its_docket_matches_the_reference_found_alone() -> None:
    gold = [
        {
            "text": "Id.",
            "kind": "short_form",
            "normalized": "1:22-cv-01564-BAH, Document No. 13-2",
            "start": 10,
            "end": 13,
        }
    ]
    found = {"text": "Id.", "kind": "short_form", "start": 10, "end": 13}
    result, _ = score_citations(gold, [{**found, "normalized": "Document No. 13-2"}])
    assert result.score.tp == 1
    result, _ = score_citations(gold, [{**found, "normalized": "Document No. 13-4"}])
    assert result.score.tp == 0
    # the docket number alone is not the reference
    result, _ = score_citations(gold, [{**found, "normalized": "1:22-cv-01564"}])
    assert result.score.tp == 0


def test_a_paper_title_or_case_name_before_a_reference_is_not_compared() -> None:
    """ "Compl., Dkt. No. 1" is the record reference "Dkt. No. 1"; "Hernandez Roman, Case No.
    20-55662" the docket: the title and the name are not the citation."""
    for gold_form, found_form in [
        ("Compl., Dkt. No. 1", "Dkt. No. 1"),
        ("Order, ECF No. 874", "ECF No. 874"),
        ("Hernandez Roman, Case No. 20-55662", "20-55662"),
    ]:
        gold = [{"text": "x", "kind": "record", "normalized": gold_form, "start": 0, "end": 9}]
        found = {"text": "x", "kind": "record", "normalized": found_form, "start": 0, "end": 9}
        assert score_citations(gold, [found])[0].score.tp == 1, gold_form
    gold = [
        {"text": "x", "kind": "record", "normalized": "Compl., Dkt. No. 1", "start": 0, "end": 9}
    ]
    found = {"text": "x", "kind": "record", "normalized": "Dkt. No. 2", "start": 0, "end": 9}
    assert score_citations(gold, [found])[0].score.tp == 0
    # "No" without its period, a code's "Ann."
    assert citation_key("Docket Entry No 1") == citation_key("Docket Entry No. 1")
    assert citation_key("Tex. Ins. Code Ann. § 541.060") == citation_key("Tex. Ins. Code § 541.060")


def test_citations_need_span_and_normalized_match() -> None:
    text = "See 17 U.S.C. § 107 and 141 S. Ct. 1648."
    gold = [
        {
            "text": "17 U.S.C. § 107",
            "kind": "statute",
            "normalized": "17 U.S.C. § 107",
            "start": 4,
            "end": 19,
        },
        {
            "text": "141 S. Ct. 1648",
            "kind": "case",
            "normalized": "141 S. Ct. 1648",
            "start": 24,
            "end": 39,
        },
    ]
    assert text[4:19] == "17 U.S.C. § 107" and text[24:39] == "141 S. Ct. 1648"
    predicted = [
        {
            "text": "17 U.S.C. § 107",
            "kind": "statute",
            "normalized": "17 USC 107",
            "start": 4,
            "end": 19,
        },
        {
            "text": "141 S. Ct. 1648",
            "kind": "case",
            "normalized": "141 S. Ct. 1684",
            "start": 24,
            "end": 39,
        },
    ]
    result, kinds = score_citations(gold, predicted)
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 1, 1)
    assert {k: (r.correct, r.total) for k, r in kinds.items()} == {
        "statute": (1, 1),
        "case": (0, 1),
    }


def test_every_citation_kind_counts_for_recall() -> None:
    """Short forms, record references and rules are scored like cases: by span and key."""
    text = "Id. at 5; ECF No. 45; Fed. R. Civ. P. 12(b)(6)."
    gold = [
        {
            "text": t,
            "kind": k,
            "normalized": t,
            "start": text.index(t),
            "end": text.index(t) + len(t),
        }
        for t, k in (
            ("Id. at 5", "short_form"),
            ("ECF No. 45", "record"),
            ("Fed. R. Civ. P. 12(b)(6)", "rule"),
        )
    ]
    result, kinds = score_citations(gold, [gold[2]])
    assert (result.score.tp, result.score.fn) == (1, 2)
    assert {k: (r.correct, r.total) for k, r in kinds.items()} == {
        "short_form": (0, 1),
        "record": (0, 1),
        "rule": (1, 1),
    }
    document = score_document(
        "c",
        {"entities": [], "events": [], "claims": [], "citations": gold},
        {"citations": gold[:1]},
    )
    assert summarize([document])["citation_recall_by_kind"]["short_form"]["correct"] == 1


def test_match_pairs_prefers_best_scores_one_to_one() -> None:
    gold = [{"v": 1}, {"v": 2}]
    predicted = [{"v": 2}, {"v": 1}, {"v": 1}]
    pairs = match_pairs(gold, predicted, lambda g, p: 1.0 if g["v"] == p["v"] else 0.0)
    assert pairs == [(0, 1), (1, 0)]


def test_document_and_micro_average() -> None:
    gold = {
        "entities": GOLD_ENTITIES,
        "events": [event("Tuesday", "2026-04-28", "day", SECOND)],
        "claims": [claim("Elon Musk", "said", SECOND)],
        "citations": [],
    }
    perfect = score_document("a", gold, gold)
    empty = score_document("b", gold, {"entities": [], "events": [], "claims": [], "citations": []})
    summary = summarize([perfect, empty])
    assert summary["categories"]["entities"] == {
        "tp": 3,
        "fp": 0,
        "fn": 3,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    # overall: entities 3/6, events 1/2, claims 1/2, no citations -> tp 5, fn 5.
    assert (summary["overall"]["tp"], summary["overall"]["fn"]) == (5, 5)
    assert summary["date_accuracy"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert summary["dates"] == {**NONE, "correct": 1, "missed": 1}
    assert summary["per_document"][1]["misses"]["claims"]
    assert "per_document" not in summarize([perfect, empty], details=False)


def test_a_docket_written_without_its_type_matches_the_typed_number() -> None:
    def docket(normalized: str) -> dict[str, object]:
        return {"text": "x", "kind": "docket", "normalized": normalized, "start": 0, "end": 9}

    assert score_citations([docket("3:19-cr-00377")], [docket("19-377")])[0].score.tp == 1
    assert score_citations([docket("22-1564-BAH")], [docket("22-cv-01564")])[0].score.tp == 1
    assert score_citations([docket("24-cv-04722")], [docket("24-cr-04722")])[0].score.tp == 0
    assert score_citations([docket("19-377")], [docket("19-378")])[0].score.tp == 0


def test_error_shapes_count_what_went_wrong_without_quoting_it() -> None:
    """A split scored only as a whole still says where its errors lie: counts by shape."""
    gold = {
        "entities": GOLD_ENTITIES,
        "events": [],
        "claims": [claim("Elon Musk", "said", SECOND), claim(None, "said", "Elon Musk sued")],
        "citations": [],
    }
    predicted = {
        "entities": [
            ent("Elon Musk", "organization", m("Elon Musk")),  # found, kind wrong
            ent("OpenAI", "organization", m("OpenAI")),
            ent("Tuesday", "person", m("Tuesday")),  # false
        ],  # The Verge missed
        "events": [],
        "claims": [claim(None, "said", SECOND), claim("OpenAI", "said", "Elon Musk sued")],
        "citations": [],
    }
    other_gold = {
        "entities": GOLD_ENTITIES,
        "events": [
            event("Tuesday", "2024-03-05", "day", SECOND),
            event("sued", None, "unresolved", "Elon Musk sued"),
        ],
        "claims": [claim("Elon Musk", "alleged", "Elon Musk sued")],
        "citations": [],
    }
    other_predicted = {
        **other_gold,
        "events": [event("Tuesday", "2024-03-12", "day", SECOND)],  # wrong day; "sued" not found
        "claims": [claim("OpenAI", "said", SECOND)],  # the allegation missed, a false "said"
    }
    shapes = summarize(
        [score_document("a", gold, predicted), score_document("b", other_gold, other_predicted)]
    )["error_shapes"]
    assert shapes == {
        "claim false: said": 1,
        "claim missed: alleged": 1,
        "claim speaker: given, gold none": 1,
        "claim speaker: none given": 1,
        "date not found: unresolved": 1,
        "date wrong: day": 1,
        "entity false: person": 1,
        "entity kind: person -> organization": 1,
        "entity missed: organization": 1,
    }
    assert summarize([score_document("a", gold, gold)])["error_shapes"] == {}
