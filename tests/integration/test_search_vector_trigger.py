"""The stored document search vector (PostgreSQL trigger, migrations 0003, 0006 and 0011) is
filled on insert and recomputed when a column it reads changes, never on a save that changes
none of them (a status change, a pipeline re-run, an editor's review)."""

from __future__ import annotations

import pytest
from django.db import connection

from casebase.knowledge.models import Document
from tests.factories import DocumentFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _vector(document: Document) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM knowledge_document WHERE id = %s", [document.pk]
        )
        return cursor.fetchone()[0]


def _forget_vector(document: Document) -> None:
    """Blank the stored vector behind the trigger's back (it does not watch that column)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE knowledge_document SET search_vector = NULL WHERE id = %s", [document.pk]
        )


def test_the_vector_is_filled_on_insert_and_kept_when_a_save_changes_none_of_its_columns() -> None:
    document = DocumentFactory(title="Distillation ruling", text="The court granted the motion.")
    assert "distil" in (_vector(document) or "")
    _forget_vector(document)
    document.status = "failed"
    document.save()  # every column in the SET list, none of the vector's changed
    assert _vector(document) is None


@pytest.mark.parametrize(
    ("field", "value", "stem"),
    [
        ("text", "The jury returned a verdict.", "verdict"),
        ("title", "Sanctions order", "sanction"),
        ("publisher", "Reuters", "reuter"),
        ("authors", ["Jane Doe"], "doe"),
        ("publisher_note", "syndicated copy", "syndic"),
    ],
)
def test_a_change_to_any_column_it_reads_recomputes_it(
    field: str, value: object, stem: str
) -> None:
    document = DocumentFactory(title="Order", text="The court granted the motion.")
    _forget_vector(document)
    setattr(document, field, value)
    document.save()
    assert stem in (_vector(document) or "")
