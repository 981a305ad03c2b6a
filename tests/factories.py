"""factory_boy factories: the one way tests make rows.

Every factory fills the required fields with made-up values (``Thread 3``, ``entity-7``), so a
test names only what it is about. Use ``XFactory(...)`` to save a row, ``XFactory.build(...)`` for
an unsaved one (the bulk corpora pass those to ``bulk_create``). Many-to-many fields are keyword
arguments that take a list: ``EventFactory(threads=[t], entities=[a, b])``,
``EntityFactory(aliases=["Roe"])``, ``UserFactory(permissions=["add_document"])``.

Test functions get the factory classes as fixtures (``event_factory``, ``user_factory``, ... in
tests/conftest.py); builders and conftest worlds import them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import factory
from django.contrib.auth.models import Group, Permission, User
from factory.django import DjangoModelFactory

from casebase.analysis.types import KnownEntity
from casebase.core.partial_dates import PartialDate
from casebase.curation.management.commands.setup_roles import setup_editor_group
from casebase.knowledge import models

PASSWORD = "pw-for-tests-only"


def _related(field: str) -> Any:
    """A post-generation hook that sets a many-to-many field from a list given at creation."""

    def hook(obj: Any, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            getattr(obj, field).add(*extracted)

    hook.__name__ = field
    return factory.PostGeneration(hook)


def _span_of(field: str) -> Any:
    """``end`` for a span from ``start`` over the text of ``field``."""
    return factory.LazyAttribute(lambda o: o.start + len(getattr(o, field)))


class _Factory(DjangoModelFactory):  # type: ignore[misc]
    class Meta:
        abstract = True
        skip_postgeneration_save = True  # hooks save what they change themselves


class ThreadFactory(_Factory):
    class Meta:
        model = models.Thread

    slug = factory.Sequence(lambda n: f"thread-{n}")
    name = factory.Sequence(lambda n: f"Thread {n}")


class EntityFactory(_Factory):
    class Meta:
        model = models.Entity

    name = factory.Sequence(lambda n: f"Entity {n}")
    slug = factory.Sequence(lambda n: f"entity-{n}")
    kind = "person"

    @factory.post_generation
    def aliases(
        obj: models.Entity, create: bool, extracted: Iterable[str] | None, **kwargs: Any
    ) -> None:
        if create and extracted:
            for alias in extracted:
                EntityAliasFactory(entity=obj, alias=alias)


class KnownEntityFactory(EntityFactory):
    """The entity with this slug if there is one (fixtures that may meet in one test), else a
    new one."""

    class Meta:
        django_get_or_create = ("slug",)


def known_entity_rows(known: Iterable[KnownEntity]) -> dict[str, models.Entity]:
    """The rows of a knowledge base given as the analysis sees it (e.g. SEED_KNOWN in
    tests/analysis/conftest.py), by slug."""
    return {
        item.slug: EntityFactory(
            slug=item.slug, name=item.name, kind=item.kind, aliases=list(item.aliases)
        )
        for item in known
    }


class EntityAliasFactory(_Factory):
    class Meta:
        model = models.EntityAlias

    entity = factory.SubFactory(EntityFactory)
    alias = factory.Sequence(lambda n: f"Alias {n}")


class CaseFactory(_Factory):
    class Meta:
        model = models.Case

    slug = factory.Sequence(lambda n: f"case-{n}")
    caption = factory.Sequence(lambda n: f"Plaintiff {n} v. Defendant {n}")
    short_name = factory.Sequence(lambda n: f"Case {n}")
    court = "N.D. Cal."
    judges = _related("judges")


class CasePartyFactory(_Factory):
    class Meta:
        model = models.CaseParty

    case = factory.SubFactory(CaseFactory)
    entity = factory.SubFactory(EntityFactory)
    role = "plaintiff"


class DocumentFactory(_Factory):
    class Meta:
        model = models.Document

    title = factory.Sequence(lambda n: f"Document {n}")
    kind = "news_article"
    status = "done"
    text = ""


class EventFactory(_Factory):
    """``on="2018-02"`` sets the date and its precision from a partial date; or give ``date``
    and ``date_precision`` themselves."""

    class Meta:
        model = models.Event

    class Params:
        on = "2024-02-29"

    title = factory.Sequence(lambda n: f"Event {n}")
    date = factory.LazyAttribute(lambda o: PartialDate.parse(o.on).start)
    date_precision = factory.LazyAttribute(lambda o: PartialDate.parse(o.on).precision.value)
    threads = _related("threads")
    entities = _related("entities")


class EvidenceFactory(_Factory):
    class Meta:
        model = models.Evidence

    event = factory.SubFactory(EventFactory)
    document = factory.SubFactory(DocumentFactory)


class EventLinkFactory(_Factory):
    class Meta:
        model = models.EventLink

    source = factory.SubFactory(EventFactory)
    target = factory.SubFactory(EventFactory)
    kind = "related"


class MentionFactory(_Factory):
    """By default the mention is the entity's name at the start of the document."""

    class Meta:
        model = models.Mention

    document = factory.SubFactory(DocumentFactory)
    entity = factory.SubFactory(EntityFactory)
    text = factory.LazyAttribute(lambda o: o.entity.name)
    start = 0
    end = _span_of("text")


class ClaimFactory(_Factory):
    class Meta:
        model = models.Claim

    document = factory.SubFactory(DocumentFactory)
    content = factory.Sequence(lambda n: f"claim {n}")
    start = 0
    end = _span_of("content")
    review_status = "approved"  # published unless a test says otherwise
    about = _related("about")
    contradicts = _related("contradicts")


class CitationFactory(_Factory):
    class Meta:
        model = models.Citation

    document = factory.SubFactory(DocumentFactory)
    kind = "case"
    text = factory.Sequence(lambda n: f"Foo v. Bar {n}")
    normalized = factory.LazyAttribute(lambda o: o.text)
    start = 0
    end = _span_of("text")


def _permissions(wanted: Iterable[str | Permission]) -> list[Permission]:
    """Permission rows from codenames (or rows); an unknown codename is an error, not a no-op."""
    wanted = list(wanted)
    codenames = {item for item in wanted if isinstance(item, str)}
    found = list(Permission.objects.filter(codename__in=codenames))
    missing = codenames - {permission.codename for permission in found}
    assert not missing, f"no such permission: {sorted(missing)}"
    return found + [item for item in wanted if isinstance(item, Permission)]


class UserFactory(_Factory):
    """A user with password ``PASSWORD``; ``permissions=["add_document"]`` (codenames or
    Permission rows) and ``groups=[...]`` are granted; ``superuser=True`` makes an admin."""

    class Meta:
        model = User

    class Params:
        superuser = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORD)
    groups = _related("groups")

    @factory.post_generation
    def permissions(
        obj: User, create: bool, extracted: Iterable[str | Permission] | None, **kwargs: Any
    ) -> None:
        if create and extracted:
            obj.user_permissions.add(*_permissions(extracted))


def editor_group() -> Group:
    """The curation role's Editor group (casebase/curation), with exactly its permissions."""
    return setup_editor_group()[0]


class EditorFactory(UserFactory):
    """A staff user in the Editor group: what ``setup_roles --editor`` makes."""

    username = factory.Sequence(lambda n: f"editor-{n}")
    is_staff = True

    @factory.post_generation
    def groups(obj: User, create: bool, extracted: Iterable[Group] | None, **kwargs: Any) -> None:
        if create:
            obj.groups.add(editor_group(), *(extracted or ()))


ALL = (
    ThreadFactory,
    EntityFactory,
    KnownEntityFactory,
    EntityAliasFactory,
    CaseFactory,
    CasePartyFactory,
    DocumentFactory,
    EventFactory,
    EvidenceFactory,
    EventLinkFactory,
    MentionFactory,
    ClaimFactory,
    CitationFactory,
    UserFactory,
    EditorFactory,
)
