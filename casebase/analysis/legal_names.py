"""Names of cases and federal courts, found by their shape rather than by the statistical NER,
which splits "Bartz v. Anthropic" in two and misses most court names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebase.analysis import us_states

_PARTY_WORD = r"(?:[A-Z]|[a-z]+[A-Z])[\w.&'’-]*"
#: A comma inside a party's name comes only before a corporate suffix ("Oracle America, Inc.").
_SUFFIX = r"(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|N\.A|P\.C|LLP|L\.P|PBC|et al)\.?"
_PARTY = rf"{_PARTY_WORD}(?: (?:{_PARTY_WORD}|of|the|and|for))*(?:,? {_SUFFIX})?"
_ENDS_WITH_SUFFIX = re.compile(rf"\b{_SUFFIX}$")
_CASE_NAME = re.compile(
    rf"(?<![\w./-])(?:In re {_PARTY}(?: (?:{_PARTY_WORD}|of|the|and|for))*"
    rf"|{_PARTY}(?: et al\.?)?,?[ \n](?:vs?\.|versus)[ \n](?:the )?{_PARTY})"
)
#: A case name in a caption's or heading's capitals ("HERNANDEZ ROMAN, ET AL. V. WOLF, ET
#: AL."): capitals on both sides of "V.", on one line.
_CAPS_WORD = r"[A-Z][A-Z0-9.&'’-]*"
_CAPS_PARTY = (
    rf"{_CAPS_WORD}(?: (?:{_CAPS_WORD}|OF|THE|AND|FOR))*(?:,? (?:ET AL\.?|(?i:{_SUFFIX})))?"
)
_CAPS_CASE_NAME = re.compile(
    rf"(?<![\w./-])(?-i:{_CAPS_PARTY},? VS?\. {_CAPS_PARTY}(?:,? ET AL\.?)?)(?![\w])"
)
#: What may precede a capitals case name in a heading and is no part of it ("PENDING
#: DECISION IN HERNANDEZ ROMAN ...").
_CAPS_LEAD = re.compile(r"^(?:[A-Z]+ )*(?:IN|OF|ON|FOR|AND|RE:?) ")
#: A docket listing's reference after the case name ("... ROSS Intelligence Inc. Doc. 547").
_DOC_AFTER = re.compile(r"\s+(?:Doc|Document|Dkt|Case|No)\.?$")
#: A sentence's end after the name: a full stop after a word of four or more letters, not an
#: abbreviation ("Epic Games vs. Apple. It was"; "Sch. Dist." and "Ins. Co." go on).
_SENTENCE_AFTER = re.compile(r"(?<=[a-z]{4})\.(?=\s+[A-Z])")
#: A sentence's end inside the first party: a full stop, then a citation signal.
_SENTENCE_INSIDE = re.compile(
    r".*[a-z]{2}\.\s+(?=(?:See|Cf\.|But see|Accord|Compare|In)\s)", re.DOTALL
)
#: Citation signals that open a sentence before a case name ("See Knudsen v. Commissioner").
_SIGNAL = re.compile(
    r"^(?:See also|See generally|See|Cf\.|But see|Accord|E\.g\.,?|Compare|In(?! re\b))\s+"
)


@dataclass(frozen=True)
class LegalName:
    start: int
    end: int
    text: str
    kind: str  # "case" | "court"
    key: str = ""  # for courts: one key however the court is written


def case_names(text: str) -> list[LegalName]:
    """Case names ("Bartz v. Anthropic", "hiQ Labs v. LinkedIn", "In re OpenAI", "Epic Games
    vs. Apple", a heading's "HERNANDEZ ROMAN, ET AL. V. WOLF, ET AL."), without a leading
    citation signal ("See Knudsen v. Commissioner"); a party role before "v." ("Plaintiffs,
    v. BRIGHT DATA LTD", a caption's lines) is no case name. Each is keyed by its parties
    without "et al." and corporate suffixes, so "Zepeda Rivas et al. v. Jennings, et al." and
    "Zepeda Rivas v. Jennings" are one case."""
    found = [*_mixed_case_names(text), *_capitals_case_names(text)]
    found.sort(key=lambda n: n.start)
    return found


def _mixed_case_names(text: str) -> list[LegalName]:
    found = []
    for m in _CASE_NAME.finditer(text):
        name = _before_sentence_end(m.group(0)).rstrip(" ,")
        if name.endswith(".") and not _ENDS_WITH_SUFFIX.search(name):
            name = name[:-1]
        name = _DOC_AFTER.sub("", name)
        while name.endswith((" of", " the", " and", " for")):
            name = name.rsplit(" ", 1)[0].rstrip(" ,")
        sentence = _SENTENCE_INSIDE.search(name.split(" v.")[0].split("\nv.")[0])
        if sentence:  # "... Copyright Office. See Thaler v. Perlmutter": the last sentence's
            m_start = sentence.end()
            name = name[m_start:]
        else:
            m_start = 0
        signal = _SIGNAL.match(name)
        start = m.start() + m_start + (signal.end() if signal else 0)
        name = name[signal.end() :] if signal else name
        if _role_party(name):
            continue
        found.append(LegalName(start, start + len(name), name, "case", case_key(name)))
    return found


def _before_sentence_end(name: str) -> str:
    """The case name up to the end of its sentence ("Epic Games vs. Apple. It was ...")."""
    v = _MIXED_V.search(name)
    if v is None:
        return name
    return name[: v.end()] + _SENTENCE_AFTER.split(name[v.end() :], maxsplit=1)[0]


_MIXED_V = re.compile(r"[ \n](?:vs?\.|versus)[ \n]")


def _capitals_case_names(text: str) -> list[LegalName]:
    found = []
    for m in _CAPS_CASE_NAME.finditer(text) if " V. " in text or " VS. " in text else ():
        name = m.group(0).rstrip(" ,")
        lead = _CAPS_LEAD.match(name)
        start = m.start() + (lead.end() if lead else 0)
        name = name[lead.end() :] if lead else name
        if (
            " V" not in name
            or _role_party(name)
            or _is_running_head(text, start, start + len(name))
        ):
            continue
        found.append(LegalName(start, start + len(name), name, "case", case_key(name)))
    return found


_RUNNING_HEAD = re.compile(r"(?:^|\s)\d{1,4}[ \t]+$")
_RUNNING_HEAD_AFTER = re.compile(r"^[ \t]+\d{1,4}(?:\s|$)")
_V = re.compile(r",?\s+(?:(?:vs?|VS?)\.|versus|VERSUS)\s+")
_ET_AL = re.compile(r",?\s+et\s+al\.?", re.IGNORECASE)
_PARTY_SUFFIX = re.compile(rf",?\s+{_SUFFIX}$", re.IGNORECASE)
_ROLE_WORD = re.compile(
    r"^(?:plaintiffs?|defendants?|appellees?|appellants?|petitioners?|respondents?|"
    r"(?:counter-?)?claimants?|employees?|employers?|movants?|relators?|intervenors?)"
    r"(?:[-/—–]\w+)*$",
    re.IGNORECASE,
)


def _is_running_head(text: str, start: int, end: int) -> bool:
    """A page number right before or after: the short title an opinion prints at the top of
    every page ("2 PATEL V. FACEBOOK", "EPIC GAMES, INC. V. APPLE, INC.   7")."""
    return bool(
        _RUNNING_HEAD.search(text[max(0, start - 12) : start])
        or _RUNNING_HEAD_AFTER.match(text[end : end + 12])
    )


def _role_party(name: str) -> bool:
    """The part before "v." is a party role ("Plaintiffs, v. BRIGHT DATA LTD")."""
    first = _V.split(name, maxsplit=1)[0].strip(" ,")
    return bool(_ROLE_WORD.match(first))


def case_key(name: str) -> str:
    """One key however a case is written: its parties lower-cased, without "et al.", a
    corporate suffix or punctuation ("Meta Platforms, Inc. v. Bright Data Ltd." and "META
    PLATFORMS, INC. V. BRIGHT DATA LTD." are "case:meta platforms v bright data")."""
    parties = []
    for party in _V.split(_ET_AL.sub("", name)):
        party = party.strip(" ,")
        previous = None
        while previous != party:
            previous, party = party, _PARTY_SUFFIX.sub("", party).strip(" ,")
        parties.append(" ".join(re.sub(r"[^\w\s&]", " ", party.casefold()).split()))
    return "case:" + " v ".join(parties)


_CIRCUITS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\\.C\\.|Federal"
)
#: A state's name, and no more: "Northern District of California Yvonne Gonzalez Rogers" (a
#: panel line without its line break) ends at "California".
_STATE = (
    "(?:"
    + "|".join(re.escape(name) for name in sorted(us_states.NAMES.values(), key=len, reverse=True))
    + r")(?![a-zA-Z])"
)
_COURT_NAME = re.compile(
    rf"(?:United States|U\.\s?S\.) Court of Appeals\s+for\s+the (?P<circuit>{_CIRCUITS}) Circuit"
    rf"|(?-i:(?P<circuit2>{_CIRCUITS}) Circuit)"
    rf"|(?:(?:United States|U\.\s?S\.) District Court(?:\s+for\s+the|\s*,)?\s+(?:\d{{1,2}}\s+)?)?"
    rf"(?P<part>Northern|Southern|Eastern|Western|Central|Middle) District of (?P<state>{_STATE})"
    # a one-district state's court in a caption's capitals, with the court's words before it
    # ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA", "... COURT 2 DISTRICT OF
    # COLUMBIA")
    rf"|(?:United States|U\.\s?S\.) District Court(?:\s+for\s+the|\s*,)?\s+(?:\d{{1,2}}\s+)?"
    rf"District of (?P<state2>{_STATE}|Columbia(?![a-zA-Z]))",
    re.IGNORECASE,
)


#: A district court as the West reporters head an opinion: "United States District Court, D.
#: Rhode Island.", "United States District Court, S. D. New York." (the district abbreviated).
_WEST_DISTRICT = re.compile(
    rf"United States District Court,\s+(?:(?P<part>[NSEWMC])\.\s?)?D\.\s(?P<state>{_STATE})"
)
_PARTS = {"N": "northern", "S": "southern", "E": "eastern", "W": "western", "M": "middle",
          "C": "central"}  # fmt: skip


_ORDINAL_WORD = (
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth"
    r"|Thirteenth|Fourteenth|Fifteenth)"
)
#: A state's intermediate appellate court by its district, as its captions print it, often
#: over two or three lines: "Court of Appeals / Seventh District of Texas at Amarillo",
#: "Court of Appeals / For The / First District of Texas", "Court of Appeal, Second Appellate
#: District", "District Court of Appeal of Florida, Fourth District".
_STATE_APPELLATE = re.compile(
    r"(?:District[ ]Court[ ]of[ ]Appeal|Court[ ]of[ ]Appeals?|Appellate[ ]Court)"
    rf"(?:[ ]of[ ](?:the[ ]State[ ]of[ ])?{_STATE})?,?\s+(?:(?i:for\s+the)\s+)?"
    rf"(?P<ordinal>{_ORDINAL_WORD})[ ](?:Appellate[ ]|Judicial[ ])?District"
    rf"(?:[ ]of[ ](?P<state>{_STATE}))?(?:[ ]at[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)?"
)
#: A state's trial court by its number: "47th District Court", "113th Judicial District Court".
_NUMBERED_TRIAL = re.compile(
    r"(?<![\w-])\d{1,3}(?:st|nd|rd|th)[ ](?:Judicial[ ])?(?:District|Circuit)[ ]Court\b"
)


def court_names(text: str) -> list[LegalName]:
    """Federal courts by name ("United States Court of Appeals for the Ninth Circuit", "Ninth
    Circuit", "Northern District of California", a reporter's "United States District Court,
    D. Rhode Island"), keyed so each court is one entity."""
    found = []
    if "Court" in text:
        for m in _STATE_APPELLATE.finditer(text):
            name = " ".join(m.group(0).split())
            found.append(
                LegalName(m.start(), m.end(), m.group(0), "court", f"court:{name.lower()}")
            )
        for m in _NUMBERED_TRIAL.finditer(text):
            key = f"court:{' '.join(m.group(0).split()).lower()}"
            found.append(LegalName(m.start(), m.end(), m.group(0), "court", key))
    for m in _WEST_DISTRICT.finditer(text):
        part = f"{_PARTS[m['part']]} " if m["part"] else ""
        key = f"court:{part}district of {m['state'].lower()}"
        found.append(LegalName(m.start(), m.end(), m.group(0), "court", key))
    for m in _COURT_NAME.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        circuit = m["circuit"] or m["circuit2"]
        if circuit:
            key = f"court:{circuit.lower()} circuit"
        elif m["state2"]:
            if not m.group(0).isupper():
                continue  # in running text a short form joins it ("the District of Columbia")
            key = f"court:district of {m['state2'].lower()}"
        else:
            key = f"court:{m['part'].lower()} district of {m['state'].lower()}"
        found.append(LegalName(m.start(), m.end(), m.group(0), "court", key))
    return found
