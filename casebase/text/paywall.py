"""Is an extracted page a paywall or login wall rather than the article? A heuristic: a short
text that carries one of the phrases such walls are made of."""

from __future__ import annotations

import re

PAYWALL_PHRASES = re.compile(
    r"subscribe to (?:continue|read|keep reading|unlock)|already a subscriber|"
    r"(?:sign|log) ?in to (?:continue|read|keep reading)|to continue reading|"
    r"subscription (?:is )?required|this (?:article|content) is (?:only )?(?:available )?"
    r"for (?:paying )?subscribers|create a free account to (?:continue|read)|"
    r"register to (?:continue|read)|start your (?:free )?trial",
    re.IGNORECASE,
)
SHORT_WORDS = 400


def looks_like_paywall(text: str) -> bool:
    """True for a text of fewer than 400 words that asks the reader to subscribe or log in."""
    return len(text.split()) < SHORT_WORDS and PAYWALL_PHRASES.search(text) is not None
