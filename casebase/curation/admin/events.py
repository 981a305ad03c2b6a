"""Events with evidence and links inline, partial dates typed naturally; threads."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from casebase.curation.admin.base import PrimedInlineMixin, passage_html
from casebase.curation.admin.forms import EventForm
from casebase.curation.admin.reviewing import ReviewActionsMixin
from casebase.knowledge.models import Event, EventLink, Evidence, Thread


class EvidenceInline(PrimedInlineMixin, admin.StackedInline):
    model = Evidence
    extra = 1
    autocomplete_fields = ["document"]
    fields = [("document", "origin"), ("start", "end"), "quote", "note", "passage"]
    readonly_fields = ["passage"]

    @admin.display(description="passage in the document")
    def passage(self, obj: Evidence) -> str:
        if not obj.pk or obj.start is None:
            return ""
        return passage_html(obj.document.text, obj.start, obj.end)


class OutgoingLinkInline(PrimedInlineMixin, admin.TabularInline):
    model = EventLink
    fk_name = "source"
    extra = 1
    autocomplete_fields = ["target"]
    fields = ["kind", "target", "note"]
    verbose_name = "link to another event"
    verbose_name_plural = "links to other events"


class IncomingLinkInline(PrimedInlineMixin, admin.TabularInline):
    model = EventLink
    fk_name = "target"
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "kind", "note"]
    verbose_name = "link from another event"
    verbose_name_plural = "links from other events"


@admin.register(Event)
class EventAdmin(ReviewActionsMixin):
    form = EventForm
    list_display = [
        "date_display",
        "title",
        "case",
        "origin",
        "review_status",
        "confidence",
        "updated_at",
    ]
    list_display_links = ["date_display", "title"]
    list_filter = ["threads", "origin", "review_status", "confidence", "date_precision", "case"]
    list_select_related = ["case"]
    search_fields = ["title", "summary", "corpus_key"]
    date_hierarchy = "date"
    ordering = ["-date", "title"]
    autocomplete_fields = ["threads", "case", "entities"]
    readonly_fields = ["fingerprint", "corpus_key", "reviewed_by", "reviewed_at", "public_page"]
    inlines = [EvidenceInline, OutgoingLinkInline, IncomingLinkInline]
    fieldsets = [
        (None, {"fields": ["title", ("when", "until"), "summary", "public_page"]}),
        ("Where it belongs", {"fields": ["threads", "case", "entities"]}),
        ("Certainty", {"fields": ["confidence", "uncertainty_note"]}),
        (
            "Review",
            {
                "fields": [
                    "origin",
                    "review_status",
                    "reviewed_by",
                    "reviewed_at",
                    "fingerprint",
                    "corpus_key",
                ]
            },
        ),
    ]

    @admin.display(description="date", ordering="date")
    def date_display(self, obj: Event) -> str:
        return obj.date_display

    @admin.display(description="on the site")
    def public_page(self, obj: Event) -> str:
        if not obj.pk:
            return "–"
        url = obj.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["event", "document", "start", "end", "origin"]
    list_select_related = ["event", "document"]
    list_filter = ["origin", "document__kind"]
    search_fields = ["quote", "note", "event__title", "document__title"]
    autocomplete_fields = ["event", "document"]


@admin.register(EventLink)
class EventLinkAdmin(SimpleHistoryAdmin):
    list_display = ["source", "kind", "target"]
    list_select_related = ["source", "target"]
    list_filter = ["kind"]
    search_fields = ["source__title", "target__title", "note"]
    autocomplete_fields = ["source", "target"]


@admin.register(Thread)
class ThreadAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "position", "color"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
