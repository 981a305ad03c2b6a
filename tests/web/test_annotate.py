"""Annotated document text: escaping, nesting of overlapping spans, ids, page markers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from casebase.web.annotate import Annotation, render_annotated

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


class NestingChecker(HTMLParser):
    """Fails on mis-nested tags and on a link inside a link; collects text and ids."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert not (tag == "a" and "a" in self.stack), "link inside a link"
        self.stack.append(tag)
        self.tags.append(tag)
        self.ids.extend(v or "" for k, v in attrs if k == "id")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"mis-nested </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack or "page-label" not in data:
            self.text.append(data)


def parse(html: str) -> NestingChecker:
    checker = NestingChecker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def visible_text(html: str) -> str:
    return re.sub(r'<span class="page-label">Page \d+</span>', "", html)


def test_plain_text_is_escaped() -> None:
    html = render_annotated(HOSTILE, [])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_text_is_preserved_exactly() -> None:
    text = "Elon Musk testified that xAI partly distilled OpenAI's models.\nNext line."
    anns = [
        Annotation(0, 9, "a", "mention", href="/entities/elon-musk/"),
        Annotation(0, 62, "mark", "claim", anchor=True),
        Annotation(24, 27, "a", "mention", href="/entities/xai/"),
        Annotation(10, 40, "span", "passage", anchor=True),
    ]
    checker = parse(render_annotated(text, anns))
    from html import unescape

    assert unescape("".join(checker.text)) == text


def test_crossing_spans_nest_and_keep_one_id() -> None:
    text = "abcdefghij"
    anns = [
        Annotation(0, 6, "span", "passage", anchor=True),
        Annotation(4, 9, "mark", "claim", anchor=True),
    ]
    html = render_annotated(text, anns)
    checker = parse(html)
    assert checker.ids == ["span-0-6", "span-4-9"]
    # the crossing span is split: its second piece is marked as a continuation with data-span
    assert html.count('data-span="span-4-9"') == 2
    assert 'class="claim cont"' in html


def test_link_never_inside_link() -> None:
    text = "Musk v. Altman, No. 4:24-cv-04722"
    anns = [
        Annotation(0, 14, "a", "citation", href="/cases/musk-v-altman/"),
        Annotation(0, 4, "a", "mention", href="/entities/elon-musk/"),
    ]
    html = render_annotated(text, anns)
    parse(html)
    assert html.count("<a ") == 1
    assert '<span class="mention"' in html


def test_duplicate_extents_get_one_id() -> None:
    anns = [Annotation(0, 3, anchor=True, css="claim"), Annotation(0, 3, anchor=True, css="p")]
    checker = parse(render_annotated("abcdef", anns))
    assert checker.ids == ["span-0-3"]


def test_hostile_attributes_and_text_are_escaped() -> None:
    text = HOSTILE * 2
    anns = [
        Annotation(0, 20, "a", "mention", href='"><script>x</script>', title=HOSTILE),
        Annotation(5, 30, "mark", "claim", data=(("speaker", HOSTILE),), anchor=True),
    ]
    html = render_annotated(text, anns)
    parse(html)
    assert "<script" not in html and "<img" not in html


def test_out_of_range_spans_are_ignored() -> None:
    html = render_annotated("short", [Annotation(3, 50, anchor=True), Annotation(-1, 2)])
    assert html == "short"


def test_page_markers_at_offsets() -> None:
    html = render_annotated("page one page two", [Annotation(5, 13, anchor=True)], [0, 9])
    checker = parse(html)
    assert checker.ids == ["page-1", "span-5-13", "page-2"]
    assert visible_text(html).count("Page") == 0


def test_many_spans_are_fast_enough_and_nest() -> None:
    text = "word " * 20000
    anns = [Annotation(i, i + 4, "a", "mention", href="/e/") for i in range(0, 100000, 5)]
    anns += [Annotation(i, i + 23, "mark", "claim", anchor=True) for i in range(2, 100000, 21)]
    parse(render_annotated(text, anns))
