"""The upload page: editors submit a file, text or URL to the ingestion service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from casebase.knowledge.services.ingestion import (
    IngestError,
    IngestResult,
    SubmissionMeta,
    ingest_bytes,
    ingest_text,
    ingest_url,
)

from ..forms import UploadForm


def _meta(data: dict) -> SubmissionMeta:  # type: ignore[type-arg]
    case = data.get("case")
    return SubmissionMeta(
        kind=data["kind"],
        title=data.get("title", ""),
        publisher=data.get("publisher", ""),
        publisher_note=data.get("publisher_note", ""),
        source_url=data.get("source_url", "") or data.get("url", ""),
        published=data.get("published") or None,
        case_slug=case.slug if case else None,
        docket_entry=data.get("docket_entry"),
    )


def _submit(form: UploadForm, request: HttpRequest) -> IngestResult:
    data, meta = form.cleaned_data, _meta(form.cleaned_data)
    if data.get("file"):
        upload = data["file"]
        return ingest_bytes(upload.read(), upload.name, meta, user=request.user)
    if data.get("text"):
        return ingest_text(data["text"], meta, user=request.user)
    return ingest_url(data["url"], meta, user=request.user)


@login_required
@permission_required("knowledge.add_document", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = _submit(form, request)
        except IngestError as error:
            form.add_error(None, str(error))
        else:
            if result.created:
                messages.success(request, "Submitted. Processing status is shown below.")
            else:
                messages.info(request, "This content was already in casebase: here it is.")
            return redirect(result.document)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/upload.html", {"form": form}, status=status)
