"""Gold annotations: a hand-written spec plus its text give a gold file in the extract format.

The repository keeps only specs (``tests/gold/specs/<split>/<stem>.yaml``): short anchors
(entity names, date phrases, a few words where a claim is, a few words of a quote) and the path
and SHA-256 of the third-party text they annotate. The gold file that scoring needs
(``casebase.evaluation.scoring``: the ``manage.py extract`` JSON plus ``meta``) is built from
spec and text in memory; nothing here runs the pipeline. Pure Python: no ORM, no spaCy.

Span syntax (docs/evaluation.md, "Spec syntax"):

- ``"Musk"``: every whole-word occurrence (entity mentions), or the first (other fields);
- ``"Musk@2"``: only the 2nd occurrence; ``"Musk@1,3"``: the 1st and 3rd.

Entity mentions are claimed longest surface form first and never overlap each other, so
"OpenAI" inside "Musk v. OpenAI" belongs to the case entity when that case is annotated. Events
and claims span the sentence around their ``anchor``/``at``, found by ``sentence_around``; where
that rule is wrong, ``sentence: {from: <anchor>, to: <anchor>}`` names the sentence's first and
last words.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from casebase.core.partial_dates import PartialDate

Item = dict[str, Any]

ENTITY_KINDS = frozenset({"person", "organization", "court", "case", "law", "product", "place"})
#: ``ClaimVerb`` values (casebase.knowledge.models.choices; the analysis imports no models).
CLAIM_VERBS = frozenset(
    {
        "said",
        "testified",
        "alleged",
        "argued",
        "claimed",
        "admitted",
        "denied",
        "wrote",
        "told",
        "ruled",
        "found",
        "granted",
        "accused",
        "answered",
        "reported",
        "other",
    }
)
#: Citation kinds annotators use, the same as the pipeline emits;
#: scoring matches on span and ``normalized``, never on kind, so every kind counts for recall.
CITATION_KINDS = frozenset(
    {"case", "statute", "regulation", "rule", "docket", "record", "short_form", "other"}
)
#: ``unresolved``: a date phrase the text does not fix (no year, unknown publication date);
#: built as date and precision null, which is what the pipeline gives for it.
PRECISIONS = frozenset({"year", "month", "day", "unresolved"})
SPLITS = ("development", "validation")
#: ``index.yaml`` genres grouped as the evaluation reports them.
GENRE_GROUPS = {
    "news": "news",
    "news_article": "news",
    "blog_post": "news",
    "opinion": "opinions & orders",
    "order": "opinions & orders",
    "syllabus": "opinions & orders",
    "complaint": "filings",
    "motion": "filings",
    "opposition": "filings",
    "letter": "filings",
    "declaration": "filings",
    "answer": "filings",
    "hearing-transcript": "transcripts",
    "congressional-hearing": "transcripts",
    "deposition": "transcripts",
}
GROUPS = ("news", "opinions & orders", "filings", "transcripts")
#: Anchors, ``at`` phrases and quotes are a few words, never a whole sentence.
MAX_ANCHOR_WORDS = 12

_META_REQUIRED = ("file", "sha256", "split", "genre", "kind", "published")
_KEYS = {
    "spec": {"meta", "entities", "events", "claims", "citations"},
    "entity": {"name", "kind", "mentions"},
    "event": {"anchor", "date", "precision", "sentence"},
    "claim": {"at", "speaker", "verb", "quote", "under_oath", "sentence"},
    "citation": {"text", "kind", "normalized"},
}
_NTH = re.compile(r"^(?P<text>.+?)@(?P<nth>\d+(?:,\d+)*)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_ABBREVIATIONS = {
    "u.s.",
    "calif.",
    "inc.",
    "corp.",
    "co.",
    "no.",
    "v.",
    "mr.",
    "ms.",
    "dr.",
    "st.",
    "jr.",
    "ct.",
    "cal.",
    "del.",
    "d.c.",
    "n.d.",
    "s.d.",
    "u.",
    "s.",
    "c.",
    "sep.",
    "aug.",
    "feb.",
    "e.g.",
    "i.e.",
    "al.",
    "pp.",
    "j.",
}


class SpecError(ValueError):
    """A spec that does not fit its text or the format; the message names what is wrong."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_sha256(data: bytes, expected: str, path: str) -> None:
    """Refuse a text that is not the one annotated."""
    actual = sha256_hex(data)
    if actual != str(expected).lower():
        raise SpecError(
            f"{path}: SHA-256 {actual} does not match the spec's {expected}: the text changed "
            "since it was annotated (re-check the annotation, then update meta.sha256)"
        )


def genre_group(genre: str) -> str:
    """The reporting group of an ``index.yaml`` genre (an unknown genre is its own group)."""
    return GENRE_GROUPS.get(genre, genre)


# --- locating spans -------------------------------------------------------------------------


def _occurrences(text: str, needle: str, whole_word: bool) -> list[int]:
    pattern = re.escape(needle)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)]


def _parse(spec: str) -> tuple[str, list[int] | None]:
    match = _NTH.match(spec)
    if match and "@" not in match["text"]:
        return match["text"], [int(n) for n in match["nth"].split(",")]
    return spec, None


def locate(text: str, spec: str, *, every: bool = False, whole_word: bool = True) -> list[int]:
    """Start offsets for ``spec`` in ``text`` (see the module doc for the syntax)."""
    needle, nths = _parse(str(spec))
    starts = _occurrences(text, needle, whole_word) or _occurrences(text, needle, False)
    if not starts:
        raise SpecError(f"not found in text: {needle!r}")
    if nths is not None:
        if max(nths) > len(starts):
            raise SpecError(f"{needle!r} occurs {len(starts)} times, asked for {nths}")
        return [starts[n - 1] for n in nths]
    return starts if every else starts[:1]


def span(text: str, spec: str) -> tuple[str, int, int]:
    needle, _ = _parse(str(spec))
    start = locate(text, spec)[0]
    return needle, start, start + len(needle)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding [start, end): sentence-final punctuation followed by a
    capital (or a line break) ends a sentence, abbreviations and initials excepted."""
    bounds = [0]
    for match in _SENTENCE_END.finditer(text):
        words = text[: match.start() + 1].split()
        last = words[-1].lstrip('([“"') if words else ""
        if match.group(0)[0] == "." and (
            last.casefold() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last)
        ):
            continue
        bounds.append(match.end())
    bounds.append(len(text) + 1)
    s = max(b for b in bounds if b <= start)
    e = min(b for b in bounds if b >= end and b > s)
    chunk = text[s : min(e, len(text))]
    return s, s + len(chunk.rstrip())


def _short(value: Any, what: str) -> str:
    text = str(value)
    if len(text.split()) > MAX_ANCHOR_WORDS:
        raise SpecError(f"{what} has more than {MAX_ANCHOR_WORDS} words: {text[:40]!r}...")
    return text


def _sentence(text: str, item: Item, inner: tuple[int, int]) -> tuple[int, int]:
    """The sentence around ``inner``, or the one an explicit ``{from, to}`` override names."""
    override = item.get("sentence")
    if override is None:
        return sentence_around(text, *inner)
    if not isinstance(override, dict) or set(override) != {"from", "to"}:
        raise SpecError(f"sentence override must be {{from: <anchor>, to: <anchor>}}: {override}")
    _, s, _ = span(text, _short(override["from"], "sentence.from"))
    to = _short(override["to"], "sentence.to")
    e = text.find(to, s)
    if e < 0:
        raise SpecError(f"sentence.to {to!r} not found after sentence.from")
    e += len(to)
    if not (s <= inner[0] and inner[1] <= e):
        raise SpecError(f"sentence override {override} does not hold its anchor")
    return s, e


def _check_keys(item: Any, kind: str) -> Item:
    if not isinstance(item, dict):
        raise SpecError(f"{kind} must be a mapping: {item!r}")
    unknown = set(item) - _KEYS[kind]
    if unknown:
        raise SpecError(
            f"{kind} has unknown keys {sorted(unknown)} (a comma inside an unquoted flow value?): "
            f"{item}"
        )
    return item


# --- building ---------------------------------------------------------------------------------


def build_entities(text: str, entities: list[Item]) -> list[Item]:
    for ent in entities:
        _check_keys(ent, "entity")
        if ent.get("kind") not in ENTITY_KINDS:
            raise SpecError(f"bad kind {ent.get('kind')!r} for {ent.get('name')!r}")
    taken: list[tuple[int, int]] = []
    found: dict[int, list[Item]] = {i: [] for i in range(len(entities))}
    forms = [(i, str(form)) for i, ent in enumerate(entities) for form in ent["mentions"]]
    forms.sort(key=lambda pair: -len(_parse(pair[1])[0]))
    for i, form in forms:
        needle, _ = _parse(form)
        for start in locate(text, form, every=True):
            end = start + len(needle)
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found[i].append({"text": needle, "start": start, "end": end})
    out = []
    for i, ent in enumerate(entities):
        mentions = sorted(found[i], key=lambda m: m["start"])
        if not mentions:
            raise SpecError(f"entity {ent['name']!r} has no mention left")
        out.append({"name": ent["name"], "kind": ent["kind"], "mentions": mentions})
    return out


def _event_date(ev: Item) -> tuple[str | None, str | None]:
    date, precision = ev.get("date"), ev.get("precision")
    if precision not in PRECISIONS and precision is not None:
        raise SpecError(f"bad precision {precision!r} in {ev}")
    if precision in ("unresolved", None):
        if date is not None:
            raise SpecError(f"an unresolved event has date null: {ev}")
        return None, None
    if date is None:
        raise SpecError(f"a dated event needs its date: {ev}")
    date = str(date)
    try:
        parsed = PartialDate.parse(date)
    except ValueError as exc:
        raise SpecError(f"bad date {date!r}: {exc}") from exc
    if parsed.precision.value != precision:
        raise SpecError(f"date {date!r} is not of precision {precision!r}")
    return date, precision


def build_events(text: str, events: list[Item]) -> list[Item]:
    out = []
    for ev in events:
        _check_keys(ev, "event")
        anchor, a_start, a_end = span(text, _short(ev["anchor"], "anchor"))
        date, precision = _event_date(ev)
        s, e = _sentence(text, ev, (a_start, a_end))
        if not (s <= a_start and a_end <= e):
            raise SpecError(f"anchor {anchor!r} outside its sentence")
        out.append(
            {
                "date": date,
                "precision": precision,
                "anchor": anchor,
                "start": s,
                "end": e,
                "sentence": text[s:e],
            }
        )
    return out


def build_claims(text: str, claims: list[Item]) -> list[Item]:
    out = []
    for cl in claims:
        _check_keys(cl, "claim")
        if not cl.get("at"):
            raise SpecError(f"a claim needs an `at` anchor: {cl}")
        if cl.get("verb") not in CLAIM_VERBS:
            raise SpecError(f"bad verb {cl.get('verb')!r} in {cl}")
        if not isinstance(cl.get("under_oath", False), bool):
            raise SpecError(f"under_oath is true or false: {cl}")
        _, a_start, a_end = span(text, _short(cl["at"], "at"))
        s, e = _sentence(text, cl, (a_start, a_end))
        quote = cl.get("quote")
        if quote is not None:
            quote = _short(quote, "quote")
            if quote not in text[s:e]:
                raise SpecError(f"quote not inside its sentence: {quote!r}")
        speaker = cl.get("speaker")
        out.append(
            {
                "speaker": None if speaker is None else str(speaker),
                "verb": cl["verb"],
                "quote": quote,
                "sentence": text[s:e],
                "start": s,
                "end": e,
                "under_oath": bool(cl.get("under_oath", False)),
            }
        )
    return out


def build_citations(text: str, citations: list[Item]) -> list[Item]:
    out = []
    for ci in citations:
        _check_keys(ci, "citation")
        if ci.get("kind") not in CITATION_KINDS:
            raise SpecError(f"bad citation kind {ci.get('kind')!r} in {ci}")
        needle, s, e = span(text, ci["text"])
        out.append(
            {
                "text": needle,
                "kind": ci["kind"],
                "normalized": str(ci.get("normalized") or needle),
                "start": s,
                "end": e,
            }
        )
    return out


def check_meta(meta: Any) -> Item:
    if not isinstance(meta, dict):
        raise SpecError("the spec has no meta mapping")
    missing = [key for key in _META_REQUIRED if key not in meta]
    if missing:
        raise SpecError(f"meta lacks {missing}")
    if meta["split"] not in SPLITS:
        raise SpecError(f"meta.split {meta['split']!r} is not one of {SPLITS}")
    return meta


def _by_start(item: Item) -> int:
    return int(item["start"])


def build(spec: Item, text: str) -> Item:
    """The gold file (extract format plus ``meta``) of ``spec`` over ``text``."""
    _check_keys(spec, "spec")
    return {
        "meta": check_meta(spec.get("meta")),
        "entities": build_entities(text, spec.get("entities") or []),
        "events": sorted(build_events(text, spec.get("events") or []), key=_by_start),
        "claims": sorted(build_claims(text, spec.get("claims") or []), key=_by_start),
        "citations": build_citations(text, spec.get("citations") or []),
    }


def validate(gold: Item, text: str) -> list[str]:
    """Every span in a gold file must be exactly the annotated text; anchors and quotes short."""
    errors: list[str] = []
    for ent in gold["entities"]:
        for m in ent["mentions"]:
            if text[m["start"] : m["end"]] != m["text"]:
                errors.append(f"mention {m} of {ent['name']!r}")
    for key, field in (("events", "sentence"), ("claims", "sentence"), ("citations", "text")):
        for item in gold[key]:
            if text[item["start"] : item["end"]] != item[field]:
                errors.append(f"{key} span {item['start']}:{item['end']} != {field}")
    for ev in gold["events"]:
        if ev["anchor"] not in ev["sentence"]:
            errors.append(f"event anchor {ev['anchor']!r} not in its sentence")
    for cl in gold["claims"]:
        if cl["quote"] is not None and cl["quote"] not in cl["sentence"]:
            errors.append(f"claim quote {cl['quote']!r} not in its sentence")
        if cl["quote"] is not None and len(cl["quote"].split()) > MAX_ANCHOR_WORDS:
            errors.append(f"claim quote {cl['quote'][:40]!r}... is longer than a few words")
    return errors
