"""Attributed claims: who asserted what, from reporting verbs and "according to X".

The speaker is the verb's grammatical subject (or the subject it shares with the verb it hangs
from, as in "..., accusing the company"), resolved by ``speakers.SpeakerResolver``. A sentence
yields one verb claim per speaker, the outermost of that speaker's verbs ("The Verge reported
that Musk said ..." is one claim of The Verge's and one of Musk's), plus any "according to X"
attribution, and "Name: “quote”" lines are claims too. Headlines and titles never are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from casebase.analysis.entities import entity_at, is_headline
from casebase.analysis.spans import (
    ids_of,
    positions,
    sent_of,
    sentence_bounds,
    sentences,
    span_text,
    text_of,
    within,
)
from casebase.analysis.speakers import DOCUMENTS, Speaker, SpeakerResolver, cited_court
from casebase.analysis.types import FoundClaim, FoundEntity

_VERBS: dict[str, str] = {}
for _verb, _forms in {
    "said": "say says said saying state states stated stating add adds added adding confirm "
    "confirms confirmed confirming stress stresses stressed stressing note notes noted noting "
    "emphasize emphasizes emphasized emphasizing",
    "testified": "testify testifies testified testifying",
    "alleged": "allege alleges alleged alleging",
    "argued": "argue argues argued arguing contend contends contended contending maintain "
    "maintains maintained maintaining submit submits urge urges urged",
    "claimed": "claim claims claimed claiming assert asserts asserted asserting insist insists "
    "insisted insisting",
    "admitted": "admit admits admitted admitting acknowledge acknowledges acknowledged "
    "acknowledging concede concedes conceded conceding recognize recognizes recognized "
    "accept accepts accepted",
    "denied": "deny denies denied denying refuse refuses refused",
    "wrote": "write writes wrote written writing",
    "told": "tell tells told telling inform informs informed informing",
    "ruled": "rule rules ruled ruling hold holds held dismiss dismisses dismissed reject rejects "
    "rejected affirm affirms affirmed reverse reverses reversed vacate vacates vacated uphold "
    "upholds upheld overrule overrules overruled sustain sustains sustained rejecting "
    "dismissing affirming reversing vacating upholding overruling",
    "found": "find finds found finding conclude concludes concluded concluding determine "
    "determines determined determining",
    "granted": "grant grants granted granting",
    "accused": "accuse accuses accused accusing",
    "reported": "report reports reported reporting",
    "answered": "answer answers answered",
    "other": "warn warns warned suggest suggests suggested signal signals signaled signalled "
    "indicate indicates indicated indicating explain explains explained explaining describe "
    "describes described describing characterize characterizes characterized "
    "call calls called hail hails hailed condemn condemns condemned predict predicts predicted "
    "declare declares declared declaring reiterate reiterates reiterated observe observes "
    "observed complain complains complained mention mentions mentioned mentioning point "
    "points pointed pointing",
    "argued_by_filer": "demonstrate demonstrated establish established show showed shown",
}.items():
    for _form in _forms.split():
        _VERBS[_form] = _verb.removesuffix("_by_filer")
#: What a party's paper says its own earlier papers did ("In our opening brief, we
#: demonstrated that ...", "We further showed that ..."): a claim only of "we" as the filer
#: (``SpeakerResolver.filing_party``), with a "that" clause; anyone else's "demonstrated"
#: (an opinion's "Plaintiff has demonstrated a likelihood") is no reporting verb.
_FILER_ONLY = {"demonstrate", "demonstrated", "establish", "established", "show", "showed",
               "shown"}  # fmt: skip

#: Verbs too common in other senses to count without a clause, quote or object saying what.
_NEEDS_CLAUSE = {"found", "ruled", "reported", "said", "wrote", "told", "answered", "claimed"}
#: "mention" and "point out" report only with what was said ("as Senator Bunning noted",
#: "As I pointed out in my prepared remarks, we have ...", "Pat mentioned that ..."): never
#: "mentioned the case", "pointed to the record" (docs/evaluation.md, transcripts).
_POINT = {"point", "points", "pointed", "pointing"}
_NEEDS_THAT = {"find", "finds", "found", "hold", "holds", "held", "maintain", "maintains",
               "mention", "mentions", "mentioned", "mentioning", *_POINT,
               "maintained", "add", "adds", "added", "state", "states",
               "stated", "concluded", "concludes", "conclude", "note", "notes", "noted",
               "suggest", "suggests", "suggested", "indicate", "indicates", "indicated",
               "signal", "signals", "signaled", "signalled", "warn", "warns", "warned",
               "explain", "explains", "explained", "submit", "submits", "inform", "informs",
               "informed", "determine", "determines", "determined", "declare", "declares",
               "declared", "declaring", "reiterate", "reiterates", "reiterated", "observe",
               "observes", "observed", "complain", "complains", "complained", "stating", "adding",
               "noting", "maintaining", "informing", "finding", "concluding", "determining",
               "indicating", "explaining", "recognize", "recognizes", "recognized", "accept",
               "accepts", "accepted", *_FILER_ONLY}  # fmt: skip
_NEEDS_OBJECT = {"granted", "denied"}
#: A ruling verb's present participle reports a ruling only as a participle of the judge's
#: other verb ("A California U.S. District judge derailed a potential class-action lawsuit
#: ..., rejecting a complaint that ..."), never in the progressive.
_RULING_PARTICIPLES = {"rejecting", "dismissing", "affirming", "reversing", "vacating",
                       "upholding", "overruling"}  # fmt: skip
#: Verbs that are a court's act only when a judge or court does them.
_JUDICIAL_ONLY = {"dismiss", "dismisses", "dismissed", "reject", "rejects", "rejected", "affirm",
                  "affirms", "affirmed", "reverse", "reverses", "reversed", "vacate", "vacates",
                  "vacated", "uphold", "upholds", "upheld", "hold", "holds", "held", "granted",
                  "grant", "grants", "overrule", "overrules", "overruled", "sustain", "sustains",
                  "sustained", "refuse", "refuses", "refused", *_RULING_PARTICIPLES}  # fmt: skip
#: Concessions of a party or an agency ("The Copyright Office accepted that ...", "The
#: Defendants' answer ... recognizes that ..."), never a court's holding.
_PARTY_ONLY = {"recognize", "recognizes", "recognized", "accept", "accepts", "accepted"}
#: Verbs that count only when the speaker is a named entity.
_NAMED_ONLY = {"describe", "describes", "described", "describing", "characterize",
               "characterizes", "characterized", "call", "calls", "called", "hail", "hails",
               "hailed", "condemn", "condemns", "condemned", "predict", "predicts", "predicted",
               "rule", "rules", "ruling"}  # fmt: skip
#: A court's disposition needs no object: "For the following reasons, we AFFIRM."
_DISPOSITIONS = {"affirm", "affirms", "affirmed", "reverse", "reverses", "reversed", "vacate",
                 "vacates", "vacated"}  # fmt: skip
_ACCUSE = {"accuse", "accuses", "accused", "accusing"}
#: Nouns of assertion: with a holder ("AT&T's contention") and a content clause ("that ...")
#: they are claims like their verbs.
_ASSERTION_NOUNS = {
    "contention": "argued", "contentions": "argued", "argument": "argued",
    "arguments": "argued", "assertion": "claimed", "assertions": "claimed", "claim": "claimed",
    "claims": "claimed", "statement": "claimed", "allegation": "alleged",
    "allegations": "alleged", "theory": "argued", "theories": "argued",
}  # fmt: skip
_ATTESTATION = re.compile(r"\bunder (?:the )?penalty of perjury\b", re.IGNORECASE)
_POSSESSIVE_MARKS = {"’s", "'s", "’", "'"}
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "parataxis"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp"}
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
#: A pleading's defined term in parentheses ("(“NCAJ”)", "(the “Proposed Amicus Brief”)",
#: "(“Fall Line” or “Plaintiff”)", "(collectively, “Sprouts”)"): a name, not a quotation.
_DEFINED_TERM = re.compile(
    r"\((?:collectively,?\s+|hereinafter,?\s+)?(?:the\s+)?[\"“][^\"“”()]{1,60}[\"”]"
    r"(?:,?\s+(?:or|and)\s+(?:the\s+)?[\"“][^\"“”()]{1,60}[\"”])*\)"
)
_COLON_QUOTE = re.compile(r"^\s*[^:\n]{2,60}:\s*[\"“]")


_QUOTED_SENTENCES = "casebase_quoted_sentences"


def _quotes(sent: Span) -> bool:
    """Whether the sentence quotes something (a defined term in parentheses is no quotation),
    found once per sentence: a sentence may hold several reporting verbs."""
    found: dict[int, bool] = sent.doc.user_data.setdefault(_QUOTED_SENTENCES, {})
    if sent.start not in found:
        found[sent.start] = bool(_QUOTE.search(_DEFINED_TERM.sub("", span_text(sent))))
    return found[sent.start]


def reporting_verb(token: Token) -> str | None:
    """The ClaimVerb value for a reporting-verb token used as a verb, else None."""
    verb = _VERBS.get(token.lower_)
    if verb is not None and token.lower_ in _DISPOSITIONS and _we_dispose(token):
        return verb  # "We affirm.": the parser may read the bare verb as an adjective
    if verb is None or not token.tag_.startswith("VB"):
        return None
    if token.dep_ == "amod" and token.head.i > token.i:
        return None  # "Mr. Ross's claimed SIM swap", "the alleged fraud": an adjective
    deps = {child.dep_ for child in token.children}
    quoted = _quotes(sent_of(token))
    has_clause = bool(deps & _CLAUSE_DEPS) or quoted
    has_object = bool(deps & {"dobj", "ccomp", "attr"})
    if token.lower_ in _AS_FOLLOWS_VERBS and _as_follows(token):
        return "alleged"  # a pleading's opening: "Plaintiffs ... complain as follows:"
    if token.lower_ in _PARTICIPLES_ONLY and not _participle(token):
        return None  # "we are explaining why ...", "(explaining that ...)": see below
    if token.lower_ in _URGE and not _urged_view(token):
        return None  # "urge the Court to deny the motion": a request, not a position
    if verb in {"claimed", "alleged"} and "ccomp" not in deps and _pleads_counts(token):
        return None  # "asserts two counts under § 1983": the counts pleaded, no statement
    clause = "ccomp" in deps or quoted or _object_clause(token) or _as_clause(token)
    if token.lower_ in _NEEDS_THAT and not clause:
        return None
    if token.lower_ in _POINT and not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children
    ):
        return None  # "pointed to", "points of law": only "point out" reports
    if verb in _NEEDS_CLAUSE and not (has_clause or has_object or "prep" in deps or clause):
        # "As we reported earlier, the case could see ...": the "as" clause's main clause
        return None
    needs_object = verb in _NEEDS_OBJECT or token.lower_ in _JUDICIAL_ONLY
    if needs_object and not has_object and token.lower_ not in _DISPOSITIONS:
        return None
    return verb


def _we_dispose(token: Token) -> bool:
    """ "We affirm.", "I reverse": a disposition right after its first-person subject."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    return (
        before is not None
        and before.lower_ in {"we", "i"}
        and before.head.i == token.i
        and before.dep_ == "nsubj"
    )


#: A pleading opens with its party's "alleges as follows:"; "complain(s) as follows" and
#: "state(s) as follows" are the same formula (a third-person subject: a declarant's "I ...
#: state as follows" introduces testimony, counted paragraph by paragraph).
_AS_FOLLOWS_VERBS = {"complain", "complains", "state", "states"}


#: Present participles that report only as a participle of another verb's subject ("...,
#: contending that ...", "filed a notice of appeal, stating ..."); progressive forms ("we are
#: explaining why ...") and a citation's parenthetical ("(explaining that ...)", read with its
#: citation's court) are not.
_PARTICIPLES_ONLY = {"stating", "adding", "stressing", "noting", "emphasizing", "contending",
                     "maintaining", "asserting", "insisting", "acknowledging", "informing",
                     "finding", "concluding", "determining", "reporting", "indicating",
                     "explaining", "describing", *_RULING_PARTICIPLES}  # fmt: skip


def _participle(token: Token) -> bool:
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text == "(":
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in token.children)


_URGE = {"urge", "urges", "urged"}


def _urged_view(token: Token) -> bool:
    """ "He urges that the period should not have begun": a party's position, its "that"
    clause; "urge the Court to ..." (even "to find that ...") asks for an act, and so does a
    speaker's own "I urge ..."."""
    children = list(token.children)
    if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in children):
        return False
    return any(c.dep_ == "ccomp" for c in children)


#: Objects that name a pleading's counts, not what it states: "asserts claims for fraud".
_PLEADED = {"claim", "claims", "count", "counts", "cause", "causes"}


def _pleads_counts(token: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _PLEADED for c in token.children)


def _object_clause(token: Token) -> bool:
    """A reporting verb whose object noun carries the content clause: "Defendant noted its
    understanding that the Second Report ... comprised ...", "stated its position that ..."."""
    return any(c.dep_ == "dobj" and _that_clause(c) is not None for c in token.children)


def _as_clause(token: Token) -> bool:
    """ "As I previously indicated, we are disappointed ...", "As Musk noted, ...": an "as"
    clause with a subject of its own reports what the main clause says (one without a subject,
    "As noted above", is the paper's cross-reference)."""
    children = list(token.children)
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and any(c.dep_ == "nsubj" for c in children)
    )


def _as_follows(token: Token) -> bool:
    if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in token.children):
        return False
    return any(
        c.lower_ == "follows" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        for c in token.children
    )


#: A bill's or a statute's words are the text of law, no claim (docs/evaluation.md, claims):
#: "The bill would create an oversight board ...; and it specifically says later on in the
#: bill that any of the recipients must report ...", "And it then says, the board may ...".
_LAW_NOUNS = frozenset({"bill", "bills", "legislation", "statute", "provision", "amendment"})
_A_BILL = re.compile(
    r"\b(?:the|this|that|our|my|your|his|her|their)[ \t\n]+(?:bill|legislation|statute)\b",
    re.IGNORECASE,
)
#: How far back "it" may find the bill it stands for (the sentence before, about).
_LAW_CONTEXT_CHARS = 300


def _text_of_law(subject: Token) -> bool:
    """A subject that is a bill or a statute, or "it" where one was just named."""
    if subject.lower_ in _LAW_NOUNS:
        return True
    if subject.lower_ != "it":
        return False
    sent = subject.sent
    start = max(0, sent.start_char - _LAW_CONTEXT_CHARS)
    return bool(_A_BILL.search(text_of(subject.doc)[start : sent.end_char]))


def subject_of(token: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it depends on ("His lawsuit was
    filed in 2024 and accuses ..."), or the filing it describes ("a lawsuit alleging ...")."""
    if token.dep_ == "acl" and token.head.lower_ in DOCUMENTS:
        return token.head
    if _cross_reference(token):
        return None  # "As described above, Defendants are creditors": the paper's own words
    current: Token | None = token
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
        passive = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            shared = current.i != token.i and token.dep_ == "conj"
            return passive if shared and passive.lower_ in DOCUMENTS else None
        current = current.head if current.dep_ in _INHERIT_DEPS else None
    return None


def _cross_reference(token: Token) -> bool:
    """ "As described above", "as stated below", "as noted": an "as" clause with no subject
    of its own points the reader to another part of the text; it inherits no speaker."""
    children = list(token.children)
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in children) and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in children
    )


def content_of(token: Token) -> Span | None:
    """What was asserted: the clausal complement, else the direct object's phrase. For an
    accusation it is what the accused did ("accusing the nonprofit of abandoning its
    mission": "abandoning its mission"), never the accused."""
    if token.lower_ in _ACCUSE:
        accused = [c for c in token.children if c.dep_ == "dobj"]
        for child in [*token.children, *(g for c in accused for g in c.children)]:
            if child.dep_ == "prep" and child.lower_ == "of":
                phrase = [t for t in child.subtree if t.i != child.i]
                return token.doc[phrase[0].i : phrase[-1].i + 1] if phrase else None
    if token.tag_ in {"NN", "NNS"}:
        clause = _that_clause(token)
        if clause is None:
            return None
        subtree = list(clause.subtree)
        return token.doc[subtree[0].i : subtree[-1].i + 1]
    for deps in (("ccomp",), ("xcomp", "dobj", "advcl")):
        for child in token.children:
            if child.dep_ in deps and not (token.lower_ in _ACCUSE and child.dep_ == "dobj"):
                subtree = list(child.subtree)
                return token.doc[subtree[0].i : subtree[-1].i + 1]
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:  # spaCy makes a new Token on each access
        token, depth = token.head, depth + 1
    return depth


def find_claims(
    doc: Doc,
    entities: Sequence[FoundEntity],
    *,
    court_voice: bool = False,
    filer_voice: bool = False,
) -> list[FoundClaim]:
    """``court_voice``: the document is a court's own opinion or order, whose "we" and "I"
    are the court. ``filer_voice``: neither that nor a transcript, so a party's paper's "we"
    is the party its title names (``SpeakerResolver.filing_party``)."""
    resolver = SpeakerResolver(doc, entities, court_voice=court_voice, filer_voice=filer_voice)
    claims: list[FoundClaim] = []
    # Only reporting verbs, nouns of assertion and "according" can start a claim: the rest are
    # never looked at.
    cues = positions(
        doc, LOWER, ids_of(doc, [*_VERBS, *_ASSERTION_NOUNS, "according", "position", *_COURT_ONLY])
    )
    for sent in sentences(doc):
        claims += _sentence_claims(sent, resolver, entities, [doc[i] for i in within(sent, cues)])
    claims += _holding_parentheticals(doc, claims)
    return sorted(claims, key=lambda c: c.start)


#: A cited case's holding parenthetical: "..., 123 F.3d 456, 460 (9th Cir. 2001) (holding that
#: ...)". The court is the one the citation's own parenthetical names; a year alone after the
#: Supreme Court's reporters ("593 U.S. 1, 12 (2021)") is the Supreme Court.
_HOLDING = re.compile(
    r"(?:(?P<sct>\b\d{1,3}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?)\s+\d+"
    r"(?:,\s*\d+(?:[-–]\d+)?)?\s*\(\d{4}\))|\((?P<court>[^()]{2,40}?)\s+\d{4}\))\s*"
    r"\((?P<verb>holding|finding|concluding|ruling|explaining|noting|reasoning|recognizing|"
    r"observing|rejecting|affirming|reversing)\b"
)
_HOLDING_CUE = re.compile(
    r"\((?:hold|find|conclud|rul|explain|not|reason|recogniz|observ|reject|affirm|revers)ing\b"
)
_HOLDING_VERBS = {"holding": "ruled", "ruling": "ruled", "rejecting": "ruled",
                  "affirming": "ruled", "reversing": "ruled", "finding": "found",
                  "concluding": "found"}  # fmt: skip
#: Subsequent history between a citation and its parenthetical: "Dimaya v. Lynch, 803 F.3d
#: 1110 (9th Cir. 2015), aff'd sub nom. Sessions v. Dimaya, 138 S. Ct. 1204 (2018) (noting
#: ...)": the parenthetical explains the first citation, the Ninth Circuit's.
_HISTORY = re.compile(r"\b(?:aff['’]d|rev['’]d|vacated|cert\.\s+denied)\b[^()]{0,120}$")
_COURT_YEAR = re.compile(r"\((?P<court>[^()]{2,40}?)\s+\d{4}\),?\s*$")


def _before_history(text: str, start: int) -> str | None:
    """The court of the citation before a subsequent-history phrase that leads to ``start``."""
    window = text[max(0, start - 250) : start]
    history = _HISTORY.search(window)
    if history is None:
        return None
    earlier = _COURT_YEAR.search(window[: history.start()])
    return cited_court(earlier["court"]) if earlier else None


def _holding_parentheticals(doc: Doc, found: list[FoundClaim]) -> list[FoundClaim]:
    """A cited case's holding ("(holding that ...)") as a claim of the court its citation
    names, one per sentence; none when the citation names no court it can tell."""
    text = text_of(doc)
    if not _HOLDING_CUE.search(text):
        return []  # most texts cite no case so: the longer expression is never run
    out: list[FoundClaim] = []
    for match in _HOLDING.finditer(text):
        court = "Supreme Court" if match["sct"] else cited_court(match["court"] or "")
        court = _before_history(text, match.start()) or court
        if court is None:
            continue
        position = match.start("verb")
        span = doc.char_span(position, match.end("verb"), alignment_mode="expand")
        if span is None:
            continue
        sent = span.root.sent
        if is_title(sent) or any(c.start == sent.start_char and c.speaker == court
                                 for c in [*found, *out]):  # fmt: skip
            continue
        verb = _HOLDING_VERBS.get(match["verb"], "other")
        out.append(_claim(sent, verb, Speaker(court, judicial=True), None))
    return out


def _sentence_claims(
    sent: Span, resolver: SpeakerResolver, entities: Sequence[FoundEntity], cues: list[Token]
) -> list[FoundClaim]:
    """Every attributed statement of the sentence: one claim per speaker (the outermost of
    that speaker's reporting verbs), plus "according to X" attributions."""
    if is_title(sent):
        return []  # headlines and titles never yield claims
    text = span_text(sent)
    if _QUESTION_END.search(text):
        return []  # a question asserts nothing ("So when you say ..., are you ...?")
    found: list[FoundClaim] = []
    documents: list[FoundClaim] = []
    best: dict[str | None, tuple[int, Token, str, Speaker]] = {}
    quoted = [(m.start() + sent.start_char, m.end() + sent.start_char)
              for m in _QUOTE.finditer(text)]  # fmt: skip
    for token in cues:
        if token.lower_ == "according":
            target = _according_target(token)
            if target is not None:
                claim = _according_claim(token, target, resolver, entities)
                unnamed = resolver.resolve(target)
                if claim is not None and unnamed.document and unnamed.entity is None:
                    documents.append(claim)  # "according to a court filing": only if alone
                elif claim is not None:
                    found.append(claim)
            continue
        if _capital_disposition(token, resolver):
            we = token.i > 0 and token.doc[token.i - 1].lower_ == "we"
            speaker = resolver.authoring_court() if we else resolver.own_court()
            ruling = _VERBS.get(token.lower_, "ruled")
            best.setdefault(speaker.name, (_depth(token), token, ruling, speaker))
            continue
        if _order_ruling(token, court_voice=resolver.court_voice):
            speaker = resolver.own_court()  # "OpenAI's motion is DENIED": the document's court
            ruling = _VERBS.get(token.lower_, "ruled")
            best.setdefault(speaker.name, (_depth(token), token, ruling, speaker))
            continue
        if token.lower_ in _COURT_ONLY:
            continue
        if token.tag_ in {"NN", "NNS"}:
            noun = _assertion_noun(token, resolver)
            if noun is not None and not any(a <= token.idx < b for a, b in quoted):
                key = noun[1].entity.name if noun[1].entity is not None else noun[1].name
                if key not in best or _depth(token) < best[key][0]:
                    best[key] = (_depth(token), token, noun[0], noun[1])
            continue
        verb = reporting_verb(token)
        inside = any(a <= token.idx < b for a, b in quoted) and _quoted(token)
        if verb is not None and (_negated(token) or inside):
            continue  # "does not allege"; a verb inside a quotation is the quote's content
        if verb is not None and _ATTESTATION.search(text):
            continue  # "I declare under penalty of perjury ...": a formula, not a statement
        if verb is not None and _unasserted(token, disposing=_court_disposes(token, resolver)):
            continue  # "if you were to say", "I'd say", "can you ... say", "to tell the jury"
        subject = subject_of(token) if verb else None
        if verb is None or subject is None:
            continue
        if _text_of_law(subject):
            continue  # "it specifically says later on in the bill that ...": a bill's text
        speaker = resolver.resolve(subject)
        if not _acceptable(token, speaker):
            continue
        key = speaker.entity.name if speaker.entity is not None else speaker.name
        if key not in best or _depth(token) < best[key][0]:
            best[key] = (_depth(token), token, verb, speaker)
    said = {c.speaker for c in found}
    outer = [b[1] for b in best.values()]
    for _, token, verb, speaker in sorted(best.values(), key=lambda b: b[1].i):
        if _nested(token, outer) and not _reports_speech(token) and not _ruling(verb, speaker):
            continue  # "claimed that employees wrote code": no second claim
        if speaker.name in said and speaker.name is not None:
            continue  # "according to X" already gave X's claim
        resolver.remember(token.idx, speaker, verb)
        found.append(_claim(sent_of(token), verb, speaker, content_of(token)))
    if not found:  # a document no party is named for, when no one else speaks in it
        found += documents
    if not found:
        extra = _colon_claim(sent, entities)
        if extra is not None:
            found.append(extra)
    return sorted(found, key=lambda c: c.start)


#: How a sentence of running text ends (a title or heading has none of these).
_SENTENCE_END = (".", "?", "!", "”", '"', "’", "'", ":", ";", ")", ",")
_BLANK_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*\Z")
#: Blank lines, then a line that does not continue the sentence (a hard-wrapped PDF's next
#: line does: "... certifying a\n\nclass under Fed. R. Civ. P. 23").
_BLANK_AFTER = re.compile(r"\A[ \t]*\n[ \t]*\n\s*(?:\Z|[^\sa-z(])")


def is_title(sent: Span) -> bool:
    """A headline or title: a title-case line without a full stop, or a line standing alone
    between blank lines that ends without sentence punctuation ("In lawsuit over teen's
    death, judge rejects arguments that ...")."""
    if is_headline(sent) or _point_heading(sent):
        return True
    start, end, body = sentence_bounds(sent)
    if not body or body.endswith(_SENTENCE_END):
        return False
    text = text_of(sent.doc)
    before, after = text[max(0, start - 20) : start], text[end : end + 40]
    alone_before = _BLANK_BEFORE.search(before) or (start <= 20 and not before.strip())
    alone_after = _BLANK_AFTER.match(after) or (end + 40 >= len(text) and not after.strip())
    return bool(alone_before and alone_after)


#: A brief's point heading states its argument in title case and may end with a full stop
#: ("Defendants’ Standing and Finality Arguments Should be Struck Because They Refuse to File
#: the Record and Now Argue That the Record Provided to the Plaintiffs May Not Be
#: Appropriate."): this many words of four letters or more, nearly all capitalised.
_HEADING_WORDS = 8
_HEADING_SHARE = 0.9


def _point_heading(sent: Span) -> bool:
    """A title-case heading that ends with a full stop (a brief's point heading); a
    sentence of prose never capitalises nine in ten of its longer words."""
    if not span_text(sent).rstrip().endswith("."):
        return False
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    if len(words) < _HEADING_WORDS or any(t.text in {"“", '"'} for t in sent):
        return False
    return sum(1 for t in words if t.text[0].isupper()) >= _HEADING_SHARE * len(words)


_ORDER_RULINGS = {"granted", "denied", "dismissed", "affirmed", "reversed", "vacated"}
#: Dispositions that are rulings only in a court's own present-tense passive ("This matter is
#: remanded", "IT IS HEREBY ORDERED"), never reporting verbs elsewhere.
_COURT_ONLY = {"remanded", "ordered"}
_PRESENT_PASSIVE = {"is", "are"}


def _order_ruling(token: Token, *, court_voice: bool = False) -> bool:
    """An order's ruling in the passive: capitalised ("the motion is GRANTED", "IT IS HEREBY
    ORDERED"), or, in a court's own opinion or order, in the present tense ("His requested
    relief is denied at this time.", "This matter is remanded"; "was denied" is history)."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or token.lower_ not in _ORDER_RULINGS | _COURT_ONLY or _negated(token):
        return False
    if token.text.isupper():  # an all-capitals heading is no ruling, but "IT IS ORDERED" is
        return not subject.text.isupper() or subject.lower_ == "it"
    present = any(c.dep_ == "auxpass" and c.lower_ in _PRESENT_PASSIVE for c in token.children)
    return court_voice and (present or _announced(token)) and subject.lower_ != "it"


#: A court's own disposition announced in the future: "the Court will grant the motion in
#: part", "Defendant's motion will be granted", "these motions will be denied".
_DISPOSING = {"grant", "deny", "dismiss", "affirm", "reverse", "vacate", "remand", "granted",
              "denied", "dismissed", "affirmed", "reversed", "vacated", "remanded"}  # fmt: skip


#: A court's present-tense disposition in capitals: "the Court GRANTS Defendant's motion".
_CAPITAL_DISPOSITIONS = {"grant", "grants", "deny", "denies", "dismiss", "dismisses", "affirm",
                         "affirms", "reverse", "reverses", "vacate", "vacates", "remand",
                         "remands"}  # fmt: skip
_DISPOSERS = {"court", "i", "we", "hereby"}


def _capital_disposition(token: Token, resolver: SpeakerResolver) -> bool:
    """ "the Court GRANTS Defendant's motion", "I DENY ...", "we hereby AFFIRM" in a court's
    own opinion or order: its ruling, however the parser read the word in capitals (often as
    a noun's modifier)."""
    doc = token.doc
    return (
        resolver.court_voice
        and token.text.isupper()
        and len(token.text) > 2
        and token.lower_ in _CAPITAL_DISPOSITIONS
        and token.i > 0
        and doc[token.i - 1].lower_ in _DISPOSERS
        and (doc[token.i - 1].lower_ != "court" or doc[token.i - 1].text[0].isupper())
    )


def _announced(token: Token) -> bool:
    """A disposing verb under "will" ("will grant", "will be granted"), not negated."""
    return (
        token.lower_ in _DISPOSING
        and any(c.dep_ == "aux" and c.lower_ == "will" for c in token.children)
        and not _negated(token)
        and not any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in _HYPOTHETICAL_MARKS for m in c.children)
            for c in token.children
        )
    )


def _court_disposes(token: Token, resolver: SpeakerResolver) -> bool:
    """ "The Court will grant the motion", "I will deny ...", "we will reverse" in a court's
    own opinion or order: the ruling the paper announces, whose "will" is no mere prospect
    (a condition, "If Plaintiff fails to amend, the Court will dismiss", still is)."""
    if not resolver.court_voice or not _announced(token):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in {"i", "we"}:
        return True
    own = subject.text == "Court" and not any(
        c.dep_ in {"amod", "compound"} for c in subject.children
    )
    return own


def _ruling(verb: str, speaker: Speaker) -> bool:
    """A judge's or court's ruling, a claim of its own also where another speaker reports it
    ("Bloomberg reported that U.S. District Judge Lucy Koh Friday denied class action
    certification ...")."""
    return speaker.judicial and verb in {"ruled", "found", "granted", "denied"}


def _nested(token: Token, verbs: list[Token]) -> bool:
    """Whether ``token`` hangs below one of the other ``verbs``."""
    positions = {verb.i for verb in verbs}
    head = token
    for _ in range(50):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.i in positions:
            return True
    return False


def _reports_speech(token: Token) -> bool:
    """A reporting verb with its own content clause ("Musk said it was ..."), or a noun of
    assertion with its "that" clause ("rejects AT&T's contention that ...")."""
    if token.tag_ in {"NN", "NNS"}:
        return _that_clause(token) is not None
    return any(child.dep_ == "ccomp" for child in token.children)


def _that_clause(noun: Token) -> Token | None:
    """The verb of the "that" clause right after a noun ("contention that X is Y": "is")."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "that":
        return None
    mark = doc[noun.i + 1]
    clause = mark.head
    if mark.dep_ != "mark" or clause.head.i != noun.i or clause.dep_ not in {"acl", "ccomp"}:
        return None
    return clause


def _holder(noun: Token) -> Token | None:
    """Whose assertion a noun names: its possessive ("AT&T's contention", "her argument"),
    also when the parser missed it ("Jagels' claim")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.i < noun.i:
            return child
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text in _POSSESSIVE_MARKS:
        owner = doc[noun.i - 2]
        return owner if owner.tag_ in {"NNP", "NNPS"} else None
    return None


_TAKE = {"take", "takes", "took", "taken", "taking", "adopt", "adopts", "adopted"}


def _position_taken(noun: Token) -> Token | None:
    """The subject of "take(s) the position that ..." (a party's stated view, a claim like
    "argues that"), when the noun has its "that" clause."""
    if noun.lower_ != "position" or noun.dep_ != "dobj" or noun.head.lower_ not in _TAKE:
        return None
    if _that_clause(noun) is None:
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _assertion_noun(token: Token, resolver: SpeakerResolver) -> tuple[str, Speaker] | None:
    """A noun of assertion with a holder the text names and a content clause: (verb,
    speaker); a pronoun holder ("her argument that") is the nearest fitting antecedent."""
    taken = _position_taken(token)
    if taken is not None:  # "Vizio takes the position that it properly disclosed ...": the
        speaker = resolver.resolve(taken)  # subject of "takes" holds the position
        if speaker.generic or (speaker.entity is None and speaker.name is None):
            return None
        return "argued", speaker
    verb = _ASSERTION_NOUNS.get(token.lower_)
    holder = _holder(token) if verb else None
    if verb is None or holder is None or _that_clause(token) is None:
        return None
    if holder.lower_ == "their":  # people or an organization: never guessed, unless a
        party = resolver.party_antecedent(holder)  # party's role is the subject before it
        return verb, (party if party is not None else Speaker(None))
    if holder.lower_ == "our":  # "our contention that ...": a party's paper's filer, if any
        filer = resolver.filing_party()
        return (verb, filer) if filer is not None else None
    if holder.lower_ in {"his", "her", "its"}:
        kind = "organization" if holder.lower_ == "its" else "person"
        found = resolver.antecedent(holder, kind)
        return verb, (resolver.speaker_of(found) if found is not None else Speaker(None))
    speaker = resolver.resolve(holder)
    if speaker.generic or (speaker.entity is None and speaker.name is None):
        return None
    if speaker.entity is None and speaker.name is not None:
        speaker.name = _POSSESSIVE_END.sub("", speaker.name)  # "AT&T’s" as one token
    return verb, speaker


_HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
#: A letter's or declaration's first-person present "write"/"submit" without a content clause
#: is the paper presenting itself ("I write to explain ...", "We write in response to your
#: letter", "I submit this declaration in support of ..."), not a statement reported.
_OWN_ACT = {"write", "submit"}


def _writing_now(token: Token) -> bool:
    """ "I am writing to follow up on ...": the present progressive of the same formula."""
    return token.lower_ == "writing" and any(
        c.dep_ == "aux" and c.lower_ in {"am", "are", "'m", "’m", "'re", "’re"}
        for c in token.children
    )


#: A question's end, before a transcript's next line number and speaker label ("What do you
#: say to that? 24 MR. GASNER:").
_QUESTION_END = re.compile(r"\?[\s\"”’']*(?:\d{1,2}[ \t]+)?(?:[A-Z][A-Z. ]+:)?[\s\"”’']*$")
#: Pronouns whose present-tense "say" is habitual or generic, not a statement made: "When you
#: say 'this Court', you mean me", "They say this in the presence of the jury" (a speaker's
#: own "I say to the jury ..." is a statement of their practice, and a claim).
_GENERIC_SUBJECTS = {"you", "they"}
#: Finding and holding verbs, which with a particle ("find out", "hold up") are other verbs.
_FIND_HOLD = {"find", "finds", "found", "finding", "hold", "holds", "held", "holding"}
_PRESENT_SAY = {"say", "tell", "explain"}


def _unasserted(token: Token, *, disposing: bool = False) -> bool:
    """Speech not made: under a modal ("you can't say", "we'll say"), an infinitive ("to tell
    the jury", "declined to say"), or a condition ("if a juror said", "if you were to say").
    A first person's "would" is a hedge on a statement made ("I would just note that ...")."""
    first_person = any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in token.children)
    if _discourse_connective(token):
        return True
    if (
        first_person
        and (token.lower_ in _OWN_ACT or _writing_now(token))
        and not any(c.dep_ == "ccomp" for c in token.children)
    ):
        return True  # "I write in response to ...", "I submit this declaration": the paper's act
    if any(c.dep_ == "advmod" and c.lower_ == "how" for c in token.children):
        return True  # an indirect question: "depending on how the Court rules on the motion"
    if token.lower_ in _FIND_HOLD and any(c.dep_ == "prt" for c in token.children):
        return True  # "find out why ...", "held up": a phrasal verb, no finding or holding
    if _prospective(token):
        return True
    for child in token.children:
        if child.dep_ not in {"aux", "auxpass"} or child.tag_ not in {"MD", "TO"}:
            continue
        if first_person and child.lower_ in {"would", "'d", "’d"}:
            continue  # "I would just note ...": a hedged statement, still made
        if disposing and child.lower_ == "will":
            continue  # "the Court will grant the motion": the court's ruling, announced
        return True
    for clause in token.lefts:  # "if you were to say X, they say no": the consequence
        if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "if" and not _quoted(c) for c in clause.children
        ):
            return True
    if (
        token.tag_ == "VBP"
        and token.lower_ in _PRESENT_SAY
        and any(c.dep_ == "nsubj" and c.lower_ in _GENERIC_SUBJECTS for c in token.children)
    ):
        return True  # "they say", "you say": habitual or generic, no statement made
    current = token
    for _ in range(4):
        if any(
            c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS and not _quoted(c)
            for c in current.children
        ):
            return True
        if current.dep_ not in {"xcomp", "ccomp", "advcl", "conj"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _quoted(token: Token) -> bool:
    """Whether ``token`` stands inside a quotation opened in its sentence or the one before
    (the parser may split a quotation from its attribution; within the paragraph): a
    condition there ("“... may not sue ... if they simply think ...,” the Court found") is
    what was said, not a condition on saying it."""
    doc, text = token.doc, text_of(token.doc)
    sent = sent_of(token)
    opened = sent_of(doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
    start = max(text.rfind("\n\n", 0, token.idx), opened, 0)
    before = text[start : token.idx]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


#: Heads under which speech is wanted, planned or proposed, not made ("we're not proposing
#: that she testify", "I would ask that you explain"), and heads that make it a mere
#: appearance when negated ("it does not appear that ... any witnesses will be testifying").
_PROSPECTIVE_HEADS = {
    "propose", "proposes", "proposed", "proposing", "expect", "expects", "expected",
    "expecting", "anticipate", "anticipates", "anticipated", "anticipating", "plan", "plans",
    "planned", "planning", "intend", "intends", "intended", "intending", "want", "wants",
    "wanted", "hope", "hopes", "hoped", "hoping", "ask", "asks", "asked", "asking", "request",
    "requests", "requested", "requesting", "urge", "urges", "urged",
}  # fmt: skip
_SEEMING_HEADS = {"appear", "appears", "appeared", "seem", "seems", "seemed"}


def _prospective(token: Token) -> bool:
    """Speech under a head that wants, plans or proposes it, or under a negated "appear"."""
    current = token
    for _ in range(2):
        if current.dep_ not in {"ccomp", "xcomp"} or current.head.i >= current.i:
            return False  # the head comes first ("proposing that she testify"); a head after
            # the verb is a misparse across a quotation ("has stated ..., “I want to ...”")
        head = current.head
        if head.lower_ in _PROSPECTIVE_HEADS or (head.lower_ in _SEEMING_HEADS and _negated(head)):
            return True
        current = head
    return False


_DEMONSTRATIVES = {"that", "this", "so"}


def _discourse_connective(token: Token) -> bool:
    """ "Having said that, ...", "That said, ...": the speaker turning to what comes next, no
    statement reported. A perfect participle with no content clause, or a demonstrative
    subject right before the verb and a comma right after it."""
    children = list(token.children)
    if any(c.dep_ == "aux" and c.lower_ == "having" for c in children) and not any(
        c.dep_ == "ccomp" for c in children
    ):
        return all(c.lower_ in _DEMONSTRATIVES for c in children if c.dep_ == "dobj")
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        before is not None
        and before.lower_ in _DEMONSTRATIVES
        and before.dep_ == "nsubj"
        and (before.i == 0 or before.is_sent_start or not doc[before.i - 1].is_alpha)
        and after is not None
        and after.text == ","
    )


def _negated(token: Token) -> bool:
    """ "did not claim", "Never has a Court held that ...", "No court has found ...": nothing
    said or held."""
    return any(
        child.dep_ == "neg"
        or (child.dep_ == "advmod" and child.lower_ == "never")
        or (child.dep_ in {"aux", "auxpass"} and any(n.dep_ == "neg" for n in child.children))
        or (
            child.dep_ in {"nsubj", "nsubjpass"}
            and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        )
        for child in token.children
    )


#: "call" with these particles asks or doubts, it asserts nothing: "calls that into question",
#: "called for a new trial", "called on Congress to act" (a request is no claim).
_CALL = {"call", "calls", "called", "calling"}
_CALL_PARTICLES = {"into", "for", "on", "upon"}


def _acceptable(token: Token, speaker: Speaker) -> bool:
    if speaker.generic:
        return False
    if token.lower_ in _CALL and any(
        c.dep_ in {"prep", "prt"} and c.lower_ in _CALL_PARTICLES for c in token.children
    ):
        return False
    if token.lower_ in _JUDICIAL_ONLY and not speaker.judicial:
        return False
    if token.lower_ in _PARTY_ONLY and speaker.judicial:
        return False  # a court's "We recognize, of course, that ..." concedes, holds nothing
    if token.lower_ in _FILER_ONLY and not (speaker.first_person and speaker.name):
        return False
    return not (token.lower_ in _NAMED_ONLY and speaker.entity is None)


def _claim(sent: Span, verb: str, speaker: Speaker, content: Span | str | None) -> FoundClaim:
    start, end, sentence = sentence_bounds(sent)
    if isinstance(content, Span):
        content = _strip_that(content.text)
    return FoundClaim(
        speaker=speaker.name,
        verb=verb,
        quote=quote_in(sentence),
        sentence=sentence,
        start=start,
        end=end,
        content=content or "",
        speaker_slug=speaker.slug,
        under_oath=verb == "testified",  # the text says it was testimony
        first_person=speaker.first_person,
        second_person=speaker.second_person,
    )


def _colon_claim(sent: Span, entities: Sequence[FoundEntity]) -> FoundClaim | None:
    """ "Musk: “Partly.”" and "Savitt pressed: “So that's a yes.”": a named speaker, a colon,
    a quote. The name is an entity, else one to three capitalised proper nouns."""
    text = span_text(sent)
    if not _COLON_QUOTE.match(text):
        return None
    colon = sent.start_char + text.index(":")
    first = entity_at(entities, sent.start_char, colon)
    if first is not None:
        if first.kind != "person":
            return None
        return _claim(sent, "said", Speaker(first.name, first.slug, first), None)
    head = [t for t in sent if t.idx < colon and not t.is_space]
    if 1 <= len(head) <= 3 and all(t.tag_ in {"NNP", "NNPS"} and t.is_title for t in head):
        return _claim(sent, "said", Speaker(" ".join(t.text for t in head)), None)
    return None


def _strip_that(text: str) -> str:
    return text[5:] if text.lower().startswith("that ") else text


def quote_in(sentence: str) -> str | None:
    """The longest quoted passage in a sentence, if any (a defined term is none)."""
    quotes = [m.group(1).strip(" ,") for m in _QUOTE.finditer(_DEFINED_TERM.sub("", sentence))]
    return max(quotes, key=len) if quotes else None


def _according_target(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _according_claim(
    token: Token, target: Token, resolver: SpeakerResolver, entities: Sequence[FoundEntity]
) -> FoundClaim | None:
    """ "..., according to The Verge": the Verge reported it. A document as the source
    ("according to a memo") names no speaker: the sentence's own verb claim covers it."""
    speaker = resolver.resolve(target)
    if speaker.entity is None and target.tag_ not in {"NNP", "NNPS"} and not speaker.document:
        return None
    entity = entity_at(entities, target.idx, target.idx + len(target.text))
    verb = "said" if entity is not None and entity.kind == "person" else "reported"
    sent = sent_of(token)
    phrase = token.doc[token.i : list(target.subtree)[-1].i + 1]
    content = sent.text.strip().replace(phrase.text, "").strip(" ,.;—-") + "."
    return _claim(sent, verb, speaker, content)
