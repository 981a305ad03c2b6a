"""Event dates on unseen court decisions and narratives (issue 17; round 12, branch h-dates12).

Each test quotes a public document (URL in its comment). Two shapes of language:

- A court's decision tells its facts in order and writes a year once: a month or day written
  without one after "In January 2025" goes on in 2025, though the decision is dated 2026.
  Parties' letters and motions argue about the present, and keep the nearer reading.
- "The next month", "the following year", "the previous week" in a past clause count from
  the date the text just stated; only when it states none are they read from publication, as
  "next month" is. "That same year", "later that year" are the year of the date stated.
- A rule's effective date in its citation ("Rule 341 (eff. Oct. 1, 2020)") is no event, and a
  date a double-spaced text layer cuts into pieces is read with its sentence.
"""

from __future__ import annotations

import datetime as dt

from casebase.analysis.pipeline import analyse

Row = tuple[str, str | None]


def _events(text: str, published: dt.date | None, kind: str) -> list[Row]:
    analysis = analyse(text, published=published, known=[], kind=kind)
    return [(e.anchor, e.date) for e in analysis.events]


# Brankle v. Schmell, No. 26A-PL-887 (Ind. Ct. App. Aug. 14, 2026), memorandum decision,
# https://github.com/SafeLegalAI/us-genai-court-opinions (work/agents/source_text/
# 040-Brankle_v._Schmell_USA_14_August_2026.txt): the clerk's FILED stamp, then the facts.
BRANKLE = (
    "Court of Appeals of Indiana\n"
    "FILED\n"
    "David W. Brankle,\n"
    "Appellant-Plaintiff\n\n"
    "Aug 14 2026, 9:10 am\n\n"
    "CLERK\n\n"
    "Facts and Procedural History\n"
    "[3]\n\n"
    "In January 2025, Brankle sued Schmell for defamation in Marion County,\n"
    "Indiana. As relevant here, Marion County Local Rule LR49-TR33-213(A)\n"
    "limits the number of interrogatories a party may propound to 25, including\n"
    "subparts; if a party wants to serve more than 25 interrogatories, the party must\n"
    "obtain leave of court and make a good cause showing. In July, both parties\n"
    "filed motions for leave to serve more than 25 interrogatories on one another,\n"
    "and both parties attached their proposed interrogatories to their motions. After\n"
    "a hearing, the trial court granted those motions.\n"
    "[4]\n\n"
    "In December, without seeking and obtaining leave of court, Brankle served a\n"
    "second set of interrogatories on Schmell.\n"
)


def test_a_decision_goes_on_in_the_year_of_its_story() -> None:
    # before: "July" was July 2026 (a month before the decision, nearer than January 2025)
    assert _events(BRANKLE, dt.date(2026, 8, 14), "opinion") == [
        ("Aug 14 2026", "2026-08-14"),
        ("January 2025", "2025-01"),
        ("July", "2025-07"),
        ("December", "2025-12"),
    ]


# Ross v. AT&T Mobility, joint discovery letter of March 23, 2021 (N.D. Cal.),
# https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/
# program/data1/gov.uscourts.cand.349925.89.0_1.pdf (development gold text): a party's letter
# recounts a January 1, 2018 cut-off, then writes of its own correspondence of March 2021.
ROSS = (
    "March 23, 2021\n"
    "SIM swaps could have, producing such information from January 1, 2018 is fully adequate.\n"
    "(2) Mr. Ross requested that AT&T provide the dates that the hacker used the same phone\n"
    "or SIM card to conduct unauthorized SIM swaps of other AT&T customers before Mr. Ross was\n"
    "SIM swapped (Rog No. 21). Mr. Ross's position. Mr. Ross did not ask for any information\n"
    "identifying those other victims. AT&T has steadfastly refused to provide the requested\n"
    "information since the meet and confer process started many months ago, and reiterated in "
    "writing,\n"
    "including most recently in the letter of March 2 which teed up the issues for the March 11\n"
    "telephonic meet and confer.\n"
)


def test_a_partys_letter_keeps_the_present_year() -> None:
    dates = dict(_events(ROSS, dt.date(2021, 3, 23), "motion"))
    assert dates["March 2"] == "2021-03-02"
    assert dates["March 11"] == "2021-03-11"


# Wikipedia, "Software design pattern" (History), https://en.wikipedia.org/wiki/
# Software_design_pattern, as quoted in a public repository: "That same year" is 1994 and
# "the following year" 1995, counted from the year just stated (before: no event at all).
PATTERNS = (
    "Design patterns gained popularity in computer science after the book Design Patterns: "
    'Elements of Reusable Object-Oriented Software was published in 1994 by the so-called "Gang '
    'of Four" (Gamma et al.), which is frequently abbreviated as "GoF". That same year, the '
    "first Pattern Languages of Programming Conference was held and the following year, the "
    "Portland Pattern Repository was set up for documentation of design patterns."
)


def test_the_following_year_counts_from_the_year_stated() -> None:
    events = _events(PATTERNS, dt.date(2024, 1, 10), "other")
    assert ("That same year", "1994") in events
    assert ("the following year", "1995") in events


# ainews.date, 27 March 2025, https://ainews.date/8dpyrTLgdOC (development gold text): with no
# date stated before it, "the previous year" is counted from publication, as before.
AINEWS = (
    "Published March 27, 2025\n\n"
    "The lawsuit was filed in the previous year, with the recent decision coming after oral "
    "arguments in January."
)


def test_the_previous_year_without_a_stated_date_is_publications() -> None:
    events = _events(AINEWS, dt.date(2025, 3, 27), "news_article")
    assert [date for anchor, date in events if anchor.endswith("previous year")] == ["2024"]


# Cole v. Lee, 2026 IL App (1st) 252223-U (Ill. App. Ct. July 30, 2026), Rule 23 order,
# https://github.com/SafeLegalAI/us-genai-court-opinions (work/agents/source_text/
# 095-Cole_v._Lee_2026_IL_App_1st_252223-U.txt). Illinois cites its supreme court rules with
# their effective date: part of the citation, no event (before: an event of October 1, 2020).
COLE_RULE = (
    "¶ 13   “A reviewing court is entitled to have the issues clearly defined and supported by "
    "pertinent\n\n"
    "authority and cohesive arguments; it is not merely a repository into which an appellant "
    "may dump\n\n"
    "the burden of argument and research, nor is it the obligation of this court to act as an "
    "advocate or\n\n"
    "seek error in the record.” (Internal quotation marks omitted.) U.S. Bank v. Lindsey, 397 "
    "Ill. App.\n\n"
    "3d 437, 459 (2009). Under Illinois Supreme Court Rule 341(h)(7) (eff. Oct. 1, 2020), an "
    "appellant’s\n\n"
    "brief must contain argument “with citation of the authorities.” Implicit in this "
    "requirement is that\n\n"
    "citations to authority be accurate.\n"
)
# The same order's text layer is double-spaced: a blank line after every line, so every line
# is a paragraph to the parser, which also cut "In / April / 2023 / , based on ..." into
# pieces without a verb (before: "April 2023" was no event).
COLE_FACTS = (
    "¶4      This case concerns a mixed-use property located at 1205 North Milwaukee Avenue in\n\n"
    "Chicago that, for a time, Lee owned and Cole leased. In 2022 and 2023, Lee attempted to "
    "evict\n\n"
    "Cole twice, but, in both actions, the circuit court dismissed the eviction actions against "
    "Cole. In\n\n"
    "April 2023, based on Lee’s attempts to evict Cole, Cole sued Lee pro se in small claims "
    "court,\n\n"
    "raising various causes of action. In December 2023, while the litigation was ongoing, Lee "
    "sold the\n\n"
    "property to 1205 Milwaukee LLC. Several months later, 1205 Milwaukee LLC initiated "
    "eviction\n\n"
    "proceedings against Cole and ultimately evicted him.\n"
)


def test_a_rules_effective_date_is_no_event() -> None:
    assert _events(COLE_RULE, dt.date(2026, 7, 30), "order") == []


def test_a_date_cut_by_blank_lines_is_read_with_its_sentence() -> None:
    assert ("April 2023", "2023-04") in _events(COLE_FACTS, dt.date(2026, 7, 30), "order")
