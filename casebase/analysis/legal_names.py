"""Names of cases and federal courts, found by their shape rather than by the statistical NER,
which splits "Bartz v. Anthropic" in two and misses most court names."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTY_WORD = r"(?:[A-Z]|[a-z]+[A-Z])[\w.&'’-]*"
#: A comma inside a party's name comes only before a corporate suffix ("Oracle America, Inc.").
_SUFFIX = r"(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|N\.A|P\.C|LLP|L\.P|PBC|et al)\.?"
_PARTY = rf"{_PARTY_WORD}(?: (?:{_PARTY_WORD}|of|the|and|for))*(?:,? {_SUFFIX})?"
_ENDS_WITH_SUFFIX = re.compile(rf"\b{_SUFFIX}$")
_CASE_NAME = re.compile(
    rf"(?<![\w.])(?:In re {_PARTY}(?: (?:{_PARTY_WORD}|of|the|and|for))*"
    rf"|{_PARTY}(?: et al\.?)?,? v\. (?:the )?{_PARTY})"
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
    """Case names ("Bartz v. Anthropic", "hiQ Labs v. LinkedIn", "In re OpenAI"), without a
    leading citation signal ("See Knudsen v. Commissioner")."""
    found = []
    for m in _CASE_NAME.finditer(text):
        name = m.group(0).rstrip(" ,")
        if name.endswith(".") and not _ENDS_WITH_SUFFIX.search(name):
            name = name[:-1]
        while name.endswith((" of", " the", " and", " for")):
            name = name.rsplit(" ", 1)[0].rstrip(" ,")
        signal = _SIGNAL.match(name)
        start = m.start() + (signal.end() if signal else 0)
        name = name[signal.end() :] if signal else name
        found.append(LegalName(start, start + len(name), name, "case"))
    return found


_CIRCUITS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\\.C\\.|Federal"
)
_STATE = r"(?-i:[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)?)"
_COURT_NAME = re.compile(
    rf"(?:United States|U\.\s?S\.) Court of Appeals\s+for\s+the (?P<circuit>{_CIRCUITS}) Circuit"
    rf"|(?-i:(?P<circuit2>{_CIRCUITS}) Circuit)"
    rf"|(?:(?:United States|U\.\s?S\.) District Court(?:\s+for\s+the|\s*,)?\s+(?:\d{1, 2}\s+)?)?"
    rf"(?P<part>Northern|Southern|Eastern|Western|Central|Middle) District of (?P<state>{_STATE})",
    re.IGNORECASE,
)


def court_names(text: str) -> list[LegalName]:
    """Federal courts by name ("United States Court of Appeals for the Ninth Circuit", "Ninth
    Circuit", "Northern District of California"), keyed so each court is one entity."""
    found = []
    for m in _COURT_NAME.finditer(text):
        circuit = m["circuit"] or m["circuit2"]
        if circuit:
            key = f"court:{circuit.lower()} circuit"
        else:
            key = f"court:{m['part'].lower()} district of {m['state'].lower()}"
        found.append(LegalName(m.start(), m.end(), m.group(0), "court", key))
    return found
