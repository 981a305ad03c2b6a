"""Sentence boundaries at line breaks that are paragraph breaks.

News text and HTML extracts keep one paragraph a line, and their headline has no full stop, so
the parser would glue the headline onto the first sentence. Wrapped text (PDFs) breaks lines
mid-sentence, so there only blank lines count. The component runs before the parser, which
keeps boundaries that are already set.
"""

from __future__ import annotations

import re

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "casebase_line_boundaries"
#: Texts whose long lines are this long hold a paragraph a line, not wrapped lines.
PARAGRAPH_LINE_CHARS = 150
#: In wrapped text, a line this much shorter than a full line ends its paragraph or is a heading.
SHORT_LINE_RATIO = 0.6
_LINE_END = (".", "?", "!", ":", "”", '"', "’")
_BULLETS = ("-", "•", "*", "–", "—")


def full_line_chars(text: str) -> int:
    """The width of a full line: the 90th percentile of line lengths."""
    lengths = sorted(len(line.strip()) for line in text.splitlines() if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def lines_are_paragraphs(text: str) -> bool:
    return full_line_chars(text) >= PARAGRAPH_LINE_CHARS


def line_ends_sentence(previous: str, following: str, width: int) -> bool:
    """Whether a single line break ends a sentence in wrapped text."""
    previous, following = previous.rstrip(), following.lstrip()
    if not previous or not following:
        return True
    if following.startswith(_BULLETS) or previous.endswith(_LINE_END):
        return following[:1].isupper() or following.startswith(_BULLETS) or following[:1] in '“"('
    return len(previous) < SHORT_LINE_RATIO * max(width, 60) and following[:1].isupper()


@Language.component(COMPONENT)
def line_boundaries(doc: Doc) -> Doc:
    text = doc.text
    width = full_line_chars(text)
    every_line = width >= PARAGRAPH_LINE_CHARS
    double = not every_line and double_spaced(text)
    line_starts = [0]
    for token in map(doc.__getitem__, _line_breaks(doc, text)):
        line_starts.append(token.i + 1)
        if double and token.text.count("\n") >= 2 and token.i + 1 < len(doc):
            # double-spaced text: a blank line is its line break, a paragraph's end only
            # where a wrapped line's break would be one
            if _ends_line_across(text, token.idx, token.idx + len(token.text), width):
                doc[token.i + 1].is_sent_start = True
            elif not _ends_sentence(doc, token.i):
                token.is_sent_start = False
                doc[token.i + 1].is_sent_start = False
        elif every_line or token.text.count("\n") >= 2 or _ends_line(text, token.idx, width):
            doc[token.i + 1].is_sent_start = True
        elif not _ends_sentence(doc, token.i):
            # A wrapped line: the parser must not end the sentence at the line break.
            token.is_sent_start = False
            doc[token.i + 1].is_sent_start = False
    for start in line_starts:
        after = _dateline_end(doc, start)
        if after is not None:
            doc[after].is_sent_start = True
    return doc


def _line_breaks(doc: Doc, text: str) -> list[int]:
    """Positions of the whitespace tokens holding a line break, but the last token's, found over
    arrays: iterating the ``Doc`` would create a Token object per word."""
    spaces, starts, lengths = doc.to_array([IS_SPACE, IDX, LENGTH])[:-1].T.tolist()
    return [
        i
        for i, space in enumerate(spaces)
        if space and "\n" in text[starts[i] : starts[i] + lengths[i]]
    ]


_DASHES = {"—", "–", "--", "-"}
#: A dateline is short: "SAN FRANCISCO —", "OAKLAND, Calif. — (AP) —".
DATELINE_TOKENS = 10


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after a dateline opening the line at ``start``, if there is one.

    The dateline is a place in capitals, optionally a state abbreviation and an agency in
    brackets, each followed by a dash; the story's first sentence starts after the last dash."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first.text) >= 3):
        return None
    end = None
    for token in doc[start : start + DATELINE_TOKENS]:
        if token.text in _DASHES:
            end = token.i + 1
        elif end is not None and token.text not in {"(", ")"} and not token.is_upper:
            break
        elif not (token.is_upper or token.is_punct or token.text.endswith(".") or token.is_space):
            return end
    if end is None or end >= len(doc) or not doc[end].text[:1].isupper():
        return None  # "NASA — the agency — said": an aside, not a dateline
    return end


def _ends_sentence(doc: Doc, newline: int) -> bool:
    """Whether the text before the line break closes a sentence ("... at issue." or "?")."""
    before = doc[newline - 1] if newline > 0 else None
    return before is not None and before.text in {".", "?", "!", "”", '"', ":"}


def _ends_line(text: str, newline_at: int, width: int) -> bool:
    line_start = text.rfind("\n", 0, newline_at) + 1
    next_end = text.find("\n", newline_at + 1)
    following = text[newline_at + 1 : next_end if next_end != -1 else len(text)]
    return line_ends_sentence(text[line_start:newline_at], following, width)


#: Double-spaced text (a pleading's PDF read line by line with a blank line between lines):
#: at least this share of its line breaks between two lines of text hold a blank line.
DOUBLE_SPACED_SHARE = 0.6
_DOUBLE_SPACED_MIN = 40
_NUMBERED_LINE = re.compile(r"^[ \t]*\d{1,2}[ \t]+\S")
_NUMBERED_SHARE = 0.3


def double_spaced(text: str) -> bool:
    """Whether the text's lines stand one blank line apart (most breaks between two lines of
    text): then a blank line is only a line break ("... the Defendants\n\npersist in their
    argument that ..."), never a paragraph's end by itself. A text whose lines still start
    with their numbers (a transcript's, which keeps them to read its turns; a pleading's are
    blank by now) is left as it is."""
    lines = text.split("\n")
    written = [line for line in lines if line.strip()]
    if sum(1 for line in written if _NUMBERED_LINE.match(line)) >= _NUMBERED_SHARE * len(written):
        return False
    breaks = blank = 0
    previous_text = False
    blank_run = 0
    for line in lines:
        if line.strip():
            if previous_text:
                breaks += 1
                if blank_run:
                    blank += 1
            previous_text, blank_run = True, 0
        else:
            blank_run += 1
    return breaks >= _DOUBLE_SPACED_MIN and blank >= DOUBLE_SPACED_SHARE * breaks


def _ends_line_across(text: str, start: int, end: int, width: int) -> bool:
    """Whether the whitespace from ``start`` to ``end`` (holding blank lines) ends a sentence,
    read as one wrapped line's break: the lines of text before and after it."""
    line_start = text.rfind("\n", 0, start) + 1
    next_end = text.find("\n", end)
    following = text[end : next_end if next_end != -1 else len(text)]
    return line_ends_sentence(text[line_start:start], following, width)
