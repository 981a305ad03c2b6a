"""Transcripts: speaker turns, the witness's answers as claims with the question as context."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.transcript import is_transcript, speaker_turns, witness_name

from .conftest import SAVITT, SEED_KNOWN, TOKEN_TIMES, TRANSCRIPT


def test_turns_and_speakers() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    roles = [(t.role, t.speaker) for t in analysis.turns]
    assert roles == [("question", "William Savitt"), ("answer", "Elon Musk")] * 4
    for turn in analysis.turns:
        assert TRANSCRIPT[turn.start : turn.end] == turn.text
    assert analysis.turns[1].text == "It means to use one AI model to train another AI model."


def test_answers_are_claims_by_the_witness_with_the_question() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    testimony = [c for c in analysis.claims if c.verb == "testified"]
    assert len(testimony) == 4
    assert all(c.speaker_slug == "elon-musk" for c in testimony)
    partly = next(c for c in testimony if c.quote == "Partly.")
    assert partly.context == "So that's a yes."
    assert TRANSCRIPT[partly.start : partly.end] == "Partly."
    # A lawyer's question asserts nothing.
    assert not any(c.speaker == "William Savitt" for c in analysis.claims)


def test_transcript_is_recognised_without_a_kind() -> None:
    assert is_transcript(TRANSCRIPT, None)
    assert not is_transcript("Q. Is this a transcript? A. No.", None)


def test_named_speakers_and_unknown_witness() -> None:
    text = (
        "THE COURT:  Be seated.\n"
        "MR. MOLO:  Your Honor, we call our next witness.\n"
        "Q.   Please state your name.\n"
        "A.   Greg Brockman.\n"
        "THE WITNESS:  I was a co-founder.\n"
    )
    assert witness_name(text) is None
    turns = speaker_turns(text)
    assert [(t.role, t.label, t.speaker) for t in turns] == [
        ("statement", "THE COURT", "The Court"),
        ("statement", "MR. MOLO", "Mr. Molo"),
        ("question", "Q", None),  # no "BY MR. ...:" line: the examiner is not guessed
        ("answer", "A", None),  # the witness is not named: not guessed either
        ("answer", "THE WITNESS", None),
    ]


def test_deposition_style_without_full_stops() -> None:
    text = TRANSCRIPT.replace("Q.   ", "Q    ").replace("A.   ", "A    ")
    analysis = analyse(text, published=None, known=[*SEED_KNOWN, SAVITT])
    assert [t.role for t in analysis.turns] == ["question", "answer"] * 4
    assert [c.quote for c in analysis.claims if c.verb == "testified"][2] == "Partly."


def test_claims_say_whom_they_are_about() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    last = analysis.claims[-1]
    assert last.quote == "It is standard practice to use other AIs to validate your AI."
    assert last.about == []  # names no one
    news = analyse(TOKEN_TIMES, published=None, known=SEED_KNOWN)
    testified = next(c for c in news.claims if c.verb == "testified")
    assert set(testified.about) >= {"xAI", "OpenAI", "Grok"}
    assert "Elon Musk" not in testified.about  # the speaker
