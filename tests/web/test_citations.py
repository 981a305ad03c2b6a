"""Cite this: the citation text (Bluebook-style for court records; author, title, publisher,
date and URL for reporting), the permalink with the passage's #span anchor, and the CSL-JSON
and RIS files, read back by real third-party parsers (citeproc-py renders the CSL-JSON with a
CSL style; rispy reads the RIS as Zotero would)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.test import Client
from django.utils import timezone

from casebase.core.partial_dates import PartialDate
from casebase.exports.citations import REPORTING, Citable, citation_text, csl_json, ris
from casebase.knowledge.models import Document
from tests import factories

from .conftest import CLAIM_END, Small

pytestmark = pytest.mark.django_db


def court_order(small: Small) -> Document:
    factories.DocumentFactory(
        title="Order Granting in Part Motion to Dismiss",
        kind="order",
        source_kind="court_record",
        case=small.case,
        docket_entry=121,
        published_on=dt.date(2025, 3, 4),
        source_url="https://example.org/docket/121.pdf",
        text="ORDER. The motion is granted in part.\fPage two text.",
        page_offsets=[0, 38],
    )
    return Document.objects.get(docket_entry=121)


def rendered_bibliography(items: list[dict]) -> str:  # type: ignore[type-arg]
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return "\n".join(str(entry) for entry in bibliography.bibliography())


def test_court_record_is_cited_bluebook_style(client: Client, small: Small) -> None:
    order = court_order(small)
    html = client.get(f"/documents/{order.pk}/").content.decode()
    today = timezone.now().date()
    assert (
        "Order Granting in Part Motion to Dismiss, Roe v. Acme, No. 1:00-cv-00001, ECF No. 121 "
        "(U.S. District Court, N.D. Cal. Mar. 4, 2025), https://example.org/docket/121.pdf "
        "(last visited "
    ) in html
    assert f'datetime="{today.isoformat()}"' in html
    assert f'value="http://testserver/documents/{order.pk}/"' in html  # the permalink
    assert f'href="/documents/{order.pk}/cite.ris"' in html


def test_reporting_names_author_publisher_date_and_url() -> None:
    item = Citable(
        style=REPORTING,
        title="Witness describes distillation",
        permalink="https://casebase.example/documents/7/",
        accessed=dt.date(2026, 12, 3),
        key="casebase-document-7",
        date=PartialDate.parse("2018-02"),
        authors=("Jane Writer",),
        publisher="Example Times",
        source_url="https://news.example/story",
    )
    assert citation_text(item) == (
        "Jane Writer, Witness describes distillation, Example Times (Feb. 2018), "
        "https://news.example/story (last visited Dec. 3, 2026)."
    )
    [record] = rispy.loads(ris(item))
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["Jane Writer"]
    assert record["date"] == "2018/02//" and record["year"] == "2018"
    assert record["publisher"] == "Example Times"
    assert record["urls"][0] == "https://news.example/story"
    assert record["access_date"] == "2026/12/03/"
    [csl] = csl_json(item)
    assert csl["issued"] == {"date-parts": [[2018, 2]]}
    assert csl["author"] == [{"family": "Writer", "given": "Jane"}]
    text = rendered_bibliography([csl])
    assert "Writer, J." in text and "Witness describes distillation" in text and "2018" in text


def test_passage_citation_has_span_anchor_page_and_quote(client: Client, small: Small) -> None:
    order = court_order(small)
    page = client.get(f"/documents/{order.pk}/cite/?span=38-52")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"http://testserver/documents/{order.pk}/#span-38-52" in html
    assert "Page two text." in html
    assert "ECF No. 121, at 2 (" in html  # the pincite: the passage is on page 2
    ris_text = client.get(f"/documents/{order.pk}/cite.ris?span=38-52").content.decode()
    [record] = rispy.loads(ris_text)
    assert record["type_of_reference"] == "CASE"
    assert record["start_page"] == "2"
    assert record["notes"] == ["Passage: Page two text."]
    assert record["urls"][0] == "https://example.org/docket/121.pdf"
    assert "#span-38-52" in ris_text
    csl = json.loads(client.get(f"/documents/{order.pk}/cite.json?span=38-52").content)
    assert csl[0]["type"] == "legal_case" and csl[0]["number"] == "1:00-cv-00001"
    assert "Order Granting in Part Motion to Dismiss" in rendered_bibliography(csl)
    client_errors = [
        client.get(f"/documents/{order.pk}/cite.ris?span=52-38").status_code,
        client.get(f"/documents/{order.pk}/cite.ris?span=0-99999").status_code,
        client.get(f"/documents/{order.pk}/cite.bib").status_code,
    ]
    assert client_errors == [404, 404, 404]


def test_event_citation_carries_its_sources(client: Client, small: Small) -> None:
    event = small.testimony
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "Cite this event" in html
    assert (
        "<bdi>Roe testifies about distillation</bdi> (Apr. 30, 2026), casebase, "
        f"http://testserver/events/{event.pk}/ (last visited "
    ) in html
    assert f"/documents/{small.document.pk}/cite/?span=0-{CLAIM_END}" in html
    response = client.get(f"/events/{event.pk}/cite.ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert f'filename="casebase-event-{event.pk}.ris"' in response["Content-Disposition"]
    records = rispy.loads(response.content.decode())
    assert [r["type_of_reference"] for r in records] == ["ELEC", "NEWS"]
    assert records[0]["title"] == "Roe testifies about distillation"
    assert records[1]["title"] == small.document.title
    items = json.loads(client.get(f"/events/{event.pk}/cite.json").content)
    assert [item["type"] for item in items] == ["webpage", "article-newspaper"]
    text = rendered_bibliography(items)
    assert "Roe testifies about distillation" in text
    small.testimony.review_status = "rejected"
    small.testimony.save()
    assert client.get(f"/events/{event.pk}/cite.ris").status_code == 404


def test_pages_carry_description_open_graph_and_print_url(client: Client, small: Small) -> None:
    html = client.get(f"/events/{small.testimony.pk}/").content.decode()
    assert '<meta property="og:title" content="Roe testifies about distillation">' in html
    assert '<meta name="description" content="Roe testified that Example Labs' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<link rel="canonical" href="http://testserver/events/{small.testimony.pk}/">' in html
    assert f'<p class="print-only">http://testserver/events/{small.testimony.pk}/</p>' in html
    home = client.get("/").content.decode()
    assert '<meta property="og:description" content="A sourced, linked timeline' in home


def test_citation_isolates_source_text_and_never_links_a_script_url(
    client: Client, small: Small
) -> None:
    factories.DocumentFactory(
        title="Title \u202e reversed",
        authors=["A. Writer", "B. Writer", "C. Writer"],
        publisher="Pub",
        source_url="javascript:alert(1)",
        published_on=dt.date(2020, 1, 1),
        published_precision="year",
    )
    document = Document.objects.get(publisher="Pub")
    html = client.get(f"/documents/{document.pk}/").content.decode()
    assert (
        "<bdi>A. Writer</bdi> et al., <bdi>Title \u202e reversed</bdi>, <bdi>Pub</bdi> (2020), "
        in html
    )
    assert "javascript:" not in html.split('class="cite-text"')[1].split("</output>")[0]
    [record] = rispy.loads(client.get(f"/documents/{document.pk}/cite.ris").content.decode())
    assert record["urls"] == [f"http://testserver/documents/{document.pk}/"]
