"""Claims: reporting verbs, speakers (including pronouns and "the judge"), quotes, spans."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.types import Analysis

from .conftest import AP_JUDGE_DENIES, AP_PUBLISHED, SEED_KNOWN, TOKEN_TIMES, TOKENFEED


def _claims(analysis: Analysis) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.verb) for c in analysis.claims]


def test_news_report_claims_and_speakers() -> None:
    analysis = analyse(AP_JUDGE_DENIES, published=AP_PUBLISHED, known=[])
    claims = _claims(analysis)
    assert ("Yvonne Gonzalez Rogers", "ruled") in claims  # "U.S. District Judge Y.G.R. ruled"
    assert ("Yvonne Gonzalez Rogers", "wrote") in claims  # "..., the judge wrote."
    assert ("OpenAI", "said") in claims
    ruled = next(c for c in analysis.claims if c.verb == "ruled")
    assert ruled.quote == "Musk has not demonstrated likelihood of success on the merits"
    assert AP_JUDGE_DENIES[ruled.start : ruled.end] == ruled.sentence
    # "She offered to hold a trial": "hold" is not "held that", so no ruling there.
    assert not any(c.sentence.startswith("She offered") for c in analysis.claims)


def test_pronoun_resolves_to_the_previous_subject() -> None:
    analysis = analyse(TOKENFEED, published=None, known=SEED_KNOWN)
    said = [c for c in analysis.claims if c.verb == "said"]
    assert [c.speaker for c in said] == ["Elon Musk", "Elon Musk"]
    assert said[1].quote == "Partly."
    assert said[0].quote == "generally all the AI companies"


def test_participle_shares_the_subject() -> None:
    analysis = analyse(TOKEN_TIMES, published=None, known=SEED_KNOWN)
    claims = _claims(analysis)
    assert ("Elon Musk", "testified") in claims
    assert ("Elon Musk", "accused") in claims  # "Musk filed suit ..., accusing the nonprofit"
    testified = next(c for c in analysis.claims if c.verb == "testified")
    assert testified.speaker_slug == "elon-musk"
    assert testified.content.startswith("xAI, his AI startup founded in 2023, used OpenAI's")


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    text = "Sam Altman met Elon Musk in 2015. He said the lab would be open."
    analysis = analyse(text, published=None, known=[])
    said = next(c for c in analysis.claims if c.verb == "said")
    assert said.speaker == "Sam Altman"


def test_unclear_pronoun_is_not_guessed() -> None:
    text = "Sam Altman and Elon Musk met in 2015. He said the lab would be open."
    analysis = analyse(text, published=None, known=[])
    said = next(c for c in analysis.claims if c.verb == "said")
    assert said.speaker is None


def test_according_to_a_person_is_said() -> None:
    text = "According to Sam Altman, the company never promised to stay a nonprofit."
    analysis = analyse(text, published=None, known=[])
    assert _claims(analysis) == [("Sam Altman", "said")]


def test_nouns_and_adjectives_are_not_reporting_verbs() -> None:
    text = (
        "The claims were found in a 2024 complaint. The ruling is under appeal. "
        "Musk has denied wrongdoing."
    )
    analysis = analyse(text, published=None, known=SEED_KNOWN)
    assert _claims(analysis) == [("Elon Musk", "denied")]


def test_lawyers_speak_for_their_client() -> None:
    # https://efinder.lk/news/article/openai-trial-updates-board-chair-taylor-continues-testimony-altman-set-to-take-s
    text = (
        "OpenAI CEO Sam Altman is slated to testify in federal court in Oakland, California, on "
        "Tuesday as part of the trial in Elon Musk's lawsuit against the artificial intelligence "
        "company.\nAltman is expected to take the stand after Bret Taylor, the chairman of the "
        "board at OpenAI, concludes his testimony, his lawyers told Judge Yvonne Gonzalez Rogers "
        "on Monday.\n"
    )
    analysis = analyse(text, published=None, known=[])
    told = next(c for c in analysis.claims if c.verb == "told")
    assert told.speaker == "Sam Altman"
