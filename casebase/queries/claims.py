"""Read-side queries for the claims explorer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from casebase.core.partial_dates import PartialDate
from casebase.knowledge.models import Case, Claim, ClaimVerb, Entity
from casebase.knowledge.models.querysets import Reader

from .params import InvalidFilter, without_invalid


@dataclass(frozen=True)
class ClaimFilters:
    speaker: str = ""  # entity slug
    verb: str = ""
    case: str = ""  # case slug
    date_from: PartialDate | None = None
    date_to: PartialDate | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> ClaimFilters:
        errors: dict[str, str] = {}
        values = {
            name: str(params.get(name) or "").strip()
            for name in ("speaker", "verb", "case", "date_from", "date_to")
        }
        if values["verb"] and values["verb"] not in ClaimVerb.values:
            errors["verb"] = f"unknown verb {values['verb']!r}"
        dates: dict[str, PartialDate | None] = {}
        for name in ("date_from", "date_to"):
            try:
                dates[name] = PartialDate.parse(values[name]) if values[name] else None
            except ValueError as exc:
                errors[name] = str(exc)
        if errors:
            raise InvalidFilter(errors)
        return cls(
            values["speaker"], values["verb"], values["case"], dates["date_from"], dates["date_to"]
        )


def _contradicting(user: Reader) -> Prefetch:
    others = Claim.objects.visible_to(user).with_row_details()
    return Prefetch("contradicts", queryset=others)


def claims(filters: ClaimFilters, user: Reader) -> QuerySet[Claim]:
    """Claims ``user`` may read matching ``filters``, newest first, with what a row shows
    prefetched. Raises ``InvalidFilter`` naming an unknown speaker and an unknown case."""
    found = Claim.objects.visible_to(user)
    errors: dict[str, str] = {}
    if filters.speaker:
        speaker = Entity.objects.visible_to(user).filter(slug=filters.speaker).first()
        if speaker is None:
            errors["speaker"] = f"no entity {filters.speaker!r}"
        else:
            found = found.filter(speaker=speaker.survivor())
    if filters.case:
        if not Case.objects.filter(slug=filters.case).exists():
            errors["case"] = f"no case {filters.case!r}"
        found = found.filter(document__case__slug=filters.case)
    if errors:
        raise InvalidFilter(errors)
    if filters.verb:
        found = found.filter(verb=filters.verb)
    if filters.date_from:
        found = found.filter(made_on__gte=filters.date_from.start)
    if filters.date_to:
        found = found.filter(made_on__lte=filters.date_to.end)
    return (
        found.with_row_details()
        .select_related("document__case")
        .prefetch_related(_contradicting(user))
        .order_by("-made_on", "-id")
    )


def readable_claims(
    params: Mapping[str, Any], user: Reader
) -> tuple[ClaimFilters, QuerySet[Claim], dict[str, str]]:
    """The claims page's filters and claims for ``params``, never refused: a bad parameter
    (a malformed date, an unknown verb, speaker or case) is left out and named in the errors
    (``params.without_invalid``), every other filter applied."""

    def parse(kept: Mapping[str, Any]) -> tuple[ClaimFilters, QuerySet[Claim]]:
        filters = ClaimFilters.from_params(kept)
        return filters, claims(filters, user)

    (filters, found), errors = without_invalid(parse, params)
    return filters, found, errors


def speakers(user: Reader = None) -> QuerySet[Entity]:
    """Entities ``user`` may read that made at least one claim, for the speaker filter."""
    return (
        Entity.objects.visible_to(user)
        .filter(claims__in=Claim.objects.visible_to(user), merged_into__isnull=True)
        .distinct()
        .order_by("name")
    )
