"""API URLs: /api/v1/ resources (versioned by URL namespace), /api/schema/ and /api/docs/."""

from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from .views.documents import DocumentViewSet
from .views.not_found import NotFoundView
from .views.resources import (
    CaseViewSet,
    CitationViewSet,
    ClaimViewSet,
    EntityViewSet,
    EventViewSet,
    MentionViewSet,
    ThreadViewSet,
)
from .views.timeline import TimelineView

SCHEMA_CACHE_SECONDS = 3600
# Request bodies get their own components: a file upload is binary there (a URL in answers) and
# a string that may not be blank has minLength 1.
SCHEMA_SETTINGS = {"COMPONENT_SPLIT_REQUEST": True}

router = DefaultRouter()
router.register("cases", CaseViewSet, basename="case")
router.register("documents", DocumentViewSet, basename="document")
router.register("entities", EntityViewSet, basename="entity")
router.register("mentions", MentionViewSet, basename="mention")
router.register("events", EventViewSet, basename="event")
router.register("claims", ClaimViewSet, basename="claim")
router.register("citations", CitationViewSet, basename="citation")
router.register("threads", ThreadViewSet, basename="thread")

v1_patterns = [
    path("timeline/", TimelineView.as_view(), name="timeline"),
    *router.urls,
    # JSON 404s under /api/v1/ (only for paths ending in "/", so APPEND_SLASH still redirects)
    re_path(r"^.*/$", NotFoundView.as_view(), name="not-found"),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "v1"), namespace="v1")),
    # The schema depends on the code only: build it once per hour and process, not per request.
    path(
        "schema/",
        cache_page(SCHEMA_CACHE_SECONDS)(
            SpectacularAPIView.as_view(api_version="v1", custom_settings=SCHEMA_SETTINGS)
        ),
        name="schema",
    ),
    # The split view serves Swagger UI's init script from ?script, not inline: the page runs under
    # the strict Content-Security-Policy (docs/deploy.md).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]
