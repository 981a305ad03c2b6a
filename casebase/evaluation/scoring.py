"""Scoring extraction output against hand-annotated gold files.

Pure functions over the ``manage.py extract`` JSON shape (``Analysis.to_json()``), so they can
score any predictor and be tested without the ORM or spaCy. Matching rules:

- entities: a predicted entity matches a gold entity when one of its mentions overlaps one of the
  gold entity's mentions, or their normalized names are equal; matching is one-to-one, so an
  entity split in two counts once as found and once as a false positive. Mentions are also scored
  on their own (one-to-one span overlap).
- events: overlapping sentence spans and overlapping anchors (one anchor text contains the other,
  or they share a content word). Dates are then compared as (date, precision), and every gold
  event's date counted once as correct, wrong, more precise, less precise or missed.
- claims: overlapping spans, paired by speaker when a sentence holds several claims; speakers
  compared on matched claims (surname-only allowed).
- citations: overlapping spans and the same canonical key of ``normalized``, whatever the kind
  (case, statute, regulation, rule, docket, record, short_form); recall is also given per kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casebase.core.text_utils import normalize_name

Item = dict[str, Any]

_WORD = re.compile(r"[0-9a-z]+")
_ANCHOR_STOP = {"the", "a", "an", "on", "in", "of", "late", "early", "last", "this", "next", "by"}
_ROLE_WORDS = {"court", "judge", "panel", "company", "plaintiffs", "defendants", "statement"}
_DOCKET_PREFIX = re.compile(r"^(?:(?:no\.|nos\.|case|docket)\s*)+")
_DOCKET = re.compile(r"(?:(\d+):)?(\d{2})-?([a-z]{2,4})-?0*(\d+)")


@dataclass
class Score:
    """True positives, false positives, false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    """``correct`` out of ``total`` (an accuracy over matched items)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass
class CategoryResult:
    """One category's score for one document (or summed over documents)."""

    score: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)  # gold items not found
    false_positives: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # matched, but a wrong date or speaker

    def __add__(self, other: CategoryResult) -> CategoryResult:
        return CategoryResult(
            self.score + other.score,
            self.misses + other.misses,
            self.false_positives + other.false_positives,
            self.errors + other.errors,
        )


@dataclass
class DateOutcomes:
    """What became of each gold event's date; every gold event is counted exactly once."""

    correct: int = 0  # found with gold's (date, precision); both null counts
    wrong: int = 0  # a date that is not gold's nor inside it, or a date where gold has none
    more_precise: int = 0  # a finer date inside gold's: more than the text says
    less_precise: int = 0  # a coarser date that holds gold's
    missed: int = 0  # the event not found, or found without a date where gold has one

    def __add__(self, other: DateOutcomes) -> DateOutcomes:
        return DateOutcomes(
            *(getattr(self, k) + getattr(other, k) for k in self.__dataclass_fields__)
        )

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class DocumentResult:
    name: str
    entities: CategoryResult
    mentions: CategoryResult
    events: CategoryResult
    claims: CategoryResult
    citations: CategoryResult
    entity_kinds: Ratio
    dates: Ratio
    date_outcomes: DateOutcomes
    speakers: Ratio
    verbs: Ratio
    citation_kinds: dict[str, Ratio] = field(default_factory=dict)
    #: Counts of what went wrong, by shape (``error_shapes``): names no text, so a split scored
    #: only as a whole can still say where its errors lie.
    error_shapes: Counter[str] = field(default_factory=Counter)


CATEGORIES = ("entities", "mentions", "events", "claims", "citations")


def overlaps(a: Item, b: Item) -> bool:
    """Do two ``start``/``end`` spans share at least one character?"""
    return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])


def overlap_size(a: Item, b: Item) -> int:
    return max(0, min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"])))


def match_pairs(
    gold: Sequence[Item],
    predicted: Sequence[Item],
    score: Callable[[Item, Item], float],
) -> list[tuple[int, int]]:
    """One-to-one matching: best-scoring pairs first; a score of 0 or less never matches."""
    candidates = [
        (s, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if (s := score(g, p)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _category(
    gold: Sequence[Item],
    predicted: Sequence[Item],
    score: Callable[[Item, Item], float],
    describe: Callable[[Item], str],
) -> tuple[CategoryResult, list[tuple[int, int]]]:
    pairs = match_pairs(gold, predicted, score)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    result = CategoryResult(
        Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)),
        [describe(g) for i, g in enumerate(gold) if i not in matched_g],
        [describe(p) for i, p in enumerate(predicted) if i not in matched_p],
    )
    return result, pairs


# --- entities -------------------------------------------------------------------------------


def _entity_score(gold: Item, pred: Item) -> float:
    shared = sum(
        1 for g in gold.get("mentions", []) for p in pred.get("mentions", []) if overlaps(g, p)
    )
    same_name = normalize_name(gold["name"]) == normalize_name(pred["name"])
    return shared + (0.5 if same_name else 0.0)


def _describe_entity(item: Item) -> str:
    return f"{item['name']} ({item.get('kind')}, {len(item.get('mentions', []))} mentions)"


def _mention_score(gold: Item, pred: Item) -> float:
    return overlap_size(gold, pred)


def _flat_mentions(entities: Iterable[Item]) -> list[Item]:
    return [m for e in entities for m in e.get("mentions", [])]


def score_entities(gold: Sequence[Item], predicted: Sequence[Item]) -> tuple[CategoryResult, Ratio]:
    """Entity-level P/R/F1 and, on matched entities, how often the kind is right."""
    result, pairs = _category(gold, predicted, _entity_score, _describe_entity)
    kinds = Ratio(sum(1 for g, p in pairs if gold[g]["kind"] == predicted[p]["kind"]), len(pairs))
    for g, p in pairs:
        if gold[g]["kind"] != predicted[p]["kind"]:
            result.errors.append(
                f"{gold[g]['name']}: kind {predicted[p]['kind']!r}, gold {gold[g]['kind']!r}"
            )
    return result, kinds


def score_mentions(gold: Sequence[Item], predicted: Sequence[Item]) -> CategoryResult:
    """Mention-level P/R/F1 (span overlap, one-to-one), whatever entity the mention is in."""
    result, _ = _category(
        _flat_mentions(gold),
        _flat_mentions(predicted),
        _mention_score,
        lambda m: f"{m['text']!r}@{m['start']}",
    )
    return result


# --- events ---------------------------------------------------------------------------------


def _anchor_words(anchor: str) -> set[str]:
    return {w for w in _WORD.findall(anchor.casefold()) if w not in _ANCHOR_STOP}


def anchors_overlap(a: str, b: str) -> bool:
    """Same date phrase: one contains the other, or they share a content word."""
    x, y = normalize_name(a), normalize_name(b)
    if x and y and (x in y or y in x):
        return True
    return bool(_anchor_words(a) & _anchor_words(b))


def _event_score(gold: Item, pred: Item) -> float:
    if not overlaps(gold, pred) or not anchors_overlap(gold["anchor"], pred["anchor"]):
        return 0.0
    contained = normalize_name(gold["anchor"]) in normalize_name(pred["anchor"]) or (
        normalize_name(pred["anchor"]) in normalize_name(gold["anchor"])
    )
    return 1.0 + (1.0 if contained else 0.0) + overlap_size(gold, pred) / 10_000


def _describe_event(item: Item) -> str:
    return f"{item['anchor']!r} -> {item.get('date')} ({item.get('precision')})"


def date_outcome(gold: tuple[str | None, str | None], got: tuple[str | None, str | None]) -> str:
    """``correct``, ``wrong``, ``more_precise``, ``less_precise`` or ``missed`` for a matched
    event's ``(date, precision)`` against gold's. ISO partial dates nest by prefix."""
    if gold == got:
        return "correct"
    if got[0] is None:
        return "missed"
    if gold[0] is None:
        return "wrong"  # a date invented where the text fixes none
    if got[0].startswith(gold[0] + "-"):
        return "more_precise"
    if gold[0].startswith(got[0] + "-"):
        return "less_precise"
    return "wrong"


def score_events(
    gold: Sequence[Item], predicted: Sequence[Item]
) -> tuple[CategoryResult, Ratio, DateOutcomes]:
    """Detection P/R/F1, date accuracy on matched events, and each gold date's outcome.

    A date is right when (date, precision) equal gold's, including both being null. A gold
    event the pipeline did not find counts as a missed date.
    """
    result, pairs = _category(gold, predicted, _event_score, _describe_event)
    outcomes = DateOutcomes(missed=len(gold) - len(pairs))
    for g, p in pairs:
        gd = (gold[g].get("date"), gold[g].get("precision"))
        pd = (predicted[p].get("date"), predicted[p].get("precision"))
        outcome = date_outcome(gd, pd)
        setattr(outcomes, outcome, getattr(outcomes, outcome) + 1)
        if outcome != "correct":
            label = {"wrong": "WRONG date"}.get(outcome, outcome.replace("_", " ") + " date")
            result.errors.append(f"{label}: {gold[g]['anchor']!r} gold {gd}, got {pd}")
    return result, Ratio(outcomes.correct, len(pairs)), outcomes


# --- claims ---------------------------------------------------------------------------------


def _name_words(name: str) -> list[str]:
    """Words of a normalized name without initials ("Rita F. Lin" -> rita, lin)."""
    words = _WORD.findall(normalize_name(name))
    return [w for w in words if len(w) > 1] or words


def speakers_match(gold: str | None, predicted: str | None) -> bool:
    """Same speaker: equal names up to initials ("Rita F. Lin"/"Rita Lin"), a longer form of
    the same name ("U.S. Supreme Court"/"Supreme Court"), or a surname alone against the full
    name ("Musk"/"Elon Musk"); a bare role word ("court", "judge") never matches a name."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _name_words(gold), _name_words(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    if len(short) == 1:
        return short[0] == long_[-1] and short[0] not in _ROLE_WORDS
    return long_[-len(short) :] == short or (short[0], short[-1]) == (long_[0], long_[-1])


def _claim_score(gold: Item, pred: Item) -> float:
    """Span overlap (as a share of the union); among claims on one sentence, the one with the
    gold speaker is paired first, so a sentence holding two claims pairs them by speaker."""
    shared = overlap_size(gold, pred)
    if not shared:
        return 0.0
    union = max(int(gold["end"]), int(pred["end"])) - min(int(gold["start"]), int(pred["start"]))
    same_speaker = speakers_match(gold.get("speaker"), pred.get("speaker"))
    return shared / union + (1.0 if same_speaker else 0.0)


def _describe_claim(item: Item) -> str:
    sentence = " ".join(str(item.get("sentence", "")).split())
    short = sentence if len(sentence) <= 90 else sentence[:87] + "..."
    return f"{item.get('speaker')} {item.get('verb')}: {short!r}"


def score_claims(
    gold: Sequence[Item], predicted: Sequence[Item]
) -> tuple[CategoryResult, Ratio, Ratio]:
    """Detection P/R/F1, then speaker and verb accuracy on matched claims."""
    result, pairs = _category(gold, predicted, _claim_score, _describe_claim)
    speakers = Ratio(0, len(pairs))
    verbs = Ratio(0, len(pairs))
    for g, p in pairs:
        if speakers_match(gold[g].get("speaker"), predicted[p].get("speaker")):
            speakers.correct += 1
        else:
            result.errors.append(
                f"speaker {predicted[p].get('speaker')!r}, gold {gold[g].get('speaker')!r}: "
                f"{_describe_claim(gold[g])}"
            )
        if gold[g].get("verb") == predicted[p].get("verb"):
            verbs.correct += 1
    return result, speakers, verbs


# --- citations ------------------------------------------------------------------------------


def citation_key(normalized: str) -> str:
    """Formatting-blind key of a citation's core, the same however a court or an annotator
    writes it:

    - case, spaces and punctuation are ignored ("17 U.S.C. § 107" == "17 USC 107");
    - dockets lose a "No."/"Case" prefix, a division prefix, zero padding and judge initials
      ("1:20-cv-613-SB" == "1:20-cv-00613"; "22-1564-BAH" == "22-1564"); a number written
      without its case type matches the typed one of that year and number ("19-377" ==
      "3:19-cr-00377", in ``_citation_score``), two typed numbers only when the types agree;
    - a reporter citation is its volume, reporter and first page: a pin cite is not the
      citation ("200 U. S. 321, 337" == "200 U.S. 321");
    - record references ignore "No."/"Nos." (with or without its period) and write
      "Docket"/"DKT." as "Dkt." and "Exh." as "Ex." ("Dkt. 10" == "Dkt. No. 10", "Docket
      75-32" == "Dkt. 75-32", "Docket Entry No 1" == "Docket Entry No. 1");
    - a code's "Ann." (the annotated edition) is not compared ("Tex. Ins. Code Ann. § 541.060"
      == "Tex. Ins. Code § 541.060");
      everything else about them (the number, the pin "at 4") must agree.
    """
    written = normalized.casefold().replace("–", "-").replace("—", "-").replace("\u2011", "-")
    written = written.strip()
    text = _DOCKET_PREFIX.sub("", written)
    docket = _DOCKET.search(text)
    if docket and re.fullmatch(r"[\sa-z.]*" + re.escape(docket.group(0)) + r"[-a-z]*", text):
        _, year, kind, number = docket.groups()
        return f"docket:{year}-{kind}-{int(number)}"
    bare = _BARE_DOCKET.fullmatch(text)
    if bare and not written.startswith(("docket", "dkt")):  # "Docket 75-32" is a record
        return f"docket:{bare['year']}-{int(bare['number'])}"
    reporter = _REPORTER_CITE.fullmatch(written)
    if reporter:
        written = written[: reporter.end("page")]  # the pin and parenthetical go
    written = _RECORD_WORDS.sub(lambda m: _RECORD_FORMS.get(m.group(0), ""), written)
    return "".join(_WORD.findall(written))


#: A docket number without a case type: "22-1564-BAH", "No. 19-783" (the initials dropped).
_BARE_DOCKET = re.compile(r"(?:\d+:)?(?P<year>\d{2})-0*(?P<number>\d+)(?:-[a-z]{2,4})*")
#: "200 U. S. 321, 337", "780 F.3d 304 (5th Cir. 2015)": volume, reporter, first page, pin.
_REPORTER_CITE = re.compile(
    r"(?P<volume>\d{1,4})\s+(?P<reporter>[a-z][a-z0-9. ]*?)\s*(?P<page>\d{1,5})"
    r"(?:,\s*(?:at\s+)?\d+(?:-\d+)?)?(?:\s*\(.*\))?"
)
_RECORD_WORDS = re.compile(r"\b(?:nos?\.?|docket|dkt\.?|exh\.?|ann\.)(?=\s|\d|$)")
_RECORD_FORMS = {"docket": "dkt", "dkt.": "dkt", "dkt": "dkt", "exh.": "ex", "exh": "ex"}
#: What a record reference starts with ("ECF No. 1", "Dkt. 12", "Docket Entry No. 5", "Doc. 3").
_RECORD_START = re.compile(r"(?:ecf|dkt|docket|doc(?:ument)?|d\.\s?e\.)\b", re.IGNORECASE)


def _citation_keys(item: Item) -> set[str]:
    """The keys a citation may be matched by: its own, and for a record reference that names
    its docket first ("1:22-cv-01564-BAH, Document No. 13-2") also the reference without
    it, so a reference found without its docket written into ``normalized`` still matches;
    never a docket number alone. A paper's title or a case name before a record reference or a
    docket ("Compl., Dkt. No. 1", "Hernandez Roman, Case No. 20-55662") is not compared either:
    the reference is the citation, the name is the paper's or the case's (an entity)."""
    normalized = str(item.get("normalized") or item.get("text") or "")
    keys = {citation_key(normalized)}
    head, sep, rest = normalized.partition(", ")
    if sep and rest and _DOCKET.search(head.casefold()):
        keys.add(citation_key(rest))
    elif sep and rest and (_RECORD_START.match(rest) or citation_key(rest).startswith("docket:")):
        keys.add(citation_key(rest))  # "Compl., Dkt. No. 1"; "Hernandez Roman, Case No. 20-55662"
    return keys


def _untyped(key: str) -> str:
    """ "docket:19-cr-377" -> "docket:19-377": a docket number written without its case type
    ("Criminal Action 19-377", "22-1564-BAH") is the typed number of that year and number."""
    m = re.fullmatch(r"docket:(\d{2})-[a-z]{2,4}-(\d+)", key)
    return f"docket:{m[1]}-{m[2]}" if m else key


def _citation_score(gold: Item, pred: Item) -> float:
    if not overlaps(gold, pred):
        return 0.0
    gold_keys, pred_keys = _citation_keys(gold), _citation_keys(pred)
    same = gold_keys & pred_keys
    # one side untyped: compared without the other's type (two typed numbers never are)
    same = same or gold_keys & {_untyped(k) for k in pred_keys}
    same = same or pred_keys & {_untyped(k) for k in gold_keys}
    if not same:
        return 0.0
    return 1.0 + overlap_size(gold, pred) / 10_000


def score_citations(
    gold: Sequence[Item], predicted: Sequence[Item]
) -> tuple[CategoryResult, dict[str, Ratio]]:
    """P/R/F1 whatever the kind, and recall per gold kind (found / annotated)."""
    result, pairs = _category(
        gold,
        predicted,
        _citation_score,
        lambda c: f"{c['text']!r} [{c.get('kind')}] = {c.get('normalized')!r}",
    )
    found = {g for g, _ in pairs}
    kinds: dict[str, Ratio] = {}
    for i, item in enumerate(gold):
        kind = kinds.setdefault(str(item.get("kind")), Ratio())
        kind.total += 1
        kind.correct += int(i in found)
    return result, kinds


def _sum_kinds(parts: Iterable[dict[str, Ratio]]) -> dict[str, Ratio]:
    total: dict[str, Ratio] = {}
    for part in parts:
        for kind, ratio in part.items():
            total[kind] = total.get(kind, Ratio()) + ratio
    return dict(sorted(total.items()))


# --- documents and totals -------------------------------------------------------------------


def error_shapes(gold: Item, predicted: Item) -> Counter[str]:
    """What went wrong in one document, counted by shape and never quoted: entities, event
    dates and claims (``_entity_shapes``, ``_date_shapes``, ``_claim_shapes``)."""
    return (
        _entity_shapes(gold["entities"], predicted.get("entities", []))
        + _date_shapes(gold["events"], predicted.get("events", []))
        + _claim_shapes(gold["claims"], predicted.get("claims", []))
    )


def _unpaired(
    label: str, gold: Sequence[Item], predicted: Sequence[Item], pairs: list[tuple[int, int]]
) -> Counter[str]:
    """Items left unpaired, counted by a field (``label`` is "name:field"): gold's as missed,
    predicted's as false ("entity missed: person", "claim false: said")."""
    name, field = label.split(":")
    paired_g, paired_p = {g for g, _ in pairs}, {p for _, p in pairs}
    shapes: Counter[str] = Counter()
    shapes.update(f"{name} missed: {x.get(field)}" for i, x in enumerate(gold) if i not in paired_g)
    shapes.update(
        f"{name} false: {x.get(field)}" for i, x in enumerate(predicted) if i not in paired_p
    )
    return shapes


def _entity_shapes(gold: Sequence[Item], predicted: Sequence[Item]) -> Counter[str]:
    """Entities missed (by gold kind) and false (by predicted kind), kinds confused."""
    pairs = match_pairs(gold, predicted, _entity_score)
    shapes = _unpaired("entity:kind", gold, predicted, pairs)
    for g, p in pairs:
        kinds = gold[g].get("kind"), predicted[p].get("kind")
        if kinds[0] != kinds[1]:
            shapes[f"entity kind: {kinds[0]} -> {kinds[1]}"] += 1
    return shapes


def _date_shapes(gold: Sequence[Item], predicted: Sequence[Item]) -> Counter[str]:
    """Each gold date that is not right, by what happened and gold's precision: "date not
    found: day" (no event there), "date wrong: month", "date missed: day" (found, no date)."""
    shapes: Counter[str] = Counter()
    pairs = match_pairs(gold, predicted, _event_score)
    matched = {g for g, _ in pairs}
    shapes.update(
        f"date not found: {e.get('precision') or 'unresolved'}"
        for i, e in enumerate(gold)
        if i not in matched
    )
    for g, p in pairs:
        expected = (gold[g].get("date"), gold[g].get("precision"))
        outcome = date_outcome(expected, (predicted[p].get("date"), predicted[p].get("precision")))
        if outcome != "correct":
            name = {"more_precise": "finer", "less_precise": "coarser"}.get(outcome, outcome)
            shapes[f"date {name}: {expected[1] or 'unresolved'}"] += 1
    return shapes


def _claim_shapes(gold: Sequence[Item], predicted: Sequence[Item]) -> Counter[str]:
    """Claims missed and false by verb, and wrong speakers: none given where gold has one,
    one given where gold has none, another."""
    pairs = match_pairs(gold, predicted, _claim_score)
    shapes = _unpaired("claim:verb", gold, predicted, pairs)
    for g, p in pairs:
        expected, got = gold[g].get("speaker"), predicted[p].get("speaker")
        if not speakers_match(expected, got):
            shape = (
                "none given"
                if got is None
                else "given, gold none"
                if expected is None
                else "another"
            )
            shapes[f"claim speaker: {shape}"] += 1
    return shapes


def score_document(name: str, gold: Item, predicted: Item) -> DocumentResult:
    """Score one predicted analysis (extract JSON) against one gold file."""
    entities, kinds = score_entities(gold["entities"], predicted.get("entities", []))
    events, dates, outcomes = score_events(gold["events"], predicted.get("events", []))
    claims, speakers, verbs = score_claims(gold["claims"], predicted.get("claims", []))
    citations, citation_kinds = score_citations(gold["citations"], predicted.get("citations", []))
    return DocumentResult(
        name=name,
        entities=entities,
        mentions=score_mentions(gold["entities"], predicted.get("entities", [])),
        events=events,
        claims=claims,
        citations=citations,
        entity_kinds=kinds,
        dates=dates,
        date_outcomes=outcomes,
        speakers=speakers,
        verbs=verbs,
        citation_kinds=citation_kinds,
        error_shapes=error_shapes(gold, predicted),
    )


def summarize(results: Sequence[DocumentResult], *, details: bool = True) -> dict[str, Any]:
    """Micro-averaged figures over documents, per category and overall; with ``details``, the
    per-document figures and misses too."""
    totals = {c: sum((getattr(r, c) for r in results), CategoryResult()) for c in CATEGORIES}
    overall = sum((totals[c].score for c in ("entities", "events", "claims", "citations")), Score())
    summary: dict[str, Any] = {
        "documents": len(results),
        "categories": {c: totals[c].score.as_dict() for c in CATEGORIES},
        "overall": overall.as_dict(),
        "entity_kind_accuracy": sum((r.entity_kinds for r in results), Ratio()).as_dict(),
        "date_accuracy": sum((r.dates for r in results), Ratio()).as_dict(),
        "dates": sum((r.date_outcomes for r in results), DateOutcomes()).as_dict(),
        "speaker_accuracy": sum((r.speakers for r in results), Ratio()).as_dict(),
        "verb_accuracy": sum((r.verbs for r in results), Ratio()).as_dict(),
        "citation_recall_by_kind": {
            kind: ratio.as_dict()
            for kind, ratio in _sum_kinds(r.citation_kinds for r in results).items()
        },
        "error_shapes": dict(sorted(sum((r.error_shapes for r in results), Counter()).items())),
    }
    if details:
        summary["per_document"] = [
            {
                "name": r.name,
                **{c: getattr(r, c).score.as_dict() for c in CATEGORIES},
                "date_accuracy": r.dates.as_dict(),
                "speaker_accuracy": r.speakers.as_dict(),
                "misses": {c: getattr(r, c).misses for c in CATEGORIES if c != "mentions"},
                "false_positives": {
                    c: getattr(r, c).false_positives for c in CATEGORIES if c != "mentions"
                },
                "errors": {c: getattr(r, c).errors for c in ("entities", "events", "claims")},
            }
            for r in results
        ]
    return summary
