"""Fine-tuning the NER (casebase.analysis.training, manage.py train_ner) on a tiny made-up text."""

from __future__ import annotations

from pathlib import Path

import spacy

from casebase.analysis.nlp import DEFAULT_MODEL, STOCK_NER, load_nlp
from casebase.analysis.training import Annotated, build_examples, pieces_of, save_ner, train_ner
from casebase.pipeline.management.commands.train_ner import fold_of

# Made up for the test: a person, a company, a court, a case name, a date, a citation.
TEXT = (
    "On March 3, 2024, Dana Whitlock sued Brightwater Labs in the District Court.\n\n"
    "The case, Whitlock v. Brightwater, cites Smith v. Jones, 12 F.4th 34 (9th Cir. 2021).\n"
)


def _at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _doc() -> Annotated:
    mentions = [
        (*_at("Dana Whitlock"), "person"),
        (*_at("Brightwater Labs"), "organization"),
        (*_at("District Court"), "court"),
        (*_at("Whitlock v. Brightwater"), "case"),
    ]
    return Annotated(TEXT, "news", mentions, ignore=[_at("Smith v. Jones, 12 F.4th 34")])


def _model() -> spacy.language.Language:
    return spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])


def test_examples_hold_gold_rehearsed_labels_and_missing_tokens() -> None:
    nlp = _model()
    pieces = pieces_of(_doc(), limit=90)
    assert len(pieces) == 2  # cut at the paragraph break
    examples = build_examples(nlp, [_doc()], limit=90)
    first = {t.text: t.ent_iob_ + "-" + t.ent_type_ for t in examples[0].reference}
    assert first["Dana"] == "B-PERSON" and first["Brightwater"] == "B-ORG"
    assert first["District"] == "B-ORG"  # a court is ORG; kinds.refine_kind tells it by shape
    assert first["March"].endswith("-DATE")  # the stock model's date, rehearsed
    second = examples[1].reference
    case = next(t for t in second if t.text == "Whitlock")
    assert case.ent_iob_ == ""  # a case name is left missing: legal_names finds cases
    smith = next(t for t in second if t.text == "Smith")
    assert smith.ent_type_ != "PERSON"  # a name in a citation: missing or stock, never taught


def test_training_runs_and_the_saved_ner_loads(tmp_path: Path) -> None:
    nlp = _model()
    losses = train_ner(nlp, [_doc()], epochs=2, seed=1)
    assert len(losses) == 2 and all(loss >= 0 for loss in losses)
    save_ner(nlp, tmp_path / "ner")
    trained = load_nlp(DEFAULT_MODEL, ner=str(tmp_path / "ner"))
    assert trained is not load_nlp(DEFAULT_MODEL, ner=STOCK_NER)
    assert trained("Dana Whitlock sued Brightwater Labs.").ents  # the pipeline still tags


def test_folds_are_fixed_by_the_spec_name() -> None:
    assert fold_of("ap-judge-denies", 5) == fold_of("ap-judge-denies", 5)
    assert {fold_of(f"spec-{i}", 5) for i in range(40)} == set(range(5))
