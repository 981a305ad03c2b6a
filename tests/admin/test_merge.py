"""merge_entities: everything moves to the survivor, nothing is lost, nothing is duplicated."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from casebase.curation.merge import MergeError, merge_entities
from casebase.knowledge.models import (
    CaseParty,
    Claim,
    Entity,
    EntityMerge,
    Event,
    Mention,
)
from tests.factories import CasePartyFactory, EntityAliasFactory, EntityFactory, MentionFactory

from .conftest import World, add_extracted_claim, span


def _mention(world: World, entity: Entity, needle: str) -> Mention:
    start, _ = span(world.document.text, needle)
    return MentionFactory(document=world.document, entity=entity, start=start, text=needle)


@pytest.fixture
def tangled(world: World) -> World:
    """Alice and her duplicate share some rows (which must not be duplicated) and not others."""
    alice, dup = world.alice, world.alice_dup
    _mention(world, alice, "Alice Example")
    _mention(world, dup, "Alice Example")  # same span: a duplicate after the merge
    _mention(world, dup, "Example, Alice")
    add_extracted_claim(world.document, dup, "Example, Alice said the board knew")
    about_both = add_extracted_claim(world.document, None, "Gamma Corp denied it")
    about_both.about.add(alice, dup)
    about_dup = add_extracted_claim(world.document, world.beta, "Beta Labs had copied the model")
    about_dup.about.add(dup)
    CasePartyFactory(case=world.case, entity=alice, role="plaintiff")
    CasePartyFactory(case=world.case, entity=dup, role="plaintiff")  # duplicate role
    CasePartyFactory(case=world.case, entity=dup, role="counter_defendant")
    world.case.judges.add(dup)
    world.event.entities.add(alice, dup)
    world.other_event.entities.add(dup)
    EntityAliasFactory(entity=alice, alias="Alice E.")
    EntityAliasFactory(entity=dup, alias="Alice E.")  # duplicate alias
    EntityAliasFactory(entity=dup, alias="A. Example")
    EntityAliasFactory(entity=dup, alias="alice example")  # the survivor's own name
    return world


def test_merge_moves_everything_once(tangled: World, editor: User) -> None:
    alice, dup = tangled.alice, tangled.alice_dup
    mentions_before = Mention.objects.count()

    record = merge_entities(alice, [dup], editor)

    assert Mention.objects.filter(entity=dup).count() == 0
    assert Mention.objects.filter(entity=alice).count() == 2  # one duplicate span dropped
    assert Mention.objects.count() == mentions_before - 1
    assert Claim.objects.filter(speaker=dup).count() == 0
    assert Claim.objects.filter(speaker=alice).count() == 1
    assert Claim.about.through.objects.filter(entity=dup).count() == 0
    assert Claim.about.through.objects.filter(entity=alice).count() == 2
    assert Claim.objects.count() == 3  # claims themselves are never deleted
    roles = sorted(CaseParty.objects.filter(case=tangled.case).values_list("entity__slug", "role"))
    assert roles == [("alice-example", "counter_defendant"), ("alice-example", "plaintiff")]
    assert list(tangled.case.judges.all()) == [alice]
    assert set(Event.objects.filter(entities=alice)) == {tangled.event, tangled.other_event}
    assert Event.entities.through.objects.filter(entity=dup).count() == 0
    assert sorted(alice.aliases.values_list("alias", flat=True)) == [
        "A. Example",
        "Alice E.",
        "Example, Alice",
    ]
    assert not dup.aliases.exists()

    dup.refresh_from_db()
    assert dup.merged_into == alice
    assert dup.survivor() == alice
    assert record.merged == dup and record.survivor == alice and record.merged_by == editor
    assert record.merged_name == "Example, Alice"
    assert record.moved == {
        "mentions": 1,
        "claims_spoken": 1,
        "claims_about": 1,
        "party_roles": 1,
        "cases_judged": 1,
        "events": 1,
        "aliases": 2,  # "A. Example" moved, plus the merged entity's own name added
        "case_record": 0,
        "earlier_merges": 0,
        # mention, claim-about, plaintiff role, event link, "Alice E.", "alice example"
        "duplicates_dropped": 6,
    }


def test_merge_of_several_follows_earlier_merges(
    world: World, editor: User, entity_factory: type[EntityFactory]
) -> None:
    third = entity_factory(name="A. Example", slug="a-example")
    older = entity_factory(name="Ms Example", slug="ms-example")
    merge_entities(third, [older], editor)

    merge_entities(world.alice, [world.alice_dup, third], editor)

    older.refresh_from_db()
    assert older.merged_into == world.alice  # flattened: no chain to follow
    assert EntityMerge.objects.filter(survivor=world.alice).count() == 2
    assert set(world.alice.aliases.values_list("alias", flat=True)) >= {
        "Example, Alice",
        "A. Example",
        "Ms Example",
    }


def test_merge_moves_the_case_record(world: World, editor: User) -> None:
    world.case.entity = world.alice_dup
    world.case.save()
    merge_entities(world.alice, [world.alice_dup], editor)
    world.case.refresh_from_db()
    assert world.case.entity == world.alice


@pytest.mark.parametrize("bad", ["self", "merged_survivor", "already_merged", "none"])
def test_refuses_impossible_merges(world: World, editor: User, bad: str) -> None:
    alice, dup, beta = world.alice, world.alice_dup, world.beta
    if bad == "self":
        args: tuple[Entity, list[Entity]] = (alice, [alice])
    elif bad == "merged_survivor":
        merge_entities(beta, [dup], editor)
        args = (dup, [alice])
    elif bad == "already_merged":
        merge_entities(beta, [dup], editor)
        args = (alice, [dup])
    else:
        args = (alice, [])
    mentions = Mention.objects.count()
    with pytest.raises(MergeError):
        merge_entities(*args, editor)
    assert Mention.objects.count() == mentions
    alice.refresh_from_db()
    assert alice.merged_into is None


def test_merge_action_in_the_admin(tangled: World, editor_client: Client) -> None:
    url = reverse("admin:knowledge_entity_changelist")
    ids = [str(tangled.alice.pk), str(tangled.alice_dup.pk)]
    confirm = editor_client.post(url, {"action": "merge_selected", "_selected_action": ids})
    assert confirm.status_code == 200
    assert b"Choose the entity that survives" in confirm.content

    done = editor_client.post(
        url,
        {"action": "merge_selected", "_selected_action": ids, "survivor": tangled.alice.pk},
    )
    assert done.status_code == 302
    tangled.alice_dup.refresh_from_db()
    assert tangled.alice_dup.merged_into == tangled.alice
    history = editor_client.get(reverse("admin:knowledge_entity_history", args=[tangled.alice.pk]))
    assert b"Merged into this entity: Example, Alice." in history.content
    page = editor_client.get(tangled.alice_dup.get_absolute_url())
    assert page.status_code == 301 and page["Location"] == tangled.alice.get_absolute_url()


def test_autocomplete_no_longer_offers_a_merged_entity(
    world: World, editor: User, editor_client: Client
) -> None:
    def offered() -> set[str]:
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "knowledge",
                "model_name": "event",
                "field_name": "entities",
                "term": "Alice",
            },
        )
        return {row["text"] for row in response.json()["results"]}

    assert offered() == {"Alice Example (Person)", "Example, Alice (Person)"}
    merge_entities(world.alice, [world.alice_dup], editor)
    assert offered() == {"Alice Example (Person)"}


def test_a_merge_is_in_the_history_of_every_row_it_moved(tangled: World, editor: User) -> None:
    """The moved relations (an event's entities, a claim's about and speaker, a case's
    judges, party roles, aliases) are recorded on the rows that hold them, by the editor,
    with the merge as the reason."""
    from casebase.knowledge.models import Case, EntityAlias
    from casebase.queries.history import history_of

    alice, dup = tangled.alice, tangled.alice_dup
    spoken = Claim.objects.get(speaker=dup)
    about_dup = Claim.objects.get(about=dup, speaker=tangled.beta)
    party = CaseParty.objects.get(entity=dup, role="counter_defendant")
    alias = EntityAlias.objects.get(entity=dup, alias="A. Example")
    merge_entities(alice, [dup], editor)
    reason = "Merge: Example, Alice into Alice Example."
    expected = {
        tangled.event: [("entities", ["alice-example", "example-alice"])],
        tangled.other_event: [("entities", ["example-alice"])],
        about_dup: [("about", ["example-alice"])],
        spoken: [("speaker", dup.pk)],
        Case.objects.get(pk=tangled.case.pk): [("judges", ["example-alice"])],
        party: [("entity", dup.pk)],
        alias: [("entity", dup.pk)],
    }
    for row, olds in expected.items():
        latest = history_of(row)[0]
        assert (latest.kind, latest.user, latest.reason) == ("changed", "editor", reason), row
        assert [(c.field, c.old) for c in latest.changes] == olds, row
