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


#: Marshall v. Northrop Grumman, deposition of Steve Pomerantz (Dkt. 202-2), pages 1 and 32-33,
#: https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.657892.202.2.pdf
#: (as the text layer gives it: every line keeps its line number).
POMERANTZ = """\
9 VIDEOTAPED DEPOSITION OF STEVE POMERANTZ, Ph.D.
Page 32
23 Q. Same question for Hunt.
24 A. I don't know.
Page 33
14 Q. And what was -- and when were you
15 engaged by IFIC?
16 A. I would say '06 to '14.
17 Or '15, '06 to '15, in that range.
"""


def test_line_numbered_deposition_answers_are_the_deponents_testimony() -> None:
    analysis = analyse(POMERANTZ, published=None, known=[], kind="transcript")
    claims = [(c.speaker, c.verb, c.under_oath) for c in analysis.claims]
    # One claim per answer; "I would say" inside the answer is no second, unattributed claim.
    assert claims == [("Steve Pomerantz", "testified", True)] * 2
    assert analysis.claims[1].context == "And what was -- and when were you 15 engaged by IFIC?"
    assert is_transcript(POMERANTZ, None)


def test_answers_asserting_no_fact_are_no_claims() -> None:
    text = (
        # http://www.michaelseanquinn.com/if-you-dont-understand-question/
        "Q. If you don’t understand my question can we agree that you will tell me?\n"
        "A. Yes.\n"
        "Q. So if you don’t tell me, it’s fair [reasonable] to infer that you do "
        "understand it?\n"
        "A. Yes.\n"
        # https://www.thejcr.com/category/humor/page/2/ ("Risks? What risks?")
        "Q. Does that mean that there are costs associated with those risks that also aren’t "
        "covered by insurance?\n"
        "A. You said “those risks.” What risks?\n"
        # https://gscourtreporting.com/?p=382 ("Living elsewhere")
        "Q. Do Mr. Ronner’s children live with him?\n"
        "A. I don’t think so.\n"
    )
    analysis = analyse(text, published=None, known=[], kind="transcript")
    assert [c.quote for c in analysis.claims] == ["I don’t think so."]


def test_pleading_headings_make_no_transcript() -> None:
    # Griffo v. Oculus VR, Kwun declaration (C.D. Cal. Dkt. 132): lettered headings, no Q.
    text = (
        "14 A. Redaction of personal mobile phone numbers.\n"
        "21 B. Redaction of information implicating the same privacy interests\n"
    )
    assert not is_transcript(text * 2, None)


def test_the_court_is_the_presiding_judge_and_they_stay_unattributed() -> None:
    # United States v. Nikulin, N.D. Cal. CR 16-440-WHA, pretrial conference transcript (2020)
    text = (
        " 7 BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE\n\n"
        "20 THE COURT: And I disabuse them of that idea. I tell them it's not evidence.\n"
        "21 THE COURT: They said it might have been green.\n"
    )
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("William H. Alsup", "told"),
        (None, "said"),  # "they" of the judge's turn is not the judge
    ]
