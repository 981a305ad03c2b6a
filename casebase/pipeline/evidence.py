"""Evidence that quotes its document gets the span of that quote, so readers land on it."""

from __future__ import annotations

import re

from casebase.knowledge.models import Document, Evidence

# Characters a quote and a fetched page often spell differently: quotes, apostrophes, dashes.
_VARIANTS = {
    "'": "'‘’‛′",
    "‘": "'‘’‛′",
    "’": "'‘’‛′",
    '"': '"“”„″',
    "“": '"“”„″',
    "”": '"“”„″',
    "-": "-‐‑‒–—",
    "–": "-‐‑‒–—",
    "—": "-‐‑‒–—",
}


def quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote as a pattern that allows any run of whitespace (line breaks, several spaces)
    between its words and any spelling of quotation marks, apostrophes and dashes."""
    parts: list[str] = []
    for word in quote.split():
        parts.append(
            "".join(
                f"[{re.escape(_VARIANTS[ch])}]" if ch in _VARIANTS else re.escape(ch) for ch in word
            )
        )
    return re.compile(r"\s+".join(parts))


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``: verbatim first, then with the tolerance above."""
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    if not quote.split():
        return None
    match = quote_pattern(quote).search(text)
    return (match.start(), match.end()) if match else None


def locate_quoted_evidence(document: Document) -> int:
    """Set the span of each quoted, span-less evidence row of ``document``; returns how many.

    A quote that is not in the text (even allowing for whitespace and typographic quotes) is
    left as it is (the reader still shows it).
    """
    if not document.text:
        return 0
    located = 0
    pending = Evidence.objects.filter(document=document, start__isnull=True).exclude(quote="")
    for evidence in pending:
        span = find_quote(document.text, evidence.quote)
        if span is None:
            continue
        evidence.start, evidence.end = span
        evidence.save(update_fields=["start", "end"])
        located += 1
    return located
