"""The shared timeline query: parsing, validation, filter semantics, order, query count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.http import QueryDict

from casebase.core.partial_dates import PartialDate
from casebase.queries.timeline import InvalidFilter, TimelineFilters, timeline_events
from tests import factories

pytestmark = pytest.mark.django_db


def titles(params: str, user: Any = None) -> list[str]:
    filters = TimelineFilters.from_params(QueryDict(params))
    return [e.title for e in timeline_events(filters, user)]


class TestParsing:
    def test_defaults(self) -> None:
        filters = TimelineFilters.from_params(QueryDict(""))
        assert filters == TimelineFilters()
        assert filters.unverified is True
        assert filters.is_empty

    def test_repeated_and_comma_values(self) -> None:
        filters = TimelineFilters.from_params(QueryDict("entity=a&entity=b,c&thread=x"))
        assert filters.entities == ("a", "b", "c")
        assert filters.threads == ("x",)

    def test_plain_dict_works(self) -> None:
        filters = TimelineFilters.from_params({"entity": ["a", "b"], "date_from": "2018-02"})
        assert filters.entities == ("a", "b")
        assert filters.date_from == PartialDate(2018, 2)

    def test_round_trip(self) -> None:
        query = "case=c&entity=a&entity=b&date_from=2015&date_to=2026-04-30&origin=curated"
        query += "&review=approved&q=distill+grok&unverified=no"
        filters = TimelineFilters.from_params(QueryDict(query))
        again = TimelineFilters.from_params(_qd(filters.to_params()))
        assert again == filters

    @pytest.mark.parametrize(
        ("query", "bad"),
        [
            ("date_from=2018-13", "date_from"),
            ("date_to=yesterday", "date_to"),
            ("origin=invented", "origin"),
            ("review=maybe", "review"),
            ("unverified=perhaps", "unverified"),
            ("date_from=2020&date_to=2019", "date_to"),
            ("case=a&case=b", "case"),
        ],
    )
    def test_invalid_values_name_the_parameter(self, query: str, bad: str) -> None:
        with pytest.raises(InvalidFilter) as info:
            TimelineFilters.from_params(QueryDict(query))
        assert bad in info.value.errors
        assert isinstance(info.value, ValueError)

    def test_every_bad_parameter_is_reported(self) -> None:
        with pytest.raises(InvalidFilter) as info:
            TimelineFilters.from_params(QueryDict("origin=x&review=y"))
        assert set(info.value.errors) == {"origin", "review"}


def _qd(pairs: list[tuple[str, str]]) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, value in pairs:
        qd.appendlist(key, value)
    return qd


class TestSemantics:
    def test_order_date_then_precision_then_id(
        self, event_factory: type[factories.EventFactory]
    ) -> None:
        event_factory(on="2018-02-20", title="day")
        event_factory(on="2018", title="year")
        event_factory(on="2018-02", title="month")
        event_factory(on="2015-12", title="earlier")
        assert titles("") == ["earlier", "year", "month", "day"]

    def test_partial_period_overlaps_range(
        self, event_factory: type[factories.EventFactory]
    ) -> None:
        event_factory(on="2015", title="year 2015")
        event_factory(on="2018-02", title="feb 2018")
        event_factory(on="2018-03-01", title="1 mar 2018")
        event_factory(on="2026-04-30", title="trial day")
        assert titles("date_from=2015-06&date_to=2015-07") == ["year 2015"]
        assert titles("date_from=2018-02-28&date_to=2018-02-28") == ["feb 2018"]
        assert titles("date_from=2018-02-15") == ["feb 2018", "1 mar 2018", "trial day"]
        assert titles("date_to=2018-02-01") == ["year 2015", "feb 2018"]
        assert titles("date_from=2026-04-30&date_to=2026-04-30") == ["trial day"]

    def test_end_date_extends_the_period(self, event_factory: type[factories.EventFactory]) -> None:
        event_factory(
            date=dt.date(2024, 1, 1),
            date_precision="month",
            title="long",
            end_date=dt.date(2024, 6, 1),
            end_precision="month",
        )
        assert titles("date_from=2024-06-30") == ["long"]
        assert titles("date_from=2024-07-01") == []

    def test_entities_must_all_match_threads_any(
        self,
        entity_factory: type[factories.EntityFactory],
        thread_factory: type[factories.ThreadFactory],
        event_factory: type[factories.EventFactory],
    ) -> None:
        musk = entity_factory(name="Elon Musk", slug="elon-musk")
        altman = entity_factory(slug="sam-altman")
        dispute, law = thread_factory(slug="dispute"), thread_factory(slug="law")
        event_factory(on="2024-03-01", title="both", entities=[musk, altman], threads=[dispute])
        event_factory(on="2024-03-02", title="musk only", entities=[musk], threads=[law])
        event_factory(on="2024-03-03", title="none")
        assert titles("entity=elon-musk") == ["both", "musk only"]
        assert titles("entity=elon-musk,sam-altman") == ["both"]
        assert titles("thread=dispute&thread=law") == ["both", "musk only"]
        assert titles("thread=law") == ["musk only"]

    def test_merged_entity_slug_means_survivor(
        self,
        entity_factory: type[factories.EntityFactory],
        event_factory: type[factories.EventFactory],
    ) -> None:
        survivor = entity_factory(slug="openai")
        entity_factory(slug="open-ai-inc", merged_into=survivor)
        event_factory(title="e", entities=[survivor])
        assert titles("entity=open-ai-inc") == ["e"]

    def test_unknown_slugs_are_errors(self) -> None:
        with pytest.raises(InvalidFilter) as info:
            list(timeline_events(TimelineFilters(entities=("nobody",), case="none")))
        assert set(info.value.errors) == {"entity", "case"}

    def test_case_origin_review_text_unverified(
        self,
        case_factory: type[factories.CaseFactory],
        event_factory: type[factories.EventFactory],
        user_factory: type[factories.UserFactory],
    ) -> None:
        case = case_factory(slug="musk-v-altman")
        event_factory(title="Trial opens", case=case, summary="jury selection")
        event_factory(title="Pipeline guess", origin="extracted", review_status="extracted")
        event_factory(title="Rejected", origin="extracted", review_status="rejected")
        event_factory(title="Shaky report", confidence="low", summary="Distillation claim")
        editor = user_factory(permissions=["change_event"])
        assert titles("case=musk-v-altman") == ["Trial opens"]
        assert titles("origin=extracted") == []  # awaiting review: not public
        assert titles("origin=extracted", user_factory()) == ["Pipeline guess"]  # signed in
        assert "Rejected" not in titles("")
        assert titles("review=rejected") == []  # rejected items are never public
        assert titles("review=rejected", editor) == ["Rejected"]
        assert titles("q=JURY+trial") == ["Trial opens"]
        assert titles("q=distillation") == ["Shaky report"]
        assert "Shaky report" in titles("")
        assert "Shaky report" not in titles("unverified=no")


def test_bounded_queries(  # type: ignore[no-untyped-def]
    django_assert_max_num_queries,
    entity_factory: type[factories.EntityFactory],
    thread_factory: type[factories.ThreadFactory],
    event_factory: type[factories.EventFactory],
    document_factory: type[factories.DocumentFactory],
) -> None:
    entity, thread = entity_factory(slug="e"), thread_factory(slug="t")
    for i in range(60):
        event = event_factory(date=dt.date(2020, 1, 1) + dt.timedelta(days=i), entities=[entity])
        event.threads.add(thread)
        event.evidence.create(
            document=document_factory(text="x" * 50), start=0, end=5, quote="xxxxx"
        )
    filters = TimelineFilters.from_params(QueryDict("entity=e&thread=t"))
    with django_assert_max_num_queries(7):
        events = list(timeline_events(filters))
        for event in events:
            _ = [t.slug for t in event.threads.all()]
            _ = [e.name for e in event.entities.all()]
            _ = [ev.document.title for ev in event.evidence.all()]
            _ = event.case
    assert len(events) == 60
