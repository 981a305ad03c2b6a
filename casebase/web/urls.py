"""Web app URLs: stable, readable, citable."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import feeds, reading, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("timeline/", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/links.json", views.event_links_json, name="event-links"),
    path("events/<int:pk>/cite.<str:fmt>", views.event_cite_file, name="event-cite-file"),
    path("documents/", views.documents_index, name="documents"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/cite/", views.document_cite, name="document-cite"),
    path("documents/<int:pk>/cite.<str:fmt>", views.document_cite_file, name="document-cite-file"),
    path("documents/<int:pk>/original", views.document_original, name="document-original"),
    path("entities/", views.entities_index, name="entities"),
    path("entities/<slug:slug>/", views.entity_detail, name="entity"),
    path("cases/", views.cases_index, name="cases"),
    path("cases/<slug:slug>/", views.case_detail, name="case"),
    path("claims/", views.claims_explorer, name="claims"),
    path("search/", views.search, name="search"),
    path("suggest/entities", views.entity_suggestions, name="entity-suggestions"),
    path("upload/", views.upload, name="upload"),
    path("feeds/timeline/", feeds.TimelineFeed(), name="feed-timeline"),
    path("feeds/cases/<slug:slug>/", feeds.CaseFeed(), name="feed-case"),
    path("feeds/entities/<slug:slug>/", feeds.EntityFeed(), name="feed-entity"),
    path("follow/<str:kind>/<slug:slug>/", views.follow, name="follow"),
    path("reading/unreviewed/", reading.switch_unreviewed, name="switch-unreviewed"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="web/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
