"""Page furniture found from the document's shape: what is printed on the page but is not the text.

Running heads and footers (a line repeated at the top or bottom of most pages, numbers aside),
page numbers ("- 3 -", "Page 3 of 12", a bare number at a page's edge), ECF stamps the header
parser does not know ("Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: ..."),
addresses (lines holding a ZIP code, a telephone number or an e-mail address, and the short
lines around them: the attorney block above a caption, counsel's and the clerk's signature
blocks) and the block of short lines under "Respectfully submitted".

The stored text keeps all of it (the reader shows it, every offset points into it): the result
is a list of ``(start, end)`` ranges that the analysis reads no entity, claim, event or
citation from (docs/evaluation.md, "Page furniture").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

Span = tuple[int, int]

#: An ECF stamp is a line of its own; in a longer one (a text flattened to one line a
#: paragraph) it is not told apart from the text around it.
STAMP_WORDS = 20
#: Lines at each end of a page that running heads and footers occupy.
EDGE_LINES = 3
#: A running head is on at least this share of the pages, and on three at least (a caption's
#: first line repeated on a certificate of service is not one).
REPEATED_SHARE = 0.5
REPEATED_MIN = 3
#: An address block reaches this many lines past its last address line (a gap between columns).
ADDRESS_GAP = 2
#: An address block takes in at most this many short lines above its first address line.
ADDRESS_REACH = 3
#: Lines of a signature block: short, and at most this many.
SIGNATURE_LINES = 25
SHORT_LINE_WORDS = 8
#: A ZIP code or telephone number in a longer line is in a sentence ("call 615-532-9552 to").
ADDRESS_LINE_WORDS = 10

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?$")
_PAGE_OF = re.compile(r"^(?:Page\s+)?\d{1,4}\s+of\s+\d{1,4}$", re.IGNORECASE)
_ECF_STAMP = re.compile(
    r"\bDocument:?\s*[\d-]+\b.*\b(?:Filed|Date\s+Filed):?\s*\d{1,2}/\d{1,2}/\d{2,4}.*"
    r"|\bPage:?\s*\d+\b.*\bDate\s+Filed:?\s*\d{1,2}/\d{1,2}/\d{2,4}",
    re.IGNORECASE,
)
#: A ZIP code after its state, abbreviated or written out ("Chicago, Illinois 60606").
_ZIP = re.compile(
    r",\s*(?:[A-Z]{2}|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+\d{5}(?:-\d{4})?\b"
)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
#: An attorney's identification in a counsel block: a bar number ("JORDAN ETH (CA SBN
#: 121617)", "Eric H. Gibbs (Bar No. 178658)", "State Bar No. 24071234"), "(admitted pro hac
#: vice)", "Counsel of Record".
_ATTORNEY = re.compile(
    r"\b(?:SBN|Bar\s+(?:No|Number|ID)\.?|Bar\s+#)\s*:?\s*#?\s*\d{3,}|\bpro\s+hac\s+vice\b"
    r"|^(?:\d{1,2}\s+)?Counsel\s+of\s+Record\s*$",
    re.IGNORECASE,
)
#: Whom a counsel block is for: "Attorneys for Plaintiff", "Counsel for Plaintiffs-Appellees",
#: "Plaintiffs' Interim Co-Lead Counsel" (a pleading line number may stand before it).
_COUNSEL_FOR = re.compile(
    r"^(?:\d{1,2}\s+)?(?:(?:Attorneys?|Counsel)\s+for\b|[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s+Counsel$)"
)
#: A court's own name heading a paper's first page, in capitals: "UNITED STATES DISTRICT
#: COURT", "IN THE SUPERIOR COURT OF ...", "12 IN THE UNITED STATES DISTRICT COURT".
_COURT_HEADING = re.compile(r"^(?:\d{1,2}\s+)?(?:[A-Z][A-Z.,'’&]*\s+)*COURT\b")
#: Words of a street address line ("West Eighth Street", "Suite 2080").
_STREET = re.compile(
    r"\b(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.|Road|Rd\.|Suite|Ste\.|Floor|Drive|Plaza"
    r"|Place|Way|Lane|Center|Centre)\b"
)
_SIGNATURE_OPENING = re.compile(r"^Respectfully\s+submitted", re.IGNORECASE)
_DATE_LINE = re.compile(r"^Dated?\b", re.IGNORECASE)
_SENTENCE_END = (".", "?", "!", ";")


def _lines(text: str, start: int, end: int) -> list[Span]:
    """The non-blank lines of ``text[start:end]`` as spans without surrounding spaces."""
    found: list[Span] = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = position + len(line) - len(line.lstrip())
            found.append((lead, lead + len(stripped)))
        position += len(line) + 1
    return found


def _shape(line: str) -> str:
    """A line with its numbers and spacing made alike: what a running head keeps page to page."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip()


def _prose(line: str) -> bool:
    """A sentence of the text, not a heading: ends as sentences do and has some words."""
    return line.rstrip().endswith(_SENTENCE_END) and len(line.split()) > 6


def _edges(lines: list[Span]) -> list[Span]:
    if len(lines) <= 2 * EDGE_LINES:
        return lines
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def _running_heads(text: str, pages: list[list[Span]]) -> Iterator[Span]:
    """Lines at a page's edge whose shape recurs at the edges of most pages."""
    if len(pages) < 2:
        return
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(text[s:e]) for s, e in _edges(lines)})
    needed = max(REPEATED_MIN, math.ceil(len(pages) * REPEATED_SHARE))
    for lines in pages:
        for s, e in _edges(lines):
            line = text[s:e]
            if counts[_shape(line)] >= needed and not _prose(line):
                yield s, e


def _stamp(line: str) -> bool:
    return len(line.split()) <= STAMP_WORDS and bool(_ECF_STAMP.search(line))


def _page_numbers(text: str, pages: list[list[Span]]) -> Iterator[Span]:
    """Page numbers: alone at a page's edge, or "Page x of y" and ECF stamps anywhere."""
    for lines in pages:
        edges = set(_edges(lines)) if len(pages) > 1 else set()
        for s, e in lines:
            line = text[s:e]
            page_number = (s, e) in edges and _PAGE_NUMBER.match(line)
            if page_number or _stamp(line) or _PAGE_OF.match(line):
                yield s, e


def _is_address(line: str) -> bool:
    """An e-mail address, or a ZIP code, telephone number, attorney's bar number or "Counsel
    for ..." on a line too short for prose."""
    if _EMAIL.search(line):
        return True
    return len(line.split()) <= ADDRESS_LINE_WORDS and bool(
        _ZIP.search(line) or _PHONE.search(line) or _ATTORNEY.search(line)
        or (_COUNSEL_FOR.match(line) and _short(line))
    )  # fmt: skip


def _short(line: str) -> bool:
    return len(line.split()) <= SHORT_LINE_WORDS and not _prose(line)


def _adjacent(text: str, upper: Span, lower: Span) -> bool:
    """No blank line between two lines."""
    return text.count("\n", upper[1], lower[0]) <= 1


def _addresses(text: str, lines: list[Span]) -> Iterator[Span]:
    """Address blocks: lines holding an address, the short lines between them (street, suite,
    a second column) and up to ``ADDRESS_REACH`` short lines with numbers just above a ZIP
    code's line (street, suite, floor). Date lines stay out ("Dated: ..." dates the paper)."""
    short = [_short(text[s:e]) for s, e in lines]
    inside = [_is_address(text[s:e]) for s, e in lines]
    for index, (s, e) in enumerate(lines):  # an attorney's name right above their e-mail
        name_above = index > 0 and short[index - 1]
        if name_above and _EMAIL.search(text[s:e]) and _adjacent(text, lines[index - 1], (s, e)):
            inside[index - 1] = True
    marked = [i for i, mark in enumerate(inside) if mark]
    for previous, following in pairwise(marked):
        if following - previous - 1 <= ADDRESS_GAP and all(short[previous + 1 : following]):
            inside[previous + 1 : following] = [True] * (following - previous - 1)
    for index in marked:
        if not _ZIP.search(text[lines[index][0] : lines[index][1]]):
            continue
        above = index
        while index - above < ADDRESS_REACH and above > 0 and short[above - 1]:
            s, e = lines[above - 1]
            street = _DIGITS.search(text[s:e]) or _STREET.search(text[s:e])
            if not street or not _adjacent(text, lines[above - 1], lines[above]):
                break
            above -= 1
        inside[above:index] = [True] * (index - above)
    for index, (s, e) in enumerate(lines):
        if inside[index] and not _DATE_LINE.match(text[s:e]):
            yield from _address_columns(text, s, e)


#: The gap between two columns printed side by side on one line.
_COLUMN_GAP = re.compile(r"[ \t]{3,}")
_ADDRESS_PART = re.compile(r"^\d|\d{5}")


def _address_columns(text: str, start: int, end: int) -> Iterator[Span]:
    """A line of an address block, or where columns stand side by side (a transcript's
    appearances: "Altman, Brockman,      425 Market Street") only the columns that hold the
    address: the other column's names are text."""
    line = text[start:end]
    gaps = list(_COLUMN_GAP.finditer(line))
    if not gaps:
        yield start, end
        return
    bounds = [0, *(x for g in gaps for x in (g.start(), g.end())), len(line)]
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        part = line[a:b]
        if _is_address(part) or _STREET.search(part) or _ADDRESS_PART.search(part):
            yield start + a, start + b


def _attorney_block(text: str, lines: list[Span]) -> Iterator[Span]:
    """A pleading's attorney block above its caption: on the first page, every line from the
    first one holding an address, a bar number or "Attorneys for" down to the court's name in
    capitals ("UNITED STATES DISTRICT COURT"), the names, firms and "Attorneys for" party list
    between them included; none when a sentence of prose stands there (no block, a letter)."""
    heading = next((i for i, (s, e) in enumerate(lines) if _COURT_HEADING.match(text[s:e])), None)
    if heading is None:
        return
    first = next((i for i in range(heading) if _is_address(text[slice(*lines[i])])), None)
    if first is None or any(_prose(text[s:e]) for s, e in lines[first:heading]):
        return
    yield from lines[first:heading]


def _signature_blocks(text: str, lines: list[Span]) -> Iterator[Span]:
    """The short lines under "Respectfully submitted," (signature, name, bar number, firm) up
    to the first that ends a sentence; dates excepted."""
    index = 0
    while index < len(lines):
        s, e = lines[index]
        index += 1
        if not _SIGNATURE_OPENING.match(text[s:e]):
            continue
        yield s, e
        for s, e in lines[index : index + SIGNATURE_LINES]:
            if not _short(text[s:e]) or text[s:e].endswith(_SENTENCE_END):
                break  # prose again, or a footnote
            if not _DATE_LINE.match(text[s:e]):
                yield s, e
            index += 1


#: An electronic signature: "/s/ Sam Sani", "By: /s/ Sam Sani", "by: ______/s/______".
_E_SIGNATURE = re.compile(r"(?:^|[\s:_])/s/", re.IGNORECASE)
#: Short lines above an electronic signature that belong to its block (the date and the
#: parties it signs for: "March 14, 2005   Friends of the Earth, Inc." / "Greenpeace, Inc.").
SIGNATURE_ABOVE = 8
_CLOSING = re.compile(
    r"^(?:Sincerely|Respectfully(?:\s+submitted)?|Very\s+truly\s+yours|Yours|Regards)\b",
    re.IGNORECASE,
)
#: A signature block's line may be longer than other short lines: "BARBARA J. PARKER,
#: Assistant City Attorney (Cal. Bar" (its bar number on the next line).
SIGNATURE_LINE_WORDS = 12


#: A name's abbreviation at a line's end is no sentence's end ("Greenpeace, Inc.", "Jr.").
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Z]\.)+[A-Z]?)\.$")


def _ends_sentence(line: str) -> bool:
    line = line.rstrip()
    return line.endswith(_SENTENCE_END) and not _ABBREVIATION_END.search(line)


def _e_signature_blocks(text: str, lines: list[Span]) -> Iterator[Span]:
    """Counsel's signature blocks around an electronic signature ("/s/"): the short lines
    under it (name, firm, address, "Attorneys for") up to the first that ends a sentence, and
    the short lines above it back to the last sentence (the parties signed for), when the
    block holds an address, a telephone number, an e-mail address, a bar number or "Attorneys
    for": a judge's or a declarant's "/s/" above their name and title is no counsel's block.
    Date lines stay text, as under "Respectfully submitted"."""
    index = 0
    while index < len(lines):
        at = index
        index += 1
        if not _E_SIGNATURE.search(text[slice(*lines[at])]):
            continue
        block = [lines[at]]
        for s, e in reversed(lines[max(0, at - SIGNATURE_ABOVE) : at]):
            line = text[s:e]
            if len(line.split()) > SIGNATURE_LINE_WORDS or _ends_sentence(line):
                break
            if _CLOSING.match(line):
                break  # "Sincerely,": the letter's text ends here, its signature below
            block.append((s, e))
        for s, e in lines[at + 1 : at + 1 + SIGNATURE_LINES]:
            line = text[s:e]
            if len(line.split()) > SIGNATURE_LINE_WORDS or _ends_sentence(line):
                break
            block.append((s, e))
        if not any(_is_address(text[s:e]) for s, e in block):
            continue
        yield from ((s, e) for s, e in block if not _DATE_LINE.match(text[s:e]))


#: A page of a text that lost its page map holds more than this many characters: lines that
#: recur closer together are the text's own (a caption's ")" column, a repeated label).
PAGE_CHARS = 400
#: The gaps between a running head's occurrences are alike: the longer ones (the 80th
#: percentile) at most this many times the shorter ones (the 20th).
PAGE_SPREAD = 3.0
_LIST_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•*▪‣◦-](?!\s*\d))\s")
#: A transcript's turn: a speaker's label in capitals and a colon ("THE COURT: Okay.", "MR.
#: TOBEROFF: Yes."), however short the speech.
_SPEAKER_TURN = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+)*[A-Z][A-Z.'’-]+:\s")


def _may_recur(line: str) -> bool:
    """A line shaped like a running head or footer: short, two words or more, neither a list
    item nor a numbered paragraph ("12. Plaintiff ..."), nor a speaker's turn, nor a sentence
    (ending in ".", "?", "!", ";", ":" or ","; "Inc." aside: ``_ends_sentence``), nor a
    quotation (in quotation marks)."""
    words = line.split()
    if (
        line[:1].islower()
        or not 2 <= len(words) <= STAMP_WORDS
        or _LIST_ITEM.match(line)
        or _prose(line)
    ):
        return False
    if _ends_sentence(line) or _SPEAKER_TURN.match(line):
        return False  # a sentence, speech
    # a sentence going on, a quotation
    return not line.endswith((":", ",", "\u201d", '"')) and not line.startswith(("\u201c", '"'))


def _regular(starts: list[int]) -> bool:
    """Occurrences a page apart: the gaps (but a fifth of them: a page holding a heading
    only) above ``PAGE_CHARS`` and alike."""
    gaps = sorted(b - a for a, b in pairwise(starts))
    if not gaps:
        return False
    low, high = gaps[(len(gaps) - 1) // 5], gaps[len(gaps) - 1 - (len(gaps) - 1) // 5]
    return low >= PAGE_CHARS and high <= PAGE_SPREAD * low


def recurring_heads(text: str, pages: int = 0) -> list[list[Span]]:
    """Running heads and footers of a text without a page map (pasted, a .txt export, OCR):
    the lines whose shape (numbers aside) recurs ``REPEATED_MIN`` times or more, a page apart
    each time and at regular intervals ("Case: 20-16276, 06/09/2020, ID: 11715412, DktEntry:
    13-1, Page 3 of 21", "Cite as: 598 U. S. ___ (2023)", a running title); each group of
    occurrences in order, the most frequent first. A heading, a quote or a speaker's label
    repeated once or twice, or close together, is none; nor is a list item, a sentence or a
    line that goes on one (lower case first). Where the text's ``pages`` are known (cut at
    form feeds, ECF stamps or the most frequent head), a head is on half of them at least:
    a table's row repeated on three pages of eight is text."""
    groups: dict[str, list[Span]] = {}
    for s, e in _lines(text, 0, len(text)):
        line = text[s:e]
        if _may_recur(line):
            groups.setdefault(_shape(line), []).append((s, e))
    found = [
        spans
        for spans in groups.values()
        if len(spans) >= max(REPEATED_MIN, math.ceil(pages * REPEATED_SHARE))
        and _regular([s for s, _ in spans])
    ]
    return sorted(found, key=lambda spans: (-len(spans), spans[0]))


def _bare_page_numbers(text: str) -> list[Span]:
    """Page numbers of a text without a page map: lines holding only a number ("3", "- 3 -"),
    a blank line above and below, that count up by one a page apart (at least
    ``REPEATED_MIN`` of them). Pleading-paper line numbers are closer together; a number
    heading a numbered paragraph is not alone between blank lines."""
    alone = []
    for s, e in _lines(text, 0, len(text)):
        number = _DIGITS.search(text[s:e])
        if number and _PAGE_NUMBER.match(text[s:e]) and _blank_around(text, s, e):
            alone.append((s, e, int(number.group())))
    # the longest chain n, n+1, n+2 ... a page apart each: for each number, the best chain
    # ending at it extends the best one ending at n-1 at least a page above (prefix maxima)
    ends: dict[int, list[tuple[int, int, int]]] = {}  # value: (start, length, index), in order
    previous: list[int] = []
    length: list[int] = []
    for index, (s, _, value) in enumerate(alone):
        before = ends.get(value - 1, [])
        at = bisect_right(before, s - PAGE_CHARS, key=lambda end: end[0])
        link = before[at - 1] if at else None
        previous.append(link[2] if link else -1)
        length.append(link[1] + 1 if link else 1)
        mine = ends.setdefault(value, [])
        if mine and mine[-1][1] >= length[-1]:  # the longer chain before, listed at this start
            mine.append((s, mine[-1][1], mine[-1][2]))
        else:
            mine.append((s, length[-1], index))
    if not alone:
        return []
    index = max(range(len(alone)), key=lambda i: length[i])
    best: list[Span] = []
    while index >= 0:
        best.append(alone[index][:2])
        index = previous[index]
    best.reverse()
    return best if len(best) >= REPEATED_MIN else []


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _blank_around(text: str, start: int, end: int) -> bool:
    """A blank line (or the text's edge) above and below the line at ``start:end``."""
    begin = _line_start(text, start)
    above = not begin or not text[_line_start(text, begin - 1) : begin].strip()
    newline = text.find("\n", end)
    if newline < 0:
        return above
    following = text.find("\n", newline + 1)
    return above and not text[newline + 1 : following if following >= 0 else len(text)].strip()


def _page_starts(text: str, page_offsets: Sequence[int]) -> list[int]:
    """The page map, else pages cut at form feeds, at ECF stamps or at the most frequent
    running head (a text copied from a PDF: ``recurring_heads``)."""
    if page_offsets:
        return list(page_offsets)
    cuts = [m.end() for m in re.finditer("\f", text)]
    if not cuts:
        cuts = [s for s, e in _lines(text, 0, len(text)) if s and _stamp(text[s:e])]
    if not cuts:
        heads = recurring_heads(text)
        cuts = [_line_start(text, s) for s, _ in heads[0]] if heads else []
        cuts = [cut for cut in cuts if cut]
    return [0, *cuts]


def find_furniture(text: str, page_offsets: Sequence[int] = ()) -> list[Span]:
    """Furniture ranges of ``text``, sorted and merged; ``page_offsets[i]`` is where page i+1
    starts (a text without a page map is cut at form feeds, ECF stamps or its most frequent
    running head, and its recurring heads and bare page numbers are found from their
    repetition: ``recurring_heads``, ``_bare_page_numbers``)."""
    starts = _page_starts(text, page_offsets)
    bounds = [*starts[1:], len(text)]
    pages = [_lines(text, start, end) for start, end in zip(starts, bounds, strict=True)]
    unpaged = not page_offsets
    spans = [
        *_running_heads(text, pages),
        *(
            span
            for group in (recurring_heads(text, len(pages)) if unpaged else [])
            for span in group
        ),
        *(_bare_page_numbers(text) if unpaged else []),
        *_page_numbers(text, pages),
        *(span for lines in pages for span in _addresses(text, lines)),
        *_attorney_block(text, next((lines for lines in pages if lines), [])),
        *_signature_blocks(text, [line for lines in pages for line in lines]),
        *_e_signature_blocks(text, [line for lines in pages for line in lines]),
    ]
    return merge(spans)


def merge(spans: Sequence[Span]) -> list[Span]:
    """Sorted, overlapping ranges joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
