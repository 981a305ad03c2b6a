"""The review queue: one page with the extracted claims, events or entities awaiting a decision;
and "approve all from this document", with its preview."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from casebase.curation import review
from casebase.curation.admin.reviewing import apply_decision
from casebase.knowledge.models import Claim, Document, Entity, Event, ReviewStatus

PAGE_SIZE = 25
KINDS: dict[str, tuple[type[Model], list[str]]] = {
    "claims": (Claim, ["speaker"]),
    "events": (Event, []),
    "entities": (Entity, []),
    "documents": (Document, []),
}
PENDING = {
    "claims": review.pending_claims,
    "events": review.pending_events,
    "entities": review.pending_entities,
    "documents": review.pending_documents,
}


def _pending(kind: str) -> QuerySet[Any]:
    return PENDING[kind]()


class ReviewQueueView(View):
    """GET lists a page of pending items; POST approves or rejects one or the selected ones."""

    admin_site: AdminSite | None = None

    def _kind(self, request: HttpRequest) -> str:
        kind = request.GET.get("show", "claims")
        return kind if kind in KINDS else "claims"

    def _check(self, request: HttpRequest, kind: str, action: str) -> None:
        model = KINDS[kind][0]
        if not request.user.has_perm(f"knowledge.{action}_{model._meta.model_name}"):
            raise PermissionDenied

    def get(self, request: HttpRequest) -> HttpResponse:
        kind = self._kind(request)
        self._check(request, kind, "view")
        page = Paginator(_pending(kind), PAGE_SIZE).get_page(request.GET.get("page"))
        assert self.admin_site is not None
        context = {
            **self.admin_site.each_context(request),
            "title": "Review queue",
            "kind": kind,
            "page": page,
            "counts": {kind: pending().count() for kind, pending in PENDING.items()},
            "opts": KINDS[kind][0]._meta,
        }
        return TemplateResponse(request, "admin/knowledge/review_queue.html", context)

    def post(self, request: HttpRequest) -> HttpResponse:
        kind = self._kind(request)
        self._check(request, kind, "change")
        model, str_related = KINDS[kind]
        one = request.POST.get("one", "")
        if one:
            decision, _, item = one.partition(":")
            ids = [item]
        else:
            decision, ids = request.POST.get("decision", ""), request.POST.getlist("ids")
        ids = [i for i in ids if i.isdigit()]
        if decision not in review.DECISIONS or not ids:
            messages.warning(request, "Select items and a decision.")
        else:
            items = model._default_manager.filter(pk__in=ids)
            count = apply_decision(request, items, decision, str_related)
            label = ReviewStatus(decision).label.lower()
            messages.success(request, f"{label.capitalize()} {count} {kind}.")
        return HttpResponseRedirect(request.get_full_path())


class ApproveDocumentView(View):
    """GET previews what a document brought that awaits review; POST approves all of it."""

    admin_site: AdminSite | None = None

    def _document(self, request: HttpRequest, pk: int) -> Document:
        for model in KINDS.values():
            if not request.user.has_perm(f"knowledge.change_{model[0]._meta.model_name}"):
                raise PermissionDenied
        document = Document.objects.filter(pk=pk).only("pk", "title", "review_status").first()
        if document is None:
            raise Http404("No such document.")
        return document

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        batch = review.document_batch(self._document(request, pk))
        assert self.admin_site is not None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Approve all from “{batch.document.title}”",
            "batch": batch,
            "opts": Document._meta,
        }
        return TemplateResponse(request, "admin/knowledge/approve_document.html", context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        batch = review.approve_document(self._document(request, pk), request.user)
        own = "the document, " if batch.document_pending else ""
        messages.success(
            request,
            f"Approved {own}{len(batch.events)} events, {len(batch.claims)} claims and "
            f"{len(batch.entities)} entities from “{batch.document.title}”.",
        )
        return HttpResponseRedirect(reverse("admin:knowledge_review_queue"))
