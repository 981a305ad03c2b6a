"""Mapping spaCy's entity labels to our entity kinds, and telling names from junk."""

from __future__ import annotations

import re

KINDS = ("person", "organization", "court", "case", "law", "product", "place")

#: Labels the entity ruler gives known entities: "CB_PERSON" -> "person".
RULER_PREFIX = "CB_"

_SPACY_TO_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "law",
    "PRODUCT": "product",
}

_COURT = re.compile(
    r"\b(?:Court|Circuit|Tribunal|Bench)\b|^(?:the )?(?:(?:Northern|Southern|Eastern|Western|"
    r"Middle|Central) )?District(?: of|$)"
)
_CASE = re.compile(r"\sv\.?\s|^In re\s")
_LAW = re.compile(r"\b(?:Act|Code|Amendment|Statute|Regulation|Directive|Convention)$")
_ORG_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Corporation|LLC|LLP|L\.L\.P|Ltd|GmbH|PBC|PLC|Co|Company|Group|Labs|"
    r"Foundation|Associates|University|Institute|Times|News|Post|Journal|Agency)\.?$"
)
_MIXED_CAPS = re.compile(r"^[A-Za-z]*[a-z][A-Z][A-Za-z]*$")
_ROLE = re.compile(
    r"^(?:plaintiffs?|defendants?|appellees?|appellants?|petitioners?|respondents?|"
    r"counter-?claimants?|intervenors?|amicus|amici)(?:[- ]\w+)?$|^circuit judges?$|^remand$",
    re.IGNORECASE,
)
_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
#: Holidays: days of the calendar like weekdays and months, never a body or a product ("will
#: be Christmas in April"; issue 17, round 12).
_HOLIDAYS = {
    "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "passover", "ramadan",
    "diwali", "kwanzaa", "xmas",
}  # fmt: skip
#: Ordinal numbers written as words: "The First, Second, Third ... Claims for Relief" lists
#: parts, no names (issue 17, round 8).
_ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
}  # fmt: skip
_PRONOUNS = {
    "i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "his", "hers",
    "its", "our", "their", "this", "that", "these", "those", "who", "whom", "which",
}  # fmt: skip
#: Generic words and titles the small models tag as names in this domain.
_GENERIC = {
    "ai", "a.i.", "agi", "llm", "llms", "ceo", "cto", "api", "the company", "company", "the court",
    "court", "the plaintiff", "plaintiff", "plaintiffs", "the defendant", "defendant",
    "defendants", "the judge", "judge", "the government", "government", "the board", "board",
    "the firm", "the startup", "startup", "q", "a", "mr", "ms", "mrs", "dr", "the witness",
    "witness", "exhibit", "id", "ibid", "see", "section", "complaint", "order", "pdf", "pageid",
    "tos", "ecf", "dkt", "doc", "inc", "llc", "llp", "l.l.p", "corp", "ltd", "pbc", "esq",
    "et al", "the panel", "panel", "federal", "state", "the state", "the commissioner",
    "the district court", "district court", "district", "this district", "the district",
    "curiam", "per curiam",  # "Per Curiam:" opens an
    # opinion of the court as a whole: no name
    "reporter of decisions",  # the Supreme Court's officer in every syllabus's note: an office
}  # fmt: skip


def kind_for_label(label: str, text: str) -> str | None:
    """Our kind for a spaCy label (None for labels we do not keep, e.g. DATE or NORP)."""
    if label.startswith(RULER_PREFIX):
        return label[len(RULER_PREFIX) :].lower()
    kind = _SPACY_TO_KIND.get(label)
    if kind is None:
        return None
    return refine_kind(kind, text)


def refine_kind(kind: str, text: str) -> str:
    """Correct the model's kind from the name's shape: courts, cases, laws, companies."""
    if _CASE.search(text):
        return "case"
    if _COURT.search(text):
        return "court"
    if _LAW.search(text):
        return "law"
    if kind == "person" and _ORG_SUFFIX.search(text):
        return "organization"
    if kind in {"person", "place"} and _MIXED_CAPS.match(text):
        return "organization"  # "OpenAI", "xAI", "GitHub": brands, not people or places
    return kind


def ruler_label(kind: str) -> str:
    return RULER_PREFIX + kind.upper()


def is_junk_name(text: str) -> bool:
    """True for text that must never become an entity: weekdays, months, pronouns, numbers,
    all-lowercase words, generic nouns ("the Company"), fragments."""
    name = text.strip(" \t\n.,;:'\"’“”()[]")
    low = name.casefold()
    if len(name) < 2 or low in _GENERIC or low in _PRONOUNS or _ROLE.match(name):
        return True
    if low in _WEEKDAYS or low in _MONTHS or low.rstrip("s") in _WEEKDAYS or low in _ORDINALS:
        return True
    if low in _HOLIDAYS or low.removesuffix(" day") in _HOLIDAYS:
        return True
    if not any(ch.isalpha() for ch in name) or name[0].isdigit():
        return True
    if name == name.lower():
        return True
    words = name.split()
    if len(words) > 7 or "\n" in text:
        return True
    if all("." in w or (len(w) <= 3 and w.istitle()) for w in words):
        return True  # abbreviations: "Calif.", "N.D. Cal", "D.C."
    # A fragment: starts or ends with a lowercase function word ("of OpenAI", "Musk and").
    return words[-1].islower() or (words[0].islower() and words[0] != "the")
