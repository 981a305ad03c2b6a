"""The app's URLs plus the minimal DRF views the API bench compares against."""

from django.urls import include, path

from .minimal import (
    MinimalEntityDetail,
    MinimalEventList,
    MinimalTimeline,
    MinimalTimelineWithSources,
    Ping,
)

urlpatterns = [
    path("bench/ping/", Ping.as_view()),
    path("bench/events/", MinimalEventList.as_view()),
    path("bench/entities/<slug:slug>/", MinimalEntityDetail.as_view()),
    path("bench/timeline/", MinimalTimeline.as_view()),
    path("bench/timeline-full/", MinimalTimelineWithSources.as_view()),
    path("", include("casebase.urls")),
]
