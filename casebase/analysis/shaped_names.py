"""Names of court papers found by their shape, which the small statistical NER misses or
splits (issue 17, round six): statutes named by their head "Act" ("Texas Deceptive Trade
Practices Act", "Tucker Act", "Securities Exchange Act of 1934") and government bodies named
"<body> of <place>" ("City of El Paso", "Town of Bristol", "STATE OF MISSOURI", "The State of
Texas"), a party in every court's captions. Also the structural tests of what in a court
paper is no name: a chain of abbreviations ("Asst. Atty. Gen.", "Defs. 56.1 Stmt.", "Kan.
Stat. Ann.") and the clerk's signature ("CHRISTOPHER M. WOLPERT, Clerk")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebase.analysis import us_states


@dataclass(frozen=True)
class ShapedName:
    start: int
    end: int
    text: str
    kind: str  # "law" | "organization"


_CAP = r"[A-Z][\w'’.-]*"
_CONNECTOR = r"(?:of|and|the|for|on|to|in|&)"
#: A statute's name: capitalised words (lower-case connectors between them, one line break
#: inside) ending in "Act", with the year the name may carry ("Act of 1934").
_STATUTE = re.compile(
    rf"(?<![\w'’.&-]){_CAP}(?:[ ](?:{_CONNECTOR}[ ])*{_CAP})*?"
    r"[ ]Act(?:[ ]of[ ]\d{4})?(?![\w-])"
)
#: A law's head before "and" inside a match: two laws named together ("Texas Insurance Code
#: and Deceptive Trade Practices Act"); the second is the match's.
_LAW_HEAD_AND = re.compile(r".*\b(?:Act|Code|Rules?|Amendment|Constitution|Clause)[ ](?:and|&)[ ]")
#: An outline label, a number or a roman numeral ("A.", "VII", "42"): no word of a name.
_LABEL_WORD = re.compile(r"^(?:[A-Z]\.|[IVXL]+\.?|\d[\w.]*)$")
#: Words that open a sentence or a phrase before a statute's name and are no part of it
#: ("Under the Copyright Act", "See the Sherman Act", "Plaintiff's Lanham Act claim").
_NOT_NAME_WORDS = frozenset({
    "the", "this", "that", "these", "those", "under", "see", "in", "of", "section", "sections",
    "pursuant", "per", "title", "both", "its", "their", "his", "her", "our", "a", "an", "and",
    "or", "by", "to", "for", "with", "unlike", "like", "because", "although", "while", "each",
    "every", "whether", "cf.", "but", "also", "id.", "as", "on", "at", "from", "into", "was",
    "is", "plaintiff", "plaintiffs", "defendant", "defendants", "violated", "violating",
    "alleged", "claims", "claim", "count", "counts", "new", "former", "federal", "state",
    "&", "when", "if", "after", "before", "any", "no", "not", "all", "such",
})  # fmt: skip
#: A government body as a party: "City of El Paso", "Town of Bristol", "County of Los
#: Angeles", "STATE OF MISSOURI", "The State of Texas", "Commonwealth of Pennsylvania",
#: "People of the State of New York". A state body names a state of the Union.
_STATE_NAMES = "|".join(
    re.escape(n) for n in sorted(us_states.ABBREVIATIONS, key=len, reverse=True) if "." not in n
)
_BODY = re.compile(
    r"(?<![\w.])(?:(?:THE|The)[ ])?"
    r"(?:(?:(?i:State|Commonwealth)(?:[ ]of[ ]the[ ]State)?|People[ ]of[ ]the[ ]State"
    r"|PEOPLE[ ]OF[ ]THE[ ]STATE)[ ](?i:of)\s(?P<state>(?i:" + _STATE_NAMES + r"))"
    r"|(?:City|CITY|Town|TOWN|County|COUNTY|Village|VILLAGE|Borough|BOROUGH|Township"
    r"|TOWNSHIP)[ ](?:of|OF)[ ](?P<place>[A-Z][A-Za-z'’.-]+(?:[ ][A-Z][A-Za-z'’.-]+){0,2}))"
    r"(?![\w])"
)
#: A place ends before a word that begins an office's or a body's name ("STATE OF NEW YORK
#: OFFICE OF PARKS" is the office, "City of Boston Police Department" the department).
_BODY_AFTER = re.compile(
    r"^[ ](?:Office|OFFICE|Department|DEPARTMENT|Dep't|Police|POLICE|Board|BOARD|"
    r"Division|DIVISION|Bureau|BUREAU|Council|COUNCIL|School|SCHOOL|Commission|COMMISSION)\b"
)
#: A preposition before the body: the place it governs is meant ("under the laws of the State
#: of California", "admitted to practice in the State of California", "a citizen of the State
#: of Alabama"), not the party.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|of|within|throughout|at|from|to|under|across|IN|OF)[ ](?:the[ ]|THE[ ])?$"
)
#: A notarial certificate's venue: "STATE OF NEW YORK )\n) ss.:".
_VENUE_AFTER = re.compile(r"^[ \t]*\)?[ \t]*\n?[ \t]*\)?[ \t]*(?:ss|SS|Ss)\b")
_VENUE_BEFORE = re.compile(r"\b(?:ss|SS|Ss)\.?:?[ \t]*\n[ \t]*(?:\d{1,2}[ \t]+)?$")
_OF_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[ ](?:of|OF)(?:[ ](?:the|THE))?[ ]$")
_PLACE_STOP = frozenset({
    "Department", "Police", "Board", "Office", "Council", "School", "Commission", "Bureau",
    "Division", "Court", "Attorney", "Sheriff",
})  # fmt: skip


def statute_names(text: str) -> list[ShapedName]:
    """Statutes by their head "Act": the capitalised words before it, without a sentence's or
    phrase's opening words ("Under the Copyright Act" is "Copyright Act")."""
    if " Act" not in text:
        return []
    found = []
    for m in _STATUTE.finditer(text):
        start, name = m.start(), m.group(0)
        two = _LAW_HEAD_AND.match(name)
        if two:
            start, name = start + two.end(), name[two.end() :]
        words = re.split(r"(\s+)", name)
        # words: [w0, sep, w1, sep, ...]; drop leading words that are no part of a name
        while len(words) > 3 and (
            words[0].lower().rstrip(",") in _NOT_NAME_WORDS
            or words[0].endswith(("'s", "’s"))
            or _LABEL_WORD.match(words[0])
        ):
            start += len(words[0]) + len(words[1])
            words = words[2:]
        name = "".join(words)
        if len(words) < 3 or words[0].lower() in _NOT_NAME_WORDS or not words[0][:1].isupper():
            continue
        found.append(ShapedName(start, start + len(name), name, "law"))
    return found


def government_bodies(text: str) -> list[ShapedName]:
    """Government bodies named "<body> of <place>" (``_BODY``), as organizations; not when an
    office's name goes on after the place ("STATE OF NEW YORK OFFICE OF PARKS")."""
    if " of " not in text and " OF " not in text:
        return []
    found = []
    for m in _BODY.finditer(text):
        start, end = m.start(), m.end()
        if m["place"]:
            words = m["place"].split(" ")
            while len(words) > 1 and words[-1] in _PLACE_STOP:
                words.pop()
            end = m.start("place") + len(" ".join(words))
            if words[0] in _PLACE_STOP:
                continue
        before = text[max(0, start - 30) : start]
        if _BODY_AFTER.match(text[end : end + 14]) or _OF_BEFORE.search(before):
            continue  # an office's name, or part of a longer name ("Supreme Court of the State of")
        venue = _VENUE_AFTER.match(text[end : end + 20]) or _VENUE_BEFORE.search(before)
        if _PLACE_BEFORE.search(before) or venue:
            continue  # the place: "the laws of the State of California", a jurat's venue
        name = text[start:end]
        if name.startswith(("The ", "THE ")):
            start, name = start + 4, name[4:]
        found.append(ShapedName(start, end, name, "organization"))
    return found


#: An abbreviated word: three or more letters and a full stop ("Asst.", "Atty.", "Defs.",
#: "Stmt.", "Kan.", "Decl.").
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z]{1,5}$")
#: What follows an abbreviation's full stop when no sentence ends there: another abbreviated
#: word, a number, a paragraph or section sign, a lower-case word, a comma or a bracket.
_GOES_ON = re.compile(r"^\.(?!\s*Id\.)(?:[ ]?[A-Z][A-Za-z]{0,5}\.|[ ]?[\d¶§,;:]|[ ][a-z])")


def is_abbreviation_chain(text: str, start: int, end: int) -> bool:
    """A name whose every word is a short word written with a full stop after which the text
    goes on ("Asst. Atty. Gen.", "Defs. 56.1 Stmt. ¶ 1", "Kan. Stat. Ann. §§", "Muegge
    Decl., ¶ 2" is not: "Muegge" has no stop): the Bluebook's and the record's abbreviations,
    no name. Initials ("J.") and corporate suffixes are not checked here."""
    pos = start
    words = text[start:end].split(" ")
    for word in words:
        bare = word.rstrip(".")
        if not _ABBREVIATION.match(bare):
            return False
        word_end = pos + len(bare)
        if not _GOES_ON.match(text[word_end : word_end + 8]):
            return False
        if re.search(rf"(?<![\w.]){re.escape(bare)}(?![\w.])", text):
            return False  # written without its stop too ("Ross" mid-sentence): a name
        pos += len(word) + 1
    return True


#: The clerk's signature: a name signed with ", Clerk" ("CHRISTOPHER M. WOLPERT, Clerk"), or
#: over "Deputy Clerk" (a certificate of service); a filing stamp's "Lyle W. Cayce / Clerk" is
#: a stamp, not a signature block, and stays.
_CLERK_AFTER = re.compile(
    r"^(?:,[ ]*(?:Deputy[ ])?(?:Clerk|CLERK)|[ \t]*\n[ \t]*(?:Deputy|DEPUTY)[ ](?:Clerk|CLERK))\b"
)


def is_clerk_signature(text: str, end: int) -> bool:
    """The name ending at ``end`` signs as the clerk (page furniture, like counsel's block)."""
    return bool(_CLERK_AFTER.match(text[end : end + 24]))


#: A law firm alone on its line of an appearance list (after a line number or a "For
#: Defendant:" label): "RAMSEY & EHRLICH LLP", "LAW OFFICE OF ADAM G. GASNER", "KLUGER
#: PERETZ KAPLAN & BERLIN", "Potter Anderson & Corroon LLP".
_FIRM_WORD = r"[A-Z][A-Za-z'’.-]*"
_FIRM_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?:(?:For|FOR)[ ][^:\n]{1,40}:[ \t]*)?"
    r"(?P<firm>(?:LAW[ ]OFFICES?|Law[ ]Offices?)[ ](?:OF|of)[ ][A-Z][A-Za-z.'’ -]+"
    rf"|{_FIRM_WORD}(?:,?[ ](?:&[ ])?{_FIRM_WORD})*,?[ ]"
    r"(?:LLP|LLC|L\.L\.P\.|PLLC|P\.C\.|LP|P\.A\.)"
    r"|[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*[ ]&[ ][A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*)"
    r"[ \t]*$"
)
#: A government lawyers' office alone on its line of an appearance list (issue 17, round
#: nine): "UNITED STATES ATTORNEY'S OFFICE", "U. S. ATTORNEY'S OFFICE", "OFFICE OF CORPORATION
#: COUNSEL", "Office of the County Counsel".
_OFFICE_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?:(?:For|FOR)[ ][^:\n]{1,40}:[ \t]*)?"
    r"(?P<firm>(?:THE[ ]|The[ ])?(?:UNITED[ ]STATES|United[ ]States|U\.[ ]?S\.)[ ]"
    r"(?:ATTORNEY|Attorney)[’']?[Ss][ ](?:OFFICE|Office)"
    r"|(?:OFFICE|Office)[ ](?:OF|of)[ ](?:(?:THE|the)[ ])?[A-Z][A-Za-z'’.]+"
    r"(?:[ ](?:[A-Z][A-Za-z'’.]+|OF|of|THE|the|FOR|for))*?[ ][A-Z][A-Za-z'’.]+)"
    r"[ \t]*$"
)
_NOT_FIRM = re.compile(r"\b(?:REPORTERS?|Reporters?|COURT|Court|ATTORNEYS?|DISTRICT)\b")


def appearance_firms(text: str) -> list[ShapedName]:
    """Law firms of an opinion's or a transcript's appearance list (annotated, unlike a
    pleading's attorney block, which the text stage marks as furniture): a firm's name alone
    on its line, by its shape (``_FIRM_LINE``), in a text with an "APPEARANCES" heading."""
    if not any(h in text for h in ("APPEARANCES", "Appearances", "A P P E A R A N C E S")):
        return []
    found = []
    for m in _FIRM_LINE.finditer(text):
        firm = m.group("firm").rstrip(" ,")
        if _NOT_FIRM.search(firm):
            continue  # "SOUTHERN DISTRICT REPORTERS, P.C.", a court's or an office's name
        found.append(ShapedName(m.start("firm"), m.start("firm") + len(firm), firm, "organization"))
    for m in _OFFICE_LINE.finditer(text):
        if not any(f.start < m.end("firm") and m.start("firm") < f.end for f in found):
            found.append(ShapedName(m.start("firm"), m.end("firm"), m["firm"], "organization"))
    return found
