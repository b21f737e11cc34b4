"""The news listing mirror (``news.models.listing``) that typed page numbers skip through.

PostgreSQL triggers keep one narrow row per article in step with the page tree.
After every kind of change an editor or a script makes (publish, unpublish, an
expiry passing, a view restriction on an ancestor added and removed, a subtree
moved, an article deleted, a date changed), each typed page number of the news
listings shows exactly the articles a plain OFFSET of the listing gives, nothing
hidden among them, and the mirror holds exactly the rows the page tree implies.
The skip reads the mirror's one index and nothing else.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from bench.corpus import Corpus
from kumppanuus.visibility import visible
from news.models import ArticleListingRow, NewsArticlePage, NewsIndexPage
from regions.models import RegionPage
from tests.factories import NewsArticlePageFactory, publish

PER_PAGE = 7

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the mirror is kept on PostgreSQL"
)


@pytest.fixture
def archive(demo_site, monkeypatch):
    """80 synthetic articles besides the demo's, seven to a listing page."""
    Corpus().grow(80)
    monkeypatch.setattr(NewsIndexPage, "per_page", PER_PAGE)
    return demo_site


def mirror_drift():
    """Rows where the mirror differs from the articles and their pages (none: in step)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            (SELECT p.id, p.path, p.locale_id, p.live, p.expire_at, a.date
               FROM news_newsarticlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id
             EXCEPT
             SELECT page_id, path, locale_id, live, expire_at, date FROM news_articlelisting)
            UNION ALL
            (SELECT page_id, path, locale_id, live, expire_at, date FROM news_articlelisting
             EXCEPT
             SELECT p.id, p.path, p.locale_id, p.live, p.expire_at, a.date
               FROM news_newsarticlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id)
            """
        )
        return cursor.fetchall()


def ids_on(response):
    slugs = re.findall(r'class="card__title"><a href="[^"]*/([^/"]+)/"', response.content.decode())
    found = dict(
        NewsArticlePage.objects.filter(slug__in=slugs).values_list("slug", "pk").order_by("depth")
    )
    return [found[slug] for slug in slugs]


def assert_typed_pages_are_plain_offsets(client, index, hidden=()):
    """Every page number of ``index`` (and one past the end) shows the rows of a plain
    OFFSET of its articles; none of ``hidden`` is among them."""
    index = NewsIndexPage.objects.get(pk=index.pk)
    listing = list(index.get_articles().values_list("pk", flat=True))
    assert not set(hidden) & set(listing)
    pages = max(1, -(-len(listing) // PER_PAGE))
    url = index.get_url()
    for number in range(1, pages + 2):
        offset = (min(number, pages) - 1) * PER_PAGE
        cache.clear()
        response = client.get(url, {"page": number})
        assert response.status_code == 200
        assert ids_on(response) == listing[offset : offset + PER_PAGE], (url, number)
    assert mirror_drift() == []
    return listing


def national(language="fi"):
    return NewsIndexPage.objects.get(locale__language_code=language, depth=3)


def middle_article(index):
    """A visible article from the middle of ``index``'s listing (its page shifts others)."""
    listing = list(index.get_articles().values_list("pk", flat=True))
    return NewsArticlePage.objects.get(pk=listing[len(listing) // 2])


def test_the_migration_copied_every_article_and_triggers_keep_new_ones(archive):
    # The demo was loaded before this test (rows by trigger), the corpus by bulk_create.
    assert ArticleListingRow.objects.count() == NewsArticlePage.objects.count()
    assert mirror_drift() == []


def test_publish_and_unpublish(client, archive):
    index = national()
    listing = assert_typed_pages_are_plain_offsets(client, index)
    middle = NewsArticlePage.objects.get(pk=listing[len(listing) // 2])
    draft = NewsArticlePageFactory(
        parent=index, title="Luonnos keskellä", live=False, date=middle.date
    )
    assert_typed_pages_are_plain_offsets(client, index, hidden=[draft.pk])
    publish(draft)
    assert draft.pk in assert_typed_pages_are_plain_offsets(client, index)
    draft.unpublish()
    assert_typed_pages_are_plain_offsets(client, index, hidden=[draft.pk])
    # Unpublished with SQL (no signal, no save()), as a script would.
    Page.objects.filter(pk=middle.pk).update(live=False)
    assert_typed_pages_are_plain_offsets(client, index, hidden=[draft.pk, middle.pk])


def test_expiry_passing(client, archive, monkeypatch):
    """The mirror keeps the expiry time; whether it has passed is asked at read time."""
    index = national()
    article = middle_article(index)
    Page.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert article.pk in assert_typed_pages_are_plain_offsets(client, index)
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the hour passes
    assert NewsArticlePage.objects.get(pk=article.pk).live  # publish_scheduled has not run
    assert_typed_pages_are_plain_offsets(client, index, hidden=[article.pk])


def test_view_restriction_on_an_ancestor_added_and_removed(client, archive):
    index = national()
    region = RegionPage.objects.get(locale__language_code="fi", slug="pohjois-karjala")
    regional = NewsIndexPage.objects.child_of(region).get()
    for article in NewsArticlePage.objects.filter(depth=index.depth + 1, live=True)[:12]:
        article.move(regional, pos="last-child")
    under = list(NewsArticlePage.objects.descendant_of(region).values_list("pk", flat=True))
    assert len(under) >= 12
    assert set(under) <= set(assert_typed_pages_are_plain_offsets(client, index))
    restriction = PageViewRestriction.objects.create(
        page=region, restriction_type=PageViewRestriction.LOGIN
    )
    assert_typed_pages_are_plain_offsets(client, index, hidden=under)
    restriction.delete()
    assert set(under) <= set(assert_typed_pages_are_plain_offsets(client, index))


def test_a_moved_subtree(client, archive):
    """A region's news listing, with its articles, moved under another region: treebeard
    rewrites every descendant's path with one SQL UPDATE."""
    index = national()
    source = RegionPage.objects.get(locale__language_code="fi", slug="pohjois-karjala")
    target = RegionPage.objects.filter(locale__language_code="fi").exclude(pk=source.pk).first()
    regional = NewsIndexPage.objects.child_of(source).get()
    for article in NewsArticlePage.objects.filter(depth=index.depth + 1, live=True)[:20]:
        article.move(regional, pos="last-child")
    assert_typed_pages_are_plain_offsets(client, regional)
    for existing in NewsIndexPage.objects.child_of(target):
        existing.delete()
    Page.objects.get(pk=regional.pk).move(target, pos="last-child")
    moved = NewsIndexPage.objects.get(pk=regional.pk)
    assert moved.path.startswith(target.path)
    assert len(assert_typed_pages_are_plain_offsets(client, moved)) >= 20
    assert_typed_pages_are_plain_offsets(client, index)


def test_deleted_article(client, archive):
    index = national()
    article = middle_article(index)
    article.delete()
    assert not ArticleListingRow.objects.filter(page_id=article.pk).exists()
    assert_typed_pages_are_plain_offsets(client, index)


def test_date_changed(client, archive):
    index = national()
    listing = assert_typed_pages_are_plain_offsets(client, index)
    oldest = NewsArticlePage.objects.get(pk=listing[-1])
    oldest.date = timezone.localdate()  # from the last page to the first, through a publish
    publish(oldest)
    assert assert_typed_pages_are_plain_offsets(client, index)[0] == oldest.pk
    newest = listing[0]
    NewsArticlePage.objects.filter(pk=newest).update(date=datetime.date(2000, 1, 1))
    assert assert_typed_pages_are_plain_offsets(client, index)[-1] == newest


def skip_query(client, url, offset):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    found = [q["sql"] for q in captured.captured_queries if f"OFFSET {offset}" in q["sql"]]
    assert len(found) == 1, found
    return found[0]


def test_the_skip_is_an_index_only_read_of_the_mirror(client, archive):
    """The keys of the row before a typed page come from the mirror's index alone: no
    read of the page or article tables; with the year filter too. A keyword filter is
    not in the mirror: its skip reads the articles, as before."""
    url = national().get_url()
    years = national().get_articles().values_list("date__year", flat=True)
    year = years.annotate(n=Count("pk")).order_by("-n")[0]
    assert national().get_articles().filter(date__year=year).count() > PER_PAGE
    for query in ("page=5", f"vuosi={year}&page=2"):
        offset = PER_PAGE * (int(query[-1]) - 1) - 1
        sql = skip_query(client, f"{url}?{query}", offset)
        assert "news_articlelisting" in sql
        assert "wagtailcore_page" not in sql and "news_newsarticlepage" not in sql
        with connection.cursor() as cursor:
            # A test archive is small enough for a scan and sort to win; what matters
            # is that the skip can be read from the index alone.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Index Only Scan using news_articlelisting_order" in plan, plan
        assert "Sort" not in plan
    keyword = NewsArticlePage.objects.filter(keywords__isnull=False).values_list(
        "keywords__slug", flat=True
    )[0]
    listing = national().get_articles().filter(keywords__slug=keyword)
    if listing.count() > PER_PAGE:
        sql = skip_query(client, f"{url}?asiasana={keyword}&page=2", PER_PAGE - 1)
        assert "news_articlelisting" not in sql


def test_api_offsets_skip_through_the_mirror_and_match_a_plain_offset(client, archive):
    """The API's news list, unfiltered or by language and dates, skips an offset through
    the mirror and gives the items of a plain OFFSET: never a draft, an expired or a
    restricted article; a keyword filter skips through the list itself."""
    finnish = national().get_articles()
    ids = list(finnish.values_list("pk", flat=True))
    draft, expired, restricted = ids[3], ids[9], ids[15]
    Page.objects.filter(pk=draft).update(live=False)
    Page.objects.filter(pk=expired).update(expire_at="2000-01-01T00:00Z")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=restricted), restriction_type=PageViewRestriction.LOGIN
    )
    since = NewsArticlePage.objects.get(pk=ids[len(ids) // 2]).date
    cases = {
        "": NewsArticlePage.objects.all(),
        "&locale=fi": NewsArticlePage.objects.filter(locale__language_code="fi"),
        f"&locale=fi&published_after={since}": NewsArticlePage.objects.filter(
            locale__language_code="fi", date__gte=since
        ),
    }
    for query, articles in cases.items():
        expected = list(visible(articles).order_by("-date", "-pk").values_list("pk", flat=True))
        assert not {draft, expired, restricted} & set(expected)
        for offset in range(1, len(expected) + 2, 3):
            body = client.get(f"/api/v3/news/?limit=3&offset={offset}&fields=date{query}").json()
            assert [item["id"] for item in body["items"]] == expected[offset : offset + 3]
        sql = skip_query(client, f"/api/v3/news/?limit=3&offset=10{query}", 9)
        assert "news_articlelisting" in sql and "news_newsarticlepage" not in sql
    keyword = NewsArticlePage.objects.filter(keywords__isnull=False).values_list(
        "keywords__slug", flat=True
    )[0]
    sql = skip_query(client, f"/api/v3/news/?limit=1&offset=3&keyword={keyword}", 2)
    assert "news_articlelisting" not in sql
