"""Evidence that quotes its document gets the span of that quote, so readers land on it."""

from __future__ import annotations

from casebase.knowledge.models import Document, Evidence


def locate_quoted_evidence(document: Document) -> int:
    """Set the span of each quoted, span-less evidence row of ``document``; returns how many.

    A quote that is not in the text verbatim is left as it is (the reader still shows it).
    """
    if not document.text:
        return 0
    located = 0
    pending = Evidence.objects.filter(document=document, start__isnull=True).exclude(quote="")
    for evidence in pending:
        start = document.text.find(evidence.quote)
        if start < 0:
            continue
        evidence.start, evidence.end = start, start + len(evidence.quote)
        evidence.save(update_fields=["start", "end"])
        located += 1
    return located
