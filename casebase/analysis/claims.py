"""Attributed claims: who asserted what, from reporting verbs and "according to X".

The speaker is the verb's grammatical subject (or the subject it shares with the verb it hangs
from, as in "..., accusing the company"), resolved to an entity: a name mentioned in the
subject, or for "he"/"she"/"it"/"the judge"/"the company" the one fitting antecedent in the
same sentence or the one before. No antecedent, no guess: the speaker stays the surface text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from casebase.analysis.entities import entity_at
from casebase.analysis.spans import sentence_bounds
from casebase.analysis.types import FoundClaim, FoundEntity

_VERBS: dict[str, str] = {}
for _verb, _forms in {
    "said": "say says said saying state states stated add adds added confirm confirms "
    "confirmed confirming",
    "testified": "testify testifies testified testifying",
    "alleged": "allege alleges alleged alleging",
    "argued": "argue argues argued arguing contend contends contended maintain maintains "
    "maintained",
    "claimed": "claim claims claimed claiming assert asserts asserted insist insists insisted",
    "admitted": "admit admits admitted admitting acknowledge acknowledges acknowledged",
    "denied": "deny denies denied denying",
    "wrote": "write writes wrote written writing",
    "told": "tell tells told telling",
    "ruled": "rule rules ruled ruling held",
    "found": "find finds found conclude concludes concluded",
    "granted": "grant grants granted granting",
    "accused": "accuse accuses accused accusing",
    "reported": "report reports reported",
    "answered": "answer answers answered",
}.items():
    for _form in _forms.split():
        _VERBS[_form] = _verb

#: Verbs too common in other senses to count without a clause or object saying what.
_NEEDS_CLAUSE = {"found", "ruled", "reported", "said", "wrote", "told", "answered", "claimed"}
_NEEDS_THAT = {"find", "finds", "found", "held", "add", "adds", "added", "state", "states",
               "stated", "concluded", "concludes", "conclude"}  # fmt: skip
_NEEDS_OBJECT = {"granted", "denied"}
_SUBJECTS = {"nsubj"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "parataxis"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_JUDGE_ROLES = {"judge", "justice", "magistrate"}
_ORG_PRONOUNS = {"it", "they"}
_ROLE_NOUNS = {
    "judge": "person", "justice": "person", "magistrate": "person", "court": "court",
    "company": "organization", "firm": "organization", "startup": "organization",
    "lab": "organization", "plaintiff": "person", "defendant": "organization",
}  # fmt: skip
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")


def reporting_verb(token: Token) -> str | None:
    """The ClaimVerb value for a reporting-verb token used as a verb, else None."""
    verb = _VERBS.get(token.text.lower())
    if verb is None or not token.tag_.startswith("VB"):
        return None
    deps = {child.dep_ for child in token.children}
    has_clause = bool(deps & _CLAUSE_DEPS) or _has_quote_sibling(token)
    has_object = bool(deps & {"dobj", "ccomp", "attr"})
    if token.text.lower() in _NEEDS_THAT and not ("ccomp" in deps or _has_quote_sibling(token)):
        return None
    if verb in _NEEDS_CLAUSE and not (has_clause or has_object or "prep" in deps):
        return None
    if verb in _NEEDS_OBJECT and not has_object:
        return None
    return verb


def _has_quote_sibling(token: Token) -> bool:
    sent = token.sent
    return bool(_QUOTE.search(sent.text))


def subject_of(token: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it depends on."""
    current: Token | None = token
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ in {"nsubjpass", "auxpass"} or any(
            c.dep_ == "nsubjpass" for c in current.children
        ):
            return None
        current = current.head if current.dep_ in _INHERIT_DEPS else None
    return None


def content_of(token: Token) -> Span | None:
    """What was asserted: the clausal complement, else the direct object's phrase."""
    for deps in (("ccomp",), ("xcomp", "dobj", "advcl")):
        for child in token.children:
            if child.dep_ in deps:
                subtree = list(child.subtree)
                return token.doc[subtree[0].i : subtree[-1].i + 1]
    return None


class SpeakerResolver:
    """Subjects to entities, with a one-sentence look-back for pronouns and role nouns."""

    def __init__(self, doc: Doc, entities: Sequence[FoundEntity]) -> None:
        self.doc = doc
        self.entities = entities

    def resolve(self, subject: Token) -> tuple[str | None, str | None]:
        """(speaker, slug) for a subject token; the surface text when nothing resolves."""
        entity = self._named(subject)
        if entity is not None:
            return entity.name, entity.slug
        span = _phrase(subject)
        role_token = _role_noun(subject)
        if role_token is not None and role_token is not subject:
            subject = role_token
        word = subject.text.lower()
        kind = None
        if word in _PERSON_PRONOUNS:
            kind = "person"
        elif word in _ORG_PRONOUNS:
            kind = "organization"
        elif word in _ROLE_NOUNS:
            kind = _ROLE_NOUNS[word]
        if kind is None:
            if word in {"i", "we", "you", "who", "which", "that"}:
                return None, None
            return span.text, None
        antecedent = self.antecedent(subject, kind, role=word if word in _ROLE_NOUNS else None)
        if antecedent is None:
            return (None, None) if word in _PERSON_PRONOUNS | _ORG_PRONOUNS else (span.text, None)
        return antecedent.name, antecedent.slug

    def _named(self, subject: Token) -> FoundEntity | None:
        """The entity named by the subject: at its head word, else a person or any entity in
        the subject phrase ("Musk's lawyers", "U.S. District Judge Yvonne Gonzalez Rogers")."""
        head = entity_at(self.entities, subject.idx, subject.idx + len(subject.text))
        if head is not None:
            return head
        span = _phrase(subject)
        inside = [e for e in self.entities if _mentioned_in(e, span.start_char, span.end_char)]
        people = [e for e in inside if e.kind == "person"]
        if people:
            return people[0]
        return inside[0] if inside else None

    def antecedent(self, subject: Token, kind: str, role: str | None) -> FoundEntity | None:
        """The entity of ``kind`` mentioned before ``subject`` in its sentence, else in the
        previous sentence: the only one, or the only one that is a grammatical subject there.
        A judge ("the judge", "a federal judge") may be the one judge the document names.
        None when it is not clear."""
        sent = subject.sent
        windows = [(sent.start_char, subject.idx)]
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            windows.append((previous.start_char, previous.end_char))
        for start, end in windows:
            found = self._candidates(start, end, kind, role)
            if len(found) > 1:
                found = [e for e in found if self._is_subject_in(e, start, end)]
            if len(found) == 1:
                return found[0]
            if found:
                return None
        if role in _JUDGE_ROLES:
            judges = self._candidates(0, len(self.doc.text), kind, role)
            return judges[0] if len(judges) == 1 else None
        return None

    def _is_subject_in(self, entity: FoundEntity, start: int, end: int) -> bool:
        for mention in entity.mentions:
            if start <= mention.start < end:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                if root.dep_ in _SUBJECTS or (root.dep_ == "conj" and root.head.dep_ in _SUBJECTS):
                    return True
        return False

    def _candidates(self, start: int, end: int, kind: str, role: str | None) -> list[FoundEntity]:
        found = []
        for entity in self.entities:
            if entity in found or not _kind_fits(entity.kind, kind):
                continue
            mentions = [m for m in entity.mentions if start <= m.start < end]
            if not mentions:
                continue
            if role in _JUDGE_ROLES and not any(
                _titled(self.doc.text, m.start, role) for m in mentions
            ):
                continue
            found.append(entity)
        return found


def _kind_fits(kind: str, wanted: str) -> bool:
    if wanted == "organization":
        return kind in {"organization", "court"}
    return kind == wanted


def _titled(text: str, start: int, role: str) -> bool:
    """Whether the mention at ``start`` is preceded by the role as a title ("Judge Rogers")."""
    return text[max(0, start - 30) : start].rstrip().lower().endswith(role)


def _mentioned_in(entity: FoundEntity, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in entity.mentions)


def _role_noun(subject: Token) -> Token | None:
    """A role noun heading the subject or inside it ("a statement from the company")."""
    if subject.text.lower() in _ROLE_NOUNS:
        return subject
    for token in subject.subtree:
        if token.text.lower() in _ROLE_NOUNS and token.dep_ == "pobj":
            return token
    return None


def _phrase(subject: Token) -> Span:
    subtree = list(subject.subtree)
    return subject.doc[subtree[0].i : subtree[-1].i + 1]


def find_claims(doc: Doc, entities: Sequence[FoundEntity]) -> list[FoundClaim]:
    resolver = SpeakerResolver(doc, entities)
    claims: list[FoundClaim] = []
    for token in doc:
        if token.text.lower() == "according" and _according_target(token) is not None:
            claims.append(_according_claim(token, resolver, entities))
            continue
        verb = reporting_verb(token)
        if verb is None:
            continue
        subject = subject_of(token)
        if subject is None:
            continue
        speaker, slug = resolver.resolve(subject)
        claims.append(_claim(token, verb, speaker, slug, content_of(token)))
    return claims


def _claim(
    token: Token, verb: str, speaker: str | None, slug: str | None, content: Span | None
) -> FoundClaim:
    start, end, sentence = sentence_bounds(token.sent)
    return FoundClaim(
        speaker=speaker,
        verb=verb,
        quote=quote_in(sentence),
        sentence=sentence,
        start=start,
        end=end,
        content=_strip_that(content.text) if content is not None else "",
        speaker_slug=slug,
    )


def _strip_that(text: str) -> str:
    return text[5:] if text.lower().startswith("that ") else text


def quote_in(sentence: str) -> str | None:
    """The longest quoted passage in a sentence, if any."""
    quotes = [m.group(1).strip(" ,") for m in _QUOTE.finditer(sentence)]
    return max(quotes, key=len) if quotes else None


def _according_target(token: Token) -> Token | None:
    for child in token.children:
        if child.text.lower() == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _according_claim(
    token: Token, resolver: SpeakerResolver, entities: Sequence[FoundEntity]
) -> FoundClaim:
    target = _according_target(token)
    assert target is not None
    speaker, slug = resolver.resolve(target)
    entity = entity_at(entities, target.idx, target.idx + len(target.text))
    verb = "said" if entity is not None and entity.kind == "person" else "reported"
    start, end, sentence = sentence_bounds(token.sent)
    phrase = token.doc[token.i : list(target.subtree)[-1].i + 1]
    content = sentence.replace(phrase.text, "").strip(" ,.;—-") + "."
    return FoundClaim(
        speaker=speaker,
        verb=verb,
        quote=quote_in(sentence),
        sentence=sentence,
        start=start,
        end=end,
        content=content,
        speaker_slug=slug,
    )
