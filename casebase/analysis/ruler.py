"""The entity ruler fed from the knowledge base, so known names are always found and linked.

It sits before the statistical NER (which then keeps the ruler's spans) and labels each match
``CB_<KIND>`` with the entity's slug as the span's ``ent_id_``. It is rebuilt only when the
known list changes: the pipeline remembers the hash of the list it was built from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.language import Language

from casebase.analysis.kinds import ruler_label
from casebase.analysis.types import KnownEntity

RULER = "casebase_known_entities"
_BUILT_FROM: dict[int, str] = {}  # id(nlp) -> hash of the known list its ruler was built from


def known_hash(known: Sequence[KnownEntity]) -> str:
    """A stable key for a known-entity list (order-independent)."""
    lines = sorted(
        f"{k.slug}\x1f{k.name}\x1f{k.kind}\x1f{'|'.join(sorted(k.aliases))}" for k in known
    )
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()


def surface_forms(entity: KnownEntity) -> list[str]:
    """The spellings to match: name and aliases as written, plus upper case (court captions).

    All-lowercase and one-character aliases are skipped: they would match ordinary words.
    """
    forms: list[str] = []
    for text in (entity.name, *entity.aliases):
        text = text.strip()
        if len(text) < 2 or text == text.lower():
            continue
        for form in (text, text.upper()):
            if form not in forms:
                forms.append(form)
    return forms


def patterns_for(known: Sequence[KnownEntity]) -> list[dict[str, str]]:
    return [
        {"label": ruler_label(entity.kind), "pattern": form, "id": entity.slug}
        for entity in known
        for form in surface_forms(entity)
    ]


def ensure_ruler(nlp: Language, known: Sequence[KnownEntity]) -> bool:
    """Make ``nlp``'s known-entity ruler match ``known``; returns True when it was rebuilt."""
    key = known_hash(known)
    if _BUILT_FROM.get(id(nlp)) == key and (RULER in nlp.pipe_names or not known):
        return False
    if RULER in nlp.pipe_names:
        nlp.remove_pipe(RULER)
    if known:
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before=before, config={"overwrite_ents": True}
        )
        ruler.add_patterns(patterns_for(known))  # type: ignore[attr-defined]
    _BUILT_FROM[id(nlp)] = key
    return True
