"""Claims (with the review actions) and citations."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path

from casebase.curation.admin.base import parts_html
from casebase.curation.admin.queue import ApproveDocumentView, ReviewQueueView
from casebase.curation.admin.reviewing import ReviewActionsMixin
from casebase.curation.review import with_claim_passages
from casebase.knowledge.models import Citation, Claim


@admin.register(Claim)
class ClaimAdmin(ReviewActionsMixin):
    list_display = [
        "speaker_display",
        "verb",
        "content_short",
        "document",
        "made_on",
        "review_status",
        "origin",
    ]
    list_filter = ["review_status", "origin", "verb", "under_oath", "document__kind"]
    list_select_related = ["speaker", "document"]
    search_fields = ["content", "quote", "speaker_text", "speaker__name", "document__title"]
    date_hierarchy = "made_on"
    autocomplete_fields = ["document", "speaker", "about", "contradicts"]
    readonly_fields = ["passage", "fingerprint", "reviewed_by", "reviewed_at", "created_at"]
    str_related = ["speaker"]
    fieldsets = [
        (None, {"fields": ["document", "passage", "start", "end"]}),
        (
            "What was said",
            {
                "fields": [
                    "speaker",
                    "speaker_text",
                    "verb",
                    "content",
                    "quote",
                    "sentence",
                    "context",
                    ("made_on", "made_precision"),
                    "under_oath",
                    "about",
                    "contradicts",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    "review_status",
                    "origin",
                    "reviewed_by",
                    "reviewed_at",
                    "fingerprint",
                    "created_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        claims = super().get_queryset(request).defer("document__text", "document__metadata")
        return with_claim_passages(claims)

    def get_urls(self) -> list[URLPattern]:
        queue = self.admin_site.admin_view(ReviewQueueView.as_view(admin_site=self.admin_site))
        approve = self.admin_site.admin_view(
            ApproveDocumentView.as_view(admin_site=self.admin_site)
        )
        return [
            path("review/", queue, name="knowledge_review_queue"),
            path("review/document/<int:pk>/", approve, name="knowledge_review_approve_document"),
            *super().get_urls(),
        ]

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_display(self, obj: Claim) -> str:
        return obj.speaker.name if obj.speaker else obj.speaker_text or "–"

    @admin.display(description="content")
    def content_short(self, obj: Claim) -> str:
        return obj.content[:120]

    @admin.display(description="source passage")
    def passage(self, obj: Claim) -> str:
        if not obj.pk:
            return ""
        return parts_html(
            getattr(obj, "passage_before", ""),
            getattr(obj, "passage", ""),
            getattr(obj, "passage_after", ""),
        )


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["normalized", "kind", "text", "document", "case"]
    list_filter = ["kind", "document__kind"]
    list_select_related = ["document", "case"]
    search_fields = ["normalized", "text", "document__title"]
    autocomplete_fields = ["document", "case"]
