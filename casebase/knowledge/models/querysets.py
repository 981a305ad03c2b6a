"""QuerySet bases: who may read what, and the common shapes of the read side.

Every reader of events, claims, evidence and entities (web pages, the API, exports, feeds)
starts from ``visible_to(user)``, so the publication rule lives here and nowhere else:

- published (readable by anyone): curated items that were not rejected, machine-made
  (``origin=extracted``) items an editor approved or edited, and machine-made items awaiting
  review that come from a source an editor trusts for automatic publication
  (``Document.auto_publish``);
- signed-in users also see machine-made items awaiting review (pages mark them), unless they
  switched to the public view (``hide_unreviewed``, set on the request's user from the session
  by ``casebase.web.reading.ReadingPreferenceMiddleware``);
- an item an editor rejected in review is shown only to users who may review it (change
  permission on its model), marked as rejected.

``EventQuerySet`` and ``EvidenceQuerySet`` live beside their models (events.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, Union

from django.contrib.auth.models import PermissionsMixin
from django.db import models

from casebase.knowledge.models.choices import DatePrecision, Origin, ReviewStatus

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


PUBLISHED_DECISIONS = (ReviewStatus.APPROVED, ReviewStatus.EDITED)


def is_signed_in(user: Reader) -> bool:
    return user is not None and bool(user.is_authenticated)


def hides_unreviewed(user: Reader) -> bool:
    """Whether ``user`` switched to the public view (see only what anonymous readers see)."""
    return bool(getattr(user, "hide_unreviewed", False))


def can_review(user: Reader, model: type[models.Model]) -> bool:
    """Whether ``user`` may review (and so read unpublished) items of ``model``."""
    if not isinstance(user, PermissionsMixin) or not user.is_authenticated:
        return False
    meta = model._meta
    return bool(user.has_perm(f"{meta.app_label}.change_{meta.model_name}"))


class ReviewedQuerySet(models.QuerySet[Any]):
    """Items that go through review.

    ``review_path`` leads to the review status to apply and ``origin_path`` to the origin;
    ``trusted_source`` is the condition "comes from a source trusted for automatic publication".
    """

    review_path = "review_status"
    origin_path = "origin"
    reviewed_model = ""  # model whose change permission lets a user see rejected items

    def trusted_source(self) -> models.Q:
        return models.Q(pk__in=[])

    def published(self) -> Self:
        """What anonymous readers see."""
        status, origin = self.review_path, self.origin_path
        public = (
            models.Q(**{origin: Origin.CURATED})
            | models.Q(**{f"{status}__in": PUBLISHED_DECISIONS})
            | (models.Q(**{status: ReviewStatus.EXTRACTED}) & self.trusted_source())
        )
        return self.filter(public).exclude(**{status: ReviewStatus.REJECTED})

    def unpublished(self) -> Self:
        """Machine-made items awaiting review that the public does not see yet."""
        return self.filter(**{self.review_path: ReviewStatus.EXTRACTED}).exclude(
            pk__in=self.published().values("pk")
        )

    def visible_to(self, user: Reader) -> Self:
        """What ``user`` may read (the rule in this module's docstring)."""
        if not is_signed_in(user) or hides_unreviewed(user):
            return self.published()
        model = self.model
        if self.reviewed_model:
            model = self.model._meta.apps.get_model("knowledge", self.reviewed_model)
        if can_review(user, model):
            return self
        return self.exclude(**{self.review_path: ReviewStatus.REJECTED})


class DocumentQuerySet(ReviewedQuerySet):
    """Documents follow the same rule: one uploaded through a door (the upload page, the API,
    the admin) awaits review and is published once an editor approved it, or at once when its
    source is trusted for automatic publication; documents of the corpus, of ``manage.py
    ingest`` and of CourtListener imports are created approved. Documents have no origin: the
    review status alone says whether one was reviewed."""

    def published(self) -> Self:
        public = models.Q(review_status__in=PUBLISHED_DECISIONS) | models.Q(
            review_status=ReviewStatus.EXTRACTED, auto_publish=True
        )
        return self.filter(public)


class ClaimQuerySet(ReviewedQuerySet):
    def trusted_source(self) -> models.Q:
        return models.Q(document__auto_publish=True)

    def with_row_details(self) -> Self:
        """Speaker and document (without its heavy columns) for a list row."""
        return self.select_related("speaker", "document").defer(*HEAVY_DOCUMENT_FIELDS)
