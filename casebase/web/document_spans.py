"""Turn a document's mentions, claims, citations and evidence into annotations for the reader."""

from __future__ import annotations

from django.urls import reverse

from casebase.knowledge.models import Citation, Claim, Evidence, Mention
from casebase.queries.documents import DocumentPage

from .annotate import Annotation

# Outer first when two spans share an extent: passages, then claims, citations, mentions.
PASSAGE, CLAIM, CITATION, MENTION = range(4)


def passage(item: Evidence) -> Annotation:
    assert item.start is not None and item.end is not None
    return Annotation(
        item.start,
        item.end,
        "span",
        "passage",
        title=f"Evidence for: {item.event.title}",
        anchor=True,
        priority=PASSAGE,
    )


def claim(item: Claim) -> Annotation:
    speaker = item.speaker.name if item.speaker else item.speaker_text or "Unknown speaker"
    label = f"{speaker} {item.get_verb_display()}"
    return Annotation(
        item.start,
        item.end,
        "mark",
        "claim",
        title=label,
        data=(("speaker", label),),
        anchor=True,
        priority=CLAIM,
    )


def citation(item: Citation) -> Annotation:
    href = reverse("web:case", kwargs={"slug": item.case.slug}) if item.case else ""
    return Annotation(
        item.start,
        item.end,
        "a" if href else "span",
        f"citation cite-{item.kind}",
        href=href,
        title=item.normalized,
        priority=CITATION,
    )


def mention(item: Mention) -> Annotation:
    entity = item.entity
    return Annotation(
        item.start,
        item.end,
        "a",
        f"mention kind-{entity.kind}",
        href=reverse("web:entity", kwargs={"slug": entity.slug}),
        title=entity.name,
        priority=MENTION,
    )


def annotations_for(page: DocumentPage) -> list[Annotation]:
    return [
        *(passage(item) for item in page.evidence if item.start is not None),
        *(claim(item) for item in page.claims),
        *(citation(item) for item in page.citations),
        *(mention(item) for item in page.mentions),
    ]
