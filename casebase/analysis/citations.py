"""Legal citations: case reporters, statutes, regulations, court rules and short forms ("Id.",
"supra", "857 F.3d at 1319") (eyecite), docket numbers and record references ("ECF No. 45",
"Dkt. 127 at 4", "ER 12").

``normalized`` is the form to match on: eyecite's corrected citation for cases ("593 U.S. 374"),
a spacing-normalized section for statutes ("17 U.S.C. § 107(a)"), and for dockets the core
"yy-type-nnnnn" key ("24-cv-04722"): the division prefix and judge initials vary between
filings of one case ("3:24-cv-04722" and "4:24-cv-04722-YGR"). The knowledge layer resolves a
docket by comparing ``docket_keys(case.docket_number)`` with the citation's normalized form.
A short form is normalized to the full citation it stands for, without its pin ("Id. at 17"
after "Docket No. 1" is "Dkt. No. 1"); a record reference to "ECF No."/"Dkt." as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import eyecite.helpers
from eyecite import get_citations
from eyecite.models import (
    CitationBase,
    FullCaseCitation,
    FullLawCitation,
    IdCitation,
    ShortCaseCitation,
    SupraCitation,
)
from eyecite.tokenizers import (
    EXTRACTORS,
    AhocorasickTokenizer,
    TokenExtractor,
    _strip_ws,
    default_tokenizer,
)

from casebase.analysis import us_states
from casebase.analysis.furniture import Furniture
from casebase.analysis.types import FoundCitation

_FEDERAL_DOCKET = re.compile(
    # the case types of the federal courts' numbers; "ml" is a multidistrict litigation's in the
    # districts that do not write "md" (C.D. Cal.: "Case No. 8:16-ml-02693-JLS")
    r"(?<![\w:-])(?:(?P<div>\d{1,2}):)?(?P<yy>\d{2})-(?P<type>cv|cr|md|ml|mc|mj|ap|bk|cb)-"
    r"(?P<num>\d{1,6})(?P<judges>(?:-[A-Z]{1,4})*(?:-\d{1,3}\b)?)(?!\w|-\w)",
    re.IGNORECASE,
)
#: The Southern and Eastern Districts of New York's form, "04 Civ. 9541 (LAP)", "19 Cr. 373
#: (PGG)" (= "04-cv-09541"), and the Western District of Washington's, "C20-5539RSL", "CR20-123
#: JLR" (= "20-cv-05539"): a year, the case type and the number, the judge's initials after.
#: Also "10 CV 6005 (RWS)" (S.D.N.Y., E.D.N.Y.), and the Northern District of Illinois' "No. 12 C
#: 9994" (= "12-cv-09994"; a bare "C" only after "No."/"NUMBER", where it cannot be a grade).
_DISTRICT_STYLE_DOCKET = re.compile(
    r"\b(?P<yy>\d{2})[ ](?P<type>Civ|Cr|Crim|CIV|CR|CRIM|CV)\.?[ ](?P<num>\d{1,5})(?![\w.,-]\d)"
    r"(?:[ ]\([A-Z]{2,5}\))?"
    r"|\b(?P<type2>C|CR)(?P<yy2>\d{2})-(?P<num2>\d{1,5})(?:-?[A-Z]{2,4}\b|\b)(?![-–]\d)"
    r"|(?:(?<=No\.[ ])|(?<=NO\.[ ])|(?<=NUMBER[ ]))"
    r"(?P<yy3>\d{2})[ ](?P<type3>C)[ ](?P<num3>\d{1,5})"
    r"(?![\w.,/-]\d)"
)
#: The case type before the year, as a district court's clerk writes it in San Jose and
#: Phoenix: "CR-18-00258-EJD", "CV-23-01234-PHX-DLR" (= "18-cr-00258"): the number is padded,
#: so the shape is no date or telephone number.
_TYPE_FIRST_DOCKET = re.compile(
    r"(?<![\w:-])(?P<type>CR|CV)-(?P<yy>\d{2})-(?P<num>\d{4,6})(?:-[A-Z]{1,4})*(?![\w-])"
)
#: A case called by the clerk or the bench: "Calling Civil 15-3747, In re Facebook", "LET'S
#: CALL 18-258, UNITED STATES VERSUS RAMESH BALWANI", "Case number 14-3089, United States of
#: America versus Donnell Cruz", "argument ... in Case 06-11612, Gonzalez v. United States":
#: "call"/"calling" or "case", the number and a comma, then the case's name: "In re", or
#: capitalised words (and "of", "the", "et al.") up to "versus"/"vs."/"v.", over one line break
#: and its line number at most.
_NAME_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?:\d{1,2}[ \t]+)?)"
_NAME_WORD = r"(?:[A-Z0-9][\w.&'’-]*,?|of|the|and|&|et|al\.,?)"
_CASE_CALL = re.compile(
    r"(?=[cC])(?:\b(?i:call(?:ing)?)[ \t]+(?:(?i:the[ \t]+)?(?i:case|matter)[ \t]+)?"
    r"(?:(?i:civil|criminal)[ \t]+(?:(?i:action|case)[ \t]+)?)?"
    r"|\b(?i:case)[ \t]+)(?:(?i:number|no\.)[ \t]*)?"
    r"(?P<num>(?:(?P<type>[A-Z]{1,2})[ -])?(?P<yy>\d{2})[-–](?P<serial>\d{2,6})(?:-[A-Z]{1,4})*)"
    rf",{_NAME_GAP}(?:(?i:in[ \t]+re|in[ \t]+the[ \t]+matter[ \t]+of)\b"
    rf"|[A-Z][\w.&'’-]*,?(?:{_NAME_GAP}{_NAME_WORD}){{0,10}}?{_NAME_GAP}(?i:versus|vs\.|v\.)\s)"
)
#: What every ``_DISTRICT_STYLE_DOCKET`` match holds: "20 Civ", "20 CR", "20 CV", "12 C 9",
#: "CR20-", "C20-".
_DISTRICT_STYLE_CUE = re.compile(r"\d[ ]C[iIrRV]|\d[ ]C[ ]\d|CR?\d\d-")
#: The compact form of the Districts of Nebraska and Iowa and the Eastern District of Virginia:
#: "8:09CV159", "4:05CV15", "1:20cv613" (= "09-cv-00159"): the division always before it.
_COMPACT_CUE = re.compile(r":\d\d(?:CV|cv|CR|cr)\d")
_COMPACT_DOCKET = re.compile(
    r"(?<![\w:-])(?P<div>\d{1,2}):(?P<yy>\d{2})(?P<type>CV|CR|cv|cr)(?P<num>\d{1,6})"
    r"(?:-[A-Z]{1,4})*(?![\w-])"
)
#: PACER's compact form in URLs and listings: "1:2020cv00613".
_PACER_DOCKET = re.compile(
    r"(?<![\w:])(?P<div>\d{1,2}):(?:19|20)(?P<yy>\d{2})(?P<type>cv|cr|md|mc)(?P<num>\d{5})(?!\d)"
)
#: "No. 19–783", "Docket No. 2019-06-0263", "State File No. 9687-2019", "C.A. No.
#: 2022-0613-KSJM" (Delaware Chancery; the judge's initials are left out of the key).
#: Missouri's "No. ED108783" and "No. 1711-CC00064" too; California's appellate "No. S123456",
#: New York's "Index No. 652345/2023", the Federal Circuit's "No. 2023-10234", and a district
#: court's number written without its year ("NO. CR-00377 WHA").
_DOCKET_NUMBER = (
    r"\d{2}[-–]\d{2,6}|\d{4}-\d{2}-\d{4}|\d{4}-\d{4,5}|[A-Z]{1,2}\d{5,6}|\d{4}-[A-Z]{2}\d{5}"
    r"|\d{4,6}/(?:\d{2}){1,2}|\d{5,6}-(?:19|20)\d{2}|(?:CR|CV|cr|cv)-\d{3,5}"
    r"|\d{2}[ ](?:L|CH|M|D|CR|MR|LA|LM|DV|JA|JD|CV)[ ]\d{3,6}"  # Cook County: "15 L 005404"
)
_NUMBERED_DOCKET = re.compile(
    r"\b(?:[Nn][Oo][Ss]?(?:\.:?|:)|(?:Criminal|Civil)\s+Action(?:\s+No\.:?)?"
    r"|Index(?=[ ]\d{4,6}/))\s*"
    rf"(?P<num>{_DOCKET_NUMBER})(?P<judges>-[A-Z]{{2,5}})?(?![\w-])"
)
#: A state appellate court's number after a docket cue, in any court's own shape: letters and
#: digits joined by hyphens, holding four digits or more ("Case No. A-1234-19", "No.
#: 05-19-00123-CV", "No. M2019-01234-COA-R3-CV", "No. 2019-CA-001234-MR", "No. 4D19-1234",
#: "No. SC19-1234", "No. 1-19-1234"). "No." alone counts at a line's start or after
#: punctuation (a caption, a citation's "Doe v. Roe, No. ..."); after a word only when that
#: word names a docket ("Case", "Docket", "Appeal", "Cause", "Index", "File", "Action").
#: A number of one piece counts too when a docket word, a line's start or a bracket or comma
#: stands before its "No." (never an abbreviation: "Pat. No. 123456"): five or six digits
#: (Michigan's "Docket No. 310986") or letters and digits (Georgia's "No. A12A0174",
#: Colorado's "Court of Appeals No. 15CA1572", Texas's "Cause No. 12CR2532").
_CUED_NUMBER = (
    r"(?P<num>(?:[A-Z]{1,3}-)?[A-Z]{0,3}\d[\dA-Z]*(?:[-–][A-Z0-9]{1,8}){0,5})(?![\w–-]|[.,]\d)"
)
_CUED_DOCKET = re.compile(
    r"\b(?:(?:No|NO|Nos|NOS)(?:[.:]|\.:)|(?:NUMBER|Number):?|(?<=\bcase[ ])number)[ ]?"
    + _CUED_NUMBER
)
#: A listing's label glued to its word: "DocketNumber: 00-0341" (run only where it stands).
_GLUED_DOCKET_NUMBER = re.compile(r"(?<=Docket)Number:[ ]?" + _CUED_NUMBER)
#: What may stand before "No." for ``_CUED_DOCKET`` (read on the few characters before it).
_DOCKET_WORD = (
    r"\b(?:Case|CASE|case|Docket|DOCKET|Appeals?|APPEALS?|Cause|CAUSE|Index|INDEX|File|FILE|Action"
    r"|ACTION|Appellate|Petition|D\.C\.|Civil|CIVIL|Criminal|CRIMINAL|Court|COURT|Bankruptcy"
    r"|BANKRUPTCY|Adversary|ADVERSARY|BAP|LC|Indictment|INDICTMENT|Crim\.|Civ\."
    r"|Dist\.[ ][A-Z][a-z]+)[ ]$"  # Ohio's "8th Dist. Cuyahoga No. 105611"
)
_DOCKET_CUE = re.compile(
    rf"(?:^|[\n(\[,;:]|(?<=[a-z]{{2}})\.)[ \t]*$|{_DOCKET_WORD}|(?<![\w.])(?:[A-Z]\.){{2,4}}[ ]$"
    r"|Docket$"  # "DocketNumber: 00-0341" (a listing's label)
)
#: The cues a number of one piece needs (``_DOCKET_CUE`` without an abbreviation's full stop).
_ONE_PIECE_CUE = re.compile(rf"(?:^|[\n(\[,;:])[ \t]*$|{_DOCKET_WORD}")
#: A further number of a "Nos." list, taken when it has the first one's shape.
_MORE_OF_SHAPE = re.compile(
    r"(?:,?[ ](?:and|&)[ ]|,[ ]?|[ ])(?P<num>[A-Z\d][A-Z\d–-]{3,20})(?![\w–-])"
)
#: A case's number alone on the line under an opinion's heading, as a reporter's page prints it
#: ("Opinion\nA22-1433\n05-01-2023", "Opinion\n\n2022AP747"): no "No." before it. Not a date.
_NUMBER_UNDER_HEADING = re.compile(
    r"^[ \t]*(?:Opinion|OPINION)[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"(?P<num>(?!\d{1,2}[-/]\d{1,2}[-/]\d{2,4}[ \t]*$)[A-Z]{0,4}\d[\dA-Z]*(?:[-–][\dA-Z]+){0,4})"
    r"\.?[ \t]*$",
    re.MULTILINE,
)
_ONE_PIECE = re.compile(r"\d{5,10}|(?=[A-Z\d]{5,14}$)(?=.*[A-Z])(?=.*\d)[A-Z\d]+")
#: The further numbers of a list: "CASE NOS. 20-55436,\n20-55662".
_MORE_DOCKETS = re.compile(rf"\s*(?:,|&|and)\s*(?P<num>{_DOCKET_NUMBER})(?![\w-])")
#: The older district-court style, kept as written: "No. C 24-04722 YGR", "No. CR 16-440-WHA-1".
#: Also "No. CV 23-1234-GW" (C.D. Cal.) and "No. CV-23-01234-PHX-DLR" (D. Ariz.).
_LETTERED_DOCKET = re.compile(
    r"\b[Nn][Oo]\.\s*(?P<num>C[RV]?\s+\d{2}-\d{3,5}(?:-[A-Z]{2,4}(?:-\d)?|\s+[A-Z]{2,4}\b)?"
    r"|C[RV]-\d{2}-\d{3,5}(?:-[A-Z]{2,4}){0,3})"
)
#: Code sections eyecite does not parse ("15 U.S.C. § 1692k(d)", "37 C.F.R. § 1.56").
_CODE_SECTION = re.compile(
    r"\b(?P<title>\d{1,2})\s+(?P<code>U\.\s?S\.\s?C(?:\.|(?=[ ]§))(?:\s?A\.)?|C\.\s?F\.\s?R\.)\s*"
    r"(?P<sign>(?:§§?|Secs?\.|[Ss]ections?)\s*)?"  # "11 U.S.C. Sec. 362(e)" (older opinions)
    r"(?P<section>\d+[a-z]{0,3}(?:[-.]\d+[a-z]{0,3})*)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*"
    r"(?:,\s*(?:\([a-zA-Z0-9]{1,4}\))+)*)"
)
#: The further sections of a list after "§§" or "Secs.": "28 U.S.C. §§ 1331, 1367", "75 Pa.C.S.A. §§
#: 3802(b), 3802(a)(1), and 3745(a)", "18 U.S.C. §§ 922(g)(1), 924(a)(2)" (not a following year
#: or page: "§§ 1331, 1367 (2018)" keeps its parenthetical out, and "§ 5, 2019" is no list).
_MORE_SECTIONS = re.compile(
    r",?(?:[ ]|[ ]?\n[ \t]*)(?:and\s|or\s|&\s)?(?P<section>\d+[a-z]{0,3}(?:[-.:]\d+[a-z]?)*)"
    r"(?P<sub>(?:\([a-zA-Z0-9.]{1,4}\))*)(?![\w/]|[.,-]\d)"
)
#: Record references: docket entries ("ECF Nos. 39-1, 40", "Dkt. 127 at 4", "DOCKET NOS. 75,
#: 105", "Docket No. 1") with an entry's attachment ("-1") and a pin ("at 4", "at ¶ 14").
_RECORD_ENTRY = r"\d{1,7}(?:[-–]\d{1,2})?(?![\d-]|–\d)"
#: A pin's pages (or page and line, "3:4-10", "45:3-46:2"), a list of them and a footnote ("1 n.1").
_RECORD_PAGE = r"\d+(?::\d+)?(?:[-–]\d+(?::\d+)?)?"
_RECORD_PIN = rf"{_RECORD_PAGE}(?:,\s*{_RECORD_PAGE})*(?:[ ]nn?\.[ ]?\d+(?:[-–]\d+)?)?"
_RECORD = re.compile(
    # Louisiana's districts' record documents ("(R. Doc. 84)", "Rec. Doc. 4 at 5"), as written
    r"(?<![\w.])(?P<prefix>(?:Rec\.|R\.)[ ]Doc\."
    r"|ECF|Dkts?\.?|DKT\.?|Docket[ ]Entry|DOCKET[ ]ENTRY|Docket|DOCKET"
    # "(Docs. 145, 152.)", "[docket no. 6]", "(doc. no. 114)"
    r"|Document(?=[ ]Nos?\.)|[Dd]ocs?\.|DOC\.|D\.[ ]?E\.|docket(?=[ ]nos?\.)"
    # the District of Delaware's docket item (and the Federal Circuit briefs' from it): "(D.I.
    # 79)", "(D.I. 79 at 3; ...)", "see D.I. 223"
    r"|D\.I\.(?=[ ]?\d))"
    # (a line may end between "Dkt." and "# 14": "[Dkt.\n# 14]", D.D.C.'s bracketed entries)
    r"(?:[ ]?(?P<no>Nos?|NOS?|nos?(?=\.))\b\.?:?)?(?:[ ]?\n[ \t]*(?=\#)|[ ]?)\#?[ ]?"
    # the entry in brackets (E.D. Mo.: "Doc. [65]", "Doc. [67] ¶ 1")
    rf"(?P<open>\[)?(?P<entries>{_RECORD_ENTRY}(?:\s*,\s*{_RECORD_ENTRY})*)(?(open)\])"
    # the pin: "at 4", "at ¶ 14", "at p. 3", "at 3:4-10" (page and line), "at 1 n.1", "at
    # PageID #345", ", p. 3", ", pp. 3-4", ", PageID.345"; a pin cut short is another citation
    # to the scorer's key, so it is read whole
    rf"(?P<pin>,?\s+at\s+(?:¶+\s*|pp?\.[ ]?|Page[ ]?ID[.#:]?\s*#?\s*)?{_RECORD_PIN}"
    rf"|,?\s*¶+\s*{_RECORD_PIN}|,[ ]pp?\.[ ]?{_RECORD_PIN}"
    r"|,\s*Page[ ]?ID[.#:]?\s*#?\s*\d+(?:[-–]\d+)?)?"
    r"(?!\s+Case\s)"  # a court's stamp "Doc. 547 Case 1:20-cv-00613-SB Document 547 Filed"
)
_PIN = r"\d+(?:[-–]\d+)?(?:,\s*\d+(?:[-–]\d+)?)*"
#: A docket entry named as a document, as the bench and counsel say it ("I did receive
#: yesterday evening Document 621", "DOCUMENT 621"): the entry, normalized "Dkt. 621". Not an
#: ECF header's "Case ... Document 98 Filed 03/24/20" ("Filed" after it, or "Case" on its line
#: before it), nor "Document 3 of 7", nor a listing's title "Doe v. Roe, No. 1:2020cv00613 -
#: Document 547 (D. Del. 2023)" (a dash before it).
_DOCUMENT_ENTRY = re.compile(
    r"(?<![\w.])(?:Document|DOCUMENT)[ ](?P<entry>\d{1,5}(?:-\d{1,3})?)"
    r"(?![\w-]|,?[ \t]+(?i:filed|page|of)\b)"
)
_ECF_CASE = re.compile(r"\b(?:Case|CASE)[: ]|[ ][-–—][ ]$")
#: A docket entry's pin as ``_RECORD`` reads it: "at 3-4", "¶ 5", "¶¶ 22, 25".
_ENTRY_PIN = rf"(?:,?\s+at\s+(?:¶+\s*)?{_PIN}|,?\s*¶+\s*{_PIN})"
#: A further entry of a string of docket entries cited by "#" (D. Ariz., W.D. Wash.): "Dkt.
#: #106, ¶ 5; #120, ¶ 5", "Dkt. #106-3 at 2-23; #106, ¶ 6".
_MORE_ENTRIES = re.compile(rf";[ ]?#[ ]?(?P<entry>{_RECORD_ENTRY})(?P<pin>{_ENTRY_PIN})?")
#: A docket entry cited by its number in brackets before the paper's title (D.D.C.: "Plaintiff's
#: [2] Motion for a Preliminary Injunction", "the [24] Memorandum Opinion", a plural filer's
#: "Defendants' [115] Motion"), normalized "ECF No. 2".
_BRACKETED_ENTRY = re.compile(
    r"(?<=['’]s[ ]|s['’][ ])\[(?P<num>\d{1,4})\]"
    r"(?=\s+(?:Renewed|Amended|Supplemental|Emergency|Partial"
    r"|Cross-|Consent|Joint|Unopposed|Motion|Memorandum|Opposition|Reply|Order|Complaint|Petition"
    r"|Notice|Response|Stipulation|Declaration|Brief|Application|Objections?)\b)"
    r"|(?<=the[ ])\[(?P<num2>\d{1,4})\](?=\s+(?:Memorandum|Order|Opinion|Complaint|Motion)\b)"
)
#: A docket entry cited by its number in brackets right after the paper's name (N.D. Ill.,
#: D.D.C.: "motion to dismiss [20]", "motions [5, 18, and 22]", "Motion [18] to Dismiss", a
#: minute order's "MOTION FOR REMAND [16]"), normalized "ECF No. 20"; a footnote's "[2]" after
#: a sentence or glued to a word ("DL[1]") is not one.
#: Read backwards from each bracket (``_PAPER_BRACKET_CUE``): the paper's name ends right before.
_PAPER_BEFORE_BRACKET = re.compile(
    r"\b(?i:motions?|complaint|order|opinion|memorandum|brief|response|reply|petition|answer"
    r"|notice|declaration|stipulation|objections?|application|report|judgment|remand|dismiss)"
    r"(?:[ ](?i:to|for|of|in|on)[ ][A-Za-z]+(?:[ ][A-Za-z]+)?)?$"
)
_PAPER_BRACKET = re.compile(
    r"[ ]\[(?P<nums>\d{1,4}(?:-\d{1,2})?(?:,[ ]?(?:and[ ])?\d{1,4}(?:-\d{1,2})?)*)\]"
)
#: What every ``_PAPER_BRACKET`` match holds: a space and a bracketed number.
_PAPER_BRACKET_CUE = re.compile(r" \[\d")
#: A docket entry cited by its number alone in parentheses (D. Nev.: "Motion to Dismiss (#8,
#: filed April 28, 2011)", "a Response (#10)").
_HASH_ENTRY = re.compile(rf"[(\[](?P<ref>#[ ]?{_RECORD_ENTRY}(?:{_ENTRY_PIN})?)(?=[)\],;])")
#: A party's statement of undisputed facts by paragraph (Local Civil Rule 56.1 of the S.D.N.Y.
#: and E.D.N.Y., and the "SUF"/"SOF"/"SUMF" of other courts): "Defs. 56.1 Stmt. ¶ 1", "Pl.'s
#: Rule 56.1 Counterstmt. ¶ 4", "DSUF ¶ 12", "Pls.' SOF ¶¶ 3-5", "SUMF ¶ 7".
_FACTS_STATEMENT = re.compile(
    r"(?<![\w.])(?:(?:Pl|Pls|Def|Defs|Plaintiffs?|Defendants?)\.?(?:['’]s|s?['’])?[ ])?"
    r"(?:(?:Local[ ](?:Civil[ ])?)?(?:Rule[ ])?56\.1[ ]"
    r"(?:Counter[ ]?)?(?:Stmt|Statement|Counterstmt)\.?"
    r"|[PDJR]?S(?:U|O|S|U?M|OU)F|SOMF|SSUF|PSSUF|DSSUF|CSOF|[PD]SOF|[PD]SUMF)"
    rf",?[ ]?¶¶?[ ]?{_PIN}"
)
#: Other record references: a pleading's paragraphs ("Am. Compl. ¶¶ 9, 430–35"), a
#: declaration's exhibit ("Selmont Decl., Exh. B at 267–69") and a transcript ("Tr. at 12",
#: "Tr. Jan. 22, 2025").
_PLEADING = re.compile(
    r"(?<![\w.])(?P<doc>(?:(?:First|Second|Third)\s+)?(?:Am(?:\.|ended)\s*)?(?:Compl\.|Complaint)"
    r"|Countercl\.|Answer|[FST]AC),?\s*"
    r"(?P<sign>¶¶?)\s*(?P<pin>\d+(?:[-–]\d+)?(?:\s*,\s*\d+(?:[-–]\d+)?)*)"
)
#: Kept as written: a petition's appendix ("Pet. App. 28a–46a") and discovery requests ("Rog
#: No. 6", "RFP Nos. 35-47", "Interrogatory No. 9"). A reference broken by a line end before
#: its number is left out, as the gold rules do (so are those of ``_RECORD``).
_AS_WRITTEN_RECORD = re.compile(
    r"\bPet\.[ ]?App\.[ ]?\d+a?(?:\s*[-–]\s*\d+a?)?(?:\s*(?:,|and)\s*\d+a?(?:\s*[-–]\s*\d+a?)?)*"
    r"|\b(?:Rogs?|RFPs?|RFAs?|Interrogator(?:y|ies)|Requests?[ ]for[ ](?:Production|Admission))"
    r"[ ]?(?:Nos?\.[ ]?)?\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*"
)
#: The Constitution: "art. I, § 8, cl. 8" = "U.S. Const. art. I, § 8, cl. 8" (a state's
#: constitution is named before its articles: "Mo. Const. art. I").
_CONSTITUTION = re.compile(
    r"(?<!Const\. )(?<!Const\., )\b[Aa]rt\.\s*(?P<art>[IVX]{1,5}),\s*§\s*(?P<sec>\d{1,2})"
    r"(?:,\s*cl\.\s*(?P<cl>\d{1,2}))?"
)
#: A constitution named: "U.S. Const. amend. XIV, § 1", "U.S. Const. art. III, § 2, cl. 1",
#: "Cal. Const. art. I, § 1".
_CONSTITUTION_NAMED = re.compile(
    r"\b(?:U\.[ ]?S\.|[A-Z][a-z]{1,4}\.|N\.[ ]?[A-Z]\.)\s?Const\.\s?"  # "U.S. Const.\namend. I"
    r"(?:(?:art|amend)\.\s?[IVXLC]+|pmbl\.)(?:,\s?§\s?\d+)?(?:,\s?cl\.\s?\d+)?"
)
#: The Statutes at Large: "132 Stat. 3676".
_STATUTES_AT_LARGE = re.compile(
    r"\b\d{1,3}[ ]Stat\.[ ]\d{1,5}\b"
    # the Illinois Revised Statutes (before 1993): "Ill. Rev. Stat. 1985, ch. 24, par. 7-1-1"
    r"|\bIll\.[ ]Rev\.[ ]Stat\.[ ](?:19|20)\d{2},[ ]ch\.[ ]\d{1,3}(?:[ ]?1/2)?,"
    r"[ ](?:pars?\.|¶¶?)[ ]?\d+(?:[-.]\d+)*(?:\([a-zA-Z0-9]{1,4}\))*"
    # California's session laws (the California Style Manual): "Stats. 1998, ch. 856, § 2"
    r"|\bStats\.[ ](?:19|20)\d{2}(?:[ ]\d(?:st|nd|rd|th)[ ]Ex\.[ ]Sess\.)?,[ ]ch\.[ ]\d{1,4}"
    r"(?:,[ ]§§?[ ]\d{1,4}(?:\.\d+)?)?"
)
_CIRCUITS = {
    "First": "1st", "Second": "2d", "Third": "3d", "Fourth": "4th", "Fifth": "5th",
    "Sixth": "6th", "Seventh": "7th", "Eighth": "8th", "Ninth": "9th", "Tenth": "10th",
    "Eleventh": "11th", "D.C.": "D.C.", "Federal": "Fed.",
}  # fmt: skip
_CIRCUIT_NAME = "|".join(re.escape(name) for name in _CIRCUITS)
#: A court of appeals' own rules: "Ninth Circuit Rule 28-2.6"; a bare "Circuit Rule 28-2.6" in
#: a text that names one circuit is that circuit's.
_ORDINALS = {ordinal: name for name, ordinal in _CIRCUITS.items()}  # "5th" -> "Fifth"
_CIRCUIT_RULE = re.compile(
    rf"\b(?:(?P<circuit>{_CIRCUIT_NAME}|{'|'.join(re.escape(o) for o in _ORDINALS)})\s+)?"
    r"Circuit\s+Rule\s+(?P<num>\d+(?:-\d+)*(?:\.\d+)*)"
)
#: "9th Cir. R. 36-3", "Fed. Cir. R. 32", "2d Cir. R. 32.1.1", "D.C. Cir. R. 28(a)".
_CIRCUIT_RULE_ABBREVIATED = re.compile(
    r"\b(?P<circuit>\d{1,2}(?i:st|nd|rd|th|d)|D\.C\.|(?i:Fed)\.)[ ](?i:Cir\.[ ]R\.)[ ]?"
    r"(?P<num>\d+(?:[-.]\d+)*(?:\([a-zA-Z0-9]{1,4}\))*)"
)
#: A court of appeals' internal operating procedures: "Sixth Circuit I.O.P. 32.1(b)", "3d Cir.
#: I.O.P. 5.7", normalized as its rules are ("6th Cir. I.O.P. 32.1(b)").
_OPERATING_PROCEDURE = re.compile(
    rf"\b(?:(?:{_CIRCUIT_NAME})[ ]Circuit|\d{{1,2}}(?:st|nd|rd|th|d)[ ]Cir\.)[ ]I\.O\.P\.[ ]?"
    r"\d{1,2}(?:\.\d{1,2})*(?:\([a-zA-Z0-9]{1,4}\))*"
)
_NAMED_CIRCUIT = re.compile(rf"\b({_CIRCUIT_NAME})\s+Circuit\b")
_EXHIBIT = re.compile(
    r"\b(?P<decl>[A-Z][a-z][\w'’-]*\s+Decl\.),?\s*Exh?\.\s*(?P<ex>[A-Z]{1,2}|\d{1,3})\b"
    rf"(?P<pin>\s+at\s+{_PIN})?"
)
#: A transcript or deposition by page, or page and line: "Tr. at 12", "Hr'g Tr. 45:3-9",
#: "Trial Tr. 1234:5–1235:2", "Pomerantz Dep. 32:13-18", "Tr. Jan. 22, 2025".
_LINES = r"\d{1,4}:\d{1,2}(?:\s*[-–]\s*(?:\d{1,4}:)?\d{1,2})?"
_TRANSCRIPT = re.compile(
    r"\b(?:(?:Hr[’']g|Hearing|Trial|Sent(?:encing|')?|Plea|Prelim(?:inary)?|Oral[ ]Arg\.|Dep\.)"
    r"\.?\s+)?Tr\.\s+"
    rf"(?:(?:at\s+)?{_LINES}|(?:at\s+)?\d{{1,4}}(?:[-–]\d+)?(?![\d:/,.]\d)|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
    rf"|\b(?:[A-Z][a-z][\w'’-]*\s+)?Dep\.\s+(?:at\s+)?{_LINES}"
)
#: An exhibit: "Ex. 12", "Exh. B at 3", "Exs. 4 and 5", a trial's "PX 12"/"DX-3"/"GX 101"/
#: "JX 7"; spelled out ("Exhibit No. 1a", "Exhibit A") only where a citation stands: after
#: "See"/"see", an opening bracket or a semicolon, or with a pin ("Exhibit 4 at 12"). A
#: declaration's "Exhibits X, Y, and Z ... include" names the papers it files: no citation.
_EXHIBIT_LIST = r"(?:[ \t]*(?:,|and|&)[ \t]*(?:\d{1,4}[a-z]?|[A-Z]{1,2})(?!\w))*"
_EXHIBIT_NUMBER = r"(?:No\.[ ]?)?(?:\d{1,4}[a-z]?(?:-\d{1,3})?|[A-Z]{1,2}(?:-\d{1,3})?)(?!\w)"
_EXHIBIT_ABBREVIATED = re.compile(
    # the party whose exhibit it is, part of its name: "Def. Ex. D", "(Def.Ex. C)" (S.D.N.Y.),
    # "Pl.'s Ex. 4", "Pls.' Exs. 3, 4", "Gov't Ex. 12"
    r"(?<![\w.])(?:(?:Pls?|Defs?)\.(?:['’]s|['’])?[ ]?|Gov(?:['’]|ernmen)t(?:['’]s)?[ ])?"
    rf"(?:(?:Exh?s?\.|EXH?S?\.)[ ]?{_EXHIBIT_NUMBER}{_EXHIBIT_LIST}"
    r"|[PDGJ]X[- ]?\d{1,5}(?![\w-]))"
    rf"(?P<pin>\s+at\s+{_PIN})?"
)
_EXHIBIT_WRITTEN = re.compile(
    rf"(?:(?<=[Ss]ee )|(?<=[(\[;] )|(?<=[(\[]))(?:Exhibits?|EXHIBITS?)[ ]{_EXHIBIT_NUMBER}"
    rf"{_EXHIBIT_LIST}(?P<pin>\s+at\s+{_PIN})?"
    rf"|(?<![\w.])(?:Exhibits?|EXHIBITS?)[ ]{_EXHIBIT_NUMBER}(?P<pinned>\s+at\s+{_PIN})"
)
#: A brief's own references to the papers of the case: "Mot. at 5", "Opp. at 7", "Opp'n at
#: 7-8", "Reply at 3", "Pls.' Br. at 12", "Smith Decl. ¶ 5".
_PAPER_PIN = re.compile(
    # the filer first, part of the paper's name: "Pl.'s Mot. at 5", "Defs.' Mem. at 4"
    r"(?<![\w.])(?:(?:(?:Pl|Pls|Def|Defs|Plaintiffs?|Defendants?)\.?(?:['’]s|s?['’])[ ])?"
    r"(?:Mot\.|Mem\.|Opp(?:[’']n|\.)|Reply|Br\.|Resp\.)"
    r"(?:[ ](?:of|to|for|in|re|ISO|[A-Z][\w.'’]*)){0,6}?\s+at\s+"
    # the pin read whole, as a docket entry's is: a footnote ("Opp’n at 3 n.4", "Mot. at 7
    # n.1") and page and line ("Reply at 3:4-10"); cut short it is another citation's key
    rf"{_RECORD_PIN}|(?:[A-Z][a-z][\w'’-]*\s+)?(?:Decl|Aff)\.\s*¶¶?\s*{_PIN})"
    # and a declaration's or an affidavit's paragraph: "Smith Decl. ¶ 5", "(Mutnick Aff. ¶ 5)"
)
#: A declaration cited by its declarant's name, as a brief cites its evidence: "Decl. of Wilda
#: Siu", "Decl. of John A. Smith ¶ 4", "Decl. of Dr. Jane Roe, Ex. B". The name is one to four
#: capitalized words; the paper's further title ("In Support of ...", "ISO") is not the name.
_DECLARATION_OF = re.compile(
    r"(?<![\w.])Decl\.[ ]of[ ](?:(?:Dr|Mr|Ms|Mrs)\.[ ])?[A-Z][a-z][\w'’-]*"
    r"(?:[ ](?!(?:In|ISO|Supp|Support|Re|Regarding|Ex|Exh)\b)(?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){1,3}"
    rf"(?:,?[ ]¶¶?[ ]?{_PIN}|,?[ ]at[ ]{_PIN}|,[ ]Exh?\.[ ]?(?:[A-Z]{{1,2}}|\d{{1,3}})\b)?"
)
#: A paper cited by the short name it is given in the same breath, with a pin: "(Defendant's
#: Memorandum of Law (“Def.’s Mem.”) at 1.)" (S.D.N.Y.): the short name names a paper.
_DEFINED_PAPER_PIN = re.compile(
    r"\([“\"](?P<name>[^”\"()\n]{0,20}?\b(?:Mem|Br|Opp|Opp’n|Opp'n|Mot|Reply|Resp|Compl|Decl|Aff"
    r"|Pet|Ans|SAC|FAC|TAC)\b[^”\"()\n]{0,12})[”\"]\)\s+at\s+(?P<pin>" + _PIN + r")"
)
_DEFINED_PAPER_PIN_CUE = re.compile(r"[”\"]\)\s+at\s")
#: Pennsylvania's record cites by the paper's date: "Trial Court Opinion, 6/15/23, at 3", "N.T.,
#: 5/19/22, at 45" (the notes of testimony), "PCRA Court Opinion, 1/2/20, at 4".
_DATED_PAPER = re.compile(
    r"\b(?:(?:Trial|PCRA|Suppression)[ ]Court[ ]Opinion|Trial[ ]Ct\.[ ]Op\."
    r"|N\.T\.[ ]?(?:\([^)\n]{1,30}\))?)"
    r",[ ]\d{1,2}/\d{1,2}/\d{2,4},[ ]at[ ]\d+(?:[-–]\d+)?(?:[ ]n\.[ ]?\d+)?"
)
#: The states as the Bluebook abbreviates them, for a code named in words ("Texas Insurance Code").
_STATES = us_states.ABBREVIATIONS
#: The words of a code's title as the Bluebook abbreviates them (its tables T1 and T6).
_CODE_WORDS = {
    "civil": "Civ.", "procedure": "Proc.", "practice": "Prac.", "remedies": "Rem.",
    "government": "Gov't", "insurance": "Ins.", "business": "Bus.", "professions": "Prof.",
    "commerce": "Com.", "commercial": "Com.", "labor": "Lab.", "evidence": "Evid.",
    "family": "Fam.", "probate": "Prob.", "education": "Educ.", "vehicle": "Veh.",
    "corporations": "Corp.", "financial": "Fin.", "finance": "Fin.", "revenue": "Rev.",
    "taxation": "Tax'n", "welfare": "Welf.", "institutions": "Inst.", "public": "Pub.",
    "utilities": "Util.", "property": "Prop.", "criminal": "Crim.", "transportation": "Transp.",
    "agriculture": "Agric.", "elections": "Elec.", "election": "Elec.", "occupations": "Occ.",
    "local": "Loc.", "human": "Hum.", "resources": "Res.", "natural": "Nat.", "estates": "Est.",
    "alcoholic": "Alco.", "beverage": "Bev.", "unemployment": "Unemp.", "and": "&",
}  # fmt: skip
_STATE_NAME = "|".join(re.escape(name) for name in sorted(_STATES, key=len, reverse=True))
_STATE_ABBR = "|".join(
    re.escape(a) for a in sorted(set(_STATES.values()), key=lambda a: (-len(a), a))
)
_TITLE_WORD = r"(?:[A-Z][a-z]+\.?|[A-Z][a-z]*['’][a-z]+|[A-Z]{2,}['’]?[A-Z]*\.?|and|&)"
_CODE_SECTION_NUMBER = (
    r"(?P<section>\d+(?:[.:-]\d+)*[a-z]?)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)(?![\w.-]\w)"
)
#: A state's code named by its title: "Tex. Gov't Code § 552.001", "TEX. INS. CODE § 4001.003",
#: "Texas Insurance Code § 4001.003(1)", "California Code of Civil Procedure section 425.16",
#: "Cal. Code Civ. Proc. § 425.16", "Code Civ. Proc., § 425.16", "Penal Code section 502(c)".
#: eyecite knows many abbreviated codes; this finds the others and the codes in words.
_NAMED_CODE = re.compile(
    rf"(?:\b(?P<state>{_STATE_NAME}|(?i:{_STATE_ABBR}))[ ])?"
    rf"(?P<title>(?!and|&){_TITLE_WORD}[ ](?:{_TITLE_WORD}[ ]){{0,4}}"
    r"(?:Code|CODE)(?:[ ](?:Ann\.|ANN\.))?"
    rf"|(?:Code|CODE)[ ]of[ ](?:{_TITLE_WORD}[ ]?){{1,4}}?(?={_TITLE_WORD}?[ ,]*(?:§|[Ss]ection))"
    rf"|(?:Code|CODE)(?:[ ]{_TITLE_WORD}){{1,3}})"
    rf",?[ ]?(?:§§?|[Ss]ections?|Sec\.)[ ]?{_CODE_SECTION_NUMBER}"
)
#: Federal codes named in words: "section 501(c)(3) of the Internal Revenue Code", "I.R.C. §
#: 501(c)(3)", "Bankruptcy Code section 362": titles 26 and 11 of the U.S. Code.
_FEDERAL_CODES = {
    "Internal Revenue Code": "26",
    "I.R.C.": "26",
    "IRC": "26",
    "Bankruptcy Code": "11",
}
_FEDERAL_CODE = re.compile(
    r"\b(?P<code>Internal[ ]Revenue[ ]Code|I\.R\.C\.|IRC|Bankruptcy[ ]Code),?[ ]?"
    rf"(?:§§?|[Ss]ections?|Sec\.)[ ]?{_CODE_SECTION_NUMBER}"
    rf"|\b[Ss]ection[ ]{_CODE_SECTION_NUMBER.replace('section', 'section2').replace('sub', 'sub2')}"
    r"[ ]of[ ]the[ ](?P<code2>Internal(?:\s+\d{1,2})?\s+Revenue\s+Code|Bankruptcy\s+Code)"
)
#: "Section 5 of the Securities Act of 1933" = "Securities Act § 5".
_ACT_SECTION = re.compile(
    r"\b[Ss]ection\s+(?P<section>\d+[a-z]?(?:\([a-zA-Z0-9]{1,4}\))*)\s+of\s+the\s+"
    r"(?P<act>(?:[A-Z][\w&’'-]*\s+){1,6}?Act|CFAA|DMCA|CDA)\b"
)
#: Acts whose sections are the sections of one title of the U.S. Code ("Section 1 of the
#: Sherman Act" = "15 U.S.C. § 1", "section 107 of the Copyright Act" = "17 U.S.C. § 107").
_CODIFIED_ACTS = {
    "Sherman Act": "15", "Copyright Act": "17", "Patent Act": "35",
    "Computer Fraud and Abuse Act": "18",
    "CFAA": "18", "Digital Millennium Copyright Act": "17", "DMCA": "17",
    "Communications Decency Act": "47", "CDA": "47",
}  # fmt: skip
#: Excerpts of record in appellate briefs: "ER 12", "2-ER-345".
#: Also the supplemental and further excerpts ("SER 12", "2-FER-345"), a joint appendix ("J.A.
#: 12", "JA12"), the Federal Circuit's "Appx123", the Fifth Circuit's record on appeal
#: ("ROA.123", "ROA.22-10338.123"), the Sixth Circuit's record entries ("R. 45, PageID 123") and
#: an appendix cited in parentheses or after "see" ("(App. 34)"; never "Tex. App. 2020").
_EXCERPTS = re.compile(
    r"(?<![\w-])(?:\d{1,2}-)?(?:[SF]?ER)[- ]\d{1,5}(?:[-–]\d{1,5})?\b"
    r"|(?<![\w.])(?:J\.[ ]?A\.|JA)[ ]?\d{1,5}(?:[-–]\d{1,5})?\b"
    r"|\bAppx[ ]?\d{1,6}(?:[-–]\d{1,6})?\b"
    r"|\bROA\.[ ]?(?:\d{2}-\d{3,5}\.)?\d{1,6}(?:[-–]\d{1,6})?\b"
    r"|(?<![\w.])R\.[ ]?\d{1,4},[ ]?Page[ ]?ID[ ]?#?[ ]?\d{1,6}(?:[-–]\d{1,6})?"
    r"|(?:(?<=\()|(?<=[Ss]ee[ ])|(?<=;[ ]))App\.[ ]?(?!(?:19|20)\d\d\))"
    r"\d{1,4}[a-z]?(?:[-–]\d{1,4}[a-z]?)?(?!\w)"
)
#: The record by page, as a citation sentence in brackets gives it (after "(", "[", "; " or
#: "see"): the record ("(R. at 65.)", "(R. at 80, 113.)"; the Northern District of Illinois'
#: docket entries, "(R. 22, SAC ¶ 5)") and the District of Nebraska's docket entries ("(filing
#: 207)", "(See filing 210 at 1 & n. 1)", "(Filing No. 56)", "See Filing No. 1."). Kept as written.
_RECORD_PAGES_REST = (
    r"[ ](?:at[ ])?\d{1,5}(?:[-–]\d{1,5})?(?:,[ ]?\d{1,5}(?:[-–]\d{1,5})?)*"
    r"(?:,?[ ]at[ ]\d{1,5}(?:[-–]\d{1,5})?)?(?![\w:/(-]|[.,]\d|,[ ]?Page)"  # "R. 45, PageID 123"
)
#: One expression a form, each with a literal first character (a scan for "R." or "filing" is
#: much cheaper than one for either), and the string every match of it starts with.
_RECORD_PAGES = tuple(
    (re.compile(form + _RECORD_PAGES_REST), literal)
    for form, literal in ((r"R\.", "R. "), (r"filing(?:[ ]No\.)?", "filing "),
                          (r"Filing(?:[ ]No\.)?", "Filing "))
)  # fmt: skip
#: What must stand right before a ``_RECORD_PAGES`` match (read backwards from it).
_RECORD_PAGES_BEFORE = re.compile(r"(?:[(\[]|;[ ]|\b[Ss]ee[ ])$")
#: A part of the record named and given its abbreviation in brackets ("Report of Proceedings
#: (RP)", "Clerk's Papers (CP)", "Administrative Record (\"AR\")", "Reporter's Transcript (RT)"),
#: as state appellate courts and agency-review orders do; the abbreviation is then a record
#: reference wherever a page follows it ("RP at 416-17", "CP 45", "2 RP 12"). Only an
#: abbreviation the text defines so is read: undefined, "CP 45" may be a rule ("CR 56").
_RECORD_PART_DEFINED = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’]*[ ](?:of[ ])?){0,3}"
    r"(?:Record(?:[ ]on[ ]Appeal)?|Papers|Proceedings|Transcripts?|Appendix))"
    r"[ ]\([“\"]?(?P<abbr>[A-Z](?:\.?[A-Z]){1,4}\.?)[”\"]?\)"
)
#: What follows a defined abbreviation (or its definition) as a page of that part of the record.
_RECORD_PART_PAGES = (
    r"(?:[ ]at)?[ ]\d{1,5}(?:[-–]\d{1,5})?(?:,[ ]?\d{1,5}(?:[-–]\d{1,5})?)*(?![\w(:/]|[.,]\d)"
)
_RECORD_PART_PAGES_AFTER = re.compile(_RECORD_PART_PAGES)
_RECORD_PART_CUE = re.compile(r"(?:Record|Appeal|Papers|Proceedings|Transcripts?|Appendix) \(")
#: A paper cited by its date and name, with a pin, in parentheses (Ohio's Tenth District:
#: "(May 20, 2019 Mot. to Dismiss at 2.)", "(Apr. 22, 2019 App. to Vacate at 1.)").
_DATED_NAMED_PAPER = re.compile(
    r"\((?P<paper>(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2},"
    r"[ ]\d{4}[ ]"
    r"[A-Z][\w.'’&]*(?:[ ](?:of|to|for|in|on|re|and|&|[A-Z][\w.'’]*)){0,6}?[ ]at[ ]"
    + r"\d+(?:[-–]\d+)?(?:,[ ]?\d+(?:[-–]\d+)?)*)"
)
#: The Federal Rules: "Fed. R. Civ. P. 23(b)(3)", "Fed. R. Evid. 702".
_FEDERAL_RULE = re.compile(
    r"\b(?i:Fed\.\s*R\.\s*)(?P<set>(?i:Civ|Crim|App|Bankr|Evid))\.\s*(?i:P\.\s*)?"
    r"(?P<num>\d{1,4}(?:\.\d+)?)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
)
#: The Federal Rules in words: "Federal Rule of Civil Procedure 12(b)(6)", "Rule 12(b)(6) of
#: the Federal Rules of Civil Procedure", "Federal Rules of Evidence 702", "FRCP 26(b)(1)".
_RULE_SETS = {
    "Civil Procedure": "Civ. P.", "Criminal Procedure": "Crim. P.",
    "Appellate Procedure": "App. P.", "Bankruptcy Procedure": "Bankr. P.", "Evidence": "Evid.",
    "FRCP": "Civ. P.", "FRCrP": "Crim. P.", "FRAP": "App. P.", "FRE": "Evid.", "FRBP": "Bankr. P.",
    "F.R.C.P.": "Civ. P.", "F.R.Civ.P.": "Civ. P.", "F.R.Crim.P.": "Crim. P.",
    "F.R.Cr.P.": "Crim. P.", "F.R.A.P.": "App. P.", "F.R.E.": "Evid.", "F.R.B.P.": "Bankr. P.",
    "Bankruptcy": "Bankr. P.",
}  # fmt: skip
_RULE_NUMBER = r"(?P<num>\d{1,4}(?:\.\d)?)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
#: A further rule of the same set in a list: "Fed. R. Civ. P. 12(b)(1) and 12(b)(6)", "Federal
#: Rules of Civil Procedure 26(a), 33, and 37(c)": a number with its subsections, or one that
#: ends the list (not "Rule 12(b)(6) and 30 days").
_MORE_RULES = re.compile(
    r"(?:,[ ]?(?:and[ ]|or[ ])?|[ ](?:and|or|&)[ ])"
    r"(?P<num>\d{1,3}(?:\.\d)?)(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))+|(?=[.;,)]|[ ]and[ ]\d))"
)
_WORDED_SET = (
    r"Federal\s+Rules?\s+of\s+"
    r"(?P<set>(?:Civil|Criminal|Appellate|Bankruptcy)\s+Procedure|Evidence)"
)
#: A short name defined between a rule set and its number: 'Federal Rule of Civil Procedure
#: ("Rule") 12(b)(6)', 'Federal Rule of Civil Procedure ("FED. R. CIV. P." or "Rule") 12(b)(6)'.
_DEFINED_NAME = r'(?:\s*\((?:["“][^"”()\n]{1,30}["”](?:\s+or\s+)?){1,3}\))?'
_WORDED_RULE = re.compile(
    rf"\b{_WORDED_SET}{_DEFINED_NAME}\s+{_RULE_NUMBER}(?![\w-]|\.\d)"
    rf"|\bRules?\s+{_RULE_NUMBER.replace('num', 'num2').replace('sub', 'sub2')}\s+of\s+the\s+"
    rf"{_WORDED_SET.replace('set', 'set2')}"
    rf"|(?<![\w.])(?P<set3>FRCP|FRCrP|FRAP|FRE|FRBP|F\.R\.C\.P\.|F\.R\.Civ\.P\.|F\.R\.Cr(?:im)?\.P\."
    r"|F\.R\.A\.P\.|F\.R\.E\.|F\.R\.B\.P\.)\s*"
    rf"{_RULE_NUMBER.replace('num', 'num3').replace('sub', 'sub3')}(?![\w-]|\.\d)"
    # the Bankruptcy Rules are numbered in thousands: "Bankruptcy Rule 4001(a)(2)"
    rf"|\b(?P<set4>Bankruptcy)[ ]Rules?[ ]"
    rf"{_RULE_NUMBER.replace('num', 'num4').replace('sub', 'sub4')}(?![\w-]|\.\d)"
)
#: A state's court rules: "Tex. R. Civ. P. 91a", "Tex. R. App. P. 47.7", "Pa. R. Civ. P. 1028",
#: "Cal. R. Ct. 8.1115", "Cal. Rules of Court, rule 8.1115", "N.Y. C.P.L.R. 3211(a)(7)", as
#: written.
_STATE_COURT_RULE = re.compile(
    rf"\b(?i:{_STATE_ABBR})[ ]?"
    # "Mass. R. Civ. P., Rule 12 (b) (5)" (Massachusetts' district courts)
    r"(?:(?i:R\.[ ]?(?:Civ\.|Crim\.|App\.|Evid\.)[ ]?(?:P\.(?:,[ ]Rule)?[ ]?)?|R\.[ ]?Ct\.[ ]?)"
    r"|R\.[ ]?(?:A\.[ ]?P\.|C\.[ ]?P\.|E\.|Crim\.[ ]?P\.)[ ]?"  # Pennsylvania's "Pa.R.A.P. 1925(b)"
    r"|(?:S\.[ ]?Ct\.|Sup\.[ ]?Ct\.)[ ]?R\.[ ]?"
    r"|Rules[ ]of[ ]Court,[ ]rule[ ]|C\.[ ]?P\.[ ]?L\.[ ]?R\.[ ]?)"
    r"\d{1,4}(?:\.\d{1,4})?[a-z]?(?:\([a-zA-Z0-9]{1,4}\)|[ ]\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,2})\))*"
)
#: What every ``_STATE_COURT_RULE`` match holds after its state: a scan for it is much cheaper
#: than the state alternation tried at every word, and most texts hold none.
_STATE_COURT_RULE_CUE = re.compile(
    r"(?i:R\.[ ]?(?:Civ|Crim|App|Evid|Ct)\.)|R\.[ ]?(?:A\.[ ]?P|C\.[ ]?P|E)\.|Ct\.[ ]?R\."
    r"|Rules[ ]of[ ]Court,"
    r"|C\.[ ]?P\.[ ]?L\.[ ]?R\."
)
#: A state's rules in words: "rule 22(a) of the California Rules of Court" = "Cal. Rules of Court,
#: rule 22(a)" (the California Style Manual's form), "Rule 1.7 of the Texas Rules of Evidence" =
#: "Tex. R. Evid. 1.7"; "California Rules of Court, rule 8.1115".
_STATE_RULE_SETS = {
    "Civil Procedure": "Civ. P.", "Criminal Procedure": "Crim. P.", "Evidence": "Evid.",
    "Appellate Procedure": "App. P.",
}  # fmt: skip
_STATE_RULE_WORDED = re.compile(
    r"\b[Rr]ule[ ](?P<num>\d{1,3}(?:\.\d{1,4})?[a-z]?(?:\([a-zA-Z0-9]{1,4}\))*)[ ]of[ ]the[ ]"
    rf"(?P<state>{_STATE_NAME})[ ]Rules[ ]of[ ]"
    r"(?P<set>Court|Civil[ ]Procedure|Criminal[ ]Procedure|Evidence|Appellate[ ]Procedure)\b"
)
#: The state first: "Florida Rule of Civil Procedure 1.525", "Pennsylvania Rule of Appellate
#: Procedure 1925(b)", "California Rules of Court, rule 8.1115" (the state is read on the words
#: before the rule set, ``_STATE_BEFORE``: a scan for the state's name at every word is costly).
_STATE_FIRST_RULE = re.compile(
    r"[ ]Rules?[ ]of[ ]"
    r"(?P<set>Civil[ ]Procedure|Criminal[ ]Procedure|Evidence|Appellate[ ]Procedure|Court,[ ]rule)"
    r"[ ](?P<num>\d{1,4}(?:\.\d{1,4})?[a-z]?(?:\([a-zA-Z0-9]{1,4}\))*)"
)
_STATE_BEFORE = re.compile(rf"\b(?:{_STATE_NAME})$")
#: A state supreme court's rules in words, as written: "Supreme Court Rule 23", "Illinois Supreme
#: Court Rule 308(a)", "Missouri Supreme Court Rule 55.03".
_SUPREME_COURT_RULE = re.compile(
    rf"\b(?:(?:{_STATE_NAME})[ ])?Supreme[ ]Court[ ]Rule[ ](?P<num>\d{{1,3}}(?:\.\d{{1,3}})?)"
    r"(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
)
#: Ohio's rules as its courts cite them (the Ohio Manual of Citations): "Civ.R. 56(C)",
#: "Evid.R. 804", "Crim.R. 11(C)(2)", "App.R. 12(A)(1)(b)", "Juv.R. 29", as written.
_OHIO_RULE = re.compile(
    r"(?<![\w.])(?:Civ|Crim|Evid|App|Juv|Traf|Sup)\.[ ]?R\.[ ]?"
    r"\d{1,3}(?:\.\d{1,2})?(?:\([a-zA-Z0-9]{1,4}\))*"
)
#: "Rule 11": a Federal Rule when the text's rule set is known (see ``_bare_rules``); "Rule
#: 702" (three or four digits) one of the Rules of Evidence.
_BARE_RULE = re.compile(
    # Minnesota's and Iowa's rules are numbered "56.06", "3.01(c)", "215.1"; a state court writes
    # "rule 215.1" in lower case
    r"(?<!Circuit )(?<!Local )(?<!Civil )(?<!Criminal )\b[Rr]ules?\s+(?P<num>\d{1,4}(?:\.\d{1,2})?)"
    # Massachusetts spaces its subsections: "Rule 12 (b) (6)" (never a year: "Rule 11 (1993)")
    r"(?P<sub>(?:\([a-zA-Z0-9]{1,4}\)|[ ]\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,2})\))*)"
    r"(?![\w-]|\.\d|\s+of\s+the\s+Federal)"
)
#: Local rules: "Civil Local Rule 7-3", "Civil L.R. 7-3", "L.R. 7-1", "Local Rule 37.2", "N.D.
#: Cal. Civ. L.R. 79-5", "Local Civil Rule 5.2", "LCvR 7(m)", "Patent L.R. 3-1"; in a
#: transcript's capitals too ("LOCAL RULE 7-9").
_LOCAL_RULE = re.compile(
    r"(?<![\w.])(?P<court>[A-Z]\.[ ]?[A-Z]\.[ ]?[A-Z][a-z]{1,4}\.[ ])?"
    r"(?P<set>(?:(?i:Civil|Criminal|Patent|Admiralty|Bankruptcy)|Civ\.|Crim\.)[ ])?"
    r"(?P<name>(?i:Local[ ](?:Civil[ ]|Criminal[ ]|Patent[ ]|Bankruptcy[ ])?Rules?)"
    r"|L\.[ ]?(?:Civ\.[ ]?|Cr\.[ ]?)?R\.|LCvR|LCrR)"
    r"[ ]?(?P<num>\d{1,3}(?:[-.]\d{1,3}){0,2}[a-z]?(?:\([a-zA-Z0-9]{1,4}\))*)(?![\w-])"
    # in words: "Rule 7.1 of the Court's Local Rules", "Rule 5.2 of the Local Civil Rules"
    r"|\bRule[ ]\d{1,3}(?:[-.]\d{1,3}){0,2}(?:\([a-zA-Z0-9]{1,4}\))*[ ]of[ ]the[ ]"
    r"(?:(?:Court|District)['’]s[ ])?Local[ ](?:Civil[ ]|Criminal[ ])?Rules\b"
)
#: The court a caption names under "UNITED STATES DISTRICT COURT": "NORTHERN DISTRICT OF
#: CALIFORNIA", "for the District of Delaware" (a line number or "FOR THE" between them). The
#: heading opens its line (after a line number, "IN THE" at most): not a court named in the
#: text ("Appeal from the United States District Court for the District of New Mexico").
_CAPTION_DISTRICT = re.compile(
    r"(?m:^)[ \t\d]*(?i:in[ ]the[ ])?(?i:united[ ]states[ ]district[ ]court),?"
    r"[ \t]*\n?[ \t]*(?:\d{1,2}[ \t]+)?(?i:for[ ]the[ ])?"
    r"(?:(?P<part>(?i:northern|southern|eastern|western|central|middle))[ ])?"
    r"(?i:district[ ]of)[ ](?P<state>[A-Za-z]+(?:[ ][A-Za-z]+)?)"
)
#: How far into a text its caption may stand (a cover page, an attorney block above it).
CAPTION_CHARS = 5000
_BARE_SECTION = re.compile(
    r"(?<![\w.])§\s*(?P<section>\d+[a-z]{0,3})(?P<chapter>(?:[.:-]\d+)+[a-z]?)?"
    r"(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
)


#: The states' own abbreviations of their codes, as their courts cite them, -> the Bluebook's
#: name (table T1): "O.C.G.A. § 9-11-12" = "Ga. Code Ann. § 9-11-12", "RCW 9A.04.110" =
#: "Wash. Rev. Code § 9A.04.110", "815 ILCS 505/2" = "815 Ill. Comp. Stat. 505/2", "section
#: 558.011, RSMo 2016" = "Mo. Rev. Stat. § 558.011", "G.L. c. 93A, § 11" = "Mass. Gen. Laws ch.
#: 93A, § 11". eyecite knows the Bluebook's names, not these.
_OFFICIAL_CODES = {
    "OCGA": "Ga. Code Ann.", "NJSA": "N.J. Stat. Ann.", "ARS": "Ariz. Rev. Stat. Ann.",
    "KSA": "Kan. Stat. Ann.", "RSMO": "Mo. Rev. Stat.", "RCW": "Wash. Rev. Code",
    "ORS": "Or. Rev. Stat.", "MCL": "Mich. Comp. Laws", "MCLA": "Mich. Comp. Laws",
    "NRS": "Nev. Rev. Stat.", "NMSA": "N.M. Stat. Ann.", "CRS": "Colo. Rev. Stat.",
    "HRS": "Haw. Rev. Stat.", "RSA": "N.H. Rev. Stat. Ann.", "SDCL": "S.D. Codified Laws",
    "NDCC": "N.D. Cent. Code", "CPLR": "N.Y. C.P.L.R.", "LARS": "La. Stat. Ann.",
    "ILCS": "Ill. Comp. Stat.", "PACS": "Pa. Cons. Stat.", "GL": "Mass. Gen. Laws",
    "MGL": "Mass. Gen. Laws", "RC": "Ohio Rev. Code Ann.",
}  # fmt: skip
_OFFICIAL_ABBR = (
    r"O\.C\.G\.A\.|OCGA|N\.J\.S\.A\.|A\.R\.S\.|K\.S\.A\.|RCW|ORS|M\.?C\.?L\.?(?:A\.?)?|NRS"
    r"|N\.?M\.?S\.?A\.?(?:[ ]1978)?|C\.R\.S\.|HRS|RSA|SDCL|N\.D\.C\.C\.|CPLR|C\.P\.L\.R\."
    r"|La\.[ ]R\.[ ]?S\.|R\.[ ]?C\.(?=[ ]\d+\.\d)"
)
_OFFICIAL_SECTION = (
    r"(?P<section>\d[\dA-Z]*(?:[.:/–-][\dA-Z]+)*)"
    r"(?P<sub>(?:\([a-zA-Z0-9]{1,4}\)|\[[a-z0-9]{1,4}\])*)"  # New York's "CPLR 5701[c]"
)
_OFFICIAL_CODE = re.compile(
    # "O.C.G.A. § 9-11-12", "RCW 9A.04.110" (without "§" the number has its chapter's point)
    rf"(?<![\w.])(?P<abbr>{_OFFICIAL_ABBR}),?[ ]?(?:(?P<sign>§§?)[ ]?)?{_OFFICIAL_SECTION}"
    # "815 ILCS 505/2", "42 Pa.C.S. § 5524"
    rf"|\b(?P<title>\d{{1,3}})[ ](?P<abbr2>ILCS|Pa\.[ ]?C\.[ ]?S\.(?:A\.)?)[ ]?(?:§§?[ ]?)?"
    rf"{_OFFICIAL_SECTION.replace('section', 'section2').replace('sub', 'sub2')}"
    # "G.L. c. 93A, § 11", "M.G.L. ch. 93A"
    r"|(?<![\w.])(?P<abbr3>M\.?G\.?L\.?|G\.[ ]?L\.)[ ]c(?:h)?\.[ ]?(?P<chapter>\d+[A-Z]?)"
    r"(?:,[ ]?§[ ]?(?P<section3>\d+[A-Z]?)(?P<sub3>(?:\([a-zA-Z0-9]{1,4}\))*))?"
    # "section 558.011, RSMo 2016", "§ 558.011 RSMo"
    r"|(?:\b[Ss]ection|§)[ ]?(?P<section4>\d+\.\d+)(?P<sub4>(?:\([a-zA-Z0-9]{1,4}\))*),?[ ]RSMo\b"
    # Colorado's official style puts its code after the section: "§ 24-10-106(1)(d)(I), C.R.S.
    # 2016", "section 13-17-201, C.R.S." (its subsections may hold a point: "(1.3)")
    r"|(?:\b[Ss]ection|§)[ ]?(?P<section5>\d+-\d+(?:\.\d+)?-\d+(?:\.\d+)?)"
    r"(?P<sub5>(?:\([a-zA-Z0-9.]{1,4}\))*),?[ ]C\.R\.S\."
)


#: A code abbreviation must be in the text before ``_OFFICIAL_CODE`` is run at all.
_OFFICIAL_HINTS = ("O.C.G.A.", "N.J.S.A.", "A.R.S.", "K.S.A.", "RCW", "ORS", "MCL", "M.C.L", "NRS",
                   "NMSA", "N.M.S.A", "C.R.S.", "HRS", "RSA", "SDCL", "N.D.C.C.", "CPLR",
                   "C.P.L.R.", "R.S.", "R. S.", "ILCS", "C.S.", "C. S.", "G.L.", "G. L.", "MGL",
                   "RSMo", "R.C. ", "OCGA")  # fmt: skip


#: New York's "CPLR article 78" = "N.Y. C.P.L.R. art. 78".
_CPLR_ARTICLE = re.compile(
    r"\b(?:CPLR|C\.P\.L\.R\.)[ ](?:[Aa]rticle|art\.)[ ]?(?P<art>\d{1,3}[A-Z]?)\b"
)
#: The Sentencing Guidelines: "U.S.S.G. § 2B1.1(b)(1)", "USSG §3E1.1", "United States Sentencing
#: Guideline § 2K2.1(c)(1)" = "U.S.S.G. § 2K2.1(c)(1)" (a guideline's number: chapter, part
#: letter, section: "2K2.1"); kind "other" (neither statute nor court rule).
_GUIDELINE = re.compile(
    r"\b(?:U\.[ ]?S\.[ ]?S\.[ ]?G\.|USSG|(?:United[ ]States[ ])?Sentencing[ ]Guidelines?"
    r"(?:[ ]Manual)?)[ ]?§§?[ ]?"
    r"(?P<num>\d{1,2}[A-Z]\d\.\d{1,2}(?:\([a-zA-Z0-9]{1,4}\))*)"
)


#: Florida's official style: "section 57.105(1), Florida Statutes (2017)" = "Fla. Stat. §
#: 57.105(1)"; a later bare "section 57.105(1)" in the same text is that statute.
_FLORIDA_STATUTE = re.compile(
    r"(?=[Ss])\b[Ss]ections?[ ](?P<section>\d{1,4}\.\d{2,5})(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
    r"(?P<named>,[ ]Florida[ ]Statutes)?"
)
#: Connecticut's official style: "General Statutes § 52-235", "General Statutes (Rev. to 2017) §
#: 53a-32" = "Conn. Gen. Stat. § 52-235"; its court rules, "Practice Book § 61-11".
_CONNECTICUT = re.compile(
    r"\b(?P<book>General[ ]Statutes|Practice[ ]Book)[ ](?:\(Rev\.[ ]to[ ]\d{4}\)[ ])?§§?[ ]?"
    r"(?P<section>\d{1,3}[a-z]?-\d{1,4}[a-z]*)(?P<sub>(?:[ ]?\([a-zA-Z0-9]{1,4}\))*)"
)
#: Court rules numbered with a colon: New Jersey's "R. 1:36-3", "Rule 4:46-2(c)", Massachusetts'
#: "rule 1:28", Virginia's "Rule 5:25"; and Michigan's court rules and rules of evidence,
#: "MCR 2.116(C)(10)", "MRE 404(b)". As written.
_COLON_RULE = re.compile(
    r"(?=[RrM])(?<![\w.])(?:R\.|Rules?|rules?|RULES?)[ ]"
    r"(?P<num>\d{1,2}:\d{1,3}(?:-\d{1,3}[A-Za-z]?)?)"
    r"(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)(?![\w:])"
    r"|\bM(?:CR|RE)[ ]\d{1,3}(?:\.\d{1,3})?(?:\([a-zA-Z0-9]{1,4}\))*"
)
_COLON_RULE_CUE = re.compile(r"(?=[RrM])(?:R\.|[Rr]ules?|RULES?)[ ]\d{1,2}:\d|MCR[ ]\d|MRE[ ]\d")


def _state_laws(text: str) -> list[FoundCitation]:
    """Florida's and Connecticut's statutes in their courts' own style, and court rules numbered
    with a colon (``_FLORIDA_STATUTE``, ``_CONNECTICUT``, ``_COLON_RULE``)."""
    out: list[FoundCitation] = []
    if "Florida Statutes" in text:
        for m in _FLORIDA_STATUTE.finditer(text):
            normalized = f"Fla. Stat. § {m['section']}{m['sub']}"
            out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    if "General Statutes" in text or "Practice Book" in text:
        for m in _CONNECTICUT.finditer(text):
            sub = m["sub"].replace(" ", "")
            statutes = m["book"].startswith("General")
            code = "Conn. Gen. Stat." if statutes else "Conn. Practice Book"
            normalized = f"{code} § {m['section']}{sub}"
            kind = "statute" if statutes else "rule"
            out.append(FoundCitation(m.group(0), kind, normalized, m.start(), m.end()))
    for m in _COLON_RULE.finditer(text) if _COLON_RULE_CUE.search(text) else ():
        out.append(
            FoundCitation(m.group(0), "rule", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
        )
    return out


def _official_codes(text: str) -> list[FoundCitation]:
    out: list[FoundCitation] = []
    for m in _CPLR_ARTICLE.finditer(text) if "C" in text else ():
        normalized = f"N.Y. C.P.L.R. art. {m['art']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    for m in _GUIDELINE.finditer(text) if "G" in text else ():
        normalized = f"U.S.S.G. § {m['num']}"
        out.append(FoundCitation(m.group(0), "other", normalized, m.start(), m.end()))
    if not any(hint in text for hint in _OFFICIAL_HINTS):
        return out
    for m in _OFFICIAL_CODE.finditer(text):
        if m["abbr"]:
            cplr = m["abbr"] == "CPLR"  # its sections have no chapter point
            dotted = re.search(r"[\dA-Z][.:/-][\dA-Z]", m["section"])
            if not m["sign"] and not dotted and not (cplr and len(m["section"]) >= 3):
                continue  # "ORS 12" without "§" or a chapter: not a code section
            code = _OFFICIAL_CODES[re.sub(r"[^A-Za-z]|1978", "", m["abbr"]).upper()]
            sub = re.sub(r"\[(\w+)\]", r"(\1)", m["sub"])  # "5701[c]" = "5701(c)"
            normalized = f"{code} § {m['section']}{sub}"
        elif m["abbr2"]:
            code = _OFFICIAL_CODES["ILCS" if m["abbr2"] == "ILCS" else "PACS"]
            sign = "" if m["abbr2"] == "ILCS" else "§ "
            normalized = f"{m['title']} {code} {sign}{m['section2']}{m['sub2']}"
        elif m["abbr3"]:
            section = f", § {m['section3']}{m['sub3']}" if m["section3"] else ""
            normalized = f"Mass. Gen. Laws ch. {m['chapter']}{section}"
        elif m["section5"]:
            normalized = f"Colo. Rev. Stat. § {m['section5']}{m['sub5']}"
        else:
            normalized = f"Mo. Rev. Stat. § {m['section4']}{m['sub4']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


def _chapter(section: str) -> str:
    """ "4001.003" -> "4001", "50-6-204" -> "50-6"."""
    return re.split(r"[.:-](?=\d+$)", section)[0]


_STATE_DOCKET = re.compile(
    r"\b(?P<num>[A-Z]{3}-\d{2}-\d{6})\b"
    # a California trial court's number in an appellate caption: "(Super. Ct. No. 03AS03133)",
    # "(Super. Ct. Contra Costa County No. C94-04141)", "(Super. Ct. No. BC123456)"
    r"|\bSuper\.[ ]Ct\.(?:[ ][A-Z][a-z]+){0,3}(?:[ ]County)?[ ]Nos?\.[ ]?"
    r"(?P<sup>[A-Z]{0,4}\d[\dA-Z]*(?:-[\dA-Z]+)*)(?=[),;\s])"
)
#: Pennsylvania's appellate numbers, "No. 879 WDA 2022" (the Superior Court's Western, Eastern
#: and Middle Districts; "EAP" and the others of the Supreme Court), and its courts of common
#: pleas' "CP-02-CR-0001241-2020"; run only where ``_PENNSYLVANIA_CUE`` finds their letters.
_PENNSYLVANIA_DOCKET = re.compile(
    r"\b(?P<pa>\d{1,4}[ ](?:[WEM]DA|[WEM]AL|[WEM]AP|[WEM]DM)[ ](?:19|20)\d{2})\b"
    r"|\b(?P<cp>(?:CP|MJ|MC)-\d{2}-(?:CR|CV|MD|SA|JV)-\d{7}-(?:19|20)\d{2})\b"
)
_PENNSYLVANIA_CUE = re.compile(r" [WEM](?:DA|AL|AP|DM) |CP-\d|MJ-\d|MC-\d")
_SUBSECTIONS = re.compile(r"^(?:\([a-zA-Z0-9]{1,4}\))+")
#: Subsections after a line break (a web page's citation link ends the line: "§§ 922\n(g)(1)");
#: never a year ("§ 1983\n(2018)").
_BROKEN_SUBSECTIONS = re.compile(r"^[ \t]*\n\s*(?:\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,2})\))+")
_SPACE = re.compile(r"\s+")


def normalize_docket(text: str) -> str | None:
    """The core key of the first docket number in ``text`` ("4:24-cv-04722-YGR" ->
    "24-cv-04722"), or None."""
    keys = docket_keys(text)
    return keys[0] if keys else None


def docket_keys(text: str) -> list[str]:
    """Every docket key in ``text`` (a Case.docket_number may list several)."""
    return [c.normalized for c in _dockets(text)]


def _shape(number: str) -> str:
    """ "A06A0719" -> "A99A9999": a docket number's letters and digits, for a list's numbers."""
    return re.sub(r"[A-Z]", "A", re.sub(r"\d", "9", number))


def _federal_key(m: re.Match[str]) -> str:
    return f"{m['yy']}-{m['type'].lower()}-{int(m['num']):05d}"


def _dockets(text: str) -> list[FoundCitation]:
    found = [
        FoundCitation(m.group(0), "docket", _federal_key(m), m.start(), m.end())
        for pattern in (_FEDERAL_DOCKET, _PACER_DOCKET, _COMPACT_DOCKET)
        if pattern is not _COMPACT_DOCKET or _COMPACT_CUE.search(text)
        for m in pattern.finditer(text)
    ]
    numbers = []
    patterns = [_NUMBERED_DOCKET, _LETTERED_DOCKET, _STATE_DOCKET]
    patterns += [_PENNSYLVANIA_DOCKET] if _PENNSYLVANIA_CUE.search(text) else []
    for pattern in patterns:
        for m in pattern.finditer(text):
            numbers.append(m)
            more = _MORE_DOCKETS.match(text, m.end()) if pattern is _NUMBERED_DOCKET else None
            while more:
                numbers.append(more)
                more = _MORE_DOCKETS.match(text, more.end())
    cued = [_CUED_DOCKET] if any(w in text for w in ("No", "NO", "NUMBER", "Number")) else []
    cued += [_GLUED_DOCKET_NUMBER] if "DocketNumber" in text else []
    for m in (m for pattern in cued for m in pattern.finditer(text)):
        one_piece = "-" not in m["num"] and "–" not in m["num"]
        if one_piece and not _ONE_PIECE.fullmatch(m["num"]):
            continue  # "No. 5", "No. 2019": no docket
        cue = _DOCKET_CUE.search(text, max(0, m.start() - 24), m.start())
        line_start = not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        # a number of three groups or more is a docket after any "No." (a court's name before
        # it: "Amarillo No. 07-19-00147-CV", "Trial Court No. 348-285454-16"), never a telephone
        grouped = m["num"].count("-") + m["num"].count("–") >= 2 and m.group(0)[:2] in ("No", "NO")
        phone = re.fullmatch(r"\d{3}-\d{3}-\d{4}", m["num"]) or re.search(
            r"(?:Tel|Fax|Phone|Telephone|Facsimile)\.?[ ]?$",
            text[max(0, m.start() - 12) : m.start()],
        )
        if one_piece:  # a docket word, a line's start or punctuation only, never "Pat. No."
            cue = _ONE_PIECE_CUE.search(text, max(0, m.start() - 24), m.start())
            line_start = False  # the cue reads a line's start
        if (cue is not None or line_start or (grouped and not phone)) and sum(
            ch.isdigit() for ch in m["num"]
        ) >= 4:
            numbers.append(m)
            more = _MORE_OF_SHAPE.match(text, m.end()) if m.group(0)[:3] in ("Nos", "NOS") else None
            while more and _shape(more["num"]) == _shape(m["num"]):
                numbers.append(more)  # "Case Nos. A06A0719 and A06A0721", "Nos. 356707 357862"
                more = _MORE_OF_SHAPE.match(text, more.end())
    heading = "pinion\n" in text or "PINION\n" in text
    for m in _NUMBER_UNDER_HEADING.finditer(text) if heading else ():
        one_piece = "-" not in m["num"] and "–" not in m["num"]
        if sum(ch.isdigit() for ch in m["num"]) >= 4 and not (
            one_piece and not _ONE_PIECE.fullmatch(m["num"])
        ):
            numbers.append(m)  # "2014" under the heading is a year
    for m in _TYPE_FIRST_DOCKET.finditer(text) if "R-" in text or "V-" in text else ():
        key = f"{m['yy']}-{m['type'].lower()}-{int(m['num']):05d}"
        if not any(c.start < m.end() and m.start() < c.end for c in found):
            found.append(FoundCitation(m.group(0), "docket", key, m.start(), m.end()))
    for m in _CASE_CALL.finditer(text):
        typed = m["type"] in ("CR", "CV")
        kind = f"-{m['type'].lower()}" if typed else ""
        key = f"{m['yy']}{kind}-{int(m['serial']):05d}" if typed else f"{m['yy']}-{m['serial']}"
        if not any(c.start < m.end() and m.start("num") < c.end for c in found):
            found.append(FoundCitation(m["num"], "docket", key, m.start("num"), m.end("num")))
    for m in _DISTRICT_STYLE_DOCKET.finditer(text) if _DISTRICT_STYLE_CUE.search(text) else ():
        k = next(k for k in ("", "2", "3") if m[f"yy{k}"])
        yy, kind, num = m[f"yy{k}"], m[f"type{k}"], m[f"num{k}"]
        key = f"{yy}-{'cr' if kind.upper().startswith('CR') else 'cv'}-{int(num):05d}"
        if not any(c.start < m.end() and m.start() < c.end for c in found):
            found.append(FoundCitation(m.group(0), "docket", key, m.start(), m.end()))
    for m in numbers:
        group = next((g for g in ("sup", "pa", "cp") if g in m.re.groupindex and m[g]), "num")
        start, end = m.start(group), m.end()
        if not any(c.start < end and start < c.end for c in found):
            key = _SPACE.sub(" ", m[group]).upper().replace("–", "-")
            found.append(FoundCitation(text[start:end], "docket", key, start, end))
    return found


def _statute_text(text: str, start: int, end: int) -> tuple[str, int]:
    """Extend a statute span over the rest of its section's number where eyecite stops short
    ("§§ 2000cc-2000c" + "c-5") and over its subsections ("§ 1030" + "(a)(2)")."""
    rest = _SECTION_REST.match(text, end)
    end = rest.end() if rest else end
    tail = _SUBSECTIONS.match(text[end:]) or _BROKEN_SUBSECTIONS.match(text[end:])
    end = end + tail.end() if tail else end
    return text[start:end], end


#: The rest of a section's number glued to where eyecite stopped: "c-5" of "2000cc-2000cc-5".
_SECTION_REST = re.compile(r"(?<=\d[a-z])[a-z]{1,2}(?:[-–]\d+[a-z]{0,3})*(?![\w-])")


_SPACED_INITIALS = re.compile(r"(?<=\b[A-Z]\.)\s+(?=[A-Z]\.)")


def _normalize_statute(text: str) -> str:
    """ "18 U. S. C. §1030(a)(2)" -> "18 U.S.C. § 1030(a)(2)"."""
    text = _SPACED_INITIALS.sub("", text)
    text = re.sub(
        r",?\s*\b(?:[Ss]ections?|Secs?\.)\s*(?=\d)", " § ", text
    )  # "U.S.C., Section 3582"
    text = _SPACE.sub(" ", text.replace("§§", "§§ ").replace("§", "§ ")).replace("§ §", "§§")
    text = _OCR_ONE.sub("1", text)  # a scanned "(l2)" is subsection 12
    text = text.replace("U.S.C.A.", "U.S.C.")  # the annotated edition cites the same code
    return _SPACE.sub(" ", text).strip()


#: A lower-case l (or capital I) read for the digit 1 by OCR, before a digit inside a
#: subsection's parentheses: "§ 50-6-118(a)(l2)". A roman "(I)" alone is left as it is.
_OCR_ONE = re.compile(r"(?<=\()[lI](?=\d)")


def find_citations(text: str, furniture: Sequence[tuple[int, int]] = ()) -> list[FoundCitation]:
    """Every citation in ``text``, in order of position; short forms resolved to the full
    citation before them. No citation is kept from the ``furniture`` ranges (page furniture,
    ``casebase.text.furniture``), and none is taken there as a short form's antecedent: a
    running head's docket or "Cite as: 593 U. S. ____" is not what the "Id." opening the next
    page repeats. The whole text is still read for context (a caption's court)."""
    found: list[FoundCitation] = []
    if not text.strip():
        return found  # eyecite refuses empty text
    read = text.translate(_HYPHENS)
    if read != text:  # "No. 20\u201116276": read with plain hyphens, given back as written
        return [replace(c, text=text[c.start : c.end]) for c in find_citations(read, furniture)]
    short: list[tuple[int, int, CitationBase | None]] = []
    parties: dict[int, set[str]] = {}  # a case cite's start: its parties' names
    for offset, squeezed, cite in _eyecite_citations(text):
        span = cite.span()
        start, end = offset + squeezed.start(span[0]), offset + squeezed.end(span[1])
        if isinstance(cite, FullCaseCitation):
            if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
                continue  # an official reporter's page break, "[34 Cal.2d 450]": no citation
            found.append(_case_citation(text, offset, squeezed, cite))
            parties[start] = {p for p in (cite.metadata.plaintiff, cite.metadata.defendant) if p}
        elif isinstance(cite, FullLawCitation):
            written, end = _statute_text(text, start, end)
            public_law = re.match(r"Pub\.\s?L\.\s?(?:No\.\s?)?\d+[-–]\d+(?=,\s*\d+$)", written)
            if public_law:  # "Pub. L. No. 115-264, 132" is the law; "132 Stat. 3676" follows
                written, end = public_law.group(0), start + public_law.end()
            normalized = _normalize_statute(written)
            found.append(FoundCitation(written, _law_kind(normalized), normalized, start, end))
        elif isinstance(cite, IdCitation | SupraCitation | ShortCaseCitation):
            short.append((start, end, cite))
    extras = [*_records(text), *_code_sections(text), *_act_sections(text), *_constitution(text)]
    extras += _named_codes(text)
    extras += _official_codes(text)
    extras += _capital_codes(text)
    extras += _state_laws(text)
    extras += [FoundCitation(m.group(0), "statute", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
               for m in _CONSTITUTION_NAMED.finditer(text)] if "Const" in text else []  # fmt: skip
    extras += [FoundCitation(m.group(0), "statute", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
               for m in _STATUTES_AT_LARGE.finditer(text)] if "Stat" in text else []  # fmt: skip
    extras += _dockets(text)
    extras += [FoundCitation(m.group(0), "case", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
               for m in _LEXIS.finditer(text)] if "LEXIS" in text else []  # fmt: skip
    short += [(m.start(), m.end(), None) for m in _OCR_ID.finditer(text)]
    if "bid." in text:  # eyecite misses "Ibid., quoting ..." and an "Ibid." after "593 U. S. ____"
        starts = {s[0] for s in short}
        short += [
            (m.start(), m.end(), None) for m in _IBID.finditer(text) if m.start() not in starts
        ]
    for extra in [*extras, *_rules(text), *_standing_orders(text)]:
        if not any(c.start < extra.end and extra.start < c.end for c in found):
            found.append(extra)
    found += _local_rules(text, found)
    _extend_section_lists(text, found)
    found += _bare_sections(text, found)
    found += _bare_rules(text, found)
    found += _home_state_laws(text, found)
    found.sort(key=lambda c: c.start)
    found += _paper_pins(text, found)
    found.sort(key=lambda c: c.start)
    _pleading_pins(text, found)
    _complete_dockets(found)
    _name_record_dockets(text, found)
    short.sort(key=lambda s: s[0])
    if furniture:
        furnished = Furniture(furniture)
        found = [c for c in found if not furnished.overlaps(c.start, c.end)]
        short = [s for s in short if not furnished.overlaps(s[0], s[1])]
    return _with_short_forms(text, found, short, parties)


#: A paper named right before its record reference: "Order, ECF No. 874", "Compl., Dkt. No. 1",
#: "Mem. of Law, ECF No. 12".
_TITLED_RECORD = re.compile(
    r"(?<![\w.’'])(?P<title>[A-Z][\w.’']*(?:[ ](?:[A-Z][\w.’']*|of|to|in|for|and|&)){0,5}),[ ]"
    r"(?=ECF|Dkt|DKT|Docket|DOCKET|Doc\.|Document)"
)
_PAPER_TITLE_PIN = r"[ ]at[ ](?:¶+[ ]?)?\d+(?:[-–]\d+)?"
#: A paper's name in parentheses right after its record reference: "ECF No. 1-6 (FOIA Request)".
_RECORD_THEN_TITLE = re.compile(
    r"[ ]\((?P<title>[A-Z][\w.’']*(?:[ ](?:[A-Z][\w.’']*|of|to|in|for|and|&)){0,5})\)"
)


def _paper_pins(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """ "Order at 2" after "Order, ECF No. 874": a short form of that record reference."""
    records = {c.start: c for c in found if c.kind == "record"}
    if not records:
        return []  # a paper is named only before a record reference
    titles: dict[str, str] = {}
    for m in _TITLED_RECORD.finditer(text):
        record = records.get(m.end())
        if record and m["title"] not in ("See", "Id.", "Cf.", "See also"):
            titles.setdefault(m["title"], _base(record))
    for record in records.values():  # "ECF No. 1-6 (FOIA Request) at 1" (D.D.C.)
        named = _RECORD_THEN_TITLE.match(text, record.end)
        if named:
            titles.setdefault(named["title"], _base(record))
    out: list[FoundCitation] = []
    for title, target in titles.items():
        written = re.escape(title).replace(r"\ ", r"\s+")  # "FOIA\nRequest at 2"
        pattern = rf"(?<![\w.’'])(?:{written}){_PAPER_TITLE_PIN}(?!\w)"
        for m in re.finditer(pattern, text):
            if not any(c.start < m.end() and m.start() < c.end for c in [*found, *out]):
                out.append(FoundCitation(m.group(0), "short_form", target, m.start(), m.end()))
    return out


#: A Lexis cite of any reporter eyecite does not know: "2015 TN Wrk. Comp. App. Bd. LEXIS 39".
_LEXIS = re.compile(r"\b(?:19|20)\d{2}\s+(?:[A-Z][\w.&'’]*\s+){1,8}?LEXIS\s+\d{1,7}\b")
#: "Id." as OCR reads it from a scanned page: "!d.", "ld." (no English word).
#: "Ibid." (the Supreme Court's "id." without a pin).
_IBID = re.compile(r"(?<![\w.])[Ii]bid\.(?=[\s,;)])")
_OCR_ID = re.compile(r"(?<![\w!])(?:!d|ld)\.(?=[\s,])")


def _complete_dockets(found: list[FoundCitation]) -> None:
    """A docket number written short ("Criminal Action 19-377", "NO. CR-00377 WHA") is the
    full number the text gives elsewhere (its caption, a court's stamp: "3:19-cr-00377") when
    one full number has that year or type and that number."""
    full: dict[tuple[str, int], set[str]] = {}
    for c in found:
        m = re.fullmatch(r"(\d{2})-([a-z]{2})-(\d+)", c.normalized) if c.kind == "docket" else None
        if m:
            full.setdefault((m[1], int(m[3])), set()).add(c.normalized)
            full.setdefault((m[2], int(m[3])), set()).add(c.normalized)
    for c in found:
        m = re.fullmatch(r"(\d{2}|CR|CV)-(\d+)", c.normalized) if c.kind == "docket" else None
        keys = full.get((m[1].lower(), int(m[2])), set()) if m else set()
        if len(keys) == 1:
            c.normalized = next(iter(keys))


#: What may stand between a docket number and the record reference that follows it.
_DOCKET_TO_RECORD = re.compile(r"[\s,;(]{1,4}")


def _name_record_dockets(text: str, found: list[FoundCitation]) -> None:
    """A record reference right after a docket number ("No. 22-cv-05937, Dkt. 202", "(See
    23-cv-11195, ECF 379)") is an entry of that docket."""
    for before, cite in pairwise(found):
        adjacent = _DOCKET_TO_RECORD.fullmatch(text[before.end : cite.start])
        if (before.kind, cite.kind) == ("docket", "record") and adjacent:
            cite.docket = before.normalized


def _case_citation(
    text: str, offset: int, squeezed: _Squeezed, cite: FullCaseCitation
) -> FoundCitation:
    """A reporter citation, its span over its pin ("200 U. S. 321, 337" = "200 U.S. 321")."""
    start, end = offset + squeezed.start(cite.span()[0]), offset + squeezed.end(cite.span()[1])
    pin, pin_end = cite.metadata.pin_cite, cite.metadata.pin_cite_span_end
    if pin and pin_end and re.fullmatch(r"\d+(?:[-–]\d+)?", pin):
        end = offset + squeezed.end(pin_end)
    normalized = cite.corrected_citation()
    reporter = _reporter(cite)
    if reporter != cite.corrected_reporter():
        normalized = normalized.replace(cite.corrected_reporter(), reporter, 1)
    return FoundCitation(text[start:end], "case", normalized, start, end)


def _reporter(cite: FullCaseCitation | ShortCaseCitation) -> str:
    """A reporter as the court wrote it when eyecite's correction is another abbreviation, not
    only other spacing: Washington's official "Wn. App." and "Wn.2d" (eyecite: "Wash. App.",
    "Wash. 2d") are the reporter's own title since 1939, the form the opinions and an annotator
    copying them write; "S.Ct." is "S. Ct." as eyecite has it."""
    corrected = cite.corrected_reporter()
    written = _SPACE.sub(" ", str(cite.groups.get("reporter") or corrected))
    letters = [re.sub(r"[\W_]", "", r).casefold() for r in (written, corrected)]
    return written if letters[0] != letters[1] else corrected


def _law_kind(normalized: str) -> str:
    if "C.F.R." in normalized:
        return "regulation"
    return "rule" if re.search(r"\bR\.", normalized) else "statute"


def _base(citation: FoundCitation) -> str:
    """The citation a short form stands for, without its pin ("Dkt. 127 at 4" -> "Dkt. 127";
    a paragraph is a pin too: "Mutnick Aff. ¶ 5" -> "Mutnick Aff.", "Dkt. 45 ¶ 3" -> "Dkt. 45")."""
    if citation.kind == "record":
        return re.split(r" at |,? ¶", citation.normalized)[0]
    if citation.kind == "case":
        return citation.normalized.split(",")[0]
    return citation.normalized


def _with_short_forms(
    text: str,
    found: list[FoundCitation],
    short: list[tuple[int, int, CitationBase | None]],
    parties: dict[int, set[str]],
) -> list[FoundCitation]:
    """``found`` with eyecite's short forms, each normalized to the citation it stands for:
    "Id." to the citation before it, "857 F.3d at 1319" to the full cite of that volume and
    reporter, "Jones, supra" to the case cite whose party is Jones. An "Id." or a short case
    cite with no full cite before it is kept as written; an unresolved "supra" is left out (a
    lone "supra" also refers to footnotes and sections)."""
    out = list(found)
    unresolved: list[FoundCitation] = []
    notes: list[tuple[int, int]] | None = None  # the footnotes, found at the first "Id."
    for start, end, cite in short:
        if any(c.start < end and start < c.end for c in found):
            continue
        before = [c for c in out if c.end <= start]
        target: str | None = None
        if cite is None or isinstance(cite, IdCitation):
            section = next((c for c in found if c.start >= end), None)
            if section and section.text.startswith("§") and not text[end : section.start].strip():
                continue  # "Id. § 459i-5": the section, normalized in full, is the citation
            if notes is None:
                notes = _footnotes(text)
            if _PAGE_PIN.match(text, end) or _PAGE_PIN.search(text[start:end]):
                # "Id., at 557" pins a page: a statute, regulation or rule quoted since (“...
                # in the action under § 1983.” Id., at 557) is cited by section, not by page
                before = [c for c in before if c.kind not in _SECTIONED]
            antecedent = _id_antecedent(text, before, start, notes) if before else None
            if antecedent is None or antecedent in unresolved:
                target = None
            else:
                target = _id_base(antecedent)
            following = next((c for c in found if c.start >= end), None)
            if before and following and following.kind == "record":
                docket = before[-1].normalized if before[-1].kind == "docket" else before[-1].docket
                if docket and _ID_TO_RECORD.fullmatch(text[end : following.start]):
                    target = following.docket = docket  # "Id. Docket Entry No. 9": that docket
        elif isinstance(cite, ShortCaseCitation):
            volume = f"{cite.groups.get('volume')} {_reporter(cite)} "
            target = next(
                (_base(c) for c in reversed(before) if c.kind == "case"
                 and c.normalized.startswith(volume)), None)  # fmt: skip
        else:
            target = _supra_target(text, cite, before, parties) or _named_supra(text, start, before)
        if not target and not isinstance(cite, SupraCitation):
            # "Id." or "Smith, 500 U.S. at 5" whose full cite the text does not hold (an
            # excerpt, a footnote left out): still a citation, normalized as written
            target = _SPACE.sub(" ", text[start:end]).strip()
            unresolved.append(FoundCitation(text[start:end], "short_form", target, start, end))
            out.append(unresolved[-1])
            out.sort(key=lambda c: c.start)
        elif target:
            out.append(FoundCitation(text[start:end], "short_form", target, start, end))
            out.sort(key=lambda c: c.start)
    return out


#: A page pin after an "Id.": "Id., at 557", "Id. at 289–90" (not "Id. § 5", "Id. ¶ 3").
_PAGE_PIN = re.compile(r",?[ ]at[ ]\*?\d")
#: Kinds cited by section or number, never by page.
_SECTIONED = frozenset({"statute", "regulation", "rule"})
#: Hyphens a word processor writes for "-" inside a number (U+2010 hyphen, U+2011 non-breaking
#: hyphen, U+2012 figure dash): "No. 20\u201116276", "Circuit Rule 27\u20113".
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-"})


def _id_antecedent(
    text: str, before: list[FoundCitation], start: int, notes: list[tuple[int, int]]
) -> FoundCitation:
    """The citation an "Id." at ``start`` repeats: the last one before it, passing over one
    inside an explanatory parenthetical of the citation before that ("Iqbal, 129 S. Ct. 1937,
    1949 (2009) (citing Papasan v. Allain, 478 U.S. 265, 286 (1986)). ... Id. at 1950." is
    Iqbal) and a later court's decision in a case's subsequent history ("2015 WL 858150, at *1
    (S.D. Ga. Feb. 27, 2015), aff'd, 850 F.3d 1185 (11th Cir. 2017). ... Id." is the 2015
    decision): Bluebook rule 4.1, "id." refers to the immediately preceding authority. An "Id."
    in the body passes over a footnote printed between it and its antecedent at a page's foot
    (a hard-wrapped opinion: "... id.\nat 277 n.2 (... file\n\n2 Even if ... 303 F.3d\n1, 7
    (1st Cir. 2002).\n...\nany opposition ...\"); id. at 287" is the body's case). After
    parallel citations of one decision it is the first of them."""
    i = len(before) - 1
    if not any(a <= start < b for a, b in notes):
        while i > 0 and any(a <= before[i].start < before[i].end <= b <= start for a, b in notes):
            i -= 1  # a footnote wholly between the antecedent and the "Id."
    while i > 0:
        cite, prior = before[i], before[i - 1]
        between = text[prior.end : cite.start]
        if len(between) > 200 or _SENTENCE_END.search(between):
            break
        if _SUBSEQUENT_HISTORY.search(between):
            i -= 1
            continue
        opened = between.rfind("(")
        if opened < 0 or ")" in between[opened:] or not _EXPLANATORY.match(between, opened + 1):
            break
        depth, at = 1, prior.end + opened + 1
        while depth and at < start:  # the parenthetical must close before the "Id."
            depth += {"(": 1, ")": -1}.get(text[at], 0)
            at += 1
        if depth:
            break
        i -= 1
    # parallel reporters of one decision ("509 U.S. 579, 113 S. Ct. 2786, 125 L. Ed. 2d 469
    # (1993). ... Id. at 588"): the first, the official one, which an "Id." pin follows
    while i > 0 and before[i].kind == before[i - 1].kind == "case":
        if text[before[i - 1].end : before[i].start] != ", ":
            break
        i -= 1
    return before[i]


def _id_base(antecedent: FoundCitation) -> str:
    """What an "Id." stands for: its antecedent without the pin; a pleading cited by paragraph
    ("Compl. ¶ 3", not given with its record reference) is the pleading ("Compl.")."""
    pleading = _PLEADING.fullmatch(antecedent.text) if antecedent.kind == "record" else None
    return _SPACE.sub(" ", pleading["doc"]).rstrip(", ") if pleading else _base(antecedent)


def _pleading_pins(text: str, found: list[FoundCitation]) -> None:
    """ "Compl. ¶ 3" after "Compl. ¶ 1, ECF No. 1" (D.D.C.'s style: a pleading's paragraph, then
    the entry it is on the first time): a short form of that record reference, as "Order at 2"
    after "Order, ECF No. 874" is (``_paper_pins``)."""
    entries: dict[str, str] = {}
    for i, cite in enumerate(found):
        pleading = _PLEADING.fullmatch(cite.text) if cite.kind == "record" else None
        if not pleading:
            continue
        doc = _SPACE.sub(" ", pleading["doc"]).rstrip(", ")
        entry = found[i + 1] if i + 1 < len(found) else None
        if (
            entry
            and entry.kind == "record"
            and _RECORD_START_WORD.match(entry.text)
            and _TITLE_TO_RECORD.fullmatch(text[cite.end : entry.start])
        ):
            entries.setdefault(doc, _base(entry))
        elif doc in entries:
            cite.kind, cite.normalized = "short_form", entries[doc]


#: What joins a pleading's paragraph to its record reference: "Compl. ¶ 1, ECF No. 1",
#: "Compl. ¶ 9 [Dkt. # 1-1]".
_TITLE_TO_RECORD = re.compile(r",?[ ]\[?")
#: A record reference by its entry number.
_RECORD_START_WORD = re.compile(r"ECF|Dkt|DKT|Docket|Doc\.|Document")


def _footnotes(text: str) -> list[tuple[int, int]]:
    """Where the footnotes of a hard-wrapped court paper are: a paragraph that starts with a
    footnote's number and a capital ("\n\n2 Even if these circumstances ..."), to the next
    blank line."""
    notes = []
    for m in _FOOTNOTE_START.finditer(text):
        end = _PARAGRAPH_BREAK.search(text, m.end())
        notes.append((m.end(), end.start() if end else len(text)))
    return notes


#: A footnote's first line after a blank line: its number, a space and a capital or a quote.
_FOOTNOTE_START = re.compile(r"\n[ \t]*\n(?=\d{1,3}[ ][A-Z“\"])")
#: A case's subsequent history between two citations: "aff'd,", "rev'd in part,", "cert.
#: denied,", "review denied," (Washington), "vacated,".
_SUBSEQUENT_HISTORY = re.compile(
    r"\b(?:aff[’']d|rev[’']d|vacated|modified|cert\.\s?(?:denied|granted|dismissed)"
    r"|(?:review|reh[’']g|rehearing|appeal)\s(?:denied|granted|dismissed)|overruled|abrogated)\b"
)
#: How an explanatory parenthetical after a citation begins: a lower-case word ("(quoting",
#: "(citing", "(holding that", "(internal quotation marks omitted; quoting").
_EXPLANATORY = re.compile(r"\s?[a-z]")
#: A sentence's end between two citations: a full stop and a capital after a lower-case word
#: (not "v." or "Ga.") or a bracket.
_SENTENCE_END = re.compile(r"(?:\b[a-z]{3,}|\))[.?!][”\"]?\s+[A-Z]")


#: Between "Id." and the record reference it gives the docket of: "Id. Docket Entry No. 9",
#: "Id., ECF No. 12".
_ID_TO_RECORD = re.compile(r"[\s,]{1,3}")


def _supra_target(
    text: str, cite: CitationBase, before: list[FoundCitation], parties: dict[int, set[str]]
) -> str | None:
    name = getattr(cite.metadata, "antecedent_guess", None)
    if not name:
        return None
    for c in reversed(before):
        if c.kind == "case" and name in parties.get(c.start, ()):
            return _base(c)
    # a party named short ("Warhol, supra" for "Andy Warhol Found. for the Visual Arts, Inc. v.
    # Goldsmith, 598 U.S. 508"): a word of the case name before exactly one cited case
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    named = {_base(c) for c in before if c.kind == "case" and word.search(_case_name(text, c))}
    return next(iter(named)) if len(named) == 1 else None


def _named_supra(text: str, start: int, before: list[FoundCitation]) -> str | None:
    """ "M. Paladino, Inc. v Lucchese & Son Contr. Corp., supra at 516" (New York's official
    style repeats the whole case name): the one case cited before under that name."""
    window = text[max(0, start - 160) : start]
    ends = [m.end() for m in _NAME_START.finditer(window)]
    name = (window[ends[-1] :] if ends else window).rsplit("(", 1)[-1]
    name = re.sub(r"^(?:[Ss]ee(?:[ ]also)?|[Cc]f\.|[Aa]ccord)[ ]", "", name)
    name = name.strip().rstrip(",").strip()
    if not re.search(r"\sv\.?\s", name):
        return None  # a party's name alone is ``_supra_target``'s
    named = {_base(c) for c in before if c.kind == "case" and name in _case_name(text, c)}
    return next(iter(named)) if len(named) == 1 else None


def _case_name(text: str, cite: FoundCitation) -> str:
    """The words before a reporter cite, back to the sentence or citation before it: where
    its case name is ("See Andy Warhol Found. for the Visual Arts, Inc. v. Goldsmith, ")."""
    window = text[max(0, cite.start - 160) : cite.start]
    ends = [m.end() for m in _NAME_START.finditer(window)]
    return window[ends[-1] :] if ends else window


#: Where a case name may start: after a citation's ";" or ")", or a sentence's end (a full stop
#: after a lower-case word or a number, not after "Found." or "Inc.").
_NAME_START = re.compile(r"[;)]\.?\s+|(?:\b(?!v\b)[a-z]+|\d)\.\s+(?=[A-Z])")


#: What every ``_EXCERPTS`` match holds: its abbreviation before a page number ("ER 12", "JA12",
#: "App. 34") or "ROA." or "PageID"; the abbreviations alone ("ER" in "ORDER") are too common.
_EXCERPTS_CUE = re.compile(
    r"ER[- ]\d|J\.[ ]?A\.[ ]?\d|JA[ ]?\d|Appx[ ]?\d|ROA\.|Page[ ]?ID|App\.[ ]?\d"
)
#: The literal every match of each record expression holds (one of them, at least).
#: The record an appellate court cites in its own opinion (the Supreme Court's style, and the
#: courts of appeals' "App."), kept as written: the petition's appendix ("App. to Pet. for
#: Cert. 95a", "App. to Pet. for Cert. in No. 82-15, pp. 23-24"), the joint appendix ("App.
#: 49", never a reporter's "Mich. App. 197" or "Cal. App. 4th"), the briefs ("Brief for United
#: States 20", "Brief for Respondent 12-13", "Reply Brief 5", "Pet. for Cert. 8") and the
#: argument ("Tr. of Oral Arg. 30").
_APPELLATE_RECORD = re.compile(
    r"\bApp\.[ ]to[ ]Pet\.[ ]for[ ]Cert\.(?:[ ]in[ ]No\.[ ]\d+[-–]\d+,)?[ ](?:pp?\.[ ])?"
    r"\d+a?(?:[ ]?[-–][ ]?\d+a?)?"
    r"|(?<![.\w][ ])(?<![\w.’'])App\.[ ](?:pp?\.[ ])?\d+a?(?:[ ]?[-–][ ]?\d+a?)?(?![\w’'])"
    r"|\b(?:Reply[ ])?Brief[ ]for[ ](?:the[ ])?(?:United[ ]States|(?:Federal[ ])?(?:Petitioner|"
    r"Respondent|Appellant|Appellee)s?)(?:[ ]as[ ]Amicus[ ]Curiae)?[ ]\d+(?:[ ]?[-–][ ]?\d+)?"
    r"|\bReply[ ]Brief[ ]\d+(?:[ ]?[-–][ ]?\d+)?"
    r"|\bPet\.[ ]for[ ]Cert\.[ ]\d+(?:[ ]?[-–][ ]?\d+)?"
    r"|\bTr\.[ ]of[ ]Oral[ ]Arg\.[ ]\d+(?:[ ]?[-–][ ]?\d+)?"
)
_RECORD_CUES = (
    (_AS_WRITTEN_RECORD, ("Pet.", "Rog", "RFP", "RFA", "Interrogator", "Request")),
    (_APPELLATE_RECORD, ("App. ", "Brief for", "Reply Brief", "Oral Arg")),
    (_EXHIBIT_ABBREVIATED, ("Ex", "X")),
)


def _records(text: str) -> list[FoundCitation]:
    """Record references: docket entries and excerpts of record."""
    # "Docket No. 310986" of six digits or more is a court's number for the case (Michigan),
    # not a docket entry
    out = [_bracket_pinned(text, m) or
           FoundCitation(m.group(0), "record", _normalize_record(m), m.start(), m.end())
           for m in _RECORD.finditer(text) if not _case_number(m)]  # fmt: skip
    for m in list(_RECORD.finditer(text)) if "#" in text else ():
        if "#" not in m.group(0):
            continue
        prefix = _normalize_record(m).split(" ")[0]
        more = _MORE_ENTRIES.match(text, m.end())
        while more:
            pin = _SPACE.sub(" ", more["pin"] or "").replace("–", "-")
            normalized = f"{prefix} {more['entry']}" + re.sub(r"^,? ?(?=at |¶)", " ", pin)
            start = text.index("#", more.start(), more.start("entry"))
            out.append(
                FoundCitation(text[start : more.end()], "record", normalized, start, more.end())
            )
            more = _MORE_ENTRIES.match(text, more.end())
    for m in _DOCUMENT_ENTRY.finditer(text) if "OCUMENT " in text.upper() else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _ECF_CASE.search(text[line_start : m.start()]):  # "Case 5:19-cv-06879 Document 98"
            normalized = f"Dkt. {m['entry']}"
            out.append(FoundCitation(m.group(0), "record", normalized, m.start(), m.end()))
    for m in _BRACKETED_ENTRY.finditer(text) if "] " in text else ():
        normalized = f"ECF No. {m['num'] or m['num2']}"
        out.append(FoundCitation(m.group(0), "record", normalized, m.start(), m.end()))
    for m in _PAPER_BRACKET.finditer(text) if _PAPER_BRACKET_CUE.search(text) else ():
        if not _PAPER_BEFORE_BRACKET.search(text, max(0, m.start() - 45), m.start()):
            continue
        numbers = re.findall(r"\d+(?:-\d+)?", m["nums"])
        normalized = f"ECF No{'s' if len(numbers) > 1 else ''}. {', '.join(numbers)}"
        start = m.start("nums") - 1
        out.append(FoundCitation(text[start : m.end()], "record", normalized, start, m.end()))
    for m in _HASH_ENTRY.finditer(text) if "(#" in text or "[#" in text else ():
        ref = m["ref"]
        out.append(FoundCitation(ref, "record", _list(ref), m.start("ref"), m.end("ref")))
    for m in _DEFINED_PAPER_PIN.finditer(text) if _DEFINED_PAPER_PIN_CUE.search(text) else ():
        normalized = f"{_SPACE.sub(' ', m['name']).strip()} at {_list(m['pin'])}"
        out.append(FoundCitation(m.group(0), "record", normalized, m.start(), m.end()))
    for m in _DATED_PAPER.finditer(text) if ", at " in text else ():
        out.append(FoundCitation(m.group(0), "record", _list(m.group(0)), m.start(), m.end()))
    for m in _DATED_NAMED_PAPER.finditer(text) if " at " in text and ", 2" in text else ():
        paper = m["paper"]
        if _PAPER_PIN.search(paper):
            continue  # "(May 20, 2019 Mot. to Dismiss at 2.)": the paper's pin, as before
        out.append(FoundCitation(paper, "record", _list(paper), m.start("paper"), m.end()))
    for pattern, literal in _RECORD_PAGES:
        for m in pattern.finditer(text) if literal in text else ():
            if _RECORD_PAGES_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                ref = m.group(0)
                out.append(FoundCitation(ref, "record", _list(ref), m.start(), m.end()))
    out += _record_parts(text)
    for m in _MINUTE_ORDER.finditer(text) if "inute" in text or "Min." in text else ():
        out.append(FoundCitation(m.group(0), "record", _list(m.group(0)), m.start(), m.end()))
    for m in _FACTS_STATEMENT.finditer(text) if "¶" in text else ():
        out.append(FoundCitation(m.group(0), "record", _list(m.group(0)), m.start(), m.end()))
    for m in _PLEADING.finditer(text) if "¶" in text else ():
        normalized = f"{_SPACE.sub(' ', m['doc'])} {m['sign']} {_list(m['pin'])}"
        out.append(FoundCitation(m.group(0), "record", normalized, m.start(), m.end()))
    for m in _EXHIBIT.finditer(text) if "Decl." in text else ():
        pin = f" at {_list(m['pin'].split(' at ', 1)[1])}" if m["pin"] else ""
        normalized = f"{_SPACE.sub(' ', m['decl'])} Ex. {m['ex']}{pin}"
        out.append(FoundCitation(m.group(0), "record", normalized, m.start(), m.end()))
    # each expression runs only on texts holding a word every one of its matches needs
    # a declaration by its declarant first: its exhibit ("Decl. of Jane Roe, Ex. B") is its pin
    patterns = [_DECLARATION_OF] if "Decl. of " in text else []
    patterns += [_EXCERPTS] if _EXCERPTS_CUE.search(text) else []
    patterns += [p for p, cues in _RECORD_CUES if any(cue in text for cue in cues)]
    if "Tr." in text or "Dep." in text:
        patterns.append(_TRANSCRIPT)
    if "xhibit" in text or "XHIBIT" in text:
        patterns.append(_EXHIBIT_WRITTEN)
    if any(w in text for w in ("Mot.", "Mem.", "Opp", "Reply", "Br.", "Resp.", "Decl.", "Aff.")):
        patterns.append(_PAPER_PIN)
    for pattern in patterns:
        out += [FoundCitation(m.group(0), "record", _list(m.group(0)), m.start(), m.end())
                for m in pattern.finditer(text)]  # fmt: skip
    return out


#: The pin after a docket entry cited in brackets after its paper's title (D.D.C.: "Joint
#: Status Report [Dkt. # 20] at 1–2", "Ex. A to Compl. [Dkt. # 1-1] at 1"): the entry's pin.
_BRACKET_PIN = re.compile(rf"\][ ]?(?P<pin>,?[ ]at[ ](?:¶+[ ]?|pp?\.[ ]?)?{_RECORD_PIN})")
#: An order entered on the docket without a number, cited by its date (D.D.C.: "See Minute
#: Order (Feb. 10, 2025)", "Min. Order (Mar. 3, 2021)"); kept as written.
_MINUTE_ORDER = re.compile(
    r"\b(?:Minute|Min\.)[ ](?:Order|Entry)[ ]\((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct"
    r"|Nov|Dec)[a-z]*\.?[ ]\d{1,2},[ ]\d{4}\)"
)


def _bracket_pinned(text: str, m: re.Match[str]) -> FoundCitation | None:
    """A docket entry in brackets with its pin after the bracket, read with the pin ("Dkt. #
    20] at 1–2" = "Dkt. 20 at 1-2"); None for any other."""
    if m["pin"] or m["open"] or text[m.start() - 1 : m.start()] != "[":
        return None
    after = _BRACKET_PIN.match(text, m.end())
    if not after:
        return None
    pin = re.sub(r"^,? ?", " ", _SPACE.sub(" ", after["pin"]).replace("–", "-"))
    written = text[m.start() : after.end()]
    return FoundCitation(written, "record", _normalize_record(m) + pin, m.start(), after.end())


def _record_parts(text: str) -> list[FoundCitation]:
    """A part of the record by the abbreviation the text defines for it (``_RECORD_PART_DEFINED``):
    the definition with a page ("Report of Proceedings (RP) at 416-17" = "RP at 416-17") and
    every later page of it ("RP at 12", "(CP 45)"), normalized as the abbreviation and page."""
    out: list[FoundCitation] = []
    if not _RECORD_PART_CUE.search(text):
        return out
    abbreviations: dict[str, int] = {}  # the abbreviation: where its definition ends
    for m in _RECORD_PART_DEFINED.finditer(text):
        abbreviations.setdefault(m["abbr"], m.end())
        pages = _RECORD_PART_PAGES_AFTER.match(text, m.end())
        if pages:
            normalized = _list(m["abbr"] + pages.group(0))
            out.append(FoundCitation(text[m.start() : pages.end()], "record", normalized,
                                     m.start(), pages.end()))  # fmt: skip
    for abbr, defined in abbreviations.items():
        use = re.compile(rf"(?<![\w.]){re.escape(abbr)}{_RECORD_PART_PAGES}")
        for m in use.finditer(text, defined):
            out.append(FoundCitation(m.group(0), "record", _list(m.group(0)), m.start(), m.end()))
    return out


def _case_number(m: re.Match[str]) -> bool:
    """ "Docket No. 310986": six digits or more after "Docket" number a case, not an entry."""
    return m["prefix"].casefold() == "docket" and re.fullmatch(r"\d{6,}", m["entries"]) is not None


def _list(text: str) -> str:
    """ "1,\n33, 430–35" -> "1, 33, 430-35"."""
    return _SPACE.sub(" ", re.sub(r"\s*,\s*", ", ", text.strip())).replace("–", "-")


def _normalize_record(m: re.Match[str]) -> str:
    """ "ECF 32, 33" -> "ECF Nos. 32, 33"; "DOCKET NOS. 75, 105" -> "Dkt. Nos. 75, 105";
    "Dkt. 127 at 4", "Docket Entry No. 20" as written. ECF entries always take "No.", others
    as written."""
    entries = [e.strip().replace("–", "-") for e in m["entries"].split(",")]
    written = _SPACE.sub(" ", m["prefix"])
    written = "Doc." if written in ("doc.", "DOC.") else written  # "(doc. 34)"
    written = "Docs." if written == "docs." else written  # "(docs. 45, 53)": the plural as written
    written = "Docket Entry" if written == "DOCKET ENTRY" else written  # "(Docs. 145, 152.)"
    kept = ("ECF", "Docket Entry", "Document", "Doc.", "Docs.", "R. Doc.", "Rec. Doc.", "D.I.")
    prefix = written if written in kept else "Dkt."
    prefix = "D.E." if written.startswith("D.") and written.endswith("E.") else prefix
    if prefix == "ECF" or m["no"]:
        prefix += " Nos." if len(entries) > 1 else " No."
    pin = _SPACE.sub(" ", m["pin"] or "").replace("–", "-")
    pin = re.sub(r"^,? ?(?=at |¶)", " ", pin)  # "ECF No. 45-2, at 3" = "ECF No. 45-2 at 3"
    return f"{prefix} {', '.join(entries)}{pin}"


def _named_codes(text: str) -> list[FoundCitation]:
    """Codes named by their title (``_NAMED_CODE``) and the federal codes named in words
    (``_FEDERAL_CODE``), normalized the Bluebook's way: "Texas Insurance Code § 4001.003(1)" =
    "Tex. Ins. Code § 4001.003(1)", "section 501(c)(3) of the Internal Revenue Code" = "26
    U.S.C. § 501(c)(3)". A code named without its state in a text about California and no
    other state with named codes (Texas) is California's ("Penal Code section 502")."""
    if "Code" not in text and "CODE" not in text and "I.R.C." not in text and "IRC" not in text:
        return []
    out: list[FoundCitation] = []
    for m in _FEDERAL_CODE.finditer(text):
        k = "" if m["section"] is not None else "2"
        code = _SPACE.sub(" ", m[f"code{k}"])
        title = _FEDERAL_CODES.get(re.sub(r"Internal \d+ ", "Internal ", code))
        normalized = f"{title} U.S.C. § {m[f'section{k}']}{m[f'sub{k}']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    californian = re.search(r"\bCal(?:ifornia|\.)", text) and not re.search(r"\bTex(?:as|\.)", text)
    for m in _near_codes(text):
        if any(c.start < m.end() and m.start() < c.end for c in out):
            continue
        start, state = m.start(), m["state"]
        title = m["title"]
        inner = None if state else _STATE_IN_TITLE.search(title)
        if inner:  # "Under Texas Insurance Code": the code starts at its state
            start, state, title = m.start("title") + inner.start(), inner[1], title[inner.end() :]
        words = re.findall(r"[\w'’.&]+", title)
        while words and not state and words[0] in _NOT_TITLE_WORDS:
            start = text.index(words[0], start) + len(words[0]) + 1
            words = words[1:]
        words = [w for w in words if w.casefold() not in ("code", "of", "ann.")]
        if not words or words[-1].casefold() in ("the", "this"):
            continue
        abbreviated = [_CODE_WORDS.get(w.casefold().rstrip("."), _title_case(w)) for w in words]
        state = state or ("Cal." if californian else "")
        state = _STATES.get(state, _title_case(state)) if state else ""
        normalized = " ".join([*filter(None, [state]), *abbreviated, "Code"])
        normalized += f" § {m['section']}{m['sub']}"
        out.append(FoundCitation(text[start : m.end()], "statute", normalized, start, m.end()))
    # the section first: "section 4573.5 of the Penal Code", "section 274 of the Code of Civil
    # Procedure" (California's opinions), "section 17200 of the California Business and
    # Professions Code"
    for m in _SECTION_OF_CODE.finditer(text) if "ection" in text else ():
        if any(c.start < m.end() and m.start() < c.end for c in out):
            continue
        state = m["state"] or ("Cal." if californian else "")
        state = _STATES.get(state, _title_case(state)) if state else ""
        words = [
            w for w in re.findall(r"[\w'’.&]+", m["title"]) if w.casefold() not in ("code", "of")
        ]
        abbreviated = [_CODE_WORDS.get(w.casefold().rstrip("."), _title_case(w)) for w in words]
        normalized = " ".join([*filter(None, [state]), *abbreviated, "Code"])
        normalized += f" § {m['section']}{m['sub']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


_SECTION_OF_CODE = re.compile(
    rf"(?=[Ss])\b[Ss]ections?[ ]{_CODE_SECTION_NUMBER}[ ]of[ ]the[ ]"
    rf"(?:(?P<state>{_STATE_NAME})[ ])?"
    r"(?P<title>(?:[A-Z][a-z]+[ ](?:and[ ]|&[ ])?){1,3}Code"
    r"|Code[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
    r"(?!\w)"
)


#: How far a named code's citation reaches from its word "Code": a state, five title words,
#: "Code of ..." and a section (about 150 characters in practice; twice that for safety).
CODE_REACH = 300
_CODE_WORD = re.compile(r"Code|CODE")


def _near_codes(text: str) -> Iterator[re.Match[str]]:
    """``_NAMED_CODE.finditer(text)``, scanning only the stretches of text around the word
    "Code" (every match holds it; a full scan cost 2% of the spaCy pass on court papers).
    Stretches closer than twice ``CODE_REACH`` are scanned as one, each from a word's start,
    so the matches are those of a full scan."""
    stretches: list[list[int]] = []
    for word in _CODE_WORD.finditer(text):
        start, end = max(0, word.start() - CODE_REACH), word.end() + CODE_REACH
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    for start, end in stretches:
        if start > 0:
            start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        yield from _NAMED_CODE.finditer(text, start, min(end, len(text)))


_STATE_IN_TITLE = re.compile(rf"\b({_STATE_NAME}|(?i:{_STATE_ABBR}))[ ]")
#: Sentence words a code's title does not start with ("Under Penal Code section 502").
_NOT_TITLE_WORDS = frozenset(
    ("Under", "See", "Cf.", "The", "In", "And", "Its", "This", "That", "Also", "Both", "Per",
     "Pursuant", "Section", "Sections", "Violating", "Violated", "Violates", "Neither")
)  # fmt: skip


def _title_case(word: str) -> str:
    """ "INS." -> "Ins.", "GOV'T" -> "Gov't", "N.Y." stays."""
    if re.fullmatch(r"(?:[A-Z]\.)+", word) or not word.isupper():
        return word
    return word[0] + word[1:].lower()


#: A code named in capitals before its section sign, as briefs set the Bluebook's small capitals
#: and some courts print their own codes ("PURSUANT TO WIS. STAT. § 974.06", "CAL. CIV. PROC.
#: CODE § 425.16", "Wis. STAT. § 32.06(8)"): an abbreviation with its full stop and a word of
#: capitals among its words.
_CAPITAL_CODE = re.compile(
    r"(?<![\w.])(?P<code>(?:[A-Z][A-Za-z'’]*\.?[ ]){0,5}[A-Z][A-Za-z'’]*\.?)[ \n]?(?=§)"
)


def _capital_codes(text: str) -> list[FoundCitation]:
    """Statutes whose code is written in capitals: read by eyecite with the code's words in
    title case (the form it knows), kept as written, normalized in title case."""
    out = []
    for m in _CAPITAL_CODE.finditer(text) if "§" in text else ():
        words = m["code"].split(" ")
        if "." not in m["code"] or not any(len(w) > 2 and w.isupper() for w in words):
            continue  # no capitals: eyecite has read it
        code = " ".join(_title_case(word) for word in words)
        window = code + text[m.end("code") : m.end("code") + 60].replace("\n", " ")
        for cite in get_citations(window, tokenizer=_TOKENIZER):
            first, last = cite.span()
            if isinstance(cite, FullLawCitation) and first < len(code) < last:
                start = m.start() + first  # "PURSUANT TO WIS. STAT.": the code's own words
                written, end = _statute_text(text, start, m.start() + last)
                normalized = _normalize_statute(code[first:] + written[len(code) - first :])
                out.append(FoundCitation(written, _law_kind(normalized), normalized, start, end))
                break
    return out


def _act_sections(text: str) -> list[FoundCitation]:
    out = []
    for m in _ACT_SECTION.finditer(text):
        act = _SPACE.sub(" ", m["act"])
        title = _CODIFIED_ACTS.get(act)
        normalized = f"{title} U.S.C. § {m['section']}" if title else f"{act} § {m['section']}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


#: A state's constitution named after its article: "Art. V, § 4(b)(1), Fla. Const." (Florida's
#: style), "art. I, § 2, Cal. Const.".
_CONSTITUTION_AFTER = re.compile(
    r"(?:\([a-zA-Z0-9]{1,4}\))*,[ ]?(?P<state>[A-Z][a-z]{1,4}\.|N\.[ ]?[A-Z]\.)[ ]?Const\."
)


def _constitution(text: str) -> list[FoundCitation]:
    out = []
    for m in _CONSTITUTION.finditer(text) if "§" in text else ():
        clause = f", cl. {m['cl']}" if m["cl"] else ""
        state = _CONSTITUTION_AFTER.match(text, m.end())
        name = f"{state['state'].replace(' ', '')} Const." if state else "U.S. Const."
        normalized = f"{name} art. {m['art']}, § {m['sec']}{clause}"
        out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


def _rules(text: str) -> list[FoundCitation]:
    circuit_named = "Circuit" in text  # in every match of both expressions
    named = {m[1] for m in _NAMED_CIRCUIT.finditer(text)} if circuit_named else set()
    out = []
    for m in _CIRCUIT_RULE.finditer(text) if circuit_named else ():
        circuit = _ORDINALS.get(m["circuit"], m["circuit"]) or (
            next(iter(named)) if len(named) == 1 else None
        )
        if circuit:
            normalized = f"{_CIRCUITS[circuit]} Cir. R. {m['num']}"
            out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    for m in _CIRCUIT_RULE_ABBREVIATED.finditer(text) if "IR. R." in text.upper() else ():
        circuit = m["circuit"].lower() if m["circuit"][0].isdigit() else m["circuit"].title()
        normalized = f"{circuit.replace('D.c.', 'D.C.')} Cir. R. {m['num']}"
        out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    for m in _OPERATING_PROCEDURE.finditer(text) if "I.O.P." in text else ():
        written = _SPACE.sub(" ", m.group(0))  # "Sixth Circuit" as its rules write it
        worded = _NAMED_CIRCUIT.match(written)
        written = f"{_CIRCUITS[worded[1]]} Cir.{written[worded.end() :]}" if worded else written
        out.append(FoundCitation(m.group(0), "rule", written, m.start(), m.end()))
    for m in _FEDERAL_RULE.finditer(text):
        rule_set = m["set"].capitalize()  # "FED. R. CIV. P." in a brief's capitals
        rules = "Evid." if rule_set == "Evid" else f"{rule_set}. P."
        normalized = f"Fed. R. {rules} {m['num']}{m['sub']}"
        out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    if "Federal Rule" in text or "FR" in text or "F.R." in text or "Bankruptcy Rule" in text:
        for m in _WORDED_RULE.finditer(text):
            k = next(k for k in ("", "2", "3", "4") if m[f"num{k}"] is not None)
            if k == "4" and len(m["num4"]) != 4:
                continue  # "Bankruptcy Rule 11" is not a Bankruptcy Rule's number
            rule_set = _SPACE.sub(" ", m[f"set{k}"])
            number = f"{m[f'num{k}']}{m[f'sub{k}']}"
            normalized = f"Fed. R. {_RULE_SETS[rule_set]} {number}"
            out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    for m in _STATE_COURT_RULE.finditer(text) if _STATE_COURT_RULE_CUE.search(text) else ():
        out.append(
            FoundCitation(m.group(0), "rule", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
        )
    for rule in [c for c in out if c.normalized.startswith("Fed. R.")]:
        more = _MORE_RULES.match(text, rule.end)
        rule_set = rule.normalized.rsplit(" ", 1)[0]
        while more:
            normalized = f"{rule_set} {more['num']}{more['sub']}"
            out.append(FoundCitation(text[more.start("num") : more.end()], "rule", normalized,
                                     more.start("num"), more.end()))  # fmt: skip
            more = _MORE_RULES.match(text, more.end())
    for m in _STATE_RULE_WORDED.finditer(text) if "Rules of" in text else ():
        out.append(_state_rule(m, m["state"], m["set"], m.start()))
    for m in _STATE_FIRST_RULE.finditer(text) if " of " in text else ():
        state = _STATE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if state:
            out.append(_state_rule(m, state.group(0), m["set"], state.start()))
    for m in _SUPREME_COURT_RULE.finditer(text) if "Supreme Court Rule" in text else ():
        written = _SPACE.sub(" ", m.group(0))
        out.append(FoundCitation(m.group(0), "rule", written, m.start(), m.end()))
    for m in _OHIO_RULE.finditer(text) if "R." in text else ():
        out.append(
            FoundCitation(m.group(0), "rule", _SPACE.sub(" ", m.group(0)), m.start(), m.end())
        )
    return out


def caption_district(text: str) -> str | None:
    """The district court the caption names, abbreviated ("N.D. Cal.", "D. Del.", "D.D.C."),
    when the text's opening names exactly one; else None."""
    courts = set()
    for m in _CAPTION_DISTRICT.finditer(text[:CAPTION_CHARS]):
        words = m["state"].split(" ")
        state = next(
            (
                _STATE_BY_FOLDED[name]
                for name in (" ".join(words).casefold(), words[0].casefold())
                if name in _STATE_BY_FOLDED
            ),
            None,
        )
        if state is None:
            return None  # a district the table does not know: no guess
        part = f"{m['part'][0].upper()}." if m["part"] else ""
        # single capitals close up ("S.D.N.Y.", "D.N.J.", "D.D.C."), words do not ("N.D. Cal.")
        space = "" if re.fullmatch(r"(?:[A-Z]\.)+", state) else " "
        courts.add(f"{part}D.{space}{state}")
    return next(iter(courts)) if len(courts) == 1 else None


_STATE_BY_FOLDED = {name.casefold(): abbr for name, abbr in _STATES.items()} | {"columbia": "D.C."}


def _local_rules(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """Local rules, normalized with the court the caption names and the set they belong to
    ("Civil Local Rule 3-6" and, in a civil case, "LOCAL RULE 7-9" of the Northern District of
    California: "N.D. Cal. Civ. L.R. 3-6", "N.D. Cal. Civ. L.R. 7-9"); as written when the
    caption names no one district court."""
    if not any(cue in text for cue in ("Local", "LOCAL", "local", "L.", "LCvR", "LCrR")):
        return []
    court = caption_district(text)
    dockets = [c.normalized for c in found if c.kind == "docket"]
    civil = any("-cv-" in d for d in dockets)
    criminal = any("-cr-" in d or d.startswith("CR") for d in dockets)
    out = []
    for m in _LOCAL_RULE.finditer(text):
        if any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        normalized = _SPACE.sub(" ", m.group(0))
        rule_set = _local_rule_set(m, civil=civil, criminal=criminal)
        if rule_set is not None and (court or m["court"]):
            written_court = _SPACE.sub(" ", m["court"] or "").strip()
            normalized = f"{written_court or court} {rule_set} {m['num']}"
        out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    return out


def _local_rule_set(m: re.Match[str], *, civil: bool, criminal: bool) -> str | None:
    """ "Civ. L.R." for a civil local rule (written "Civil"/"Civ.", or a bare "Local Rule" in a
    text whose dockets are all civil), "Crim. L.R." for a criminal one; None for the other
    sets and the forms kept as written ("Patent L.R.", "LCvR")."""
    words = f"{m['set'] or ''} {m['name']}".casefold()
    if m["name"] in ("LCvR", "LCrR") or any(
        name in words for name in ("patent", "admiralty", "bankruptcy")
    ):
        return None
    if "civ" in words:
        return "Civ. L.R."
    if "crim" in words or "cr." in words:
        return "Crim. L.R."
    if civil != criminal:
        return "Civ. L.R." if civil else "Crim. L.R."
    return "L.R."


def _state_rule(m: re.Match[str], state: str, rule_set: str, start: int) -> FoundCitation:
    """A state's rule in words, normalized the Bluebook's way: "Tex. R. Evid. 1.7", "Cal. Rules
    of Court, rule 22(a)"."""
    state = _STATES.get(state, state)
    rule_set = rule_set.removesuffix(", rule")
    normalized = (
        f"{state} Rules of Court, rule {m['num']}" if rule_set == "Court"
        else f"{state} R. {_STATE_RULE_SETS[rule_set]} {m['num']}"
    )  # fmt: skip
    return FoundCitation(m.string[start : m.end()], "rule", normalized, start, m.end())


#: A paragraph of a judge's standing order or procedures: "Paragraph 8(b) of the Court's
#: Standing Order in Civil Cases" = "Standing Order ¶ 8(b)", "Civil Standing Order ¶ 5";
#: "Paragraph 14 of the Court's discovery procedures" as written.
_STANDING_ORDER = re.compile(
    r"\b(?:Paragraph|¶)[ ]?(?P<num>\d{1,3}(?:\([a-z0-9]{1,3}\))*)\s+of\s+(?:the|this|[A-Z]\w+)\s+"
    r"(?:(?:Court|Judge[ ][A-Z]\w+)['’]s\s+)?(?P<doc>(?:[A-Z][\w-]*\s+)*Standing\s+Order"
    r"|(?:[\w-]+\s+){0,3}?(?:[Pp]rocedures|[Ss]tanding\s+[Oo]rder))\b"
    r"|\b(?:Civil[ ]|Criminal[ ])?Standing[ ]Order[ ]?¶+[ ]?(?P<num2>\d{1,3}(?:\([a-z0-9]{1,3}\))*)"
)


def _standing_orders(text: str) -> list[FoundCitation]:
    out = []
    for m in _STANDING_ORDER.finditer(text) if "Standing" in text or "rocedures" in text else ():
        number = m["num"] or m["num2"]
        standing = m["num2"] or "standing order" in m["doc"].casefold()
        normalized = f"Standing Order ¶ {number}" if standing else _SPACE.sub(" ", m.group(0))
        out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    return out


#: A state's statutes as its courts cite them by bare section ("§ 565.253" in a Missouri
#: opinion), after the Bluebook's table T1; and the states whose court rules are numbered by
#: chapter and cited as "Rule 24.035".
_STATE_STATUTES = {
    "Ala.": "Ala. Code", "Alaska": "Alaska Stat.", "Ariz.": "Ariz. Rev. Stat. Ann.",
    "Ark.": "Ark. Code Ann.", "Colo.": "Colo. Rev. Stat.", "Conn.": "Conn. Gen. Stat.",
    "Fla.": "Fla. Stat.", "Ga.": "Ga. Code Ann.", "Haw.": "Haw. Rev. Stat.", "Idaho": "Idaho Code",
    "Ind.": "Ind. Code", "Iowa": "Iowa Code", "Kan.": "Kan. Stat. Ann.",
    "Ky.": "Ky. Rev. Stat. Ann.",
    "Minn.": "Minn. Stat.", "Miss.": "Miss. Code Ann.", "Mo.": "Mo. Rev. Stat.",
    "Mont.": "Mont. Code Ann.", "N.C.": "N.C. Gen. Stat.", "N.J.": "N.J. Stat. Ann.",
    "Neb.": "Neb. Rev. Stat.", "Nev.": "Nev. Rev. Stat.", "Ohio": "Ohio Rev. Code Ann.",
    "Or.": "Or. Rev. Stat.", "S.C.": "S.C. Code Ann.", "Tenn.": "Tenn. Code Ann.",
    "Utah": "Utah Code Ann.", "Wash.": "Wash. Rev. Code", "Wis.": "Wis. Stat.",
}  # fmt: skip
_STATE_RULES = {"Mo.": "Mo. Sup. Ct. R."}
_STATE_COURT = re.compile(rf"[^()\n]{{0,25}}\((?P<state>{_STATE_ABBR})(?=[ )])")
_STATE_RULE = re.compile(r"\bRule\s+(?P<num>\d{1,2}\.\d{2,3})(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)")


def _home_state(text: str, found: list[FoundCitation]) -> str | None:
    """The state whose courts a text's case citations name (their parentheticals: "(Mo. App.
    E.D. 2007)", "(Mo. banc 2010)"), when at least three and two thirds of them name it, and
    the text cites no federal code."""
    if any("U.S.C." in c.normalized for c in found):
        return None
    cases = [c for c in found if c.kind == "case"]
    states = [m["state"] for c in cases if (m := _STATE_COURT.match(text, c.end, c.end + 40))]
    if len(states) < 3:
        return None
    state = max(set(states), key=states.count)
    return state if states.count(state) * 3 >= len(states) * 2 else None


def _home_state_laws(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """In a state court's opinion, a bare section still unresolved ("§ 565.253") is of the
    state's statutes, and "Rule 24.035" of its court rules where they are so numbered."""
    state = _home_state(text, found)
    if not state:
        return []
    out = []
    statutes = _STATE_STATUTES.get(state)
    for m in _BARE_SECTION.finditer(text) if statutes else ():
        if not any(c.start <= m.start() < c.end for c in found):
            section = m["section"] + (m["chapter"] or "")
            normalized = f"{statutes} § {section}{m['sub']}"
            out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    rules = _STATE_RULES.get(state)
    for m in _STATE_RULE.finditer(text) if rules else ():
        if not any(c.start <= m.start() < c.end for c in found):
            normalized = f"{rules} {m['num']}{m['sub']}"
            out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
    return out


def _bare_rules(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """ "Rule 11" in a text that cites one set of Federal Rules of procedure ("Fed. R. Civ. P.
    23"), or none but is about a civil or a criminal case (a "-cv-" or "-cr-" docket): a rule
    of that set. "Rule 702" (the Rules of Evidence are numbered from 101) in a text that cites
    the Rules of Evidence: that rule of evidence."""
    cited = {c.normalized.rsplit(" ", 1)[0] for c in found if c.normalized.startswith("Fed. R.")}
    evidence = "Fed. R. Evid." in cited
    sets = cited - {"Fed. R. Evid."}
    dockets = [c.normalized for c in found if c.kind == "docket"]
    if not sets:
        civil = any("-cv-" in d for d in dockets)
        criminal = any("-cr-" in d or d.startswith("CR ") for d in dockets)
        sets = {"Fed. R. Civ. P."} if civil and not criminal else set()
        sets = {"Fed. R. Crim. P."} if criminal and not civil else sets
    # a state court's text citing its supreme court's rules and no Federal Rule or federal
    # docket: "Rule 23(e)(1)" after "Supreme Court Rule 23" is that set's (Illinois, Missouri)
    federal = any(re.search(r"-(?:cv|cr|md|mc)-", d) for d in dockets)
    state_rules = (
        not cited
        and not federal
        and any(c.normalized.startswith(("Supreme Court Rule", "Ill. S")) for c in found)
    )
    # a text citing one state's rules of civil procedure and no federal rule or docket:
    # "Rule 12(b) (6)" after "Mass. R. Civ. P. 12(b)(2)" is that state's rule
    state_civil = {
        f"{state[1]} R. Civ. P."
        for c in found
        if c.kind == "rule" and (state := _STATE_CIVIL_RULES.match(c.normalized))
    }
    civil_set = (
        next(iter(state_civil)) if len(state_civil) == 1 and not cited and not federal else ""
    )
    out: list[FoundCitation] = []
    if not (sets or evidence or state_rules or civil_set):
        return out  # no set a bare rule could be of
    for m in _BARE_RULE.finditer(text):
        if any(c.start <= m.start() < c.end for c in found):
            continue
        rules: str | None
        if state_rules:
            rules = "Supreme Court Rule"
        elif civil_set:
            rules = civil_set
        elif len(m["num"]) >= 3 and "." not in m["num"]:
            rules = "Fed. R. Evid." if evidence else None
        else:
            rules = next(iter(sets)) if len(sets) == 1 else None
        if rules:
            normalized = f"{rules} {m['num']}{m['sub'].replace(' ', '')}"
            out.append(FoundCitation(m.group(0), "rule", normalized, m.start(), m.end()))
            # the list goes on in the same set: "Rule 23(b)(2) and 23(c)(4)", "Rules 12(b)(1)
            # and 12(b)(6)", as it does after a set named in full
            more = _MORE_RULES.match(text, m.end())
            while more and not any(c.start <= more.start("num") < c.end for c in found):
                normalized = f"{rules} {more['num']}{more['sub']}"
                start = more.start("num")
                out.append(FoundCitation(text[start : more.end()], "rule", normalized, start,
                                         more.end()))  # fmt: skip
                more = _MORE_RULES.match(text, more.end())
    return out


#: A state's rules of civil procedure as ``_STATE_COURT_RULE`` writes them: "Mass.R.Civ.P. 12".
_STATE_CIVIL_RULES = re.compile(r"((?:[A-Z][a-z]{1,4}\.?|N\.[ ]?[A-Z]\.))[ ]?R\.[ ]?Civ\.[ ]?P\.")


#: What every citation eyecite finds for us holds: a volume before a reporter ("593 U.S.",
#: "2023 WL", "90 Stat."), a section sign, a public law, a court rule, "Id." or "supra".
_CITATION_HINT = re.compile(
    r"\d\s+(?:[A-Z][A-Za-z]*\s?\.|[A-Z]{2,}\b)|§|\bPub\.\s*L\.|\bR\.\s*(?:Civ|Crim|Evid|App|Bankr)\."
    r"|\b[Ii]d\.|\bsupra\b"
    # reporters whose first word is a state's name in full: "88 Ohio St. 3d 387", "145 Idaho 1"
    r"|\d\s+(?:Ohio|Idaho|Iowa|Utah|Maine)\b"
    # a public-domain citation joined by hyphens: "2017-Ohio-1382", "2015-NMSC-012"
    r"|(?:19|20)\d\d-[A-Z][A-Za-z]{1,5}-\d"
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _OrderedTokenizer(AhocorasickTokenizer):
    """eyecite's default tokenizer with its extractors in a fixed order.

    eyecite picks the extractors that could match from a ``set``, so when two match the same
    span ("81 T.C. at 828" after an "Id.") the one kept depended on the process's hash seed: the
    same text gave different citations in different worker processes. This keeps eyecite's
    prefilters (shared with ``default_tokenizer``, not rebuilt) and its list order.
    """

    def __post_init__(self) -> None:
        self.unfiltered_extractors = default_tokenizer.unfiltered_extractors
        self.case_sensitive_filter = default_tokenizer.case_sensitive_filter
        self.case_insensitive_filter = default_tokenizer.case_insensitive_filter
        self._order = {extractor: i for i, extractor in enumerate(self.extractors)}
        # eyecite hashes an extractor by its repr (slow: a third of eyecite's time here); equal
        # extractors share a rank, so ranking by identity dedupes them as eyecite's set does.
        self._rank = {id(e): self._order[e] for e in (*self.extractors, *EXTRACTORS)}
        self._always = {self._rank[id(e)]: e for e in self.unfiltered_extractors}

    def get_extractors(self, text: str) -> list[TokenExtractor]:  # type: ignore[override]
        """eyecite's prefilter (``AhocorasickTokenizer.get_extractors``), ranked by list order."""
        stripped = _strip_ws(text)
        chosen = dict(self._always)
        for _, extractors in self.case_sensitive_filter.iter(stripped):
            chosen.update((self._rank_of(e), e) for e in extractors)
        for _, extractors in self.case_insensitive_filter.iter(stripped.lower()):
            chosen.update((self._rank_of(e), e) for e in extractors)
        return [chosen[rank] for rank in sorted(chosen)]

    def _rank_of(self, extractor: TokenExtractor) -> int:
        rank = self._rank.get(id(extractor))
        return self._order[extractor] if rank is None else rank


_TOKENIZER = _OrderedTokenizer()

# eyecite maps a citation's court parenthetical ("9th Cir.") to a court by normalizing all of its
# ~2,000 courts' names again on every call (10 ms each; 6% of the whole analysis on court
# papers). The mapping is a pure function of the string, so it is computed once per string.
if not hasattr(eyecite.helpers.get_court_by_paren, "cache_info"):
    eyecite.helpers.get_court_by_paren = lru_cache(maxsize=4096)(eyecite.helpers.get_court_by_paren)


class _Squeezed:
    """A paragraph as eyecite reads it: every run of white space one space, and the stray
    space of a reporter broken by a PDF's text layer gone ("F .3d"). eyecite finds no
    citation across a line break or a double space ("631\\nS.W.3d 259", "780 F.3d  304"), and
    hard-wrapped court papers break a citation at nearly every line end. ``start`` and ``end``
    map eyecite's offsets back to the paragraph's."""

    def __init__(self, paragraph: str) -> None:
        parts: list[str] = []
        self._index: list[int] = []
        at = 0
        for m in _SQUEEZE.finditer(paragraph):
            parts.append(paragraph[at : m.start()])
            self._index.extend(range(at, m.start()))
            if not m["stray"]:
                parts.append(" ")
                self._index.append(m.start())
            at = m.end()
        parts.append(paragraph[at:])
        self._index.extend(range(at, len(paragraph)))
        self._index.append(len(paragraph))
        # eyecite reads no "Id." right after a bracket ("(Id. ¶¶ 1-2)", "[Id. at 4]": a
        # brief's citation sentence in parentheses); the bracket is read as a space (the same
        # length, so offsets are unchanged)
        self.text = _BRACKETED_ID.sub(" ", "".join(parts))
        if "d.)" in self.text or "d.]" in self.text or "d.;" in self.text:
            # "(Id.)": its closing bracket too; "Id.; Fed. R. Civ. P. 72(b)(3)": a string cite's
            # semicolon (eyecite reads "id." only before a space or a comma)
            self.text = _CLOSING_ID.sub(" ", self.text)
        if " At " in self.text or " AT " in self.text:  # "Iqbal, 129 S. Ct. At 1949"
            self.text = _CAPITAL_AT.sub("at", self.text)

    def start(self, i: int) -> int:
        return self._index[i]

    def end(self, i: int) -> int:
        return self._index[i - 1] + 1 if i > 0 else 0


_BRACKETED_ID = re.compile(r"[(\[](?=[Ii]d\.)")
#: A pin's "at" written with a capital after a reporter ("129 S. Ct. At 1949", "550 U.S. AT 555"
#: in capitals), which eyecite reads only in lower case; the same length, so offsets hold.
_CAPITAL_AT = re.compile(r"(?<=[\w.][ ])A[Tt](?=[ ]\d)")
_CLOSING_ID = re.compile(r"[)\];](?<=[ ][Ii]d\.[)\];])")
#: A run of white space that is not one plain space, or the space inside "F .3d"/"P .2d".
_SQUEEZE = re.compile(r"(?P<stray>(?<=\b[A-Z])[ ](?=\.\d?[a-z]{1,2}\b))|[ ]\s+|[^\S ]\s*")


def _eyecite_citations(text: str) -> Iterator[tuple[int, _Squeezed, CitationBase]]:
    """eyecite's citations with the offset of the paragraph they were found in and the
    paragraph as eyecite read it (its offsets map back through ``_Squeezed``).

    eyecite costs about a tenth of the spaCy pass over the whole text, so only the paragraphs
    that could hold a citation are given to it (a quarter of a typical news text).
    """
    start = 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        paragraph = text[start:end]
        if _CITATION_HINT.search(paragraph):
            squeezed = _Squeezed(paragraph)
            for cite in get_citations(squeezed.text, tokenizer=_TOKENIZER):
                yield start, squeezed, cite
        start = gap.end() if gap else end


def _code_sections(text: str) -> list[FoundCitation]:
    out = []
    for m in _CODE_SECTION.finditer(text):
        code = "U.S.C." if "U" in m["code"] else "C.F.R."
        sub = re.sub(r",\s*", ", ", m["sub"])
        normalized = f"{m['title']} {code} § {m['section']}{sub}"
        out.append(FoundCitation(m.group(0), _law_kind(normalized), normalized, m.start(), m.end()))
    return out


def _extend_section_lists(text: str, found: list[FoundCitation]) -> None:
    """A code cited by "§§" or "Secs." with a list of sections ("28 U.S.C. §§ 1331 and 1343",
    "75 Pa.C.S.A. §§ 3802(b), 3745(a)"): one citation of the whole list, normalized "28 U.S.C.
    §§ 1331, 1343" (as the gold annotates a list)."""
    for c in found:
        listed = "§§" in c.text or re.search(r"\bSecs\.|ections\b", c.text)
        if c.kind not in ("statute", "regulation") or not listed or "§" not in c.normalized:
            continue
        sections, end = [], c.end
        more = _MORE_SECTIONS.match(text, end)
        while more and not any(f.start < more.end() and more.start() < f.end for f in found):
            sections.append(f"{more['section']}{more['sub']}")
            end = more.end()
            more = _MORE_SECTIONS.match(text, end)
        if sections:
            code, _, first = c.normalized.rpartition("§")
            c.normalized = f"{code.rstrip(' §')} §§ {', '.join([first.strip(), *sections])}"
            c.text, c.end = text[c.start : end], end


def _bare_sections(text: str, found: list[FoundCitation]) -> list[FoundCitation]:
    """ "§1030(e)(6)" after "18 U.S.C. § 1030(a)(2)": the same section of the same code. A
    state code's sections are numbered by chapter ("§ 4001.003", "§ 50-6-204"): a bare
    section of a chapter that one code cited in the text holds is that code's ("§
    4001.003(1)(B)" after "Tex. Ins. Code § 4001.003(1)", "§ 50-6-204" after "Tenn. Code Ann.
    § 50-6-102")."""
    codes: dict[str, set[str]] = {}
    chapters: dict[str, set[str]] = {}
    for c in found:
        law = c.kind in ("statute", "regulation")
        m = re.match(r"^(\d+ [A-Z.]+) § (\d+[a-z]*)", c.normalized) if law else None
        if m:
            codes.setdefault(m[2], set()).add(m[1])
        state = (
            re.match(r"^((?:[A-Z][\w'.&]* )+)§ (\d+[.:-][\d.:-]*\d)", c.normalized) if law else None
        )
        if state:
            chapters.setdefault(_chapter(state[2]), set()).add(state[1].strip())
    # a text citing one title of the U.S. Code and no other code: its bare sections are that
    # title's ("28 U.S.C. § 1331 ... § 1332(d)(2)")
    titles = {prefix for prefixes in codes.values() for prefix in prefixes}
    other_codes = any(
        "§" in c.normalized and not re.match(r"\d+ U\.S\.C\. ", c.normalized)
        for c in found
        if c.kind in ("statute", "regulation") and "Const." not in c.normalized
    )
    one_title = titles if len(titles) == 1 and "U.S.C." in next(iter(titles)) else set()
    one_title = set() if other_codes else one_title
    out = []
    for m in _BARE_SECTION.finditer(text):
        prefixes = codes.get(m["section"], set())
        covered = any(c.start <= m.start() < c.end for c in found)
        if not prefixes and m["chapter"]:
            prefixes = chapters.get(_chapter(m["section"] + m["chapter"]), set())
        if not prefixes and not m["chapter"] and one_title:
            prefixes = one_title
        if len(prefixes) == 1 and not covered:
            section = m["section"] + (m["chapter"] or "")
            normalized = f"{next(iter(prefixes))} § {section}{m['sub']}"
            out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    # "section 1292(a)(1)" in words, of a section one code cited in the text holds
    for m in _WORDED_SECTION.finditer(text) if codes and "ection " in text else ():
        prefixes = codes.get(m["section"], set())
        covered = any(c.start < m.end() and m.start() < c.end for c in [*found, *out])
        if len(prefixes) == 1 and not covered:
            normalized = f"{next(iter(prefixes))} § {m['section']}{m['sub']}"
            out.append(FoundCitation(m.group(0), "statute", normalized, m.start(), m.end()))
    return out


#: A section in words: "section 1292(a)(1)", "Section 107" (not "section 1292 of the Act").
_WORDED_SECTION = re.compile(
    r"(?=[Ss])\b[Ss]ection[ ](?P<section>\d+[a-z]{0,3})(?P<sub>(?:\([a-zA-Z0-9]{1,4}\))*)"
    r"(?![\w.-]\w|[ ]of[ ]the[ ])"
)


def citation_ranges(text: str, citations: list[FoundCitation]) -> list[tuple[int, int]]:
    """Citation spans; a case citation's directly following parenthetical ("(2021)") holds a
    decision year rather than an event date, so it is covered too (a docket's "(filed Aug. 19,
    2024)" is an event and is not)."""
    ranges = []
    for c in citations:
        if c.kind != "case":
            ranges.append((c.start, c.end))
            continue
        tail = re.match(r"[^()\n.;]{0,30}\([^()\n]{0,60}\)", text[c.end : c.end + 100])
        ranges.append((c.start, c.end + tail.end() if tail else c.end))
    return ranges
