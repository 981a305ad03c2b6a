"""Who a claim's subject is: a named entity, or the antecedent of "he", "it", "the judge".

Order: a person named in the subject phrase ("Musk's lawyers", "Judge Stephanos Bibas of the
District of Delaware"), else the entity at its head word; role nouns ("the judge", "a federal
judge", "the court", "the panel", "the company") and pronouns resolve to the one fitting
antecedent in the same sentence or the ones before, preferring grammatical subjects and the
speakers of earlier claims; no clear antecedent, no guess. A common noun that is no role
("the settlement", "reports") is not a speaker at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from casebase.analysis import us_states
from casebase.analysis.entities import entity_at
from casebase.analysis.spans import sent_of, text_of
from casebase.analysis.types import FoundEntity

PERSON_PRONOUNS = {"he", "she"}
ORG_PRONOUNS = {"it", "they"}
FIRST_PERSON = {"i", "we", "you"}
RELATIVE = {"who", "which", "that"}
JUDGE_ROLES = {"judge", "justice", "magistrate"}
#: "the ALJ": an administrative law judge (resolved only to one the text titles so).
AGENCY_JUDGE_ROLES = {"alj"}
COURT_ROLES = {"court", "panel", "tribunal"}
#: A court's acts: a pronoun doing them ("It then concluded") stands for a court.
RULING_VERBS = {"held", "holds", "concluded", "concludes", "found", "finds", "ruled", "rules",
                "granted", "grants", "denied", "denies", "determined", "determines",
                "dismissed", "dismisses", "overruled", "affirmed", "reversed"}  # fmt: skip
ORG_ROLES = {"company", "firm", "startup", "lab", "developer", "maker", "government", "agency"}
_SUBJECTS = {"nsubj"}
#: Filings that speak for the party that filed them.
DOCUMENTS = {"complaint", "lawsuit", "suit", "filing", "petition", "motion", "brief",
             "counterclaim", "indictment", "complaints", "lawsuits", "suits", "filings",
             "petitions", "motions", "briefs"}  # fmt: skip
_SUING = {"sue", "sues", "sued", "suing"}
#: Reports, studies and surveys: their author speaks ("As the report states: ...") where the
#: text says who wrote or released it ("a new report released by X", "X's study", "a Pew
#: survey"); a report whose author the text never names is no speaker (news cites "a report"
#: of unnamed sources as often as a named one's).
REPORTS = {"report", "study", "survey", "audit"}
_RELEASING = {"released", "published", "issued", "produced", "prepared", "commissioned",
              "conducted", "written", "authored", "compiled"}  # fmt: skip
#: Titles a news story uses alone for a person it has named with the title ("President Barack
#: Obama ... The president said"): the nearest person written with that title before it.
PERSON_TITLES = {"president", "senator", "governor", "mayor", "minister", "chancellor",
                 "ambassador", "commissioner", "secretary", "chairman", "chairwoman", "ceo",
                 "editor", "congressman", "congresswoman", "sheriff", "prosecutor"}  # fmt: skip
#: How many characters before a person's mention its title may stand ("North America editor
#: Jon Sopel", "President Barack Obama").
_TITLE_REACH = 3
#: "of the" between a judge's name and the court named as his or hers.
_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?$")
_VERB_SAYS = re.compile(
    r"^(?:said|says|say|wrote|writes|argued|argues|alleged|alleges|stated|states)$"
)
#: Which side of a case files a paper by its kind: a complaint is the plaintiff's, whoever the
#: text says filed it; counterclaims the defendant's. A motion or brief may be either's.
_FILED_BY = {
    **dict.fromkeys(("complaint", "complaints", "lawsuit", "lawsuits", "suit", "suits",
                     "petition"), "plaintiff"),
    **dict.fromkeys(("counterclaim", "counterclaims"), "defendant"),
}  # fmt: skip
#: How far into an opinion its caption, naming the authoring court, may reach.
_CAPTION_CHARS = 1500
_SUITS = {"complaint", "lawsuit", "suit", "complaints", "lawsuits", "suits"}
#: Which earlier filings may say who filed this one: a suit is the plaintiff's whatever its
#: name; a motion or brief only the same kind of paper.
_SAME_DOCUMENT = dict.fromkeys(_SUITS, _SUITS)
#: How many tokens back the filer of "the lawsuit" may be named.
_FILER_LOOK_BACK = 400
#: How many sentences after "a lawsuit alleging ..." may say who filed it.
_FILER_LOOK_AHEAD = 3
_FILING_VERBS = {"filed", "brought", "led"}
#: Claim verbs of an accuser (``SpeakerResolver.remember``).
_ACCUSING = {"accused", "alleged"}
_CLAUSE_STOPS = {"that", "which", "who", "against", "over", "accusing", "alleging", "claiming"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_TITLE = re.compile(
    r"\b(?:judge|justice|magistrate)(?:\s+(?:for|of)\s+the\s+(?:(?-i:[A-Z])[\w.'’-]*\s+(?:(?:of|for|"
    r"the)\s+)*){1,6})?\s*$",
    re.IGNORECASE,
)  # "Judge Rita Lin", "US District Judge for the Northern District of California Vince Chhabria"
_TITLE_FIRST = re.compile(r"^(?:judge|justice|magistrate)\s", re.IGNORECASE)
#: A title after the name: "EDWARD M. CHEN, UNITED STATES DISTRICT JUDGE", "..., Circuit Judge".
_QUALIFIERS = (
    r"(?:(?:chief|senior|united states|u\.\s?s\.|district|magistrate|circuit|bankruptcy)\s+)"
)
_TITLE_AFTER = re.compile(
    rf"^(?:,\s*{_QUALIFIERS}*|[ \t]*\n[ \t]*{_QUALIFIERS}+)(?:judge|justice)\b", re.IGNORECASE
)
#: The judge an order's caption or signature names, when no entity holds the name:
#: "EDWARD M. CHEN, UNITED STATES DISTRICT JUDGE", "Judge: Hon. David O. Carter".
_NAME = r"[A-Z][A-Za-z.'-]+(?:[ \t]+[A-Z][A-Za-z.'-]+){1,3}"
_HON = r"(?:Hon(?:orable|\.)?[ \t]+)"
_SIGNED_JUDGE = re.compile(
    rf"^[ \t]*{_HON}?(?P<name>{_NAME})(?:,[ \t]*|[ \t]*\n[ \t]*)(?i:{_QUALIFIERS}+judge)\b"
    rf"|\bJudge:[ \t]*{_HON}(?P<caption>{_NAME})"
    rf"|\b(?P<surname>[A-Z][a-z'-]+), (?P<given>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,2}}), "
    rf"(?i:{_QUALIFIERS}+judge)\b",  # "Wang, Ona T., United States Magistrate Judge"
    re.MULTILINE,
)
#: A judge's name and title in capitals on one line, without a comma: "ROBERT PITMAN UNITED
#: STATES DISTRICT JUDGE".
_TITLE_CAPS = (
    r"(?:(?:UNITED STATES|U\.S\.|CHIEF|SENIOR)[ \t]+)*"
    r"(?:DISTRICT|MAGISTRATE|CIRCUIT|BANKRUPTCY)[ \t]+JUDGE\b"
)
_CAPS_JUDGE = re.compile(
    rf"^[ \t]*(?P<name>[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]*){{1,3}}?)[ \t]+{_TITLE_CAPS}",
    re.MULTILINE,
)
_TITLE_AFTER_CAPS = re.compile(rf"^[ \t]+{_TITLE_CAPS}")
#: A court paper's judge on a line of their own: "Honorable Victoria A. Roberts" (read only in
#: a court's own opinion or order: a letter is addressed so to its judge).
_HONORABLE_LINE = re.compile(rf"^[ \t]*(?:The[ \t]+)?{_HON}(?P<name>{_NAME})[ \t]*$", re.MULTILINE)
#: A federal court's full name, wherever a flattened caption puts it: "UNITED STATES DISTRICT
#: COURT FOR THE DISTRICT OF DELAWARE", "United States Court of Appeals for the Fifth Circuit".
_STATE_NAMES = "|".join(sorted({*us_states.NAMES.values()}, key=len, reverse=True))
_FEDERAL_COURT = re.compile(
    r"(?i:united[ \t]+states[ \t]+(?:district[ \t]+court[ \t]+for[ \t]+the[ \t]+"
    r"(?:(?:northern|southern|eastern|western|middle|central)[ \t]+)?district[ \t]+of[ \t]+"
    rf"(?:{_STATE_NAMES})|court[ \t]+of[ \t]+appeals[ \t]+for[ \t]+the[ \t]+"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|d\.c\.|"
    r"federal)[ \t]+circuit))\b"
)
#: Party roles as a caption writes them, singular: "Plaintiffs-Appellees" is both.
_ROLES = ("plaintiff", "defendant", "petitioner", "respondent", "appellant", "appellee",
          "movant")  # fmt: skip
_ROLE_WORD = r"(?:Plaintiff|Defendant|Petitioner|Respondent|Appellant|Appellee|Movant)s?"
#: A caption's first party on a side: its name line (a pleading line number may lead it; a
#: comma or "et al." ends the name; a second column or ", individually and on ..." may follow),
#: then up to four short lines (line numbers, the name's continuation, the other column's
#: title) that are neither "v." nor another role line, then the role line: "SARAH ANDERSEN, et
#: al.,\nPlaintiffs,", "JULIANA GRIFFO, Case No. 8:15-cv-01228\n16\nPlaintiff, DECLARATION
#: OF ...", "OCULUS VR, INC., and PALMER FILE UNDER SEAL\n19 LUCKEY,\nCtrm: 9D\n20
#: Defendants."; or on one line, "ROBERTO MATA, Plaintiff, ... AVIANCA, INC., Defendant.". A
#: role line may end without punctuation ("INC., Jury Trial Demanded\nDefendant"); "&" is a
#: word of a name ("INFORMATION SYSTEMS & NETWORKS CORPORATION"); a one-line caption's
#: description of the party ("GRASS VALLEY TERRACE, A CALIFORNIA LIMITED PARTNERSHIP, et al.,
#: Plaintiffs,") is no part of its name; a flattened bracket column may stand between a name
#: and its role ("TETRA TECH EC, INC.,\n\n) ) Plaintiff,", "UNITED STATES, ) ) Defendant.").
_SUFFIX = (
    r"(?:,(?:[ \t]+|[ \t]*\n[ \t]*(?:\d{1,2}[ \t]+)?)"
    r"(?:INC|Inc|LLC|L\.L\.C|LTD|Ltd|CORP|Corp|CO|Co|N\.A|L\.P|LP|PBC|PLC)\.?)?"
)
_CAPTION_PARTY = re.compile(
    r"^[ \t]*(?:\d{1,2}[ \t]+)?(?!Before\b|BEFORE\b|The Honorable\b|THE HONORABLE\b|Hon\.)"
    rf"(?P<name>[A-Z][A-Za-z.'’&-]*(?:[ \t]+(?:&|[A-Z][A-Za-z.'’&-]*)){{0,5}}{_SUFFIX})"
    r"(?:,?[ \t]+et[ \t]+al\.?)?,[^\n]*\n"
    rf"(?:(?![ \t]*(?:\d{{1,2}}[ \t]+)?(?:v\.|vs\.?|-?against-?|{_ROLE_WORD}\b))[^\n]{{0,60}}\n)"
    r"{0,4}"
    rf"[ \t]*(?:\d{{1,2}}[ \t]+)?(?P<role>{_ROLE_WORD}(?:[ \t]*[-—–/][ \t]*{_ROLE_WORD})*)"
    r"[ \t]*(?:[,.]|$)"
    r"|(?<![\w-])(?!(?:AND|OR|ON|OF|THE|IN|TO|A|AN)\b)"
    rf"(?P<inline>[A-Z][A-Z.'’&-]*(?:[ \t]+(?:&|[A-Z][A-Z.'’&-]*)){{0,5}}{_SUFFIX}),"
    r"(?:[ \t]+(?:A|AN)[ \t]+[A-Z][A-Z.'’ \t-]*?,)?"
    rf"(?:[ \t]+et[ \t]+al\.,)?(?:[ \t]+|(?:\s*\)){{1,12}}[ \t]+)"
    rf"(?P<inline_role>{_ROLE_WORD}(?:[-—–/]{_ROLE_WORD})*)[,.]",
    re.MULTILINE,
)
#: A role word right before a party's name in the text: "Plaintiff Christopher Williams
#: (“Williams”)", "Defendants Oculus VR, Inc. and Palmer Luckey" (not "Counterclaim Defendant
#: Elon Musk", "Third-Party Plaintiff ...": another pairing of sides).
_ROLE_BEFORE = re.compile(
    rf"(?<![\w-])(?<!Counterclaim )(?<!Cross-)(?<!Third-Party )(?P<role>{_ROLE_WORD}|"
    r"(?:plaintiff|defendant|petitioner|respondent|appellant|appellee)s?)"
    r"(?:[ \t]+and[ \t]+Counterclaim[ \t-]+(?:Plaintiff|Defendant)s?)?[ \t]*\n?[ \t]*"
    r"(?:\d{1,2}[ \t]+)?$"
)


#: A short name defined in parentheses: "(“Employer”)", "(the “Company”)", "(the Chapel)",
#: "(collectively, “CAE” or “Plaintiffs”)".
_DEFINITION = re.compile(
    r"\((?P<all>collectively,?\s+|hereinafter,?\s+)?(?:the\s+)?(?:[“\"](?P<quoted>[A-Z][^”\"\d()]"
    r"{0,38})[”\"]|(?<=the )(?P<bare>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))(?:,?\s+or\s+(?:the\s+)?"
    r"[“\"](?P<other>[A-Z][^”\"\d()]{0,38})[”\"])?\)"
)
#: What may stand between a name and its definition: a corporate suffix, a comma, or the rest
#: of a name the entity holds only in part ("Ruben" of "Ruben Diaz (“Employee”)").
_BEFORE_DEFINITION = re.compile(
    r"^(?:[ \t]+(?:(?:of|for)[ \t]+)?[A-Z][\w.&'’-]*){0,3}"
    r"[,\s]*(?:(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|N\.A|L\.P|LP|PBC|PLC|P\.A|P\.C)\.?,?\s*)?$"
)
#: Where the list of names a "collectively" closes begins: after "against", "by", a party role,
#: a clause's or sentence's end.
_LIST_START = re.compile(
    r"(?:\b(?:against|by|from|with|between)|[;:()]|(?<=[a-z]{2})(?<!Inc)(?<!Corp)(?<!Ltd)\."
    r"(?=\s+[A-Z])|\b(?i:plaintiffs?|defendants?|"
    r"petitioners?|respondents?|appellants?|appellees?))\s"
)
_ROLE_TERMS = re.compile(rf"^(?:{_ROLE_WORD}|Parties|Party)$", re.IGNORECASE)


def defined_terms(text: str, entities: Sequence[FoundEntity]) -> dict[str, FoundEntity]:
    """Short names a paper defines for its parties (``_DEFINITION``) -> the entity named right
    before the parentheses (for "collectively", the first named in the 300 characters before;
    a case when the party's name was read as the case's short form); party roles
    ("Plaintiffs") are left to the caption."""
    if "(" not in text:
        return {}
    named = [(m.start, m.end, e) for e in entities if e.kind in {"person", "organization", "case"}
             for m in e.mentions]  # fmt: skip
    found: dict[str, FoundEntity] = {}
    for match in _DEFINITION.finditer(text):
        owner = None
        if match["all"]:  # the first of the list the parentheses close
            window = max(0, match.start() - 300)
            bounds = list(_LIST_START.finditer(text, window, match.start()))
            start = bounds[-1].end() if bounds else window
            first = [n for n in named if start <= n[0] <= start + 4]  # the list's first name
            owner = first[0][2] if first else None  # unless no entity holds it: never the next
        else:
            before = [n for n in named if n[1] <= match.start()
                      and _BEFORE_DEFINITION.match(text[n[1] : match.start()])]  # fmt: skip
            owner = max(before, key=lambda n: n[1])[2] if before else None
        if owner is None:
            continue
        for term in (match["quoted"], match["bare"], match["other"]):
            term = " ".join(term.split()) if term else None
            if term and term != owner.name and not _ROLE_TERMS.match(term):
                found.setdefault(term, owner)
    return found


#: A caption line that is only a party's name and its comma ("Harry Oliver WINKENHOWER,").
_NAME_LINE = re.compile(
    r"\n[ \t]*(?:\d{1,2}[ \t]+)?(?P<name>[A-Z][A-Za-z.'’&-]*(?:[ \t]+(?:&|[A-Z][A-Za-z.'’&-]*))"
    r"{0,5})(?:,?[ \t]+et[ \t]+al\.?)?,[ \t]*(?=\n)"
)


_CITY_STATE = re.compile(rf"^,[ \t]*(?i:{_STATE_NAMES})[ \t]*$")


def caption_parties(text: str) -> dict[str, tuple[str, int]]:
    """The first party a caption names for each role, as written, with where it stands."""
    found: dict[str, tuple[str, int]] = {}
    for match in _CAPTION_PARTY.finditer(text):
        name, role = match["name"] or match["inline"], match["role"] or match["inline_role"]
        if match["name"]:  # a heading's "San Antonio, Texas\n...\nHarry Oliver WINKENHOWER,
            # \nAppellant": the party is the name line nearest the role
            between = text[match.end("name") : match.start("role")]
            nearer = [m for m in _NAME_LINE.finditer(between) if m.start() > 0]
            place = _CITY_STATE.match(between.split("\n", 1)[0])
            if nearer and place:  # the first comma line was a place, not a party's name
                name = nearer[-1]["name"]
        name = " ".join(re.sub(r"(?m)^[ \t]*\d{1,2}[ \t]+", "", name).split())
        start = match.start("name") if match["name"] else match.start("inline")
        for word in re.split(r"[ \t]*[-—–/][ \t]*", role):
            found.setdefault(word.lower().rstrip("s"), (name, start))
    return found


#: A party's paper's title, in capitals, its filer's role first, at a line's start or after a
#: flattened caption's brackets or rule: "DEFENDANT'S REPLY BRIEF", "PLAINTIFFS’ OPPOSITION",
#: "PLAINTIFFS OPPOSED MOTION", ") ) ) DEFENDANT'S ANSWER". A role after "TO" ("REPLY TO
#: DEFENDANT'S OPPOSITION") is the other side's paper and never starts the match.
_FILER_TITLE = re.compile(
    r"(?:^|(?<=[)\]_])[ \t]*)[ \t]*(?P<role>PLAINTIFFS?|DEFENDANTS?|PETITIONERS?|RESPONDENTS?|"
    r"APPELLANTS?|APPELLEES?|MOVANTS?)(?:['’]S?|S['’])?[ \t]+(?:[A-Z][A-Z.,&-]*[ \t]+){0,4}?"
    r"(?:REPLY|MOTION|OPPOSITION|RESPONSE|BRIEF|MEMORANDUM|ANSWER|OBJECTIONS?|SUR-?REPLY|"
    r"NOTICE|PETITION|SUPPLEMENTAL|OPENING|STATEMENT)\b",
    re.MULTILINE,
)
_PARTY_ROLE = re.compile(
    r"(?:(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|movants?)"
    r"\s*)+"
)
#: A caption pairs each side with its appellate role: "Plaintiff—Appellant".
_CAPTION_PAIRING = re.compile(
    r"\b(?P<side>Plaintiffs?|Defendants?)\s*[-—–/]\s*(?P<role>Appellants?|Appellees?|"
    r"Petitioners?|Respondents?)\b"
)
_APPELLATE = re.compile(r"Circuit|Appeals", re.IGNORECASE)
#: Courts that review another court's decisions.
_REVIEWING = re.compile(r"Circuit|Appeal|Supreme", re.IGNORECASE)
#: A court's own name heading its opinion or order, on one of its first lines: "In the Missouri
#: Court of Appeals", "IN THE COURT OF WORKERS' COMPENSATION CLAIMS", "WORKERS' COMPENSATION
#: APPEALS BOARD", "United States Court of Appeals\nfor the Fifth Circuit" (the next line
#: completes it when it starts "for the"/"of the"). "Appeal from the ..." names the court below.
_CAPTION_COURT = re.compile(
    r"^[ \t]*(?:in[ \t]+the[ \t]+)?(?P<name>(?:[A-Z][\w.'’-]*[ \t]+(?:(?:of|for|the)[ \t]+)*)*"
    r"(?:Court|COURT|Board|BOARD|Tribunal|TRIBUNAL)\b(?:[ \t]+(?:of|OF|for|FOR|the|THE|"
    r"[A-Z][\w.'’-]*))*)[ \t]*(?:\n[ \t]*(?P<more>(?:for|of|FOR|OF)[ \t]+(?:the|THE)[ \t]+"
    r"[A-Z][\w.'’ \t-]*?))?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
#: How many of the first non-blank lines may hold the court's own name.
_CAPTION_LINES = 6
_SMALL_WORDS = {"of", "for", "the", "and", "at", "in"}


def caption_court(text: str) -> str | None:
    """The court a document's first lines name as its own (see ``_CAPTION_COURT``), in title
    case; None when none of them does."""
    lines = [line for line in text[:_CAPTION_CHARS].splitlines() if line.strip()]
    head = "\n".join(lines[: _CAPTION_LINES + 1])
    for match in _CAPTION_COURT.finditer(head):
        if head[: match.start()].count("\n") >= _CAPTION_LINES:
            return None
        name = " ".join(filter(None, (match["name"], match["more"])))
        words = name.split()
        if words[0].lower() in {"appeal", "appeals", "on", "from"}:
            continue  # "Appeal from the Circuit Court of ...": the court below
        if len(words) == 1:
            continue  # a bare "Court" (a margin's "United\nStates\nDistrict\nCourt") names none
        return _court_title(words)
    for match in _FEDERAL_COURT.finditer(text[:_CAPTION_CHARS]):
        if _HEADING_START.search(text[max(0, match.start() - 30) : match.start()]):
            return _court_title(match.group().split())  # a caption flattened on one line
    return None  # elsewhere ("Appeal from the ...", "certiorari to the ...") another court's


#: Where a court's own name heads its caption: a line's start, or "IN THE".
_HEADING_START = re.compile(r"(?:^|\n)[ \t]*(?:in[ \t]+the[ \t]+)?$|\bin[ \t]+the[ \t]+$", re.I)


#: Words that end a court's name a flattened caption runs on into: "... of Texas Before".
_NAME_ENDS = {"Before", "BEFORE", "Argued", "ARGUED", "Submitted", "No", "NO", "Judge", "JUDGE",
              "Hon", "Honorable", "D", "Civil", "CIVIL"}  # fmt: skip


def _court_words(name: str) -> list[str]:
    """A court's name as a caption writes it, without the words a flattened line runs on
    with ("... District of Texas Before DeMoss ...")."""
    federal = _FEDERAL_COURT.search(name)
    if federal is not None:
        return federal.group().split()
    words = name.split()
    end = next((i for i, w in enumerate(words) if w in _NAME_ENDS), len(words))
    return words[:end]


def _court_title(words: list[str]) -> str:
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else (w.capitalize() if w.isupper() else w)
        for i, w in enumerate(words)
    )


#: How many sentences back a pronoun or role noun may find its antecedent; in a hard-wrapped
#: text, whose every line is a sentence, as many more (up to ``_MAX_LOOK_BACK``) as reach
#: ``_SPAN`` characters back.
LOOK_BACK = 2
_MAX_LOOK_BACK = 8
_SPAN = 300
_COURT_LOOK_BACK = 600  # characters a filing's bare "the Court" looks back for a court's claim


_CIRCUIT_ABBREVIATION = re.compile(r"^(?P<n>\d{1,2})(?:st|nd|rd|th|d)\s+Cir\.$")
_ORDINAL_NAMES = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "5": "Fifth",
                  "6": "Sixth", "7": "Seventh", "8": "Eighth", "9": "Ninth", "10": "Tenth",
                  "11": "Eleventh"}  # fmt: skip
_PARTS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central",
          "M": "Middle"}  # fmt: skip
_STATES = {**us_states.NAMES, "D.C.": "Columbia"}  # "D.D.C.": the District of Columbia
#: A district court's abbreviation: "N.D. Cal." (a state's part) or "D. Del." (the whole state).
_DISTRICT_ABBREVIATION = re.compile(
    r"^(?:(?P<part>[NSEWCM])\.\s?)?D\.\s?(?P<state>[A-Z][A-Za-z.]*(?:\s?[A-Z]\.)?)$"
)


#: State courts as their citations name them (the Bluebook's abbreviations of the courts a
#: federal paper cites most).
_STATE_COURTS = {"Del. Ch.": "Delaware Court of Chancery", "Del.": "Delaware Supreme Court",
                 "Del. Super.": "Delaware Superior Court",
                 "Cal. Ct. App.": "California Court of Appeal",
                 "N.Y. App. Div.": "New York Appellate Division"}  # fmt: skip


def cited_court(parenthetical: str) -> str | None:
    """The court a citation's parenthetical names, as the courts' own names end: "9th Cir." is
    "Ninth Circuit", "D.C. Cir." "D.C. Circuit", "Fed. Cir." "Federal Circuit", "N.D. Cal."
    "Northern District of California", "D. Del." "District of Delaware", "Del. Ch."
    "Delaware Court of Chancery"; else None
    (a year alone)."""
    text = " ".join(parenthetical.split())
    circuit = _CIRCUIT_ABBREVIATION.match(text)
    if circuit and circuit["n"] in _ORDINAL_NAMES:
        return f"{_ORDINAL_NAMES[circuit['n']]} Circuit"
    if text in {"D.C. Cir.", "Fed. Cir."}:
        return "D.C. Circuit" if text.startswith("D.C.") else "Federal Circuit"
    if text in _STATE_COURTS:
        return _STATE_COURTS[text]
    district = _DISTRICT_ABBREVIATION.match(text)
    if district is None or district["state"] not in _STATES:
        return None
    part = f"{_PARTS[district['part']]} " if district["part"] else ""
    return f"{part}District of {_STATES[district['state']]}"


@dataclass
class Speaker:
    name: str | None
    slug: str | None = None
    entity: FoundEntity | None = None
    generic: bool = False  # a common noun that is no speaker ("the settlement")
    judicial: bool = False  # a judge or a court
    document: bool = False  # a filing speaking for its party ("the complaint alleges")
    first_person: bool = False  # "I", "we": whoever speaks the text (a transcript's turn)
    second_person: bool = False  # "you": whom the text speaks to (a transcript's addressee)


class SpeakerResolver:
    def __init__(
        self,
        doc: Doc,
        entities: Sequence[FoundEntity],
        *,
        court_voice: bool = False,
        filer_voice: bool = False,
    ) -> None:
        self.doc = doc
        self.court_voice = court_voice  # a court's own opinion or order: "we", "I" = the court
        self.filer_voice = filer_voice  # no opinion, order or transcript: "we" may be a filer
        self._filing_party: Speaker | bool | None = False  # False: not looked for yet
        self.entities = entities
        self.judges = [e for e in entities if e.kind == "person" and self._is_titled(e)]
        self.courts = [e for e in entities if e.kind == "court"]
        self.recent: list[tuple[int, FoundEntity]] = []  # (position, speaker of a claim)
        self.recent_courts: list[tuple[int, Speaker]] = []  # courts no entity holds
        #: (position, party) of earlier claims that accuse or allege: whose suit "the
        #: complaint" is when the text never says who filed it
        self.accusers: list[tuple[int, FoundEntity]] = []
        self._signed: str | bool | None = False  # False: not looked for yet
        self._caption_court: str | bool | None = False
        self._caption_parties: dict[str, tuple[str, int]] | None = None
        self._below: str | bool | None = None  # None: not looked for; False: none
        self._terms: dict[str, FoundEntity] | None = None

    def signed_judge(self) -> str | None:
        """The judge the document's caption or signature names ("the Court" in an order)."""
        if self._signed is False:
            text = text_of(self.doc)
            match = _SIGNED_JUDGE.search(text)
            written = None
            if match:
                written = match["name"] or match["caption"]
                written = written or f"{match['given']} {match['surname']}"
            else:
                caps = _CAPS_JUDGE.search(text[:_CAPTION_CHARS])
                honorable = _HONORABLE_LINE.search(text[:_CAPTION_CHARS])
                if caps is not None:
                    written = caps["name"]
                elif honorable is not None and self.court_voice:
                    written = honorable["name"]
            self._signed = (
                " ".join(w.capitalize() if w.isupper() else w for w in written.split())
                if written
                else None
            )
        return self._signed if isinstance(self._signed, str) else None

    def filing_party(self) -> Speaker | None:
        """Who files a party's paper whose "we" speaks for it: the party its title names by
        role ("DEFENDANT'S REPLY BRIEF", "PLAINTIFFS' OPPOSITION TO ...", ") ) DEFENDANT'S
        ANSWER"), as the caption names that party; None outside a filer's voice or when
        the title names no role first."""
        if self._filing_party is False:
            self._filing_party = None
            if self.filer_voice:
                title = _FILER_TITLE.search(text_of(self.doc)[: _CAPTION_CHARS * 4])
                if title is not None:
                    self._filing_party = self.party(title["role"])
        return self._filing_party if isinstance(self._filing_party, Speaker) else None

    def remember(self, position: int, speaker: Speaker, verb: str | None = None) -> None:
        if speaker.entity is not None:
            self.recent.append((position, speaker.entity))
            if (
                verb in _ACCUSING
                and not speaker.judicial
                and speaker.entity.kind in {"person", "organization"}
            ):
                self.accusers.append((position, speaker.entity))
        elif speaker.judicial and speaker.name is not None:
            self.recent_courts.append((position, speaker))  # a court only the text names

    def _is_titled(self, entity: FoundEntity) -> bool:
        text = text_of(self.doc)
        return any(
            _TITLE.search(text[max(0, m.start - 90) : m.start])
            or _TITLE_AFTER.match(text[m.end : m.end + 40])
            or (m.text.isupper() and _TITLE_AFTER_CAPS.match(text[m.end : m.end + 40]))
            or _TITLE_FIRST.match(m.text)  # the mention holds its title: "Judge Rita Lin"
            for m in entity.mentions
        )

    def speaker_of(self, entity: FoundEntity) -> Speaker:
        return self._speaker(entity)

    def _speaker(self, entity: FoundEntity) -> Speaker:
        owner = self._short_for(entity)
        if owner is not None:
            return owner
        judicial = entity.kind == "court" or entity in self.judges
        return Speaker(entity.name, entity.slug, entity, judicial=judicial)

    def _short_for(self, entity: FoundEntity) -> Speaker | None:
        """The party an entity stands for when it is only a short name the paper defines for
        it ("The Chapel", found as an organization, of "Calvary Chapel of Bangor (the
        Chapel)"): "Its verified complaint alleged" is the Chapel's."""
        if entity.kind not in {"person", "organization"}:
            return None
        if self._terms is None:
            self._terms = defined_terms(text_of(self.doc), self.entities)
        owner = self._terms.get(entity.name.removeprefix("The ").removeprefix("the "))
        if owner is None or owner is entity:
            return None
        if owner.kind == "case":
            return self._side_party(owner.name.split(" v. ", 1)[0])
        judicial = owner.kind == "court" or owner in self.judges
        return Speaker(owner.name, owner.slug, owner, judicial=judicial)

    def resolve(self, subject: Token) -> Speaker:
        if subject.lower_ in DOCUMENTS and _quantified(subject):
            return Speaker(None, generic=True)  # "Any reply brief worth filing says ...": generic
        if subject.lower_ in DOCUMENTS:  # its phrase may name the accused: "a suit accusing X"
            return self._document(subject)
        sovereign = self._government(subject)
        if sovereign is not None:
            return sovereign
        named_after = self._role_appositive(subject)
        if named_after is not None:
            return named_after
        our = self._our_supreme_court(subject)
        if our is not None:
            return our
        defined = self._defined_term(subject)
        if defined is not None and defined.kind == "case":  # the party a case's short form
            return self._case_party(defined, subject)  # names: "Calvary Chapel of Bangor
            # (the Chapel)", read as the case "Calvary Chapel of Bangor v. Mills"
        if defined is not None:
            return self._speaker(defined)  # "the Chapel" of "Calvary Chapel of Bangor (the Chapel)"
        named = self._named(subject)
        if named is not None and named.kind == "case":
            return self._case_party(named, subject)  # a case never speaks: its party does
        if named is not None:
            return self._speaker(named)
        if subject.lower_ in REPORTS:
            author = self._report_author(subject)
            if author is None or _quantified(subject):
                return Speaker(None, generic=True)
            return replace(self._speaker(author), document=True, judicial=False)
        titled = self._titled_person(subject)
        if titled is not None:  # "The president said ...": President Barack Obama
            return self._speaker(titled)
        role = _role_noun(subject)
        word = (role or subject).lower_
        if role is not None:
            cited = self.cited_in_sentence(role) or self._court_just_speaking(role)
            if cited is not None:
                return cited
            found = self._role(role)
            if found is None or found.kind == "court":
                signed = self._own_court_judge(role)
                if signed is not None:
                    return signed
                if self._own_court_role(role) and self.caption_court() is not None:
                    return self.authoring_court()  # "this Court", an order's "the Court finds"
                caption = self.caption_court() if self.court_voice else None
                if (
                    role.lower_ == "panel"
                    and found is None
                    and caption is not None
                    and (_APPELLATE.search(caption))
                ):
                    return Speaker(caption, judicial=True)  # "The panel held": the court writing
            if found is not None:
                return self._speaker(found)
            below = self._caption_court_below(role)
            if below is not None:
                return below  # "the district court found": the court the caption appeals from
            # a participant the text does not name ("the judge" of a story that never names
            # her) is a speaker, but no name
            judicial = word in JUDGE_ROLES | COURT_ROLES | AGENCY_JUDGE_ROLES
            return Speaker(None, judicial=judicial)
        if word in PERSON_PRONOUNS | ORG_PRONOUNS:
            kind = "person" if word in PERSON_PRONOUNS else "organization"
            if word == "it" and self.court_voice and subject.head.lower_ in RULING_VERBS:
                court = self.antecedent(subject, "court")  # "It then concluded": a court
                if court is not None:
                    return self._speaker(court)
                recent = self._recent_court(subject)
                if recent is not None:
                    return recent
            if word == "it" and not self.court_voice and _disposes_of_motion(subject):
                disposer = self._court_of_paper(subject)  # a filing's "it granted and denied
                if disposer is not None:  # the motion in part": only a court disposes of one
                    return disposer
            if word == "they":
                party = self.party_antecedent(subject)
                if party is not None:
                    return party
            found = self.antecedent(subject, kind)
            return self._speaker(found) if found is not None else Speaker(None)
        owner = _pronoun_owner(subject)
        if owner is not None:  # "his lawyers told the judge": the lawyers speak for him
            kind = "person" if owner.lower_ in {"his", "her"} else "organization"
            found = self.antecedent(owner, kind)
            return self._speaker(found) if found is not None else Speaker(None)
        if _pair(subject):  # "... the claims made by Ross Missaghi and Charles Thompson. The
            found = self._pair_before(subject)  # two alleged ...": the first of the pair
            return self._speaker(found) if found is not None else Speaker(None)
        represented = _represented(subject)
        if represented is not None:  # "A lawyer for the plaintiffs said ...": the party, whom
            return self.party(represented.lower_) or Speaker(None)  # the text may not name
        if _agent_of_unnamed(subject):  # "Counsel for the third party has requested ...": a
            return Speaker(None)  # party the text never names; the role phrase is no name
        if word in RELATIVE and subject.head.dep_ == "relcl":
            noun = subject.head.head  # "authors who allege ...": the authors
            found = entity_at(self.entities, noun.idx, noun.idx + len(noun.text))
            judge = self._judge_of_court(noun, found)
            if judge is not None:  # "granted by Judge Phyllis J. Hamilton of the U.S. District
                return self._speaker(judge)  # Court ..., which found ...": the judge rules
            if word == "which" and (found is None or found.kind == "person"):
                document = _document_above(noun)  # "his suit against OpenAI, Sam Altman, and
                if document is not None:  # Greg Brockman, which alleges ...": the suit
                    return self._document(document)
                if found is not None:
                    return Speaker(None, generic=True)  # "which" is never a person
            return self._speaker(found) if found else Speaker(None, generic=True)
        if word in FIRST_PERSON:
            label = self._numbered_label(subject)
            if label is not None:
                return label
            if self.court_voice and word == "we":
                return self.authoring_court()  # "For the following reasons, we AFFIRM."
            if self.court_voice and word == "i":
                return self.own_court()  # "I largely GRANT defendants' motions"
            if word == "we":
                filer = self.filing_party()
                if filer is not None:  # a party's paper: "In our opening brief, we demonstrated"
                    return replace(filer, first_person=True)
            return Speaker(None, first_person=word != "you", second_person=word == "you")
        cited_party = self.cited_case_party(subject)
        if cited_party is not None:
            return cited_party
        side = self.side_of(subject)
        if side is not None:
            found_party = self.party(side)
            if found_party is not None:
                return found_party
        outside = self.court_voice or self.filer_voice  # not a transcript's colloquy
        if outside and (self._party_role(subject) or self._the_party(subject)):
            return Speaker(None)  # "Plaintiffs allege" in an opinion, "which the plaintiffs
            # said" in a story: a party of the case, left unnamed
        if subject.tag_ in {"NNP", "NNPS"}:
            short = self._short_name(subject)
            if short is not None:
                return short
            if _descriptions(subject):  # "A HUNTS MILLS ASSOCIATES LLC, a New Jersey ...":
                return Speaker(_name_before(subject))  # the name, not its description
            return Speaker(_phrase(subject).text)
        nearby = self._person_before(subject)
        if nearby is not None and subject.ent_type_ in {"GPE", "LOC"}:
            return self._speaker(nearby)
        return Speaker(None, generic=True)

    def _defined_term(self, subject: Token) -> FoundEntity | None:
        """The entity a court paper defines a short name for in parentheses after its name
        ("Create and Construct, LLC (“Employer”)", "Calvary Chapel of Bangor (the Chapel)",
        "Plaintiffs CAE Integrated, LLC, and ... (collectively “CAE”)": the first named), when
        the subject is that short name."""
        if self._terms is None:
            self._terms = defined_terms(text_of(self.doc), self.entities)
        if not self._terms:
            return None
        words = [t.text for t in _phrase(subject) if t.dep_ not in {"det", "case", "punct"}]
        return self._terms.get(" ".join(words)) if words else None

    def _recent_court(self, subject: Token) -> Speaker | None:
        """The court of the last claim in the sentences a pronoun may look back to, when only
        the text names it (no court entity): "The district court found ... It denied ..."."""
        windows = self._windows(subject)
        start = windows[-1][0]
        found = [(p, s) for p, s in self.recent_courts if start <= p < subject.idx]
        return max(found, key=lambda f: f[0])[1] if found else None

    def _caption_court_below(self, role: Token) -> Speaker | None:
        """In a reviewing court's own opinion, "the court", "the district court", "the trial
        court" (in lower case) with no court entity to stand for: the court the caption's
        "Appeal from the ..." names, when its kind fits ("district" only a District Court)."""
        if not self.court_voice or role.text != "court" or self._below is False:
            return None
        if self._below is None:
            match = _APPEALED_FROM.search(text_of(self.doc)[: _CAPTION_CHARS * 2])
            self._below = _court_title(_court_words(match["court"])) if match else False
        below = self._below if isinstance(self._below, str) else None
        if below is None:
            return None
        kinds = {c.lower_ for c in role.children if c.dep_ in {"amod", "compound"}}
        if not kinds <= _BELOW_KINDS:
            return None
        if any(k in _COURT_NAME_WORDS and k not in below.lower() for k in kinds):
            return None  # "the district court" is no "Circuit Court of Jackson County"
        return Speaker(below, judicial=True)

    def _numbered_label(self, subject: Token) -> Speaker | None:
        """ "Count I asserts ...": a roman numeral after a label word is no pronoun. A count is
        the pleading party's (the caption's plaintiff, else unnamed); another label ("Part I",
        "Section I") speaks for no one."""
        if subject.text != "I" or subject.i == 0:
            return None
        before = self.doc[subject.i - 1]
        if before.text not in _LABELS:
            return None
        if before.lower_ == "count":
            return self.party("plaintiff") or Speaker(None)
        return Speaker(None, generic=True)

    def _government(self, subject: Token) -> Speaker | None:
        """ "the Government notes ..." in a party's paper: the caption's sovereign party
        ("THE UNITED STATES, Defendant.", "UNITED STATES OF AMERICA, Plaintiff,"), as the
        Department of Justice's briefs call the United States; None when the caption names no
        such party or "government" is qualified ("the Chinese government")."""
        if self.court_voice or subject.lower_ != "government":
            return None
        children = list(subject.children)
        if any(c.dep_ in {"amod", "compound", "poss"} for c in children) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in children
        ):
            return None
        if self._caption_parties is None:
            self._caption_parties = caption_parties(text_of(self.doc)[: _CAPTION_CHARS * 4])
        for written, _ in self._caption_parties.values():
            if _SOVEREIGN_PARTY.fullmatch(written):
                return Speaker("United States")
        return None

    def _role_appositive(self, subject: Token) -> Speaker | None:
        """A party role with the party's name in apposition ("Plaintiff, JAN KONOPCA
        (“Plaintiff”), ... alleges", "the Plaintiff, James S. Gordon, Jr., ... files"): that
        name, as the entity the text has there, else as written (in title case)."""
        if not _PARTY_ROLE.fullmatch(subject.lower_ + " "):
            return None
        appos = next(
            (c for c in subject.children if c.dep_ == "appos" and c.tag_ in {"NNP", "NNPS"}),
            None,
        )
        if appos is None:
            return None
        words = [t for t in appos.subtree if t.tag_ in {"NNP", "NNPS"} and t.i <= appos.i]
        if not words or words[0].i < subject.i:
            return None
        start, end = words[0].idx, appos.idx + len(appos.text)
        found = entity_at(self.entities, start, end)
        if found is not None and found.kind in {"person", "organization"}:
            return self._speaker(found)
        written = self.doc.text[start:end]
        return Speaker(" ".join(w.capitalize() if w.isupper() else w for w in written.split()))

    def _our_supreme_court(self, subject: Token) -> Speaker | None:
        """ "Our Supreme Court" in a state court's opinion: that state's supreme court
        ("Supreme Court of Missouri" in the Missouri Court of Appeals), whatever court an
        entity "Supreme Court" was linked to."""
        if not self.court_voice or subject.lower_ != "court":
            return None
        if not any(c.lower_ == "our" and c.dep_ == "poss" for c in subject.children):
            return None
        if not any(c.lower_ == "supreme" for c in subject.lefts):
            return None
        caption = self.caption_court() or ""
        state = next((name for name in us_states.NAMES.values() if name in caption), None)
        return Speaker(f"Supreme Court of {state}", judicial=True) if state else None

    def _short_name(self, subject: Token) -> Speaker | None:
        """A party named short, as opinions name parties after the caption: a proper noun
        that no entity covers but that begins exactly one entity's name ("Standard" for
        "Standard Insurance Company", "CEVA" for "CEVA Logistics U.S. Holdings") or is its
        initials ("the SEC" for "Securities and Exchange Commission"); "the State", "the
        People", "the Commonwealth" in a criminal case: the caption's "STATE OF MISSOURI"."""
        words = [t for t in _phrase(subject) if t.dep_ not in {"det", "poss", "case"}]
        if len(words) != 1 or not words[0].text[:1].isupper():
            return None
        short = words[0].text
        fits = [
            e
            for e in self.entities
            if e.kind in {"person", "organization", "court"}
            and e.name != short
            and (e.name.startswith(f"{short} ") or _initials(e.name) == short)
        ]
        if len(fits) == 1:
            return self._speaker(fits[0])
        if short.lower() in _SOVEREIGNS:
            caption = re.search(
                rf"^[ \t]*((?:THE[ ]PEOPLE[ ]OF[ ]THE[ ])?{short.upper()}[ ]OF[ ][A-Z][A-Z ]+?)"
                r"[ \t]*,",
                text_of(self.doc)[:_CAPTION_CHARS],
                re.MULTILINE,
            )
            if caption is not None:
                written = " ".join(w.lower() if w in _SMALL_CAPS else w.capitalize()
                                   for w in caption[1].split())  # fmt: skip
                return Speaker(written[0].upper() + written[1:])
        return None

    def _case_party(self, case: FoundEntity, subject: Token) -> Speaker:
        """A case name as a speaker ("Van Buren appealed ..., arguing" where "Van Buren" is
        read as "Van Buren v. United States"; "Kadrey v. Meta was a suit brought by ..."):
        the party of the side the words name, the first side for the whole case name, as the
        person or organization the text names so, else as written."""
        sides = case.name.split(" v. ", 1)
        written = _phrase(subject).text.strip()
        side = sides[0]
        if len(sides) == 2 and " v. " not in written and _side_name(sides[1]) in written:
            side = sides[1]
        return self._side_party(side)

    def _side_party(self, side: str) -> Speaker:
        """The first party of a case name's side, as the person or organization the text names
        so, else as written."""
        name = _side_name(side)
        if not name or name.lower().startswith("in re"):
            return Speaker(None)
        for entity in self.entities:
            if entity.kind not in {"person", "organization"}:
                continue
            if entity.name == name or entity.name.endswith(f" {name}"):
                judicial = entity in self.judges
                return Speaker(entity.name, entity.slug, entity, judicial=judicial)
        return Speaker(name)

    def _document(self, noun: Token) -> Speaker:
        """A filing as speaker: the party that filed it where the text says so ("xAI's
        lawsuit", "his complaint", "the suit filed by Musk", or an earlier "the lawsuit from
        xAI", "Musk sued ..."), else the document's name as written ("court filing")."""
        filer = self._filer(noun)
        group = _SAME_DOCUMENT.get(noun.lower_, {noun.lower_})
        start = max(0, noun.i - _FILER_LOOK_BACK)
        for token in reversed(self.doc[start : noun.i]):
            if filer is not None:
                break
            if token.lower_ in group or (group is _SUITS and token.lower_ in _SUING):
                filer = self._filer(token)
        if filer is None:  # "a lawsuit alleging ... The suit was filed by ... Megan Garcia"
            ahead = sent_of(noun).end
            for _ in range(_FILER_LOOK_AHEAD):
                if ahead >= len(self.doc) or filer is not None:
                    break
                sent = sent_of(self.doc[ahead])
                for token in sent:
                    if token.lower_ in group and filer is None:
                        filer = self._filer(token)
                ahead = sent.end
        if filer is not None:
            return replace(self._speaker(filer), document=True, judicial=False)
        side = _FILED_BY.get(noun.lower_)
        party = self.party(side) if side is not None else None
        if party is not None:  # "The complaint alleges": the caption's (or case's) plaintiff
            party.document = True
            return party
        accuser = self._accuser_before(noun) if side == "plaintiff" else None
        if accuser is not None:  # "The agency had accused Amazon ... according to the
            return replace(self._speaker(accuser), document=True)  # complaint": the agency's
        words = [c for c in noun.lefts if c.dep_ in {"compound", "amod"}]
        return Speaker(" ".join(t.text for t in [*words, noun]), document=True)

    def _report_author(self, noun: Token) -> FoundEntity | None:
        """Who wrote or released the report ``noun`` names: its owner ("Pew's study", "its
        report"), an organization or person compounded with it ("a Pew survey"), "by"/"from"
        X, "released/published by X", here or at an earlier mention of the same noun ("a new
        report released on Monday by Stanford University's Center on Poverty and Inequality
        ... As the report states: ...")."""
        start = max(0, noun.i - _FILER_LOOK_BACK)
        for token in [noun, *reversed(self.doc[start : noun.i])]:
            if token.lower_ != noun.lower_:
                continue
            for child in token.children:
                found = None
                if child.dep_ == "poss":
                    if child.lower_ in {"his", "her", "its", "their"}:
                        kind = "person" if child.lower_ in {"his", "her"} else "organization"
                        found = self.antecedent(child, kind)
                    else:
                        found = self._party(child)
                elif child.dep_ == "compound":
                    found = entity_at(self.entities, child.idx, child.idx + len(child.text))
                    if found is not None and found.kind not in {"person", "organization"}:
                        found = None
                elif child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                    found = next((self._party(g) for g in child.children if g.dep_ == "pobj"), None)
                elif child.dep_ == "acl" and child.lower_ in _RELEASING:
                    found = self._agent(child)
                if found is not None:
                    return found
        return None

    def _judge_of_court(self, noun: Token, found: FoundEntity | None) -> FoundEntity | None:
        """The judge a court is named for only as his or hers ("Judge X of the U.S. District
        Court ..."): a relative clause the parser hangs on that court speaks for the judge."""
        if found is None or found.kind != "court":
            return None
        text = text_of(self.doc)
        mention = next((m for m in found.mentions if m.start <= noun.idx < m.end), None)
        if mention is None:
            return None
        of = _OF_BEFORE.search(text, 0, mention.start)
        if of is None:
            return None
        for judge in self.judges:
            if any(m.end == of.start() for m in judge.mentions):
                return judge
        return None

    def _titled_person(self, subject: Token) -> FoundEntity | None:
        """ "The president", "the senator": the nearest person the text wrote before with that
        title ("President Barack Obama", "editor Jon Sopel"); none so written, no guess. Not a
        title with an owner or an "of" phrase ("the company's president", "the president of
        the union"): a participant the text may not have named."""
        word = subject.lower_
        if word not in PERSON_TITLES or subject.tag_ not in {"NN", "NNP"}:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        if any(c.dep_ in {"poss", "prep"} for c in subject.children):
            return None
        text = text_of(self.doc)
        best: tuple[int, FoundEntity] | None = None
        for entity in self.entities:
            if entity.kind != "person":
                continue
            for m in entity.mentions:
                if m.start >= subject.idx:
                    continue
                words = text[max(0, m.start - len(word) - _TITLE_REACH) : m.start].split()
                if words and words[-1].lower() == word and (best is None or m.start > best[0]):
                    best = (m.start, entity)
        return best[1] if best else None

    def _accuser_before(self, noun: Token) -> FoundEntity | None:
        """The party of the last claim before ``noun`` that accused or alleged (``remember``):
        in a story that never says who filed "the complaint" or "the lawsuit", the one who
        made the accusations it holds ("The agency had accused Amazon of ... About 35 million
        customers were affected, according to the complaint.")."""
        before = [(p, e) for p, e in self.accusers if p < noun.idx]
        return max(before, key=lambda f: f[0])[1] if before else None

    def _filer(self, token: Token) -> FoundEntity | None:
        """Who filed the document ``token`` names, or the subject of "sued"."""
        if token.lower_ in _SUING:
            return next(
                (self._party(c) for c in token.children if c.dep_ == "nsubj" and self._party(c)),
                None,
            )
        if token.dep_ == "nsubjpass" and token.head.lower_ in _FILING_VERBS:
            return self._agent(token.head)  # "The suit was filed by ... Megan Garcia"
        if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB":
            said = token.head.head  # "the US Trustee said in the filing": its filer
            subject = next((c for c in said.children if c.dep_ == "nsubj"), None)
            if subject is not None and _VERB_SAYS.match(said.lower_):
                return self._party(subject)
        for child in token.children:
            if child.dep_ == "poss":
                if child.lower_ in {"his", "her", "its", "their"}:
                    kind = "person" if child.lower_ in {"his", "her"} else "organization"
                    return self.antecedent(child, kind)
                return self._party(child)
            found = None
            if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                found = next((self._party(g) for g in child.children if g.dep_ == "pobj"), None)
            if child.dep_ == "acl" and child.lower_ in _FILING_VERBS:
                found = self._agent(child)
            if found is not None:
                return found
        return self._filer_after(token)

    def _agent(self, verb: Token) -> FoundEntity | None:
        for agent in (g for g in verb.children if g.dep_ == "agent"):
            return next((self._party(g) for g in agent.children if g.dep_ == "pobj"), None)
        return None

    def _filer_after(self, noun: Token) -> FoundEntity | None:
        """ "a lawsuit from Elon Musk's startup xAI that ...", "the suit, filed by xAI, ...",
        read from the words when the parse hangs "from"/"by" elsewhere: the first party named
        (an organization before a person; not an owner: "Musk's") between "from"/"by" and the
        next clause."""
        doc = noun.doc
        end = min(len(doc), noun.i + 12, sent_of(noun).end)
        by = next((t for t in doc[noun.i + 1 : end] if t.lower_ in {"from", "by"}), None)
        if by is None or any(t.lower_ not in _FILING_VERBS and t.pos_ in {"VERB", "AUX"}
                             for t in doc[noun.i + 1 : by.i]):  # fmt: skip
            return None
        stop = next(
            (t.i for t in doc[by.i + 1 : end]
             if t.lower_ in _CLAUSE_STOPS or t.is_punct or t.tag_ == "VBG"),
            end,
        )  # fmt: skip
        if stop <= by.i + 1:
            return None
        start_char, end_char = doc[by.i + 1].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        owners = [t.idx for t in doc[by.i + 1 : stop] if t.dep_ == "poss" or (
            t.i + 1 < len(doc) and doc[t.i + 1].text in _POSSESSIVE)]  # fmt: skip
        found: list[tuple[int, int, FoundEntity]] = []
        for entity in self.entities:
            if entity.kind not in {"organization", "person"}:
                continue
            for m in entity.mentions:
                inside = start_char <= m.start and m.end <= end_char
                if inside and not any(m.start <= o < m.end for o in owners):
                    found.append((entity.kind != "organization", m.start, entity))
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def _party(self, token: Token) -> FoundEntity | None:
        """The party a phrase names: the entity at its head, else the organization in it
        ("Elon Musk's artificial intelligence startup xAI"), else the person."""
        found = entity_at(self.entities, token.idx, token.idx + len(token.text))
        if found is not None:
            return found if found.kind in {"person", "organization"} else None
        span = _phrase(token)
        owners = {t.idx for t in span if t.dep_ == "poss"}  # "Musk's startup": not Musk
        inside = [
            e
            for e in self.entities
            if _mentioned_in(e, span.start_char, span.end_char)
            and not any(
                t.idx in owners for m in e.mentions for t in span if m.start <= t.idx < m.end
            )
        ]
        for kind in ("organization", "person"):
            found = next((e for e in inside if e.kind == kind), None)
            if found is not None:
                return found
        return None

    def own_court(self) -> Speaker:
        """The document's own court ("the motion is GRANTED"): its only titled judge, else the
        judge its signature names, else the court its heading names, else its only court;
        else a court without a name."""
        if len(self.judges) == 1:
            return self._speaker(self.judges[0])
        signed = None if self.judges else self.signed_judge()
        if signed is not None:
            return Speaker(signed, judicial=True)
        caption = self.caption_court()
        if caption is not None:  # "This matter is remanded": the court its heading names
            return Speaker(caption, judicial=True)
        text = text_of(self.doc)
        own = [  # never the court a caption appeals from
            c
            for c in self.courts
            if not any(
                _APPEAL_FROM.search(text[max(0, m.start - 30) : m.start]) for m in c.mentions
            )
        ]
        if len(own) == 1 and len(self.courts) == 1:
            return self._speaker(own[0])
        return Speaker(None, judicial=True)

    def authoring_court(self) -> Speaker:
        """The court whose opinion this is, speaking as "we": the court its caption names
        first (within the first lines), else the document's own court (``own_court``)."""
        caption = self.caption_court()
        first = self._authoring_entity()
        if caption is not None and (first is None or first.name.lower() != caption.lower()):
            return Speaker(caption, judicial=True)
        return self._speaker(first) if first is not None else self.own_court()

    def caption_court(self) -> str | None:
        """The court the document's first lines name as its own (an opinion's or order's)."""
        if self._caption_court is False:
            self._caption_court = caption_court(text_of(self.doc)) if self.court_voice else None
        return self._caption_court if isinstance(self._caption_court, str) else None

    def side_of(self, subject: Token) -> str | None:
        """Which side of the caption a capitalised party role names: "Plaintiffs",
        "Defendants-Appellants", "Defendants/Appellants" by their words; "Appellees",
        "Petitioner" by the caption's own pairing ("Plaintiff—Appellant", "Defendants—
        Appellees"); None for anything else or when the caption does not pair them."""
        words = [t for t in subject.lefts if t.dep_ == "compound"] + [subject]
        lower = not all(t.text[:1].isupper() for t in words)
        if lower and not self._bare_role(subject):
            return None  # "a plaintiff", "any defendant": no defined term
        roles = " ".join(t.text.lower() for t in words)
        if not _PARTY_ROLE.fullmatch(roles.replace("/", " ").replace("-", " ")):
            return None
        if lower:  # a party's paper in the Government's style: "plaintiff argues that ..."
            if self._caption_parties is None:
                self._caption_parties = caption_parties(text_of(self.doc)[: _CAPTION_CHARS * 4])
            role = roles.split()[-1].rstrip("s")
            if role in self._caption_parties:
                return role
            # an opinion's "defendant characterized ...": the party the text names so
            # ("defendant Christopher Liles"); without one, no defined term
            named = self.court_voice and self._named_in_role(role) is not None
            return role if named else None
        for side in ("plaintiff", "defendant"):
            if side in roles:
                return side
        role = roles.split()[-1].rstrip("s")
        paired = {
            m["side"].lower().rstrip("s")
            for m in _CAPTION_PAIRING.finditer(text_of(self.doc)[: _CAPTION_CHARS * 2])
            if m["role"].lower().rstrip("s") == role
        }
        if len(paired) == 1:
            return paired.pop()
        if self._caption_parties is None:
            self._caption_parties = caption_parties(text_of(self.doc)[: _CAPTION_CHARS * 4])
        if role in self._caption_parties:
            return role  # "Petitioner,": its own
        # "Flora L. Mills, appellant, alleged ...": the party the text names in that role
        return role if self._named_in_role(role) is not None else None

    @staticmethod
    def _bare_role(subject: Token) -> bool:
        """A lower-case role with no article or only "the" ("plaintiff argues", "the
        defendants contend"): how some parties' papers (the Government's among them) write
        the defined term; "a plaintiff", "any defendant" are no party."""
        return all(c.lower_ == "the" for c in subject.children if c.dep_ in {"det", "poss"}) and (
            not any(c.dep_ in {"amod", "compound"} for c in subject.children)
        )

    def _the_party(self, subject: Token) -> bool:
        """ "the plaintiff states ...", "appellant contends ..." in a court's own paper: a
        party (in lower case, with no article but "the"), even when the text never names it."""
        return (
            subject.tag_ in {"NN", "NNS"}
            and bool(_PARTY_ROLE.fullmatch(subject.lower_ + " "))
            and self._bare_role(subject)
        )

    @staticmethod
    def _party_role(subject: Token) -> bool:
        """A capitalised party role as a court paper's defined term: "Plaintiffs",
        "Defendants-Appellants", "Petitioner"."""
        words = [t for t in subject.lefts if t.dep_ == "compound"] + [subject]
        if not all(t.text[:1].isupper() for t in words):
            return False
        roles = " ".join(t.text.lower() for t in words).replace("/", " ").replace("-", " ")
        return bool(_PARTY_ROLE.fullmatch(roles))

    def party(self, word: str) -> Speaker | None:
        """A party role as a filing's defined term ("Plaintiffs", "Defendants", "Petitioner",
        "Appellees"): the first party the caption names in that role, else the first party the
        text names with the role word before it ("Plaintiff Christopher Williams"), else the
        first party on that side of the document's first case name ("Andersen v. Stability
        AI"); as the entity the text has there when there is one."""
        role = word.lower().rstrip("s")
        text = text_of(self.doc)
        if self._caption_parties is None:
            self._caption_parties = caption_parties(text[: _CAPTION_CHARS * 4])
        if role in self._caption_parties:
            written, start = self._caption_parties[role]
            found = next(
                (e for e in self.entities if e.kind in {"person", "organization"}
                 and any(m.start < start + len(written) and start < m.end for m in e.mentions)),
                None,
            )  # fmt: skip
            if found is not None:
                return self._speaker(found)
            return Speaker(" ".join(w.capitalize() if w.isupper() else w for w in written.split()))
        named = self._named_in_role(role)
        if named is not None:
            return self._speaker(named)
        as_written = self._written_in_role(role)
        if as_written is not None:
            return Speaker(as_written)
        if role not in {"plaintiff", "defendant", "petitioner", "respondent"}:
            return None
        heading = [  # the paper's own case, as its heading names it: a precedent the body
            (e.mentions[0].start, e)  # cites ("Authors Guild v. Google, 804 F.3d ...") is
            for e in self.entities  # another case, whose parties are not this paper's
            if e.kind == "case" and " v. " in e.name and e.mentions
            and e.mentions[0].start < _CAPTION_CHARS * 2
        ]  # fmt: skip
        if not heading:
            return None
        case = min(heading, key=lambda found: found[0])[1]
        side = case.name.split(" v. ")[0 if role in {"plaintiff", "petitioner"} else 1]
        name = re.split(r",| et al\b", side)[0].strip()
        if not name or name.lower().startswith("in re"):
            return None
        found = next((e for e in self.entities if e.kind != "case" and e.name == name), None)
        return self._speaker(found) if found is not None else Speaker(name)

    def _written_in_role(self, role: str) -> str | None:
        """The proper name the text writes first right after the role word when no entity
        holds it ("Plaintiff Energizer, LLC commenced ...": "Energizer"), as written."""
        text = text_of(self.doc)
        for match in _ROLE_THEN_NAME.finditer(text):
            if match["role"].lower().rstrip("s") != role:
                continue
            first = self.doc.char_span(match.start("name"), match.end("name"), "expand")
            if first is None or first[0].tag_ not in {"NNP", "NNPS"}:
                continue
            words = match["name"].split()
            if words[0] in _NOT_NAMES:
                continue
            return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)
        return None

    def _named_in_role(self, role: str) -> FoundEntity | None:
        """The first person or organization the text names right after a role word
        ("Plaintiff Christopher Williams", "Defendants Oculus VR, Inc. and ...")."""
        text = text_of(self.doc)
        best: tuple[int, FoundEntity] | None = None
        for entity in self.entities:
            if entity.kind not in {"person", "organization"}:
                continue
            for m in entity.mentions:
                if best is not None and m.start >= best[0]:
                    continue
                match = _ROLE_BEFORE.search(text[max(0, m.start - 60) : m.start])
                match = match or _ROLE_AFTER.match(text[m.end : m.end + 30])
                if match and match["role"].lower().rstrip("s") == role:
                    best = (m.start, entity)
        return best[1] if best else None

    def _own_court_role(self, role: Token) -> bool:
        """ "this Court", or a capitalised "the Court" without a kind ("the District Court")
        in a court's own opinion or order: the court writing it."""
        if not self.court_voice or role.lower_ != "court":
            return False
        if any(c.dep_ == "det" and c.lower_ == "this" for c in role.children):
            return True
        kinds = any(c.dep_ in {"amod", "compound"} for c in role.children)
        return role.text == "Court" and not kinds

    def _own_court_judge(self, role: Token) -> Speaker | None:
        """ "The Court GRANTS" in an order signed by a judge no entity names: that judge."""
        if role.text != "Court" or self.judges:
            return None
        if any(child.dep_ == "amod" or child.dep_ == "compound" for child in role.children):
            return None  # "the District Court", "the trial Court": another court
        name = self.signed_judge()
        return Speaker(name, judicial=True) if name else None

    def _named(self, subject: Token) -> FoundEntity | None:
        span = _first_member(subject)
        described = _descriptions(subject)
        inside = [
            e
            for e in self.entities
            if _mentioned_in(e, span.start_char, span.end_char)
            and not any(
                a <= m.start < b
                for m in e.mentions
                if span.start_char <= m.start < span.end_char
                for a, b in described
            )
        ]
        people = [e for e in inside if e.kind == "person"]
        named_agent = [e for e in people if not self._possessor_in(e, span)]
        if len(people) > 1 and named_agent:  # "Hwang's lawyer Barry Berke urged", "according
            return named_agent[0]  # to Musk's attorney Marc Toberoff": the one named, not whose
        if people:
            return people[0]
        head = entity_at(self.entities, subject.idx, subject.idx + len(subject.text))
        if head is not None and head.kind != "place":
            return head
        # a product modifying the head ("The ChatGPT maker says") is not who speaks
        others = [e for e in inside if e.kind not in {"place", "product"}]
        if head is None and inside and not others and _role_noun(subject) is not None:
            return None  # the role: "the ChatGPT maker" is its maker
        if others:
            return others[0]
        if head is not None or inside:  # a place is no speaker: the parse went astray
            return self._person_before(subject)
        return None

    def _possessor_in(self, entity: FoundEntity, span: Span) -> bool:
        """Whether every mention of ``entity`` in ``span`` is a possessive ("Musk's")."""
        text = text_of(self.doc)
        inside = [m for m in entity.mentions if span.start_char <= m.start < span.end_char]
        return bool(inside) and all(
            text[m.end : m.end + 2] in _POSSESSIVE or text[m.end : m.end + 1] in _POSSESSIVE
            for m in inside
        )

    def _person_before(self, subject: Token) -> FoundEntity | None:
        """The last person named before the subject in its sentence."""
        sent = sent_of(subject)
        best: tuple[int, FoundEntity] | None = None
        for entity in self.entities:
            if entity.kind != "person":
                continue
            for m in entity.mentions:
                if sent.start_char <= m.start < subject.idx and (best is None or m.start > best[0]):
                    best = (m.start, entity)
        return best[1] if best else None

    def _role(self, role: Token) -> FoundEntity | None:
        word = role.lower_
        if word in JUDGE_ROLES and _indefinite(role):
            return _next(self.judges, role.idx)  # "A US judge ruled ...": a judge not yet named
        if word in JUDGE_ROLES:
            return _nearest(self.judges, role.idx)
        if word == "court":
            if any(c.dep_ == "det" and c.lower_ == "this" for c in role.children):
                return self._authoring_entity()  # "this Court": the court the paper is in
            kinds = [c.lower_ for c in role.children if c.dep_ in {"amod", "compound"}]
            if kinds:  # "the District Court" in a Supreme Court syllabus is another court
                named = [c for c in self.courts if all(k in c.name.lower() for k in kinds)]
                if not named and not set(kinds) & _COURT_NAME_WORDS:
                    # "the trial court", "the motion court", "the lower court": a role, not
                    # a name; in a reviewing court's opinion, the court below
                    return self._court_below(role) or self._story_judge(role)
                return self._unique_or_nearest(named, role.idx) or self._story_judge(role)
            lower = self._court_below(role)
            if lower is not None:
                return lower
            judge = _nearest(self.judges, role.idx)
            if judge is not None and len(self.judges) == 1:
                return judge
            return self._unique_or_nearest(self.courts, role.idx)
        if word in {"panel", "tribunal"}:
            appellate = [c for c in self.courts if _APPELLATE.search(c.name)]
            return self._unique_or_nearest(appellate, role.idx)  # else, below: its caption's
        if word in ORG_ROLES:
            return self.antecedent(role, "party")  # a court is no company, agency or government
        if word == "alj":  # "the ALJ": the administrative law judge the text names so
            named = [e for e in self.entities if e.kind == "person" and self._is_alj(e)]
            return named[0] if len(named) == 1 else None
        return None

    def _court_of_paper(self, subject: Token) -> Speaker | None:
        """The court a party's paper speaks of when it says "the court" with no kind: its one
        judge, else the one court named or the nearest before (as ``_role`` reads "the
        court")."""
        if len(self.judges) == 1:
            return self._speaker(self.judges[0])
        assigned = None if self.judges else self.signed_judge()
        if assigned is not None:  # "Judge: Hon. Josephine L. Staton" in the paper's caption
            return Speaker(assigned, judicial=True)
        found = self._unique_or_nearest(self.courts, subject.idx)
        return self._speaker(found) if found is not None else None

    def cited_in_sentence(self, role: Token) -> Speaker | None:
        """Outside a court's own paper, a bare "the court" whose sentence ends in a citation
        naming its court ("In the lawsuit arising out of ..., the court criticized ...,
        Twitter, Inc. v. Musk, ... (Del. Ch. Aug. 23, 2022)."): the court the citation names,
        as the court entity holding that name when there is one."""
        if self.court_voice or role.lower_ != "court":
            return None
        if any(c.dep_ in {"amod", "compound"} or c.lower_ == "this" for c in role.children):
            return None  # "the District Court", "this Court": named otherwise
        sent = role.sent
        text = text_of(self.doc)[role.idx : sent.end_char]
        match = _SENTENCE_CITATION.search(text)
        if match is None:
            return None
        name = cited_court(match["court"])
        if name is None:
            return None
        entity = next((c for c in self.courts if c.name.endswith(name)), None)
        if entity is not None:
            return self._speaker(entity)
        return Speaker(name, judicial=True)

    def _court_just_speaking(self, role: Token) -> Speaker | None:
        """Outside a court's own paper, a bare "the Court" right after another claim of a
        court or judge (in the sentences a pronoun looks back to, or the 600 characters
        before: a wrapped brief's sentences are long) is that court: a petition's "The
        District Court issued an order ..., denying ... The Court concluded that ..." is the
        district court, not the Supreme Court its caption addresses."""
        if self.court_voice or role.lower_ != "court":
            return None
        if any(c.dep_ in {"amod", "compound"} or c.lower_ == "this" for c in role.children):
            return None
        start = min(self._windows(role)[-1][0], role.idx - _COURT_LOOK_BACK)
        judicial = [
            (position, entity)
            for position, entity in self.recent
            if start <= position < role.idx and (entity.kind == "court" or entity in self.judges)
        ]
        if not judicial:
            return None
        return self._speaker(max(judicial, key=lambda found: found[0])[1])

    def _story_judge(self, role: Token) -> FoundEntity | None:
        """ "A U.S. court on Tuesday denied ..." in a story (not a court's own paper) that names
        no such court but one judge ("U.S. District Judge Yvonne Gonzalez Rogers ... said"):
        that judge, as a bare "the court" already is."""
        if self.court_voice or len(self.judges) != 1:
            return None
        return self.judges[0]

    def _is_alj(self, entity: FoundEntity) -> bool:
        text = text_of(self.doc)
        return any(
            _ALJ_TITLE.search(text[max(0, m.start - 30) : m.start])
            or _ALJ_AFTER.match(text[m.end : m.end + 40])
            for m in entity.mentions
        )

    def _authoring_entity(self) -> FoundEntity | None:
        """The court the document's caption names first (its own court, or the court a
        filing is made in)."""
        text = text_of(self.doc)
        head = min(len(text), _CAPTION_CHARS)
        return min(
            (
                e
                for e in self.courts
                if e.mentions
                and e.mentions[0].start < head
                and not _APPEAL_FROM.search(
                    text[max(0, e.mentions[0].start - 30) : e.mentions[0].start]
                )
            ),
            key=lambda e: e.mentions[0].start,
            default=None,
        )

    def _court_below(self, role: Token) -> FoundEntity | None:
        """In an appellate court's own opinion, "the court" (in lower case: not "this Court",
        not the Court of a Supreme Court opinion) is the court whose decision is reviewed: the
        one other court named before it, or the nearest such."""
        if not self.court_voice or role.text != "court":
            return None
        own = self._authoring_entity()
        caption = self.caption_court()
        if not _REVIEWING.search(caption or (own.name if own is not None else "")):
            return None
        below = [c for c in self.courts if c is not own and c.name != caption]
        return _nearest(
            below, role.idx, before_only=True
        )  # named before: never a court cited later

    @staticmethod
    def _unique_or_nearest(entities: list[FoundEntity], position: int) -> FoundEntity | None:
        if len(entities) == 1:
            return entities[0]
        return _nearest(entities, position, before_only=True)

    def party_antecedent(self, pronoun: Token) -> Speaker | None:
        """A plural pronoun ("they", "their") whose nearest plural subject before it (in its
        sentence, else in the sentences a pronoun looks back to) is a party's role as the
        paper's defined term: that party. "First, the Defendants know the facts. They hold the
        record and admit that ...", "the Defendants persist in their argument that ..."; None
        when the nearest plural subject is anything else ("the agencies concluded ...; they
        concluded ...")."""
        for start, end in self._windows(pronoun):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in reversed(span):
                if token.i >= pronoun.i or token.dep_ not in {"nsubj", "nsubjpass"}:
                    continue
                if token.lower_ == "they":
                    continue  # the same pronoun before: look further back
                plural_role = token.lower_.endswith("s") and bool(
                    _PARTY_ROLE.fullmatch(token.lower_ + " ")
                )  # "Defendants", which the tagger may read as a singular proper noun
                if token.tag_ not in {"NNS", "NNPS"} and not plural_role:
                    continue  # a singular subject: no antecedent of "they"
                if token.i + 1 < len(self.doc) and self.doc[token.i + 1].text in _POSSESSIVE:
                    continue  # "Plaintiffs’ claims": a possessor misread as a subject
                side = self.side_of(token)
                return self.party(side) if side is not None else None
        return None

    def cited_case_party(self, subject: Token) -> Speaker | None:
        """A lower-case party role inside the parenthetical that follows a citation ("Ocean
        Advocates v. ..., 2004 U.S. App. LEXIS 28034 (9th Cir. 2005) (finding that plaintiff
        had standing where plaintiff alleged ...)"): the cited case's party on that side (its
        first for a plaintiff or petitioner, its second for a defendant or respondent), never
        the party of the paper's own caption; None when no case is named there."""
        if subject.text[:1].isupper() or not _PARTY_ROLE.fullmatch(subject.lower_ + " "):
            return None
        text = text_of(self.doc)
        opening = text.rfind("(", max(0, subject.idx - 400), subject.idx)
        if opening < 0 or ")" in text[opening : subject.idx]:
            return None
        if not _CITATION_BEFORE.search(text[max(0, opening - 40) : opening + 1]):
            return None
        cases = [
            (m.start, e)
            for e in self.entities
            if e.kind == "case" and " v. " in e.name
            for m in e.mentions
            if opening - 300 <= m.start < opening
        ]
        if not cases:
            return Speaker(None)
        case = max(cases, key=lambda found: found[0])[1]
        sides = case.name.split(" v. ", 1)
        first = subject.lower_.rstrip("s") in {"plaintiff", "petitioner", "appellant"}
        return self._side_party(sides[0] if first else sides[1])

    def antecedent(self, subject: Token, kind: str) -> FoundEntity | None:
        """The entity of ``kind`` before ``subject`` in its sentence, else in one of the
        ``LOOK_BACK`` sentences before: the only one there, or the only grammatical subject or
        earlier speaker there. None when it is not clear."""
        objects = self._objects_of(subject)
        for start, end in self._windows(subject):
            found = [e for e in self._candidates(start, end, kind) if e not in objects]
            if len(found) > 1:
                found = [e for e in found if self._is_subject_in(e, start, end)]
            if len(found) == 1:
                return found[0]
            if found:
                return None
        return None

    def _objects_of(self, subject: Token) -> list[FoundEntity]:
        """The entities named in the objects of the verb ``subject`` is the subject of: "The
        agency had accused Amazon of ...": "the agency" is not Amazon."""
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        spans = [
            (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
            for child in subject.head.children
            if child.dep_ in {"dobj", "dative", "iobj"}
            for tokens in [list(child.subtree)]
        ]
        return [
            e for e in self.entities if any(a <= m.start < b for m in e.mentions for a, b in spans)
        ]

    def _windows(self, subject: Token) -> list[tuple[int, int]]:
        sent = sent_of(subject)
        windows = [(sent.start_char, subject.idx)]
        for step in range(_MAX_LOOK_BACK):
            if sent.start == 0 or (step >= LOOK_BACK and subject.idx - sent.start_char >= _SPAN):
                break  # two sentences, more while they are a hard-wrapped text's short lines
            sent = sent_of(self.doc[sent.start - 1])
            windows.append((sent.start_char, sent.end_char))
        return windows

    def _candidates(self, start: int, end: int, kind: str) -> list[FoundEntity]:
        found: list[FoundEntity] = []
        cases = [
            (m.start, m.end)
            for e in self.entities
            if e.kind == "case"
            for m in e.mentions
            if m.start < end and start < m.end
        ]
        quoted = _quotations(text_of(self.doc), start, end)
        for entity in self.entities:
            if _kind_fits(entity.kind, kind) and any(
                start <= m.start < end
                and not any(a <= m.start < b for a, b in cases)
                and not any(a <= m.start < b for a, b in quoted)
                for m in entity.mentions
            ):  # a party inside a case name ("Thaler v. Perlmutter") is no antecedent, nor
                found.append(entity)  # a name inside a quotation ("“If Sam Altman ...,” he said")
        for position, entity in self.recent:
            if start <= position < end and _kind_fits(entity.kind, kind) and entity not in found:
                found.append(entity)
        for entity in self._defined_in(start, end):
            if _kind_fits(entity.kind, kind) and entity not in found:
                found.append(entity)  # "Employee was guiding a wheelbarrow ... He reported"
        return found

    def _pair_before(self, subject: Token) -> FoundEntity | None:
        """The first of the last two parties named as a pair ("X and Y") in the subject's
        sentence before it or in the sentences a pronoun may look back to."""
        for start, end in self._windows(subject):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            pairs = []
            for token in span:
                if token.idx >= subject.idx:
                    break
                first = entity_at(self.entities, token.idx, token.idx + len(token.text))
                if first is None or first.kind not in {"person", "organization"}:
                    continue
                for other in token.children:
                    if other.dep_ != "conj":
                        continue
                    second = entity_at(self.entities, other.idx, other.idx + len(other.text))
                    if second is not None and second is not first:
                        pairs.append(first)
            if pairs:
                return pairs[-1]
        return None

    def _defined_in(self, start: int, end: int) -> list[FoundEntity]:
        """The parties whose defined short names ("Ruben Diaz (“Employee”)") the text uses
        between ``start`` and ``end``: mentions of them as much as their names are."""
        if self._terms is None:
            self._terms = defined_terms(text_of(self.doc), self.entities)
        text = text_of(self.doc)[start:end]
        return [
            owner
            for term, owner in self._terms.items()
            if owner.kind != "case" and re.search(rf"(?<![\w“\"]){re.escape(term)}\b", text)
        ]

    def _is_subject_in(self, entity: FoundEntity, start: int, end: int) -> bool:
        if any(start <= pos < end and e is entity for pos, e in self.recent):
            return True
        for mention in entity.mentions:
            if not start <= mention.start < end:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in _SUBJECTS or (root.dep_ == "conj" and root.head.dep_ in _SUBJECTS):
                return True
        return False


#: A quantifier before a filing makes it any filing, not one that speaks ("Any reply brief
#: worth filing says something new").
_QUANTIFIERS = {"any", "every", "each", "no", "all"}
#: The caption's sovereign party: "UNITED STATES", "UNITED STATES OF AMERICA".
_SOVEREIGN_PARTY = re.compile(r"(?i)(?:the\s+)?united\s+states(?:\s+of\s+america)?")


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted passages between ``start`` and ``end`` (paired curly quotes, else straight
    quotes in pairs from ``start``)."""
    window = text[start:end]
    curly = [(start + m.start(), start + m.end()) for m in _CURLY.finditer(window)]
    straight = [(start + m.start(), start + m.end()) for m in _STRAIGHT.finditer(window)]
    return curly + straight


_CURLY = re.compile(r"“[^“”]*”")
_STRAIGHT = re.compile(r'"[^"]*"')


def _document_above(noun: Token) -> Token | None:
    """The filing a relative clause's misattached noun belongs to: "suit" in "his suit against
    OpenAI, Sam Altman, and Greg Brockman, which alleges ...", where the parser hangs the
    clause on the last name of the list."""
    current = noun
    for _ in range(6):
        if current.lower_ in DOCUMENTS and current.i != noun.i:
            return current
        if current.dep_ not in {"conj", "pobj", "prep", "appos"} or current.head.i == current.i:
            return None
        current = current.head
    return current if current.lower_ in DOCUMENTS and current.i != noun.i else None


def _descriptions(subject: Token) -> list[tuple[int, int]]:
    """A pleading's description of a party in apposition to its name ("A HUNTS MILLS
    ASSOCIATES LLC, a New Jersey Limited Liability Company, ...", "RED ARMY CORPORATION, a
    Delaware corporation"): an indefinite noun phrase, never the party's name."""
    out = []
    for child in subject.children:
        if child.dep_ != "appos" or child.i < subject.i:
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in child.children):
            tokens = list(child.subtree)
            out.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return out


def _name_before(subject: Token) -> str:
    """The name a subject phrase writes up to its head, with the capitalised words the parse
    left outside it ("A HUNTS MILLS ASSOCIATES LLC": "A Hunts Mills Associates LLC"); words
    in capitals in title case, short ones (LLC, LP) as written."""
    sent = sent_of(subject)
    start = _phrase(subject).start
    while start > sent.start and subject.doc[start - 1].text.isupper():
        start -= 1
    words = subject.doc[start : subject.i + 1].text.split()
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)


def _quantified(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in noun.children)


def _initials(name: str) -> str:
    """ "Securities and Exchange Commission" -> "SEC"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_SOVEREIGNS = {"state", "people", "commonwealth"}
#: A role in apposition after the party's name: "Flora L. Mills, appellant, alleged ...".
_ROLE_AFTER = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?P<role>(?i:plaintiff|defendant|petitioner|respondent|appellant|"
    r"appellee)s?)[ \t]*,"
)
#: A role word and the name it introduces: "Plaintiff Energizer, LLC", "defendant Jack Maxwell".
_ROLE_THEN_NAME = re.compile(
    r"(?<![\w-])(?<!Counterclaim )(?<!Third-Party )(?P<role>(?i:plaintiff|defendant|petitioner|"
    r"respondent|appellant|appellee)s?)[ \t]+(?P<name>[A-Z][\w&'’-]*(?:[ \t]+(?:&|[A-Z][\w&'’.-]*"
    r"[\w&'’-])){0,3})"
)
_NOT_NAMES = {"The", "THE", "Counsel", "COUNSEL", "Motion", "MOTION", "Plaintiff", "Defendant",
              "Plaintiffs", "Defendants", "Appellant", "Appellee", "And", "AND", "I", "A", "An",
              "In", "On", "For", "To", "Pro", "Does", "Doe"}  # fmt: skip
#: The court below a caption names: "Appeal from the United States District Court for the
#: Southern District of Texas", "On Appeal from the Circuit Court of Jackson County".
_APPEALED_FROM = re.compile(
    r"\b(?i:appeal(?:ed)?[ \t]+from[ \t]+the)[ \t]+(?P<court>(?:[A-Z][\w.'’-]*[ \t]+"
    r"(?:(?:of|for|the)[ \t]+)*)*(?:Court|COURT)\b(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:of|for|the|OF|"
    r"FOR|THE|[A-Z][\w'’-]*))*)"
)
#: Modifiers of "court" that may name the court below.
_BELOW_KINDS = {"district", "trial", "lower", "circuit", "county", "superior", "bankruptcy"}
#: Words a roman numeral numbers ("Count I", "Part I"): the "I" after them is no pronoun.
_LABELS = {"Count", "COUNT", "Claim", "CLAIM", "Part", "PART", "Section", "SECTION", "Article",
           "ARTICLE", "Title", "TITLE", "Exhibit", "EXHIBIT", "Phase", "Volume", "Schedule",
           "Appendix", "Chapter", "Point", "POINT"}  # fmt: skip
#: An administrative law judge's title: "ALJ Smith", "Administrative Law Judge Jane Smith",
#: "Jane Smith, Administrative Law Judge".
_ALJ_TITLE = re.compile(r"\b(?:ALJ|Administrative Law Judge)\s*$")
_ALJ_AFTER = re.compile(r"^,?\s*(?:an?\s+|the\s+)?(?:ALJ|Administrative Law Judge)\b")
#: A caption's "Appeal from the Circuit Court of ...", "On appeal from the ...": the court
#: below, never the court writing.
_APPEAL_FROM = re.compile(r"(?i)\bappeal(?:ed)?\s+from\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?$")
#: Words of a court's name ("the district court" is the court so named); other modifiers of
#: "court" are roles ("trial", "motion", "lower", "sentencing").
_COURT_NAME_WORDS = {"district", "circuit", "supreme", "appellate", "appeals", "bankruptcy",
                     "federal", "state", "county", "superior", "chancery", "claims", "tax",
                     "family", "probate", "municipal", "juvenile", "magistrate"}  # fmt: skip
_SMALL_CAPS = {"OF", "THE"}


def _nearest(
    entities: Sequence[FoundEntity], position: int, *, before_only: bool = False
) -> FoundEntity | None:
    """The entity mentioned last before ``position``, else (cataphora: "A federal judge ...
    Judge Rita Lin said") the first mentioned after it."""
    before = [(m.start, e) for e in entities for m in e.mentions if m.start < position]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    if before_only:
        return None
    after = [(m.start, e) for e in entities for m in e.mentions if m.start >= position]
    return min(after, key=lambda pair: pair[0])[1] if after else None


def _indefinite(noun: Token) -> bool:
    """ "A judge", "a federal judge", "an appeals court judge": a referent the text introduces
    here, never one it has named before (a roundup's next section: "A US judge ruled it was not
    fair use ... A summary judgment from US Circuit Judge Stephanos Bibas found ...")."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _next(entities: Sequence[FoundEntity], position: int) -> FoundEntity | None:
    """The entity mentioned first after ``position``."""
    after = [(m.start, e) for e in entities for m in e.mentions if m.start >= position]
    return min(after, key=lambda pair: pair[0])[1] if after else None


def _kind_fits(kind: str, wanted: str) -> bool:
    if wanted == "party":
        return kind == "organization"
    if wanted == "organization":
        return kind in {"organization", "court"}
    return kind == wanted


def _mentioned_in(entity: FoundEntity, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in entity.mentions)


_AGENTS = {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "spokesperson", "spokesman",
           "spokeswoman", "representative", "representatives", "spokespeople"}  # fmt: skip


def _pronoun_owner(subject: Token) -> Token | None:
    """The possessive pronoun of an agent noun ("his lawyers", "its spokesperson")."""
    if subject.lower_ not in _AGENTS:
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.lower_ in {"his", "her", "its", "their"}:
            return child
    return None


def _pair(subject: Token) -> bool:
    """ "The two", "the pair", "both" as a subject: two parties named before."""
    if subject.lower_ == "both" and not list(subject.children):
        return True
    return (
        subject.lower_ in {"two", "pair"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        and not any(c.dep_ in {"prep", "amod", "compound"} for c in subject.children)
    )


def _represented(subject: Token) -> Token | None:
    """The party role an agent noun speaks for: "A lawyer for the plaintiffs", "attorneys for
    the defendants" (a named party is found in the phrase before this is asked)."""
    if subject.lower_ not in _AGENTS:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            for role in prep.children:
                if role.dep_ == "pobj" and _PARTY_ROLE.fullmatch(role.lower_ + " "):
                    return role
    return None


_MOTIONS = {"motion", "motions", "request", "requests", "petition", "application", "objection",
            "objections"}  # fmt: skip


def _disposes_of_motion(subject: Token) -> bool:
    """ "it granted and denied the motion in part": a ruling verb whose object is a motion."""
    verb = subject.head
    if subject.dep_ not in {"nsubj", "nsubjpass"} or verb.lower_ not in RULING_VERBS:
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(o.dep_ == "dobj" and o.lower_ in _MOTIONS for v in verbs for o in v.children)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
#: A citation's court parenthetical closing a sentence: "(Del. Ch. Aug. 23, 2022).",
#: "(N.D. Cal. 2007)".
_SENTENCE_CITATION = re.compile(
    rf"\((?P<court>[A-Z][A-Za-z. ]{{1,30}}?)\s+(?:{_MONTH}\s+\d{{1,2}},\s+)?\d{{4}}\)[.;]?\s*$"
)


def _agent_of_unnamed(subject: Token) -> bool:
    """An agent noun for a party only a common noun describes ("Counsel for the third party",
    "a lawyer for the company"): a named party is found in the phrase before this is asked."""
    if subject.lower_ not in _AGENTS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in {"for", "of"}
        and any(
            obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.ent_type_ == ""
            for obj in prep.children
        )
        for prep in subject.children
    )


def _role_noun(subject: Token) -> Token | None:
    """A role noun heading the subject or inside it ("a statement from the company")."""
    roles = JUDGE_ROLES | COURT_ROLES | ORG_ROLES | AGENCY_JUDGE_ROLES
    if subject.lower_ in roles:
        return subject
    for token in subject.subtree:
        if token.lower_ in roles and token.dep_ == "pobj":
            return token
    return None


def _side_name(side: str) -> str:
    """The first party of a case name's side: "Meta Platforms, Inc., et al." -> "Meta
    Platforms"."""
    return re.split(r",| et al\b", side)[0].strip()


def _phrase(subject: Token) -> Span:
    subtree = list(subject.subtree)
    return subject.doc[subtree[0].i : subtree[-1].i + 1]


def _first_member(subject: Token) -> Span:
    """The subject's phrase up to its first coordinated member: "this Court and the Ninth
    Circuit have repeatedly held" is the first one's ("this Court"), as a group speaks by its
    first named member; the whole phrase when nothing is coordinated."""
    span = _phrase(subject)
    cut = [c.i for c in subject.children if c.dep_ in {"cc", "conj"} and c.i > subject.i]
    if not cut:
        return span
    end = min(cut)
    while end > span.start + 1 and subject.doc[end - 1].dep_ == "punct":
        end -= 1
    return subject.doc[span.start : end]


#: A citation's closing parenthetical before a parenthetical of its own: "... 2004 U.S. App.
#: LEXIS 28034, *17-18 (9th Cir. 2005)\n\n(finding that plaintiff had standing ...".
_CITATION_BEFORE = re.compile(r"\d{4}\)[\s\d]*\($")
