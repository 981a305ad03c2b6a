"""Bad query parameters on the search and claims pages are shown on the same page, beside their
field, with every other filter kept and still applied (as on the timeline): the one rule in
``casebase.queries.params.without_invalid``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from django.http import QueryDict
from django.test import Client

from casebase.queries.claims import ClaimFilters, readable_claims
from casebase.queries.params import InvalidFilter, without_invalid
from casebase.queries.search import SearchParams

from .conftest import Small

pytestmark = pytest.mark.django_db


def test_without_invalid_leaves_out_each_refused_parameter_until_none_is() -> None:
    calls: list[dict[str, list[str]]] = []

    def parse(params: Mapping[str, Any]) -> dict[str, str]:
        calls.append({name: params.getlist(name) for name in params})  # type: ignore[attr-defined]
        # two rounds of refusals, as when the format is checked before the lookups
        if "a" in params:
            raise InvalidFilter({"a": "bad a"})
        if "b" in params:
            raise InvalidFilter({"b": "no such b"})
        return {name: params.get(name) for name in params}

    value, errors = without_invalid(parse, QueryDict("a=1&b=2&c=3&c=4"))
    assert value == {"c": "4"}
    assert errors == {"a": "bad a", "b": "no such b"}
    assert calls[0] == {"a": ["1"], "b": ["2"], "c": ["3", "4"]}
    assert len(calls) == 3
    # plain dicts work too; an error naming nothing given is not swallowed
    assert without_invalid(parse, {"c": ["x", "y"]}) == ({"c": "y"}, {})

    def refuses_everything(params: Mapping[str, Any]) -> None:
        raise InvalidFilter({"elsewhere": "always"})

    with pytest.raises(InvalidFilter):
        without_invalid(refuses_everything, {"c": "1"})


def test_search_params_leave_out_the_bad_ones() -> None:
    params, errors = without_invalid(
        SearchParams.from_params, QueryDict("q=widget&kind=bogus&year=20x&case=roe-v-acme")
    )
    assert set(errors) == {"kind", "year"}
    assert (params.q, params.kind, params.year, params.case) == ("widget", "", None, "roe-v-acme")


def test_claim_filters_name_a_bad_verb_and_an_unknown_speaker(small: Small) -> None:
    filters, found, errors = readable_claims(
        QueryDict("verb=shouted&speaker=nobody&case=roe-v-acme&date_from=2026"), None
    )
    assert set(errors) == {"verb", "speaker"} and "nobody" in errors["speaker"]
    assert filters == ClaimFilters(case="roe-v-acme", date_from=filters.date_from)
    assert filters.date_from is not None and filters.date_from.iso() == "2026"
    assert found.count() == 1  # the case and the date still apply: Roe's testimony


def test_search_names_a_bad_facet_on_the_same_page(client: Client, small: Small) -> None:
    response = client.get("/search/", {"q": "Widget", "kind": "bogus", "case": "roe-v-acme"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Search</h1>" in html and 'role="search"' in html
    assert 'class="errors filter-errors" role="alert"' in html
    assert "<code>kind</code>" in html and "bogus" in html
    assert 'value="Widget"' in html
    assert '<input type="hidden" name="case" value="roe-v-acme">' in html  # kept
    assert "<mark>Widget</mark>" in html  # the words and the case still apply
    assert 'Documents <span class="muted">(1)' in html


def test_search_keeps_words_that_are_too_long_in_the_field(client: Client, small: Small) -> None:
    words = " ".join(["distillation"] * 20)
    response = client.get("/search/", {"q": words})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true" aria-describedby="q-error"' in html
    assert 'id="q-error"' in html and "at most 200 characters" in html
    assert f'value="{words}"' in html


def test_claims_names_bad_values_beside_their_fields(client: Client, small: Small) -> None:
    response = client.get(
        "/claims/", {"speaker": "acme-ai", "verb": "shouted", "date_from": "April"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Claims</h1>" in html
    assert 'id="c-verb-error"' in html and "shouted" in html
    assert 'id="c-from-error"' in html and 'value="April"' in html
    assert 'name="date_from" size="10" value="April"' in html
    assert html.count('aria-invalid="true"') == 2
    assert '<option value="acme-ai" selected>' in html  # the speaker is kept and applied
    assert "1 claim." in html

    unknown = client.get("/claims/", {"speaker": "nobody", "verb": "denied"})
    assert unknown.status_code == 400
    html = unknown.content.decode()
    assert 'id="c-speaker-error"' in html and "nobody" in html
    assert '<option value="denied" selected>' in html and "1 claim." in html
    assert client.get("/claims/", {"verb": "denied"}).status_code == 200
