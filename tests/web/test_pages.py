"""Every page renders what it promises, links facts to sources, and handles bad input."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from tests.factories import EntityFactory

from .conftest import CLAIM_END, Small

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_home(client: Client, small: Small) -> None:
    html = get(client, "/")
    assert "Roe v. Acme dispute" in html and "/cases/roe-v-acme/" in html
    assert 'role="search"' in html
    assert "Roe testifies about distillation" in html


def test_timeline_lists_events_in_order_with_lanes(client: Client, small: Small) -> None:
    html = get(client, "/timeline/")
    listing = html[html.index('class="tl-list"') :]
    assert listing.index("Acme AI launched as a nonprofit") < listing.index("Low confidence thing")
    assert listing.index("Low confidence thing") < listing.index("Roe testifies about distillation")
    assert "Dec 2015" in html and "30 Apr 2026" in html and ">2020<" in html
    data = json.loads(
        html.split('id="timeline-data" type="application/json">')[1].split("</script>")[0]
    )
    assert [lane[0] for lane in data["lanes"]] == ["dispute", "law"]
    dispute_points = [p for p in data["points"] if p[5] == "dispute"]
    assert [p[4] for p in dispute_points] == [
        "Acme AI launched as a nonprofit",
        "Roe testifies about distillation",
    ]
    assert dispute_points[0][1:4] == ["2015-12-01", "2015-12-31", "month"]
    assert [p[6] for p in data["points"] if p[5] == "law"] == [1, 0]
    assert "unverified" in html


def test_timeline_filters_and_download_links(client: Client, small: Small) -> None:
    html = get(client, "/timeline/?entity=example-labs&date_from=2026")
    assert "Roe testifies about distillation" in html
    assert "Acme AI launched as a nonprofit" not in html
    assert "/api/v1/timeline/?entity=example-labs&amp;date_from=2026&amp;format=csv" in html
    assert 'value="example-labs" checked' in html


def test_timeline_bad_params_are_400(client: Client, small: Small) -> None:
    html = get(client, "/timeline/?date_from=April", 400)
    assert "date_from" in html
    assert "entity" in get(client, "/timeline/?entity=nobody", 400)


def test_event_page_shows_evidence_and_links(client: Client, small: Small) -> None:
    html = get(client, f"/events/{small.testimony.pk}/")
    assert f"/documents/{small.document.pk}/#span-0-{CLAIM_END}" in html
    assert "Jane Roe testified on Thursday" in html
    assert "has as precedent" in html and "Acme AI launched as a nonprofit" in html
    fragment = get(client, f"/events/{small.testimony.pk}/?fragment=1")
    assert "<html" not in fragment and f"span-0-{CLAIM_END}" in fragment


def test_rejected_event_is_not_found(client: Client, small: Small) -> None:
    small.founding.review_status = "rejected"
    small.founding.save()
    get(client, f"/events/{small.founding.pk}/", 404)
    assert "Acme AI launched" not in get(client, f"/events/{small.testimony.pk}/")


def test_document_reader(client: Client, small: Small) -> None:
    html = get(client, f"/documents/{small.document.pk}/")
    assert f'id="span-0-{CLAIM_END}"' in html  # claim and evidence share the extent: one id
    assert html.count(f'id="span-0-{CLAIM_END}"') == 1
    assert 'href="/entities/jane-roe/"' in html and 'href="/entities/example-labs/"' in html
    assert 'href="/cases/roe-v-acme/"' in html
    assert 'data-speaker="Jane Roe testified"' in html
    assert 'id="page-2"' in html
    assert "unknown" in html and "aggregator; original publisher not named" in html
    assert 'rel="noopener nofollow noreferrer"' in html
    assert "docket entry 12" in html and "Done" in html
    assert "Roe testifies about distillation" in html  # supported event


def test_document_in_progress_refreshes_itself(client: Client, small: Small) -> None:
    assert 'http-equiv="refresh"' not in get(client, f"/documents/{small.document.pk}/")
    small.document.status = "processing"
    small.document.save()
    html = get(client, f"/documents/{small.document.pk}/")
    assert 'http-equiv="refresh"' in html and "Processing" in html


def test_document_processing_error_is_shown(client: Client, small: Small) -> None:
    small.document.status, small.document.error = "failed", "PDF has no text layer"
    small.document.save()
    html = get(client, f"/documents/{small.document.pk}/")
    assert "Failed" in html and "PDF has no text layer" in html


def test_entity_page(client: Client, small: Small) -> None:
    html = get(client, "/entities/jane-roe/")
    assert "Also called: <bdi>Roe</bdi>" in html and "Co-founder of Acme AI." in html
    assert "Roe testifies about distillation" in html
    assert "Claims by <bdi>Jane Roe</bdi>" in html and "Example Labs had partly used" in html
    assert re.search(r"Example Labs</bdi></a> <span class=\"muted\">in 1 document", html)
    assert "1 mention" in html


def test_entity_claims_about(client: Client, small: Small) -> None:
    small.other_claim.about.add(small.roe)
    html = get(client, "/entities/jane-roe/")
    about = html[html.index("Claims about") :]
    assert "denied it" in about


def test_merged_entity_redirects_permanently(
    client: Client, small: Small, entity_factory: type[EntityFactory]
) -> None:
    entity_factory(name="J. Roe", slug="j-roe", merged_into=small.roe)
    response = client.get("/entities/j-roe/")
    assert response.status_code == 301 and response["Location"] == "/entities/jane-roe/"


def test_case_page(client: Client, small: Small) -> None:
    html = get(client, "/cases/roe-v-acme/")
    assert "1:00-cv-00001" in html and "Plaintiff" in html and "Defendant" in html
    assert html.index("<dt>Plaintiff</dt>") < html.index("<dt>Defendant</dt>")  # role order
    assert "Roe testifies about distillation" in html
    assert "<td>12</td>" in html


def test_claims_explorer_side_by_side(client: Client, small: Small) -> None:
    html = get(client, "/claims/?speaker=jane-roe")
    assert "Contradicted by" in html and "denied it" in html
    assert "claim-contra" in html
    assert "denied it" not in get(client, "/claims/?speaker=jane-roe&verb=said")
    get(client, "/claims/?verb=shouted", 400)
    get(client, "/claims/?speaker=nobody", 400)


def test_search_finds_all_types_with_snippets_and_facets(client: Client, small: Small) -> None:
    html = get(client, "/search/?q=distillation")
    assert "Roe testifies about distillation" in html
    assert "Roe v. Acme" in html  # case facet
    html = get(client, "/search/?q=Widget")
    assert "<mark>Widget</mark>" in html
    assert 'Documents <span class="muted">(1)' in html
    assert 'Claims <span class="muted">(1)' in html
    get(client, "/search/?q=x&kind=bogus", 400)


def test_search_facet_narrows(client: Client, small: Small) -> None:
    html = get(client, "/search/?q=roe&thread=law")
    assert 'Documents <span class="muted">(0)' in html
    assert 'Events <span class="muted">(1)' in html


def test_404_for_missing(client: Client, small: Small) -> None:
    get(client, "/events/999999/", 404)
    get(client, "/documents/999999/", 404)
    get(client, "/entities/nobody/", 404)
    get(client, "/cases/nothing/", 404)
