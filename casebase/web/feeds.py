"""Atom feeds of what changed (Django's syndication framework); thin: the entries come from
``queries/changes.py``, the event filters from the timeline's one definition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from casebase.queries import cases as case_queries
from casebase.queries import entities as entity_queries
from casebase.queries.changes import Change, timeline_changes
from casebase.queries.params import InvalidFilter
from casebase.queries.timeline import TimelineFilters


@dataclass
class Channel:
    title: str
    link: str
    feed_url: str
    changes: list[Change]


class ChangesFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    description_template = None

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilter as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    def channel(
        self, request: HttpRequest, filters: TimelineFilters, title: str, link: str
    ) -> Channel:
        feed_url = request.get_full_path()
        return Channel(title, link, feed_url, timeline_changes(filters, request.user))

    def title(self, obj: Channel) -> str:
        return f"{obj.title} · casebase"

    def link(self, obj: Channel) -> str:
        return obj.link

    def feed_url(self, obj: Channel) -> str:
        return obj.feed_url

    def subtitle(self, obj: Channel) -> str:
        return "Events added, changed or published, newest first."

    def items(self, obj: Channel) -> list[Change]:
        return obj.changes

    def item_title(self, item: Change) -> str:
        return item.headline

    def item_description(self, item: Change) -> str:
        return item.description_html

    def item_link(self, item: Change) -> str:
        return item.event.get_absolute_url()

    def item_guid(self, item: Change) -> str:
        return f"{item.event.get_absolute_url()}#change-{item.changed_at.isoformat()}"

    item_guid_is_permalink = False

    def item_updateddate(self, item: Change) -> dt.datetime:
        return item.changed_at

    def item_pubdate(self, item: Change) -> dt.datetime:
        return item.changed_at

    def item_categories(self, item: Change) -> list[str]:
        return [item.kind, f"event-date:{item.event.partial_date.iso()}"]


class TimelineFeed(ChangesFeed):
    """``/feeds/timeline/``: the same filters as ``/timeline/``."""

    def get_object(self, request: HttpRequest) -> Channel:
        filters = TimelineFilters.from_params(request.GET)
        link = reverse("web:timeline")
        query = request.GET.urlencode()
        return self.channel(
            request, filters, "Timeline changes", f"{link}?{query}" if query else link
        )


class CaseFeed(ChangesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Channel:
        case = case_queries.case_by_slug(slug)
        if case is None:
            raise Http404("No such case.")
        filters = TimelineFilters(case=case.slug)
        return self.channel(
            request, filters, f"{case.short_name}: changes", case.get_absolute_url()
        )


class EntityFeed(ChangesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Channel:
        entity = entity_queries.entity_by_slug(slug, request.user)
        if entity is None:
            raise Http404("No such entity.")
        entity = entity.survivor()
        filters = TimelineFilters(entities=(entity.slug,))
        return self.channel(request, filters, f"{entity.name}: changes", entity.get_absolute_url())
