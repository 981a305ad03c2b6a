"""Hearing and ruling coverage: judges as speakers, court acts, bylines, dockets, headlines."""

from __future__ import annotations

import datetime as dt

from casebase.analysis.pipeline import analyse

#: Reuters via NDTV, https://www.ndtv.com/world-news/us-judge-dismisses-xai-trade-secrets-lawsuit-against-rival-openai-for-now-11132269
#: (the stored copy gives no publication date).
NDTV = """\
A federal judge in California on Tuesday dismissed a lawsuit from Elon Musk's artificial \
intelligence startup xAI that accused rival Sam Altman's OpenAI of stealing its trade secrets.

US District Judge Rita Lin in San Francisco said that xAI could refile its case, but for now has \
failed to allege that OpenAI committed any misconduct.

"Notably absent are allegations about the conduct of OpenAI itself," Lin said. "xAI does not \
allege any facts indicating that OpenAI induced xAI's former employees to steal xAI's trade \
secrets or that these former xAI employees used any stolen trade secrets once employed by OpenAI."

Lin had signaled in a January opinion that she would likely rule for OpenAI. She gave xAI until \
March 17 to file an amended complaint.
"""

#: Daily Journal, 2025-09-25 (a Thursday), https://dailyjournal-prod.herokuapp.com/articles/387788
DAILY_JOURNAL = """\
Sep. 25, 2025

Judge grants preliminary approval of $1.5B Anthropic AI copyright case

SAN FRANCISCO -- Senior U.S. District Judge William Alsup granted preliminary approval of a $1.5 \
billion settlement authors and publishers arranged with Anthropic PBC on Thursday after getting \
assurances from plaintiffs' counsel about his previous misgivings.

The judge, who blasted the settlement's terms during a hearing 17 days ago and sent attorneys a \
long list of questions, said Thursday he was satisfied with their answers during a brief hearing.

"I do want to say this is a fair settlement," Alsup told attorneys and class representatives. \
"At least it meets the preliminary approval standard." Bartz et al. v. Anthropic PBC, 24-cv-05417 \
(N.D. Cal., filed Aug. 19, 2024).
"""


def test_a_federal_judge_is_the_judge_named_later() -> None:
    analysis = analyse(NDTV, published=None, known=[])
    first = analysis.claims[0]
    assert first.sentence.startswith("A federal judge in California on Tuesday dismissed")
    assert (first.speaker, first.verb) == ("Rita Lin", "ruled")
    speakers = {(c.speaker, c.verb) for c in analysis.claims}
    assert ("Rita Lin", "said") in speakers


def test_negated_and_quoted_verbs_are_not_claims() -> None:
    analysis = analyse(NDTV, published=None, known=[])
    assert not any(c.speaker == "xAI" and c.verb == "alleged" for c in analysis.claims)
    journal = analyse(DAILY_JOURNAL, published=dt.date(2025, 9, 25), known=[])
    told = next(c for c in journal.claims if c.verb == "told")
    assert told.speaker == "William Alsup"  # not the "I" of "I do want to say"
    assert told.quote == "I do want to say this is a fair settlement"


def test_without_publication_date_nothing_relative_is_dated() -> None:
    analysis = analyse(NDTV, published=None, known=[])
    anchors = {e.anchor: e.date for e in analysis.events}
    assert anchors["on Tuesday"] is None
    assert anchors["January"] is None  # "in a January opinion": the month, year unknown
    assert anchors["March 17"] is None
    assert all(e.date is None for e in analysis.events)


def test_byline_is_not_an_event_and_relative_dates_resolve() -> None:
    analysis = analyse(DAILY_JOURNAL, published=dt.date(2025, 9, 25), known=[])
    dated = [(e.anchor, e.date) for e in analysis.events]
    assert ("Sep. 25, 2025", "2025-09-25") not in dated  # the byline dates the article
    assert ("on Thursday", "2025-09-25") in dated  # published on a Thursday: that day
    assert ("17 days ago", "2025-09-08") in dated
    assert ("Aug. 19, 2024", "2024-08-19") in dated  # a docket's "(filed ...)" is an event


def test_judge_role_and_docket_and_case_name() -> None:
    analysis = analyse(DAILY_JOURNAL, published=dt.date(2025, 9, 25), known=[])
    said = next(c for c in analysis.claims if c.sentence.startswith("The judge, who blasted"))
    assert said.speaker == "William Alsup"
    assert [(c.kind, c.normalized) for c in analysis.citations] == [("docket", "24-cv-05417")]
    kinds = {e.name: e.kind for e in analysis.entities}
    assert kinds["Bartz et al. v. Anthropic PBC"] == "case"
    assert kinds["William Alsup"] == "person"
    assert "N.D. Cal" not in kinds and "Judge" not in kinds


def test_headlines_yield_no_claims_and_colon_quotes_do() -> None:
    # https://photonews.com.pk/openai-accuses-deepseek-ai-distillation (a heading and the
    # paragraph under it): the heading is a title, never a claim (docs/evaluation.md).
    text = (
        "OpenAI Accuses DeepSeek of Distillation Techniques\n"
        "In the memo, OpenAI said it observed accounts linked to DeepSeek employees developing "
        "methods to bypass access restrictions.\n"
    )
    headline = analyse(text, published=None, known=[])
    assert [(c.speaker, c.verb) for c in headline.claims] == [("OpenAI", "said")]
    # http://www.ritews.com/national/in-lawsuit-over-teens-death-judge-rejects-arguments-that-ai-chatbots-have-free-speech-rights/4090627
    # (AP): a sentence-case headline standing alone between blank lines.
    text = (
        "In lawsuit over teen’s death, judge rejects arguments that AI chatbots have free "
        "speech rights\n\nMay 21, 2025, 2:25 PM\n\n"
        "TALLAHASSEE, Fla. (AP) — A federal judge on Wednesday rejected arguments made by an "
        "artificial intelligence company that its chatbots are protected by the First Amendment "
        "— at least for now.\n"
    )
    sentences = [c.sentence for c in analyse(text, published=None, known=[]).claims]
    assert sentences and not any(s.startswith("In lawsuit") for s in sentences)
    # Caption of Meta v. Bright Data (N.D. Cal. 2024), http://casetext.com/case/meta-platforms-inc-v-bright-data-ltd-6:
    # "STATES" is no reporting verb.
    caption = "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
    assert analyse(caption, published=None, known=[]).claims == []
    # https://thelgtm.dev/musk-just-got-caught-in-the-most-damaging-cross-examination-of-the-ai-decade/
    text = (
        "OpenAI's lawyer William Savitt asked if Musk knew what distillation means. "
        'Savitt pressed: "So that\'s a yes." Musk: "Partly."'
    )
    colon = analyse(text, published=None, known=[])
    quotes = [(c.speaker, c.quote) for c in colon.claims if c.quote]
    assert ("William Savitt", "So that's a yes.") in quotes
    assert ("Musk", "Partly.") in quotes or ("Elon Musk", "Partly.") in quotes


def test_courts_by_name_and_the_panel() -> None:
    # Opening of the Ninth Circuit's 2022 hiQ Labs v. LinkedIn opinion (caption and summary).
    text = (
        "UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT\n"
        "The panel held that a plaintiff seeking a preliminary injunction must establish that it "
        "is likely to succeed on the merits. The panel previously affirmed the preliminary "
        "injunction. The Ninth Circuit heard the appeal from the Northern District of California."
    )
    analysis = analyse(text, published=None, known=[])
    courts = [e for e in analysis.entities if e.kind == "court"]
    assert [c.name for c in courts] == [
        "United States Court of Appeals for the Ninth Circuit",  # with "Ninth Circuit"
        "Northern District of California",
    ]
    assert len(courts[0].mentions) == 2
    assert [c.speaker for c in analysis.claims if c.verb == "ruled"] == [courts[0].name] * 2
