"""A parsed ``Doc`` sent as bytes gives the analysis it gives in the process that parsed it."""

from __future__ import annotations

from casebase.analysis.doc_bytes import doc_from_bytes, doc_to_bytes
from casebase.analysis.pipeline import Item, analyse_many, analyse_parsed, get_nlp, parse
from casebase.core.partial_dates import PartialDate
from tests.data import NEWS_ARTICLE
from tests.data.pdfs import ORDER_LINES

from .conftest import SEED_KNOWN

# A court paper's shapes too (the project's own fictional order): pleading line numbers and a
# word hyphenated at a line end.
ORDER = "".join(f"{n:>2}  {line}\n" for n, line in enumerate(ORDER_LINES, start=1))


def test_an_analysis_from_bytes_is_the_analysis_in_process() -> None:
    items: list[Item] = [
        (NEWS_ARTICLE.read_text(encoding="utf-8"), PartialDate.parse("2026-05-01"), "news_article"),
        (ORDER, PartialDate.parse("2024-03-04"), "order", [(0, 2)]),
    ]
    in_process = list(analyse_many(items, known=SEED_KNOWN))
    assert in_process[0].claims and in_process[1].entities
    vocab = get_nlp(None, SEED_KNOWN).vocab
    for (doc, _), item, expected in zip(
        parse(items, known=SEED_KNOWN), items, in_process, strict=True
    ):
        data = doc_to_bytes(doc)
        assert len(data) < 60 * len(doc)  # no tensor: tens of bytes a token
        rebuilt = doc_from_bytes(data, vocab)
        assert repr(analyse_parsed(rebuilt, item, SEED_KNOWN)) == repr(expected)
