"""Filters: partial-date overlap, entities (all / any / merged), claims, documents, mentions."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from casebase.knowledge.models import Entity

from .conftest import World

V1 = "/api/v1"


def ids(client: APIClient, url: str) -> set[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a 2019 (year) event overlaps a range that starts in mid-2019
        ("date_from=2019-06-15&date_to=2019-06-20", {"year_event"}),
        # a March 2021 (month) event overlaps 2021-03-31 but not 2021-04
        ("date_from=2021-03-31&date_to=2021-03-31", {"month_event", "ranged_event"}),
        ("date_from=2021-04", {"ranged_event", "day_event"}),
        # the ranged event (Nov 2020 to the end of 2022) overlaps 2022-12-31
        ("date_from=2022-12-31&date_to=2022-12-31", {"ranged_event"}),
        ("date_to=2019", {"year_event"}),
        ("date_from=2023&date_to=2026", {"day_event"}),
    ],
)
def test_event_date_ranges_match_overlapping_periods(
    anon: APIClient, world: World, query: str, expected: set[str]
) -> None:
    assert ids(anon, f"{V1}/events/?{query}") == {getattr(world, n).pk for n in expected}


def test_bad_partial_date_is_a_400(anon: APIClient, world: World) -> None:
    response = anon.get(f"{V1}/events/?date_from=2019-13")
    assert response.status_code == 400
    assert "date_from" in response.json()["error"]["details"]


def test_entity_filters_all_any_and_merged(anon: APIClient, world: World) -> None:
    both = ids(anon, f"{V1}/events/?entity=alice-example,beta-labs")
    assert both == {world.day_event.pk}
    either = ids(anon, f"{V1}/events/?entity_any=alice-example,gamma-corp")
    assert either == {world.year_event.pk, world.day_event.pk, world.ranged_event.pk}
    Entity.objects.create(name="Old Beta", slug="old-beta", merged_into=world.beta)
    assert ids(anon, f"{V1}/events/?entity=old-beta") == {world.month_event.pk, world.day_event.pk}


def test_thread_case_origin_review_filters(anon: APIClient, world: World) -> None:
    assert ids(anon, f"{V1}/events/?thread=precedents") == {world.month_event.pk}
    assert ids(anon, f"{V1}/events/?case=example-v-beta") == {
        world.year_event.pk,
        world.day_event.pk,
    }
    assert ids(anon, f"{V1}/events/?origin=extracted") == {world.ranged_event.pk}
    assert ids(anon, f"{V1}/events/?review_status=approved") >= {world.ranged_event.pk}
    assert ids(anon, f"{V1}/events/?review_status=extracted") == set()  # none awaits review
    assert ids(anon, f"{V1}/events/?confidence=low") == {world.day_event.pk}


def test_entities_by_kind_and_by_name_or_alias(anon: APIClient, world: World) -> None:
    assert ids(anon, f"{V1}/entities/?kind=person") == {world.alice.pk}
    assert ids(anon, f"{V1}/entities/?name=b.l. inc") == {world.beta.pk}
    assert ids(anon, f"{V1}/entities/?name=GAMMA") == {world.gamma.pk}


def test_claims_by_speaker_oath_verb_case_document_date(anon: APIClient, world: World) -> None:
    url = f"{V1}/claims/?speaker=alice-example&under_oath=true"
    assert ids(anon, url) == {world.claim.pk}
    assert len(ids(anon, f"{V1}/claims/?verb=denied")) == 1
    assert ids(anon, f"{V1}/claims/?case=example-v-beta") == {world.claim.pk}
    assert ids(anon, f"{V1}/claims/?document={world.document.pk}") == {world.claim.pk}
    # the denial is dated March 2021 (month precision): it overlaps 2021-03-15
    march = ids(anon, f"{V1}/claims/?made_from=2021-03-15&made_to=2021-03-15")
    assert march == ids(anon, f"{V1}/claims/?verb=denied")


def test_documents_by_kind_case_publisher_date_status(anon: APIClient, world: World) -> None:
    assert ids(anon, f"{V1}/documents/?kind=transcript") == {world.document.pk}
    assert ids(anon, f"{V1}/documents/?case=example-v-beta") == {world.document.pk}
    assert ids(anon, f"{V1}/documents/?publisher=daily") == {world.article.pk}
    assert ids(anon, f"{V1}/documents/?published_from=2021-03-20&published_to=2021") == {
        world.article.pk
    }
    assert ids(anon, f"{V1}/documents/?status=failed") == {world.article.pk}


def test_mentions_and_citations_by_document_and_entity(anon: APIClient, world: World) -> None:
    assert len(ids(anon, f"{V1}/mentions/?document={world.document.pk}")) == 2
    assert len(ids(anon, f"{V1}/mentions/?entity=beta-labs")) == 1
    assert ids(anon, f"{V1}/citations/?document={world.document.pk}") == {world.citation.pk}
    assert ids(anon, f"{V1}/citations/?document={world.article.pk}") == set()
