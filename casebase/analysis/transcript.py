"""Transcripts and depositions as speaker turns.

A turn starts at a line beginning "Q.", "A.", "THE COURT:", "THE WITNESS:" or "MR. SAVITT:";
"BY MR. MOLO:" names the examining lawyer for the questions that follow, and the witness is read
from the examination heading ("ELON MUSK, called as a witness ...", "DIRECT EXAMINATION OF
ELON MUSK"). Answers are the witness's; questions the examiner's. Each answer becomes a claim by
the witness (verb "testified") with the question as its context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casebase.analysis.linking import KnownIndex, name_key
from casebase.analysis.types import FoundClaim, FoundEntity, SpeakerTurn

#: A transcript line may start with its line number ("8 A. I worked as ...").
_LINE_NO = r"(?:\d{1,2}[ \t]+)?"
_TURN = re.compile(
    r"^[ \t]*" + _LINE_NO + r"(?:(?P<qa>[QA])(?:[.:]|(?=[ \t]{2,}|\t))|"
    r"(?P<named>THE (?:COURT|WITNESS|CLERK|INTERPRETER|DEPUTY(?: CLERK)?)|"
    r"(?:MR|MS|MRS|DR)\.? [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?):)[ \t]*",
    re.MULTILINE,
)
_EXAMINER = re.compile(
    r"^[ \t]*BY (?P<name>(?:MR|MS|MRS|DR)\.? [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?):?[ \t]*$",
    re.MULTILINE,
)
_WITNESS = [
    re.compile(
        r"^[ \t]*(?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3}),\s+(?:having been|called as|"
        r"was (?:duly )?sworn|being (?:first )?duly sworn|SWORN|CALLED)",
        re.MULTILINE,
    ),
    re.compile(
        r"(?:(?:DIRECT|CROSS|REDIRECT|RECROSS)[- ]EXAMINATION|DEPOSITION) OF "
        r"(?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3})"
    ),
    re.compile(
        r"^[ \t]*(?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3}),\s+(?:DEFENDANT|PLAINTIFF)"
        r"(?:'S|S')? WITNESS",
        re.MULTILINE,
    ),
]
_QA_LINE = re.compile(r"^[ \t]*" + _LINE_NO + r"([QA])(?:[.:][ \t]|[ \t]{2,}|\t)", re.MULTILINE)
TRANSCRIPT_KINDS = {"transcript"}
#: Questions and answers each: a pleading's "A." and "B." headings are no examination.
MIN_QA_LINES = 2


def is_transcript(text: str, kind: str | None) -> bool:
    """Transcripts by kind, or any text with several Q. and several A. lines."""
    if kind in TRANSCRIPT_KINDS:
        return True
    labels = _QA_LINE.findall(text)
    return min(labels.count("Q"), labels.count("A")) >= MIN_QA_LINES


def _title(name: str) -> str:
    """ "MR. SAVITT" -> "Mr. Savitt"; "ELON MUSK" -> "Elon Musk"."""
    return " ".join(word.capitalize() for word in name.split())


class _Names:
    """Resolve names as written in a transcript to entities (known first, then the document's)."""

    def __init__(self, entities: Sequence[FoundEntity], index: KnownIndex) -> None:
        self.index = index
        self.entities = entities

    def resolve(self, written: str) -> tuple[str, str | None]:
        name = _title(written)
        known = self.index.resolve(name)
        if known is not None:
            return known.name, known.slug
        key = name_key(name)
        for entity in self.entities:
            keys = {name_key(entity.name), name_key(entity.name.split()[-1])}
            if key in keys and entity.kind == "person":
                return entity.name, entity.slug
        return name, None


#: The cover page's presiding judge: "BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE",
#: "Before The Honorable YVONNE GONZALEZ ROGERS, Judge".
_PRESIDING = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?BEFORE[ \t]+THE[ \t]+HONORABLE[ \t]+"
    r"(?P<name>(?-i:[A-Z][A-Za-z.'-]*)(?:[ \t]+(?-i:[A-Z][A-Za-z.'-]*)){1,4}),[ \t]*"
    r"(?:(?:UNITED STATES|U\.S\.|CHIEF|SENIOR|DISTRICT|MAGISTRATE|BANKRUPTCY)[ \t]+)*JUDGE\b",
    re.IGNORECASE | re.MULTILINE,
)


def presiding_judge(text: str) -> str | None:
    """The judge a transcript's cover names as presiding: "THE COURT" speaks for them."""
    match = _PRESIDING.search(text[:5000])
    return match["name"] if match else None


def witness_name(text: str) -> str | None:
    for pattern in _WITNESS:
        match = pattern.search(text)
        if match:
            return match["name"].strip()
    return None


def speaker_turns(
    text: str, entities: Sequence[FoundEntity] = (), index: KnownIndex | None = None
) -> list[SpeakerTurn]:
    """The turns of a transcript, each resolved to its speaker where the text says who."""
    names = _Names(entities, index or KnownIndex())
    witness_written = witness_name(text)
    witness = names.resolve(witness_written) if witness_written else (None, None)
    examiners = [(m.start(), m["name"]) for m in _EXAMINER.finditer(text)]
    presiding = presiding_judge(text)
    starts = list(_TURN.finditer(text))
    turns = []
    for i, match in enumerate(starts):
        body_end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        body = text[match.end() : body_end]
        next_examiner = next((pos for pos, _ in examiners if match.end() <= pos < body_end), None)
        if next_examiner is not None:
            body = text[match.end() : next_examiner]
        stripped = body.rstrip()
        if not stripped.strip():
            continue
        role, label, speaker, slug = _who(match, witness, examiners, names, presiding)
        start = match.end() + (len(stripped) - len(stripped.lstrip()))
        end = match.end() + len(stripped)
        turns.append(SpeakerTurn(role, label, speaker, start, end, text[start:end], slug))
    return turns


def _who(
    match: re.Match[str],
    witness: tuple[str | None, str | None],
    examiners: list[tuple[int, str]],
    names: _Names,
    presiding: str | None = None,
) -> tuple[str, str, str | None, str | None]:
    if match["qa"] == "A":
        return "answer", "A", witness[0], witness[1]
    if match["qa"] == "Q":
        written = next((n for pos, n in reversed(examiners) if pos < match.start()), None)
        if written is None:
            return "question", "Q", None, None
        return ("question", "Q", *names.resolve(written))
    label = match["named"]
    if label == "THE WITNESS":
        return "answer", label, witness[0], witness[1]
    if label == "THE COURT" and presiding is not None:
        return ("statement", label, *names.resolve(presiding))
    if label.startswith("THE "):
        return "statement", label, label.title(), None
    return ("statement", label, *names.resolve(label))


#: Answers that assert no fact: about understanding or procedure, or asking to repeat.
_NO_FACT = re.compile(
    r"^(?:(?:yes|no|yeah|correct)\b[,.]?\s*(?:sir|ma'am|your honor)?[,.]?\s*)?"
    r"(?:I (?:do |did )?(?:understand|don't understand the question)|"
    r"(?:can|could|would) you (?:please )?(?:repeat|rephrase|read)|(?:I'm )?sorry\?|pardon\?)",
    re.IGNORECASE,
)
#: A bare assent answers these questions about the witness's understanding or rights only.
_PROCEDURAL_QUESTION = re.compile(
    r"\b(?:understand|rights?|waive|satisfied|plead|medication|drugs|alcohol|ready|"
    r"willing|voluntar\w*|threat\w*|promis\w*|forced)\b",
    re.IGNORECASE,
)
_BARE_ASSENT = re.compile(r"^(?:yes|no|yeah|correct)\b[\w ,']{0,20}\.?$", re.IGNORECASE)


def asserts_fact(answer: str, question: str | None) -> bool:
    """Whether an answer asserts a fact (docs/evaluation.md, transcripts): not a question, a
    request to repeat, a statement of understanding, nor a bare "Yes, Your Honor" to a
    question about understanding or rights."""
    if answer.endswith("?") or _NO_FACT.match(answer):
        return False
    procedural = bool(question and _PROCEDURAL_QUESTION.search(question))
    return not (procedural and _BARE_ASSENT.match(answer))


def testimony_claims(turns: Sequence[SpeakerTurn]) -> list[FoundClaim]:
    """Each answer asserting a fact as a claim under oath by the witness, with the question
    (or the court's statement) it answered as context."""
    claims = []
    question: str | None = None
    for turn in turns:
        if turn.role != "answer":
            question = " ".join(turn.text.split())
            continue
        answer = " ".join(turn.text.split())
        if not asserts_fact(answer, question):
            continue
        claims.append(
            FoundClaim(
                speaker=turn.speaker,
                verb="testified",
                quote=answer,
                sentence=turn.text,
                start=turn.start,
                end=turn.end,
                content=answer,
                speaker_slug=turn.speaker_slug,
                context=question,
                under_oath=True,
            )
        )
    return claims


def within_turns(claims: Sequence[FoundClaim], turns: Sequence[SpeakerTurn]) -> list[FoundClaim]:
    """Sentence-level claims in a transcript: dropped inside questions (a lawyer's question
    asserts nothing) and, when their subject ("I") did not resolve, inside answers (the answer
    is already the witness's one claim); elsewhere an unresolved "I"/"we" is the turn's
    speaker, and any other unresolved subject ("they said ...") stays unattributed."""
    kept = []
    for claim in claims:
        # the claim's sentence may start on the turn's label ("16 A. I would say ...")
        turn = next((t for t in turns if t.start < claim.end and claim.start < t.end), None)
        if turn is not None and turn.role == "question":
            continue
        if turn is not None and turn.role == "answer" and claim.speaker is None:
            continue
        if turn is not None and claim.speaker is None and claim.first_person:
            claim.speaker, claim.speaker_slug = turn.speaker, turn.speaker_slug
        kept.append(claim)
    return kept
