"""False organizations and products taken for organizations, by the shape of the phrase
(issue 17, round 12, h-orgs12). Short excerpts of real texts, each with its source."""

from __future__ import annotations

from casebase.analysis.entities import Candidate, _screen, _short_forms
from casebase.analysis.pipeline import analyse


def _kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in analyse(text, published=None, known=[]).entities}


#: Bartz v. Anthropic, summary-judgment order as reported by ChatGPT Is Eating the World,
#: https://chatgptiseatingtheworld.com/2025/06/24/judge-alsup-grants-partial-summary-judgment-to-anthropic-ruling-training-copies-were-fair-use-but-judge-rules-no-fair-use-in-pirated-copies-of-books-used-to-build-a-central-library-they-are-infring/?nb=1
BARTZ = (
    "Judge Alsup ruled that Anthropic’s acquisition of pirated books from shadow libraries "
    "(Books3, LibGen, and Pirate Library Mirror) that Anthropic used to create its own general, "
    "purpose library was not fair use."
)

#: Voz, "Federal judge approves AI company Anthropic to pay $1.5 billion ...",
#: https://voz.us/en/technology/250926/29324/federal-judge-approves-ai-company-anthropic-to-pay-1-5-billion-to-settle-copyright-lawsuit.html
VOZ = (
    "The authors alleged that the startup downloaded thousands of works from repositories such "
    "as Library Genesis and Pirate Library Mirror."
)

#: Meta Platforms, Inc. v. Bright Data Ltd., N.D. Cal. 2024, order,
#: http://casetext.com/case/meta-platforms-inc-v-bright-data-ltd-6
META = (
    "Meta is a technology company headquartered in California that operates, among other "
    "products, Facebook and Instagram. Facebook is a social networking website and mobile "
    "application. Meta also operates Instagram, a photo and video sharing website and mobile "
    "application. Instagram users can create a personal profile."
)

#: Livemint, "OpenAI vs Elon Musk: Sam Altman says getting xAI CEO under oath will be
#: 'Christmas in April'",
#: https://www.livemint.com/companies/news/openai-vs-elon-musk-sam-altman-says-getting-xai-ceo-under-oath-will-be-christmas-in-april/amp-11770195516563.html
LIVEMINT = (
    "Notably, xAI had sued the iPhone maker and OpenAI in August last year over the company's "
    "partnership. Altman wrote, “Really excited to get Elon under oath in a few months, "
    "Christmas in April!”"
)


def test_members_of_a_list_opened_by_a_class_of_made_things_are_products() -> None:
    kinds = _kinds(BARTZ)
    assert kinds.get("LibGen") == "product"
    assert kinds.get("Pirate Library Mirror") == "product"
    assert kinds.get("Anthropic") == "organization"
    kinds = _kinds(VOZ)
    assert kinds.get("Library Genesis") == "product"
    assert kinds.get("Pirate Library Mirror") == "product"


def test_a_class_noun_in_apposition_makes_every_mention_a_product() -> None:
    kinds = _kinds(META)
    assert kinds.get("Facebook", "product") == "product"  # in this excerpt the model misses it
    assert kinds.get("Instagram") == "product"  # all four mentions, whatever the model said
    assert kinds.get("Meta") == "organization"


def test_the_name_before_maker_is_a_product_and_a_holiday_no_name() -> None:
    kinds = _kinds(LIVEMINT)
    assert kinds.get("iPhone") == "product"
    assert kinds.get("xAI") == "organization"
    assert "Christmas" not in kinds


#: St. Pierre v. Standard Insurance Co., 5th Cir. No. 21-50498 (2022), opinion (text layer),
#: https://github.com/freelawproject/doctor/blob/main/doctor/test_assets/recap_documents/ca5_00516242060.pdf
ST_PIERRE = (
    "Appellant Vanessa St. Pierre claims that she properly acquired a dependent life insurance "
    "policy. In August 2014, St. Pierre became an employee for the City. Appellees moved to "
    "dismiss St. Pierre’s claims. She also alleged that the City acted as an agent of Dearborn "
    "under Texas Insurance Code § 4001.003(1), making Dearborn liable for the City’s actions."
)


def test_a_statute_run_into_its_section_is_the_statute() -> None:
    kinds = _kinds(ST_PIERRE)
    assert kinds.get("Texas Insurance Code") == "law"
    assert not any("§" in name for name in kinds)


def test_a_surname_of_two_words_joins_the_one_person_it_ends() -> None:
    entities = analyse(ST_PIERRE, published=None, known=[]).entities
    people = [e for e in entities if "Pierre" in e.name]
    assert [(e.name, e.kind) for e in people] == [("Vanessa St. Pierre", "person")]

    # in the whole opinion the model also reads "St. Pierre" as a person of its own and
    # "Pierre" (of "St. Pierre’s claims") as an organization: "Pierre" has two longer names
    # ending with it, one inside the other, and is the longer one's
    def cand(form: str, kind: str, nth: int = 0) -> Candidate:
        at = ST_PIERRE.index(form, ST_PIERRE.index(form) + 1) if nth else ST_PIERRE.index(form)
        return Candidate(at, at + len(form), form, kind, key=f"name:{form.lower()}")

    full, short = cand("Vanessa St. Pierre", "person"), cand("St. Pierre", "person", 1)
    pierre = Candidate(
        ST_PIERRE.index("Pierre’s"),
        ST_PIERRE.index("Pierre’s") + 6,
        "Pierre",
        "organization",
        key="name:pierre",
    )
    _short_forms([full, short, pierre], ST_PIERRE)
    assert (pierre.key, pierre.kind) == (full.key, "person")


#: House Financial Services Committee, "The Future of the Auto Industry" (2008), hearing,
#: https://www.govinfo.gov/content/pkg/CHRG-110hhrg46594/html/CHRG-110hhrg46594.htm
HOUSE = (
    "The bill names a board including the \nSecretary of Energy, the Secretary of Labor, the "
    "Secretary of \nTransportation, the Administrator of the EPA, and the Secretary \nof the "
    "Treasury; and it specifically says later on in the bill that the board decides."
)


def test_the_field_of_a_secretary_is_no_organization() -> None:
    names = set(_kinds(HOUSE))
    assert "Transportation" not in names
    assert "Treasury" not in names


#: Griffo v. Oculus VR, Inc., C.D. Cal. No. 8:15-cv-01228, declaration of Michael S. Kwun
#: (caption and running footer, text layer with pleading line numbers),
#: https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.624449.132.0.pdf
GRIFFO = (
    "SOUTHERN DIVISION (SANTA ANA)\n15\nJULIANA GRIFFO, Case No. 8:15-cv-01228 DOC (MRWx)\n16\n"
    "Plaintiff, DECLARATION OF MICHAEL S.\n17 KWUN IN RESPONSE TO DKT. 127\n"
    "APPLICATIONS FOR LEAVE TO FILE UNDER SEAL\nCASE NO. 8:15-CV-01228 DOC (MRWX)\n31\n"
)


def test_a_magistrate_judges_initials_in_a_docket_number_are_no_organization() -> None:
    names = set(_kinds(GRIFFO))
    assert not names & {"MRWx", "MRWX"}
    # the model reads "MRWx" as an organization only with the whole caption page around it
    # (counsel's addresses above it): the screen itself, on the candidate it gets
    at = GRIFFO.index("MRWx")
    cand = Candidate(at, at + 4, "MRWx", "organization")
    assert _screen(GRIFFO, [cand]) == []
    name = GRIFFO.index("JULIANA GRIFFO")
    person = Candidate(name, name + 14, "JULIANA GRIFFO", "person")
    assert _screen(GRIFFO, [person]) == [person]


#: Studicata, summary of Meta Platforms, Inc. v. Bright Data Ltd. (N.D. Cal. 2024),
#: https://www.studicata.com/summaries/united-states-district-court-northern-district-of-california/meta-platforms-inc-v-bright-data-limited-2024-gwhuof
STUDICATA = (
    "The court began its analysis by examining the language of Meta's Terms of Service, which "
    "explicitly governed the use of Facebook and Instagram. The court also considered the "
    "implications of the survival clause in Meta's Terms, which did not apply to "
    "post-termination scraping activities."
)


def test_an_instrument_named_by_its_head_noun_is_no_organization() -> None:
    kinds = _kinds(STUDICATA)
    assert "Terms of Service" not in kinds
    assert "Terms" not in kinds
    assert kinds.get("Meta") == "organization"
