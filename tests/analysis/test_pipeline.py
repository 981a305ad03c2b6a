"""The public API: model loading, sentence boundaries, batching, the JSON contract."""

from __future__ import annotations

from casebase.analysis.boundaries import lines_are_paragraphs
from casebase.analysis.dates import RESOLVED_BY
from casebase.analysis.nlp import load_nlp
from casebase.analysis.pipeline import PIPELINE_VERSION, analyse, analyse_many, get_nlp
from tests.data import NEWS_PUBLISHED

from .conftest import AP_JUDGE_DENIES, AP_PUBLISHED, SEED_KNOWN, TRANSCRIPT


def test_model_is_loaded_once_with_parser_and_sentences() -> None:
    nlp = get_nlp(known=SEED_KNOWN)
    assert get_nlp(known=SEED_KNOWN) is nlp
    assert load_nlp() is load_nlp()
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names
    doc = nlp("Musk testified on Thursday. OpenAI denied it.")
    assert [s.text for s in doc.sents] == ["Musk testified on Thursday.", "OpenAI denied it."]


def test_headline_is_its_own_sentence(news_text: str) -> None:
    assert lines_are_paragraphs(news_text)
    doc = get_nlp(known=[])(news_text)
    first = next(iter(doc.sents))
    assert first.text.strip() == "Musk Says xAI Partly Used OpenAI Models to Build Grok"


def test_wrapped_lines_are_not_sentence_breaks() -> None:
    text = "The Court finds that\nplaintiffs have failed to meet their burden.\n"
    assert not lines_are_paragraphs(text)
    doc = get_nlp(known=[])(text)
    assert len(list(doc.sents)) == 1


def test_datelines_are_not_part_of_the_first_sentence() -> None:
    nlp = get_nlp(known=[])
    texts = {
        "OAKLAND, Calif. — (AP) — A federal judge has denied the request.": "A federal judge",
        "SAN FRANCISCO -- Senior U.S. District Judge William Alsup granted it.": "Senior U.S.",
    }
    for text, first_words in texts.items():
        sents = [s.text for s in nlp(text).sents]
        assert len(sents) == 2 and sents[1].startswith(first_words)
    assert len(list(nlp("NASA — the agency — said so.").sents)) == 1  # an aside


def test_analyse_many_matches_analyse(news_text: str) -> None:
    items = [
        (news_text, NEWS_PUBLISHED, "news_article"),
        (AP_JUDGE_DENIES, AP_PUBLISHED, None),
        (TRANSCRIPT, None, "transcript"),
    ]
    batched = list(analyse_many(items, known=SEED_KNOWN, batch_size=2))
    single = [analyse(t, published=p, known=SEED_KNOWN, kind=k) for t, p, k in items]
    assert [a.to_json() for a in batched] == [a.to_json() for a in single]
    assert batched[2].turns and not batched[0].turns


def test_json_contract(news_text: str) -> None:
    data = analyse(news_text, published=NEWS_PUBLISHED, known=SEED_KNOWN).to_json()
    assert set(data) == {"entities", "events", "claims", "citations", "turns"}
    assert set(data["entities"][0]) == {"name", "kind", "mentions"}
    assert set(data["entities"][0]["mentions"][0]) == {"text", "start", "end"}
    event_keys = {"date", "precision", "anchor", "start", "end", "sentence", "resolved_by"}
    assert set(data["events"][0]) == event_keys
    assert {e["resolved_by"] for e in data["events"]} <= {*RESOLVED_BY, None}
    claim_keys = {"speaker", "verb", "quote", "sentence", "start", "end", "under_oath"}
    assert set(data["claims"][0]) == claim_keys
    assert PIPELINE_VERSION


def test_empty_and_whitespace_texts() -> None:
    for text in ("", "   \n\n  "):
        analysis = analyse(text, published=None, known=SEED_KNOWN)
        assert analysis.to_json() == {
            "entities": [], "events": [], "claims": [], "citations": [], "turns": []
        }  # fmt: skip


#: Wrapped lines of the Tax Court opinion (the real court PDF opinion_tax.pdf, in shared_dir)
#: (T.C. Memo. 2020-26), as the PDF text layer gives them.
TAX_OPINION = (
    "P-H reported its income and expenses on Schedule C, “Profit or Loss\n"
    "From Business”, of his return for each year at issue.  For 2008 and\n"
    "2009, Ps reported net losses and claimed deductions attributable to\n"
    "M LLC.  Three cases are consolidated here:  Rock Bordelon and Torie Bordelon,\n"
    "docket Nos. 19031-13 and 27735-13.  Mr. Bordelon was the sole guarantor.\n"
    "See Knudsen v. Commissioner, 131 T.C. 185 (2008).\n"
)


def test_wrapped_court_text() -> None:
    analysis = analyse(TAX_OPINION, published=None, known=[])
    events = [(e.anchor, e.sentence) for e in analysis.events]
    # "For 2008 and\n2009, Ps reported ...": one sentence across the line break.
    assert ("2008", events[0][1]) == events[0] and events[0][1].startswith("For 2008 and\n2009")
    kinds = {e.name: e.kind for e in analysis.entities}
    assert kinds["Rock Bordelon"] == "person" and kinds["Torie Bordelon"] == "person"
    assert kinds.get("Bordelon", "person") == "person"  # ambiguous surname: not a company
    assert kinds["Knudsen v. Commissioner"] == "case"  # without the signal "See"
    assert not any(e.date == "2008" and "131 T.C. 185" in e.sentence for e in analysis.events)
