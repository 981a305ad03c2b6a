"""Places by the shape of how court papers and news name them (issue 17, round 12, h-place12)."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.places import shaped_places


def _places(text: str, kind: str | None = None) -> dict[str, list[str]]:
    entities = analyse(text, published=None, known=[], kind=kind).entities
    return {e.name: [m.text for m in e.mentions] for e in entities if e.kind == "place"}


#: AP, "In lawsuit over teen's death, judge rejects arguments that AI chatbots have free speech
#: rights", 2025-05-21,
#: http://www.ritews.com/national/in-lawsuit-over-teens-death-judge-rejects-arguments-that-ai-chatbots-have-free-speech-rights/4090627
AP_DATELINE = (
    "TALLAHASSEE, Fla. (AP) — A federal judge on Wednesday rejected arguments made by an "
    "artificial intelligence company that its chatbots are protected by the First Amendment."
)


#: the same story's photo caption: "FILE -" labels an archive photo, no dateline
AP_PHOTO = "FILE - In this undated photo provided by Megan Garcia of Florida in October 2024"


def test_a_datelines_city_and_abbreviated_state_are_places() -> None:
    places = _places(AP_DATELINE, "news_article")
    assert places.get("Tallahassee") == ["TALLAHASSEE"]
    assert places.get("Florida") == ["Fla."]  # grouped under the state's name
    assert "FILE" not in [AP_PHOTO[p.start : p.end] for p in shaped_places(AP_PHOTO)]


#: The National, "TikTok fights for US survival at the Supreme Court", 2025-01-11,
#: https://thenationalnews.com/future/technology/2025/01/11/tiktok-fights-for-us-survival-at-the-supreme-court
TIKTOK = (
    "Incredibly popular but increasingly embattled social media platform TikTok made its case to "
    "the US Supreme Court on Friday in a last-gasp effort to fight a law that could essentially "
    "ban the app in the US on January 19."
)


def test_the_us_as_a_noun_is_a_place_and_as_a_modifier_none() -> None:
    text_places = _places(TIKTOK, "news_article")
    assert text_places == {"United States": ["US"]}
    start = TIKTOK.rindex("US")
    entities = analyse(TIKTOK, published=None, known=[], kind="news_article").entities
    us = next(e for e in entities if e.name == "United States")
    assert [(m.start, m.end) for m in us.mentions] == [(start, start + 2)]


#: Patel v. Facebook, Inc., No. 18-15982 (9th Cir. Aug. 8, 2019), summary,
#: https://de.scribd.com/document/421345257/Patel-v-Facebook-9th-Circuit-Opinion
PATEL = (
    "The panel affirmed the district court’s order certifying a class of users of Facebook, Inc., "
    "who alleged that Facebook’s facial-recognition technology violated Illinois’s Biometric "
    "Information Privacy Act (“BIPA”)."
)


def test_a_possessive_owner_run_into_a_name_is_a_name_of_its_own() -> None:
    entities = analyse(PATEL, published=None, known=[], kind="opinion").entities
    kinds = {e.name: e.kind for e in entities}
    assert kinds.get("Illinois") == "place"
    assert kinds.get("Biometric Information Privacy Act") == "law"


#: "State of the Union" report story, CNNMoney, 2016-02-01 (Mozilla Readability's test page),
#: https://github.com/mozilla/readability/blob/498a7b2bf6b6c3460cb85bed57aad0f8196fd532/test/test-pages/cnn/expected.html
CNN = (
    "But a new report released on Monday by Stanford University's Center on Poverty and "
    "Inequality calls that into question."
)


def test_an_organisations_owner_is_found_too() -> None:
    names = {e.name for e in analyse(CNN, published=None, known=[], kind="news_article").entities}
    assert "Stanford University" in names


#: United States v. Balwani, No. 5:18-cr-00258-EJD (N.D. Cal.), status conference transcript,
#: 2020-12-08, caption, https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data1/gov.uscourts.cand.327949.640.0.pdf
BALWANI = (
    "UNITED STATES DISTRICT COURT\n"
    "NORTHERN DISTRICT OF CALIFORNIA\n"
    "SAN JOSE DIVISION\n"
    "UNITED STATES OF AMERICA, )\n"
    ") CR-18-00258-EJD\n"
    "PLAINTIFF, )\n"
    ") SAN JOSE, CALIFORNIA\n"
    "VS. )\n"
    ") DECEMBER 8, 2020\n"
)


def test_a_captions_venue_line_names_its_city() -> None:
    spans = {(BALWANI[p.start : p.end], p.name) for p in shaped_places(BALWANI)}
    assert ("SAN JOSE", "SAN JOSE") in spans
    assert ("CALIFORNIA", "California") in spans
    # "SAN JOSE DIVISION" and "NORTHERN DISTRICT OF CALIFORNIA" are the court's
    assert len(shaped_places(BALWANI)) == 2


#: Musk v. Altman, No. 4:24-cv-04722-YGR (N.D. Cal.), OpenAI's answer and counterclaims,
#: https://storage.courtlistener.com/recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.147.0_2.pdf
COUNTERCLAIMS = (
    "17          17.      The Court has personal jurisdiction over Counterclaim Defendant xAI, "
    "a corporation\n\n18    headquartered in California that has also availed itself of this "
    "forum by asserting claims in this"
)
#: the same answer, paragraph 3: "with the California Secretary of State" names a body
SECRETARY = (
    "22    out-of-state nonprofit corporation with the California Secretary of State and has its "
    "principal place"
)


def test_a_state_in_running_text_is_a_place_but_not_inside_a_longer_name() -> None:
    assert [COUNTERCLAIMS[p.start : p.end] for p in shaped_places(COUNTERCLAIMS)] == ["California"]
    assert shaped_places(SECRETARY) == []


#: The Well News, Supreme Court stories (Dan McCue), 2023-04-24,
#: https://www.thewellnews.com/supreme-court/page/4?amp=1
WELL_NEWS = (
    "High Court to Decide When Officials Can Block People on Social Media\n\n"
    "WASHINGTON — The Supreme Court on Monday agreed to determine whether the First Amendment "
    "protects social media users from being blocked on the personal pages of government "
    "officials."
)


def test_a_datelines_place_before_a_dash_is_a_place() -> None:
    assert _places(WELL_NEWS, "news_article") == {"Washington": ["WASHINGTON"]}
    # a story's label in capitals before the dash is no place
    assert shaped_places("EXCLUSIVE — The Supreme Court on Monday agreed") == []


#: Jagels v. State, No. ED108783 (Mo. Ct. App. 2021), caption,
#: https://github.com/freelawproject/doctor/blob/main/doctor/test_assets/missouri.pdf
JAGELS = (
    "Appellant,    ) Appeal from  the Circuit Court of\n"
    "      ) St. Charles County, Missouri\n"
    "vs.      ) No. 1711-CC00064\n"
)


def test_a_courts_county_and_state_are_the_courts() -> None:
    assert shaped_places(JAGELS) == []
