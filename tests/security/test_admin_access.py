"""The admin is for staff: anonymous readers and plain accounts are sent to log in, staff see only
what their permissions allow. Generic over every model registered with the admin."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.db.models import Model
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _admin_urls() -> list[tuple[type[Model], str]]:
    urls = []
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append((model, reverse("admin:{}_{}_changelist".format(*info))))
        urls.append((model, reverse("admin:{}_{}_add".format(*info))))
    return urls


def test_every_knowledge_model_is_in_the_admin() -> None:
    labels = {model._meta.app_label for model, _ in _admin_urls()}
    assert "knowledge" in labels


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_non_staff_are_sent_to_log_in(who: str, reader: User) -> None:
    client = Client()
    if who == "reader":
        client.force_login(reader)
    for _, url in [(None, "/admin/"), *_admin_urls()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_staff_without_permissions_are_refused(staff_without_permissions: User) -> None:
    client = Client()
    client.force_login(staff_without_permissions)
    assert client.get("/admin/").status_code == 200
    for _, url in _admin_urls():
        assert client.get(url).status_code == 403, url


def test_staff_with_view_permission_can_view_but_not_add(
    staff_without_permissions: User,
) -> None:
    from casebase.knowledge.models import Event

    staff_without_permissions.user_permissions.add(
        Permission.objects.get(codename="view_event", content_type__app_label="knowledge")
    )
    client = Client()
    client.force_login(staff_without_permissions)
    changelist = reverse("admin:knowledge_event_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(reverse("admin:knowledge_event_add")).status_code == 403
    assert client.post(reverse("admin:knowledge_event_add"), {"title": "x"}).status_code == 403
    assert not Event.objects.exists()


def test_superuser_sees_every_admin_page(superuser: User) -> None:
    client = Client()
    client.force_login(superuser)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    for model, url in _admin_urls():
        addable = admin.site._registry[model].has_add_permission(request)
        expected = 403 if url.endswith("/add/") and not addable else 200
        assert client.get(url).status_code == expected, url
