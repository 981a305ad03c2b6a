"""The document search vector (migrations 0003 and 0006) is recomputed only when a column it
reads changes.

``UPDATE OF title, text, ...`` fires whenever a column is named in the ``SET`` list, and Django's
``save()`` names them all, so every save of a document (a status change, a re-run of the
pipeline, an editor's review) ran ``to_tsvector`` over up to 200,000 characters again: about
5 ms of PostgreSQL's time for a 10 KB text, on the worker's path. Now an update trigger fires
only when one of those columns ``IS DISTINCT FROM`` its old value; inserts still always fill
the vector. (So ``UPDATE ... SET title = title`` no longer recomputes it: a backfill must use
``SET search_vector = NULL, title = title || ''`` or call the function's expression itself.)
"""

from django.db import migrations

COLUMNS = ("title", "text", "publisher", "authors", "publisher_note")
DROP = "DROP TRIGGER IF EXISTS {name} ON knowledge_document;"
ANY_TIME = """
CREATE TRIGGER knowledge_document_search_vector_trg
BEFORE INSERT OR UPDATE OF title, text, publisher, authors, publisher_note ON knowledge_document
FOR EACH ROW EXECUTE FUNCTION knowledge_document_search_vector();
"""
ON_INSERT = """
CREATE TRIGGER knowledge_document_search_vector_trg
BEFORE INSERT ON knowledge_document
FOR EACH ROW EXECUTE FUNCTION knowledge_document_search_vector();
"""
ON_CHANGE = f"""
CREATE TRIGGER knowledge_document_search_vector_upd_trg
BEFORE UPDATE OF {", ".join(COLUMNS)} ON knowledge_document
FOR EACH ROW WHEN ({" OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COLUMNS)})
EXECUTE FUNCTION knowledge_document_search_vector();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP.format(name="knowledge_document_search_vector_trg"))
    schema_editor.execute(ON_INSERT)
    schema_editor.execute(ON_CHANGE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP.format(name="knowledge_document_search_vector_upd_trg"))
    schema_editor.execute(DROP.format(name="knowledge_document_search_vector_trg"))
    schema_editor.execute(ANY_TIME)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0010_document_review_status")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
