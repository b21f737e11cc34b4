"""A full rebuild is the same index as publishing page by page, costs a number of
queries that does not grow with the pages, and publishing writes only our index
(Wagtail's own index is not updated on a page save).

On PostgreSQL a full rebuild loads a new table and swaps it in (``search.rebuild``):
pages published, changed or unpublished while it runs are neither lost nor leaked,
the indexes and constraints keep their names, search ranks the same, a second
rebuild at the same time stops with a clear message, and a failure leaves the index
as it was."""

import threading

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch import index as modelsearch_index
from wagtail.models import Page

from bench.corpus import Corpus
from news.models import NewsArticlePage, NewsIndexPage
from search import engine
from search import index as search_index
from search import rebuild as swap_rebuild
from search.models import SearchEntry
from search.query import search_pages
from tests.factories import publish

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the table swap is PostgreSQL's"
)

QUERIES = ["sote-keskus", "järjestöjen yhteistyö", "hyvinvointialueella", "avustus"]
ENTRY_FIELDS = [
    *("page_id", "language", "title", "title_key", "text", "date", "length"),
    *("vector", "head", "lead"),
]


def entries(ids):
    return {
        row["page_id"]: row
        for row in SearchEntry.objects.filter(page_id__in=ids).values(*ENTRY_FIELDS)
    }


def results(language="fi"):
    return {q: [page.pk for page in search_pages(q, language=language)] for q in QUERIES}


def bench_articles():
    return Page.objects.filter(slug__startswith="bench-")


@pytest.mark.django_db
def test_rebuild_gives_the_same_index_as_indexing_page_by_page(demo_site):
    Corpus().grow(60)  # articles in three languages with keywords and regions
    ids = list(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    for page in Page.objects.filter(pk__in=ids).specific():
        search_index.index_page(page)
    one_by_one, found = entries(ids), results()
    assert len(one_by_one) == len(ids) and any(found.values())

    SearchEntry.objects.all().delete()
    assert search_index.rebuild() == len(ids)
    assert entries(ids) == one_by_one
    assert results() == found


def rebuild_queries(count):
    Corpus().grow(count)
    with CaptureQueriesContext(connection) as captured:
        search_index.rebuild(bench_articles())
    assert SearchEntry.objects.filter(page__slug__startswith="bench-").count() == count
    return len(captured)


@pytest.mark.django_db
def test_rebuild_query_count_does_not_grow_with_the_pages(demo_site):
    small = rebuild_queries(50)
    large = rebuild_queries(150)
    assert large <= small + 2, (small, large)


@pytest.mark.django_db
def test_publishing_a_page_updates_only_our_index(demo_site, monkeypatch):
    calls = []
    original = modelsearch_index.insert_or_update_object

    def record(instance):
        calls.append(instance)
        return original(instance)

    monkeypatch.setattr(modelsearch_index, "insert_or_update_object", record)
    news_index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    page = NewsArticlePage(title="Kvanttikumppanuuden aamukahvit", lead="Järjestöt tapaavat.")
    news_index.add_child(instance=page)
    with CaptureQueriesContext(connection) as captured:
        publish(page)
    assert not [c for c in calls if isinstance(c, Page)]  # Wagtail's index task never ran
    assert not [q for q in captured if "wagtailsearch_indexentry" in q["sql"]]
    assert [q for q in captured if "search_searchentry" in q["sql"]]
    assert page.pk in [p.pk for p in search_pages("kvanttikumppanuus", language="fi")]


# --- the full rebuild's table swap (PostgreSQL) ------------------------------


def table_shape():
    """The index table's indexes, constraints and id sequence by name and definition,
    and whatever a rebuild could leave behind (tables, trigger)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s ORDER BY 1",
            [swap_rebuild.TABLE],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
            "WHERE conrelid = %s::regclass ORDER BY 1",
            [swap_rebuild.TABLE],
        )
        constraints = cursor.fetchall()
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [swap_rebuild.TABLE])
        sequence = cursor.fetchone()[0]
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relname IN (%s, %s)",
            [swap_rebuild.NEW_TABLE, swap_rebuild.CHANGES],
        )
        leftovers = cursor.fetchall()
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
            [swap_rebuild.TABLE],
        )
        leftovers += cursor.fetchall()
    return indexes, constraints, sequence, leftovers


def all_results():
    """Search results with each PostgreSQL pool (the tiered default, every match, and
    RUM where installed)."""
    found = {}
    pools = ("tiered", "exhaustive", *(("rum",) if engine.rum_installed() else ()))
    for pool in pools:
        for language in ("fi", "sv", "en"):
            for q in (*QUERIES, "samarbete", "cooperation"):
                ranked = engine.PostgresEngine().rank(
                    engine.query_words(search_index.analyzer_for(language).analyze_query(q)),
                    language,
                    Page.objects.live(),
                    pool=pool,
                )
                found[(pool, language, q)] = [pk for pk, _score in ranked]
    return found


@postgres_only
@pytest.mark.django_db
def test_a_rebuild_keeps_the_indexes_their_names_and_the_rankings(demo_site):
    Corpus().grow(60)
    search_index.rebuild()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {swap_rebuild.TABLE}")
    shape, found, before = table_shape(), all_results(), results()
    names = {name for name, _definition in shape[0]}
    assert {engine.GIN_INDEX, "search_entry_language_recent", "search_searchentry_pkey"} <= names
    assert {engine.HEAD_INDEX, engine.LEAD_INDEX} <= names  # on the head columns
    assert engine.rum_installed() == (engine.RUM_INDEX in names)
    assert shape[2] == "public.search_searchentry_id_seq" and not shape[3]
    assert any(found.values()) and any(before.values())

    assert search_index.rebuild() == Page.objects.live().filter(depth__gt=1).count()
    assert table_shape() == shape  # same names, definitions, validated constraints; no leftovers
    assert all_results() == found
    assert results() == before


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


@postgres_only
@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.django_db
def test_pages_published_changed_or_unpublished_during_a_rebuild_are_kept_right(
    news_index, workers
):
    Corpus().grow(20)
    changed, gone = NewsArticlePage.objects.live().filter(slug__startswith="bench-")[:2]
    fresh = NewsArticlePage(title="Kvanttikumppanuuden aamukahvit", lead="Järjestöt tapaavat.")
    news_index.add_child(instance=fresh)
    fresh.save_revision()  # a draft when the rebuild starts
    done_during = []

    def during(done, total):
        # Every page is in the new table by now, as it was when read: then an
        # editor publishes, changes and unpublishes (the signals write the live table).
        if done == total and not done_during:
            publish(fresh)
            changed.title = "Pulsaariyhteistyön iltapäivä"
            publish(changed)
            gone.unpublish()
            done_during.append(done)

    search_index.rebuild(progress=during, workers=workers)
    assert done_during
    assert search_pages("kvanttikumppanuus", language="fi")[0].pk == fresh.pk
    assert search_pages("pulsaariyhteistyö", language="fi")[0].pk == changed.pk
    assert SearchEntry.objects.get(page=changed).title == "Pulsaariyhteistyön iltapäivä"
    assert not SearchEntry.objects.filter(page=gone).exists()
    assert gone.pk not in [p.pk for p in search_pages(gone.title, language="fi")]
    live = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == live
    assert not table_shape()[3]  # the change log and its trigger are gone


def other_session():
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


@postgres_only
@pytest.mark.django_db
def test_a_second_rebuild_at_the_same_time_says_so_and_changes_nothing(demo_site):
    search_index.rebuild()
    shape, before = table_shape(), results()
    with other_session() as running:  # a rebuild in another process holds the lock
        running.execute("SELECT pg_advisory_lock(%s)", [swap_rebuild.LOCK_KEY])
        pid = running.info.backend_pid
        with pytest.raises(swap_rebuild.RebuildRunning, match=f"already running.*{pid}"):
            search_index.rebuild()
        with pytest.raises(CommandError, match="rebuild is already running"):
            call_command("rebuild_search_index", "--no-progress")
        assert table_shape() == shape and results() == before
    assert search_index.rebuild() > 0  # the first one done: the next one runs
    assert table_shape() == shape


@postgres_only
@pytest.mark.django_db
def test_a_rebuild_that_fails_half_way_leaves_the_index_and_is_cleaned_up_next_time(
    demo_site, monkeypatch
):
    search_index.rebuild()
    shape, before = table_shape(), results()

    def broken(indexes):
        raise RuntimeError("disk full")

    monkeypatch.setattr(swap_rebuild, "build_indexes", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        search_index.rebuild()
    assert table_shape() == shape and results() == before
    monkeypatch.undo()
    # A killed rebuild leaves its table and trigger: the next one drops them first.
    swap_rebuild.start_change_log()
    swap_rebuild.create_table()
    assert table_shape()[3]
    assert search_index.rebuild() > 0
    assert table_shape() == shape and results() == before


# --- the same as it runs in production ---------------------------------------
# Every step commits on its own, another session publishes while the new table
# loads, a failure drops the new table. On the committed demo database (no wrapping
# transaction, like tests/test_api_caching.py): the index ends as it was, and the
# page made here is deleted again. (The module's other tests use the database, so
# pytest-django creates it for this one too.)


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Database access without a wrapping transaction. No flush afterwards (the shared
    demo content stays): the test removes what it created."""
    with django_db_blocker.unblock():
        yield


def publish_in_another_session(page_id):
    """Publish a page from another thread, so with its own database connection."""
    errors = []

    def run():
        try:
            publish(NewsArticlePage.objects.get(pk=page_id))
        except Exception as exc:  # reported by the assert below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not errors


@postgres_only
def test_committed_rebuild_carries_over_a_publish_and_cleans_up_a_failure(
    committed_db, request, monkeypatch
):
    search_index.rebuild()
    shape, before = table_shape(), results()
    live = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == live

    def broken(indexes):
        raise RuntimeError("disk full")

    monkeypatch.setattr(swap_rebuild, "build_indexes", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        search_index.rebuild()
    assert table_shape() == shape and results() == before  # the new table was dropped
    monkeypatch.undo()

    news_index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    fresh = NewsArticlePage(title="Kvanttikumppanuuden aamukahvit", lead="Järjestöt tapaavat.")
    news_index.add_child(instance=fresh)
    fresh.save_revision()
    request.addfinalizer(lambda: Page.objects.filter(pk=fresh.pk).delete())
    published = []

    def during(done, total):
        if done == total and not published:  # every page read and loaded: then publish
            publish_in_another_session(fresh.pk)
            published.append(fresh.pk)

    search_index.rebuild(progress=during)
    assert published
    assert SearchEntry.objects.get(page_id=fresh.pk).title == fresh.title
    assert fresh.pk in [p.pk for p in search_pages("kvanttikumppanuus", language="fi")]
    assert table_shape() == shape
