"""Is every piece of user text in a page isolated from the app's text around it?

User text may hold bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE reverses everything
after it on the line). Pages wrap each piece in ``<bdi>`` (or an element with a ``dir``
attribute, also isolated by the browser), holding that user text and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Text the browser does not lay out inline with the app's text (or does not show).
NOT_INLINE = {"script", "style", "title", "option", "textarea", "template"}


@dataclass
class _Element:
    tag: str
    isolates: bool
    text: list[str] = field(default_factory=list)
    holds_marked_text: bool = False


class _Checker(HTMLParser):
    def __init__(self, marker: str, user_texts: list[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.user_texts = user_texts
        self.stack: list[_Element] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            # dir on the root sets the page's direction; on any other element it isolates.
            has_dir = any(name == "dir" for name, _ in attrs) and tag not in {"html", "body"}
            isolates = tag == "bdi" or has_dir
            self.stack.append(_Element(tag, isolates))

    def handle_endtag(self, tag: str) -> None:
        tags = [element.tag for element in self.stack]
        if tag not in tags:
            return
        while self.stack:
            element = self.stack.pop()
            if element.isolates and element.holds_marked_text:
                self._check_isolate("".join(element.text))
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if any(element.tag in NOT_INLINE for element in self.stack):
            return
        for element in self.stack:
            element.text.append(data)
        if self.marker not in data:
            return
        isolating = [element for element in self.stack if element.isolates]
        if isolating:
            isolating[-1].holds_marked_text = True
        else:
            inside = " > ".join(element.tag for element in self.stack[-3:])
            self.problems.append(f"not isolated, in {inside}: {data.strip()[:60]!r}")

    def _check_isolate(self, text: str) -> None:
        core = text.strip().strip("…").strip()
        if core and not any(core in user_text for user_text in self.user_texts):
            self.problems.append(f"isolated with the app's text: {text.strip()[:80]!r}")


def unisolated_user_text(body: str, marker: str, user_texts: list[str]) -> list[str]:
    """Where text holding ``marker`` is not isolated on its own (empty when all of it is)."""
    checker = _Checker(marker, user_texts)
    checker.feed(body)
    checker.close()
    return checker.problems


def report(found: dict[str, list[str]]) -> str:
    """Each distinct problem once, with the first page that has it."""
    first: dict[str, str] = {}
    for url, problems in found.items():
        for problem in problems:
            first.setdefault(problem, url)
    return "\n".join(f"{url}: {problem}" for problem, url in sorted(first.items()))
