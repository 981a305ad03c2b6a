"""Pleading paper's line numbers (1 to 28 down the left margin), hidden from spaCy.

A complaint, motion or order on pleading paper carries a line number on every line; in its text
layer they stand at a line's start ("24 Plaintiff Christopher Williams ...") or alone on a line
between two lines of one sentence ("... against Defendants Wells\\n26\\nFargo Bank"). The model
reads them as words, cuts sentences at them and takes "10 January 2016" for a day. spaCy reads a
*seen* text of the same length in which each line number is blank, and a number alone on its
line becomes the indentation of the line after it (its line break a space), so no offset moves
and the text shown stays as stored. Double-spaced pleading paper's blank line between two
numbered lines is no paragraph break: its first line break is seen as a space.

A number is a line number only as part of the margin's count: 1 to 28, each one or two above the
one before (a number the text layer lost) or a new page's 1, and only in a text with at least
``MIN_NUMBERED`` such lines; a numbered paragraph ("1. Since its founding") has its full stop.
"""

from __future__ import annotations

import re

#: Fewer numbered lines than this are no pleading paper's margin.
MIN_NUMBERED = 12
#: Pleading paper has 28 (some 26 or 32) lines a page.
MAX_LINE_NUMBER = 32
_DOUBLE_SPACED = re.compile(r"\n[ \t]*\n[ \t]*")
_NUMBERED = re.compile(r"^([ \t]*)(\d{1,2})(?=[ \t]+\S|[ \t]*$)", re.MULTILINE)


def blank_line_numbers(text: str) -> str:
    """``text`` with its pleading line numbers blank (same length); unchanged without them."""
    found: list[tuple[int, int, bool]] = []  # (start, end, alone on its line)
    spacing: list[int] = []  # the blank line's break between two numbered lines in a row
    previous, previous_end = 0, -1
    for match in _NUMBERED.finditer(text):
        number = int(match[2])
        if not 1 <= number <= MAX_LINE_NUMBER:
            continue
        if number != 1 and not previous < number <= previous + 2:
            continue
        end = match.end(2)
        line_end = text.find("\n", end)
        alone = not text[end : line_end if line_end != -1 else len(text)].strip()
        found.append((match.start(2), end, alone))
        if number == previous + 1 and _DOUBLE_SPACED.fullmatch(text, previous_end, match.start()):
            spacing.append(previous_end)
        previous, previous_end = number, line_end
    if len(found) < MIN_NUMBERED:
        return text
    chars = list(text)
    for position in spacing:  # double-spaced pleading paper: a blank line between lines
        chars[position] = " "
    for start, end, alone in found:
        chars[start:end] = " " * (end - start)
        line_end = text.find("\n", end)
        if alone and line_end != -1 and text[line_end + 1 : line_end + 2] not in {"\n", ""}:
            chars[line_end] = " "  # the number's own line becomes the next line's indentation
    return "".join(chars)
