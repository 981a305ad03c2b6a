"""Render a document's text with its spans (mentions, claims, citations, passages) as safe HTML.

Spans may overlap in any way. The text is cut at every span boundary; each piece is escaped and
wrapped in the elements of the spans that cover it, outermost first (earlier start, then longer,
then lower ``priority``). A span that crosses another's end is closed there and re-opened, so the
markup always nests; only its first piece carries its ``id`` and every piece carries
``data-span`` so a script can highlight all of it. A link never nests inside another link (the
inner one becomes a plain ``span``). Offsets are character offsets into the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    tag: str = "span"  # "a", "mark" or "span"
    css: str = ""
    href: str = ""
    title: str = ""
    data: tuple[tuple[str, str], ...] = ()  # extra data-* attributes
    anchor: bool = False  # carries id="span-<start>-<end>"
    priority: int = 0

    @property
    def span_id(self) -> str:
        return span_id(self.start, self.end)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, self.priority)


def span_id(start: int, end: int) -> str:
    return f"span-{start}-{end}"


def _open_tag(ann: Annotation, tag: str, first: bool, with_id: bool) -> str:
    attrs: list[tuple[str, str]] = []
    if with_id:
        attrs.append(("id", ann.span_id))
    css = ann.css if first else f"{ann.css} cont".strip()
    if css:
        attrs.append(("class", css))
    if tag == "a" and ann.href:
        attrs.append(("href", ann.href))
    if ann.title:
        attrs.append(("title", ann.title))
    if ann.anchor:
        attrs.append(("data-span", ann.span_id))
    attrs.extend((f"data-{name}", value) for name, value in ann.data if first)
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{tag}{rendered}>"


def _page_marker(number: int, note: str = "") -> str:
    label = f"Page {number}" + (f" · {escape(note)}" if note else "")
    kind = " page-ocr" if note else ""
    return (
        f'<span class="page-break{kind}" id="page-{number}" role="note">'
        f'<span class="page-label">{label}</span></span>'
    )


def render_annotated(
    text: str,
    annotations: Iterable[Annotation],
    page_offsets: Sequence[int] = (),
    page_notes: Mapping[int, str] | None = None,
) -> SafeString:
    """Escaped HTML of ``text`` with ``annotations`` as nested elements and page markers
    (``page_notes``: a note on a page's marker, by page number, e.g. that OCR read it)."""
    notes = page_notes or {}
    length = len(text)
    spans = sorted(
        (a for a in annotations if 0 <= a.start < a.end <= length), key=Annotation.sort_key
    )
    pages = {
        offset: index + 1 for index, offset in enumerate(page_offsets) if 0 <= offset <= length
    }
    cuts = sorted({0, length, *pages, *(a.start for a in spans), *(a.end for a in spans)})

    out: list[str] = []
    stack: list[tuple[Annotation, str]] = []  # open spans and the tag each was rendered with
    opened: set[int] = set()  # id() of spans already opened once
    ids_used: set[str] = set()
    next_span = 0
    active: list[Annotation] = []
    for left, right in zip(cuts, [*cuts[1:], length], strict=True):
        if left in pages:
            out.append(_page_marker(pages[left], notes.get(pages[left], "")))
        if left >= right:
            continue
        active = [a for a in active if a.end > left]
        while next_span < len(spans) and spans[next_span].start <= left:
            active.append(spans[next_span])
            next_span += 1
        wanted = sorted(active, key=Annotation.sort_key)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep][0] is wanted[keep]:
            keep += 1
        for _ann, tag in reversed(stack[keep:]):
            out.append(f"</{tag}>")
        del stack[keep:]
        for ann in wanted[keep:]:
            in_link = any(tag == "a" for _a, tag in stack)
            tag = "span" if ann.tag == "a" and in_link else ann.tag
            first = id(ann) not in opened
            with_id = first and ann.anchor and ann.span_id not in ids_used
            if with_id:
                ids_used.add(ann.span_id)
            opened.add(id(ann))
            out.append(_open_tag(ann, tag, first, with_id))
            stack.append((ann, tag))
        out.append(escape(text[left:right]))
    for _ann, tag in reversed(stack):
        out.append(f"</{tag}>")
    return mark_safe("".join(out))  # every piece above is escaped
