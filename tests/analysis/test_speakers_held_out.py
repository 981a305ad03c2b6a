"""Claim speakers held out (round 11, issue 17): general causes of wrong speakers and missed
claims found on development and on a blind held-out set of whole documents. Short real
passages (a sentence or two of each), the URL of each in a comment."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse


def _claims(text: str, kind: str | None = "news_article") -> list[tuple[str | None, str, str]]:
    return [
        (c.speaker, c.verb, c.sentence)
        for c in analyse(text, published=None, known=[], kind=kind).claims
    ]


def _speaker_of(claims: list[tuple[str | None, str, str]], start: str) -> str | None:
    found = [s for s, _, sentence in claims if sentence.lstrip("* ").startswith(start)]
    assert found, f"no claim in the sentence starting {start!r}: {claims}"
    return found[0]


# Cryptopolitan, "Amazon to pay $2.5 billion to settle FTC Prime trial"
# (https://www.mitrade.com/es/articulo/news/live-news/article-3-1150682-20250926)
AMAZON = (
    "The Federal Trade Commission made the announcement Thursday, according to information "
    "from the agency. The settlement shuts down a jury trial that had barely started in "
    "Seattle, just three days in, and stops the risk of Amazon being hit with even bigger "
    "penalties if the jury had ruled against them.\n\nThe agency had accused Amazon of using "
    "design tricks to get people to sign up for Prime without full consent, and also claimed "
    "the company deliberately set up confusing cancellation processes.\n\nAbout 35 million "
    "customers were affected, according to the complaint."
)


def test_a_subjects_antecedent_is_never_its_own_verbs_object() -> None:
    # "The agency had accused Amazon": the agency is not Amazon, the only organization of the
    # sentence before; it is the Commission of the sentence before that
    claims = _claims(AMAZON)
    assert _speaker_of(claims, "The agency had accused") == "Federal Trade Commission"


def test_a_complaint_nobody_is_said_to_have_filed_is_the_earlier_accusers() -> None:
    claims = _claims(AMAZON)
    assert _speaker_of(claims, "About 35 million") == "Federal Trade Commission"


# ai-tldr.dev, "Musk admits xAI 'partly' trained Grok on OpenAI's models"
# (https://ai-tldr.dev/releases/musk-xai-openai-distillation-testimony/)
MUSK = (
    "Elon Musk took the stand on April 30 in his California federal suit against OpenAI, Sam "
    "Altman, and Greg Brockman, which alleges OpenAI breached its original nonprofit mission "
    "by going for-profit. Asked directly whether xAI used distillation on OpenAI models to "
    "train Grok, he answered 'partly,' and described the technique as a 'general practice "
    "among AI companies.'"
)


def test_which_is_never_a_person() -> None:
    # the parser hangs "which alleges" on "Greg Brockman": "which" is the suit, Musk's
    claims = _claims(MUSK)
    assert _speaker_of(claims, "Elon Musk took the stand") == "Elon Musk"
    # and so "he" has one subject to stand for, not two
    assert _speaker_of(claims, "Asked directly") == "Elon Musk"


# Livemint, "OpenAI vs Elon Musk: Sam Altman says ..."
# (https://www.livemint.com/companies/news/openai-vs-elon-musk-sam-altman-says-getting-xai-ceo-under-oath-will-be-christmas-in-april/amp-11770195516563.html)
MAKER = (
    "OpenAI CEO Sam Altman has launched another attack at Elon Musk. Notably, Musk had filed a "
    "lawsuit against OpenAI in 2024.\n\nThe ChatGPT maker says it requested documents from xAI "
    "to verify claims that the company faced barriers in the generative AI space."
)


def test_a_product_in_the_subject_phrase_never_speaks() -> None:
    claims = _claims(MAKER, kind=None)
    assert _speaker_of(claims, "The ChatGPT maker says") != "ChatGPT"


# iDownloadBlog, "Apple wins court order blocking class action in anti-poaching lawsuit"
# (https://github.com/chenshengxmu/chenshengxmu.github.io/blob/HEAD/_posts/2013-04-07-apple-wins-blocking-antipoaching-suit.md)
KOH = (
    "* Bloomberg reported that U.S. District Judge Lucy Koh Friday denied class action "
    "certification over accusations that said companies illegally conspired not to recruit one "
    "another’s employees, which the plaintiffs said resulted in their incomes being held down "
    "by their employers.\n* A lawyer for the plaintiffs said in a written statement that a "
    "renewed motion will be filed, citing the significant amounts of evidence suggesting these "
    "illegal anti-poaching agreements were commonplace."
)


def test_a_ruling_reported_by_another_speaker_is_a_claim_of_its_own() -> None:
    first = [(s, v) for s, v, sentence in _claims(KOH) if sentence.startswith("* Bloomberg")]
    assert ("Bloomberg", "reported") in first
    assert ("Lucy Koh", "denied") in first
    # "which the plaintiffs said": a party of the case the story does not name
    assert (None, "said") in first


def test_a_lawyer_for_a_party_speaks_for_it() -> None:
    claims = _claims(KOH)
    assert [v for _, v, c in claims if c.lstrip("* ").startswith("A lawyer")] == ["said"]
    assert _speaker_of(claims, "A lawyer for the plaintiffs") is None  # never named


# iDownloadBlog, "Court rejects faulty iPhone power button suit"
# (https://github.com/chenshengxmu/chenshengxmu.github.io/blob/HEAD/_posts/2013-08-30-court-rejects-iphone-power-button-case.md)
FEESS = (
    "* A California U.S. District judge derailed a potential class-action lawsuit against Apple "
    "and AT&T earlier this week, rejecting a complaint that the two companies conspired against "
    "fixing a defect in the popular iPhone 4 and iPhone 4S handsets.\n* On Wednesday, U.S. "
    "District Court Judge Gary Feess dismissed the argument for a racketeering charge.\n"
    "* Additionally, the judge called “speculative” the claims made by Ross Missaghi and "
    "Charles Thompson.\n* The two alleged a faulty design of the power button on the iPhone 4 "
    "and iPhone 4S posed a safety hazard.\n* The lawsuit had alleged the claim fell under the "
    "RICO statue, since Apple and AT&T supposedly conspired to hide the defect in order to sell "
    "more of the phones."
)


def test_a_ruling_participle_is_a_ruling() -> None:
    claims = _claims(FEESS)
    assert _speaker_of(claims, "A California U.S. District judge") == "Gary Feess"


def test_the_two_are_the_pair_named_before() -> None:
    claims = _claims(FEESS)
    assert _speaker_of(claims, "The two alleged") == "Ross Missaghi"
    # whose allegations make the lawsuit theirs, as no one is said to have filed it
    assert _speaker_of(claims, "The lawsuit had alleged") == "Ross Missaghi"


# CNA (Reuters), "Judge rejects Musk's bid to block OpenAI's profit transition"
# (https://www.channelnewsasia.com/business/judge-rejects-musks-bid-block-openais-profit-transition-4977481?cid=cna_flip_070214)
ROGERS = (
    "A U.S. court on Tuesday denied billionaire entrepreneur Elon Musk a preliminary injunction "
    "he was seeking against ChatGPT-maker OpenAI's efforts to convert into a for-profit firm."
    "\n\nU.S. District Judge Yvonne Gonzalez Rogers in Oakland, California said Musk has not "
    'met "the high burden required for a preliminary injunction" to block the conversion.'
)


def test_a_story_s_court_is_its_one_judge() -> None:
    claims = _claims(ROGERS)
    assert _speaker_of(claims, "A U.S. court on Tuesday") == "Yvonne Gonzalez Rogers"
    # in a court's own paper "a U.S. court" is no judge's
    assert _speaker_of(_claims(ROGERS, "opinion"), "A U.S. court on Tuesday") is None


# Statebridge opinion, D.N.J. 2015 (2015 U.S. Dist. LEXIS 82496), page 86 as scanned
# (https://github.com/Eyeswidewoke/PDF-FIles/blob/HEAD/content/docs/document-scans/legal-filing/legal-filing+deposition-transcript+scanned-document__EFTA01295633_20260130_p087_i001.md)
ALSTON = (
    "In Alston, the Third Circuit considered allegations of wrongful conduct involving \n"
    'unlawful kickbacks. "Plaintiffs may not sue . . . if they simply think that the price '
    'they paid \nfor their settlement services was unfair," the Court found, but plaintiffs '
    '"may allege a \nviolation of fair business practices through the use of illegal kickback '
    'payments."'
)


def test_a_condition_inside_a_quotation_is_what_was_said() -> None:
    claims = _claims(ALSTON, "opinion")
    assert [(s, v) for s, v, _ in claims] == [("Third Circuit", "found")]


# Calvary Chapel of Bangor v. Mills, 1st Cir. 2020 (first lines of the caption, two sentences)
# (https://github.com/freelawproject/doctor/blob/main/doctor/test_assets/recap_documents/ca1_00117684624.pdf)
CALVARY = (
    "United States Court of Appeals\nFor the First Circuit\n\n\n\nNo. 20-1507\nCALVARY CHAPEL "
    "OF BANGOR,\nPlaintiff, Appellant,\nv.\nJANET T. MILLS, in her official capacity as "
    "Governor of the\nState of Maine,\n\nDefendant, Appellee.\n\n\n"
    "In the court below, plaintiff-appellant Calvary Chapel of Bangor\n(the Chapel) contended "
    "that these orders violated several federal\nand state constitutional and statutory "
    "provisions.  The Chapel contends that the district court's decision\nto deny it a "
    "temporary restraining order functionally precluded\nany possibility of a remedy."
)


def test_a_short_name_defined_after_a_case_s_short_form_is_its_party() -> None:
    # "Calvary Chapel of Bangor" there is read as the case's short form; "the Chapel" is the
    # party, not an organization of its own
    claims = _claims(CALVARY, "opinion")
    assert _speaker_of(claims, "The Chapel contends") == "Calvary Chapel of Bangor"


# Newser, "Musk-Led Group Seeks to Buy OpenAI for $97.4B"
# (https://www.newser.com/story/364048/musk-led-group-seeks-to-buy-openai-for-974b.html)
TOBEROFF = (
    "Musk—who has his own AI startup, xAI—and a consortium of investment firms want to take "
    "control of the ChatGPT maker and revert it to its original charitable mission as a "
    "nonprofit research lab, according to Musk's attorney Marc Toberoff.\n\nToberoff said the "
    'consortium will match or exceed any higher bids, the Wall Street Journal reports. "If Sam '
    "Altman and the present OpenAI Inc. Board of Directors are intent on becoming a fully "
    "for-profit corporation, it is vital that the charity be fairly compensated for what its "
    'leadership is taking away from it," he said in a statement.'
)


def test_the_agent_named_in_the_phrase_speaks_not_its_possessor() -> None:
    claims = _claims(TOBEROFF)
    assert _speaker_of(claims, "Musk—who has") == "Marc Toberoff"


def test_a_name_inside_a_quotation_is_no_antecedent() -> None:
    # "he said" after a quotation naming Sam Altman is the speaker named before it
    claims = _claims(TOBEROFF)
    assert _speaker_of(claims, '"If Sam') == "Marc Toberoff"


# iDownloadBlog (as KOH above): "As we reported earlier, ..."
def test_as_someone_reported_reports_the_main_clause() -> None:
    text = (
        "* A lawyer for the plaintiffs said in a written statement that a renewed motion will "
        "be filed. As we reported earlier, the case could see the current Apple CEO Tim Cook "
        "and the former Intel CEO Paul Otellini both questioned."
    )
    assert [(s, v) for s, v, c in _claims(text) if c.startswith("As we")] == [(None, "reported")]


# Press Gazette, "Publishers versus AI: All the copyright legal rulings so far"
# (https://pressgazette.co.uk/media_law/ai-legal-rulings), two sections of the roundup
ROUNDUP = (
    "But US District Judge Colleen McMahon said they had “nowhere alleged that the information "
    "in their articles is copyrighted, nor could they do so”.\n\n*June 2025:*\nA US judge "
    "denied partial summary judgment for a group of authors against Meta, saying the company’s "
    "use of pirated books to train its Llama AI models was fair use and transformative.\n\nUS "
    "District Judge for the Northern District of California Vince Chhabria also found: “Meta "
    "has defeated the plaintiffs’ half-hearted argument that its copying causes or threatens "
    "significant market harm.”\n\nHowever the judge said he did not believe the case set a "
    "wider precedent."
)


def test_an_indefinite_judge_is_never_one_named_before() -> None:
    # "A US judge" introduces the judge the next sentence names, not the last section's
    claims = _claims(ROUNDUP)
    assert _speaker_of(claims, "A US judge denied") == "Vince Chhabria"
    # whose title stands before the court's name: "Judge for the Northern District of
    # California Vince Chhabria"; "the judge" after him is him
    assert _speaker_of(claims, "However the judge said") == "Vince Chhabria"
