"""Capitalised words in court papers that are not names of anything casebase records.

Court papers capitalise far more than names: the documents of the case ("the Smith
Declaration", "the Preservation Order", "Plaintiffs-Appellees' Motion"), defined party roles
("Counterclaim Plaintiffs", "the News Plaintiffs"), numbered parts and record references
("Docket Entry No. 20", "Exhibit W", "Page 5 of 15", "Rule 12"), forms of address ("Your
Honor"), addresses ("1939 Harrison Street, Suite 420", "Los Angeles, CA") and the words a
place gives a court's name ("UNITED STATES DISTRICT COURT"). These are told by the phrase's
head noun and by what stands right before and after it in the text, never by the name itself.
Entities linked to the knowledge base are never dropped by these tests (the caller checks).
"""

from __future__ import annotations

import re

from casebase.analysis import us_states

#: Head nouns of documents, their parts and procedural events: a capitalised phrase headed by
#: one names a paper of the case or a step in it, not a person, organization, court or law.
DOCUMENT_HEADS = frozenset({
    "affidavit", "affidavits", "affirmation", "application", "applications", "brief", "briefs",
    "certificate", "charter", "circular", "complaint", "contents", "declaration",
    "declarations", "deposition", "depositions", "designation", "docket", "dktentry", "entry",
    "excerpts", "exhibit", "exhibits", "filing", "memorandum", "mem", "minutes", "motion",
    "motions", "notice", "offer", "opinion", "order", "orders", "paragraph", "paragraphs",
    "petition", "record", "report", "rule", "rules", "statement", "stipulation", "subpoena",
    "summary", "table", "transcript",
    # papers a brief answers and their record-cite abbreviations ("Def. Reply at 8", "Pls'
    # Surreply", "Answer to Pls' 2d Am. Compl.", "Legates Decl. at ¶ 11"; issue 17, round 11)
    "reply", "replies", "surreply", "sur-reply", "answer", "opposition", "decl", "aff", "compl",
})  # fmt: skip
#: Party roles a filing capitalises as defined terms ("Counterclaim Defendants").
ROLE_HEADS = frozenset({
    "plaintiff", "plaintiffs", "defendant", "defendants", "appellant", "appellants",
    "appellee", "appellees", "petitioner", "petitioners", "respondent", "respondents",
    "claimant", "claimants", "counsel",
})  # fmt: skip
#: Words that open a role phrase before a name ("Counterclaim Defendant Elon Musk").
ROLE_OPENERS = ROLE_HEADS | {"counterclaim", "counter-claim", "third-party"}

_WORD = re.compile(r"[A-Za-z]+(?:[-/][A-Za-z]+)*")
_OF = re.compile(r"\s(?:of|to|for|in)\s")


def head_word(name: str) -> str:
    """The head noun of a capitalised phrase, lower-cased: the last word, or the last word
    before its first "of"/"to"/"for"/"in" ("Statement of Related Cases" -> "statement");
    for a hyphened or slashed role ("Plaintiffs-Appellees", "Defendants/Appellants") its
    first part."""
    before = _OF.split(name, maxsplit=1)[0]
    words = _WORD.findall(before)
    if not words:
        return ""
    last = words[-1].lower()
    first_part = re.split(r"[-/]", last)[0]
    return first_part if first_part in ROLE_HEADS else last


#: Head nouns of the instruments parties sign or publish: "the Settlement Agreement", "Terms of
#: Service", "Privacy Policy", "the Agreement" — a paper, not a body or a product (issue 17,
#: round 12). Not for a law's kind: a treaty ("the Paris Agreement") is annotated as a law.
CONTRACT_HEADS = frozenset({
    "agreement", "agreements", "contract", "contracts", "terms", "policy", "policies",
    "bylaws", "addendum", "amendments",
})  # fmt: skip


def is_contract(name: str) -> bool:
    """ "Settlement Agreement", "Terms of Use", "Privacy Policy": an instrument, by its head."""
    return head_word(name) in CONTRACT_HEADS


def is_document_or_role(name: str) -> bool:
    """ "Smith Declaration", "May 13 Preservation Order", "Table of Contents", "Counterclaim
    Plaintiffs", "Defendants/Appellants": headed by a document noun or a party role."""
    head = head_word(name)
    return head in DOCUMENT_HEADS or head in ROLE_HEADS


def strip_role_opener(name: str) -> int:
    """How many characters of ``name`` are a leading party role ("Defendant X.AI Corp.",
    "Counterclaim Defendant Musk"): 0 when none, or when the role is the whole name."""
    pos = 0
    for m in re.finditer(r"\S+\s*", name):
        word = m.group(0).strip().lower()
        if word not in ROLE_OPENERS:
            break
        pos = m.end()
    return pos if pos < len(name.rstrip()) else 0


#: Nouns that label numbered parts and references; with a number or letter after them
#: ("Page 5", "Section 5", "Count II") the phrase is a reference ("Page" alone may be a name).
REFERENCE_HEADS = frozenset({
    "page", "pages", "section", "sections", "rule", "rules", "exhibit", "exhibits",
    "paragraph", "paragraphs", "docket", "entry", "dktentry", "count", "counts",
    "part", "appendix", "footnote", "item", "schedule", "tab", "volume", "ctrm",
})  # fmt: skip
#: A numbered reference right after the phrase: "Page 5", "Exhibit W", "Rule 12(b)",
#: "Docket Entry No. 20", "DktEntry: 19", "Paragraph 8(b)".
_NUMBERED_AFTER = re.compile(
    r"^(?::\s*|\s+)(?:Nos?\.\s*)?(?:\d|(?:[A-Z]|[IVXL]{2,6})(?:[\s,.;:)]|$))"
)  # "Count IV)", "Part II:": a roman numeral labels a part as a letter does (issue 17, round 8)
_TRAILING_LABEL = re.compile(r"(?:\s+(?:Nos?\.?|[A-Z]|[IVX]+|\d[\w.()-]*),?)+$")
_LABEL = re.compile(r"^(?:[A-Z]|[IVX]+|\d+)$")
#: Forms of address ("Your Honor", "Your Excellency"): the word after "Your" is no name.
_ADDRESS_FORM_BEFORE = re.compile(r"\b(?:Your|YOUR|your)(?:\s+\d{1,2})?\s+$")
#: What follows a place in a postal address: a two-letter state code with a ZIP code, or
#: at the end of an address element ("Los Angeles, CA, for Plaintiffs").
_POSTAL_AFTER = re.compile(r"^,\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?\b|\s*[,;\n]|\s*$|[ ]for[ ])")
#: A state written out with its ZIP code after a place ("San Francisco, California
#: 94105-2482"), or the ZIP code right after the place itself ("California 94710").
_ZIP_AFTER = re.compile(
    r"^(?:,[ \t]*(?:" + "|".join(n for n in us_states.ABBREVIATIONS if "." not in n) + r"))?"
    r"[ \t]+\d{5}(?:-\d{4})?\b"
)
#: A street address: a house number before the street ("1939 Harrison Street").
_STREET_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th|[A-Za-z])?\s+$")
_STREET_HEADS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
    "way", "plaza", "suite", "floor",
})  # fmt: skip
#: A court or a judge's title after the phrase: the place is part of the court's name ("UNITED
#: STATES DISTRICT COURT", "United States Court of Appeals") or of the title ("United States
#: District Judge"), and places nested in court names and titles are no entity.
_COURT_QUALIFIER = (
    r"(?:district|bankruptcy|circuit|supreme|superior|county|appellate|magistrate|chief|senior)"
)
_COURT_AFTER = re.compile(
    rf"^\s+(?:(?:{_COURT_QUALIFIER}\s+)*court|(?:{_COURT_QUALIFIER}\s+)+(?:judge|justice))\b",
    re.IGNORECASE,
)  # "the California judge" names a place: only a titled judge ("District Judge") does not


def is_reference_label(text: str, end: int, name: str) -> bool:
    """``name``, ending at ``end``, labels a numbered part ("Page 5", "Exhibit W")."""
    labelled = _TRAILING_LABEL.sub("", name)
    if labelled != name and labelled:
        words = _WORD.findall(labelled)  # "Page 5", "Docket Entry No. 20": the label inside
        return bool(words) and words[-1].lower() in REFERENCE_HEADS
    words = _WORD.findall(name)
    while len(words) > 1 and (words[-1] in {"No", "Nos"} or _LABEL.match(words[-1])):
        words.pop()  # "Exhibits A", "Docket Entry Nos": the label inside the phrase
        if words[-1].lower() in REFERENCE_HEADS:
            return True
    return (
        bool(words)
        and words[-1].lower() in REFERENCE_HEADS
        and bool(_NUMBERED_AFTER.match(text[end : end + 12]))
    )


#: Titles of office and forms of address: a phrase made of these alone ("Chairman", "Mr.
#: Chairman", "Ranking Member", "Madam Chairwoman", "Congressman", "the Secretary") addresses
#: or names a post, not a person; before a name ("Chairman Frank", "Secretary Paulson") they
#: are no part of it (the annotation rule: titles are not part of the span).
TITLE_WORDS = frozenset({
    "chairman", "chairwoman", "chair", "chairperson", "co-chairman", "co-chair", "vice",
    "ranking", "member", "members", "congressman", "congresswoman", "congressmen",
    "senator", "senators", "representative", "delegate", "secretary", "undersecretary",
    "under", "assistant", "deputy", "acting", "governor", "commissioner", "director",
    "administrator", "ambassador", "madam", "madame", "mister", "mr", "ms", "mrs", "dr",
    "sen", "rep", "honorable", "gentleman", "gentlelady", "gentlewoman",
})  # fmt: skip


#: The words of a court's generic name: "the Court of Appeals", "Federal Court", "the
#: District Court", "Bankruptcy Court" say what kind of court, not which (a named court has
#: its place or circuit: "Court of Appeals for the Ninth Circuit", "Supreme Court").
_GENERIC_COURT_WORDS = frozenset({
    "court", "courts", "of", "the", "appeals", "appeal", "federal", "district", "bankruptcy",
    "circuit", "trial", "appellate", "state", "county", "superior", "lower", "this",
    "honorable",  # "This Honorable Court" (a clerk's call to order)
})  # fmt: skip


def is_generic_court(name: str) -> bool:
    """ "Court of Appeals", "Federal Court": a kind of court, no court's name."""
    words = [w.lower() for w in _WORD.findall(name)]
    return "court" in words and all(w in _GENERIC_COURT_WORDS for w in words)


#: Nouns of an office or post: a phrase headed by one ("President", "Chief Executive Officer",
#: "Principal Financial and Accounting Officer", "Acting Solicitor", "Deputy Clerk") names a
#: post, not whoever holds it (issue 17, round 8); "President Biden", "Officer Smith" are
#: headed by the name.
OFFICE_HEADS = frozenset({
    "president", "vice-president", "officer", "officers", "solicitor", "clerk", "treasurer",
    "mayor", "sheriff", "chancellor", "director", "secretary", "chairman", "chairwoman",
    "commissioner", "administrator", "superintendent", "prosecutor", "comptroller",
})  # fmt: skip


def is_office(name: str) -> bool:
    """A post named by its head noun: "President", "Chief Financial Officer"."""
    return head_word(name) in OFFICE_HEADS


def is_bare_title(name: str) -> bool:
    """A title or form of address with no name in it: "Chairman", "Mr. Chairman", "Ranking
    Member", "Madam Chairwoman", "Congresswoman"."""
    words = [w.lower() for w in _WORD.findall(name)]
    return bool(words) and all(w in TITLE_WORDS for w in words)


def strip_title(name: str) -> int:
    """How many characters of ``name`` are leading titles before a name ("Chairman Frank",
    "Ranking Member Bachus", "Secretary Paulson"): 0 when none, or when the title is all."""
    pos = 0
    for m in re.finditer(r"\S+\s*", name):
        word = m.group(0).strip().rstrip(".").lower()
        if word not in TITLE_WORDS:
            break
        pos = m.end()
    return pos if pos < len(name.rstrip()) else 0


def is_address_form(text: str, start: int) -> bool:
    """ "Your Honor", also across a transcript's line break and line number."""
    return bool(_ADDRESS_FORM_BEFORE.search(text[max(0, start - 40) : start]))


#: A ZIP code later on the same line, after commas and capitalised words only ("233
#: Broadway, New York, New York 10279").
_ZIP_LATER = re.compile(r"^(?:,?[ \t]+[A-Z][A-Za-z.'’-]*)*,?[ \t]+\d{5}(?:-\d{4})?\b")
#: A house number right before the name ("233 Broadway"), not a year or a count in a sentence
#: (the ZIP after it tells).
_HOUSE_NUMBER_BEFORE = re.compile(r"(?:^|[\s,(])\d{1,5}[ ]$")


def in_postal_address(text: str, start: int, end: int, name: str) -> bool:
    """ "San Francisco, CA 94158", "Los Angeles, CA, for Plaintiffs", "Berkeley, California
    94710" (and its "California"), "1939 Harrison Street",
    "Suite 420": part of an address (page furniture by the annotation rules), not a place
    named in the text."""
    if _POSTAL_AFTER.match(text[end : end + 16]) or _ZIP_AFTER.match(text[end : end + 32]):
        before = text[max(0, start - 40) : start].rstrip(" \t")
        # an address element follows a comma, a line break or a street number; "in
        # Washington, DC, where ..." is running text
        return (
            not before
            or before[-1] in ",\n"
            or before[-1].isdigit()
            or bool(_STREET_BEFORE.search(text[max(0, start - 8) : start]))
        )
    if _HOUSE_NUMBER_BEFORE.search(text[max(0, start - 8) : start]) and _ZIP_LATER.match(
        text[end : end + 60]
    ):
        return True  # a street without its head noun: "233 Broadway, New York, New York 10279"
    last = name.rsplit(None, 1)[-1].rstrip(".").lower()
    if last in _STREET_HEADS:
        return bool(_STREET_BEFORE.search(text[max(0, start - 8) : start])) or bool(
            re.match(r"^\s*\d", text[end : end + 4])
        )
    return False


def nested_in_court(text: str, end: int) -> bool:
    return bool(_COURT_AFTER.match(text[end : end + 24]))


#: OCR and text-layer damage: a word whose only capital is its last letter ("satisfY"), or a
#: small word glued to a name ("ofTomie").
_OCR_DAMAGE = re.compile(r"\b[a-z]{3,}[A-Z]\b|\b(?:of|to|and|the|by)[A-Z][a-z]")


def is_ocr_damage(name: str) -> bool:
    return bool(_OCR_DAMAGE.search(name))
