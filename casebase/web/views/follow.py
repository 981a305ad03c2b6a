"""Following a case or an entity: its Atom feed link and, signed in, the e-mail digest switch."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from casebase.curation.subscriptions import is_subscribed, set_subscription
from casebase.knowledge.models import Case, Entity
from casebase.queries import cases as case_queries
from casebase.queries import entities as entity_queries


def follow_context(
    request: HttpRequest, *, case: Case | None = None, entity: Entity | None = None
) -> dict[str, object]:
    """What the page's "follow" box needs."""
    if case is not None:
        feed, kind, slug = reverse("web:feed-case", args=[case.slug]), "case", case.slug
    else:
        assert entity is not None
        feed, kind, slug = reverse("web:feed-entity", args=[entity.slug]), "entity", entity.slug
    return {
        "feed_url": feed,
        "follow_kind": kind,
        "follow_slug": slug,
        "subscribed": is_subscribed(request.user, case=case, entity=entity),
    }


@require_POST
@login_required
def follow(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """POST ``follow=1`` subscribes the user to the daily digest, ``follow=0`` unsubscribes."""
    wanted = request.POST.get("follow") == "1"
    if kind == "case":
        case = case_queries.case_by_slug(slug)
        if case is None:
            raise Http404("No such case.")
        set_subscription(request.user, wanted, case=case)
        target = case.get_absolute_url()
    else:
        entity = entity_queries.entity_by_slug(slug, request.user)
        if entity is None:
            raise Http404("No such entity.")
        set_subscription(request.user, wanted, entity=entity)
        target = entity.get_absolute_url()
    note = "You will get a daily e-mail digest of its changes." if wanted else "Digest stopped."
    messages.success(request, note)
    return redirect(target)
