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
#: of Alabama", a member's heading "A REPRESENTATIVE IN CONGRESS FROM THE STATE OF MARYLAND"),
#: not the party.
_PLACE_BEFORE = re.compile(
    r"\b(?i:in|of|within|throughout|at|from|to|under|across)[ ](?:the[ ]|THE[ ])?$"
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


#: A law firm or company named by a run of surnames joined by commas, "&" or "and" and closed
#: by its corporate suffix (issue 17, round nine; captions and counsel lists of opinions):
#: "Patterson, Thuente, Skaar & Christensen, P.A.", "Lommen, Abdo, Cole, King & Stageberg, PA",
#: "Otten Johnson Robinson Neff and Ragonetti PC", "COX AND COX, LLP". The small model keeps
#: only the last names before the suffix ("Skaar & Christensen, P.A.", "Ragonetti PC").
_RUN_SUFFIX = (
    r"(?P<suffix>P\.A\.|PA|P\.C\.|PC|L\.L\.P\.|LLP|L\.L\.C\.|LLC|P\.L\.L\.C\.|PLLC|Ltd\.|LTD\.?)"
)
#: A surname of the run: capitalised or in capitals, never a corporate suffix itself.
_RUN_WORD = (
    r"(?!(?:LLC|LLP|PLLC|INC|CORP|LTD|PA|PC|LP|CO)\b)"
    r"(?:[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?|[A-Z]{2,})"
)
#: Single surnames between commas, "&" or "and" before the last ("Patterson, Thuente, Skaar
#: & Christensen, P.A."), or words with spaces and "&" or "and" between ("Otten Johnson
#: Robinson Neff and Ragonetti PC", "COX AND COX, LLP"): a person's full name before a comma
#: ("Elissa Amlin Buchanan, Joseph Saveri Law Firm, LLP") is none of a firm's.
_RUN_AND = r"[ ](?:&|and|AND)[ ]"
_SURNAME_RUN = re.compile(
    rf"(?<![\w.&’'-])(?:{_RUN_WORD}(?:,[ ]{_RUN_WORD})+,?{_RUN_AND}{_RUN_WORD}"
    rf"|{_RUN_WORD}(?:[ ]{_RUN_WORD})*(?:{_RUN_AND}{_RUN_WORD}(?:[ ]{_RUN_WORD})*)+)"
    rf",?[ ]{_RUN_SUFFIX}(?![\w-])"
)
#: The word or initial just before a run: a role word, or the end of a person's name.
_NAME_BEFORE = re.compile(r"(?:([A-Z][A-Za-z'’]+)|[A-Z]\.)[ ]$")
_RUN_CONNECTOR = re.compile(r",[ ](?=\w)|[ ]&[ ]|[ ](?:and|AND)[ ]")
#: Words that open a sentence, a role or a label before a firm's name and are none of it.
_RUN_OPENERS = frozenset({
    "plaintiff", "plaintiffs", "defendant", "defendants", "appellant", "appellants", "appellee",
    "appellees", "respondent", "respondents", "petitioner", "petitioners", "counsel", "and",
    "attorneys", "attorney", "for", "of", "in", "on", "by", "see", "the", "v", "vs", "both",
    "against", "between", "with", "from", "to", "intervenor", "intervenors", "movant",
    "claimant", "claimants", "debtor", "debtors", "creditor", "creditors", "division", "esq",
})  # fmt: skip


def surname_firms(text: str) -> list[ShapedName]:
    """Firms and companies by their shape (``_SURNAME_RUN``): at least two names before the
    suffix, a comma, "&" or "and" between two of them, without the role or function words
    that open the run, and not alone on its line (``appearance_firms`` reads an appearance
    list's; elsewhere that is a counsel's block); Pennsylvania's code "PA" is a firm's suffix
    only after "&" or "and" and before no ZIP code ("Pittsburgh, PA", "Bala Cynwyd, PA 19004"
    are places)."""
    found = []
    for m in _SURNAME_RUN.finditer(text):
        name = m.group(0)
        before = _NAME_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        if before and (before[1] or "").lower() not in _RUN_OPENERS:
            # a person's surname opens it ("Tiffany Cheung, Morrison & Foerster LLP", "Michael
            # J. Flynn, MORRIS, NICHOLS, ARSHT & TUNNELL LLP"): the firm starts after the comma
            if ", " not in name or re.match(r"[^,]*[ ](?:&|and|AND)[ ]", name):
                continue
            name = name[name.index(", ") + 2 :]
        while True:
            first = re.match(r"[A-Za-z'’]+(?:,[ ]|[ ]&[ ]|[ ])", name)
            if not first or first.group(0).rstrip(", &").lower() not in _RUN_OPENERS:
                break
            name = name[first.end() :]
            name = re.sub(r"^(?:&|and|AND)[ ]", "", name)  # "Defendant and Acme, LLC"
        body = name[: len(name) - len(m["suffix"])].rstrip(", ")
        words = [w for w in re.split(r",[ ]|[ ]&[ ]|[ ](?:and|AND)[ ]|[ ]", body) if w]
        if len(words) < 2 or not _RUN_CONNECTOR.search(body) or _NOT_FIRM.search(body):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if re.fullmatch(r"[ \t]*(?:\d{1,2}[ \t]+)?" + re.escape(m.group(0)) + r"[ \t,]*", line):
            continue  # alone on its line: a counsel's block (furniture) or an appearance list's
        if m["suffix"] == "PA" and (
            re.match(r"[ ]\d{5}", text[m.end() : m.end() + 6]) or not re.search(r"&|\band\b", body)
        ):
            continue  # a state code: "One Belmont Avenue, Bala Cynwyd, PA 19004"
        found.append(ShapedName(m.end() - len(name), m.end(), name, "organization"))
    return found


#: The caption's reach: its parties are listed at the top of the paper.
CAPTION_CHARS = 5000
#: A role word that closes a caption's side ("PLAINTIFFS,", "Defendants.", "Appellee").
_ROLE = re.compile(
    r"\b(?i:plaintiffs?|defendants?|appellants?|appellees?|respondents?|petitioners?)\b"
)
_NAME_PART = r"(?:[A-Z][A-Za-z'’-]+|[A-Z]\.(?:[A-Z]\.)?)"
#: A person listed as a party: two to four names or initials, first and last a name, with a
#: generational suffix ("RONALD L. HUBER", "ROBERT G. TAYLOR, II", "JOSEPH B. COX, JR.").
_PARTY_PERSON = re.compile(
    r"^[A-Z][A-Za-z'’-]+(?:[ ]" + _NAME_PART + r"){0,2}[ ][A-Z][A-Za-z'’-]+"
    r"(?:,?[ ](?:JR\.|Jr\.|SR\.|Sr\.|II|III|IV))?$"
)
#: A company listed as a party: at most six words closed by a corporate suffix.
_PARTY_COMPANY = re.compile(
    r"^[A-Z][\w'’.&-]*(?:,?[ ][\w'’.&-]+){0,5},?[ ]"
    r"(?:INC\.|Inc\.|CORP\.|Corp\.|LLC|L\.L\.C\.|LLP|L\.L\.P\.|PLLC|P\.C\.|P\.A\.|LTD\.?|Ltd\.?)$"
)
_PARTY_NOT = re.compile(r"\b(?:OF|of|THE|The|the|DOES|Does|COURT|Court|DISTRICT|District)\b")
#: What follows a party's name in its item: a description ("a New Jersey Limited Liability
#: Company", "INDIVIDUALLY AND ON BEHALF OF ...", "Civil No. ...") after a comma, or the role.
_PARTY_TAIL = re.compile(
    r",[ ](?!(?:INC|Inc|CORP|Corp|LLC|LLP|PLLC|P\.C\.|P\.A\.|LTD|Ltd|JR|Jr|SR|Sr|II|III|IV)"
    r"(?![A-Za-z]))"
    r"|[ ]+" + _ROLE.pattern
)


def caption_parties(text: str) -> list[ShapedName]:
    """Parties of a caption that lists them with semicolons between (issue 17, round nine):
    "RONALD L. HUBER; WILLIAM J. AIRGOOD; ... AND WILLIAM DEEM, INDIVIDUALLY ... PLAINTIFFS,",
    "ROBERT G. TAYLOR, P.C.; PRITCHARD LAW FIRM, PLLC; ... AND COX AND COX, LLP DEFENDANTS.".
    A side of the caption is a line (or the part of one between "v." and the next) with two
    semicolons at least and a role word after the last; each item is a person
    (``_PARTY_PERSON``) or a company (``_PARTY_COMPANY``) by its shape, else nothing (a
    flattened caption's first party runs into the court's name and fits neither)."""
    head = text[:CAPTION_CHARS]
    if head.count(";") < 2:
        return []
    found = []
    for side in re.finditer(r"(?m)(?:^|(?<=\bv\.[ ])|(?<=\bvs\.[ ]))[^\n]*?$", head):
        segment = side.group(0)
        parts = segment.split(";")
        if len(parts) < 3 or not _ROLE.search(parts[-1]):
            continue
        offset = side.start()
        for part in parts:
            lead = len(part) - len(part.lstrip())
            item = part.strip()
            opener = re.match(r"(?:and|AND)[ ]", item)
            if opener:
                lead, item = lead + opener.end(), item[opener.end() :]
            tail = _PARTY_TAIL.search(item)
            if tail:
                item = item[: tail.start()]
            for name, at in _party_names(item):
                start = offset + lead + at
                found.append(ShapedName(start, start + len(name), name, _party_kind(name)))
            offset += len(part) + 1
    return [f for f in found if f.kind]


def _party_names(item: str) -> list[tuple[str, int]]:
    """The item itself, or two people joined by "and" ("HILMA MULLINS AND WILLIAM DEEM")."""
    if not item or _PARTY_NOT.search(item):
        return []
    pair = re.fullmatch(r"(.+?)[ ](?:AND|and)[ ](.+)", item)
    if pair and all(_PARTY_PERSON.match(p) for p in pair.groups()):
        return [(pair[1], 0), (pair[2], pair.start(2))]
    return [(item, 0)]


def _party_kind(name: str) -> str:
    if _PARTY_COMPANY.match(name):
        return "organization"
    if _PARTY_PERSON.match(name) and not _ROLE.search(name):
        return "person"
    return ""


#: The banner of a printed congressional hearing (govinfo's plain text of a GPO record):
#: "[House Hearing, 111 Congress]" or "[Senate Hearing 111-59]", then "[From the U.S.
#: Government Printing Office]" ("Publishing" since 2014).
_GPO_BANNER = re.compile(
    r"\A\s*\[(?:House|Senate|Joint) Hearing[^\]\n]*\]\s*\n\s*\[From the "
    r"(?P<office>U\.S\. Government (?:Printing|Publishing) Office)\]"
)
#: The cover's title block ends at the first speaker's turn or at its member lists.
_GPO_COVER_CHARS = 3000
#: A cover line naming the chamber ("U.S. HOUSE OF REPRESENTATIVES", "UNITED STATES SENATE")
#: or the Congress ("ONE HUNDRED ELEVENTH CONGRESS": the Congress, not its number).
_GPO_CHAMBER = re.compile(
    r"^[ \t]*(?P<name>(?:U\.S\. )?HOUSE OF REPRESENTATIVES|UNITED STATES SENATE)[ \t]*$"
    r"|^[ \t]*ONE HUNDRED(?: [A-Z-]+)+ (?P<congress>CONGRESS)[ \t]*$",
    re.MULTILINE,
)
#: A committee's heading on the cover, its name going on over the next capitalised lines
#: ("SUBCOMMITTEE ON CAPITAL MARKETS, / INSURANCE, AND GOVERNMENT / SPONSORED ENTERPRISES",
#: "COMMITTEE ON / BANKING,HOUSING,AND URBAN AFFAIRS") up to "OF THE", the chamber or the date.
_GPO_COMMITTEE = re.compile(r"^[ \t]*(?P<name>(?:SUB)?COMMITTEE ON\b[^\n]*?)[ \t]*$", re.MULTILINE)
_GPO_NAME_LINE = re.compile(r"^[ \t]*(?P<part>[A-Z][A-Z,&'’. -]*[A-Z,])[ \t]*$")
_GPO_NAME_STOP = re.compile(
    r"^(?:OF THE|BEFORE THE|HEARING|ON|U\.S\. HOUSE|HOUSE OF|UNITED STATES|ONE HUNDRED|"
    r"(?:FIRST|SECOND) SESSION|[A-Z]+ \d{1,2}, \d{4})\b"
)
#: "Printed for the use of the Committee on Financial Services" (the name on that line).
_GPO_PRINTED = re.compile(
    r"Printed for the use of the (?P<name>Committee on [A-Z][^\n]*?)[ \t]*\n[ \t]*\n"
)


def hearing_cover_bodies(text: str) -> list[ShapedName]:
    """The bodies a printed congressional hearing's cover names by its layout (issue 17, round
    12): the Printing Office of its banner, the chamber, the Congress and the committees of
    its title block, as organizations. Read only under the GPO banner, in the cover."""
    banner = _GPO_BANNER.match(text)
    if banner is None:
        return []
    cover = text[:_GPO_COVER_CHARS]
    office = banner["office"]
    found = [ShapedName(banner.start("office"), banner.end("office"), office, "organization")]
    for m in _GPO_CHAMBER.finditer(cover):
        group = "name" if m["name"] else "congress"
        found.append(ShapedName(m.start(group), m.end(group), m[group], "organization"))
    for m in _GPO_COMMITTEE.finditer(cover):
        end = m.end("name")
        pos = m.end()
        while True:  # the name's next lines, blank lines between them allowed
            nxt = re.match(r"(?:[ \t]*\n)+", cover[pos:])
            if nxt is None:
                break
            line_start = pos + nxt.end()
            line_end = cover.find("\n", line_start)
            line_end = len(cover) if line_end < 0 else line_end
            line = _GPO_NAME_LINE.match(cover[line_start:line_end])
            if line is None or _GPO_NAME_STOP.match(line["part"]):
                break
            end = line_start + line.end("part")
            pos = line_start + line.end()
        written = text[m.start("name") : end]
        found.append(ShapedName(m.start("name"), end, written, "organization"))
    for m in _GPO_PRINTED.finditer(cover):
        found.append(ShapedName(m.start("name"), m.end("name"), m["name"], "organization"))
    return found


#: A witness's or member's heading in a printed hearing: "STATEMENT OF ROBERT G. DOBILAS,
#: PRESIDENT AND CHIEF EXECUTIVE / OFFICER, REALPOINT, LLC", "STATEMENTS OF EILEEN HARRINGTON,
#: ...; KATHLEEN KEEST, ...; AND JOHN / BEISNER, ...", "OPENING STATEMENT OF HON. JOHN P.
#: SARBANES, A REPRESENTATIVE IN / CONGRESS FROM THE STATE OF MARYLAND", "STATEMENT OF
#: SENATOR JIM BUNNING": capitals, one or more lines, up to a blank line.
#: A heading's character: no lower case but a name's "Mc", "Mac" or "De" ("McCOY", "DeMINT").
_HEADING_CHAR = r"(?:[^\na-z]|(?<=\bM)a?c(?=[A-Z])|(?<=\bD)e(?=[A-Z]))"
_GPO_HEADING = re.compile(
    rf"^[ \t]*(?:OPENING |PREPARED )?STATEMENTS? OF[ ]+(?P<body>[A-Z]{_HEADING_CHAR}*[A-Z.]"
    rf"(?:,?[ \t]*\n[ \t]*[A-Z]{_HEADING_CHAR}*[A-Z.])*)[ \t]*$",
    re.MULTILINE,
)
_GPO_HEADING_TITLE = re.compile(
    r"^(?:AND[ ]+)?(?:THE[ ]+)?(?:HON\.|HONORABLE|SENATOR|CHAIRMAN|CHAIRWOMAN|REPRESENTATIVE|"
    r"SECRETARY|GOVERNOR|DR\.|MR\.|MS\.|MRS\.)?\s*"
)
_GPO_PERSON = re.compile(r"^[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){1,4}$")
_GPO_CORPORATE = re.compile(
    r"^(?:LLC|L\.L\.C\.|INC\.?|LLP|L\.P\.|LP|CO\.|CORP\.?|N\.A\.|JR\.|SR\.)$"
)
#: Words of a title, not of an organization's name: the last field of "NAME, TITLE, ORG" is
#: the organization only when it has none of them.
_GPO_TITLE_WORDS = frozenset({
    "PRESIDENT", "DIRECTOR", "OFFICER", "PROFESSOR", "COUNSEL", "CHAIRMAN", "CHAIRWOMAN",
    "SECRETARY", "MEMBER", "FELLOW", "ECONOMIST", "PARTNER", "MANAGER", "ADMINISTRATOR",
    "COMMISSIONER", "ANALYST", "REPRESENTATIVE", "SENATOR", "GOVERNOR", "ATTORNEY",
    "PRINCIPAL", "HEAD", "CHIEF", "VICE", "DEPUTY", "ASSISTANT", "ASSOCIATE", "SENIOR",
    "CONGRESS", "STATE", "EMERITUS", "FOUNDER",
})  # fmt: skip


#: Words of no person's name: a body's statement ("PREPARED STATEMENT OF THE AMERICAN BANKERS
#: ASSOCIATION") names no witness.
_GPO_NOT_PERSON = frozenset({
    "OF", "AND", "THE", "FOR", "ON", "IN", "AT", "ASSOCIATION", "INSTITUTE", "COUNCIL",
    "COMMITTEE", "BANK", "BANKERS", "CORPORATION", "COMPANY", "GROUP", "FOUNDATION",
    "UNIVERSITY", "CENTER", "DEPARTMENT", "OFFICE", "BOARD", "COMMISSION", "AGENCY",
    "SERVICE", "SERVICES", "FEDERAL", "NATIONAL", "AMERICAN", "UNITED", "STATES", "COALITION",
    "UNION", "LEAGUE", "FEDERATION", "CHAMBER", "INC.", "LLC", "LLP",
})  # fmt: skip


def _fields(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at ``sep``, each part without its spaces, as (start, end)."""
    parts, at = [], start
    for piece in text[start:end].split(sep):
        lead = len(piece) - len(piece.lstrip())
        parts.append((at + lead, at + len(piece.rstrip())))
        at += len(piece) + len(sep)
    return [(s, e) for s, e in parts if e > s]


def hearing_headings(text: str) -> tuple[list[tuple[int, int, str]], list[ShapedName]]:
    """The people and organizations a printed hearing's statement headings name (issue 17,
    round 12): each witness's name (the first field of "NAME, TITLE, ..., ORGANIZATION", after
    "HON."/"SENATOR"/"CHAIRMAN") and, when the heading has a title between, the organization
    of its last field ("ON BEHALF OF THE" dropped; "REALPOINT, LLC" kept whole; no field with
    a title's word such as "A REPRESENTATIVE IN CONGRESS FROM THE STATE OF MARYLAND"). Only
    under the GPO's banner."""
    if _GPO_BANNER.match(text) is None:
        return [], []
    people: list[tuple[int, int, str]] = []
    orgs: list[ShapedName] = []
    for m in _GPO_HEADING.finditer(text):
        for seg_start, seg_end in _fields(text, m.start("body"), m.end("body"), ";"):
            fields = _fields(text, seg_start, seg_end, ",")
            merged: list[tuple[int, int]] = []
            for s, e in fields:  # "REALPOINT, LLC", "JOHN DOE, JR.": one field
                if merged and _GPO_CORPORATE.match(text[s:e]):
                    merged[-1] = (merged[-1][0], e)
                else:
                    merged.append((s, e))
            if not merged:
                continue
            s, e = merged[0]
            s += _GPO_HEADING_TITLE.match(text[s:e]).end()  # type: ignore[union-attr]
            name = " ".join(text[s:e].split())
            words = set(name.split())
            if _GPO_PERSON.match(name) and not words & (_GPO_TITLE_WORDS | _GPO_NOT_PERSON):
                people.append((s, e, text[s:e]))
            if len(merged) < 3:
                continue
            s, e = merged[-1]
            last = text[s:e]
            lead = re.match(r"(?:ON\s+BEHALF\s+OF\s+)?(?:THE\s+)?", last)
            s += lead.end() if lead else 0
            words = set(text[s:e].replace(",", " ").split())
            if (
                len(words) >= 2
                and not words & _GPO_TITLE_WORDS
                and not text[s:e].startswith(("A ", "AN "))
            ):
                orgs.append(ShapedName(s, e, text[s:e], "organization"))
    return people, orgs
