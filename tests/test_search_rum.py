"""PostgreSQL search re-ranks a bounded pool of candidates: by default tiers of the
pages matching every word, each read newest first (the title and keywords, then
the lead, then the whole text; the head tiers from the whole archive), or the best
by the RUM index's distance (``SEARCH_POSTGRES_POOL = "rum"``). Both give the same
visible pages in the same order (every word before some), with the same number of
queries; an old page whose title holds every word is never crowded out by newer
pages that mention the words in their text; ``manage.py check`` says which pool runs."""

import datetime
import importlib

import pytest
from django.core import checks
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import NewsArticlePage, NewsIndexPage
from search import engine
from search.analysis import analyzer_for
from search.query import search_pages, visible_pages
from tests.factories import add_news, publish

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


@pytest.fixture
def with_rum(db):
    """The RUM index present (made in the test's transaction if the migration could
    not); skipped only where the extension truly cannot be created."""
    if not engine.rum_installed():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
                cursor.execute(
                    f"CREATE INDEX {engine.RUM_INDEX} ON search_searchentry "
                    "USING rum (vector rum_tsvector_ops)"
                )
        except DatabaseError as exc:
            pytest.skip(f"the rum extension cannot be created here: {exc}")
        engine.forget_rum()
    assert engine.rum_installed()
    yield
    engine.forget_rum()


@pytest.fixture
def without_rum(db):
    """The RUM index absent (dropped in the test's transaction, rolled back after)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {engine.RUM_INDEX}")
    engine.forget_rum()
    assert not engine.rum_installed()
    yield
    engine.forget_rum()


def words_of(text):
    return engine.query_words(analyzer_for("fi").analyze_query(text))


def plan_of(text, language=None, *, sort=True, pool=None, bitmap=False):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = on")
        cursor.execute("SET LOCAL enable_indexscan = on")
        if not sort:
            # Sorting a handful of rows is cheap; at scale, sorting every match is what
            # the index's order avoids. The query's shape must let the index give it.
            cursor.execute("SET LOCAL enable_sort = off")
        if bitmap:
            cursor.execute("SET LOCAL enable_indexscan = off")  # the tiers' own indexes
        cursor.execute("ANALYZE search_searchentry")  # as autovacuum does in production
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: no sequential scan
        # Every language: on a table this small the language index would be cheaper.
        return engine.PostgresEngine().explain(words_of(text), language, pool=pool)


@postgres_only
def test_plan_reads_the_best_matches_from_the_rum_index(demo_site, with_rum):
    plan = plan_of("avustus", sort=False, pool="rum")
    assert engine.RUM_INDEX in plan, plan
    assert "Order By: (vector <=>" in plan, plan  # top-k by distance from the index


@postgres_only
def test_tiered_plan_reads_every_tier_from_an_index(demo_site, without_rum):
    plan = plan_of("järjestöjen yhteistyö")
    assert "Seq Scan on search_searchentry" not in plan, plan
    # Newest first: a tier can stop after its share (no sort of every match).
    assert "search_entry_language_recent" in plan_of("järjestöjen yhteistyö", "fi", sort=False)
    # The title/keyword and lead tiers have their own indexes (migration 0004): the
    # engine's expressions are the indexed ones.
    bitmap = plan_of("järjestöjen yhteistyö", bitmap=True)
    assert engine.HEAD_INDEX in bitmap, bitmap
    assert engine.LEAD_INDEX in bitmap, bitmap
    assert engine.GIN_INDEX in bitmap, bitmap
    # The title tiers read the narrow head columns (migration 0005), never the whole
    # vector unpacked row by row.
    assert "Index Cond: (head @@" in bitmap, bitmap
    assert "Index Cond: (lead @@" in bitmap, bitmap
    assert "ts_filter" not in bitmap and "ts_filter" not in plan, plan


@postgres_only
def test_a_tier_checks_pages_before_it_is_full(demo_site, without_rum, monkeypatch):
    """The newest title matches are hidden (restricted, expired): the title tier skips
    them and still takes the visible old page, which comes first."""
    news_index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    monkeypatch.setattr(engine, "TIER_POOL", 1)
    old = add(news_index, "Majava ja lumiaura", "Talven tarinoita.", days_ago=3000)
    restricted = add(news_index, "Suljettu: majava ja lumiaura")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = add(news_index, "Vanhentunut: majava ja lumiaura", days_ago=1)
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    newer = [
        add(news_index, f"Kuulumisia {n}", "Majava ja lumiaura mainittiin kokouksessa.", days_ago=n)
        for n in range(2, 6)
    ]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
    words, pages = words_of("majava lumiaura"), visible_pages(None, "fi")
    for pool in ("tiered", "exhaustive"):
        # A window of one: a pool of one per tier.
        first = engine.PostgresEngine().rank(words, "fi", pages, 0, 1, pool=pool)
        assert [pk for pk, _score in first] == [old.pk], pool
        found = {pk for pk, _score in engine.PostgresEngine().rank(words, "fi", pages, pool=pool)}
        assert found == {old.pk, *(page.pk for page in newer)}, pool


def head_of(page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT head::text, lead::text, head = strip(ts_filter(vector, '{a}')), "
            "lead = strip(ts_filter(vector, '{a,b}')) FROM search_searchentry WHERE page_id = %s",
            [page.pk],
        )
        row = cursor.fetchone()
    return (
        None
        if row is None
        else (
            set(row[0].replace("'", "").split()),
            set(row[1].replace("'", "").split()),
            row[2],
            row[3],
        )
    )


@postgres_only
def test_head_columns_follow_publishing(demo_site, without_rum):
    """The head columns hold the title (and keyword) terms, and with the lead: the
    same terms as the vector's A and A+B labels; a new revision changes them and
    unpublishing removes them, and the title tiers find exactly that."""
    news_index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    page = NewsArticlePage(
        title="Majava",
        lead="Lumiaura saapui.",
        date=timezone.localdate(),
        body=[{"type": "paragraph", "value": "<p>Kettu katseli.</p>"}],
    )
    news_index.add_child(instance=page)
    publish(page)
    head, lead, same_head, same_lead = head_of(page)
    assert "majava" in head and "lumiaura" not in head and "kettu" not in head
    assert {"majava", "lumiaura"} <= lead and "kettu" not in lead
    assert same_head and same_lead
    assert ranked("majava") == [page.pk]

    page.title = "Saukko"
    publish(page)
    head, lead, same_head, same_lead = head_of(page)
    assert "saukko" in head and "majava" not in head and "majava" not in lead
    assert same_head and same_lead
    assert ranked("majava") == [] and ranked("saukko") == [page.pk]

    page.unpublish()
    assert head_of(page) is None
    assert ranked("saukko") == [] and ranked("kettu") == []


@postgres_only
def test_migration_fills_the_head_columns_from_the_vector(demo_site):
    """Migration 0005 fills the head columns of existing entries in SQL, the same as
    indexing writes them, and leaves the indexes as they were."""
    migration = importlib.import_module("search.migrations.0005_head_columns")
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, head::text, lead::text FROM search_searchentry")
        written = sorted(cursor.fetchall())
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'"
        )
        indexes = sorted(cursor.fetchall())
        cursor.execute("UPDATE search_searchentry SET head = NULL, lead = NULL")
    assert written and all(head for _pk, head, _lead in written)
    with connection.schema_editor() as editor:
        migration.forwards(None, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, head::text, lead::text FROM search_searchentry")
        assert sorted(cursor.fetchall()) == written
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'"
        )
        assert sorted(cursor.fetchall()) == indexes


@postgres_only
def test_rum_pool_for_one_word_tiered_for_several(demo_site, with_rum, settings):
    assert engine.pool_mode(words_of("avustus")) == "tiered"  # the default
    settings.SEARCH_POSTGRES_RUM = True
    assert engine.pool_mode(words_of("avustus")) == "rum"
    assert engine.pool_mode(words_of("järjestöjen yhteistyö")) == "tiered"
    assert "<=>" not in plan_of("järjestöjen yhteistyö")
    settings.SEARCH_POSTGRES_RUM = False
    assert engine.pool_mode(words_of("avustus")) == "tiered"


@postgres_only
def test_tiered_pool_is_used_without_rum(demo_site, without_rum, settings):
    settings.SEARCH_POSTGRES_RUM = True
    assert engine.pool_mode(words_of("avustus")) == "tiered"
    assert "<=>" not in plan_of("avustus")


add = add_news


@pytest.fixture
def corpus(news_index):
    """Pages with all, some or none of the words of "majava lumiaura",
    recent and old, visible and hidden."""
    pages = {
        "both old": add(news_index, "Majava ja lumiaura", days_ago=900),
        "both body": add(news_index, "Talven kokous", "Majava osti lumiauran.", days_ago=30),
        "one title": add(news_index, "Majava kokoontuu", days_ago=5),
        "one recent": add(news_index, "Uusi lumiaura", days_ago=1),
        "one body": add(news_index, "Kuulumisia", "Majavan kokous oli pitkä.", days_ago=60),
        "none": add(news_index, "Kesäjuhlat", "Ei mitään tekemistä hakusanojen kanssa."),
    }
    draft = add(news_index, "Luonnos: majava ja lumiaura", live=False)
    restricted = add(news_index, "Suljettu: majava ja lumiaura")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = add(news_index, "Vanhentunut: majava ja lumiaura")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(1))
    return pages, {draft.pk, restricted.pk, expired.pk}


def ranked(query):
    return [page.pk for page in search_pages(query, language="fi")]


@pytest.mark.parametrize("path", ["rum", "tiered"])
def test_both_paths_rank_visible_pages_every_word_before_some(corpus, settings, path):
    pages, hidden = corpus
    settings.SEARCH_POSTGRES_RUM = path == "rum"
    if path == "rum" and connection.vendor == "postgresql" and not engine.rum_installed():
        pytest.skip("no RUM index in this database")
    found = ranked("majava lumiaura")
    both = {pages["both old"].pk, pages["both body"].pk}
    some = {pages["one title"].pk, pages["one recent"].pk, pages["one body"].pk}
    assert set(found) == both | some
    assert not hidden & set(found)
    assert set(found[:2]) == both  # every word before some


@postgres_only
def test_rum_and_tiered_give_the_same_results(corpus, with_rum, settings):
    results = {}
    for use in (True, False):
        settings.SEARCH_POSTGRES_RUM = use
        results[use] = [
            ranked(q) for q in ("majava lumiaura", "lumiaura", "sote-keskus", "järjestö")
        ]
    assert results[True] == results[False]
    assert all(results[True])


@pytest.mark.parametrize("path", ["rum", "tiered"])
def test_an_old_page_with_every_word_in_its_title_is_not_crowded_out(
    news_index, settings, monkeypatch, path
):
    """More newer pages mention both words in their text than the pool takes from
    that tier; the old page with both in its title still comes first."""
    settings.SEARCH_POSTGRES_RUM = path == "rum"
    if path == "rum" and connection.vendor == "postgresql" and not engine.rum_installed():
        pytest.skip("no RUM index in this database")
    monkeypatch.setattr(engine, "TIER_POOL", 3)
    monkeypatch.setattr(engine, "RUM_POOL", 3)
    old = add(news_index, "Majava ja lumiaura", "Talven tarinoita.", days_ago=3000)
    newer = [
        add(news_index, f"Kuulumisia {n}", "Majava ja lumiaura mainittiin kokouksessa.", days_ago=n)
        for n in range(8)
    ]
    found = ranked("majava lumiaura")
    assert found[0] == old.pk
    assert set(found[1:]) <= {page.pk for page in newer}


@postgres_only
def test_a_window_past_the_pool_is_served(corpus, without_rum, monkeypatch):
    pages, _hidden = corpus
    monkeypatch.setattr(engine, "TIER_POOL", 1)
    assert len(search_pages("lumiaura", language="fi")[:3]) == 3  # the window grows the pool
    assert len(search_pages("majava lumiaura", language="fi")[:5]) == 5


@postgres_only
@pytest.mark.parametrize("path", ["rum", "tiered"])
def test_a_search_costs_the_same_bounded_queries_on_both_paths(
    corpus, with_rum, settings, django_assert_num_queries, path
):
    settings.SEARCH_POSTGRES_RUM = path == "rum"
    list(search_pages("majava lumiaura", language="fi")[:10])  # warm
    # The view restrictions (Wagtail's public()), the ranking (pool, idf and
    # score in one statement), the pages, their specific rows.
    with django_assert_num_queries(4):
        results = search_pages("majava lumiaura", language="fi")
        assert len(results[:10]) == 5


@postgres_only
def test_check_says_which_pool_search_uses(demo_site, with_rum, settings):
    ids = [message.id for message in checks.run_checks() if message.id.startswith("search.I")]
    assert ids == ["search.I002"]  # the tiered pool by default
    settings.SEARCH_POSTGRES_RUM = True
    ids = [message.id for message in checks.run_checks() if message.id.startswith("search.I")]
    assert ids == ["search.I001"]
    settings.SEARCH_POSTGRES_RUM = False
    ids = [message.id for message in checks.run_checks() if message.id.startswith("search.I")]
    assert ids == ["search.I002"]


@postgres_only
def test_check_reports_the_tiered_pool_when_rum_is_missing(demo_site, without_rum, settings):
    settings.SEARCH_POSTGRES_RUM = True
    ids = [message.id for message in checks.run_checks() if message.id.startswith("search.I")]
    assert ids == ["search.I002"]
