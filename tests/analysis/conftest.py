"""Fixtures for the analysis tests: the real model, real texts, a small knowledge base.

Texts are real: passages of published reports, each with the URL it was taken from, and the
seed article (third-party: read from ``shared_dir``, so the tests that use it are ``shared_data``
tests). Tests that need only a news text use the project's own (``tests/data``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casebase.analysis.types import KnownEntity
from tests.data import NEWS_ARTICLE

SEED_PUBLISHED = dt.date(2026, 5, 1)

#: The knowledge base the issue's acceptance test describes.
SEED_KNOWN = [
    KnownEntity("elon-musk", "Elon Musk", "person", ("Musk", "Mr. Musk")),
    KnownEntity("openai", "OpenAI", "organization", ("OpenAI Inc.", "OpenAI OpCo")),
    KnownEntity("xai", "xAI", "organization", ("X.AI Corp.",)),
    KnownEntity("grok", "Grok", "product"),
    KnownEntity("the-verge", "The Verge", "organization"),
]

#: AP, 2025-03-05, https://www.wsbtv.com/news/judge-denies-elon/2NCR2DBHEBHEHJT6Y7YSUVSIBE/
AP_JUDGE_DENIES = (
    "OAKLAND, Calif. — (AP) — A federal judge has denied Elon Musk's request for a court order "
    "blocking OpenAI from converting itself to a for-profit company but said she could expedite "
    "a trial to consider Musk's claims against the ChatGPT maker and its CEO.\n\n"
    "U.S. District Judge Yvonne Gonzalez Rogers ruled late Tuesday that “Musk has not "
    "demonstrated likelihood of success on the merits” in his request for a preliminary "
    "injunction. She offered to hold a trial in her California courtroom as soon as this fall, "
    "“given the public interest at stake and potential for harm if a conversion contrary to law "
    "occurred.”\n\n"
    "Musk, an early OpenAI investor, began a legal offensive against the ChatGPT maker and CEO "
    "Sam Altman a year ago, suing for breach of contract over what he said was the betrayal of "
    "its founding aims as a nonprofit.\n\n"
    "He escalated the legal dispute late last year, adding new claims and defendants, including "
    "Microsoft, and asking for a court order that would stop OpenAI’s plans to convert itself "
    "into a for-profit business.\n\n"
    "He and a group of investors more recently made an unsolicited $97.4 billion bid to buy a "
    "controlling stake in the nonprofit — a move that undermined Musk’s “claim of irreparable "
    "harm,” the judge wrote.\n\n"
    "OpenAI said it welcomed the court’s decision.\n"
)
AP_PUBLISHED = dt.date(2025, 3, 5)

#: Token Times, 2026-05-01, https://www.tokentimes.world/articles/2026-05-01-007.html
TOKEN_TIMES = (
    "In a California federal courtroom Thursday, Elon Musk testified that xAI, his AI startup "
    "founded in 2023, used OpenAI's models to improve its own Grok chatbot through a technique "
    "called model distillation. Musk filed suit against OpenAI in 2024, accusing the nonprofit of "
    "abandoning its founding mission to develop AI for humanity's benefit and instead pursuing "
    "profit maximization."
)

#: tokenfeed, https://tokenfeed.pages.dev/elon-musk-confirms-xai-trained-grok-on-openais-models
TOKENFEED = (
    "When asked directly whether xAI had distilled OpenAI's technology, Musk said that "
    '"generally all the AI companies" do such a thing. When pressed further, he said, "Partly."'
)

#: The cross-examination exchange as WIRED reported it (via
#: https://news.warptechlab.com/news/168639610 and
#: https://thelgtm.dev/musk-just-got-caught-in-the-most-damaging-cross-examination-of-the-ai-decade/),
#: laid out in the standard Q./A. transcript format.
TRANSCRIPT = """\
                         CROSS-EXAMINATION OF ELON MUSK
BY MR. SAVITT:
     Q.   Do you know what distillation is?
     A.   It means to use one AI model to train another AI model.
     Q.   Has xAI done that with OpenAI?
     A.   Generally all the AI companies [do that].
     Q.   So that's a yes.
     A.   Partly.
     Q.   Was OpenAI technology used in any way to develop xAI?
     A.   It is standard practice to use other AIs to validate your AI.
"""
SAVITT = KnownEntity("william-savitt", "William Savitt", "person", ("Savitt", "Mr. Savitt"))


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    """The seed article: the news report this project started from."""
    return (shared_dir / "corpus" / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def news_text() -> str:
    """A news report written for the tests (tests/data/news-article.txt)."""
    return NEWS_ARTICLE.read_text(encoding="utf-8")
