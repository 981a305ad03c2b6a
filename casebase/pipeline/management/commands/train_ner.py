"""``manage.py train_ner``: fine-tune the model's NER on the development gold texts.

    manage.py train_ner [--out var/models/ner] [--epochs N] [--seed N] [--unknown-names]
    manage.py train_ner --cross-validate 5 [--only-fold K] [--format text|json]

Reads the development specs (``tests/gold/specs/development``) and their texts
(``$CASEBASE_SHARED_DIR/gold/texts``, or ``--texts``), never the validation split. Training is
``casebase.analysis.training``: gold mentions as spaCy labels, the stock model's other labels
rehearsed, only the ``ner`` component updated, seed fixed. Without ``--cross-validate`` it
trains on every development text and writes the ner component to ``--out``; the analysis uses
it with ``CASEBASE_NER=<that directory>`` (default ``stock``: the model's own NER). Nothing
trained ships: out of fold it did not help clearly (docs/evaluation.md, round seven).

``--cross-validate K`` writes nothing to the package: the development texts are split into K
folds by a hash of the spec's name; each fold's texts are analysed by the full pipeline with
a ner trained on the other folds and, for comparison, with the stock ner; the pooled
out-of-fold figures (with and without the knowledge base) are printed old and new.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from thinc.api import NumpyOps, set_current_ops

from casebase.analysis.nlp import STOCK_NER, load_nlp, use_numpy_ops
from casebase.analysis.pipeline import analyse_many
from casebase.analysis.training import EPOCHS, SEED, Annotated, save_ner, train_ner
from casebase.evaluation.scoring import DocumentResult, score_document, summarize
from casebase.pipeline.management.commands.evaluate import (
    DEFAULT_GOLD_DIR,
    GoldDocument,
    known_entities,
    load_gold,
    publication_date,
    texts_directory,
)

#: Outside the package: no trained NER ships (docs/evaluation.md, round seven).
DEFAULT_OUT = Path("var/models/ner")


def fold_of(name: str, folds: int) -> int:
    """A spec's fold: a hash of its name, the same on every machine and run."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % folds


def annotated(doc: GoldDocument) -> Annotated:
    """A gold document as training input: its mentions, and its citations and page furniture
    as ranges not annotated for entities."""
    mentions = [
        (int(m["start"]), int(m["end"]), str(ent["kind"]))
        for ent in doc.gold["entities"]
        for m in ent["mentions"]
    ]
    ignore = [(int(c["start"]), int(c["end"])) for c in doc.gold["citations"]]
    ignore += [(int(s), int(e)) for s, e in doc.furniture]
    return Annotated(doc.text, doc.gold["meta"].get("kind"), mentions, ignore)


def fresh_model(model: str) -> spacy.language.Language:
    """The stock model, loaded anew (not the process's cached copy: training changes it)."""
    set_current_ops(NumpyOps())  # blis kernels for training's maths
    return spacy.load(model, exclude=["lemmatizer"])


def analyse_all(
    documents: list[GoldDocument], known: list[Any], model: str, ner: str
) -> tuple[list[DocumentResult], float]:
    """Score every document with the pipeline on ``model`` with the ner from ``ner``; returns
    the results and the seconds the analysis took."""
    items = [
        (doc.text, publication_date(doc.gold["meta"]), doc.gold["meta"].get("kind"), doc.furniture)
        for doc in documents
    ]
    load_nlp(model, ner=ner)  # loaded before the clock starts
    started = time.perf_counter()
    analyses = list(analyse_many(items, known=known, batch_size=8, model=model, ner=ner))
    seconds = time.perf_counter() - started
    results = [
        score_document(doc.name, doc.gold, a.to_json())
        for doc, a in zip(documents, analyses, strict=True)
    ]
    return results, seconds


def figures(results: list[DocumentResult]) -> dict[str, Any]:
    s = summarize(results, details=False)
    ent, claims, cites = (s["categories"][k] for k in ("entities", "claims", "citations"))
    return {
        "documents": s["documents"],
        "entity_p": ent["precision"],
        "entity_r": ent["recall"],
        "entity_f1": ent["f1"],
        "entity_kinds": s["entity_kind_accuracy"]["accuracy"],
        "dates": s["dates"],
        "claim_r": claims["recall"],
        "claim_p": claims["precision"],
        "speaker": s["speaker_accuracy"]["accuracy"],
        "citation_r": cites["recall"],
    }


def render(label: str, f: dict[str, Any]) -> str:
    d = f["dates"]
    return (
        f"{label:<28} ent P {f['entity_p']:.3f} R {f['entity_r']:.3f} F1 {f['entity_f1']:.3f} "
        f"kind {f['entity_kinds'] or 0:.3f} | dates ok {d['correct']} wrong {d['wrong']} "
        f"finer {d['more_precise']} coarser {d['less_precise']} missed {d['missed']} | "
        f"claims R {f['claim_r']:.3f} P {f['claim_p']:.3f} speaker {f['speaker'] or 0:.3f} | "
        f"cites R {f['citation_r']:.3f}"
    )


class Command(BaseCommand):
    help = "Fine-tune the NER on the development gold texts (or cross-validate doing so)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD_DIR)
        parser.add_argument("--texts", type=Path, help="default: $CASEBASE_SHARED_DIR/gold/texts")
        parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
        parser.add_argument("--epochs", type=int, default=EPOCHS)
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--cross-validate", type=int, metavar="K", default=0)
        parser.add_argument("--only-fold", type=int, metavar="I", action="append")
        parser.add_argument(
            "--unknown-names",
            action="store_true",
            help="leave the stock model's names the gold does not hold missing, not outside",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        documents = load_gold(
            options["gold_dir"], texts_directory(options["texts"]), ["development"]
        )
        model = settings.CASEBASE_SPACY_MODEL
        if options["cross_validate"]:
            self.cross_validate(documents, model, options)
            return
        nlp, losses = self.trained(documents, model, options)
        save_ner(nlp, options["out"])
        self.stdout.write(
            f"trained on {len(documents)} development texts, {options['epochs']} epochs "
            f"(last loss {losses[-1]:.1f}); ner written to {options['out']}"
        )

    def trained(
        self, documents: list[GoldDocument], model: str, options: dict[str, Any]
    ) -> tuple[spacy.language.Language, list[float]]:
        """A fresh copy of ``model`` with its ner trained on ``documents``, and the losses."""
        nlp = fresh_model(model)
        losses = train_ner(
            nlp,
            [annotated(d) for d in documents],
            epochs=options["epochs"],
            seed=options["seed"],
            unknown_names=options["unknown_names"],
        )
        return nlp, losses

    def cross_validate(
        self, documents: list[GoldDocument], model: str, options: dict[str, Any]
    ) -> None:
        k = options["cross_validate"]
        if k < 2:
            raise CommandError("--cross-validate needs at least 2 folds")
        chosen = options["only_fold"] or list(range(k))
        kb = known_entities(True)
        pooled: dict[str, list[DocumentResult]] = {}
        seconds: dict[str, float] = {"old": 0.0, "new": 0.0}
        folds_out = []
        with tempfile.TemporaryDirectory(prefix="casebase-ner-") as tmp:
            for fold in chosen:
                train = [d for d in documents if fold_of(d.name, k) != fold]
                held = [d for d in documents if fold_of(d.name, k) == fold]
                started = time.perf_counter()
                nlp, losses = self.trained(train, model, options)
                trained = Path(tmp) / f"fold-{fold}"
                save_ner(nlp, trained)
                del nlp
                took = time.perf_counter() - started
                use_numpy_ops(True)
                row: dict[str, Any] = {"fold": fold, "train": len(train), "held_out": len(held)}
                for known, tag in ((kb, "kb"), ([], "nokb")):
                    for ner, which in ((STOCK_NER, "old"), (str(trained), "new")):
                        results, secs = analyse_all(held, known, model, ner)
                        pooled.setdefault(f"{which}-{tag}", []).extend(results)
                        row[f"{which}-{tag}"] = figures(results)
                        if tag == "kb":
                            seconds[which] += secs
                folds_out.append(row)
                self.stderr.write(
                    f"fold {fold}: {len(train)} train / {len(held)} held out, trained in "
                    f"{took:.0f}s, losses {[round(x) for x in losses]}\n"
                    f"  {render('old (stock ner), KB', row['old-kb'])}\n"
                    f"  {render('new (trained ner), KB', row['new-kb'])}"
                )
        summary = {
            "folds": k,
            "epochs": options["epochs"],
            "seed": options["seed"],
            "per_fold": folds_out,
            "pooled": {key: figures(results) for key, results in pooled.items()},
            "analysis_seconds_with_kb": seconds,
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, indent=2))
            return
        lines = [f"Out-of-fold ({k} folds, folds {chosen}, {options['epochs']} epochs):"]
        for key in ("old-kb", "new-kb", "old-nokb", "new-nokb"):
            lines.append(render(key, summary["pooled"][key]))
        lines.append(f"analysis seconds (with KB): {seconds}")
        self.stdout.write("\n".join(lines))
