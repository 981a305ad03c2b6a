"""Fine-tuning the model's NER on annotated texts (issue 17, round seven).

The pipeline reads spaCy's entities through ``casebase.analysis.kinds`` (PERSON, ORG, GPE, LOC,
FAC, LAW, PRODUCT become our kinds; DATE, TIME and the other labels feed the date and event
rules). Training therefore teaches the ``ner`` component only the labels the gold decides and
keeps the rest as the stock model predicts them:

- a gold mention becomes its label: person PERSON, organization and court ORG (``refine_kind``
  tells a court by its shape), law LAW, product PRODUCT, place LOC or FAC where the stock model
  says so, else GPE; a case name ("Musk v. OpenAI") is left unannotated (``legal_names`` finds
  cases by their shape, not the NER);
- the stock model's own DATE, TIME, MONEY, CARDINAL, NORP, ... predictions that overlap no gold
  mention are kept as gold (pseudo-rehearsal, so the ner does not forget what it was not shown);
- its PERSON/ORG/place/LAW/PRODUCT predictions that the gold does not hold become "outside"
  (the gold annotates every name of those kinds), except inside ``ignore`` ranges (citations,
  page furniture: not annotated for entities) and gold spans whose text the seen text changed
  (a joined hyphenation): their tokens are left missing, neither a name nor outside.

Training reads the *seen* text (``pipeline.seen_text``), cut into pieces of about
``PIECE_CHARS`` at paragraph breaks, and updates only ``ner`` (which in the sm models has its
own tok2vec, so tagger and parser are untouched) with a fixed seed. Pure Python over spaCy: no
ORM; the gold comes from the caller (``manage.py train_ner``).
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import fix_random_seed, minibatch

from casebase.analysis.pipeline import seen_text

#: Labels the gold decides; every other label is rehearsed from the stock model.
GOLD_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "PRODUCT"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Our kinds as spaCy labels; None: left unannotated ("case": found by its shape).
KIND_LABELS: dict[str, str | None] = {
    "person": "PERSON",
    "organization": "ORG",
    "court": "ORG",
    "law": "LAW",
    "product": "PRODUCT",
    "place": "GPE",
    "case": None,
}
#: Training pieces: paragraphs joined up to about this many characters.
PIECE_CHARS = 2000
SEED = 17
EPOCHS = 10
DROPOUT = 0.2
BATCH_SIZE = 8


@dataclass(frozen=True)
class Annotated:
    """One annotated text: the stored text, its document kind, its gold mentions as
    ``(start, end, kind)`` and the ranges not annotated for entities (``ignore``)."""

    text: str
    kind: str | None
    mentions: Sequence[tuple[int, int, str]]
    ignore: Sequence[tuple[int, int]] = ()


@dataclass
class Piece:
    """A piece of a seen text with its spans shifted to the piece."""

    text: str
    gold: list[tuple[int, int, str | None]] = field(default_factory=list)  # None: missing
    ignore: list[tuple[int, int]] = field(default_factory=list)


def _paragraph_cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text``, cut after paragraph breaks (else line
    breaks) so that a piece is at most about ``limit`` characters."""
    cuts, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        at = window.rfind("\n\n", limit // 4)
        width = 2
        if at == -1:
            at, width = window.rfind("\n", limit // 4), 1
        if at == -1:
            at, width = window.rfind(" ", limit // 4), 1
        end = start + (at + width if at != -1 else limit)
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def pieces_of(doc: Annotated, limit: int = PIECE_CHARS) -> list[Piece]:
    """``doc``'s seen text in pieces, each with the gold spans and ignored ranges it holds;
    a mention crossing a cut is dropped (its tokens stay missing)."""
    seen, _ = seen_text(doc.text, doc.kind)
    out = []
    for start, end in _paragraph_cuts(seen, limit):
        piece = Piece(seen[start:end])
        for s, e, kind in doc.mentions:
            if e <= start or s >= end:
                continue
            label = KIND_LABELS.get(kind)
            if s < start or e > end or seen[s:e] != doc.text[s:e]:
                label = None
            piece.gold.append((max(s, start) - start, min(e, end) - start, label))
        for s, e in doc.ignore:
            if s < end and start < e:
                piece.ignore.append((max(s, start) - start, min(e, end) - start))
        if piece.text.strip():
            out.append(piece)
    return out


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s2, e2 in spans)


def example_of(
    stock: Doc, piece: Piece, make_doc: Language, *, unknown_names: bool = False
) -> Example:
    """The training example of ``piece``: gold mentions, the stock model's predictions of the
    labels the gold does not decide (``stock``: the stock model's doc of the piece), outside
    elsewhere, missing where nothing is known."""
    spans: list[tuple[int, int, str]] = []
    missing: list[tuple[int, int]] = []
    gold_ranges = [(s, e) for s, e, _ in piece.gold]
    for s, e, label in piece.gold:
        if label is None:
            missing.append((s, e))
            continue
        if label == "GPE":  # a place: the stock model's finer label where it gave one
            said = [
                ent.label_
                for ent in stock.ents
                if ent.start_char == s and ent.end_char == e and ent.label_ in _PLACE_LABELS
            ]
            label = said[0] if said else label
        spans.append((s, e, label))
    for ent in stock.ents:
        if _overlaps(ent.start_char, ent.end_char, gold_ranges):
            continue
        if ent.label_ not in GOLD_LABELS:
            spans.append((ent.start_char, ent.end_char, ent.label_))
        elif unknown_names or _overlaps(ent.start_char, ent.end_char, piece.ignore):
            missing.append((ent.start_char, ent.end_char))  # a name in a citation: unknown
    reference = make_doc.make_doc(piece.text)
    tags = offsets_to_biluo_tags(reference, _without_overlaps(spans))
    for s, e in missing:
        for token in reference:
            if token.idx < e and s < token.idx + len(token):
                tags[token.i] = "-"
    return Example.from_dict(make_doc.make_doc(piece.text), {"entities": tags})


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Gold first (it is listed first), then rehearsed labels where they fit."""
    kept: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if not _overlaps(s, e, [(a, b) for a, b, _ in kept]):
            kept.append((s, e, label))
    return sorted(kept)


def build_examples(
    nlp: Language,
    docs: Sequence[Annotated],
    *,
    unknown_names: bool = False,
    limit: int = PIECE_CHARS,
) -> list[Example]:
    """Training examples of ``docs`` (pieces of about ``limit`` characters), the rehearsed
    labels predicted by ``nlp``'s current ner (call before training)."""
    pieces = [piece for doc in docs for piece in pieces_of(doc, limit)]
    with nlp.select_pipes(enable=["ner"]):
        stock_docs = list(nlp.pipe((p.text for p in pieces), batch_size=64))
    with warnings.catch_warnings():  # W030: a span off the tokens' edges stays missing
        warnings.filterwarnings("ignore", message=r"\[W030\]")
        return [
            example_of(stock, piece, nlp, unknown_names=unknown_names)
            for stock, piece in zip(stock_docs, pieces, strict=True)
        ]


def train_ner(
    nlp: Language,
    docs: Sequence[Annotated],
    *,
    epochs: int = EPOCHS,
    seed: int = SEED,
    dropout: float = DROPOUT,
    unknown_names: bool = False,
    log: bool = False,
) -> list[float]:
    """Fine-tune ``nlp``'s ner on ``docs`` in place; returns the loss of each epoch.
    ``unknown_names``: the stock model's names the gold does not hold are left missing
    rather than taught as outside."""
    fix_random_seed(seed)
    examples = build_examples(nlp, docs, unknown_names=unknown_names)
    rng = random.Random(seed)
    losses_by_epoch = []
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        for epoch in range(epochs):
            rng.shuffle(examples)
            losses: dict[str, float] = {}
            for batch in minibatch(examples, size=BATCH_SIZE):
                nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
            losses_by_epoch.append(losses.get("ner", 0.0))
            if log:
                print(f"epoch {epoch + 1}/{epochs}: ner loss {losses.get('ner', 0.0):.1f}")
    return losses_by_epoch


def save_ner(nlp: Language, path: Path) -> None:
    """Write ``nlp``'s ner component (weights and moves only) to ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(path)  # type: ignore[attr-defined]
