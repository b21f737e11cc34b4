"""The news listing mirror (``news.models.listing``): the table, its triggers, its rows.

On PostgreSQL, triggers keep one row per news article in step with the page tree
inside the same transaction as the write, whatever makes it: the ORM, a signal-less
``QuerySet.update()``, treebeard's SQL that moves a subtree, ``bulk_create``:

- an article inserted (or its page inserted after it), or its ``date`` changed:
  the row is written from the article and its page;
- a page's ``path``, ``live``, ``expire_at`` or ``locale_id`` changed: its row, if
  it is an article's, takes the new values (a moved subtree: each descendant's);
- an article or its page deleted: the row goes.

The existing articles are copied in once, then the table's one index is built (in
listing order, including every column the skip reads; PostgreSQL's ``INCLUDE``).
Elsewhere (SQLite) the table is created but left empty and unindexed: nothing reads
it there.
"""

from django.db import migrations, models

TABLE = "news_articlelisting"

# ``news_articlelisting_sync(id)``: the row of article ``id`` as its article and page
# are now, or none when either is gone (an insert, a date change, a delete). A page's
# own update touches only its row, one primary-key probe per page of a moved subtree.
SYNC = f"""
CREATE FUNCTION news_articlelisting_sync(article integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {TABLE} (page_id, path, locale_id, live, expire_at, date)
    SELECT p.id, p.path, p.locale_id, p.live, p.expire_at, a.date
    FROM news_newsarticlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id
    WHERE a.page_ptr_id = article
    ON CONFLICT (page_id) DO UPDATE SET
        path = EXCLUDED.path, locale_id = EXCLUDED.locale_id, live = EXCLUDED.live,
        expire_at = EXCLUDED.expire_at, date = EXCLUDED.date;
    IF NOT FOUND THEN
        DELETE FROM {TABLE} WHERE page_id = article;
    END IF;
END $$;

CREATE FUNCTION news_articlelisting_article() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM news_articlelisting_sync(COALESCE(NEW.page_ptr_id, OLD.page_ptr_id));
    RETURN NULL;
END $$;

CREATE FUNCTION news_articlelisting_page() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        UPDATE {TABLE} SET path = NEW.path, locale_id = NEW.locale_id, live = NEW.live,
            expire_at = NEW.expire_at
        WHERE page_id = NEW.id;
    ELSE
        PERFORM news_articlelisting_sync(COALESCE(NEW.id, OLD.id));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER news_articlelisting_article_write
    AFTER INSERT OR UPDATE OF date OR DELETE ON news_newsarticlepage
    FOR EACH ROW EXECUTE FUNCTION news_articlelisting_article();

CREATE TRIGGER news_articlelisting_page_write
    AFTER INSERT OR DELETE ON wagtailcore_page
    FOR EACH ROW EXECUTE FUNCTION news_articlelisting_page();

CREATE TRIGGER news_articlelisting_page_change
    AFTER UPDATE OF path, locale_id, live, expire_at ON wagtailcore_page
    FOR EACH ROW
    WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.locale_id IS DISTINCT FROM NEW.locale_id
          OR OLD.live IS DISTINCT FROM NEW.live OR OLD.expire_at IS DISTINCT FROM NEW.expire_at)
    EXECUTE FUNCTION news_articlelisting_page();

INSERT INTO {TABLE} (page_id, path, locale_id, live, expire_at, date)
SELECT p.id, p.path, p.locale_id, p.live, p.expire_at, a.date
FROM news_newsarticlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id;

-- In listing order, with every column the skip's visibility check reads: an
-- index-only read (made after the copy: one sorted build).
CREATE INDEX news_articlelisting_order ON {TABLE} (date DESC, page_id DESC)
    INCLUDE (path, live, expire_at, locale_id);
"""

DROP = f"""
DROP TRIGGER IF EXISTS news_articlelisting_page_change ON wagtailcore_page;
DROP TRIGGER IF EXISTS news_articlelisting_page_write ON wagtailcore_page;
DROP TRIGGER IF EXISTS news_articlelisting_article_write ON news_newsarticlepage;
DROP FUNCTION IF EXISTS news_articlelisting_page();
DROP FUNCTION IF EXISTS news_articlelisting_article();
DROP FUNCTION IF EXISTS news_articlelisting_sync(integer);
DROP INDEX IF EXISTS news_articlelisting_order;
DELETE FROM {TABLE};
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SYNC)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_listing_indexes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleListingRow",
            fields=[
                ("page_id", models.IntegerField(primary_key=True, serialize=False)),
                ("path", models.CharField(max_length=255)),
                ("locale_id", models.IntegerField()),
                ("live", models.BooleanField()),
                ("expire_at", models.DateTimeField(null=True)),
                ("date", models.DateField()),
            ],
            options={"db_table": TABLE},
        ),
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
