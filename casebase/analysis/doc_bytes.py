"""A parsed ``Doc`` as bytes, so the analysis after spaCy can run in another process.

With ``CASEBASE_SEPARATE_STORE`` on, an ``nlp`` worker only parses (casebase.analysis.pipeline
``parse``) and sends each ``Doc`` through the broker; a ``store`` worker rebuilds it and runs
``analyse_parsed`` and the storing. The bytes are spaCy's own serialisation (tokens, tags, parse,
sentence starts, entities and the strings they need) without the tensor, which the analysis never
reads and which would be most of the size, compressed: about 35 bytes a word.
"""

from __future__ import annotations

import zlib

from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Left out: the tok2vec tensor (unused after parsing, ~400 bytes a token) and the user data
#: (the remembered text, rebuilt from the tokens on first use).
EXCLUDED = ["tensor", "user_data"]


def doc_to_bytes(doc: Doc) -> bytes:
    return zlib.compress(doc.to_bytes(exclude=EXCLUDED), 1)


def doc_from_bytes(data: bytes, vocab: Vocab) -> Doc:
    """The ``Doc`` of ``doc_to_bytes`` in ``vocab``: the parsing model's, whose language gives
    the lexical attributes the rules read."""
    return Doc(vocab).from_bytes(zlib.decompress(data), exclude=EXCLUDED)
