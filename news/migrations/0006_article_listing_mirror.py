"""The news listing mirror (``news.models.listing``): the table, its triggers, its rows.

On PostgreSQL, triggers keep one row per news article in step with the page tree
inside the same transaction as the write, whatever makes it: the ORM, a signal-less
``QuerySet.update()``, treebeard's SQL that moves a subtree, ``bulk_create``:

- an article inserted (or its page inserted after it), or its ``date`` changed:
  the row is written from the article and its page;
- a page's ``path``, ``live``, ``expire_at`` or ``locale_id`` changed: its row, if
  it is an article's, takes the new values (a moved subtree: each descendant's);
- an article or its page deleted: the row goes.

The existing articles are copied in once. Elsewhere (SQLite) the table is created
but left empty: nothing reads it there.
"""

from django.db import migrations, models

TABLE = "news_articlelisting"

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
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {TABLE} WHERE page_id = OLD.page_ptr_id;
    ELSE
        PERFORM news_articlelisting_sync(NEW.page_ptr_id);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION news_articlelisting_page() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {TABLE} WHERE page_id = OLD.id;
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM news_articlelisting_sync(NEW.id);
    ELSE
        UPDATE {TABLE} SET path = NEW.path, locale_id = NEW.locale_id, live = NEW.live,
            expire_at = NEW.expire_at
        WHERE page_id = NEW.id;
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
"""

DROP = f"""
DROP TRIGGER IF EXISTS news_articlelisting_page_change ON wagtailcore_page;
DROP TRIGGER IF EXISTS news_articlelisting_page_write ON wagtailcore_page;
DROP TRIGGER IF EXISTS news_articlelisting_article_write ON news_newsarticlepage;
DROP FUNCTION IF EXISTS news_articlelisting_page();
DROP FUNCTION IF EXISTS news_articlelisting_article();
DROP FUNCTION IF EXISTS news_articlelisting_sync(integer);
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
            options={
                "db_table": TABLE,
                "indexes": [
                    models.Index(
                        fields=["-date", "-page_id"],
                        include=("path", "live", "expire_at", "locale_id"),
                        name="news_articlelisting_order",
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
