"""The upload page: editors submit a file, text or URL to the submission service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from casebase.knowledge.services.submission import submit
from casebase.sources.refusals import Refused

from ..forms import UploadForm


@login_required
@permission_required("knowledge.add_document", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = submit(form.submission(), user=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            if result.created:
                messages.success(request, "Submitted. Processing status is shown below.")
            else:
                messages.info(request, result.notice)
            return redirect(result.document)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/upload.html", {"form": form}, status=status)
