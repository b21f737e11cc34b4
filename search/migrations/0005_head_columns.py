"""The head of the search vector in narrow columns of their own (PostgreSQL): ``head``
(the terms weighted A: title and keywords) and ``lead`` (A or B: with the lead and the
title's compound parts), without positions, each with a GIN index under the names of
migration 0004's expression indexes, which they replace.

The tiered search pool (``search.engine``) reads the title tiers newest first or
from these indexes; through ``ts_filter(vector, …)`` every row it looked at unpacked
the page's whole TOASTed vector. Existing entries are filled from their vector in SQL
(the same terms ``search.index`` writes from the analysis): nothing is analysed
again. On SQLite the columns stay empty (FTS5 has its own columns)."""

from django.db import migrations

import search.models

HEAD_INDEXES = {
    "search_entry_head_gin": ("head", "ts_filter(vector, '{a}')"),
    "search_entry_lead_gin": ("lead", "ts_filter(vector, '{a,b}')"),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in HEAD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    # Updating every row inserts each new row version into the vector's GIN and RUM
    # indexes, term by term: 43 s for 10,000 entries with RUM, against 5 s for
    # dropping them, updating and building them again (as a rebuild does).
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = 'search_searchentry' AND indexdef ~ '\\(vector[ )]'"
        )
        vector_indexes = cursor.fetchall()
    for name, _definition in vector_indexes:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")
    schema_editor.execute(
        "UPDATE search_searchentry SET head = strip(ts_filter(vector, '{a}')), "
        "lead = strip(ts_filter(vector, '{a,b}')) WHERE vector IS NOT NULL"
    )
    schema_editor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    # Rows written earlier in the same transaction (a test's, a data migration's) left
    # deferred foreign key checks, which forbid building an index: run them now.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")
    for _name, definition in vector_indexes:
        schema_editor.execute(definition)
    for name, (column, _expression) in HEAD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON search_searchentry USING gin ({column})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (_column, expression) in HEAD_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(
            f"CREATE INDEX {name} ON search_searchentry USING gin (({expression}))"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_head_indexes")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="head",
            field=search.models.TsVectorField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="lead",
            field=search.models.TsVectorField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
