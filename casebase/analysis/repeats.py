"""Where a document repeats names it already holds, found without compiling a pattern for them.

``entities._propagate`` looks for every further occurrence of the names found so far. Written as
one regular expression, that is an alternation of the document's own names (longest first, each
space also matching a line break of hard-wrapped text), which ``re`` must parse and compile
anew for every document: about 5% of the whole analysis after spaCy, more than the search
itself. ``find_forms`` gives exactly the matches of that expression (``form_pattern``) by
looking up where each name's first word occurs with ``str.find`` and reading the rest of the
name from there; ``tests/analysis/test_cheaper_rules.py`` checks both agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

#: A space between a name's words, or the line break of hard-wrapped text ("Waste\nManagement").
WRAPPED_SPACE = r"(?:[ ]|[ \t]*\n[ \t]*)"
_LINE_GAP = re.compile(r"[ \t]*\n[ \t]*")
_STARTS = re.compile(r"(?<![\w.-])")  # no letter, digit, full stop or hyphen just before
_ENDS = re.compile(r"(?![\w-])")  # no letter, digit or hyphen just after


def form_pattern(forms: Sequence[str]) -> re.Pattern[str]:
    """The expression ``find_forms`` stands for: ``forms`` in the order given."""
    alternation = "|".join(re.escape(f).replace(r"\ ", WRAPPED_SPACE) for f in forms)
    return re.compile(rf"(?<![\w.-])(?:{alternation})(?![\w-])")


def find_forms(text: str, forms: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The spans of ``form_pattern(forms).finditer(text)``: at each position the first of
    ``forms`` (in the order given) that is written there, its spaces matching one space or a
    line break with its indentation, not inside a word; matches do not overlap."""
    split = [form.split(" ") for form in forms]
    if any(not _plain(pieces) for pieces in split):  # an odd form: the expression itself
        yield from (m.span() for m in form_pattern(forms).finditer(text))
        return
    by_first: dict[str, list[int]] = {}
    for rank, pieces in enumerate(split):
        by_first.setdefault(pieces[0], []).append(rank)
    at: dict[int, list[int]] = {}  # position -> the ranks of the forms whose first word is there
    for first, ranks in by_first.items():
        position = text.find(first)
        while position != -1:
            at.setdefault(position, []).extend(ranks)
            position = text.find(first, position + 1)
    end = 0
    for start in sorted(at):
        if start < end or not _STARTS.match(text, start):
            continue
        for rank in sorted(at[start]):
            stop = _read(text, start, split[rank])
            if stop != -1 and _ENDS.match(text, stop):
                end = stop
                yield start, stop
                break


def _plain(pieces: list[str]) -> bool:
    """Words the reading in ``_read`` handles: none empty (no leading, trailing or double
    space), none starting with white space, no backslash."""
    return all(p and p[0] not in " \t\n\r\f\v" and "\\" not in p for p in pieces)


def _read(text: str, start: int, pieces: list[str]) -> int:
    """Where the form of ``pieces`` ends when it is written at ``start`` (its first word is
    there), or -1. Between two words, one space or a line break with its indentation: the two
    cannot both be followed by the next word (which starts with no white space), so there is
    nothing to backtrack."""
    at = start + len(pieces[0])
    for piece in pieces[1:]:
        if text.startswith(" ", at) and text.startswith(piece, at + 1):
            at += 1
        else:
            gap = _LINE_GAP.match(text, at)
            if gap is None or not text.startswith(piece, gap.end()):
                return -1
            at = gap.end()
        at += len(piece)
    return at
