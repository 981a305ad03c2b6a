"""Legal citations: case reporters and statutes (eyecite), and docket numbers.

``normalized`` is the form to match on: eyecite's corrected citation for cases ("593 U.S. 374"),
a spacing-normalized section for statutes ("17 U.S.C. § 107(a)"), and for dockets the core
"yy-type-nnnnn" key ("24-cv-04722"): the division prefix and judge initials vary between
filings of one case ("3:24-cv-04722" and "4:24-cv-04722-YGR"). The knowledge layer resolves a
docket by comparing ``docket_keys(case.docket_number)`` with the citation's normalized form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eyecite import get_citations
from eyecite.models import CitationBase, FullCaseCitation, FullLawCitation
from eyecite.tokenizers import AhocorasickTokenizer, TokenExtractor, default_tokenizer

from casebase.analysis.types import FoundCitation

_FEDERAL_DOCKET = re.compile(
    r"(?<![\w:-])(?:(?P<div>\d{1,2}):)?(?P<yy>\d{2})-(?P<type>cv|cr|md|mc|mj|ap|bk|cb)-"
    r"(?P<num>\d{1,6})(?P<judges>(?:-[A-Z]{2,4})*)(?![\w-])",
    re.IGNORECASE,
)
#: PACER's compact form in URLs and listings: "1:2020cv00613".
_PACER_DOCKET = re.compile(
    r"(?<![\w:])(?P<div>\d{1,2}):(?:19|20)(?P<yy>\d{2})(?P<type>cv|cr|md|mc)(?P<num>\d{5})(?!\d)"
)
_NUMBERED_DOCKET = re.compile(r"\b(?:Case\s+)?Nos?\.\s*(?P<num>\d{2}[-–]\d{2,6})(?![\w-])")
#: Code sections eyecite does not parse ("15 U.S.C. § 1692k(d)", "37 C.F.R. § 1.56").
_CODE_SECTION = re.compile(
    r"\b(?P<title>\d{1,2})\s+(?P<code>U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\.)\s*(?:§§?\s*)?"
    r"(?P<section>\d+[a-z]{0,3}(?:[-.]\d+[a-z]?)*)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
)
_BARE_SECTION = re.compile(
    r"(?<![\w.])§\s*(?P<section>\d+[a-z]{0,3})(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
)
_STATE_DOCKET = re.compile(r"\b(?P<num>[A-Z]{3}-\d{2}-\d{6})\b")
_SUBSECTIONS = re.compile(r"^(?:\([a-zA-Z0-9]{1,4}\))+")
_SPACE = re.compile(r"\s+")


def normalize_docket(text: str) -> str | None:
    """The core key of the first docket number in ``text`` ("4:24-cv-04722-YGR" ->
    "24-cv-04722"), or None."""
    keys = docket_keys(text)
    return keys[0] if keys else None


def docket_keys(text: str) -> list[str]:
    """Every docket key in ``text`` (a Case.docket_number may list several)."""
    return [c.normalized for c in _dockets(text)]


def _federal_key(m: re.Match[str]) -> str:
    return f"{m['yy']}-{m['type'].lower()}-{int(m['num']):05d}"


def _dockets(text: str) -> list[FoundCitation]:
    found = [
        FoundCitation(m.group(0), "docket", _federal_key(m), m.start(), m.end())
        for pattern in (_FEDERAL_DOCKET, _PACER_DOCKET)
        for m in pattern.finditer(text)
    ]
    for pattern in (_NUMBERED_DOCKET, _STATE_DOCKET):
        for m in pattern.finditer(text):
            start, end = m.span("num")
            if not any(c.start < end and start < c.end for c in found):
                key = m["num"].upper().replace("–", "-")
                found.append(FoundCitation(m["num"], "docket", key, start, end))
    return found


def _statute_text(text: str, start: int, end: int) -> tuple[str, int]:
    """Extend a statute span over its subsections ("§ 1030" + "(a)(2)")."""
    tail = _SUBSECTIONS.match(text[end:])
    end = end + tail.end() if tail else end
    return text[start:end], end


_SPACED_INITIALS = re.compile(r"(?<=\b[A-Z]\.)\s+(?=[A-Z]\.)")


def _normalize_statute(text: str) -> str:
    """ "18 U. S. C. §1030(a)(2)" -> "18 U.S.C. § 1030(a)(2)"."""
    text = _SPACED_INITIALS.sub("", text)
    text = _SPACE.sub(" ", text.replace("§§", "§§ ").replace("§", "§ ")).replace("§ §", "§§")
    return _SPACE.sub(" ", text).strip()


def find_citations(text: str) -> list[FoundCitation]:
    """Case citations, statutes and docket numbers in ``text``, in order of position."""
    found: list[FoundCitation] = []
    if not text.strip():
        return found  # eyecite refuses empty text
    for offset, cite in _eyecite_citations(text):
        start, end = (offset + i for i in cite.span())
        if isinstance(cite, FullCaseCitation):
            found.append(FoundCitation(text[start:end], "case", cite.corrected_citation(),
                                       start, end))  # fmt: skip
        elif isinstance(cite, FullLawCitation):
            written, end = _statute_text(text, start, end)
            found.append(FoundCitation(written, "statute", _normalize_statute(written),
                                       start, end))  # fmt: skip
    for extra in [*_code_sections(text), *_dockets(text)]:
        if not any(c.start < extra.end and extra.start < c.end for c in found):
            found.append(extra)
    found += _bare_sections(text, found)
    return sorted(found, key=lambda c: c.start)


#: What every citation eyecite finds for us holds: a volume before a reporter ("593 U.S.",
#: "2023 WL", "90 Stat."), a section sign, a public law or a court rule.
_CITATION_HINT = re.compile(
    r"\d\s+(?:[A-Z][A-Za-z]*\.|[A-Z]{2,}\b)|§|\bPub\.\s*L\.|\bR\.\s*(?:Civ|Crim|Evid|App|Bankr)\."
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _OrderedTokenizer(AhocorasickTokenizer):
    """eyecite's default tokenizer with its extractors in a fixed order.

    eyecite picks the extractors that could match from a ``set``, so when two match the same
    span ("81 T.C. at 828" after an "Id.") the one kept depended on the process's hash seed: the
    same text gave different citations in different worker processes. This keeps eyecite's
    prefilters (shared with ``default_tokenizer``, not rebuilt) and its list order.
    """

    def __post_init__(self) -> None:
        self.unfiltered_extractors = default_tokenizer.unfiltered_extractors
        self.case_sensitive_filter = default_tokenizer.case_sensitive_filter
        self.case_insensitive_filter = default_tokenizer.case_insensitive_filter
        self._order = {extractor: i for i, extractor in enumerate(self.extractors)}

    def get_extractors(self, text: str) -> list[TokenExtractor]:  # type: ignore[override]
        return sorted(super().get_extractors(text), key=self._order.__getitem__)


_TOKENIZER = _OrderedTokenizer()


def _eyecite_citations(text: str) -> Iterator[tuple[int, CitationBase]]:
    """eyecite's citations with the offset of the paragraph they were found in.

    eyecite costs about a tenth of the spaCy pass over the whole text, so only the paragraphs
    that could hold a citation are given to it (a quarter of a typical news text).
    """
    start = 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        paragraph = text[start:end]
        if _CITATION_HINT.search(paragraph):
            for cite in get_citations(paragraph, tokenizer=_TOKENIZER):
                yield start, cite
        start = gap.end() if gap else end


def _code_sections(text: str) -> list[FoundCitation]:
    out = []
    for m in _CODE_SECTION.finditer(text):
        code = "U.S.C." if "U" in m["code"] else "C.F.R."
        normalized = f"{m['title']} {code} § {m['section']}{m['sub']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


def _bare_sections(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """ "§1030(e)(6)" after "18 U.S.C. § 1030(a)(2)": the same section of the same code."""
    codes: dict[str, set[str]] = {}
    for c in found:
        m = re.match(r"^(\d+ [A-Z.]+) § (\d+[a-z]*)", c.normalized) if c.kind == "statute" else None
        if m:
            codes.setdefault(m[2], set()).add(m[1])
    out = []
    for m in _BARE_SECTION.finditer(text):
        prefixes = codes.get(m["section"], set())
        covered = any(c.start <= m.start() < c.end for c in found)
        if len(prefixes) == 1 and not covered:
            normalized = f"{next(iter(prefixes))} § {m['section']}{m['sub']}"
            out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


def citation_ranges(text: str, citations: list[FoundCitation]) -> list[tuple[int, int]]:
    """Citation spans; a case citation's directly following parenthetical ("(2021)") holds a
    decision year rather than an event date, so it is covered too (a docket's "(filed Aug. 19,
    2024)" is an event and is not)."""
    ranges = []
    for c in citations:
        if c.kind != "case":
            ranges.append((c.start, c.end))
            continue
        tail = re.match(r"[^()\n.;]{0,30}\([^()\n]{0,60}\)", text[c.end : c.end + 100])
        ranges.append((c.start, c.end + tail.end() if tail else c.end))
    return ranges
