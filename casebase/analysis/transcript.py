"""Transcripts and depositions as speaker turns.

A turn starts at a line beginning "Q.", "A.", "THE COURT:", "THE WITNESS:" or "MR. SAVITT:";
"BY MR. MOLO:" names the examining lawyer for the questions that follow, and the witness is read
from the examination heading ("ELON MUSK, called as a witness ...", "DIRECT EXAMINATION OF
ELON MUSK"). Answers are the witness's; questions the examiner's. Each answer becomes a claim by
the witness (verb "testified") with the question as its context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from casebase.analysis.linking import KnownIndex, looks_like_person_name, name_key
from casebase.analysis.types import FoundClaim, FoundEntity, MentionSpan, SpeakerTurn

#: A transcript line may start with its line number ("8 A. I worked as ...").
_LINE_NO = r"(?:\d{1,2}[ \t]+)?"
#: The roles a court reporter writes as "THE ROLE:" ("THE DEFENDANT:", "THE PROBATION
#: OFFICER:"); a party's or a juror's label may carry a number ("JUROR NO. 3:").
_ROLES = (
    r"THE (?:COURT|WITNESS|DEPONENT|CLERK|INTERPRETER|DEPUTY(?: CLERK)?|COURTROOM DEPUTY|"
    r"DEFENDANTS?|PLAINTIFFS?|PROBATION OFFICER|REPORTER|COURT REPORTER|VIDEOGRAPHER|"
    r"MARSHAL|BAILIFF|FOREPERSON|CHAIR(?:MAN|WOMAN)?)"
    r"|(?:PROSPECTIVE )?JUROR(?: NO\. \d+)?|UNIDENTIFIED SPEAKER"
)
#: A person's label: an honorific or a legislator's title and a name, in capitals or not
#: ("MR. SAVITT", "Ms. Waters", "SENATOR LEVIN", "Chairman Frank").
_PERSON_LABEL = (
    r"(?:(?i:mr|ms|mrs|dr)\.?|(?i:senator|sen\.|representative|rep\.|chairman|chairwoman|"
    r"secretary|governor)) [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?"
)
_TURN = re.compile(
    r"^[ \t]*" + _LINE_NO + r"(?:(?P<qa>[QA])(?:[.:]|(?=[ \t]{2,}|\t))|"
    rf"(?P<named>{_ROLES}|{_PERSON_LABEL}):)[ \t]*",
    re.MULTILINE,
)
#: A printed hearing's turn (the Government Publishing Office's style): an indented
#: paragraph opening with its speaker and a full stop ("    Mr. Wagoner. No, sir. I think
#: ...", "    The Chairman. Thank you", "    Senator LEVIN. The Committee will ...", "    Mr.
#: Wagoner. $4- or $5 billion every month.", "    Chairman Dodd. ``TILA'' is Truth in Lending":
#: the GPO's plain text opens a quotation with two backquotes).
_HEARING_TURN = re.compile(
    r"^[ \t]{2,}(?P<named>The (?:Chair(?:man|woman)?|CHAIR(?:MAN|WOMAN)?)|"
    r"(?:Mr|Ms|Mrs|Dr)\. [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?|"
    r"(?:Senator|Representative|Chairman|Chairwoman|Secretary|Governor) [A-Z][A-Za-z'-]+"
    r"(?: [A-Z][A-Za-z'-]+)?)\.[ \t]+(?=[\"“‘'`(\[$A-Z0-9])",
    re.MULTILINE,
)
#: A printed hearing is read as one from this many such turns on.
MIN_HEARING_TURNS = 4
#: Labels that name a member of the legislature (who asks; never a witness).
_MEMBER = re.compile(
    r"^(?:the )?(?:chair(?:man|woman)?|senator|sen\.|representative|rep\.)\b", re.IGNORECASE
)
#: What only a member says in a printed hearing: the chair gives the floor ("The Chair now
#: recognizes the gentleman from Maryland", "is recognized for 5 minutes", "The Chair thanks
#: the gentlelady") and members yield it ("I yield back the balance of my time").
_MEMBER_SPEECH = re.compile(
    r"\bThe Chair(?:man|woman)? (?:now |will now |then )?(?:recognizes|thanks)\b|"
    r"\bis (?:now )?recognized for \w+ minutes?\b|\bI yield (?:back|the balance|my time)\b"
)
_HONORIFIC = re.compile(r"^(?:mr|ms|mrs|dr)\.?\s+", re.IGNORECASE)
#: A transcript that says its witnesses were sworn: their answers are under oath.
_SWORN = re.compile(r"\b(?:sworn|swear|swears|solemnly affirm|under oath)\b", re.IGNORECASE)
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


def opens_turn(line: str) -> bool:
    """Does a line open a speaker's turn ("12   THE COURT:  ...", "8 A. I worked ...")?"""
    return _TURN.match(line) is not None


def is_transcript(text: str, kind: str | None) -> bool:
    """Transcripts by kind, or any text with several Q. and several A. lines."""
    if kind in TRANSCRIPT_KINDS:
        return True
    labels = _QA_LINE.findall(text)
    if min(labels.count("Q"), labels.count("A")) >= MIN_QA_LINES:
        return True
    return _hearing_turns(text) is not None


@lru_cache(maxsize=4)
def _hearing_turns(text: str) -> list[re.Match[str]] | None:
    """A printed hearing's turns, when the text has enough of them to be one (read once per
    text: the analysis asks several times)."""
    found = list(_HEARING_TURN.finditer(text))
    return found if len(found) >= MIN_HEARING_TURNS else None


def _title(name: str) -> str:
    """ "MR. SAVITT" -> "Mr. Savitt"; "ELON MUSK" -> "Elon Musk"; a word already in mixed
    case stays as written ("Ms. McCoy", not "Mccoy")."""
    return " ".join(word.capitalize() if word.isupper() else word for word in name.split())


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
        # a title is no part of a name ("MR. MOLO" is Molo; "Senator Levin" is Levin)
        bare = _TITLE_WORD.sub("", name)
        return (bare or name), None


_TITLE_WORD = re.compile(
    r"^(?:mr|ms|mrs|dr|sen|rep)\.?\s+|^(?:senator|representative|chairman|chairwoman|"
    r"secretary|governor)\s+(?=\S)",
    re.IGNORECASE,
)


#: The cover page's presiding judge: "BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE",
#: "Before The Honorable YVONNE GONZALEZ ROGERS, Judge".
#: The title may stand on the next line ("BEFORE THE HONORABLE EDWARD J. DAVILA" / "13 UNITED
#: STATES DISTRICT JUDGE") or not at all ("BEFORE THE HONORABLE NATHANAEL M. COUSINS").
_PRESIDING = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?BEFORE:?[ \t]+(?:THE[ \t]+)?HONORABLE[ \t]+"
    r"(?P<name>(?-i:[A-Z][A-Za-z.'-]*)(?:[ \t]+(?-i:[A-Z][A-Za-z.'-]*)){1,4})"
    r"(?:,[ \t]*|[ \t]*\n[ \t]*(?:\d{1,2}[ \t]+)?(?=(?:UNITED STATES|U\.S\.|CHIEF|SENIOR|"
    r"DISTRICT|MAGISTRATE|BANKRUPTCY|CIRCUIT)\b)|[ \t]*$)"
    r"(?:(?:UNITED STATES|U\.S\.|CHIEF|SENIOR|DISTRICT|MAGISTRATE|BANKRUPTCY|CIRCUIT)[ \t]+)*"
    r"(?:JUDGE\b|$)",
    re.IGNORECASE | re.MULTILINE,
)


def presiding_judge(text: str) -> str | None:
    """The judge a transcript's cover names as presiding: "THE COURT" speaks for them."""
    match = _PRESIDING.search(text[:5000])
    return match["name"] if match else None


#: A criminal caption's defendant line ("Defendant. )", "9 DEFENDANT. )"): the defendant's
#: name stands on the lines above it, up to the "vs." line, left of the caption's ")" column.
_DEFENDANT_LINE = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?(?:Defendant|DEFENDANT)\.?[ \t]*(?:\)|$)", re.MULTILINE
)
_VERSUS = re.compile(r"^(?:vs?\.?|versus)$", re.IGNORECASE)
_CAPTION_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,5}")


def caption_defendant(text: str) -> str | None:
    """The one defendant a criminal caption names ("YEVGENIY ALEKSANDROVICH )" / "NIKULIN, )"
    / ")" / "Defendant. )"): "THE DEFENDANT" of the transcript. None without such a caption."""
    match = _DEFENDANT_LINE.search(text[:6000])
    if match is None:
        return None
    parts: list[str] = []
    for line in reversed(text[: match.start()].splitlines()[-8:]):
        left = re.sub(r"^[ \t]*\d{1,2}(?:[ \t]+|$)", "", line).split(")")[0].strip()
        if _VERSUS.match(left):
            break
        if left:
            parts.insert(0, left)
    else:
        return None  # no "vs." line: not a caption
    name = re.sub(r",?\s*(?:et al\.?)?,?$", "", " ".join(parts)).strip()
    return name if _CAPTION_NAME.fullmatch(name) else None


#: The text swears the defendant in: "(Defendant sworn.)", "The clerk will now swear in Mr.
#: Levandowski.", "(Whereupon, the defendant was duly sworn.)", "THE DEFENDANT, having been
#: first duly sworn".
_DEFENDANT_SWORN = re.compile(
    r"\bdefendant\b[^.\n]{0,30}?\bsworn\b|\bsworn\b[^.\n]{0,12}?\bdefendant\b|"
    r"\bswear(?:s|ing)?[ \t\n]+in[ \t\n]+(?:the[ \t\n]+defendant|Mr\.|Ms\.|Mrs\.)",
    re.IGNORECASE,
)


#: A plea colloquy's words: an excerpt that starts after the oath still holds them.
_PLEA = re.compile(r"\b(?:plea|plead(?:s|ed|ing)?|pled|guilty)\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def defendant_sworn(text: str) -> bool:
    """Whether a transcript swears its defendant in, or is a plea colloquy (issue 17, round
    10): only then are "THE DEFENDANT:" turns sworn answers; else (a trial's sidebar) they
    are statements. A plea's words count because an excerpt may begin after the oath."""
    return _DEFENDANT_SWORN.search(text) is not None or _PLEA.search(text) is not None


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
    hearing = _hearing_turns(text) or []
    starts = sorted([*_TURN.finditer(text), *hearing], key=lambda m: m.start())
    defendant = _Lazy(lambda: caption_defendant(text))
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
        role, label, speaker, slug = _who(match, witness, examiners, names, presiding, defendant)
        start = match.end() + (len(stripped) - len(stripped.lstrip()))
        end = match.end() + len(stripped)
        turns.append(SpeakerTurn(role, label, speaker, start, end, text[start:end], slug))
    if hearing or any(_MEMBER.match(t.label) for t in turns):
        _legislative_witnesses(turns)
    return turns


@lru_cache(maxsize=4)
def _person_labels(text: str) -> list[tuple[int, int]]:
    """The name part of each person's turn label ("SAVITT" of "MR. SAVITT:", "LEVIN" of
    "Senator LEVIN."), as (start, end); role labels ("THE COURT", "The Chairman") name no one."""
    hearing = _hearing_turns(text) or []
    spans = []
    for match in sorted([*_TURN.finditer(text), *hearing], key=lambda m: m.start()):
        label = match["named"]
        title = _TITLE_WORD.match(label) if label else None
        if title is None or label.startswith(("THE ", "The ")):
            continue
        spans.append((match.start("named") + title.end(), match.end("named")))
    return spans


def label_surnames(text: str) -> frozenset[str]:
    """The surnames a transcript's person labels name ("savitt", "levin"): a name in capitals
    elsewhere (an appearance list, a witness heading) ending with one is a person's."""
    return frozenset(name_key(text[s:e]).split()[-1] for s, e in _person_labels(text))


def label_mentions(text: str, entities: list[FoundEntity]) -> None:
    """A person's turn label ("MR. SAVITT:", "Senator LEVIN.", "Mr. Wagoner.") is a mention
    of that person (the annotation rule: speaker labels are mentions): the name without its
    title joins the person entity it names (same name, or a longer name ending with it), else
    becomes a person of its own; a label the entities already cover stays as it is. Role
    labels ("THE COURT", "THE WITNESS", "The Chairman") name no one here."""
    labels = _person_labels(text)
    for i, (start, end) in enumerate(labels):
        if any(m.start < end and start < m.end for e in entities for m in e.mentions):
            continue
        written = text[start:end]
        turn_end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        entity = _person_named(entities, written, (end, min(turn_end, end + 200)))
        if entity is None:
            entity = FoundEntity(name=_title(written), kind="person", mentions=[])
            entities.append(entity)
        entity.mentions.append(MentionSpan(written, start, end))
        entity.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: e.mentions[0].start)


def _person_named(
    entities: Sequence[FoundEntity], written: str, turn: tuple[int, int] = (0, 0)
) -> FoundEntity | None:
    """The one person entity a label's name names: the same name, or a longer name (or a
    mention) ending with it ("Wagoner" of "G. Richard Wagoner", "LEVIN" of "Carl Levin");
    of two such (two counsel named Cohen), the one the turn's opening words name, as counsel
    introduce themselves ("MS. COHEN: Good afternoon, your Honor. Carrie Cohen, ...")."""
    key = name_key(written)

    def names_it(name: str) -> bool:
        return name_key(name) == key or name_key(name).endswith(" " + key)

    found = [
        e
        for e in entities
        if e.kind == "person" and any(names_it(n) for n in (e.name, *(m.text for m in e.mentions)))
    ]
    if not found:  # a person the model took for a company: "Miles Ehrlich" for "MR. EHRLICH"
        found = [
            e
            for e in entities
            if e.kind == "organization" and looks_like_person_name(e.name) and names_it(e.name)
        ]
    if len(found) > 1:  # issue 17, round six: the self-introduction decides
        found = [
            e
            for e in found
            if any(turn[0] <= m.start < turn[1] and names_it(m.text) for m in e.mentions)
        ]
    if len(found) == 1 and found[0].kind != "person":
        found[0].kind = "person"
    return found[0] if len(found) == 1 else None


class _Lazy:
    """A value computed the first time it is asked for (the caption is read only when a
    transcript has "THE DEFENDANT:" turns)."""

    def __init__(self, compute: Callable[[], str | None]) -> None:
        self._compute = compute
        self._done = False
        self._value: str | None = None

    def get(self) -> str | None:
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value


def _legislative_witnesses(turns: list[SpeakerTurn]) -> None:
    """A legislative hearing's witnesses, told by the exchange itself: members ask, witnesses
    answer. A speaker whose label is no member's title ("Mr. Wagoner", not "Senator Levin" or
    "The Chairman") and whose turns follow another speaker's question more often than they ask
    one is a witness: their turns are answers. A question is what a turn ends by asking (its
    last sentences: a member's rhetorical "can we serve both purposes ...?" inside an opening
    statement asks no one), and a speaker who gives or yields the floor ("The Chair now
    recognizes ...", "I yield back") is a member whatever the label ("Mr. Rush" chairing).
    Nothing changes in a court's transcript (it has "THE COURT" or Q./A. lines)."""
    if any(t.label in {"Q", "A", "THE COURT"} for t in turns):
        return
    asks: dict[str, int] = {}
    answers: dict[str, int] = {}
    members = {t.label for t in turns if _MEMBER_SPEECH.search(" ".join(t.text.split()))}
    for before, turn in zip([None, *turns], turns, strict=False):
        asks[turn.label] = asks.get(turn.label, 0) + ("?" in turn.text)
        follows = (
            before is not None
            and before.label != turn.label
            and "?" in _last_sentences(" ".join(before.text.split()))
        )
        answers[turn.label] = answers.get(turn.label, 0) + follows
    for turn in turns:
        label = turn.label
        if not _MEMBER.match(label) and label not in members and answers[label] > asks[label]:
            turn.role = "answer"


def is_sworn(text: str, turns: Sequence[SpeakerTurn]) -> bool:
    """Whether the transcript's answers are sworn testimony: a court's witnesses, deponents
    and defendants always are; a legislative hearing's witnesses when the text says they were
    sworn."""
    legislative = _hearing_turns(text) is not None or any(_MEMBER.match(t.label) for t in turns)
    return not legislative or bool(_SWORN.search(text))


def _who(
    match: re.Match[str],
    witness: tuple[str | None, str | None],
    examiners: list[tuple[int, str]],
    names: _Names,
    presiding: str | None = None,
    defendant: _Lazy | None = None,
) -> tuple[str, str, str | None, str | None]:
    qa = match.groupdict().get("qa")  # a printed hearing's turns have no Q. or A.
    if qa == "A":
        return "answer", "A", witness[0], witness[1]
    if qa == "Q":
        written = next((n for pos, n in reversed(examiners) if pos < match.start()), None)
        if written is None:
            return "question", "Q", None, None
        return ("question", "Q", *names.resolve(written))
    label = match["named"]
    if label in {"THE WITNESS", "THE DEPONENT"}:
        return "answer", label, witness[0], witness[1]
    if label == "THE DEFENDANT":  # a plea colloquy's sworn answers: the caption's defendant
        written = defendant.get() if defendant is not None else None
        who = names.resolve(written) if written else (None, None)
        # unsworn, a defendant's words at a trial's sidebar or in allocution assert nothing
        # under oath: answers only where the text swears the defendant in
        return ("answer" if defendant_sworn(match.string) else "statement", label, *who)
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
#: A bare assent answers these questions about the witness's understanding, rights, health or
#: the procedure only ("Are you under the influence of anything?", "Did you sign this
#: agreement?", "Is this your full and complete agreement with the U.S. Government?"); "And
#: you understand that the designs were secret. True?" puts a fact.
_PROCEDURAL_QUESTION = re.compile(
    r"\b(?:(?:do|did|does) you (?:\w+ )?understand|(?<!you )understand\w*|"
    r"rights\b|right (?:not )?to\b|waive|satisfied|plead|pleading|plea\b|medication|drugs|"
    r"alcohol|ready|willing|"
    r"voluntar\w*|threat\w*|promis\w*|forced|pressure|free will|under the influence|"
    r"illness|treated for|thinking clearly|discuss(?:ed)? (?:this|it|that) with|"
    r"sign(?:ed)? (?:this|the|it)\b|(?:plea|this|the) agreement|counsel|to defend against|"
    r"your (?:(?:full|complete|entire|whole|written|and|\d{1,2}) )+agreement)",
    re.IGNORECASE,
)
#: Questions about who the witness is (name, age, schooling): their answers assert no fact
#: of the case ("How old are you?", "Please tell us your full and correct name.").
_IDENTITY_QUESTION = re.compile(
    r"\b(?:your (?:full |correct |and |legal )*name\b|name of your|how old are you|"
    r"your age|how far did you go in school|your education)",
    re.IGNORECASE,
)
#: A bare assent or denial, with what it assents to said again at most ("Yes, I am, Your
#: Honor.", "I do.", "That is correct, Your Honor.", "I did sign it, yes.", "My answer is
#: yes, Your Honor."), or the plea itself ("Guilty, Your Honor." to "How do you plead?").
_BARE_ASSENT = re.compile(
    r"^(?:(?:yes|no|yeah|correct|true|i do|i did|i am|i have|i understand|(?:not )?guilty|"
    r"(?:that's|that is) (?:correct|true|right|my understanding)|my answer is (?:yes|no))\b"
    r"[\w ,']{0,24}[.!]?|[\w ' ]{0,40}, (?:yes|no)[,.]?(?: (?:sir|ma'am|your honor)[.]?)?)"
    r"(?:\s|$)",
    re.IGNORECASE,
)
#: The oath itself: "(Witness sworn.)" or "Do you swear ...", answered "I do."
_OATH = re.compile(r"\bsworn\.?\)|\b(?:do you (?:solemnly )?(?:swear|affirm))\b", re.IGNORECASE)


#: A courtesy sentence: thanks or a greeting with its vocative ("Thank you, Mr. Chairman.",
#: "Thank you very much, Senator Collins.", "Good morning.").
_COURTESY = re.compile(
    r"(?:(?:thank you|thanks)(?: (?:very|so) much)?(?: (?:again|for [^.!?]{1,60}))?|"
    r"good (?:morning|afternoon|evening))(?:,(?:\b(?:Mr|Ms|Mrs|Dr)\.|[^.!?]){1,80})?[.!]\s*",
    re.IGNORECASE,
)
#: A turn broken off before it asserts anything: a few words and a dash ("Well, I--",
#: "If I could--", "Again----").
_BROKEN_OFF = re.compile(r"^[^.!?]{0,40}?(?:-{2,}|—+|…|\.\.\.)\s*$")


#: A question that only asks to hear a word again ("A little what?", "What?", "Sorry?",
#: "Pardon?", "Excuse me?", "I'm sorry?"): the short answer to it repeats that word.
_ECHO_QUESTION = re.compile(
    r"^(?:(?:[\w'’]+[ \t]+){0,3}what|sorry|i['’]m sorry|pardon(?: me)?|excuse me|come again|"
    r"say (?:that )?again)\?$",
    re.IGNORECASE,
)
#: The longest answer read as a word said again (a longer one asserts something of its own).
ECHO_ANSWER_WORDS = 3


def _without_courtesies(answer: str) -> str:
    """The answer without its opening thanks and greetings."""
    rest = answer.strip()
    while (match := _COURTESY.match(rest)) is not None:
        rest = rest[match.end() :]
    return rest


def _last_sentences(question: str, count: int = 2) -> str:
    """What a turn finally asks: its last sentences ("In April 2007, you joined Google.
    True?"), not the preamble before them ("... the basis for your plea ...")."""
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z(])", question.strip())
    return " ".join(parts[-count:])


def asserts_fact(answer: str, question: str | None) -> bool:
    """Whether an answer asserts a fact (docs/evaluation.md, transcripts): not a question, a
    request to repeat, a statement of understanding, thanks or a greeting alone, a fragment
    broken off before it asserts anything, an answer about who the witness is, a word said
    again to a question that only asks to hear it again ("A little what?"), nor
    a bare "Yes, Your Honor" (or "I do", "That is correct") to a question about
    understanding, rights, health or procedure, or to the oath."""
    if answer.endswith("?") or _NO_FACT.match(answer):
        return False
    answer = _without_courtesies(answer)
    if not answer or _BROKEN_OFF.match(answer):
        return False  # thanks or a greeting only, or broken off before asserting anything
    asked = _last_sentences(question or "")
    if _IDENTITY_QUESTION.search(asked):
        return False
    if _ECHO_QUESTION.match(_last_sentences(asked, 1)) and len(answer.split()) <= ECHO_ANSWER_WORDS:
        return False  # "Q. A little what? A. Buss.": the word said again
    procedural = bool(_PROCEDURAL_QUESTION.search(asked) or _OATH.search(asked))
    first = re.split(r"(?<=[.!])\s+", answer, maxsplit=1)[0]
    return not (procedural and (_BARE_ASSENT.fullmatch(first) or _BARE_ASSENT.fullmatch(answer)))


def testimony_claims(turns: Sequence[SpeakerTurn], *, sworn: bool = True) -> list[FoundClaim]:
    """Each answer asserting a fact as a claim by the witness (under oath when ``sworn``),
    with the question (or the court's statement) it answered as context."""
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
                under_oath=sworn,
            )
        )
    return claims


#: The court's ruling from the bench, a sentence of its own: "Granted.", "That one's granted.",
#: "The objection is sustained.", "Overruled."
_BENCH_RULING = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=[.!?]\n))[ \t]*(?P<sentence>(?:[A-Za-z][\w’' ,-]{0,50}?\b"
    r"(?:is|are|'s|’s|will be|be)[ \t]+)?(?P<verb>granted|denied|sustained|overruled)"
    r"(?:[ \t]+in[ \t]+part)?[.!])",
    re.IGNORECASE | re.MULTILINE,
)
_BENCH_VERBS = {"granted": "granted", "denied": "denied"}
#: The court's ruling in the first person ("so I sustain the objection", "I'll overrule
#: that objection", "I'm going to sustain the objection"): a ruling from the bench too.
_FIRST_PERSON_RULING = re.compile(
    r"\bI(?:'ll|’ll| will|'m going to|’m going to| am going to)?[ \t\n]+"
    r"(?:sustain|overrule)[ \t\n]+(?:(?:the|that|this|your|his|her|their)[ \t\n]+)?"
    r"(?:[\w'’-]+[ \t\n]+)?objections?\b"
)
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|whether|when|until)[ \t\n]+$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?=[\s\"”’']|$)")


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``start:end``: from the end of the sentence before
    (or the turn's start) to its own full stop (or the turn's end)."""
    before = [m.end() for m in _SENTENCE_STOP.finditer(text, 0, start)]
    first = before[-1] if before else 0
    first += len(text[first:start]) - len(text[first:start].lstrip())
    stop = _SENTENCE_STOP.search(text, end)
    return first, stop.end() if stop else len(text.rstrip())


def _claimant(turn: SpeakerTurn) -> str | None:
    """Who a claim made in ``turn`` is by: the turn's speaker, unless that is only the role
    of its label ("THE COURT:" of a transcript whose cover names no judge is "The Court"): a
    definite participant the text does not name is no speaker (docs/evaluation.md)."""
    if turn.speaker_slug is None and turn.speaker == turn.label.title():
        return None
    return turn.speaker


def bench_rulings(turns: Sequence[SpeakerTurn]) -> list[FoundClaim]:
    """The court's rulings from the bench in its own turns ("THE COURT: All right.
    Granted."): claims of the presiding judge (or "The Court"), verb granted, denied or
    ruled (sustained, overruled)."""
    claims = []
    for turn in turns:
        if turn.label != "THE COURT":
            continue
        found = _BENCH_RULING.finditer(turn.text)
        spans = [(m.start("sentence"), m.end("sentence")) for m in found]
        for match in _FIRST_PERSON_RULING.finditer(turn.text):
            if _CONDITION_BEFORE.search(turn.text, max(0, match.start() - 12), match.start()):
                continue  # "If I sustain the objection, ...": a ruling supposed, not made
            first, last = _sentence_of(turn.text, match.start(), match.end())
            if not any(a < last and first < b for a, b in spans):
                spans.append((first, last))
        for first, last in sorted(spans):
            start, end = turn.start + first, turn.start + last
            sentence = turn.text[first:last]
            verb = _BENCH_RULING.search(sentence)
            claims.append(
                FoundClaim(
                    speaker=_claimant(turn),
                    verb=_BENCH_VERBS.get(verb["verb"].lower(), "ruled") if verb else "ruled",
                    quote=None,
                    sentence=sentence,
                    start=start,
                    end=end,
                    content=sentence,
                    speaker_slug=turn.speaker_slug,
                )
            )
    return claims


#: A name the sentence addresses, set off by commas or ending it ("You basically said that,
#: too, Mr. Nardelli.", "Mr. Wagoner, you said ..."): an honorific or title and a surname.
_VOCATIVE = re.compile(
    r"(?:^|,)\s*(?:(?:Mr|Ms|Mrs|Dr)\.|Senator|Congress(?:wo)?man|Chair(?:wo)?man|Secretary|"
    r"Governor)\s+(?P<name>[A-Z][A-Za-z'-]+)\s*(?=[,.?!]|$)",
    re.MULTILINE,
)


def _speakers_by_surname(turns: Sequence[SpeakerTurn]) -> dict[str, SpeakerTurn]:
    by_name = {t.speaker: t for t in turns if t.speaker}
    return {name_key(name).split()[-1]: t for name, t in by_name.items() if name_key(name)}


def _addressee(sentence: str, speakers: dict[str, SpeakerTurn]) -> SpeakerTurn | None:
    """The turn of the one speaker a sentence addresses by name, when that name is a
    speaker's of this transcript."""
    found = {m["name"].lower() for m in _VOCATIVE.finditer(" ".join(sentence.split()))}
    turns = [speakers[name] for name in found if name in speakers]
    return turns[0] if len(turns) == 1 else None


#: The witness pointing back to the answers already given ("As I said, I think ...", "and
#: again, as I mentioned, they failed"): a repetition of this testimony, no claim of its own
#: (unlike "As I pointed out in my prepared remarks, ...", which reports another statement).
_AS_I_SAID = re.compile(
    r"\bas I (?:(?:have|had|just|already|previously|earlier)\s+)*"
    r"(?:said|say|mentioned|mention|noted|note|stated|indicated|testified|explained)\s*[,.;]",
    re.IGNORECASE,
)


def _in_first_sentence(claim: FoundClaim, turn: SpeakerTurn) -> bool:
    """Whether a claim lies in its answer's first sentence (after the courtesies)."""
    answer = _without_courtesies(turn.text)
    offset = turn.start + len(turn.text) - len(answer)
    stop = _SENTENCE_STOP.search(answer)
    return claim.start < offset + (stop.end() if stop else len(answer))


#: Verbs that make a claim of a first-person speaker only when the court speaks: its
#: findings and holdings from the bench.
_FINDINGS = {"found", "ruled"}


def within_turns(claims: Sequence[FoundClaim], turns: Sequence[SpeakerTurn]) -> list[FoundClaim]:
    """Sentence-level claims in a transcript: dropped inside questions (a lawyer's question
    asserts nothing) and, when their subject did not resolve, inside answers (the answer is
    already the witness's one claim), except the witness's own reporting verb after the
    answer's first sentence ("As I pointed out in my prepared remarks, ...": the witness's;
    docs/evaluation.md, transcripts), not a bare "as I said," repeating this testimony;
    elsewhere an unresolved "I"/"we" is the turn's
    speaker, and any other unresolved subject ("they said ...") stays unattributed. A
    first person's "find"/"hold" is a finding only in the court's own turns."""
    kept = []
    speakers: dict[str, SpeakerTurn] | None = None
    for claim in claims:
        # the claim's sentence may start on the turn's label ("16 A. I would say ...")
        turn = next((t for t in turns if t.start < claim.end and claim.start < t.end), None)
        if turn is not None and claim.speaker is None and claim.second_person:
            if speakers is None:
                speakers = _speakers_by_surname(turns)
            addressed = _addressee(claim.sentence, speakers)
            if addressed is not None and addressed.speaker != turn.speaker:
                claim.speaker, claim.speaker_slug = addressed.speaker, addressed.speaker_slug
        if turn is not None and turn.role == "question":
            continue
        if turn is not None and turn.role == "answer" and claim.speaker is None:
            if (
                not claim.first_person
                or _in_first_sentence(claim, turn)
                or _AS_I_SAID.search(" ".join(claim.sentence.split()))
            ):
                continue  # the answer's own claim already holds it
            claim.speaker, claim.speaker_slug = turn.speaker, turn.speaker_slug
        if (
            turn is not None
            and claim.first_person
            and claim.verb in _FINDINGS
            and turn.label != "THE COURT"
        ):
            continue  # "we find some methodology", "I find that troubling": no court's finding
        if turn is not None and claim.speaker is None and claim.first_person:
            claim.speaker, claim.speaker_slug = _claimant(turn), turn.speaker_slug
        kept.append(claim)
    return kept


#: A name in an appearance list or on a cover: two to five words in capitals or capitalised,
#: initials ("T.S.", "E.") among them ("MICHAEL L. MARTINEZ", "KATHERINE A. MEYER", "McGILL").
_COVER_WORD = r"(?:[A-Z](?:\.[A-Z])*\.|[A-Z][A-Za-z'’-]*[A-Za-z])"
_COVER_NAME = rf"{_COVER_WORD}(?:[ ]{_COVER_WORD}){{1,4}}"
#: Counsel's name before the style a reporter writes after it ("WILLIAM THOMAS, PRO SE",
#: "LISA JOINER, ESQ.", "VICTOR E. LONG, ESQUIRE", "KEVIN DIGREGORY, AUSA", "ISMAIL RAMSEY,
#: ATTORNEY AT LAW"), in a cover's column or run together on one flattened line.
_COUNSEL = re.compile(
    rf"(?<![\w.’'-])(?P<name>{_COVER_NAME}),[ ]?(?:ESQ\b\.?|ESQUIRE\b|Esq\b\.?|Esquire\b|"
    r"S?AUSA\b|PRO SE\b|Pro Se\b|ATTORNEYS? AT LAW\b|Attorneys? at Law\b)"
)
#: Words of a cover's headings and roles that open no name ("FOR THE DEFENDANT, LISA ...").
_NOT_COVER_NAME = frozenset({
    "FOR", "THE", "BY", "AND", "OF", "ON", "BEHALF", "PLAINTIFF", "PLAINTIFFS", "DEFENDANT",
    "DEFENDANTS", "APPEARANCES", "ALSO", "PRESENT", "COUNSEL", "GOVERNMENT", "RESPONDENT",
    "PETITIONER", "APPELLANT", "APPELLEE", "OFFICE", "ATTORNEY", "ATTORNEYS", "UNITED",
    "STATES", "DISTRICT", "COURT", "LLP", "LLC", "INC", "P.C.",
})  # fmt: skip
_CORPORATE = re.compile(r"\b(?:LLP|LLC|INC|CORP|CORPORATION|COMPANY|CO)\b\.?", re.IGNORECASE)


#: The presiding judge on a cover whose lines were run together ("10 BEFORE THE HONORABLE
#: EMMET G. SULLIVAN 11 UNITED STATES DISTRICT COURT JUDGE", "Before The Honorable Jeffrey
#: S. White, Judge"): the name, a line number maybe, the judge's title.
_HONORABLE = re.compile(
    rf"\b(?i:honorable)[ ]+(?P<name>{_COVER_NAME}),?[ ]+(?:\d{{1,2}}[ ]+)?"
    r"(?:(?:UNITED STATES|U\.S\.|CHIEF|SENIOR|DISTRICT|MAGISTRATE|BANKRUPTCY|CIRCUIT|COURT)[ ]+)*"
    r"(?:JUDGE|Judge)\b"
)


def _cover_person(
    text: str, start: int, name: str, *, before_style: bool = False
) -> tuple[int, int, str] | None:
    """A name found by a cover's structure, without the heading words before it; None when
    fewer than two words of a name are left or it is a company's."""
    words = name.split(" ")
    if before_style:  # the name ends at counsel's style: words up to the last heading word
        # are the heading's ("ORAL ARGUMENT OF ROSS C. MOODY, ESQ.")
        last = max((i for i, w in enumerate(words) if w.upper() in _NOT_COVER_NAME), default=-1)
        start += sum(len(w) + 1 for w in words[: last + 1])
        words = words[last + 1 :]
    while words and words[0].upper().rstrip(",") in _NOT_COVER_NAME:
        start += len(words[0]) + 1
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.upper() in _NOT_COVER_NAME), len(words))
    words = words[:cut]  # "EMMET G. SULLIVAN UNITED STATES DISTRICT JUDGE"
    if len(words) < 2:
        return None
    if _CORPORATE.search(" ".join(words)) or not any(len(w.rstrip(".")) > 1 for w in words[1:]):
        return None
    written = " ".join(words)
    return start, start + len(written), written


def cover_people(text: str) -> list[tuple[int, int, str]]:
    """People a transcript's own structure names (issue 17, round nine): the presiding judge
    of its cover ("BEFORE THE HONORABLE JOYCE HENS GREEN"), the witness of a deposition or an
    examination heading ("VIDEOTAPED DEPOSITION OF STEVE POMERANTZ, Ph.D."), and counsel in
    the appearances by the style after their names ("WILLIAM THOMAS, PRO SE", "LISA JOINER,
    ESQ."), as (start, end, written). Read from the written text, cover and headings only."""
    found: list[tuple[int, int, str]] = []
    presiding = _PRESIDING.search(text[:5000]) or _HONORABLE.search(text[:5000])
    if presiding:
        person = _cover_person(text, presiding.start("name"), presiding["name"])
        found += [person] if person else []
    for match in _WITNESS[1].finditer(text):
        person = _cover_person(text, match.start("name"), match["name"])
        found += [person] if person else []
    for match in _COUNSEL.finditer(text[:COVER_CHARS]):
        person = _cover_person(text, match.start("name"), match["name"], before_style=True)
        found += [person] if person else []
    return found


#: Appearance pages run to a few thousand characters; counsel's style is read no further.
COVER_CHARS = 8000
#: The court reporter's block, page furniture by the annotation rules (its names are nobody's
#: mention): the line of a reporter's certificates ("IRENE L. RODRIGUEZ, CSR, RMR, CRR",
#: "MICHAEL A. RODRIQUEZ, RPR/CM/RMR") and the name after "REPORTED BY:", "Reported By:",
#: "TRANSCRIBED BY:", "OFFICIAL COURT REPORTER:" (on its line or the next).
_REPORTER_MARK = re.compile(r"\b(?:CSR|RPR|RMR|CRR|RDR|FCRR)\b")
#: A line longer than this is running text, not a reporter's line.
_REPORTER_LINE_CHARS = 160
_REPORTER_CUE = re.compile(
    r"(?:\b(?:REPORTED|Reported|TRANSCRIBED|Transcribed)\b[^\n:]{0,30}\b(?:BY|By|by|via Zoom)|"
    r"\bCOURT REPORTER|\bOfficial Court Reporter)[ \t]*:[ \t]*(?:\n[ \t]*(?:\d{1,2}[ \t]+)?)?"
    r"[^\n]{0,60}"
)


def reporter_block(text: str) -> list[tuple[int, int]]:
    """The reporter's block of a transcript's cover and certificate, as (start, end)."""
    spans = []
    for mark in _REPORTER_MARK.finditer(text):
        start = text.rfind("\n", 0, mark.start()) + 1
        end = text.find("\n", mark.end())
        end = len(text) if end < 0 else end
        if end - start <= _REPORTER_LINE_CHARS:
            spans.append((start, end))
    spans += [(m.start(), m.end()) for m in _REPORTER_CUE.finditer(text)]
    return spans
