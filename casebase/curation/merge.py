"""Entity merges: fold duplicates ("Altman, Samuel") into the entity that survives ("Sam Altman").

Everything the merged entity owned moves to the survivor in one transaction: mentions, claims it
spoke and claims about it, party roles, judgeships, the case it stands for, event links, aliases
(plus its own name as a new alias). Rows that would break a unique constraint because the survivor
already has the same row are dropped instead of moved, so nothing is duplicated. The merged
entity keeps its row with ``merged_into`` set, so its old URLs redirect to the survivor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction
from django.db.models import Exists, OuterRef

from casebase.core.text_utils import normalize_name
from casebase.knowledge.history import record_changed, recorded_as, update_with_history
from casebase.knowledge.models import (
    Case,
    CaseParty,
    Claim,
    Entity,
    EntityAlias,
    EntityMerge,
    Event,
    Mention,
)


class MergeError(ValueError):
    """The merge asked for cannot be done (merging into itself, or into a merged entity)."""


def _move_rows(
    model: type[models.Model], field: str, old: Entity, new: Entity, same: Sequence[str]
) -> tuple[int, int]:
    """Repoint ``model.field`` from ``old`` to ``new``; rows that ``new`` already has (equal on
    the ``same`` fields) are deleted instead. Returns (moved, dropped)."""
    rows = model._default_manager.filter(**{field: old})
    twin = model._default_manager.filter(**{field: new}, **{name: OuterRef(name) for name in same})
    dropped, _ = rows.filter(Exists(twin)).delete()
    moved = update_with_history(rows, **{field: new})  # a plain update() for untracked rows
    return moved, dropped


def _move_m2m(through: Any, owner: str, old: Entity, new: Entity) -> tuple[int, int]:
    """The same for an auto-created many-to-many table whose entity column is ``entity``; each
    row that owns a moved or dropped relation (an event, a claim, a case) records the change."""
    owners = set(through.objects.filter(entity=old).values_list(f"{owner}_id", flat=True))
    result = _move_rows(through, "entity", old, new, [owner])
    if owners:
        model = through._meta.get_field(owner).related_model
        record_changed(model, list(model._default_manager.filter(pk__in=owners).order_by("pk")))
    return result


def _move_aliases(old: Entity, new: Entity) -> tuple[int, int]:
    survivor_name = normalize_name(new.name)
    redundant, _ = EntityAlias.objects.filter(entity=old, normalized=survivor_name).delete()
    moved, dropped = _move_rows(EntityAlias, "entity", old, new, ["normalized"])
    own = normalize_name(old.name)
    if own != survivor_name and not EntityAlias.objects.filter(entity=new, normalized=own).exists():
        EntityAlias.objects.create(entity=new, alias=old.name)
        moved += 1
    return moved, dropped + redundant


def _move_case_record(old: Entity, new: Entity) -> int:
    """The case that ``old`` stands for now has ``new`` as its entity, unless ``new`` already
    stands for a case (one entity, one case): then it stays where it is."""
    if Case.objects.filter(entity=new).exists():
        return 0
    return update_with_history(Case.objects.filter(entity=old), entity=new)


def _merge_one(survivor: Entity, merged: Entity, user: Any) -> EntityMerge:
    moved: dict[str, int] = {}
    dropped = 0

    def count(name: str, result: tuple[int, int]) -> None:
        nonlocal dropped
        moved[name] = result[0]
        dropped += result[1]

    count("mentions", _move_rows(Mention, "entity", merged, survivor, ["document", "start", "end"]))
    moved["claims_spoken"] = update_with_history(
        Claim.objects.filter(speaker=merged), speaker=survivor
    )
    count("claims_about", _move_m2m(Claim.about.through, "claim", merged, survivor))
    count("party_roles", _move_rows(CaseParty, "entity", merged, survivor, ["case", "role"]))
    count("cases_judged", _move_m2m(Case.judges.through, "case", merged, survivor))
    count("events", _move_m2m(Event.entities.through, "event", merged, survivor))
    count("aliases", _move_aliases(merged, survivor))
    moved["case_record"] = _move_case_record(merged, survivor)
    moved["earlier_merges"] = update_with_history(
        Entity.objects.filter(merged_into=merged), merged_into=survivor
    )
    moved["duplicates_dropped"] = dropped

    merged.merged_into = survivor
    merged.save(update_fields=["merged_into", "updated_at"])
    return EntityMerge.objects.create(
        merged=merged,
        survivor=survivor,
        merged_name=merged.name,
        moved=moved,
        merged_by=user if user is not None and user.is_authenticated else None,
    )


def merge_entities(
    survivor: Entity,
    merged: Sequence[Entity],
    user: AbstractBaseUser | AnonymousUser | None = None,
) -> EntityMerge:
    """Merge each entity of ``merged`` into ``survivor``, all in one transaction.

    One EntityMerge is recorded per merged entity, with the rows moved by kind; the one returned
    is the last (the only one when a single entity is merged).
    """
    if not merged:
        raise MergeError("Choose at least one entity to merge into the survivor.")
    with transaction.atomic():
        locked = {
            e.pk: e
            for e in Entity.objects.select_for_update().filter(
                pk__in=[survivor.pk, *(m.pk for m in merged)]
            )
        }
        target = locked[survivor.pk]
        if target.merged_into_id is not None:
            raise MergeError(f"{target.name} was itself merged; merge into its survivor instead.")
        record: EntityMerge | None = None
        for entity in merged:
            current = locked[entity.pk]
            if current.pk == target.pk:
                raise MergeError("An entity cannot be merged into itself.")
            if current.merged_into_id is not None:
                raise MergeError(f"{current.name} is already merged.")
            with recorded_as(f"Merge: {current.name} into {target.name}.", user):
                record = _merge_one(target, current, user)
        assert record is not None
        # The survivor's history says what it absorbed (the moved rows are in EntityMerge).
        names = ", ".join(locked[entity.pk].name for entity in merged)
        target._change_reason = f"Merged into this entity: {names}."  # type: ignore[attr-defined]
        target.save()
        return record
