"""Permissions beyond the default (anonymous read, model permissions to write)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request


class ModelPermissionsWithChangeActions(DjangoModelPermissionsOrAnonReadOnly):
    """POST to a detail action (reprocess) needs the *change* permission, not *add*."""

    change_actions = frozenset({"reprocess"})

    def has_permission(self, request: Request, view: Any) -> bool:
        if getattr(view, "action", None) in self.change_actions:
            user = request.user
            if not (user and user.is_authenticated):
                return False
            model = view.get_queryset().model
            perm = f"{model._meta.app_label}.change_{model._meta.model_name}"
            return bool(user.has_perm(perm))
        return super().has_permission(request, view)
