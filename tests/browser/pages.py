"""Helpers shared by the browser tests: the demo corpus and what a page reports going wrong."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command

from casebase.knowledge.models import Document, Event, Evidence

SEED_SENTENCE_START = "Elon Musk testified Thursday"


def load_demo_corpus() -> tuple[Event, Document, tuple[int, int]]:
    """The curated corpus, processed; the seed article's evidence quotes its lead sentence, and
    the loader locates that quote's span in the processed text."""
    call_command("load_corpus", verbosity=0)
    document = Document.objects.get(corpus_key="seed-article")
    event = Event.objects.get(corpus_key="musk-distillation-testimony-2026-04-30")
    evidence = Evidence.objects.get(event=event, document=document)
    assert evidence.start is not None and evidence.end is not None, document.error
    assert document.text[evidence.start :].startswith(SEED_SENTENCE_START)
    return event, document, (evidence.start, evidence.end)


class Console:
    """Collects console errors, uncaught page errors and failed responses."""

    def __init__(self, page: Any, *, allow_status: tuple[int, ...] = ()) -> None:
        self.errors: list[str] = []
        # the browser also logs each failed response to the console: allowed ones are not errors
        allowed = tuple(f"the server responded with a status of {s} " for s in allow_status)
        page.on(
            "console",
            lambda m: (
                self.errors.append(m.text)
                if m.type == "error" and not any(a in m.text for a in allowed)
                else None
            ),
        )
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "response",
            lambda r: (
                self.errors.append(f"{r.status} {r.url}")
                if r.status >= 400 and r.status not in allow_status
                else None
            ),
        )


# Installed before any page script runs: every Content-Security-Policy violation of the page.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(
    e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" +
    e.lineNumber + " " + (e.sample || ""));
});
"""


def violations(page: Any) -> list[str]:
    """The violations recorded on the current page (``RECORD_VIOLATIONS`` must be installed)."""
    return list(page.evaluate("window.__cspViolations || ['RECORD_VIOLATIONS not installed']"))
