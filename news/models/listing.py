"""The listing mirror: one narrow row per news article, for skipping to a typed page number.

A page number typed by hand (``/fi/uutiset/?page=500``) needs the ordering keys of the
row just before the page (``kumppanuus.pagination.rows_from``). Read from the article
table's (date, id) index, every skipped entry costs a probe into ``wagtailcore_page``
to check it is visible (live, not restricted, not expired, in the listing): 4,990
probes for page 500, about 40 ms at 100,000 articles, and a covering index on the page
table did not help. This table holds exactly what that check and the order need (the
page's path, locale, live flag and expiry time, and the article's date), with one index
in listing order that includes them all, so the skip is an index-only read of one
narrow table.

It is kept by PostgreSQL triggers (``news.migrations.0006``), not by Django signals, so
that it cannot drift from the page tree: treebeard moves a subtree with one SQL
``UPDATE`` of every descendant's path, ``QuerySet.update()`` unpublishes or expires
pages without signals, and the bench corpus is written with ``bulk_create``. Only the
skip reads it: the page shown still comes from the article table with every visibility
check, so a wrong row here could at worst shift a page, never show a hidden article.
Elsewhere (SQLite) the table stays empty and the skip reads the article table as before.
"""

from django.db import connections, models
from wagtail.models import Locale

from kumppanuus.visibility import visible


class ArticleListingRow(models.Model):
    """A news article's place in the listings (maintained by triggers; never written here)."""

    page_id = models.IntegerField(primary_key=True)
    path = models.CharField(max_length=255)
    locale_id = models.IntegerField()
    live = models.BooleanField()
    expire_at = models.DateTimeField(null=True)
    date = models.DateField()

    class Meta:
        # Its index, news_articlelisting_order, (date DESC, page_id DESC) INCLUDE (path,
        # live, expire_at, locale_id), is made with the triggers (PostgreSQL only).
        db_table = "news_articlelisting"

    def __str__(self):
        return f"{self.page_id} {self.date}"


def listing_keys(scope=None, language=None):
    """The mirror's rows of the visible articles under ``scope`` (a page) in ``language``
    (a language code): the same rows, in the same order, as that listing's articles,
    for ``kumppanuus.pagination.rows_from`` to skip through. The mirror's ``date`` is
    the article's, so a listing's date filters apply to both alike. None where the
    mirror is not kept (not PostgreSQL): the skip then reads the article table."""
    rows = ArticleListingRow.objects.all()
    if connections[rows.db].vendor != "postgresql":
        return None
    if scope is not None:
        rows = rows.filter(path__startswith=scope.path)
    if language is not None:
        locales = Locale.objects.filter(language_code=language).values("pk")
        rows = rows.filter(locale_id__in=locales)
    return visible(rows)
