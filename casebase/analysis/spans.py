"""Small helpers over spaCy spans shared by events and claims."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token


def sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """(start, end, text) of a sentence without surrounding whitespace."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return start, start + len(stripped), stripped


_SENTS = "casebase_sentences"
_TEXT = "casebase_text"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once (``Span.sent`` walks the whole document)."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        sents = list(doc.sents)
        cached = (sents, [s.start for s in sents])
        doc.user_data[_SENTS] = cached
    return cached[0]  # type: ignore[no-any-return]


def sent_of(token: Token) -> Span:
    """The sentence holding ``token`` (fast ``token.sent``)."""
    sents = sentences(token.doc)
    starts = token.doc.user_data[_SENTS][1]
    return sents[max(0, bisect_right(starts, token.i) - 1)]


def text_of(doc: Doc) -> str:
    """``doc.text``, built once (spaCy joins the tokens on every access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = text
    return text  # type: ignore[no-any-return]
