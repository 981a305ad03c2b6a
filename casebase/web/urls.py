"""Web app URLs: stable, readable, citable."""

from django.urls import path

from . import feeds, reading, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("timeline/", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/original", views.document_original, name="document-original"),
    path("entities/<slug:slug>/", views.entity_detail, name="entity"),
    path("cases/<slug:slug>/", views.case_detail, name="case"),
    path("claims/", views.claims_explorer, name="claims"),
    path("search/", views.search, name="search"),
    path("upload/", views.upload, name="upload"),
    path("feeds/timeline/", feeds.TimelineFeed(), name="feed-timeline"),
    path("feeds/cases/<slug:slug>/", feeds.CaseFeed(), name="feed-case"),
    path("feeds/entities/<slug:slug>/", feeds.EntityFeed(), name="feed-entity"),
    path("follow/<str:kind>/<slug:slug>/", views.follow, name="follow"),
    path("reading/unreviewed/", reading.switch_unreviewed, name="switch-unreviewed"),
]
