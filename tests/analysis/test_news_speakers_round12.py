"""Claim speakers in news reports (round 12, issue 17): a title standing alone for the person a
story named with it ("The president said"), and a report whose author the story names ("As
the report states"). Short real passages, the URL of each in a comment."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse


def _claims(text: str) -> list[tuple[str | None, str, str]]:
    return [
        (c.speaker, c.verb, c.sentence)
        for c in analyse(text, published=None, known=[], kind="news_article").claims
    ]


def _speakers_of(claims: list[tuple[str | None, str, str]], start: str) -> list[str | None]:
    return [s for s, _, sentence in claims if sentence.lstrip().startswith(start)]


# BBC News, "Obama: Failure to pass gun laws 'greatest frustration'" (2015), as stored in
# Mozilla Readability's test pages
# (https://github.com/mozilla/readability/blob/HEAD/test/test-pages/bbc-1/expected.html)
OBAMA = (
    'President Barack Obama has admitted that his failure to pass "common sense gun safety '
    'laws" in the US is the greatest frustration of his presidency.\n\n'
    "Mr Obama has faced criticism in the country after the US legalised gay marriage. However, "
    "in his interview, the president said he would not fall silent on the issue.\n\n"
    "The president also admitted that some African governments, including Kenya's, needed to "
    "improve their records on human rights and democracy."
)


def test_a_title_alone_is_the_person_the_story_named_with_it() -> None:
    claims = _claims(OBAMA)
    assert _speakers_of(claims, "However, in his interview") == ["Barack Obama"]
    assert _speakers_of(claims, "The president also admitted") == ["Barack Obama"]


def test_a_title_no_person_was_named_with_is_no_guess() -> None:
    # the same sentences where the story calls him only "Mr Obama": "the president" is a role
    # the text never gave him, so no speaker is guessed
    text = OBAMA.replace("President Barack Obama", "Mr Obama")
    claims = _claims(text)
    assert _speakers_of(claims, "The president also admitted") in ([], [None])


def test_an_owned_title_is_not_the_titled_person() -> None:
    # "the company's president" is someone else than "President Barack Obama"
    text = OBAMA.replace("The president also admitted", "The company's president also admitted")
    claims = _claims(text)
    assert "Barack Obama" not in _speakers_of(claims, "The company's president")


# CNNMoney, "The U.S. ranks last among wealthy countries in ..." (2016-02-01), as stored in
# Mozilla Readability's test pages
# (https://github.com/mozilla/readability/blob/HEAD/test/test-pages/cnn/expected.html)
REPORT = (
    "But a new report released on Monday by Stanford University's Center on Poverty and "
    "Inequality calls that into question.\n\n"
    'As the report states: "[T]he birth lottery matters more in the U.S. than in most '
    'well-off countries."\n\n'
    'The report also suggested the U.S. might not be the "jobs machine" it thinks it is, when '
    "compared to other countries.\n\n"
    "The report concluded that the American safety net was ineffective because it provides "
    "only half the financial help people need."
)


def test_a_report_speaks_for_whoever_released_it() -> None:
    claims = _claims(REPORT)
    for start in ("As the report states", "The report also suggested", "The report concluded"):
        found = _speakers_of(claims, start)
        assert len(found) == 1, (start, claims)
        assert found[0] is not None and "Center on Poverty" in found[0]


def test_a_report_whose_author_is_never_named_is_no_speaker() -> None:
    text = REPORT.replace(
        "a new report released on Monday by Stanford University's Center on Poverty and Inequality",
        "a new report",
    )
    claims = _claims(text)
    assert _speakers_of(claims, "The report concluded") == []


# Mister Cybersecurity on the Meta v. NSO Group verdict (development text
# mistercybersecurity-meta-nso-verdict;
# https://www.mistercybersecurity.com/index.php/2025/05/06/meta-scores-167m-victory-against-nso-in-spyware-battle/)
HAMILTON = (
    "The verdict follows a summary judgment granted by Judge Phyllis J. Hamilton of the U.S. "
    "District Court for the Northern District of California, which found NSO Group liable for "
    "violating both federal and state laws."
)


def test_a_court_named_only_as_the_judges_is_the_judge_in_a_relative_clause() -> None:
    # the parser hangs "which found" on the court of "Judge ... of the ... Court": the judge
    # granted the judgment; the court is only where she sits
    claims = _claims(HAMILTON)
    assert [s for s, _, _ in claims] == ["Phyllis J. Hamilton"]


def test_calling_something_into_question_asserts_nothing() -> None:
    # the CNNMoney passage above: "calls that into question" casts doubt, it reports no
    # statement (as "called for" and "called on ... to" ask, they assert nothing)
    claims = _claims(REPORT)
    assert _speakers_of(claims, "But a new report") == []
