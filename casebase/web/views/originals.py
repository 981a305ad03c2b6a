"""The original file as received, always as a download: never rendered by the browser."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest

from casebase.knowledge.models import Document


def document_original(request: HttpRequest, pk: int) -> FileResponse:
    document = (
        Document.objects.visible_to(request.user)
        .only("original", "original_name", "media_type")
        .filter(pk=pk)
        .first()
    )
    if document is None or not document.original:
        raise Http404("This document has no original file.")
    try:
        handle = document.original.open("rb")
    except OSError as exc:
        raise Http404("The original file is missing from storage.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name or f"document-{pk}",
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
