"""GIN indexes on the head of the search vector (PostgreSQL only), which the tiered
search pool reads from the whole archive (``search.engine``, ``HEAD_VECTOR`` and
``LEAD_VECTOR``): the title and keyword terms (weight A), and those with the lead
and the title's compound parts (weights A and B). Expression indexes over the
existing ``vector`` column: no new column, nothing to re-index; the expressions
must stay equal to the engine's for the planner to use them."""

from django.db import migrations

INDEXES = {
    "search_entry_head_gin": "ts_filter(vector, '{a}')",
    "search_entry_lead_gin": "ts_filter(vector, '{a,b}')",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON search_searchentry USING gin (({expression}))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_rum_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
