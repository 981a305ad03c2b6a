"""The knowledge base's entities as the analysis sees them (``KnownEntity``)."""

from __future__ import annotations

from collections import defaultdict

from casebase.analysis.types import KnownEntity
from casebase.knowledge.models import Entity, EntityAlias


def load_known_entities() -> list[KnownEntity]:
    """Every entity that has not been merged away, with its aliases: two queries."""
    aliases: dict[int, list[str]] = defaultdict(list)
    rows = EntityAlias.objects.filter(entity__merged_into__isnull=True).values_list(
        "entity_id", "alias"
    )
    for entity_id, alias in rows:
        aliases[entity_id].append(alias)
    entities = Entity.objects.filter(merged_into__isnull=True).values_list(
        "pk", "slug", "name", "kind"
    )
    return [
        KnownEntity(slug=slug, name=name, kind=kind, aliases=tuple(sorted(aliases[pk])))
        for pk, slug, name, kind in entities.order_by("pk")
    ]
