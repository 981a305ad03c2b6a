"""GIN indexes for the web app's full-text search, on PostgreSQL only.

The expressions come from casebase.queries.search_vectors so the search queries match them
exactly. On SQLite this migration does nothing (search falls back to icontains there).
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations


def _indexes():
    from casebase.queries.search_vectors import INDEXES

    for model_name, index_name, expression in INDEXES:
        yield model_name, GinIndex(expression(), name=index_name)


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
