"""Following a case or an entity by e-mail (the daily digest is ``digests.py``)."""

from __future__ import annotations

from typing import Any

from casebase.knowledge.models import Case, Entity, Subscription


def is_subscribed(user: Any, *, case: Case | None = None, entity: Entity | None = None) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, case=case, entity=entity).exists()


def set_subscription(
    user: Any, follow: bool, *, case: Case | None = None, entity: Entity | None = None
) -> None:
    """Start (``follow``) or stop the daily digest of ``case`` or ``entity`` for ``user``."""
    if (case is None) == (entity is None):
        raise ValueError("follow a case or an entity")
    if follow:
        Subscription.objects.get_or_create(user=user, case=case, entity=entity)
    else:
        Subscription.objects.filter(user=user, case=case, entity=entity).delete()
