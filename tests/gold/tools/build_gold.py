"""Build and check the gold annotation files.

Annotations are written by hand in ``tests/gold/specs/<id>.yaml`` as exact substrings of
``tests/gold/dev/<id>.txt``; this script turns them into character offsets and writes
``tests/gold/dev/<id>.json`` in the ``manage.py extract`` format. It never runs the casebase
pipeline: every span comes from the annotator's spec.

Span syntax in specs:
- ``"Musk"``: every whole-word occurrence (entity mentions), or the first (other fields);
- ``"Musk@2"``: only the 2nd occurrence; ``"Musk@1,3"``: the 1st and 3rd.
Entity mentions are claimed longest surface form first and never overlap each other, so
"OpenAI" inside "Musk v. OpenAI" belongs to the case entity when that case is annotated.

Usage: ``python tests/gold/tools/build_gold.py [GOLD_DIR] [--check]``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

GOLD = Path(__file__).resolve().parent.parent
KINDS = {"person", "organization", "court", "case", "law", "product", "place"}
PRECISIONS = {"year", "month", "day", None}
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
    pass


def _occurrences(text: str, needle: str, whole_word: bool) -> list[int]:
    flags = 0
    pattern = re.escape(needle)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [m.start() for m in re.finditer(pattern, text, flags)]


def _parse(spec: str) -> tuple[str, list[int] | None]:
    match = _NTH.match(spec)
    if match and "@" not in match["text"]:
        return match["text"], [int(n) for n in match["nth"].split(",")]
    return spec, None


def locate(text: str, spec: str, *, every: bool = False, whole_word: bool = True) -> list[int]:
    """Start offsets for ``spec`` in ``text`` (see module doc for the syntax)."""
    needle, nths = _parse(spec)
    starts = _occurrences(text, needle, whole_word) or _occurrences(text, needle, False)
    if not starts:
        raise SpecError(f"not found in text: {needle!r}")
    if nths is not None:
        if max(nths) > len(starts):
            raise SpecError(f"{needle!r} occurs {len(starts)} times, asked for {nths}")
        return [starts[n - 1] for n in nths]
    return starts if every else starts[:1]


def span(text: str, spec: str) -> tuple[str, int, int]:
    needle, _ = _parse(spec)
    start = locate(text, spec)[0]
    return needle, start, start + len(needle)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding [start, end): a simple boundary rule the annotator checks."""
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


def _sentence(text: str, item: dict[str, Any], inner: tuple[int, int]) -> tuple[int, int]:
    """An explicit ``sentence`` substring, else the sentence around ``inner``."""
    if item.get("sentence"):
        _, s, e = span(text, item["sentence"])
        return s, e
    return sentence_around(text, *inner)


def build_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    taken: list[tuple[int, int]] = []
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(entities))}
    forms = [(i, form) for i, ent in enumerate(entities) for form in ent["mentions"]]
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
        if ent["kind"] not in KINDS:
            raise SpecError(f"bad kind {ent['kind']!r} for {ent['name']!r}")
        mentions = sorted(found[i], key=lambda m: m["start"])
        if not mentions:
            raise SpecError(f"entity {ent['name']!r} has no mention left")
        out.append({"name": ent["name"], "kind": ent["kind"], "mentions": mentions})
    return out


def build_events(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for ev in events:
        anchor, a_start, a_end = span(text, ev["anchor"])
        if ev.get("precision") not in PRECISIONS:
            raise SpecError(f"bad precision in {ev}")
        if (ev.get("date") is None) != (ev.get("precision") is None):
            raise SpecError(f"date and precision must both be set or both null: {ev}")
        s, e = _sentence(text, ev, (a_start, a_end))
        if not (s <= a_start and a_end <= e):
            raise SpecError(f"anchor {anchor!r} outside its sentence")
        out.append(
            {
                "date": ev.get("date"),
                "precision": ev.get("precision"),
                "anchor": anchor,
                "start": s,
                "end": e,
                "sentence": text[s:e],
            }
        )
    return out


def build_claims(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for cl in claims:
        _, a_start, a_end = span(text, cl["at"]) if cl.get("at") else span(text, cl["sentence"])
        s, e = _sentence(text, cl, (a_start, a_end))
        quote = cl.get("quote")
        if quote is not None and quote not in text[s:e]:
            raise SpecError(f"quote not inside its sentence: {quote!r}")
        out.append(
            {
                "speaker": cl.get("speaker"),
                "verb": cl["verb"],
                "quote": quote,
                "sentence": text[s:e],
                "start": s,
                "end": e,
            }
        )
    return out


def build_citations(text: str, citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for ci in citations:
        needle, s, e = span(text, ci["text"])
        out.append(
            {
                "text": needle,
                "kind": ci["kind"],
                "normalized": ci["normalized"],
                "start": s,
                "end": e,
            }
        )
    return out


def _by_start(item: dict[str, Any]) -> int:
    return int(item["start"])


def build(spec: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "meta": spec["meta"],
        "entities": build_entities(text, spec.get("entities") or []),
        "events": sorted(build_events(text, spec.get("events") or []), key=_by_start),
        "claims": sorted(build_claims(text, spec.get("claims") or []), key=_by_start),
        "citations": build_citations(text, spec.get("citations") or []),
    }


def validate(gold: dict[str, Any], text: str) -> list[str]:
    """Every span in a gold JSON must be exactly the annotated text."""
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
    return errors


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else GOLD / "dev"
    specs = GOLD / "specs"
    status = 0
    for spec_path in sorted(specs.glob("*.yaml")):
        text_path = gold_dir / f"{spec_path.stem}.txt"
        text = text_path.read_text(encoding="utf-8")
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        try:
            gold = build(spec, text)
        except SpecError as exc:
            print(f"{spec_path.name}: {exc}")
            status = 1
            continue
        out_path = gold_dir / f"{spec_path.stem}.json"
        rendered = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        if check:
            if not out_path.exists() or out_path.read_text(encoding="utf-8") != rendered:
                print(f"{out_path.name}: out of date (run build_gold.py)")
                status = 1
        else:
            out_path.write_text(rendered, encoding="utf-8")
            n = {k: len(gold[k]) for k in ("entities", "events", "claims", "citations")}
            print(f"{spec_path.stem}: {n}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
