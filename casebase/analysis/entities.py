"""Entities in a parsed document: NER and the known-entity ruler, cleaned, linked and grouped.

Resolution order for each mention: the ruler's slug; the alias table (``normalize_name``, then
without honorifics and corporate suffixes); short forms within the document ("Musk" after
"Elon Musk"); fuzzy matching above ``FUZZY_THRESHOLD``. What stays unresolved becomes a new
entity only when it is a well-formed name (see ``kinds.is_junk_name``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH, TAG
from spacy.tokens import Doc, Span, Token

from casebase.analysis.furniture import Furniture
from casebase.analysis.kinds import KINDS, is_junk_name, kind_for_label, refine_kind
from casebase.analysis.legal_names import case_key, case_names, court_names
from casebase.analysis.linking import KnownIndex, looks_like_person_name, name_key
from casebase.analysis.not_names import (
    ROLE_OPENERS,
    TITLE_WORDS,
    head_word,
    in_postal_address,
    is_address_form,
    is_bare_title,
    is_contract,
    is_document_or_role,
    is_generic_court,
    is_ocr_damage,
    is_office,
    is_reference_label,
    nested_in_court,
    strip_role_opener,
    strip_title,
)
from casebase.analysis.places import STATE_NAMES, shaped_places, united_states_nouns
from casebase.analysis.repeats import find_forms
from casebase.analysis.shaped_names import (
    ShapedName,
    appearance_firms,
    caption_parties,
    government_bodies,
    hearing_cover_bodies,
    hearing_headings,
    is_abbreviation_chain,
    is_clerk_signature,
    statute_names,
    surname_firms,
)
from casebase.analysis.spans import Ranges, ids_of, positions, sent_of, span_text, text_of
from casebase.analysis.transcript import cover_people, reporter_block
from casebase.analysis.types import FoundEntity, MentionSpan

_NAME_TAGS = {"NNP", "NNPS"}
_MIXED_CASE = re.compile(r"^[A-Za-z]*[a-z][A-Z][A-Za-z]*$|^[A-Z][a-z]+[A-Z][A-Za-z]*$")
_REPORTING_SUBJECT_VERBS = {
    "said", "says", "testified", "testifies", "alleged", "alleges", "argued", "argues",
    "claimed", "claims", "wrote", "writes", "told", "tells", "ruled", "rules", "denied",
    "admitted", "sued", "accused", "accuses", "reported", "reports", "stated", "added",
}  # fmt: skip


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str
    slug: str | None = None
    key: str = ""  # grouping key: "slug:<slug>" or "name:<name_key>"
    titled: bool = False  # a judge by the title after the name ("LEE, Circuit Judges")
    shaped: bool = False  # a statute or government body by its shape (shaped_names)
    classed: bool = False  # a product by a class noun beside it ("the chatbot Grok")
    named: str = ""  # a place's name where it is written short ("Fla.", "U.S."): places.py


def _trim(span: Span) -> Span | None:
    """Drop a possessive ending, leading lowercase determiners, possessive pronouns ("Our")
    and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    if start > 0 and _MIXED_CASE.match(doc[start - 1].text) and doc[start - 1].whitespace_ != "":
        start -= 1  # "hiQ Labs, Inc.": the model starts the name at "Labs"
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    owner = [t.i for t in doc[start:end] if t.tag_ == "POS" and not _plural_inside(t, end)]
    if owner:
        start = owner[-1] + 1  # "Meta’s Llama": the name is "Llama"; "Meta" is found on its own
    while start < end and (
        doc[start].is_punct
        or doc[start].text in {"the", "a", "an"}
        or doc[start].tag_ == "PRP$"  # "Our Supreme Court", "its Board": no part of the name
    ):
        start += 1
    if end - start > 1 and _outline_label(doc[start]):
        return None  # "I. Background", "C. Musk parts ways": a heading's label is no initial
    if end - start > 1 and doc[start].text == "The" and _opens_sentence(doc[start]):
        rest = doc[start + 1 : end].text
        text = text_of(doc)
        if not any(text.startswith(rest, at) for at in _mid_sentence_the(doc)):
            start += 1  # "The Copyright Office argued": a sentence's "The", not the name's
    return doc[start:end] if end > start else None


_MID_SENTENCE_THE = re.compile(r"[a-z,]\s+The\s+")


def _mid_sentence_the(doc: Doc) -> list[int]:
    """Where a name starts after a "The" written mid-sentence ("according to The Verge"),
    found once per document."""
    found = doc.user_data.get("casebase_mid_sentence_the")
    if found is None:
        found = [m.end() for m in _MID_SENTENCE_THE.finditer(text_of(doc))]
        doc.user_data["casebase_mid_sentence_the"] = found
    return found


def _opens_sentence(token: Token) -> bool:
    """The first word of a sentence or line (what stands before it ends one, or nothing)."""
    before = text_of(token.doc)[max(0, token.idx - 4) : token.idx].rstrip(" \t")
    return token.is_sent_start or not before or before.endswith(("\n", ".", "?", "!", ":", "”"))


_OUTLINE_LABEL = re.compile(r"^(?:[A-H]|[IVX]{1,4})\.$")


def _outline_label(token: Token) -> bool:
    """A heading's outline label ("I.", "C.") first on a line that ends as a heading does
    (without a sentence's closing punctuation)."""
    if not _OUTLINE_LABEL.match(token.text):
        return False
    text = text_of(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return not text[line_start : token.idx].strip() and not line.rstrip().endswith((".", ":", ";"))


def _plural_inside(token: Token, end: int) -> bool:
    """A plural's apostrophe inside a name ("Workers'" in "Court of Workers' Compensation
    Claims"), not an owner before a name ("Meta's Llama")."""
    doc = token.doc
    return (
        token.text in {"'", "’"}
        and token.i > 0
        and doc[token.i - 1].text.endswith("s")
        and token.i + 1 < end
        and doc[token.i + 1].text[:1].isupper()
    )


def _through_plural_possessive(ent: Span) -> Span:
    """A name the model ended at a plural's apostrophe inside it ("Court of Workers'" of
    "Court of Workers' Compensation Claims", "Bureau of Workers' Compensation"): carried on
    through the capitalised words after it on the same line."""
    doc = ent.doc
    last = doc[ent.end - 1]
    end = ent.end
    if (
        len(ent) >= 2
        and last.text.endswith("s")
        and not last.whitespace_
        and end < len(doc)
        and doc[end].text in {"'", "’"}
        and ent[-2].lower_ in {"of", "for"}
    ):
        end += 1  # the model stopped before the apostrophe: "Bureau of Workers" + "’"
    elif len(ent) < 2 or last.text not in {"'", "’"} or not doc[ent.end - 2].text.endswith("s"):
        return ent
    opened = end
    while end < len(doc):
        if end == opened and doc[end].text == "\n" and not doc[end - 1].whitespace_:
            end += 1  # "Bureau of Workers’\nCompensation": a line break after the apostrophe
            continue
        if (
            doc[end - 1].whitespace_ in {"", " "}
            and (doc[end].is_title or doc[end].is_upper)
            and doc[end].is_alpha
        ):
            end += 1
            continue
        break
    while end > opened and doc[end - 1].is_space:
        end -= 1
    return doc[ent.start : end] if end > opened else ent


def _without_line_end(ent: Span) -> Span:
    """A name in capitals the model ran into the line break after it ("DAVID L. ANDERSON\n"),
    without the break; a mixed-case span over a line break stays as it is (a heading run
    into the next line is no name)."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].is_space:
        end -= 1
    inner = ent.doc[ent.start : end]
    return inner if end < ent.end and inner.text.isupper() else ent


def propn_chain(token: Token) -> Span:
    """The proper-noun phrase headed by ``token`` ("The Verge", "Elon Musk")."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].tag_ in _NAME_TAGS and doc[start - 1].head.i <= token.i:
        start -= 1
    if start > 0 and doc[start - 1].text == "The" and doc[start - 1].dep_ == "det":
        start -= 1
    return doc[start : token.i + 1]


_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Mx)\.?\s+$")


def _abbreviated_modifier(span: Span) -> bool:
    return span.root.dep_ in _MODIFIER_DEPS and ("." in span.text or span.text.isupper())


_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")


def _distinct_words(doc: Doc) -> list[str]:
    """The document's distinct words (in no particular order), once per document, from the
    array of its words: creating a Token object per word costs far more than what the analysis
    does with the few it wants, and ``Doc.count_by`` counts them in a Python dictionary."""
    words = doc.user_data.get("casebase_distinct_words")
    if words is None:
        strings = doc.vocab.strings
        words = doc.user_data["casebase_distinct_words"] = [
            strings[orth] for orth in numpy.unique(doc.to_array(ORTH)).tolist()
        ]
    return words  # type: ignore[no-any-return]


def _lower_words(doc: Doc) -> set[str]:
    """The words the document writes in lower case, once per document."""
    words = doc.user_data.get("casebase_lower_words")
    if words is None:
        words = doc.user_data["casebase_lower_words"] = {
            word for word in _distinct_words(doc) if word.islower()
        }
    return words  # type: ignore[no-any-return]


def _name_like_tokens(doc: Doc) -> list[Token]:
    """The tokens tagged as proper nouns or written like "xAI", "Books3", in order, picked from
    arrays (casebase.analysis.spans.positions)."""
    found = set(positions(doc, TAG, ids_of(doc, _NAME_TAGS)))
    odd = [w for w in _distinct_words(doc) if _MIXED_CASE.match(w) or _NAME_WITH_DIGITS.match(w)]
    found.update(positions(doc, ORTH, ids_of(doc, odd)))
    return [doc[i] for i in sorted(found)]


def _common_word(doc: Doc, span: Span) -> bool:
    """A one-word name the document also writes in lower case ("State", "Federal", "Schedule"):
    a common word capitalised, not a name."""
    if len(span) != 1 or _MIXED_CASE.match(span.text):
        return False
    return span.text.lower() in _lower_words(doc)


#: The least a line must hold, before a name's line break, to be a line of hard-wrapped prose.
_FULL_LINE = 40


def _hard_wrapped(doc: Doc, span: Span) -> bool:
    """An organization's name the model read across one line break of hard-wrapped prose
    ("led by the National Fair Housing\n   Alliance alleging", a pleading's line number blank
    before "Alliance"): the line before the break is a full line that runs on (no stop or colon
    at its end), the name starts inside it (not on a heading's line), every word after the
    break is capitalised, and the name is headed by the noun of an institution ("Alliance",
    "Department"; "Vizio Smart\nTelevision" is a product). A heading run into the next line
    stays no name (``kinds.is_junk_name``)."""
    text = text_of(doc)
    inner = text[span.start_char : span.end_char]
    if inner.count("\n") != 1:
        return False
    head, tail = inner.split("\n")
    if not head.strip() or not tail.strip() or not all(w[:1].isupper() for w in tail.split()):
        return False
    if not head.rstrip()[-1:].isalpha():
        return False  # "Calderon\xad\nFuentes": a word broken at the line's end, not two words
    if head_word(_flat(inner)) not in _INSTITUTION_HEADS:
        return False  # "Vizio Smart\n4 Television": a product's name, not a body's
    line_start = text.rfind("\n", 0, span.start_char) + 1
    before = text[line_start : span.start_char]
    line = before + head
    return (
        len(line.strip()) >= _FULL_LINE
        and bool(before.strip())
        and not line.rstrip().endswith((".", ":", ";", "?", "!"))
    )


#: The tagger's tags of a common word: noun, adjective, verb, adverb (not a plural noun: a
#: surname ending in "s" is tagged so).
_COMMON_TAGS = frozenset({"NN", "JJ", "JJR", "JJS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB"})


def _tagged_common(span: Span) -> bool:
    """A one-word name in title case that the tagger reads as a common word, not a proper
    noun: the model's ORG on a capitalised adjective opening a sentence ("Wireless carriers
    collect"), a verb opening a prayer for relief ("Declare that Defendants' acts ...")."""
    if len(span) != 1 or not span.text.istitle() or _MIXED_CASE.match(span.text):
        return False
    return span[0].tag_ in _COMMON_TAGS


def _owner(whole: Span, name: Span) -> Span | None:
    """The owner the model ran into a name before its possessive ("Stanford University" of
    "Stanford University's Center on Poverty", "Illinois" of "Illinois’s Biometric Information
    Privacy Act"): a name of its own, which ``_trim`` cut off and the model did not find alone."""
    doc = whole.doc
    if name.start <= whole.start or doc[name.start - 1].tag_ != "POS":
        return None
    owner = _trim(doc[whole.start : name.start - 1])
    if owner is None or is_junk_name(owner.text) or any(not t.text[:1].isupper() for t in owner):
        return None
    return owner


def owner_candidate(owner: Span) -> Candidate:
    """An owner's kind by its name: a state is a place, a person's name a person's."""
    text = span_text(owner)
    if text in STATE_NAMES:
        kind = "place"
    elif looks_like_person_name(text) and len(owner) > 1:
        kind = "person"
    else:
        kind = "organization"
    return Candidate(owner.start_char, owner.end_char, text, kind)


def _ner_candidates(doc: Doc, taken: list[Candidate]) -> list[Candidate]:
    found = []
    for ent in doc.ents:
        kind = kind_for_label(ent.label_, span_text(ent))
        whole = _through_plural_possessive(_without_line_end(ent))
        span = _trim(whole) if kind else None
        if kind is None or span is None:
            continue
        owner = _owner(whole, span) if not ent.ent_id_ else None
        if owner is not None and not any(
            c.start < owner.end_char and owner.start_char < c.end for c in taken
        ):
            found.append(owner_candidate(owner))
        slug = ent.ent_id_ or None
        if (
            slug is not None
            and kind != "person"
            and _HONORIFIC_BEFORE.search(
                text_of(doc)[max(0, span.start_char - 6) : span.start_char]
            )
        ):
            slug, kind = None, "person"  # the ruler's "Ross" after "Mr.": see _link
        if slug is None and any(c.start < span.end_char and span.start_char < c.end for c in taken):
            continue
        name = span_text(span)
        if kind == "organization" and _hard_wrapped(doc, span):
            name = _flat(name)  # "the National Fair Housing\n   Alliance": one name
        if slug is None and (is_junk_name(name) or _common_word(doc, span)):
            continue
        if slug is None and kind == "organization" and _tagged_common(span):
            continue  # "Wireless carriers", "Declare that": the tagger reads a common word
        if slug is None and kind == "place" and _abbreviated_modifier(span):
            continue  # "U.S. District Judge", "a Calif. court": an adjective
        if kind == "person" and _MIXED_CASE.match(span_text(span)):
            kind = "organization"  # "OpenAI", "xAI": not how people's names are written
        if slug is None:
            kind = _product_or(kind, span)
        text = _POSSESSIVE_END.sub("", span_text(span))  # "Bordelon’s" as one token
        suffix = _SUFFIX_AFTER.match(text_of(doc), span.start_char + len(text))
        if slug is None and suffix and kind in {"person", "organization"} and text == span.text:
            text, kind = text + suffix.group(0), "organization"  # "Lowenstein Sandler PC"
        found.append(Candidate(span.start_char, span.start_char + len(text), text, kind, slug))
        found[-1].classed = slug is None and kind == "product" and _classed_product(span)
    return found


#: A corporate or professional-corporation suffix right after a name the model ended before
#: it: "Lowenstein Sandler PC", "Angel & Frankel, P.C.", "Kaye, McLane & Bednarski, LLP" (a
#: law firm, not a person; issue 17, round 8).
_SUFFIX_AFTER = re.compile(
    r",?[ ](?:P\.[ ]?C\.|PC|P\.A\.|APC|PLLC|P\.L\.L\.C\.|LLP|L\.L\.P\.|LLC|L\.L\.C\.)"
    r"(?=[\s,;:)]|$)"
    # a company's own suffix, in a court paper's list of a group's entities ("OpenAI, Inc.,
    # OpenAI, L.P., OpenAI GP, L.L.C."): each is a company of its own (round 12)
    r"|,[ ](?:Inc\.|L\.P\.|Corp\.|Ltd\.)(?=[\s,;:)]|$)"
)


def _fallback_candidates(doc: Doc, covered: set[int]) -> list[Candidate]:
    """Names the small statistical NER misses: mixed-case names ("xAI", "ChatGPT", "Books3"),
    proper-noun subjects of reporting verbs ("Elon Musk testified"), the X of "according to X",
    and one-word proper nouns that recur and are never written in lower case ("Anthropic")."""
    found = []
    candidates = _name_like_tokens(doc)  # only these can pass the tests below
    recurring = _recurring_proper_nouns(doc, covered, candidates)
    for token in candidates:
        if token.i in covered:
            continue
        span: Span | None = None
        kind = "organization"
        if _MIXED_CASE.match(token.text) or _NAME_WITH_DIGITS.match(token.text):
            span = token.doc[token.i : token.i + 1]
        elif token.tag_ not in _NAME_TAGS:
            continue
        elif token.dep_ == "nsubj" and token.head.text.lower() in _REPORTING_SUBJECT_VERBS:
            span = propn_chain(token)
            if looks_like_person_name(span.text) or len(span) == 1:
                kind = "person"
        elif token.dep_ == "pobj" and _according_to(token):
            span = propn_chain(token)
            kind = "person" if looks_like_person_name(span.text) else "organization"
        elif token.text in recurring:
            span = token.doc[token.i : token.i + 1]
        if span is None or any(t.i in covered for t in span) or is_junk_name(span.text):
            continue
        if len(span) == 1 and token.is_sent_start and kind == "person":
            continue  # a capitalised first word is not evidence of a name
        kind = _product_or(kind, span)
        found.append(Candidate(span.start_char, span.end_char, span.text, kind))
        found[-1].classed = kind == "product" and _classed_product(span)
        covered.update(t.i for t in span)
    return found


#: A judge or a panel named by the title after the names, as opinions of every court write
#: them: "Dolly M. Gee, District Judge, Presiding", "Before: WARDLAW, BENNETT, and LEE,
#: Circuit Judges.", "Before Barksdale, Stewart, and Dennis, Circuit Judges", "STEPHANOS
#: BIBAS, Circuit Judge, sitting by designation", "Milan D. Smith, Jr., Circuit Judge".
_JUDGE_NAME = r"[A-Z][A-Za-z.'’-]+(?:[ ][A-Z][A-Za-z.'’-]+){0,3}(?:,[ ](?:J[Rr]\.|S[Rr]\.|III|II))?"
_TITLED_JUDGES = re.compile(
    rf"(?P<names>{_JUDGE_NAME}(?:(?:,[ ](?:and[ ])?|[ ]and[ ]){_JUDGE_NAME})*),[ ]"
    r"(?:(?:(?:Chief|Senior|United[ ]States|U\.[ ]?S\.|District|Magistrate|Circuit|Bankruptcy"
    r"|Associate|Presiding)[ ])*(?:Judges?|Justices?)\b(?![ \t]+[A-Z])"
    # not "on Tuesday, Judge Lopez": the title before a name is that name's
    r"|(?:C\.[ ]?J|P\.[ ]?J|JJ|J|U\.[ ]?S\.[ ]?[DM]\.[ ]?J)\.(?![ \t]*[A-Z][a-z]))"
    # abbreviated (issue 17, round six): "Before CAMPBELL and HANCOCK and PIRTLE, JJ.",
    # "O'Sullivan, J.", "LORETTA A. PRESKA, U.S.D.J."; not an initial ("Smith, J. Robert")
)
_JUDGE_ONE = re.compile(_JUDGE_NAME)
#: A judge's name in capitals with the title after it and no comma, alone on its line, as
#: federal district courts sign an order's heading: "TOBY CROUSE UNITED STATES DISTRICT JUDGE."
_CAPS_JUDGE_LINE = re.compile(
    r"(?m)^[ \t]*(?P<names>[A-Z][A-Z'’-]+(?:[ ][A-Z]\.)?(?:[ ][A-Z][A-Z'’-]+){1,2})[ ]+"
    r"(?:UNITED[ ]STATES[ ]|U\.[ ]?S\.[ ])?(?:SENIOR[ ]|CHIEF[ ])?"
    r"(?:DISTRICT|MAGISTRATE|BANKRUPTCY|CIRCUIT)[ ]JUDGE\.?[ \t]*$"
)
_JUDGE_TITLE = re.compile(
    r",[ ][A-Z.a-z ]{0,40}?\b(?:Judges?|Justices?)\b"
    r"|,[ ](?:C\.[ ]?J\.|P\.[ ]?J\.|JJ\.|J\.|U\.[ ]?S\.[ ]?[DM]\.[ ]?J\.)(?![ \t]*[A-Z][a-z])"
)
#: A judge's name written surname first, as a reporter's or a docket service's heading lists
#: the author of an order: "Wang, Ona T., United States Magistrate Judge" (the given name and
#: its initial after the comma: no list of surnames ends in an initial; round 12).
_INVERTED_JUDGE = re.compile(
    r"(?<!,[ ])(?<![\w.’'-])(?P<surname>[A-Z][a-z'’-]+),[ ]"
    r"(?P<given>[A-Z][a-z'’-]+[ ][A-Z]\.),[ ]"
    r"(?:(?:Chief|Senior|United[ ]States|U\.[ ]?S\.|District|Magistrate|Circuit|Bankruptcy)[ ])*"
    r"(?:Judge|Justice)\b"
)
_NAMED_KINDS = {"court", "case", "law"}
_NOT_JUDGE_WORDS = {"Before", "The", "Honorable", "Hon.", "Judge", "Judges", "Chief",
                    "Senior", "Circuit", "District", "Justice", "Magistrate", "Presiding", "and",
                    "Per"}  # fmt: skip


def _titled_judges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The people a judge's title follows (``_TITLED_JUDGES``) are people: added where the
    model found no name, and a candidate that runs on into the title ("BIBAS, Circuit") or
    took a judge for a company is replaced by the name alone."""
    if "Judge" not in text and "Justice" not in text and "J." not in text and "JUDGE" not in text:
        return candidates
    out = list(candidates)
    matches: dict[int, re.Match[str]] = {}
    for title in _JUDGE_TITLE.finditer(text):  # the long expression only on the lines before
        window = _TITLED_JUDGES.finditer(text, max(0, title.start() - 160), title.end() + 8)
        m = next((m for m in window if m.end() == title.end()), None)
        if m is not None:
            matches.setdefault(m.start(), m)
    if "JUDGE" in text:
        for m in _CAPS_JUDGE_LINE.finditer(text):
            matches.setdefault(m.start(), m)
    for inv in _INVERTED_JUDGE.finditer(text):
        first, last = inv.start(), inv.end("given")
        if not any(c.start < last and first < c.end and c.slug for c in out):
            out = [c for c in out if not (c.start < last and first < c.end)]
            full = f"{inv['given']} {inv['surname']}"
            out.append(Candidate(first, last, text[first:last], "person", titled=True,
                                 key=f"name:{name_key(full)}", named=full))  # fmt: skip
    for m in matches.values():
        for name in _JUDGE_ONE.finditer(text, m.start("names"), m.end("names")):
            words = name.group(0).split(" ")
            start = name.start()
            while words and words[0] in _NOT_JUDGE_WORDS:
                start += len(words.pop(0)) + 1
            if not words or re.match(r"(?:J[Rr]|S[Rr])\.|II", name.group(0)):
                continue
            if re.search(r"\b[A-Z]\.$", name.group(0)):
                continue  # "Wang, Ona T., ... Magistrate Judge": the given names of an inversion
            end = name.end()
            if re.search(r",[ ](?:Jr\.|Sr\.|III|II)$", text[start:end]) and len(words) < 3:
                continue
            named = [  # a court's or case's name before the judge's, on the same line
                c for c in out if c.start < start < c.end <= end and c.kind in _NAMED_KINDS
            ]
            if named:  # "... District of California Yvonne Gonzalez Rogers, District Judge"
                start = max(c.end for c in named)
                start += len(text[start:end]) - len(text[start:end].lstrip())
                if start >= end or not text[start].isupper() or len(text[start:end]) < 4:
                    continue
            overlapping = [c for c in out if c.start < end and start < c.end]
            if any(c.slug for c in overlapping) and all(
                c.kind == "person" for c in overlapping if c.slug
            ):
                continue  # linked to the knowledge base as a person already
            if any(c.slug and c.kind != "person" for c in overlapping):
                continue  # linked to something else: the knowledge base knows better
            out = [c for c in out if c not in overlapping]
            out.append(Candidate(start, end, text[start:end], "person", titled=True))
    return out


_NAME_WITH_DIGITS = re.compile(r"^[A-Z][a-z]+\d+$")
#: Capitalised words that are ordinary words in legal and news text, even when never written
#: in lower case in one document.
_CAPITALISED_COMMON = {
    "court", "judge", "justice", "circuit", "district", "act", "section", "plaintiff",
    "plaintiffs", "defendant", "defendants", "congress", "senate", "house", "state", "states",
    "federal", "company", "government", "internet", "english", "american", "chinese",
    "document", "page", "exhibit", "filed", "order", "opinion", "motion",
}  # fmt: skip


def _recurring_proper_nouns(doc: Doc, covered: set[int], candidates: list[Token]) -> set[str]:
    """One-word proper nouns seen at least twice mid-sentence, outside longer names, and never
    in lower case in this document: names the model did not tag. ``candidates``: the
    document's name-like tokens (``_name_like_tokens``)."""
    lower_words = _lower_words(doc)
    counts: dict[str, int] = {}
    for token in candidates:
        if token.i in covered or token.tag_ not in _NAME_TAGS or token.is_sent_start:
            continue
        if not token.is_title or not token.is_alpha or len(token.text) < 3:
            continue
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(n.is_title and n.tag_ in _NAME_TAGS for n in neighbours):
            continue  # part of a longer name the model did not find: not one we can trust
        counts[token.text] = counts.get(token.text, 0) + 1
    return {
        word
        for word, n in counts.items()
        if n >= 2 and word.lower() not in lower_words and word.lower() not in _CAPITALISED_COMMON
    }


_PRODUCT_NOUNS = {
    "chatbot", "chatbots", "model", "models", "assistant", "app", "database", "platform",
    "service", "dataset", "library", "software", "engine", "tool", "system",
}  # fmt: skip
_PRODUCT_NAME = re.compile(r"GPT|^[A-Z][a-z]+\d+$|-[A-Z]?\d")


def _product_or(kind: str, span: Span) -> str:
    """ "the Grok chatbot", "Claude models", "GPT-4", "Books3": products, whatever the NER said."""
    if kind not in {"person", "organization"}:
        return kind
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in _PRODUCT_NOUNS and after.tag_.startswith("NN"):
        return "product"
    if _PRODUCT_NAME.search(span.text) or _classed_product(span):
        return "product"
    return kind


#: Class nouns of things made, not makers: a name the text sets beside one ("the chatbot
#: Grok", "Instagram, a photo and video sharing website", "shadow libraries (Books3, LibGen,
#: and Pirate Library Mirror)", "repositories such as Library Genesis") is a product.
_PRODUCT_CLASSES = _PRODUCT_NOUNS | {
    "libraries", "repositories", "repository", "websites", "website", "application",
    "applications", "apps", "products", "product", "platforms", "services", "databases",
    "datasets", "browser", "browsers", "smartphone", "smartphones", "device", "devices",
}  # fmt: skip
#: What "the iPhone maker", "the ChatGPT developer" say of the name before them: it is made.
_MAKER_NOUNS = frozenset({"maker", "makers", "developer", "developers", "creator", "creators"})
#: Words that may stand in a list between a class noun and one of its members.
_LIST_WORDS = frozenset({
    ",", "(", ":", "and", "or", "such", "as", "including", "like", "the", "among", "other",
})  # fmt: skip


def _classed_product(span: Span) -> bool:
    """A name the text itself classes as a made thing, by the shape of the phrase: a class
    noun in apposition ("the chatbot Grok", "Instagram, a photo and video sharing website");
    a maker named by it ("the iPhone maker", "ChatGPT maker OpenAI": the name before "maker");
    or a member of a list a plural class noun opens ("shadow libraries (Books3, LibGen, and
    Pirate Library Mirror)", "repositories such as Library Genesis and Pirate Library Mirror",
    "operates, among other products, Facebook and Instagram")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in _MAKER_NOUNS and after.tag_.startswith("NN"):
        return True
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.text in _PRODUCT_CLASSES and child.i >= span.end:
            return True  # "Instagram, a photo and video sharing website"
        if child.dep_ == "compound" and child.i < span.start and child.text in _PRODUCT_CLASSES:
            return True  # "the chatbot Grok"
    # a list's member: walk back over names and list words to a plural class noun
    i = span.start - 1
    steps = 0
    while i >= 0 and steps < 24:
        token = doc[i]
        if token.text in _PRODUCT_CLASSES and token.tag_ == "NNS":
            return True  # in lower case: a caption's "APPLICATIONS FOR LEAVE" opens no list
        if not (
            token.lower_ in _LIST_WORDS
            or token.is_space
            or token.tag_ in _NAME_TAGS
            or token.text[:1].isupper()
            or token.like_num
        ):
            return False
        i -= 1
        steps += 1
    return False


def _according_to(token: Token) -> bool:
    prep = token.head
    return prep.text.lower() == "to" and prep.head.text.lower() == "according"


def _link(candidates: list[Candidate], index: KnownIndex, text: str) -> None:
    for cand in candidates:
        if cand.slug is None:
            entity = index.resolve(_flat(cand.text))
            if entity is None and cand.kind == "law" and _LAW_YEAR.search(cand.text):
                # "Computer Fraud and Abuse Act of 1986": the act, whose name carries its year
                entity = index.resolve(_LAW_YEAR.sub("", cand.text))
            if entity is not None and entity.kind != "person" and _after_honorific(text, cand):
                cand.kind, entity = "person", None  # "Mr. Ross" is a man, not ROSS Intelligence
            if entity is not None:
                cand.slug, cand.kind = entity.slug, entity.kind
        if cand.slug:
            cand.key = f"slug:{cand.slug}"
        elif not cand.key:
            cand.key = f"name:{name_key(_LAW_YEAR.sub('', _flat(cand.text)))}"


_LAW_YEAR = re.compile(r"(?<=\bAct)[ ]of[ ]\d{4}$")


def _cover_names(
    candidates: list[Candidate], index: KnownIndex, people: Sequence[tuple[int, int]]
) -> None:
    """Names a transcript's cover gives by its structure (``cover_people``) against the rest:
    the cover's "WILLIAM H. ALSUP" is the known William Alsup (middle initials dropped);
    "NIELS JON MELIUS, ESQUIRE" is the "Niels Melius" of the turns (a middle name dropped); and
    a surname alone ("THOMAS" of "MR. THOMAS") linked to a known namesake (Clarence Thomas)
    is the person the cover names with it ("WILLIAM THOMAS, PRO SE") when the knowledge base
    does not know that one: the appearance page says who speaks."""
    cover = [
        c
        for c in candidates
        if c.kind == "person"
        and c.slug is None
        and any(s < c.end and c.start < e for s, e in people)
    ]
    for cand in cover:
        words = _flat(cand.text).split()
        known = index.resolve(" ".join(w for w in words if not _INITIAL.match(w.lower())))
        if known is not None and known.kind == "person":
            cand.slug, cand.key = known.slug, f"slug:{known.slug}"
    cover = [c for c in cover if c.slug is None]
    by_ends = {person_core(f"{c.text.split()[0]} {c.text.split()[-1]}"): c.key for c in cover}
    surnames = {name_key(_flat(c.text)).split()[-1] for c in cover}
    for cand in candidates:
        if cand.kind != "person" or cand in cover or cand.slug is not None:
            if cand.slug and len(cand.text.split()) == 1 and name_key(cand.text) in surnames:
                known = index.by_slug.get(cand.slug)
                if known is not None and known.kind == "person":
                    cand.slug, cand.kind = None, "person"
                    cand.key = f"name:{name_key(cand.text)}"
            continue
        core = person_core(_flat(cand.text))
        if len(core.split()) == 2 and core in by_ends:
            cand.key = by_ends[core]


def _after_honorific(text: str, cand: Candidate) -> bool:
    return bool(_HONORIFIC_BEFORE.search(text[max(0, cand.start - 6) : cand.start]))


_TITLES = re.compile(r"^(?:Judge|Justice|Mr|Mrs|Ms|Dr|Sen|Rep)\.?\s")


_INITIAL = re.compile(r"^(?:[a-z]\.?|jr\.?|sr\.?|ii|iii|iv)$")


def _flat(text: str) -> str:
    """A name as one line: a hard-wrapped name without its line break and line number
    ("Kendrick\n14 Jan" -> "Kendrick Jan")."""
    if "\n" not in text:
        return text
    return " ".join(_LINE_NUMBER_INSIDE.sub(" ", text).split())


def person_core(text: str) -> str:
    """A person's name without middle initials and generational suffixes, lower-cased:
    "SARAH K. EDDY", "Sarah Eddy" and "Milan D. Smith, Jr." -> "sarah eddy", "milan smith"."""
    words = name_key(text).replace(",", " ").split()
    core = [w for i, w in enumerate(words) if i == 0 or not _INITIAL.match(w)]
    return " ".join(core)


def _same_people(candidates: list[Candidate]) -> None:
    """Unlinked person names of two or more words that differ only by middle initials, a
    suffix or capitals ("SARAH K. EDDY" in a transcript's appearances, "Sarah Eddy" in its
    text) are one person: all take the key of the first, so the surname alone ("EDDY") has
    one person to join."""
    first: dict[str, str] = {}
    for cand in candidates:
        if cand.kind != "person" or cand.slug is not None or _TITLES.match(cand.text):
            continue
        core = person_core(_flat(cand.text))
        if len(core.split()) < 2:
            continue
        cand.key = first.setdefault(core, cand.key)


def _short_forms(candidates: list[Candidate], text: str = "") -> None:
    """Point a short form ("Musk", "Van Buren", "Judge Lin") at the one longer person name in
    the document that ends with it ("Elon Musk", "Nathan Van Buren", "Rita Lin"), a given name
    ("Elon", "Leonardo") at the one that starts with it, and a
    one-word name that is not a person at the one case it opens ("Brand" for "Brand v.
    Commissioner")."""
    _same_people(candidates)
    by_suffix: dict[str, set[str]] = {}
    by_prefix: dict[str, set[str]] = {}  # given names: "Elon" of "Elon Musk"
    kinds: dict[str, str] = {}
    longest: dict[str, str] = {}  # a person's key -> its longest name, lower-cased
    for cand in candidates:
        words = _flat(cand.text).split()
        if len(words) > 1 and cand.kind == "person" and not _TITLES.match(cand.text):
            if len(name_key(_flat(cand.text))) > len(longest.get(cand.key, "")):
                longest[cand.key] = name_key(_flat(cand.text))
            for i in range(1, len(words)):
                by_suffix.setdefault(name_key(" ".join(words[i:])), set()).add(cand.key)
                by_prefix.setdefault(name_key(" ".join(words[:i])), set()).add(cand.key)
            kinds[cand.key] = cand.kind
    cases: dict[str, set[str]] = {}  # "brand" -> the key of "Brand v. Commissioner"
    # a name also written with a corporate suffix ("Facebook, Inc.") is the company itself
    companies = {
        name_key(c.text) for c in candidates if c.kind != "case" and len(c.text.split()) > 1
    }
    first_parties: dict[str, set[str]] = {}  # "hernandez roman" -> "Hernandez Roman v. Wolf"
    for cand in candidates:
        if cand.kind == "case" and " v. " in cand.text:
            cases.setdefault(name_key(cand.text.split(" v. ")[0].split()[0]), set()).add(cand.key)
            kinds[cand.key] = "case"
        if cand.kind == "case" and cand.key.startswith("case:"):
            kinds[cand.key] = "case"
            party = cand.key[len("case:") :].split(" v ")[0]
            if len(party.split()) > 1:
                first_parties.setdefault(party, set()).add(cand.key)
    for cand in candidates:
        if cand.slug is not None:
            continue
        keys = _longest_of(by_suffix.get(name_key(cand.text), set()) - {cand.key}, longest)
        if not keys and cand.kind in {"person", "place"} and " " not in cand.text.strip():
            # a given name ("Ruben" of "Ruben Diaz"), when it is no surname of another too
            keys = by_prefix.get(name_key(cand.text), set()) - {cand.key}
        if (
            not keys
            and cand.kind != "person"
            and len(cand.text.split()) == 1
            and name_key(cand.text) not in companies
            and not cand.text.isupper()  # "the SEC" is the agency, "Ripple" the case
        ):
            keys = cases.get(name_key(cand.text), set())  # "In Brand, the court held ..."
        if (
            not keys
            and cand.kind != "case"
            and name_key(cand.text) not in by_prefix
            and not _COMPANY_SUFFIX_AFTER.match(text, cand.end)  # the company, written in full
        ):
            # a case named by its whole first party ("Unlike in Hernandez Roman, ...")
            keys = first_parties.get(" ".join(name_key(cand.text).replace("-", " ").split()), set())
        if len(keys) == 1:
            cand.key = next(iter(keys))
            cand.kind = kinds[cand.key]


def _longest_of(keys: set[str], longest: dict[str, str]) -> set[str]:
    """Of several people a short form may stand for, the one whose name holds all the others
    at its end: "Pierre" is Vanessa St. Pierre's short form whether "St. Pierre" (a surname of
    two words) or "Vanessa St. Pierre" is read as the longer name; two different people ("Jane
    Roe", "John Roe") stay two, and the short form joins neither."""
    if len(keys) < 2:
        return keys
    top = max(keys, key=lambda k: len(longest.get(k, "")))
    whole = longest.get(top, "")
    if all(whole.endswith(" " + longest.get(k, "-")) or k == top for k in keys):
        return {top}
    return keys


#: A corporate suffix right after a name the model ended before it ("PALANTIR TECHNOLOGIES
#: INC." in a caption): the company written in full, not a case's first party.
_COMPANY_SUFFIX_AFTER = re.compile(r",?[ ](?:Inc|INC|Corp|CORP|LLC|Ltd|LTD|L\.L\.C)\b")


#: A Bluebook short-form citation after a name: "Iqbal, 556 U.S. at 678", "Penn Gaming, 656
#: F.3d at 1214" (the name is the case's).
_SHORT_CITE_AFTER = re.compile(r"^[ ]?,\s+\d{1,4}\s+[A-Z][A-Za-z0-9.’' ]{0,24}?\s+at\s+\*?\d")
#: A defined term in a parenthesis right after a name: "City of El Paso (the “City”)",
#: "Plaintiff Kerry Walls ("Walls" or "plaintiff")".
_DEFINED_AFTER = re.compile(
    r"^\s*\((?:the\s+|hereinafter\s+)?[“\"](?P<term>[A-Z][^”\"\n]{0,40})[”\"]"
)
_DISTRICT_SHORT = re.compile(
    r"^(?:the\s+)?(?P<part>Northern|Southern|Eastern|Western|Central|Middle)\s+District$",
    re.IGNORECASE,
)


def _court_paper_short_forms(text: str, candidates: list[Candidate]) -> None:
    """Short forms court papers write by convention (issue 17, round six): a name before a
    Bluebook short cite is the case one of whose parties it names ("Iqbal, 556 U.S. at 678"
    of "Ashcroft v. Iqbal"; else a case of its own); a defined term in a parenthesis after a
    name is that name's entity ("City of El Paso (the “City”)"); a district named without
    its state ("the Northern District") is the one district court of that part the text
    names in full."""
    cases = [c for c in candidates if c.kind == "case"]
    courts = {c.key for c in candidates if c.kind == "court" and c.key.startswith("court:")}
    by_start = {c.start: c for c in candidates}
    for cand in candidates:
        if cand.slug is not None:
            continue
        if cand.kind != "case" and _SHORT_CITE_AFTER.match(text[cand.end : cand.end + 40]):
            words = f" {name_key(cand.text)} "
            keys = {c.key for c in cases if words in f" {_party_words(c.text)} "}
            cand.kind = "case"
            if len(keys) == 1:
                cand.key = next(iter(keys))
            continue
        district = _DISTRICT_SHORT.match(cand.text) if cand.kind == "court" else None
        if district:
            part = f"court:{district['part'].lower()} district of "
            keys = {k for k in courts if k.startswith(part)}
            if len(keys) == 1:
                cand.key = next(iter(keys))
    added: list[Candidate] = []
    for owner in candidates:
        defined = _DEFINED_AFTER.match(text[owner.end : owner.end + 60])
        if defined is None:
            continue
        at = owner.end + defined.start("term")
        term = by_start.get(at)
        if owner.kind in {"case", "court"}:
            continue  # "(the “District Court”)": a generic court is no court's name
        if term is None and not is_junk_name(defined["term"]):
            # the term the parenthesis defines is the owner's name, found or not
            term = Candidate(at, at + len(defined["term"]), defined["term"], owner.kind)
            added.append(term)
        if term is None or term is owner or term.slug is not None or term.kind in {"case", "court"}:
            continue
        if is_document_or_role(term.text) or term.key == owner.key:
            continue
        if term.key and term.key != f"name:{name_key(term.text)}":
            continue  # already joined to a name it shortens ("Trump" of "Donald J. Trump")
        term.key, term.kind, term.slug = owner.key, owner.kind, term.slug or owner.slug
    candidates += [c for c in added if c.key]


_INITIAL_SKIP = frozenset({"of", "and", "the", "for", "on", "in", "&"})
_BODY_OF = re.compile(r"^(?P<field>[A-Z][a-z]+) (?P<body>Department|Bureau|Commission|Agency)$")
_CORPORATE_SUFFIX = re.compile(
    r"^(?:Inc|Corp|Co|Ltd|LLC|LLP|LP|PBC|PLC|PC|PA|NA|AG|SA|GmbH|L\.?L\.?C|N\.A)\.?,?$",
    re.IGNORECASE,
)


def _initials(name: str) -> set[str]:
    """The acronyms a name may be written as: the initials of its words without and with its
    small words ("Federal Bureau of Investigation": "FBI"; "Department of Justice": "DOJ")."""
    inverted = _BODY_OF.match(name)
    if inverted:  # "Justice Department" is the "Department of Justice": "DOJ"
        name = f"{inverted['body']} of {inverted['field']}"
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    while words and _CORPORATE_SUFFIX.match(words[-1]):
        words.pop()  # "Anthropic PBC" is no "AP"
    if len(words) < 2:
        return set()
    full = "".join(w[0] for w in words).upper()
    short = "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP).upper()
    return {full, short}


def _acronym_expansions(candidates: list[Candidate]) -> None:
    """An acronym and the one name in the text whose initials it spells ("EPA" and
    "Environmental Protection Agency", "GM" and "General Motors") are one entity: the acronym
    joins the name, or the name the acronym the knowledge base linked."""
    named: dict[str, set[str]] = {}
    owners: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.kind in {"case", "court"} or _ACRONYM.match(cand.text):
            continue
        for acronym in _initials(cand.text):
            named.setdefault(acronym, set()).add(cand.key)
            owners.setdefault(cand.key, cand)
    for cand in candidates:
        if not _ACRONYM.match(cand.text) or _ROMAN.match(cand.text):
            continue
        keys = named.get(cand.text.replace("&", ""), set()) - {cand.key}
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        owner = owners[key]
        if cand.slug is None:
            cand.key, cand.kind, cand.slug = key, owner.kind, owner.slug
        elif owner.slug is None:
            for other in candidates:
                if other.key == key:
                    other.key, other.kind, other.slug = cand.key, cand.kind, cand.slug


#: The country before a federal body's name: "U.S. Copyright Office" is the "Copyright
#: Office" the text names without it.
_NATIONAL_PREFIX = re.compile(r"^(?:U\.\s?S\.|US|United\s+States)\s+(?=[A-Z])")


def _national_prefix(candidates: list[Candidate]) -> None:
    """A body named with and without "U.S." ("U.S. Copyright Office", "Copyright Office";
    "U.S. Court of Appeals for the Ninth Circuit", "Court of Appeals for the Ninth Circuit") is
    one entity (issue 17, round 8): an unlinked form with the prefix joins the entity of the
    form without it (the linked one, else the first); a case, person or place is never joined
    so."""
    plain: dict[str, str] = {}
    for cand in candidates:
        if cand.kind in {"case", "person", "place"} or _NATIONAL_PREFIX.match(cand.text):
            continue
        bare = name_key(_flat(cand.text))
        if bare and (cand.slug or bare not in plain):
            plain[bare] = cand.key
    for cand in candidates:
        if cand.slug is not None or cand.kind in {"case", "person", "place"}:
            continue
        prefix = _NATIONAL_PREFIX.match(cand.text)
        target = plain.get(name_key(_flat(cand.text[prefix.end() :]))) if prefix else None
        if target:
            cand.key = target


def _company_short_forms(candidates: list[Candidate]) -> None:
    """A company named by the first words of its full name ("Stylesite" for "Stylesite
    Marketing, Inc.", "Stability" for "Stability AI, Inc."): an unlinked organization whose
    words open exactly one longer organization's name is that organization (issue 17, round
    8); two companies sharing the words ("Wells Fargo Bank", "Wells Fargo & Co.") leave it
    alone, as does a place, person or product ("XRP" of "XRP Ledger")."""
    opens: dict[str, set[str]] = {}
    for cand in candidates:
        if cand.kind != "organization":
            continue
        words = _company_words(cand.text)
        for i in range(1, len(words)):
            opens.setdefault(" ".join(words[:i]), set()).add(cand.key)
    if not opens:
        return
    # a one-word "person" no person's full name holds is a company's name the model mistook
    # ("Arch" of "Arch Specialty Insurance Company"): _group would make it an organization
    people = {
        word
        for c in candidates
        if c.kind == "person" and len(c.text.split()) > 1
        for word in name_key(_flat(c.text)).split()
    }
    for cand in candidates:
        if cand.slug is not None or cand.kind not in {"organization", "person"}:
            continue
        if cand.kind == "person" and (" " in cand.text or name_key(cand.text) in people):
            continue
        if _WITH_SUFFIX.search(_flat(cand.text)):
            continue  # "DonnKenny, Inc." is a company of its own beside "DonnKenny Apparel, Inc."
        keys = opens.get(" ".join(_company_words(cand.text)), set())
        if len(keys) == 1 and cand.key not in keys:
            cand.key, cand.kind = next(iter(keys)), "organization"


_WITH_SUFFIX = re.compile(
    r",?\s(?:Inc|Incorporated|Corp|Corporation|Co|Company|LLC|L\.L\.C|LLP|L\.L\.P|Ltd|Limited"
    r"|LP|L\.P|PLC|GmbH|N\.A|PBC|P\.C|PC)\.?$",
    re.IGNORECASE,
)


#: A signature block's list of the parties counsel represent, a line opening with "Attorneys
#: for" and running to a blank line ("Attorneys for Defendants Samuel Altman, Gregory\n
#: Brockman, OpenAI, Inc., OpenAI L.P., ..."): page furniture, whose suffixed names are not
#: told apart (the list names every affiliate; the paper's body only some).
_REPRESENTED = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?:Attorneys|Counsel)[ ]for\b(?:.+\n)*")
_SUFFIX_FORMS = {"incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd"}


def _sibling_companies(candidates: list[Candidate], text: str) -> None:
    """Companies of one group that a court paper tells apart by their suffix alone ("OpenAI,
    Inc., OpenAI, L.P., OpenAI GP, L.L.C."; "Defendants ... OpenAI, Inc. ... OpenAI L.P."):
    when one name is written with two different corporate suffixes, each suffix names a
    company of its own, not the bare name's (which ``name_key`` makes them all; issue 17,
    round 12). The bare name ("OpenAI") stays as it was linked or grouped; a name the model
    ended before its suffix ("Defendants OpenAI, Inc.": "OpenAI") takes it back here."""
    by_base: dict[str, dict[str, list[Candidate]]] = {}
    grown: dict[int, int] = {}
    represented = [m.span() for m in _REPRESENTED.finditer(text)]
    for cand in candidates:
        if cand.kind != "organization" or any(s <= cand.start < e for s, e in represented):
            continue
        flat = _flat(cand.text)
        after = _SUFFIX_AFTER.match(text, cand.end)
        if not _WITH_SUFFIX.search(flat) and after and after.group(0).startswith(","):
            grown[id(cand)] = after.end()
            flat += after.group(0)
        suffix = _WITH_SUFFIX.search(flat)
        if suffix is None:
            continue
        form = re.sub(r"[^a-z]", "", suffix.group(0).lower())
        form = _SUFFIX_FORMS.get(form, form)
        base = name_key(flat[: suffix.start()])
        if base:
            by_base.setdefault(base, {}).setdefault(form, []).append(cand)
    for base, forms in by_base.items():
        if len(forms) < 2:
            continue
        for form, members in forms.items():
            for cand in members:
                cand.slug, cand.key = None, f"name:{base}|{form}"
                if id(cand) in grown:
                    cand.end = grown[id(cand)]
                    cand.text = text[cand.start : cand.end]


def _company_words(name: str) -> list[str]:
    return name_key(_flat(name)).replace(",", " ").split()


def _party_words(case_name: str) -> str:
    """A case name's words, lower-cased, without "v." and punctuation: "Kan. Penn Gaming, LLC
    v. Collins" -> "kan penn gaming llc collins"."""
    return " ".join(re.sub(r"[^\w\s]", " ", re.sub(r"\bv\.", " ", case_name.casefold())).split())


#: The line break of hard-wrapped text, with the line number of pleading paper or a transcript
#: that may stand alone on the next line or open it ("Wells\n10\nFargo", "United\n4 States").
_WRAP = r"[ \t]*\n(?:[ \t]*\d{1,3}[ \t]*\n)?[ \t]*(?:\d{1,3}[ \t]+)?"
_WRAP_AFTER = re.compile(_WRAP)
#: Capitalised words ending a line, right before a wrap (at most three).
_WORDS_BEFORE_WRAP = re.compile(
    r"(?<![\w.'’&-])(?P<words>[A-Z][\w.'’&-]*(?:[ ][A-Z][\w.'’&-]*){0,2})" + _WRAP + r"$"
)


def _written_whole(text: str, words: str, at: tuple[int, int]) -> bool:
    """``words`` (single-spaced) written on one line somewhere in ``text`` outside ``at``."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])", re.IGNORECASE)
    return any(m.start() >= at[1] or m.end() <= at[0] for m in pattern.finditer(text))


def _rewrap(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Names the line break of hard-wrapped text cut, which the text writes whole elsewhere:
    "Waste" at a line's end before "Management" is "Waste Management"; "Fargo" after "Wells"
    and a pleading's line number ("Wells\n10\nFargo"), a case name whose first party began on
    the line before ("Zepeda\nRivas v. Jennings", "United\n4 States versus Nikulin") are carried
    back over the break (issue 17, round 8). A candidate the longer name now covers is dropped."""
    forms = {c.text for c in candidates if " " in c.text and "\n" not in c.text}
    for cand in candidates:
        if cand.slug is not None:
            continue
        if cand.kind != "case" and forms:
            _rewrap_forward(text, cand, forms)
        _rewrap_back(text, cand)
    grown = [c for c in candidates if "\n" in c.text]
    if not grown:
        return candidates
    return [
        c
        for c in candidates
        if c.slug is not None or not any(g is not c and _strictly_inside(c, g) for g in grown)
    ]


def _rewrap_forward(text: str, cand: Candidate, forms: set[str]) -> None:
    brk = _WRAP_AFTER.match(text, cand.end)
    if brk is None or brk.end() == cand.end or "\n" not in text[cand.end : brk.end()]:
        return
    after = brk.end()
    # longest first, so the result never depends on a set's order (the hash seed): "Vizio\n
    # Inscape Services, LLC", not "Vizio\nInscape Services", when the text writes both whole
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        if not form.startswith(cand.text + " "):
            continue
        rest = form[len(cand.text) + 1 :]
        end = after + len(rest)
        if text.startswith(rest, after) and not text[end : end + 1].isalnum():
            cand.end = after + len(rest)
            cand.text = text[cand.start : cand.end]
            cand.key = ""
            return


def _rewrap_back(text: str, cand: Candidate) -> None:
    before = _WORDS_BEFORE_WRAP.search(text, max(0, cand.start - 80), cand.start)
    if before is None or not text[cand.start : cand.start + 1].isupper():
        return
    words = before["words"].split(" ")
    first = cand.text.split()[0]
    for k in range(len(words), 0, -1):
        joined = " ".join([*words[-k:], first])
        carried = [w.lower() for w in words[-k:]]
        if (
            any(w in _NOT_NAME_START or w in TITLE_WORDS for w in carried)
            or carried[0] in ROLE_OPENERS
            or not _written_whole(text, joined, (before.start(), cand.end))
        ):
            continue
        start = before.end("words") - len(" ".join(words[-k:]))
        cand.start = start
        cand.text = text[start : cand.end]
        cand.key = case_key(_flat(cand.text)) if cand.kind == "case" else ""
        return


#: Words that open a sentence or a phrase, no part of a name carried over a line break.
_NOT_NAME_START = frozenset({
    "the", "a", "an", "see", "in", "on", "at", "of", "for", "and", "or", "by", "to", "as",
    "calling", "before", "cf.", "but", "this", "that", "mr.", "ms.", "mrs.", "dr.",
})  # fmt: skip


def _propagate(doc: Doc, candidates: list[Candidate], furniture: Furniture) -> list[Candidate]:
    """Find further occurrences of the names already found (the NER misses repeats), outside
    ``furniture``."""
    # a match never overlaps an earlier one, so the names found here need not be added
    covered = Ranges((c.start, c.end) for c in candidates)
    forms: dict[str, Candidate] = {}
    for cand in candidates:
        forms.setdefault(cand.text, cand)
        words = cand.text.split()
        if cand.kind == "person" and len(words) > 1 and words[-1][:1].isupper():
            forms.setdefault(words[-1], cand)
    extra: list[Candidate] = []
    if not forms:
        return extra
    text = text_of(doc)
    # each form, longest first, wherever it is written (a space also a line break) outside a
    # word: ``re.finditer`` over their alternation, without compiling one for each document
    for start, end in find_forms(text, sorted(forms, key=len, reverse=True)):
        if covered.overlaps(start, end) or furniture.overlaps(start, end):
            continue
        written = text[start:end]
        cand = forms.get(written) or forms[" ".join(written.split())]
        if _not_in_text(text, start, end, written, cand.kind):
            continue
        if cand.slug is None and is_reference_label(text, end, written):
            continue  # "Count II" where "Count" was found alone: a numbered part
        span = doc.char_span(start, end)
        if span is None or span[0].tag_ not in _NAME_TAGS | {"NN", "JJ", "DT"}:
            continue
        extra.append(Candidate(start, end, written, cand.kind, cand.slug, cand.key))
    return extra


def _token_range(doc: Doc, start: int, end: int) -> range:
    """The positions of the tokens of ``doc.char_span(start, end)`` (none if no span), without
    a Token object for each."""
    span = doc.char_span(start, end)
    return range(span.start, span.end) if span is not None else range(0)


def find_entities(
    doc: Doc,
    index: KnownIndex,
    exclude: Sequence[tuple[int, int]] = (),
    furniture: Furniture | None = None,
    labelled: frozenset[str] = frozenset(),
    transcript: bool = False,
) -> list[FoundEntity]:
    """Entities of ``doc``; unlinked names inside ``exclude`` (citations: "T.C. Memo. 2020-26",
    "(N.D. Cal.)") are not names, and nothing inside ``furniture`` (running heads, addresses,
    signature blocks) is a mention, linked or not. ``labelled``: the surnames a transcript's
    speaker labels name (a name in capitals ending with one is a person's). ``transcript``:
    the cover's people are read by its structure and its reporter's block is no name's
    (casebase.analysis.transcript.cover_people, reporter_block)."""
    furniture = furniture or Furniture()
    text = text_of(doc)
    cases = [
        Candidate(n.start, n.end, n.text, n.kind, None, n.key)
        for n in [*case_names(text), *court_names(text)]
    ]
    firms = surname_firms(text)
    cases = [c for c in cases if not _cut_inside(c, firms)]
    for n in [
        *statute_names(text), *government_bodies(text), *appearance_firms(text), *firms,
        *caption_parties(text), *hearing_cover_bodies(text),
    ]:  # fmt: skip
        if not any(c.start < n.end and n.start < c.end for c in cases):
            cases.append(Candidate(n.start, n.end, n.text, n.kind, shaped=True))
    people = cover_people(text) if transcript else []
    heading_people, heading_orgs = hearing_headings(text)
    people += heading_people
    cases += [
        Candidate(n.start, n.end, n.text, n.kind, shaped=True)
        for n in heading_orgs
        if not any(c.start < n.end and n.start < c.end for c in cases)
    ]
    cases += [
        Candidate(start, end, written, "person", shaped=True)
        for start, end, written in people
        if not any(c.start < end and start < c.end for c in cases)
    ]
    blocked = [Candidate(start, end, "", "other", None, "citation") for start, end in exclude]
    candidates = [c for c in _ner_candidates(doc, cases + blocked) if c.key != "citation"]
    legal = [c for c in cases if not _overlaps_known(c, candidates)]
    candidates = legal + [c for c in candidates if not _inside_case(c, legal)]
    candidates = _without_nested_places(candidates)
    covered = {i for c in candidates for i in _token_range(doc, c.start, c.end)}
    candidates += _fallback_candidates(doc, covered)
    candidates = _titled_judges(text, candidates)
    if furniture:
        candidates = [c for c in candidates if not furniture.overlaps(c.start, c.end)]
    if transcript:
        block = reporter_block(text)
        candidates = [
            c for c in candidates if not any(s <= c.start and c.end <= e for s, e in block)
        ]
    candidates = _screen(text, candidates)
    candidates = _across_line_numbers(text, candidates)
    candidates = _rewrap(text, candidates)
    _link(candidates, index, text)
    if transcript:
        _cover_names(candidates, index, [(start, end) for start, end, _ in people])
    _short_forms(candidates, text)
    _court_paper_short_forms(text, candidates)
    _national_prefix(candidates)
    _company_short_forms(candidates)
    _acronym_expansions(candidates)
    candidates = _drop_unsupported(doc, candidates, labelled)
    if labelled:  # "MELISSA BERNHEIM", a person by her label only now: "Bernheim" joins her
        _short_forms(candidates, text)
    candidates += _propagate(doc, candidates, furniture)
    candidates += _places(doc, candidates, index, exclude, furniture)
    _sibling_companies(candidates, text)
    return _group(candidates, index, text)


def _places(
    doc: Doc,
    candidates: list[Candidate],
    index: KnownIndex,
    exclude: Sequence[tuple[int, int]],
    furniture: Furniture,
) -> list[Candidate]:
    """Places by their shape (casebase.analysis.places) where no name was found: a city and
    its state, a dateline, "the U.S." as a noun, a state in running text. Each joins the
    entity of the same name ("Fla." joins "Florida", "U.S." joins "United States"), else the
    known entity of that name, else its own."""
    text = text_of(doc)
    taken = Ranges([*((c.start, c.end) for c in candidates), *exclude])
    same = {name_key(_flat(c.text)): c for c in candidates}
    found: list[Candidate] = []
    for place in [*shaped_places(text), *united_states_nouns(doc)]:
        written = text[place.start : place.end]
        if taken.overlaps(place.start, place.end) or furniture.overlaps(place.start, place.end):
            continue
        if any(f.start < place.end and place.start < f.end for f in found):
            continue  # "Oakland, California": its state is also a state in running text
        if _not_in_text(text, place.start, place.end, written, "place"):
            continue
        other = same.get(name_key(place.name))
        if other is not None:
            slug, key = other.slug, other.key
        else:
            entity = index.resolve(place.name)
            slug = entity.slug if entity is not None and entity.kind == "place" else None
            key = f"slug:{slug}" if slug else f"name:{name_key(place.name)}"
        named = place.name if place.name != written else ""
        found.append(Candidate(place.start, place.end, written, "place", slug, key, named=named))
    return found


#: A transcript's line break and line number between two words ("Jaymie\n\n20    Parkkinen").
_LINE_NUMBER_BREAK = re.compile(r"^[ \t]*\n(?:[ \t]*\n)?[ \t]*\d{1,3}[ \t]+$")


def _across_line_numbers(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """One name broken by a transcript's line number: two unlinked one-word names, the first
    ending its line and the second opening the next after the line number, each written
    only there ("my colleague Jaymie" / "20    Parkkinen."), are one person."""
    counts = Counter(c.text for c in candidates)
    ordered = sorted(candidates, key=lambda c: c.start)
    merged: list[Candidate] = []
    for cand in ordered:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.slug is None
            and cand.slug is None
            and all(
                " " not in c.text and c.text.istitle() and counts[c.text] == 1 for c in (prev, cand)
            )
            and _LINE_NUMBER_BREAK.match(text[prev.end : cand.start])
        ):
            merged[-1] = Candidate(prev.start, cand.end, text[prev.start : cand.end], "person")
            continue
        merged.append(cand)
    return merged


def _without_nested_places(candidates: list[Candidate]) -> list[Candidate]:
    """A place inside a court's name ("CALIFORNIA" in "CENTRAL DISTRICT OF CALIFORNIA") is
    part of the court, even when the ruler links it: no mention of its own."""
    courts = [(c.start, c.end) for c in candidates if c.kind == "court"]
    if not courts:
        return candidates
    return [
        c
        for c in candidates
        if c.kind != "place"
        or not any(s <= c.start and c.end <= e and (e - s) > (c.end - c.start) for s, e in courts)
    ]


#: An order's ruling verb in capitals the model ran into the name after it ("GRANTS Bright
#: Data", "DENIES Plaintiffs"): no part of it.
_RULING_OPENER = re.compile(
    r"^(?:GRANTS|DENIES|ORDERS|AFFIRMS|REVERSES|VACATES|DISMISSES|REMANDS|ENJOINS|DIRECTS)\s+"
    r"(?=[A-Z][a-z])"
)
#: A docket cue the model ran into a court's name: no part of it.
_DOCKET_CUE_END = re.compile(r"\s+(?:Case|Civil|Criminal|Docket)?\s*No\.?$")


def _screen(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop the capitalised phrases of court papers that name no entity (casebase.analysis.
    not_names): a form of address, an address, a place that is part of a court's name (even
    when linked: "UNITED STATES" in "UNITED STATES DISTRICT COURT"); and, unless the ruler
    linked them, documents and party roles, numbered references and text-layer damage; a
    leading party role is cut off a name ("Defendant X.AI Corp.")."""
    kept = []
    for cand in candidates:
        if cand.kind == "case":
            kept.append(cand)
            continue
        if cand.slug is None and cand.kind == "court":
            docket = _DOCKET_CUE_END.search(cand.text)
            if docket:  # "District Court Case No" of "District Court Case No. 1:22-cv-01564"
                cand.text = cand.text[: docket.start()]
                cand.end = cand.start + len(cand.text)
        ruling = _RULING_OPENER.match(cand.text) if cand.slug is None else None
        if ruling:  # "the Court GRANTS Bright Data's motion": an order's verb in capitals
            cand.start += ruling.end()
            cand.text = cand.text[ruling.end() :]
            cand.key = ""
        if cand.slug is None:
            cut = strip_role_opener(cand.text) or (
                strip_title(cand.text) if cand.kind == "person" else 0
            )
            if cut:
                cand.start += cut
                cand.text = cand.text[cut:]
                cand.key = ""
        section = _SECTION_SIGN.search(cand.text) if cand.slug is None else None
        if section:  # "Texas Insurance Code § 4001.003(1": the code, not the cite's section
            cand.text = cand.text[: section.start()]
            cand.end = cand.start + len(cand.text)
            cand.kind, cand.key = refine_kind(cand.kind, cand.text), ""
            if is_junk_name(cand.text):
                continue
        if _not_in_text(text, cand.start, cand.end, cand.text, cand.kind):
            continue
        if (
            cand.slug is None
            and len(cand.text.split()) == 1
            and cand.text.istitle()
            and _OFFICE_FIELD_BEFORE.search(text, max(0, cand.start - 40), cand.start)
        ):
            continue  # "the Secretary of\nTransportation", "of the Treasury": a post's field
        if (
            cand.slug is None
            and _JUDGE_INITIALS.match(cand.text)
            and _DOCKET_BEFORE_INITIALS.search(text, max(0, cand.start - 40), cand.start)
        ):
            continue  # "Case No. 8:15-cv-01228 DOC (MRWx)": the magistrate judge's initials
        if cand.slug is None and _HYPHEN_BEFORE.search(text, max(0, cand.start - 3), cand.start):
            continue  # "Show-Cause Order", "Calderon-Fuentes": the end of a hyphened word
        if cand.slug is None and _not_a_name(text, cand):
            continue
        if cand.kind == "place" and _DIVISION_AFTER.match(text, cand.end):
            continue  # "SAN FRANCISCO DIVISION" under a district court: part of the court's name
        if cand.slug is None and _split_word_end(text, cand):
            continue  # "Governm ent", "Sche hl": a word the text layer split, no name
        if cand.slug is None and _MOTION_TO_BEFORE.search(
            text, max(0, cand.start - 20), cand.start
        ):
            continue  # "Motion to Strike", "Mot. to Compel": the relief a motion asks for
        kept.append(cand)
    return kept


_DIVISION_AFTER = re.compile(r"[ \t]+(?:DIVISION|Division)\b")
#: A magistrate judge's initials in a Central District of California docket number, in a
#: parenthesis after the district judge's: "8:15-cv-01228 DOC (MRWx)", "2:23-cv-03440-AB
#: (AGRx)".
_JUDGE_INITIALS = re.compile(r"^[A-Z]{2,4}[xX]$")
_DOCKET_BEFORE_INITIALS = re.compile(r"\d{2,}(?:[- ][A-Z]{2,4})?[ ]*\([ ]*$")

#: A section sign inside a name: the model ran a statute's name into its cite ("Texas
#: Insurance Code § 4001.003(1"); the name ends before it.
_SECTION_SIGN = re.compile(r"\s*§")
#: The title of a post before its field: "the Secretary of \nTransportation", "Secretary of
#: the Treasury", "Minister of Finance". The field names the post, not a body (the body is
#: written "Department of Transportation", "the Treasury Department").
_OFFICE_FIELD_BEFORE = re.compile(
    r"\b(?:Secretary|SECRETARY|Secretaries|Minister|MINISTER|Ministers)\s+(?:of|OF)\s+"
    r"(?:the\s+|THE\s+)?$"
)
#: A word's last letters cut off by a space, as some PDF text layers print letter-spaced type
#: ("Governm ent", "Sche hl", "Assistan t", "Clim ate"), right after a name candidate.
_FRAGMENT_AFTER = re.compile(r" ([a-z]{1,3})\b")
#: Short words of English that may follow a name ("Musk and", "OpenAI has"): no fragment.
_SHORT_WORDS = frozenset({
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
    "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "v", "vs", "et", "al",
    "all", "and", "any", "are", "but", "can", "did", "due", "far", "few", "for", "get", "got",
    "had", "has", "her", "him", "his", "how", "its", "let", "may", "new", "nor", "not", "now",
    "off", "old", "one", "our", "out", "own", "per", "put", "ran", "run", "saw", "say", "see",
    "set", "she", "sue", "the", "too", "two", "use", "via", "was", "who", "why", "yet", "you",
    "ask", "way", "won", "lost", "led", "met", "pay", "paid", "sat", "top",
})  # fmt: skip


def _split_word_end(text: str, cand: Candidate) -> bool:
    """A candidate whose last word goes on after a space in lower case ("Governm ent"): the
    text layer split a word of letter-spaced type; the name is damage, not a name. The
    letters after the space must be no English word ("Musk and", "Meta has" are names)."""
    last = cand.text.split()[-1] if cand.text.split() else ""
    if not last[-1:].isalpha() or last.isupper() or not _fragment_at(text, cand.end):
        return False  # "OPIC m ust": the next word is the one split
    ends = [m.end() for m in re.finditer(rf"\b{re.escape(last)}\b", text)]
    return bool(ends) and all(_fragment_at(text, end) for end in ends)


def _fragment_at(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` goes on after a space ("Governm| ent"); every
    occurrence must, or the word is whole ("Congress m ay": the next word is split)."""
    after = _FRAGMENT_AFTER.match(text, end)
    if after is None or after[1] in _SHORT_WORDS:
        return False
    return len(after[1]) < 3 or after[1] in _WORD_ENDINGS  # "Edelson law firm": a word


#: Three-letter endings of English words that a split leaves after the space ("Governm ent",
#: "Clim ate", "Gene ral"); other three-letter words are words ("Edelson law firm").
_WORD_ENDINGS = frozenset({
    "ent", "ant", "ate", "ion", "ing", "ive", "ous", "ful", "ral", "nal", "ity", "ism", "ist",
    "ize", "ise", "ary", "ory", "ery", "ble", "ial", "ont", "ard", "ics", "ure", "nce", "ted",
})  # fmt: skip


#: A motion's title before a capitalised verb: "Motion to Strike", "Pls.' Mot. to Dismiss".
_MOTION_TO_BEFORE = re.compile(r"\b(?:Motion|MOTION|Mot\.)\s+(?:to|TO)\s+$")


#: A letter and a hyphen (or a soft hyphen, or either at a line's end) right before a name:
#: the model started the name inside a hyphened word.
_HYPHEN_BEFORE = re.compile(r"[A-Za-z][-\u00ad]\n?$")


def _not_in_text(text: str, start: int, end: int, name: str, kind: str) -> bool:
    """A form of address, or a place or organization that is part of an address or of a
    court's name: no mention, whatever the name."""
    if is_address_form(text, start):
        return True
    if kind not in {"place", "organization"}:
        return False
    return nested_in_court(text, end) or in_postal_address(text, start, end, name)


_NAME_GOES_ON = re.compile(r"^\s+(?:of|for)\s")


def _not_a_name(text: str, cand: Candidate) -> bool:
    if is_ocr_damage(cand.text) or is_document_or_role(cand.text) or is_bare_title(cand.text):
        return True
    if cand.kind != "law" and (is_office(cand.text) or is_contract(cand.text)):
        return True  # "President", "Acting Solicitor": a post, not a name
    if is_abbreviation_chain(text, cand.start, cand.end):
        return True  # "Asst. Atty. Gen.", "Defs. 56.1 Stmt.": abbreviations, no name
    if cand.kind == "person" and is_clerk_signature(text, cand.end):
        return True  # "CHRISTOPHER M. WOLPERT, Clerk": the clerk's signature is furniture
    if cand.kind == "court" and is_generic_court(cand.text):
        # unless the text goes on with the court's place: "Circuit Court of\n ) St. Charles
        # County" in a caption, of which the model took only "Circuit Court"
        return not _NAME_GOES_ON.match(text[cand.end : cand.end + 12])
    return is_reference_label(text, cand.end, cand.text)


def _overlaps_known(cand: Candidate, others: list[Candidate]) -> bool:
    """A known name overlaps the case or court name ``cand``; a known name strictly inside it
    does not count, the longer name wins: a place or organization inside a court's name
    ("United States" in "United States District Court for the Western District of Texas"), a
    party inside a case name ("SEC" and "Ripple Labs" in "SEC v. Ripple Labs, Inc.")."""
    nested = {"place", "organization"} if cand.kind == "court" else set(KINDS) - {"case"}
    return any(
        o.slug
        and o.start < cand.end
        and cand.start < o.end
        and not (o.kind in nested and _strictly_inside(o, cand))
        for o in others
    )


def _strictly_inside(inner: Candidate, outer: Candidate) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (inner.end - inner.start) < (outer.end - outer.start)
    )


def _cut_inside(cand: Candidate, firms: Sequence[ShapedName]) -> bool:
    """A case name whose last party the pattern cut inside a firm's name ("MEMORANDUM OPINION
    AND ORDER Plaintiffs, v. Patterson" of "v. Patterson, Thuente, Skaar & Christensen,
    P.A."): a caption's parties read as a case name, none."""
    return cand.kind == "case" and any(f.start < cand.end < f.end for f in firms)


def _inside_case(cand: Candidate, legal: list[Candidate]) -> bool:
    """A name inside a case name is part of it, not a mention of its own (the annotation
    rule: "OpenAI" in "Musk v. OpenAI" belongs to the case)."""
    return any((c.kind == "case" or c.shaped) and _strictly_inside(cand, c) for c in legal)


def is_headline(sent: Span) -> bool:
    """A title-case line without a full stop ("Musk Testifies xAI 'Partly' Used ...")."""
    if span_text(sent).rstrip().endswith((".", "?", "!", "”", '"')):
        return False  # checked first: it needs no token, and most sentences end so
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    if len(words) < 3:
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= 0.7 * len(words)


#: A person's name in capitals with a middle initial ("DAVID L. ANDERSON", "MILAN D. SMITH,
#: JR."): a caption's, a panel's or an appearance list's person, never a heading.
_INITIALLED_PERSON = re.compile(
    r"^[A-Z][A-Za-z'’-]+ (?:[A-Z]\. )+[A-Z][A-Za-z'’-]+(?:,? (?:JR|SR|Jr|Sr|II|III)\.?)?$"
)
#: A judge's title after a name ("James Donato, District Judge, Presiding", "Sandra S. Ikuta,
#: Circuit Judges"): an opinion's cover names its judges in title-case lines.
_JUDGE_AFTER = re.compile(r"^,?\s+(?:[A-Z][a-z]+\s+){0,2}Judges?\b|^,\s+Circuit\s+Judges\b")
#: A caption's party: its role follows on the next line ("ANGEL ZEPEDA RIVAS, et al." /
#: "Plaintiffs-Appellees,"), or "Individually", "an individual" right after the name.
_PARTY_AFTER = re.compile(
    r"^(?:,?[ \t]*et al\.?,?)?[ \t]*\n[ \t]*(?:\d+[ \t]+)?(?:Plaintiffs?|Defendants?|"
    r"Petitioners?|Respondents?|Appellants?|Appellees?|PLAINTIFFS?|DEFENDANTS?)\b"
    r"|^,[ \t]*(?:[Ii]ndividually|INDIVIDUALLY|an individual|AN INDIVIDUAL)\b"
)
#: The witness or declarant a heading names ("VIDEOTAPED DEPOSITION OF STEVE POMERANTZ").
_WITNESS_BEFORE = re.compile(r"\b(?:DEPOSITION|DECLARATION|TESTIMONY|EXAMINATION) OF\s+$")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
_CAPS_FIRM = re.compile(r"\b(?:LLP|LLC|INC|CORP|CORPORATION|L\.L\.P)\.?$")


#: An acronym: one word of two to six capitals, "&" or digits after the first ("EPA", "AT&T",
#: "GMAC", "FY2020" is none: it has lower case).
_ACRONYM = re.compile(r"^[A-Z][A-Z&0-9]{1,5}$")
#: A word written in lower case (at least three letters): running prose around a name.
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’&.-]*[A-Z]\b")


_ROMAN = re.compile(r"^[IVXLC]+$")
_LABEL_AFTER = re.compile(r"\s*:")
_ANY_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Mx)\.?\s+$", re.IGNORECASE)
#: Posts written as acronyms: a title, no one's name.
_OFFICE_ACRONYMS = frozenset(
    {"CEO", "CFO", "COO", "CTO", "CIO", "CMO", "GC", "VP", "SVP", "EVP", "ALJ", "AUSA", "IJ"}
)


def _defined_as_common_noun(text: str, acronym: str) -> bool:
    """An acronym the text defines for a phrase in lower case: "cell-site location information
    (CSLI)", "name, image, and likeness (NIL)", "a presentence report ("PSR")": a term of the
    text, not a name."""
    pattern = rf"\b([a-z][a-z-]*)\s*\(\s*(?:the\s+)?[“\"]?{re.escape(acronym)}[”\"]?\s*\)"
    return any(m[1][0] == acronym[-1].lower() for m in re.finditer(pattern, text))


def _modifier_only(doc: Doc, word: str) -> bool:
    """An acronym that (nearly) only ever modifies a common noun ("SIM swaps", "a SIM card",
    "USB drives"): a kind of thing, not a name (a name also stands alone: "comply with NEPA")."""
    uses = [doc[i] for i in positions(doc, ORTH, ids_of(doc, [word]))]
    lower = _lower_words(doc)  # "Unauthorized SIM Swaps" in a title: "swaps" elsewhere
    modifying = sum(
        1
        for t in uses
        if t.dep_ in {"compound", "amod", "nmod"}
        and (t.head.tag_ in {"NN", "NNS"} or t.head.lower_ in lower)
    )
    return len(uses) >= 2 and modifying >= 0.8 * len(uses)


#: A state's postal code after a city ("Oakland, CA 94612", "Palo Alto, CA"): an address.
_POSTAL_STATE_BEFORE = re.compile(r"[A-Z][a-z]+,[ ]$")


def _acronym_word(text: str, word: str, doc: Doc | None) -> bool:
    """The tests of an acronym that hold for the whole text, once per word and document: not a
    post, not a term defined for a lower-case phrase, not a mere modifier ("SIM swaps"), not an
    emphasised word the text also writes in lower case."""
    cache: dict[str, bool] = doc.user_data.setdefault("casebase_acronyms", {}) if doc else {}
    if word not in cache:
        cache[word] = not (
            word in _OFFICE_ACRONYMS
            or _defined_as_common_noun(text, word)
            or (
                doc is not None and (_modifier_only(doc, word) or word.lower() in _lower_words(doc))
            )
        )
    return cache[word]


def _acronym_in_prose(text: str, cand: Candidate, doc: Doc | None = None) -> bool:
    """An acronym written in a line of running prose ("comply with NEPA. OPIC must follow"):
    acronyms are written in capitals everywhere, so the all-capitals test that keeps captions'
    and running heads' names out says nothing about them. The line must be prose: most of its
    words in lower case (a caption's "FRIENDS OF THE EARTH, INC., et al.," is not). Not a roman
    numeral ("Count III"), a post ("CFO"), a term the text defines in lower case ("CSLI") or a
    word that only modifies nouns ("SIM card")."""
    if not _ACRONYM.match(cand.text) or _ROMAN.match(cand.text):
        return False
    if _LABEL_AFTER.match(text, cand.end) or _ANY_HONORIFIC_BEFORE.search(
        text[max(0, cand.start - 6) : cand.start]
    ):
        return False  # "MS. KANE: And Your Honor, ...": a surname in a speaker label
    if len(cand.text) == 2 and _POSTAL_STATE_BEFORE.search(
        text[max(0, cand.start - 20) : cand.start]
    ):
        return False
    if doc is not None:
        span = doc.char_span(cand.start, cand.end)
        if span is not None and span.root.tag_.startswith("VB"):
            return False  # "For the following reasons, we AFFIRM."
    if not _acronym_word(text, cand.text, doc):
        return False
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    lower = len(_LOWER_WORD.findall(line))
    return lower >= 4 and lower > 2 * len(_CAPS_WORD.findall(line))


def _drop_unsupported(
    doc: Doc, candidates: list[Candidate], labelled: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Drop unlinked names seen only in headlines (title case fools the model) and unlinked
    all-capitals names (captions, running heads) that match nothing in running text."""
    in_text: set[str] = set()
    headline: dict[int, bool] = {}
    text = text_of(doc)
    for cand in candidates:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        sent_start = sent_of(span[0]).start if span is not None else -1
        if sent_start not in headline and span is not None:
            headline[sent_start] = is_headline(sent_of(span[0]))
        cand_in_headline = headline.get(sent_start, False)
        if not cand_in_headline and (not cand.text.isupper() or _CAPS_FIRM.search(cand.text)):
            in_text.add(cand.key)
        elif (
            not cand_in_headline
            and cand.key not in in_text  # else another mention already holds the name up
            and _acronym_in_prose(text, cand, doc)
        ):
            in_text.add(cand.key)  # "NEPA", "OPIC", "AT&T" in running text: always capitals
        elif labelled and _labelled_person(cand, labelled):
            # "MILES EHRLICH" in the appearances of a transcript whose "MR. EHRLICH:" speaks
            cand.kind = "person"
            in_text.add(cand.key)
        elif cand.kind == "person" and (
            _INITIALLED_PERSON.match(cand.text)
            or _JUDGE_AFTER.match(text[cand.end : cand.end + 40])
            or _PARTY_AFTER.match(text[cand.end : cand.end + 60])
            or (
                _WITNESS_BEFORE.search(text[max(0, cand.start - 30) : cand.start])
                and not _ENDS_WITH_INITIAL.search(cand.text)  # "MICHAEL S." / "KWUN"
            )
        ):
            # "DAVID L. ANDERSON", "Ronald M. Gould" in a cover's title-case line: a middle
            # initial, or a judge's title after the name, makes a person's name
            in_text.add(cand.key)
    lower = _lower_words(doc)
    return [
        c
        for c in candidates
        if c.slug
        or c.titled
        or c.shaped
        or c.kind in {"case", "court"}
        or (c.key in in_text and not _common_words_capitalised(c, lower))
    ]


#: Head nouns of bodies: a name of common words headed by one names an institution
#: ("Forest Service", "Justice Department", "Committee on Foreign Affairs").
_INSTITUTION_HEADS = frozenset({
    "administration", "agency", "alliance", "association", "authority", "bank", "board",
    "bureau", "club", "coalition", "force", "network", "team", "tribe",
    "center", "centre", "church", "college", "commission", "committee", "company", "conference",
    "congress", "corporation", "council", "department", "foundation", "fund", "group",
    "institute", "league", "ministry", "office", "organization", "party", "press", "project",
    "school", "service", "society", "station", "system", "times", "trust", "union",
    "university",
})  # fmt: skip
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _common_words_capitalised(cand: Candidate, lower: set[str]) -> bool:
    """An unlinked phrase of two or more words, each of which the text also writes in lower
    case, and not headed by the noun of an institution: capitalised common words ("Established
    Standing" and "Challenged Final Agency Actions" in a brief's headings, a policy's defined
    "Open Enrollment" and "Guarantee Issue Limit", "Pretrial Conference"), not a name. A
    person's or company's name has a word the text writes only capitalised."""
    if cand.kind not in {"organization", "product", "person"}:
        return False
    words = _NAME_WORD.findall(cand.text)
    content = [w for w in words if w.lower() not in _INITIAL_SKIP]
    if len(content) < 2 or any(not w[:1].isupper() or w.isupper() for w in content):
        return False
    if head_word(cand.text) in _INSTITUTION_HEADS:
        return False
    return all(w.lower() in lower or w.lower().removesuffix("s") in lower for w in content)


#: An honorific or a title of office right before a name: the name is a person's ("Mr.
#: Kanjorski", "Senator LEVIN", "Chairman Frank", "Secretary Paulson", "MS. KANE").
_PERSON_TITLE_BEFORE = re.compile(
    r"\b(?:(?:Mr|Ms|Mrs|Dr|Mx|Sen|Rep)\.?|Senator|Representative|Congress(?:wo)?man|"
    r"Chair(?:wo)?man|Secretary|Judge|Justice|Governor|Commissioner|Ambassador)\s+$",
    re.IGNORECASE,
)


def _titled(text: str, members: list[Candidate]) -> bool:
    """Whether a mention of an unlinked name follows an honorific or a title of office."""
    return any(_PERSON_TITLE_BEFORE.search(text[max(0, c.start - 16) : c.start]) for c in members)


def _labelled_person(cand: Candidate, labelled: frozenset[str]) -> bool:
    """A name of two to four words in capitals whose last word a speaker label names."""
    words = name_key(cand.text).replace(",", " ").split()
    return (
        2 <= len(words) <= 4 and cand.kind in {"person", "organization"} and (words[-1] in labelled)
    )


def _group(candidates: list[Candidate], index: KnownIndex, text: str = "") -> list[FoundEntity]:
    groups: dict[str, list[Candidate]] = {}
    surnames = {
        name_key(c.text.split()[-1])
        for c in candidates
        if c.kind == "person" and len(c.text.split()) > 1
    }
    for cand in sorted(candidates, key=lambda c: c.start):
        groups.setdefault(cand.key, []).append(cand)
    entities = []
    for members in groups.values():
        slug = next((c.slug for c in members if c.slug), None)
        known = index.by_slug.get(slug) if slug else None
        if known is not None:
            name, kind = known.name, known.kind
        else:
            chosen = max(
                members,
                key=lambda c: (not _TITLES.match(c.text), len(c.text.split()), len(c.text)),
            )
            name = chosen.named or chosen.text  # "Florida" for a group of "Fla." alone
            kind = refine_kind(Counter(c.kind for c in members).most_common(1)[0][0], name)
            if any(c.classed for c in members) and kind in {"person", "organization"}:
                kind = "product"  # "Instagram, a photo and video sharing website": whatever
                # the other mentions' model said
            name = _LINE_NUMBER_INSIDE.sub(" ", name)  # "Jaymie\n\n20    Parkkinen"
            name = _uncapitalised(" ".join(name.split()))  # a caption's court spans two lines
            titled = any(c.titled for c in members)  # "Before: WARDLAW, ... Circuit Judges"
            if kind in {"person", "organization", "place"} and _titled(text, members):
                kind = "person"  # "Mr. Kanjorski", "Senator Levin": whatever the model said
            elif kind == "person" and len(name.split()) == 1 and name_key(name) not in surnames:
                kind = "person" if titled else "organization"  # people are named in full at
                # least once, brands are not; a judge's panel names them by surname
        mentions = [MentionSpan(c.text, c.start, c.end) for c in members]
        entities.append(FoundEntity(name=name, kind=kind, mentions=mentions, slug=slug))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


_LINE_NUMBER_INSIDE = re.compile(r"\n\s*\d{1,3}\s+")
#: Corporate suffixes written in capitals in any case ("Ramsey & Ehrlich LLP").
_CAPS_SUFFIXES = {"LLP", "LLC", "PLLC", "LP", "P.C.", "P.A.", "L.L.P.", "L.L.C.", "N.A."}
_SMALL_WORDS = {"of", "for", "the", "and", "in", "on", "at", "v.", "et", "al."}


def _uncapitalised(name: str) -> str:
    """A name found only in capitals (a caption) in title case: "COURT OF APPEALS FOR THE
    NINTH CIRCUIT" -> "Court of Appeals for the Ninth Circuit"."""
    if not name.isupper() or len(name) <= 5:
        return name
    words = [
        w
        if w.rstrip(",") in _CAPS_SUFFIXES
        else w.lower()
        if w.lower() in _SMALL_WORDS
        else w.capitalize()
        for w in name.split()
    ]
    return " ".join([words[0].capitalize(), *words[1:]])


def entity_at(entities: Sequence[FoundEntity], start: int, end: int) -> FoundEntity | None:
    """The entity with a mention overlapping [start, end), if any."""
    for entity in entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return entity
    return None
