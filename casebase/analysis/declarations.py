"""Sworn declarations: each numbered paragraph that asserts a fact is the declarant's testimony.

A declaration (or affidavit) is told by its own words, not by the document's kind: "I, Judah
Lakin, declare as follows:" or a heading "DECLARATION OF MICHAEL S. KWUN ...", followed by
paragraphs numbered 1, 2, 3 ... at the start of a line (after an optional pleading line number:
"2 1. I am a partner ..."). The numbers must run in order from 1, so a year or a list item at
the start of a line is never read as one. Each paragraph gives one claim: speaker the
declarant, verb ``testified``, under oath, at the paragraph's first sentence that is not about
the declaration itself ("I make this declaration based on my own personal knowledge", "If
called as a witness, I could and would testify ..."). The declarant is named only when the text
names them; the name is the entity's when the document found that person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from casebase.analysis.linking import name_key
from casebase.analysis.spans import sentence_bounds, sentences, text_of
from casebase.analysis.types import FoundClaim, FoundEntity

_NAME = r"[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){1,4}"
_I_DECLARE = re.compile(
    rf"\bI,[ \t]+(?P<name>{_NAME}),[ \t]+(?:hereby[ \t]+|do[ \t]+hereby[ \t]+)?"
    r"(?:declare|state|depose)",
)
_HEADING = re.compile(
    r"\b(?:DECLARATION|Declaration|AFFIDAVIT|Affidavit)[ \t]+[Oo][Ff][ \t]+"
    rf"(?P<name>{_NAME})"
)
#: Where a heading's name ends: "DECLARATION OF MICHAEL S. KWUN IN RESPONSE TO DKT. 127".
_NAME_STOP = re.compile(
    r"\b(?:IN|In|RE|Re|re|ISO|REGARDING|Regarding|FILED|Filed|PURSUANT|Pursuant|ON|SUPPORTING)\b"
)
_PARAGRAPH = re.compile(r"^[ \t]*(?:\d{1,2}[ \t]+)?(?P<n>\d{1,3})\.[ \t]+(?=\S)", re.MULTILINE)
#: Sentences about the declaration itself, which assert no fact of the case.
_ABOUT_ITSELF = re.compile(
    r"\b(?:this declaration|this affidavit|personal knowledge|called as a witness|"
    r"(?:could|would) testify competently)\b",
    re.IGNORECASE,
)
#: Sentences that assert no fact: the declarant's part in the case ("I am a partner at
#: ..., counsel of record for Defendants"; "I am a licensed attorney" is a fact), requests
#: and proposals ("Defendants request that the Court grant leave ...", "No other redactions
#: ... are proposed.").
_NO_FACT = re.compile(
    r"^\W*I am (?:a|an) (?:partner|associate|shareholder) (?:at|of|with|in)\b|"
    r"\bcounsel of record\b|"
    r"\b(?:request|requests|ask|asks|move|moves) (?:that|the court|leave)\b|"
    r"\b(?:is|are) (?:\d{1,2} )?(?:hereby )?proposed\W*$",
    re.IGNORECASE,
)
#: A paragraph that presents the declaration's exhibits ("I am attaching as exhibits to this
#: declaration ...", "Attached hereto as Exhibit 3 is a true and correct copy ...")
#: describes the papers, not the facts: no claim.
_EXHIBITS = re.compile(
    r"\b(?:attaching|attached hereto|attached as|true and correct cop(?:y|ies))\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z]{2,}")
#: The closing attestation ends the numbered paragraphs.
_ATTESTATION = re.compile(r"\bI declare under (?:the )?penalty of perjury\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
QUOTE_WORDS = 8


def declarant(text: str, entities: Sequence[FoundEntity]) -> tuple[int, str, str | None] | None:
    """Where the declaration starts, its declarant's name and slug: "I, X, declare" first,
    else a "DECLARATION OF X" heading; None when the text names no declarant."""
    match = _I_DECLARE.search(text)
    if match is not None:
        return (match.start(), *_resolve(match["name"], entities))
    headings = []  # a heading may break its name over two lines: the fullest one names
    for match in _HEADING.finditer(text):
        name = _NAME_STOP.split(match["name"], maxsplit=1)[0].strip()
        if len(name.split()) >= 2:
            headings.append((-len(name.split()), match.start(), name))
    if not headings:
        return None
    _, _, name = min(headings)
    return (min(start for _, start, _ in headings), *_resolve(name, entities))


def _resolve(written: str, entities: Sequence[FoundEntity]) -> tuple[str, str | None]:
    name = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in written.split())
    key = name_key(name)
    for entity in entities:
        if entity.kind == "person" and key in {name_key(entity.name)}:
            return entity.name, entity.slug
        if entity.kind == "person" and any(name_key(m.text) == key for m in entity.mentions):
            return entity.name, entity.slug
    return name, None


def paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """The numbered paragraphs after ``start``: (start of the paragraph's text, its end),
    numbers running 1, 2, 3 ...; the attestation ends the last one."""
    found: list[tuple[int, int]] = []
    expected = 1
    for match in _PARAGRAPH.finditer(text, start):
        if int(match["n"]) != expected:
            continue
        expected += 1
        if found:
            found[-1] = (found[-1][0], match.start())
        found.append((match.end(), len(text)))
    if found:
        attestation = _ATTESTATION.search(text, found[-1][0])
        if attestation is not None:
            found[-1] = (found[-1][0], attestation.start())
    return found


def declaration_claims(doc: Doc, entities: Sequence[FoundEntity]) -> list[FoundClaim]:
    """One testimony claim per numbered paragraph of a declaration (see the module)."""
    text = text_of(doc)
    found = declarant(text, entities)
    if found is None:
        return []
    start, speaker, slug = found
    numbered = paragraphs(text, start)
    if not numbered or not _FIRST_PERSON.search(text, numbered[0][0], numbered[0][1]):
        return []  # a numbered list, not a declarant's statements
    sents = sentences(doc)
    claims = []
    for para_start, para_end in numbered:
        for sent in sents:
            s_start, s_end, _ = sentence_bounds(sent)
            if s_end <= para_start:
                continue
            if s_start >= para_end:
                break
            begin, end = max(s_start, para_start), min(s_end, para_end)
            body = " ".join(text[begin:end].split())
            if _EXHIBITS.search(body):
                break  # the paragraph presents exhibits
            if _NO_FACT.search(body):
                break  # who the declarant is, or a request: the paragraph asserts no fact
            if len(_WORDS.findall(body)) < 2 or body.isupper() or _ABOUT_ITSELF.search(body):
                continue  # a stray line number, a running title, the declaration itself
            claims.append(
                FoundClaim(
                    speaker=speaker,
                    verb="testified",
                    quote=" ".join(body.split()[:QUOTE_WORDS]),
                    sentence=text[begin:end],
                    start=begin,
                    end=end,
                    content=body,
                    speaker_slug=slug,
                    under_oath=True,
                )
            )
            break
    return claims
