"""Places found by how court papers and news write them, where the small model misses them or
the name filters drop them (issue 17, round 12).

- A city and its state after a comma ("TALLAHASSEE, Fla.", "Wilmington, Del.", "SAN JOSE,
  CALIFORNIA" in a transcript's caption, "Oakland, California"): the state, written out or
  abbreviated (AP's "Calif." or the Bluebook's "Cal."), names a place, and so does the city
  before it. An abbreviation is otherwise no name (``kinds.is_junk_name``), and a city in
  capitals is otherwise taken for a caption's or a running head's words.
- A news dateline: a line opening with a place in capitals before the agency or a dash and
  the story ("SAN FRANCISCO (Reuters) -", "WASHINGTON, Dec 4 (AP) —", "WASHINGTON — The").
- "the U.S." / "the US" as a noun ("in the U.S. and beyond", "ban the app in the US on January
  19"): a place, as the annotation rules count it; as a modifier ("U.S. District Judge", "the
  US president") it is none. Both spellings are otherwise junk (an abbreviation; "us").
- A state's name written out in running text ("headquartered in California that", "under
  Illinois law", "a Delaware corporation", "the State of Maine", "Southern California"), alone:
  not run into a longer name ("California Secretary of State", "University of California",
  "New York Times"), which is another entity's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from casebase.analysis.us_states import ABBREVIATIONS, AP_ABBREVIATIONS

#: Full names, longest first ("West Virginia" before "Virginia").
_STATE_NAMES = sorted((n for n in ABBREVIATIONS if "." not in n), key=len, reverse=True)
STATE_NAMES = frozenset(_STATE_NAMES)
#: Abbreviation -> full name: the Bluebook's and AP's ("Cal.", "Calif.", "Fla.", "N.Y.").
_ABBREVIATED = {
    **{a: name for name, a in ABBREVIATIONS.items() if a.endswith(".") and "." not in name},
    **{abbr: name for name, abbr in AP_ABBREVIATIONS.items()},
    "Calif.": "California",
}
_NAME_ALT = "|".join(re.escape(n) for n in _STATE_NAMES)
_CAPS_ALT = "|".join(re.escape(n.upper()) for n in _STATE_NAMES)
_ABBR_ALT = "|".join(re.escape(a) for a in sorted(_ABBREVIATED, key=len, reverse=True))

_CITY = r"[A-Z][A-Za-z'’.-]*(?:[ ][A-Z][A-Za-z'’.-]*){0,2}"
#: "Wilmington, Del.", "SAN JOSE, CALIFORNIA", "Palo Alto, California": a city, its state.
_CITY_STATE = re.compile(
    rf"(?<![\w.&’'-])(?P<city>{_CITY}),[ ]+(?P<state>{_ABBR_ALT}|{_NAME_ALT}|{_CAPS_ALT})(?![\w])"
)
#: A news dateline: "SAN FRANCISCO (Reuters) -", "WASHINGTON, Dec 4 (AP) —", "BEIJING — The".
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,2})(?:,[ ][^\n()]{1,30}?)?[ ]*"
    r"(?:\((?:AP|Reuters|AFP|Bloomberg|UPI|dpa|Xinhua)\)"
    r"|[ ]?[—–][ ]?(?=[A-Z][a-z])|[ ]-[ ](?=[A-Z][a-z]))",
    re.MULTILINE,
)
#: Words in capitals that open a line before a dash and are no place: a heading's or a
#: story's label ("EXCLUSIVE — ", "UPDATE — ", "BACKGROUND — "), an archive photo's caption
#: ("FILE - In this undated photo").
_NOT_DATELINE = frozenset({
    "FILE", "PHOTO", "PHOTOS", "VIDEO", "LISTEN", "AUDIO", "GRAPHIC",
    "EXCLUSIVE", "UPDATE", "UPDATED", "BREAKING", "ANALYSIS", "OPINION", "EDITORIAL", "NOTE",
    "BACKGROUND", "ARGUMENT", "DISCUSSION", "CONCLUSION", "INTRODUCTION", "FACTS", "ORDER",
    "WATCH", "LIVE", "CORRECTION", "COMMENTARY", "REVIEW", "INTERVIEW", "SUMMARY", "HELD",
})  # fmt: skip
#: A state written out in running text, a region's word before it allowed ("Southern
#: California"); "Washington" is also a city, a man and a newspaper's first word: kept only
#: after "State of".
_STATE_IN_TEXT = re.compile(
    r"(?<![\w.&’'-])(?P<state>(?:(?:Northern|Southern|Eastern|Western|Central)[ ])?"
    rf"(?:{'|'.join(re.escape(n) for n in _STATE_NAMES)}))(?![\w])"
)
#: The name goes on: a capitalised word after it ("California Secretary of State", "Texas
#: Instruments", "New York Times"), or a name of which it is the object before it
#: ("University of California", "Bank of New York"); "the State of Maine" is the state.
_NAME_AFTER = re.compile(r"(?:[ ]+|[ \t]*\n(?:[ \t]*\d{1,3})?[ \t]*)(?:&[ ]+)?[A-Z]")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*|&)[ ]+$|[A-Z][\w’'-]*[ ]+(?:of|for)[ ]+(?:the[ ]+)?$")
#: A court's place given as "<county>, <state>" ("Appeal from the Circuit Court of\n ) St.
#: Charles County, Missouri"): the state is part of the court's name, as the county is.
_COURT_OF_BEFORE = re.compile(r"\b(?:Court|COURT)[ ]+(?:of|OF)\b[^;:]*,[ ]+$")
_STATE_OF_BEFORE = re.compile(r"\b(?:State|STATE|Commonwealth|COMMONWEALTH)[ ]+of[ ]+(?:the[ ]+)?$")
#: Words that open a sentence or a caption, no city's: "In", "The", "Defendant".
_NOT_CITY = frozenset({
    "the", "in", "at", "of", "on", "and", "or", "from", "to", "for", "by", "with", "a", "an",
    "plaintiff", "plaintiffs", "defendant", "defendants", "court", "inc", "inc.", "llc", "corp",
    "corp.", "ltd", "co", "co.", "l.p", "l.p.", "llp", "et", "al", "al.", "id", "id.", "see",
})  # fmt: skip
#: The head nouns of other names, which a list runs into a city's place ("Wiretap Act,
#: California Invasion of Privacy Act"): no city ends with one.
_NOT_CITY_HEADS = frozenset({
    "act", "law", "statute", "code", "rule", "rules", "court", "district", "division", "circuit",
    "county", "llp", "llc", "inc", "corp", "co", "ltd", "company", "corporation", "department",
    "street", "avenue", "road", "boulevard", "suite", "floor", "drive", "lane", "way", "plaza",
})  # fmt: skip
#: Another abbreviation after the state's: a code's name ("N.Y. Gen. Bus. Law"), no place.
_ABBREVIATION_AFTER = re.compile(r"[ ]+[A-Z][a-z]{0,4}\.")
_US_FORMS = frozenset({"U.S.", "US", "U.S.A.", "USA", "U.S"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    name: str  # the place's name to group by: "Florida" for "Fla.", "United States" for "U.S."


def _city(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The city's words before ", State", without a leading word that no city's name has."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while words and text[words[0][0] : words[0][1]].casefold() in _NOT_CITY:
        words.pop(0)
    if not words or text[words[-1][0] : words[-1][1]].rstrip(".").casefold() in _NOT_CITY_HEADS:
        return None
    return words[0][0], words[-1][1]


def shaped_places(text: str) -> list[Place]:
    """Cities and states after a comma, datelines' places, and states in running text."""
    found: list[Place] = []
    for m in _CITY_STATE.finditer(text):
        state = m["state"]
        name = _ABBREVIATED.get(state) or state.title()
        if state in _ABBREVIATED and _ABBREVIATION_AFTER.match(text, m.end()):
            continue
        city = _city(text, m.start("city"), m.end("city"))
        if city is None:
            continue  # "Wiretap Act, California Invasion of Privacy Act": a list of names
        if text[city[0] : city[1]] not in _ABBREVIATED:
            found.append(Place(city[0], city[1], text[city[0] : city[1]]))
        found.append(Place(m.start("state"), m.end("state"), name))
    for m in _DATELINE.finditer(text):
        city = _city(text, m.start("city"), m.end("city"))
        if city is not None and not set(m["city"].split()) & _NOT_DATELINE:
            found.append(Place(city[0], city[1], text[city[0] : city[1]]))
    for m in _STATE_IN_TEXT.finditer(text):
        start, end = m.span("state")
        before = text[max(0, start - 40) : start]
        if _NAME_AFTER.match(text, end) or (
            _NAME_BEFORE.search(before) and not _STATE_OF_BEFORE.search(before)
        ):
            continue
        if _COURT_OF_BEFORE.search(text, max(0, start - 80), start):
            continue
        if m["state"] == "Washington" and not _STATE_OF_BEFORE.search(before):
            continue  # a city, a man, a newspaper's first word; "the State of Washington" only
        found.append(Place(start, end, m["state"]))
    return found


def united_states_nouns(doc: Doc) -> list[Place]:
    """ "the U.S." / "the US" as a noun: after "the", not modifying what follows."""
    found = []
    for token in doc:
        if token.text not in _US_FORMS or token.i == 0:
            continue
        if doc[token.i - 1].lower_ != "the" or token.dep_ in _MODIFIER_DEPS:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and not after.is_sent_start:
            continue  # "the U.S. District Court", "the US Supreme Court"
        found.append(Place(token.idx, token.idx + len(token.text), "United States"))
    return found
