"""Two indexes on Wagtail's page table for reads every public request makes.

**Children by (depth, path).** Wagtail reads a page's children as ``depth = d + 1
AND path BETWEEN p AND p || 'ZZZZ'``; its path index then reads every descendant
(under a news index, the whole archive) to keep the few at that depth, and
PostgreSQL scans the table instead: the header's sections cost 55 ms a request at
100,000 articles. On (depth, path) the children are one exact range.

**Pages with an expiry time** (Wagtail's own table has no index on it).

Every public request asks two questions about ``expire_at`` (``kumppanuus.visibility``:
pages still live although their expiry has passed; ``api.caching``: the soonest
expiry, which bounds how long a response may be cached). Without an index both read
the whole page table, a cost that grows with the archive (about 65 ms a request at
100,000 articles). Few pages have an expiry time, so a partial index of those is
small and answers both with a short index read, on PostgreSQL and SQLite alike.
"""

from django.db import migrations

EXPIRY = "kumppanuus_page_expire_at"
CHILDREN = "kumppanuus_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {EXPIRY} ON wagtailcore_page (expire_at) "
            "WHERE expire_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {EXPIRY}",
            elidable=False,
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {CHILDREN} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {CHILDREN}",
            elidable=False,
        ),
    ]
