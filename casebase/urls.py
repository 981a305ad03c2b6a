"""Top-level URLs: the web app at /, the API under /api/, the admin under /admin/.

Uploaded originals are never served from MEDIA_URL (an HTML original would run in our origin);
``/documents/<id>/original`` hands them out as downloads.
"""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("casebase.api.urls")),
    path("", include("casebase.web.urls")),
]
