"""Documents: add by file, text or URL through the submission service; status, re-runs, and
read-only lists of what extraction found, each with its passage."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from casebase.curation.admin.base import PASSAGE_CONTEXT, ReadOnlyInline, passage_html
from casebase.curation.admin.forms import DocumentForm, DocumentSubmissionForm
from casebase.knowledge.models import Citation, Claim, Document, FetchStatus, Mention
from casebase.pipeline import deletion, intake
from casebase.pipeline.source_fetching import citation_records, fetch_status_counts
from casebase.pipeline.submission import submit
from casebase.pipeline.tasks import send_source_fetches
from casebase.sources.refusals import Refused

TEXT_PREVIEW = 3000


class PassageInline(ReadOnlyInline):
    """Read-only rows of what extraction found in a document, each with its passage."""

    related = ""  # the foreign key each row shows
    passage_context = PASSAGE_CONTEXT

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related(self.related)

    @admin.display(description="passage")
    def passage(self, obj: Mention | Claim | Citation) -> str:
        return passage_html(obj.document.text, obj.start, obj.end, context=self.passage_context)


class MentionInline(PassageInline):
    model = Mention
    related = "entity"
    passage_context = 60
    readonly_fields = ("text", "entity", "span", "passage")
    fields = readonly_fields
    verbose_name_plural = "mentions (first 100)"

    @admin.display(description="span")
    def span(self, obj: Mention) -> str:
        return f"{obj.start}–{obj.end}"


class ClaimInline(PassageInline):
    model = Claim
    fk_name = "document"
    related = "speaker"
    readonly_fields = ("speaker", "verb", "content", "review_status", "passage")
    fields = readonly_fields
    verbose_name_plural = "claims (first 100)"


class CitationInline(PassageInline):
    model = Citation
    related = "case"
    passage_context = 80
    readonly_fields = ("normalized", "kind", "case", "passage")
    fields = readonly_fields
    verbose_name_plural = "citations (first 100)"


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    form = DocumentForm
    list_display = [
        "title",
        "kind",
        "source_kind",
        "review_status",
        "status",
        "fetch_status",
        "published_display",
        "case",
        "publisher",
        "size_bytes",
        "finished_at",
    ]
    list_filter = [
        "review_status",
        "status",
        "source_kind",
        "fetch_status",
        "fetch_failure",
        "auto_publish",
        "kind",
        "case",
        "language",
        "pipeline_version",
    ]
    change_list_template = "admin/knowledge/document/change_list.html"
    list_select_related = ["case"]
    search_fields = ["title", "publisher", "source_url", "content_hash", "corpus_key"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["case"]
    actions = ["reprocess_selected", "fetch_selected_sources"]
    inlines = [MentionInline, ClaimInline, CitationInline]
    readonly_fields = [
        "status",
        "error",
        "timings_table",
        "pipeline_version",
        "attempts",
        "queued_at",
        "started_at",
        "finished_at",
        "extracted",
        "fetch_status",
        "fetch_failure",
        "fetch_error",
        "fetch_attempts",
        "fetched_at",
        "next_fetch_at",
        "original",
        "original_name",
        "media_type",
        "size_bytes",
        "content_hash",
        "language",
        "text_preview",
        "submitted_by",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("kind", "source_kind"),
                    "source_url",
                    ("publisher", "publisher_note"),
                    "authors",
                    "published",
                    ("case", "docket_entry"),
                    "corpus_key",
                    ("review_status", "auto_publish"),
                    ("reviewed_by", "reviewed_at"),
                ]
            },
        ),
        (
            "Processing",
            {
                "fields": [
                    "status",
                    "error",
                    "timings_table",
                    ("pipeline_version", "attempts"),
                    ("queued_at", "started_at", "finished_at"),
                    "extracted",
                ]
            },
        ),
        (
            "Fetching the source URL",
            {
                "fields": [
                    ("fetch_status", "fetch_failure", "fetch_attempts"),
                    "fetch_error",
                    ("fetched_at", "next_fetch_at"),
                ]
            },
        ),
        (
            "Original and text",
            {
                "fields": [
                    ("original", "original_name"),
                    ("media_type", "size_bytes", "language"),
                    "content_hash",
                    "text_preview",
                    ("submitted_by", "created_at", "updated_at"),
                ]
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        documents = super().get_queryset(request)
        match = request.resolver_match
        if match is None or not (match.url_name or "").endswith("_change"):
            documents = documents.defer("text", "metadata", "page_offsets")
        return documents

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Adding a document means submitting it to the intake service."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = DocumentSubmissionForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            response = self._submit(request, form)
            if response is not None:
                return response
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Add a document",
            "form": form,
            "add": True,
        }
        return TemplateResponse(request, "admin/knowledge/document/submit.html", context)

    def _submit(self, request: HttpRequest, form: DocumentSubmissionForm) -> HttpResponse | None:
        try:
            result = submit(form.submission(), user=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
            return None
        document = result.document
        if result.created:
            self.log_addition(request, document, [{"added": {}}])
            self.message_user(
                request, f"Added “{document}”; processing: {document.get_status_display()}."
            )
        else:
            self.message_user(request, result.notice, messages.WARNING)
        return HttpResponseRedirect(reverse("admin:knowledge_document_change", args=[document.pk]))

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[Any], dict[str, int], set[str], list[Any]]:
        """The confirmation page also counts the events and entities the deletion rule removes
        or keeps with a note (services.deletion), beside the rows that cascade."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if request.POST.get("post"):  # confirmed: the deletion runs now, no page to show
            return deleted, counts, perms_needed, protected
        preview = deletion.preview_deletion(objs)
        extra = {
            "extracted events only these documents supported": preview.events_deleted,
            "events kept with a note that their source was deleted": preview.events_noted,
            "extracted entities nothing else names": preview.entities_deleted,
        }
        return deleted, {**counts, **{k: n for k, n in extra.items() if n}}, perms_needed, protected

    def delete_model(self, request: HttpRequest, obj: Document) -> None:
        deletion.delete_document(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        deletion.delete_documents(queryset)

    @admin.action(description="Re-run extraction on selected", permissions=["change"])
    def reprocess_selected(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        done, failed = 0, []
        for document in queryset.defer(None):
            try:
                intake.reprocess(document)
            except intake.IngestError as error:
                failed.append(f"{document}: {error}")
                continue
            self.log_change(request, document, "Re-ran extraction.")
            done += 1
        self.message_user(request, f"Re-ran extraction on {done} document(s).", messages.SUCCESS)
        for failure in failed:
            self.message_user(request, failure, messages.ERROR)

    @admin.action(
        description="Fetch the source URL of selected citation records", permissions=["change"]
    )
    def fetch_selected_sources(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        """Send the fetch of each selected citation record (even one that failed for good)."""
        chosen = citation_records().filter(pk__in=queryset.values("pk"))
        chosen = chosen.exclude(fetch_status=FetchStatus.FETCHED)
        ids = send_source_fetches(list(chosen.only("pk")))
        skipped = queryset.count() - len(ids)
        note = f"; {skipped} skipped (not citation records with a URL)" if skipped else ""
        self.message_user(request, f"Sent {len(ids)} fetch(es){note}.", messages.SUCCESS)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """The list shows how many citation records are in each fetch status."""
        counts = fetch_status_counts()
        rows = [(FetchStatus(key).label, key, n) for key, n in sorted(counts.items())]
        return super().changelist_view(request, {**(extra_context or {}), "fetch_counts": rows})

    @admin.display(description="published", ordering="published_on")
    def published_display(self, obj: Document) -> str:
        return obj.published_display

    @admin.display(description="timings (seconds)")
    def timings_table(self, obj: Document) -> str:
        if not obj.timings:
            return "–"
        rows = format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", sorted(obj.timings.items()))
        return format_html("<table>{}</table>", rows)

    @admin.display(description="found by extraction")
    def extracted(self, obj: Document) -> str:
        if not obj.pk:
            return "–"
        counts = [
            ("mention", "mentions", obj.mentions.count()),
            ("claim", "claims", obj.claims.count()),
            ("citation", "citations", obj.citations.count()),
            ("evidence", "evidence", obj.evidence.count()),
        ]
        found = format_html_join(
            ", ",
            '<a href="{}?document__id__exact={}">{} {}</a>',
            (
                (
                    reverse(f"admin:knowledge_{model}_changelist"),
                    obj.pk,
                    count,
                    model if count == 1 else plural,
                )
                for model, plural, count in counts
            ),
        )
        approve = reverse("admin:knowledge_review_approve_document", args=[obj.pk])
        return format_html('{} · <a href="{}">approve all awaiting review…</a>', found, approve)

    @admin.display(description="text (start)")
    def text_preview(self, obj: Document) -> str:
        if not obj.text:
            return "–"
        more = f" … ({len(obj.text):,} characters)" if len(obj.text) > TEXT_PREVIEW else ""
        return format_html(
            '<div style="white-space: pre-wrap; max-height: 20em; overflow: auto">{}{}</div>',
            obj.text[:TEXT_PREVIEW],
            more,
        )
