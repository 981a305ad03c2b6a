"""The Editor group: exactly the knowledge-base permissions, nothing over users or groups."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory


def _codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


@pytest.mark.django_db
def test_setup_roles_is_idempotent_and_exact() -> None:
    call_command("setup_roles")
    group = Group.objects.get(name="Editor")
    group.permissions.add(Permission.objects.get(codename="add_user"))  # drift to be repaired
    call_command("setup_roles")

    assert Group.objects.filter(name="Editor").count() == 1
    expected = {
        f"{action}_{model._meta.model_name}"
        for model in apps.get_app_config("knowledge").get_models()
        for action in ("add", "change", "delete", "view")
    }
    assert _codenames(group) == expected
    apps_with_permissions = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps_with_permissions == {"knowledge"}


def test_editor_option_makes_a_user_an_editor(user_factory: type[UserFactory]) -> None:
    user_factory(username="eve")
    call_command("setup_roles", "--editor", "eve")
    eve = User.objects.get(username="eve")
    assert eve.is_staff and not eve.is_superuser
    assert eve.groups.filter(name="Editor").exists()
    assert eve.has_perm("knowledge.change_event") and eve.has_perm("knowledge.add_document")
    assert not eve.has_perm("auth.change_user")
    with pytest.raises(CommandError):
        call_command("setup_roles", "--editor", "nobody")


def test_editor_edits_the_knowledge_base_but_not_users(editor_client: Client) -> None:
    for name in ("event", "entity", "document", "claim", "case"):
        assert editor_client.get(reverse(f"admin:knowledge_{name}_add")).status_code == 200
        assert editor_client.get(reverse(f"admin:knowledge_{name}_changelist")).status_code == 200
    for url in (
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
    ):
        assert editor_client.get(url).status_code == 403
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert "Review queue" in index
    assert "/admin/auth/user/" not in index


def test_anonymous_users_are_sent_to_the_login(client: Client, db: None) -> None:
    response = client.get(reverse("admin:knowledge_event_add"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse("admin:knowledge_review_queue")).status_code == 302
