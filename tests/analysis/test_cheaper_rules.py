"""The equivalences the cheaper rule passes rely on (docs/ingestion.md, "Session 11: cheaper
rules after spaCy"): ``repeats.find_forms`` finds exactly what the alternation it stands for
finds (``entities._propagate``), ``events._names_in`` over sorted starts, ``entities.
_distinct_words`` without ``Doc.count_by``."""

from __future__ import annotations

import random

import pytest

from casebase.analysis.repeats import find_forms, form_pattern


def _both(text: str, forms: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    expected = [m.span() for m in form_pattern(forms).finditer(text)]
    return list(find_forms(text, forms)), expected


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # hard-wrapped names, with indentation; a form and a longer one sharing its first word
        ("Wells Fargo and Wells\n   Fargo Bank, then Wells alone.", ["Wells Fargo Bank", "Wells"]),
        ("Wells Fargo Bank; Wells Fargo", ["Wells Fargo Bank", "Wells Fargo", "Wells"]),
        # the longer form first only when it is written whole; a shorter one then wins
        ("Wells Fargo Banking", ["Wells Fargo Bank", "Wells Fargo"]),
        # not inside a word, not after a full stop or hyphen, not before a hyphen
        ("Smithson, Smith-Jones, x.Smith, -Smith, Smith's, O'Smith", ["Smith"]),
        # a space then a line break: the first kind of gap fails, the second matches
        ("Waste \n\tManagement Inc.", ["Waste Management"]),
        # two lines apart is no wrapped name
        ("Waste\n\nManagement", ["Waste Management"]),
        # overlapping candidates: the first match consumes what a later form would start
        ("New York Times York", ["New York", "York Times", "York"]),
        # a name holding a line break as found
        ("Acme\nCorp and Acme Corp", ["Acme\nCorp", "Acme Corp"]),
        # odd forms (double space, backslash): the expression itself
        ("a  b and a b", ["a  b", "a b"]),
        ("C:\\ dir", ["C:\\ dir"]),
    ],
)
def test_same_spans_as_the_alternation(text: str, forms: list[str]) -> None:
    found, expected = _both(text, forms)
    assert found == expected


def test_random_texts() -> None:
    """Texts and forms drawn from a few words, gaps and punctuation."""
    rng = random.Random(11)
    words = ["Ann", "Ann-Marie", "Bo", "Bo.", "Co", "Corp", "X", "Lee's", "Lee", "New", "York"]
    gaps = [" ", "  ", "\n", " \n ", "\n\t", "-", ".", ",", "'", "\n\n", ""]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 12)))
        forms = list(
            dict.fromkeys(
                " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
                for _ in range(rng.randint(1, 5))
            )
        )
        forms.sort(key=len, reverse=True)
        found, expected = _both(text, forms)
        assert found == expected, (text, forms)


def test_names_in_by_sorted_starts() -> None:
    """``events._names_in`` over ``_mention_starts`` names what the scan over every mention
    named: the entities with a mention starting in [start, end), in the entities' order."""
    from casebase.analysis.events import _mention_starts, _names_in
    from casebase.analysis.types import FoundEntity, MentionSpan

    rng = random.Random(5)
    entities = [
        FoundEntity(
            f"e{i}",
            "person",
            [MentionSpan("x", s, s + 3) for s in rng.sample(range(200), rng.randint(1, 6))],
        )
        for i in range(8)
    ]
    mentioned = _mention_starts(entities)
    for _ in range(500):
        start = rng.randrange(200)
        end = start + rng.randrange(40)
        expected = [e.name for e in entities if any(start <= m.start < end for m in e.mentions)]
        assert _names_in(mentioned, start, end) == expected


def test_distinct_words_are_the_counted_words() -> None:
    """``entities._distinct_words`` (one ``numpy.unique`` over the words' ids) holds the words
    ``Doc.count_by(ORTH)`` counts; its callers read it as a set."""
    import spacy
    from spacy.attrs import ORTH

    from casebase.analysis.entities import _distinct_words

    nlp = spacy.blank("en")
    doc = nlp("The Court and the court; the COURT said: Acme v. Acme, Inc. (N.D. Cal. 2020).")
    counted = [doc.vocab.strings[orth] for orth in doc.count_by(ORTH)]
    assert sorted(_distinct_words(doc)) == sorted(counted)
    assert len(_distinct_words(doc)) == len(set(counted))
