"""Court papers read properly: words hyphenated at line ends are read whole, and page furniture
(casebase.text.furniture) yields no entity, claim, event or citation; every span still points
into the text as given."""

from __future__ import annotations

from casebase.analysis.hyphens import join_hyphens
from casebase.analysis.pipeline import analyse
from casebase.analysis.types import KnownEntity
from casebase.text.furniture import find_furniture

# https://www.docketalarm.com/cases/Supreme_Court/16-402/Timothy_Ivory_Carpenter_Petitioner_v._United_States/06-22-2018-Judgment_REVERSED_and_case_REMANDED/
CARPENTER = (
    "the records at trial to show that Carpenter’s phone was near four of\n"
    "the robbery locations at the time those robberies occurred. Carpen-\n"
    "ter was convicted.\n"
)
# https://storage.courtlistener.com/recap/gov.uscourts.cand.433688/gov.uscourts.cand.433688.180.0_2.pdf
LETTER = (
    "       Pursuant to Paragraph 8(b) of the Court’s Standing Order in Civil Cases, the OpenAI\n"
    "Defendants respectfully submit this letter brief to seek the Court’s assistance with two "
    "discovery\nissues on which they have reached impasse.\n\n"
    "                          Sincerely,\n\n\n"
    "                          /s/ William Frentzen\n"
    "                          WILLIAM FRENTZEN (CA SBN 343918)\n"
    "                          WFrentzen@mofo.com\n"
    "                          JORDAN ETH (CA SBN 121617)\n"
    "                          JEth@mofo.com\n"
    "                          DAVID J. WIENER (CA SBN 291659)\n"
    "                          DWiener@mofo.com\n"
    "                          MORRISON & FOERSTER LLP\n"
    "                          425 Market Street\n"
    "                          San Francisco, CA 94105\n"
    "                          Telephone:(415) 268-7000\n"
)


def test_seen_text_joins_split_words_and_keeps_every_other_offset() -> None:
    text = "the Fourth Amend-\n  ment. Mr. Calderon-\nFuentes testified. A well-\n"
    seen, mapping = join_hyphens(text)
    assert seen == "the Fourth \n   Amendment. Mr. \nCalderon-Fuentes testified. A well-\n"
    assert len(seen) == len(text)
    for word in ("Amendment", "Calderon-Fuentes"):
        start, end = seen.index(word), seen.index(word) + len(word)
        assert mapping.original(end) == end  # the word ends where it did
        assert text[mapping.original(start) : end] in {"Amend-\n  ment", "Calderon-\nFuentes"}
    for offset in (0, 4, text.index(". Mr."), text.index("testified"), len(text) - 1):
        assert mapping.original(offset) == offset
        assert seen[offset] == text[offset]


def test_word_split_at_a_line_end_is_one_mention_of_the_name() -> None:
    analysis = analyse(CARPENTER, published=None, known=[])
    names = {e.name: e for e in analysis.entities}
    assert "Carpen" not in names
    split = CARPENTER.index("Carpen-")
    mentions = [(m.text, m.start, m.end) for m in names["Carpenter"].mentions]
    assert ("Carpen-\nter", split, split + len("Carpen-\nter")) in mentions
    for entity in analysis.entities:
        for m in entity.mentions:
            assert CARPENTER[m.start : m.end] == m.text


def test_signature_block_of_a_letter_holds_no_entities() -> None:
    furniture = find_furniture(LETTER)
    block = LETTER.index("/s/ William")
    assert furniture and all(start >= block for start, _ in furniture)
    # The firm is a known entity: the ruler would find it anywhere but in furniture.
    firm = [KnownEntity("morrison-foerster", "Morrison & Foerster LLP", "organization")]
    analysis = analyse(LETTER, published=None, known=firm, furniture=furniture)
    names = {e.name for e in analysis.entities}
    assert "OpenAI" in names  # the letter's text is read as before
    for entity in analysis.entities:
        assert all(m.start < block for m in entity.mentions), entity.name
    bare = analyse(LETTER, published=None, known=firm)
    assert any(m.start > block for e in bare.entities for m in e.mentions)  # else no test
    # Without furniture ranges the address is still no place: "425 Market Street", "San
    # Francisco, CA 94105" (casebase.analysis.not_names).
    assert not {"San Francisco", "Market Street"} & {e.name for e in bare.entities}


def test_a_claim_in_furniture_is_dropped_but_one_a_running_head_interrupts_is_kept() -> None:
    # The same letter's sentence, with a running head and a page number printed inside it.
    text = (
        "Pursuant to Paragraph 8(b), the OpenAI Defendants said that Musk refused to\n"
        "Case 4:24-cv-04722-YGR Document 180 Filed 06/20/25 Page 2 of 4\n"
        "collect and search all of his relevant personal devices.\n"
    )
    stamp = text.index("Case 4:24")
    furniture = [(stamp, text.index("\ncollect"))]
    analysis = analyse(text, published=None, known=[], furniture=furniture)
    assert len(analysis.claims) == 1
    assert analysis.citations == []  # the stamp's docket number is furniture
    assert analyse(text, published=None, known=[]).citations  # else no test
    only_furniture = analyse(text, published=None, known=[], furniture=[(0, len(text))])
    assert only_furniture.claims == [] and only_furniture.entities == []


def test_a_running_title_of_a_plain_text_is_no_entity_mention() -> None:
    """State v. Mitcham (Ariz. 2024) as CourtListener's plain text,
    https://www.courtlistener.com/opinion/10293607/state-of-arizona-v-ian-mitcham/: the
    running title "STATE V. MITCHAM" recurs on every page (no page map); the text stage marks
    it and the analysis reads no mention there, while the case cited in the text stays.
    The filler sentences are made up."""
    filler = "The police kept the second vial of blood in the evidence room for years.\n" * 8
    text = "See State v. Mitcham, 256 Ariz. 104 (App. 2023).\n" + "".join(
        f"{filler}\n{' ' * 37}{n}\n{' ' * 29}STATE V. MITCHAM\n{' ' * 28}Opinion of the Court\n\n"
        for n in range(2, 6)
    )
    furniture = find_furniture(text)
    heads = [s for s, e in furniture if text[s:e] == "STATE V. MITCHAM"]
    assert len(heads) == 4
    result = analyse(text, published=None, known=[], furniture=furniture)
    mentions = [m.start for e in result.entities for m in e.mentions]
    assert not set(heads) & set(mentions)
