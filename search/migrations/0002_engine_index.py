"""One row per page: the term rows go, the analysed terms move into the database's
full-text engine (a GIN-indexed tsvector on PostgreSQL, an FTS5 table on SQLite).

Existing entries are emptied: ``post_migrate`` (``search.apps``) indexes every live
page again, or run ``manage.py rebuild_search_index``."""

from django.db import migrations

import search.models

FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "a_full, a_loose, b_full, b_loose, c_full, c_loose, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    apps.get_model("search", "SearchEntry").objects.all().delete()
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_vector_gin "
            "ON search_searchentry USING gin (vector)"
        )
    elif connection.vendor == "sqlite":
        schema_editor.execute(FTS_SQL)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
    elif connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [
        migrations.DeleteModel(name="SearchTerm"),
        migrations.AddField(
            model_name="searchentry",
            name="vector",
            field=search.models.TsVectorField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
