"""``manage.py setup_roles``: create or refresh the "Editor" group (idempotent).

Editors may add, change, delete and view everything in the knowledge base, and nothing else:
they cannot manage users, groups or permissions. ``--editor NAME`` (repeatable) also puts an
existing user in the group and lets them sign in to the admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser

EDITOR_GROUP = "Editor"
EDITOR_APPS = ("knowledge",)


def editor_permissions() -> list[Permission]:
    """Add, change, delete and view on every model of the knowledge app."""
    return list(
        Permission.objects.filter(content_type__app_label__in=EDITOR_APPS).select_related(
            "content_type"
        )
    )


def setup_editor_group() -> tuple[Group, bool]:
    """Create the Editor group, or reset its permissions to exactly the editing ones."""
    group, created = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.set(editor_permissions())
    return group, created


class Command(BaseCommand):
    help = "Create or refresh the Editor group; optionally make existing users editors."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--editor",
            action="append",
            default=[],
            metavar="USERNAME",
            help="Put this existing user in the Editor group and give them admin access.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        group, created = setup_editor_group()
        verb = "Created" if created else "Updated"
        self.stdout.write(
            f"{verb} group {group.name!r} with {group.permissions.count()} permissions."
        )
        users = get_user_model()._default_manager
        for username in options["editor"]:
            try:
                user = users.get(username=username)
            except users.model.DoesNotExist as error:
                raise CommandError(f"No user named {username!r}.") from error
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"{username} is an editor.")
