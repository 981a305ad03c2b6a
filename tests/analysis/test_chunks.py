"""Long texts: parsed in pieces, analysed as one document with exact offsets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casebase.analysis import chunks
from casebase.analysis.chunks import split_text
from casebase.analysis.pipeline import analyse, get_nlp

from .conftest import AP_JUDGE_DENIES, AP_PUBLISHED, SAVITT, SEED_KNOWN, TRANSCRIPT


def test_pieces_join_back_and_are_cut_at_paragraphs_then_lines_then_spaces() -> None:
    text = "alpha beta.\n\ngamma delta\nepsilon zeta eta theta"
    pieces = split_text(text, 16)
    assert "".join(pieces) == text
    assert all(len(p) <= 16 for p in pieces)
    assert pieces[0] == "alpha beta.\n\n"
    assert split_text("x" * 10, 4) == ["xxxx", "xxxx", "xx"]  # no space at all: hard cuts
    assert split_text("", 4) == [""]


@pytest.fixture
def small_limits() -> Iterator[None]:
    """Pieces of at most 600 characters, and spaCy refusing anything over 1,000: a stand-in
    for the 100,000 / 1,000,000 of production that keeps the test fast."""
    nlp = get_nlp(known=SEED_KNOWN)
    saved_limit, saved_max = chunks.CHUNK_CHARS, nlp.max_length
    chunks.CHUNK_CHARS, nlp.max_length = 600, 1_000
    try:
        yield
    finally:
        chunks.CHUNK_CHARS, nlp.max_length = saved_limit, saved_max


def test_a_text_over_spacys_limit_is_analysed_with_links_across_pieces(small_limits: None) -> None:
    text = AP_JUDGE_DENIES * 3  # about 4,800 characters: too long for spaCy in one go here
    assert len(text) > get_nlp(known=SEED_KNOWN).max_length
    with pytest.raises(ValueError, match="E088"):
        get_nlp(known=SEED_KNOWN)(text)

    analysis = analyse(text, published=AP_PUBLISHED, known=SEED_KNOWN)
    one_copy = analyse(AP_JUDGE_DENIES, published=AP_PUBLISHED, known=SEED_KNOWN)

    musk = next(e for e in analysis.entities if e.slug == "elon-musk")
    in_one_copy = next(e for e in one_copy.entities if e.slug == "elon-musk").mentions
    assert len(musk.mentions) == 3 * len(in_one_copy) > 3  # one entity across the pieces
    assert max(m.start for m in musk.mentions) > 2 * len(AP_JUDGE_DENIES)
    spans = [*musk.mentions, *analysis.claims, *analysis.events]
    assert all(text[s.start : s.end] for s in spans)
    for mention in musk.mentions:
        assert text[mention.start : mention.end] == mention.text
    ruled = [c for c in analysis.claims if c.verb == "ruled"]
    assert len(ruled) == 3 * len([c for c in one_copy.claims if c.verb == "ruled"]) > 0
    assert {c.speaker for c in ruled} == {"Yvonne Gonzalez Rogers"}
    for claim in ruled:
        assert text[claim.start : claim.end] in claim.sentence


def test_the_witness_named_in_the_first_piece_answers_in_the_last(small_limits: None) -> None:
    text = TRANSCRIPT + "\n" + TRANSCRIPT.split("\n", 2)[2] * 2
    assert len(text) > 1_000
    analysis = analyse(text, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    answers = [t for t in analysis.turns if t.role == "answer"]
    assert len(answers) == 12
    assert {t.speaker for t in answers} == {"Elon Musk"}
    assert answers[-1].start > 1_000
    assert all(text[t.start : t.end] == t.text for t in analysis.turns)
