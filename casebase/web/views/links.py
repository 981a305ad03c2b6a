"""An event's typed links as JSON, for the visual timeline to draw when it is selected."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from casebase.queries.events import event_links

from ..event_rows import event_url


def event_links_json(request: HttpRequest, pk: int) -> JsonResponse:
    links = event_links(pk, request.user)
    if links is None:
        raise Http404("No such event.")
    return JsonResponse(
        {
            "links": [
                {
                    "id": link.other.pk,
                    "kind": link.kind,
                    "label": link.label,
                    "title": link.other.title,
                    "date": link.other.date_display,
                    "start": link.other.date.isoformat(),
                    "url": event_url(link.other.pk),
                }
                for link in links
            ]
        }
    )
