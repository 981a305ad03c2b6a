"""QuerySet bases: who may read what, and the common shapes of the read side.

Every reader of events, claims and evidence (web pages, the API, exports) starts from
``visible_to(user)``, so the publication rule lives here and nowhere else:

- an item an editor rejected in review is not published: only users who may review it (change
  permission on its model) see it, marked as rejected;
- everything else is readable by anyone.

``EventQuerySet`` and ``EvidenceQuerySet`` live beside their models (events.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, Union

from django.contrib.auth.models import PermissionsMixin
from django.db import models

from .choices import DatePrecision, ReviewStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

Reader = Union["AbstractBaseUser", "AnonymousUser", None]  # who reads: the request's user

# Coarser precisions sort first among events that start on the same day ("2018" < "2018-01-01").
PRECISION_RANK = models.Case(
    models.When(date_precision=DatePrecision.YEAR, then=models.Value(0)),
    models.When(date_precision=DatePrecision.MONTH, then=models.Value(1)),
    default=models.Value(2),
    output_field=models.IntegerField(),
)

# Document columns a related row never needs on a list (the text can be megabytes).
HEAVY_DOCUMENT_FIELDS = (
    "document__text",
    "document__metadata",
    "document__page_offsets",
    "document__timings",
    "document__error",
    "document__search_vector",
)


def can_review(user: Reader, model: type[models.Model]) -> bool:
    """Whether ``user`` may review (and so read unpublished) items of ``model``."""
    if not isinstance(user, PermissionsMixin) or not user.is_authenticated:
        return False
    meta = model._meta
    return bool(user.has_perm(f"{meta.app_label}.change_{meta.model_name}"))


class ReviewedQuerySet(models.QuerySet[Any]):
    """Items that go through review; ``review_path`` leads to the review status to apply."""

    review_path = "review_status"
    reviewed_model = ""  # model whose change permission lets a user see rejected items

    def visible_to(self, user: Reader) -> Self:
        """What ``user`` may read: everything for a reviewer, all but rejected items otherwise."""
        model = self.model
        if self.reviewed_model:
            model = self.model._meta.apps.get_model("knowledge", self.reviewed_model)
        if can_review(user, model):
            return self
        return self.exclude(**{self.review_path: ReviewStatus.REJECTED})


class ClaimQuerySet(ReviewedQuerySet):
    def with_row_details(self) -> Self:
        """Speaker and document (without its heavy columns) for a list row."""
        return self.select_related("speaker", "document").defer(*HEAVY_DOCUMENT_FIELDS)
