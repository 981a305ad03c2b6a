"""The analysis contract: what the pure-Python pipeline takes in and gives back.

Nothing here touches the ORM. The knowledge layer turns an ``Analysis`` into rows
(casebase.pipeline.storing), and ``manage.py extract`` prints ``Analysis.to_json()``
(the stable format documented in docs/extraction.md). All offsets are character offsets into
the analysed text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class KnownEntity:
    """An entity the knowledge base already has, as the analysis sees it."""

    slug: str
    name: str
    kind: str  # one of EntityKind values: person, organization, court, case, law, product, place
    aliases: tuple[str, ...] = ()


@dataclass
class MentionSpan:
    text: str
    start: int
    end: int


@dataclass
class FoundEntity:
    """An entity found in the text; ``slug`` is set when it resolved to a KnownEntity."""

    name: str
    kind: str
    mentions: list[MentionSpan] = field(default_factory=list)
    slug: str | None = None


@dataclass
class FoundEvent:
    """A dated statement. ``date`` is ISO and partial ("2015", "2018-02", "2026-04-30"),
    or None when the date phrase is relative and the publication date is unknown."""

    date: str | None
    precision: str | None  # "year" | "month" | "day" | None when unresolved
    anchor: str  # the date phrase as written
    start: int  # span of the sentence
    end: int
    sentence: str
    entities: list[str] = field(default_factory=list)  # names of FoundEntity in the sentence
    #: how the date was resolved: "text" (its year is written), "publication" (counted from the
    #: publication date), "weekday" or "document" (a day or month written without a year whose
    #: weekday or the document's other full dates fix the year); None when unresolved
    resolved_by: str | None = None


@dataclass
class FoundClaim:
    speaker: str | None  # canonical name when resolved, else the surface text, else None
    verb: str  # one of ClaimVerb values
    quote: str | None
    sentence: str
    start: int
    end: int
    content: str = ""
    speaker_slug: str | None = None
    context: str | None = None  # e.g. the question a witness answered
    about: list[str] = field(default_factory=list)
    under_oath: bool = False  # testimony: a sworn answer, a declaration, "he testified"
    first_person: bool = False  # said by "I"/"we": in a transcript, the turn's speaker
    second_person: bool = False  # said by "you": in a transcript, the one the turn addresses


@dataclass
class FoundCitation:
    text: str
    #: "case" | "docket" | "statute" | "regulation" | "rule" | "record" | "short_form" | "other";
    #: consumers accept further values
    kind: str
    normalized: str
    start: int
    end: int
    #: A record reference's docket when the text names it ("No. 22-cv-05937, Dkt. 202"): the
    #: docket's normalized key; None for other kinds and for the citing document's own docket.
    docket: str | None = None


@dataclass
class SpeakerTurn:
    """One turn of a transcript or deposition: who spoke, and the span of what they said."""

    role: str  # "question" | "answer" | "statement"
    label: str  # as written: "Q", "A", "THE COURT", "MR. SAVITT"
    speaker: str | None  # canonical name when resolved, else the name as written, else None
    start: int
    end: int
    text: str
    speaker_slug: str | None = None


@dataclass
class Analysis:
    entities: list[FoundEntity] = field(default_factory=list)
    events: list[FoundEvent] = field(default_factory=list)
    claims: list[FoundClaim] = field(default_factory=list)
    citations: list[FoundCitation] = field(default_factory=list)
    turns: list[SpeakerTurn] = field(default_factory=list)  # transcripts only

    def to_json(self) -> dict[str, Any]:
        """The documented ``manage.py extract`` format."""
        return {
            "entities": [
                {
                    "name": e.name,
                    "kind": e.kind,
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "events": [
                {k: v for k, v in asdict(ev).items() if k != "entities"} for ev in self.events
            ],
            "claims": [
                {
                    "speaker": c.speaker,
                    "verb": c.verb,
                    "quote": c.quote,
                    "sentence": c.sentence,
                    "start": c.start,
                    "end": c.end,
                    "under_oath": c.under_oath,
                }
                for c in self.claims
            ],
            "citations": [asdict(c) for c in self.citations],
            "turns": [
                {k: v for k, v in asdict(t).items() if k != "speaker_slug"} for t in self.turns
            ],
        }
