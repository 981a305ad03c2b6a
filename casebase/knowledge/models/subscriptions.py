"""A signed-in user's e-mail subscription to the changes of a case or an entity."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Subscription(models.Model):
    """Daily digest of what changed on one case or one entity (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    case = models.ForeignKey(
        "knowledge.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    entity = models.ForeignKey(
        "knowledge.Entity", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="Changes after this go into the next digest."
    )

    class Meta:
        ordering = ["user", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=True, entity__isnull=False)
                | models.Q(case__isnull=False, entity__isnull=True),
                name="subscription_case_or_entity",
            ),
            models.UniqueConstraint(fields=["user", "case"], name="subscription_unique_case"),
            models.UniqueConstraint(fields=["user", "entity"], name="subscription_unique_entity"),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.case or self.entity}"
