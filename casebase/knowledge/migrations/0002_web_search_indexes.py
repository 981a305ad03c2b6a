"""GIN indexes for the web app's full-text search, on PostgreSQL only.

A migration is frozen: it spells out the expressions as they were when it was written (the
same as ``casebase.knowledge.search_vectors`` ``event_vector`` and ``claim_vector``) and imports
no project code, so changing those expressions later needs a new migration that rebuilds the
index. On SQLite this migration does nothing (search falls back to icontains there).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "english"


def _indexes():
    yield (
        "event",
        GinIndex(
            SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("summary", weight="B", config=CONFIG),
            name="event_fts_gin",
        ),
    )
    yield (
        "claim",
        GinIndex(
            SearchVector("content", weight="A", config=CONFIG)
            + SearchVector("quote", "speaker_text", weight="B", config=CONFIG),
            name="claim_fts_gin",
        ),
    )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes():
        schema_editor.add_index(apps.get_model("knowledge", model_name), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes():
        schema_editor.remove_index(apps.get_model("knowledge", model_name), index)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
