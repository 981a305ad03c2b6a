"""Sentence boundaries at line breaks that are paragraph breaks.

News text and HTML extracts keep one paragraph a line, and their headline has no full stop, so
the parser would glue the headline onto the first sentence. Wrapped text (PDFs) breaks lines
mid-sentence, so there only blank lines count. The component runs before the parser, which
keeps boundaries that are already set.
"""

from __future__ import annotations

import statistics

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "casebase_line_boundaries"
#: Lines this long on average are paragraphs, not wrapped lines.
PARAGRAPH_LINE_CHARS = 150


def lines_are_paragraphs(text: str) -> bool:
    lengths = [len(line) for line in text.splitlines() if line.strip()]
    return bool(lengths) and statistics.median(lengths) >= PARAGRAPH_LINE_CHARS


@Language.component(COMPONENT)
def line_boundaries(doc: Doc) -> Doc:
    every_line = lines_are_paragraphs(doc.text)
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        if every_line or token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
