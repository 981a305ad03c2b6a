"""The signed-in reader's switch between "everything I may read" and "what the public sees".

Signed-in users see machine-made items awaiting review (marked); the switch hides them. It is
kept in the session and put on the request's user as ``hide_unreviewed``, which the one
publication rule (``visible_to`` in ``casebase/knowledge/models/querysets.py``) reads.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

SESSION_KEY = "hide_unreviewed"


class ReadingPreferenceMiddleware:
    """After authentication: sets ``request.user.hide_unreviewed`` from the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            user.hide_unreviewed = bool(request.session.get(SESSION_KEY, False))  # type: ignore[union-attr]
        return self.get_response(request)


@require_POST
@login_required
def switch_unreviewed(request: HttpRequest) -> HttpResponse:
    """POST ``hide=1`` hides unreviewed items, ``hide=0`` shows them; back to ``next``."""
    request.session[SESSION_KEY] = request.POST.get("hide") == "1"
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return HttpResponseRedirect(target)
