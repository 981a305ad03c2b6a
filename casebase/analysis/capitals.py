"""All-capitals passages, read by spaCy in ordinary case.

Court reporters type whole transcripts in capitals ("THE COURT: THANK YOU. GOOD MORNING."), and
some filings do the same with whole paragraphs. The cased model reads a word in capitals as a
name or an acronym: its named entities are everything or nothing, and its tagger and parser
degrade, so names, dates and claims are lost. spaCy therefore reads a *seen* text in which such
a passage is re-cased, like the hyphen joins (casebase.analysis.hyphens) and the blank line
numbers (casebase.analysis.line_numbers): only letters change case, and only where the lower-case
letter is one character, so the seen text has the stored text's length and every offset. What a
result quotes (mentions, sentences, quotes) is read back from the text as written
(``restore_case``); the names of entities and speakers keep the re-cased form ("Robert Leach").

A passage is a run of lines whose cased letters are (nearly) all capitals, long enough to be
running text (``MIN_WORDS`` words, ``MIN_SENTENCES`` sentence ends); in a transcript it starts at
the first speaker's turn, so the cover page (caption, appearances) stays as written: the analysis
reads capitals there by its own rules. Inside a passage a word is written in lower case unless
the structure says otherwise:

- it starts a sentence (after ". ", "? ", "! " or ": ", a turn's label, a line's "Q." or "A.");
- "I" and its contractions ("I'M"); an initial ("S." of "ROBERT S. LEACH") and a dotted
  abbreviation ("U.S.") stay as written;
- the word after an honorific or a judge's title ("MR. BALWANI", "JUDGE FREEMAN") is a name, and
  so is that word anywhere in the document;
- names the document's own structure gives: a speaker label's name ("MR. LEACH:"), the caption's
  parties (the lines above "PLAINTIFF," / "DEFENDANTS."), the appearances' lawyers ("BY: JOHN C.
  BOSTIC" and the names under it), the presiding judge ("BEFORE THE HONORABLE ...");
- a word written capitalised (or as an acronym) in the document's mixed-case parts, and never in
  lower case there;
- the known entities' names and aliases and the states' names, written as they are written there
  ("NORTHERN DISTRICT OF CALIFORNIA" -> "Northern District of California");
- month and weekday names ("MAY" and "MARCH" only before a number or "OF").

Speaker labels ("THE COURT:", "MR. LEACH:") stay as written: the transcript reader finds turns by
them (it reads the text as written anyway). Page furniture ranges stay as written too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from casebase.analysis.transcript import opens_turn
from casebase.analysis.types import Analysis, KnownEntity
from casebase.analysis.us_states import ABBREVIATIONS

#: A line counts as capitals from this many cased letters on ("10:13AM" counts for neither).
MIN_CASED_LETTERS = 4
#: A line of capitals may hold this share of lower-case letters ("MR. DiCANIO:").
MAX_LOWER_SHARE = 0.1
#: A passage shorter than this (a caption, a heading, a signature block) is left as written.
MIN_WORDS = 60
MIN_SENTENCES = 3
#: A mixed-case line whose capitalised words tell names: running text, with this many (and this
#: share of) words in lower case.
MIN_LOWER_WORDS = 3
MIN_LOWER_SHARE = 0.4

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[A-Za-z]{2,}[.?!](?=[\"'”’)]*\s)")
#: What stands between two words without ending a sentence: a transcript line's number, a
#: reporter's timestamp line ("10:13AM").
_FILLER = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}[ \t]*[AP]\.?M\.?[ \t]*$|^[ \t]*\d{1,2}(?=[ \t]|$)")
_STARTS_SENTENCE = re.compile(r"(?:[.?!:][\"'”’)]*|^[ \t]*[QA]\.?)\s*$")
_HONORIFIC = re.compile(
    r"\b(?P<title>MR|MS|MRS|DR|HONORABLE|HON)\.?[ \t]+(?P<name>[A-Z][A-Z'’-]+)\b"
)
#: A judge's or legislator's title before a name ("JUDGE FREEMAN"), unless a determiner makes it
#: a noun ("THE JUDGE SAID"); the name must follow the title more than once ("MAGISTRATE JUDGE
#: KNOW WHAT ...") and be no verb in the past ("JUDGE SLAPPED THAT DOWN").
_TITLE = re.compile(
    r"(?<!\bTHE )(?<!\bA )(?<!\bTHIS )(?<!\bTHAT )(?<!\bOUR )(?<!\bYOUR )(?<!\bTHEIR )"
    r"(?<!\bHIS )(?<!\bHER )\b(?:JUDGE|JUSTICE|SENATOR)[ \t]+(?P<name>[A-Z][A-Z'’-]+)\b"
)
_HONORIFIC_WORDS = {"mr", "ms", "mrs", "dr", "honorable", "hon"}
#: A transcript's speaker label at a line's start, kept as written ("THE COURT:", "MR. LEACH:",
#: "ATTY1:", "BY MR. MOLO:").
_LABEL = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?P<label>[A-Z][A-Z0-9.'’-]*(?:[ \t][A-Z0-9.'’-]+){0,3}):"
    r"(?=[ \t]|$)"
)
_PERSON_LABEL = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?P<label>(?:MR|MS|MRS|DR)\.?[ \t]+(?P<name>[A-Za-z'’-]+"
    r"(?:[ \t]+[A-Z][A-Za-z'’-]+)?)|THE [A-Z]+(?: [A-Z]+)?):"
)
_PARTY_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?:PLAINTIFFS?|DEFENDANTS?|PETITIONERS?|RESPONDENTS?|"
    r"APPELLANTS?|APPELLEES?)(?:[ \t]+AND[ \t]+[A-Z-]+)?[.,]?[ \t]*\)?[ \t]*$"
)
_APPEARANCE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?BY:?[ \t]+(?P<name>[^\n]+)$")
_NAME_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}[ \t]+)?(?P<name>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){1,3})"
    r"(?:,[ \t]*ESQ(?:UIRE|\.)?)?[ \t]*"
)
_PRESIDING = re.compile(r"(?m)BEFORE:?[ \t]+(?:THE[ \t]+)?HONORABLE[ \t]+(?P<name>[A-Z .'’-]+)")
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
#: "MAY" is a month only before a number or "OF", or after a preposition ("IN MAY").
_AMBIGUOUS_MONTHS = {"may"}
_MONTH_FOLLOWS = re.compile(r"[ \t]*(?:\d|OF\b|of\b)")
_MONTH_AFTER = re.compile(
    r"\b(?:IN|OF|SINCE|UNTIL|BY|FROM|THROUGH|BEFORE|AFTER|EARLY|LATE|MID|LAST|NEXT|THIS)"
    r"[ \t]+$"
)
#: A place and its state in capitals ("SAN JOSE, CALIFORNIA", "SEATTLE, WASHINGTON 98104").
_PLACE = re.compile(
    r"\b(?P<place>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}),[ \t]+"
    r"(?P<state>[A-Z]+(?: [A-Z]+)?)\b"
)
#: A court's heading line on a cover page ("NORTHERN DISTRICT OF CALIFORNIA", "SAN JOSE
#: DIVISION", "UNITED STATES DISTRICT COURT").
_COURT_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?P<court>(?:[A-Z]+ )*(?:DISTRICT OF [A-Z]+(?: [A-Z]+)?|"
    r"DISTRICT COURT|DIVISION|COURT OF APPEALS|SUPREME COURT))[ \t]*$"
)
_CAPTION_STOP = re.compile(r"(?:VS?|V|VERSUS|-?AGAINST-?)\.?|_+|-+", re.IGNORECASE)
_SMALL = {"of", "the", "for", "and", "in", "on", "at", "to"}
_CAPTION_WORDS = {"et", "al", "vs", "v", "versus", "esq", "esquire"}


@dataclass(frozen=True)
class Passage:
    start: int
    end: int


def _lines(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n"))
        start += len(line)


def _line_kind(line: str) -> str:
    """ "caps", "mixed" or "none" (too few cased letters to tell)."""
    upper = sum(1 for c in line if c.isupper())
    lower = sum(1 for c in line if c.islower())
    if upper + lower < MIN_CASED_LETTERS:
        return "none"
    return "caps" if lower <= MAX_LOWER_SHARE * (upper + lower) else "mixed"


def capital_passages(text: str) -> list[Passage]:
    """The all-capitals passages of ``text`` that are running text (see the module's note)."""
    if sum(1 for c in text if c.isupper()) < MIN_WORDS * 2:
        return []
    passages: list[Passage] = []
    run: list[tuple[int, int]] = []  # the caps lines of the current run
    lines = list(_lines(text))
    # a transcript's cover page (caption, appearances) ends at its first turn
    first_turn = next((s for s, e in lines if opens_turn(text[s:e])), 0)

    def close() -> None:
        while run and run[0][0] < first_turn:
            run.pop(0)
        if not run:
            return
        start, end = run[0][0], run[-1][1]
        body = text[start:end]
        if len(_WORD.findall(body)) >= MIN_WORDS and len(_SENTENCE_END.findall(body)) >= (
            MIN_SENTENCES
        ):
            passages.append(Passage(start, end))
        run.clear()

    for start, end in lines:
        kind = _line_kind(text[start:end])
        if kind == "caps":
            run.append((start, end))
        elif kind == "mixed":
            close()
    close()
    return passages


def _title_name(name: str) -> str:
    """ "NORTHERN DISTRICT OF CALIFORNIA" -> "Northern District of California"."""
    words = name.split(" ")
    return " ".join(
        w.lower() if i and w.lower() in _SMALL else _same_length_title(w)
        for i, w in enumerate(words)
    )


def _title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _same_length_lower(word: str) -> str:
    """``word`` in lower case, letter by letter where that keeps its length ("İ" stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _same_length_title(word: str) -> str:
    lowered = _same_length_lower(word)
    first = word[:1] if len(word[:1].upper()) != 1 else word[:1].upper()
    return first + lowered[1:]


class _Evidence:
    """The casing the document itself (and the known entities) gives words: casefolded word ->
    written form, and whole names (several words) to copy the case of."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        #: casefolded name -> the name as written
        self.forms: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        #: a person's last name ("leach"): a word before it is their first name ("JEFF LEACH")
        self.surnames: set[str] = set()

    def add_person(self, name: str) -> None:
        self.add_name(name)
        words = [w for w in _WORD.findall(name) if len(w) > 1]
        if words and words[-1].casefold() not in STOP_WORDS:
            self.surnames.add(words[-1].casefold())

    def add_name(self, name: str) -> None:
        for word in _WORD.findall(name):
            key = word.casefold()
            if key in _CAPTION_WORDS or len(word) < 2:
                continue
            if word.isupper() and key not in STOP_WORDS:
                self.words.setdefault(key, _title(word))

    def add_form(self, form: str) -> None:
        """A name as written in mixed case ("Northern District of California")."""
        key = form.casefold()
        if (
            any(c.isupper() for c in form)
            and any(c.islower() for c in form)
            and len(form) > 2
            and len(key) == len(form)
        ):
            self.forms.setdefault(key, form)
            self._pattern = None

    def names_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every name (casefolded), longest first."""
        if self._pattern is None and self.forms:
            alternatives = "|".join(re.escape(k) for k in sorted(self.forms, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return self._pattern


def _mixed_case_words(
    text: str, passages: Sequence[Passage], furniture: Sequence[tuple[int, int]]
) -> dict[str, str]:
    """Words written capitalised (or in capitals) in the document's mixed-case running text
    (lines of which at least ``MIN_LOWER_WORDS`` words, and ``MIN_LOWER_SHARE`` of all, are in
    lower case: no running head like "Document 596 Filed 02/12/10", no title-case heading),
    not at a sentence's start, and never in lower case there."""
    seen: dict[str, set[str]] = {}
    skip = sorted([(p.start, p.end) for p in passages] + [tuple(f) for f in furniture])
    for start, end in _lines(text):
        line = text[start:end]
        if _line_kind(line) != "mixed" or any(s < end and start < e for s, e in skip):
            continue
        words = [w for w in _WORD.findall(line) if len(w) > 1]
        lower = sum(1 for w in words if w.islower())
        if lower < MIN_LOWER_WORDS or lower < MIN_LOWER_SHARE * len(words):
            continue
        previous = ""
        for match in _WORD.finditer(line):
            word = match.group()
            gap = line[: match.start()][-3:] if previous else ""
            initial = not previous or bool(re.search(r"[.?!:]\s*$", gap))
            if not initial or word.islower():
                seen.setdefault(word.casefold(), set()).add(word)
            previous = word
    found: dict[str, str] = {}
    for key, forms in seen.items():
        if key in STOP_WORDS or len(key) < 2 or any(f.islower() for f in forms):
            continue
        if len(forms) == 1:
            found[key] = next(iter(forms))
    return found


def _structural_names(text: str, cover_end: int, evidence: _Evidence) -> None:
    """Names the transcript's or filing's structure gives (see the module's note)."""
    for match in _PERSON_LABEL.finditer(text):
        if match["name"]:
            evidence.add_person(match["name"])
    for match in _HONORIFIC.finditer(text):
        evidence.add_person(match["name"])
    titled = [m["name"] for m in _TITLE.finditer(text)]
    for name in set(titled):  # "JUDGE SLAPPED THAT DOWN": a verb in the past, no name
        if titled.count(name) > 1 and not name.endswith("ED"):
            evidence.add_person(name)
    for match in _PLACE.finditer(text):
        state = match["state"].split(" ")
        if " ".join(state).title() in ABBREVIATIONS or state[0].title() in ABBREVIATIONS:
            place = match["place"].split(" ")
            while place and place[0].casefold() in STOP_WORDS:  # "IN SAN JOSE, CALIFORNIA"
                place.pop(0)
            if place:
                evidence.add_form(_title_name(" ".join(place)))
    cover = text[:cover_end]
    for match in _COURT_LINE.finditer(cover):
        evidence.add_form(_title_name(match["court"]))
    for match in _PRESIDING.finditer(cover):
        evidence.add_person(match["name"])
    for match in _APPEARANCE.finditer(cover):
        name = _NAME_LINE.fullmatch(match["name"])
        if name is None:
            continue
        evidence.add_person(name["name"])
        position = match.end() + 1
        while position < len(cover):  # the names under it, up to an address line
            line_end = cover.find("\n", position)
            line_end = len(cover) if line_end == -1 else line_end
            name = _NAME_LINE.fullmatch(cover, position, line_end)
            if name is None:
                break
            evidence.add_person(name["name"])
            position = line_end + 1
    for match in _PARTY_LINE.finditer(cover):
        # the party's name stands on the lines above, left of the caption's ")" column, up
        # to the "VS." line or the party before ("KRISTIN M. PERRY, ET AL., )" / ")" /
        # "PLAINTIFFS, )")
        taken = 0
        for line in reversed(cover[: match.start()].splitlines()[-8:]):
            left = re.sub(r"^[ \t]*\d{1,2}(?:[ \t]+|$)", "", line).split(")")[0].strip()
            if not left:
                continue
            if _CAPTION_STOP.fullmatch(left) or _PARTY_LINE.fullmatch(left) or taken == 3:
                break
            evidence.add_name(left)
            taken += 1


def recase(
    text: str,
    *,
    known: Sequence[KnownEntity] = (),
    furniture: Sequence[tuple[int, int]] = (),
) -> str:
    """``text`` with its all-capitals passages re-cased (same length); unchanged without them."""
    passages = capital_passages(text)
    if not passages:
        return text
    evidence = _Evidence()
    _structural_names(text, passages[0].start, evidence)
    for key, form in _mixed_case_words(text, passages, furniture).items():
        evidence.words.setdefault(key, form)
    for entity in known:
        for form in (entity.name, *entity.aliases):
            evidence.add_form(form)
    for state in ABBREVIATIONS:
        evidence.add_form(state)
    kept = sorted((int(s), int(e)) for s, e in furniture)
    chars = list(text)
    before = ". "
    for passage in passages:
        before = _recase_passage(text, chars, passage, evidence, kept, before)
    return "".join(chars)


def _recase_passage(
    text: str,
    chars: list[str],
    passage: Passage,
    evidence: _Evidence,
    kept: Sequence[tuple[int, int]],
    before: str,
) -> str:
    """Re-case one passage into ``chars``; ``before`` is what stands since the last word of
    the passage before (a sentence may go on across a page's furniture). Returns the same for
    the next passage."""
    body = text[passage.start : passage.end]
    labels = [
        (passage.start + m.start("label"), passage.start + m.end("label"))
        for m in _LABEL.finditer(body)
    ]
    furniture = [(s, e) for s, e in kept if s < passage.end and passage.start < e]
    filler = [(passage.start + m.start(), passage.start + m.end()) for m in _FILLER.finditer(body)]
    filler += furniture
    skip = sorted([*labels, *furniture])
    previous_end = passage.start
    after_honorific = False
    words = [m for m in _WORD.finditer(text, passage.start, passage.end)]
    words = [m for m in words if not any(s <= m.start() < e for s, e in filler)]
    for i, match in enumerate(words):
        start, end = match.span()
        word = match.group()
        gap = _FILLER.sub("", before + text[previous_end:start])
        before = ""
        sentence_start = bool(_STARTS_SENTENCE.search(gap))
        honorific = after_honorific
        previous_end = end
        after_honorific = word.casefold() in _HONORIFIC_WORDS and text[end : end + 1] in ".\t "
        if any(s <= start < e for s, e in skip) or not word.isupper():
            continue
        following = words[i + 1].group() if i + 1 < len(words) else ""
        first_name = (
            following.casefold() in evidence.surnames
            and text[end : words[i + 1].start()] == " "
            and word.casefold() not in STOP_WORDS
            and word.casefold() not in _CAPTION_WORDS
            and len(word) > 2
        )
        chars[start:end] = _cased(
            text, word, start, end, sentence_start, honorific or first_name, evidence
        )
    _copy_names(text, chars, passage, evidence, skip)
    return text[previous_end : passage.end]


def _cased(
    text: str,
    word: str,
    start: int,
    end: int,
    sentence_start: bool,
    honorific: bool,
    evidence: _Evidence,
) -> str:
    key = word.casefold()
    if len(word) == 1 and (text[end : end + 1] == "." or key not in {"a", "i"}):
        return word  # an initial, "A." and "Q.", a case's letter ("C 09-2292")
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha():
        return word  # "U.S."
    if key == "i" or re.match(r"i['’]", key):
        return _same_length_title(word)
    form = evidence.words.get(key)
    if form is not None and len(form) == len(word):
        return form
    if key in _MONTHS and (
        key not in _AMBIGUOUS_MONTHS
        or _MONTH_FOLLOWS.match(text, end) is not None
        or _MONTH_AFTER.search(text, max(0, start - 12), start) is not None
    ):
        return _same_length_title(word)
    if sentence_start or honorific or (key in _HONORIFIC_WORDS and text[end : end + 1] == "."):
        return _same_length_title(word)
    return _same_length_lower(word)


def _copy_names(
    text: str,
    chars: list[str],
    passage: Passage,
    evidence: _Evidence,
    skip: Sequence[tuple[int, int]],
) -> None:
    """Known names and states written as they are known ("Northern District of California");
    the longest first where two overlap."""
    pattern = evidence.names_pattern()
    body = text[passage.start : passage.end]
    folded = body.casefold()
    if pattern is None or len(folded) != len(body):
        return
    for match in pattern.finditer(folded):
        start, end = passage.start + match.start(), passage.start + match.end()
        if not text[start:end].isupper() or any(s < end and start < e for s, e in skip):
            continue
        chars[start:end] = list(evidence.forms[match.group()])


def restore_case(analysis: Analysis, seen: str, written: str) -> Analysis:
    """Read every text of an analysis of the re-cased ``seen`` back from ``written`` (the same
    length): a span's text that is ``seen``'s slice in some case, and a quote, a claim's content
    or context and an event's anchor found inside its claim's or event's span. Names (of
    entities and speakers) keep the re-cased form."""
    if seen is written or seen == written:
        return analysis

    def spanned(value: str, start: int, end: int) -> str:
        if value.casefold() == seen[start:end].casefold():
            return written[start:end]
        return value

    def inside(value: str | None, start: int, end: int) -> str | None:
        if not value:
            return value
        at = seen.find(value, start, end)
        if at == -1:
            at = seen.find(value)
        return written[at : at + len(value)] if at != -1 else value

    for entity in analysis.entities:
        for mention in entity.mentions:
            mention.text = spanned(mention.text, mention.start, mention.end)
    for event in analysis.events:
        event.sentence = spanned(event.sentence, event.start, event.end)
        event.anchor = inside(event.anchor, event.start, event.end) or event.anchor
    for claim in analysis.claims:
        claim.sentence = spanned(claim.sentence, claim.start, claim.end)
        claim.quote = inside(claim.quote, claim.start, claim.end)
        claim.content = inside(claim.content, claim.start, claim.end) or claim.content
        claim.context = inside(claim.context, 0, len(seen))
    for citation in analysis.citations:
        citation.text = spanned(citation.text, citation.start, citation.end)
    for turn in analysis.turns:
        turn.text = spanned(turn.text, turn.start, turn.end)
    return analysis
