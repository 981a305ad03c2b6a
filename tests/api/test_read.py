"""Reading every resource anonymously: shapes, expansions, errors, conditional GET."""

from __future__ import annotations

import re

from rest_framework.test import APIClient

from .conftest import World

V1 = "/api/v1"


def test_every_collection_is_readable_anonymously(anon: APIClient, world: World) -> None:
    for name in (
        "cases",
        "documents",
        "entities",
        "mentions",
        "events",
        "claims",
        "citations",
        "threads",
    ):
        response = anon.get(f"{V1}/{name}/")
        assert response.status_code == 200, name
        assert response.json()["results"], name


def test_event_list_leaves_related_objects_null_unless_expanded(
    anon: APIClient, world: World
) -> None:
    plain = anon.get(f"{V1}/events/").json()["results"]
    day = next(e for e in plain if e["id"] == world.day_event.pk)
    assert day["entities"] is None and day["evidence"] is None and day["links"] is None
    assert day["threads"] == ["dispute"] and day["case"] == "example-v-beta"

    expanded = anon.get(f"{V1}/events/?expand=entities,evidence").json()["results"]
    day = next(e for e in expanded if e["id"] == world.day_event.pk)
    assert [e["slug"] for e in day["entities"]] == ["alice-example", "beta-labs"]
    assert day["evidence"][0]["document"]["id"] == world.document.pk
    assert day["evidence"][0]["passage_url"].endswith(f"/documents/{world.document.pk}/#span-0-40")
    assert day["links"] is None


def test_event_detail_expands_everything(anon: APIClient, world: World) -> None:
    data = anon.get(f"{V1}/events/{world.year_event.pk}/").json()
    assert data["partial_date"] == "2019" and data["date_display"] == "2019"
    assert data["period_end"] == "2019-12-31"
    assert data["links"]["outgoing"][0]["target"] == world.day_event.pk
    assert data["links"]["outgoing"][0]["kind"] == "precedent_for"
    assert [e["slug"] for e in data["entities"]] == ["alice-example"]
    assert data["web_url"] == f"http://testserver/events/{world.year_event.pk}/"


def test_unknown_expansion_is_a_400_in_the_error_format(anon: APIClient, world: World) -> None:
    response = anon.get(f"{V1}/events/?expand=secrets")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert "secrets" in error["details"]["expand"][0]


def test_not_found_uses_the_error_format(anon: APIClient, world: World) -> None:
    response = anon.get(f"{V1}/entities/no-such-entity/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_rejected_events_are_hidden_from_the_public(
    anon: APIClient, editor_client: APIClient, world: World
) -> None:
    ids = {e["id"] for e in anon.get(f"{V1}/events/").json()["results"]}
    assert world.rejected_event.pk not in ids
    assert anon.get(f"{V1}/events/{world.rejected_event.pk}/").status_code == 404
    asked = editor_client.get(f"{V1}/events/?review_status=rejected").json()["results"]
    assert [e["id"] for e in asked] == [world.rejected_event.pk]


def test_entity_has_its_aliases(anon: APIClient, world: World) -> None:
    data = anon.get(f"{V1}/entities/beta-labs/").json()
    assert data["aliases"] == ["B.L. Inc."]
    assert data["kind"] == "organization"


def test_document_list_omits_text_and_detail_has_it(anon: APIClient, world: World) -> None:
    listed = anon.get(f"{V1}/documents/").json()["results"][0]
    assert "text" not in listed
    detail = anon.get(f"{V1}/documents/{world.document.pk}/").json()
    assert detail["text"].startswith("Alice Example testified")
    assert detail["url"] == f"http://testserver/api/v1/documents/{world.document.pk}/"


def test_conditional_get_answers_304_until_the_data_changes(anon: APIClient, world: World) -> None:
    url = f"{V1}/entities/alice-example/"
    first = anon.get(url)
    etag = first["ETag"]
    assert etag
    assert anon.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    world.alice.description = "Changed"
    world.alice.save()
    changed = anon.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_cursor_pagination_walks_every_event_once(anon: APIClient, world: World) -> None:
    seen: list[int] = []
    url: str | None = f"{V1}/events/?page_size=2"
    while url:
        page = anon.get(url).json()
        seen += [e["id"] for e in page["results"]]
        url = page["next"]
    visible = [world.year_event, world.ranged_event, world.month_event, world.day_event]
    assert seen == [e.pk for e in visible]


def test_ordering_and_search(anon: APIClient, world: World) -> None:
    titles = [e["title"] for e in anon.get(f"{V1}/events/?ordering=-title").json()["results"]]
    assert titles == sorted(titles, reverse=True)
    found = anon.get(f"{V1}/events/?search=ranged").json()["results"]
    assert [e["id"] for e in found] == [world.ranged_event.pk]


def test_the_browsable_docs_are_served_without_a_cdn(anon: APIClient, db: None) -> None:
    page = anon.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert not re.search(r'(?:src|href)=["\']?(?:https?:)?//', html)  # nothing off-site
    schema = anon.get("/api/schema/?format=json").json()
    assert "/api/v1/events/" in schema["paths"]


def test_unknown_api_paths_are_json_404s_and_missing_slashes_redirect(
    anon: APIClient, db: None
) -> None:
    response = anon.get(f"{V1}/citations/0.5/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert anon.get(f"{V1}/no-such-thing/").json()["error"]["status"] == 404
    redirect = anon.get(f"{V1}/events")
    assert redirect.status_code == 301 and redirect["Location"].endswith("/api/v1/events/")
