"""A RUM index on the search vector, where PostgreSQL has the ``rum`` extension, and
(on PostgreSQL always) an index of each language's pages newest first, which the
GIN path's pool (the most recent matches) is read from.

RUM keeps each lexeme's positions and weights in the index, so ``ORDER BY vector
<=> query LIMIT k`` reads the best k pages straight from it (``search.engine``);
with GIN alone the database scores every match. The extension is Debian's
``postgresql-<major>-rum`` (``make system-deps`` installs it as root); managed
services often lack it, and SQLite has no such thing: then this migration does
nothing, without an error, and search uses the GIN index (``manage.py check``
says which: ``search.I001`` / ``search.I002``). Installing RUM later: create the
extension and the index by hand (the SQL below), or migrate back to 0002 and
forward again."""

from django.db import DatabaseError, migrations, transaction

INDEX = "search_entry_vector_rum"
CREATE_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING rum (vector rum_tsvector_ops)"
)


# The GIN path's pool, the most recent matches, read in this order (stops early).
RECENT = "search_entry_language_recent"
CREATE_RECENT = (
    f"CREATE INDEX IF NOT EXISTS {RECENT} ON search_searchentry "
    "(language, date DESC NULLS LAST, page_id DESC)"
)


def rum_available(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone() is not None


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_RECENT)
    if not rum_available(connection):
        return
    try:
        with transaction.atomic(using=connection.alias):  # a savepoint: a refusal is no error
            with connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
                cursor.execute(CREATE_INDEX)
    except DatabaseError:
        return  # no right to create extensions here: search keeps the GIN index


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {RECENT}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
