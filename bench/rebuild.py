"""Search indexing at scale: a full rebuild and the index update on publishing.

Creates a throwaway PostgreSQL database (``test_<PGDATABASE_NAME>``), loads the
demo, grows the synthetic archive to ``BENCH_ARTICLES`` (default 10,000) news
articles with ``bench/corpus.py`` (as ``bench/scale.py`` does), then:

1. times ``manage.py rebuild_search_index`` (its progress lines on stderr-free
   stdout), printing pages/s, and the number of SQL queries it made;
2. times the index update of publishing one page at that size: the
   ``page_published`` handler (``search.signals.on_page_published``) on
   ``BENCH_REPEAT`` (default 30) different articles, median and 95th percentile
   in ms and its query count; and one real ``revision.publish()``, counting the
   queries that touch our index and Wagtail's own index table (which must be 0).

With ``BENCH_KEEP=1`` the database is kept, and a later run with the same
``PGDATABASE_NAME`` reuses it (the archive only grows to the new size), so a
second measurement at 100,000 does not pay for the corpus again.

    PGDATABASE_NAME=kbench_idx BENCH_KEEP=1 BENCH_ARTICLES=10000 \
      DJANGO_SETTINGS_MODULE=config.settings.test \
      bin/with-postgres .venv/bin/python bench/rebuild.py

Timings depend on the machine and its load; they are printed, never asserted by
the tests (``tests/test_search_rebuild.py`` pins query counts instead).
"""

import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))


def percentile(samples, share):
    samples = sorted(samples)
    return samples[min(len(samples) - 1, max(0, round(len(samples) * share) - 1))]


class Tee(io.TextIOBase):
    """The command's progress lines go to the terminal as they come."""

    def write(self, text):
        sys.stdout.write(text)
        sys.stdout.flush()
        return len(text)


def database_exists(name):
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def open_database():
    """Use the kept database when there is one (BENCH_KEEP), else create it."""
    old_name = connection.settings_dict["NAME"]
    name = f"test_{old_name}"[:63]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    if os.environ.get("BENCH_KEEP") and database_exists(name):
        connection.close()
        connection.settings_dict["NAME"] = name
        from home.models import HomePage

        if HomePage.objects.exists():
            print(f"Reusing the database {name}", flush=True)
            return old_name, False
    print(f"Creating the database {name} (migrations) ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    from demo.loader import DemoLoader

    DemoLoader().run()
    return old_name, True


def rebuild():
    from search.models import SearchEntry

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        start = time.perf_counter()
        call_command("rebuild_search_index", stdout=Tee())
        seconds = time.perf_counter() - start
    pages = SearchEntry.objects.count()
    print(
        f"rebuild_search_index: {pages} pages in {seconds:.1f} s = {pages / seconds:.0f} pages/s, "
        f"{queries} queries ({queries / max(pages, 1):.3f} per page)",
        flush=True,
    )
    return pages, seconds, queries


def publish_update():
    """p50/p95 and queries of the publish-time index update of one article."""
    from news.models import NewsArticlePage
    from search import signals

    ids = list(
        NewsArticlePage.objects.live()
        .filter(slug__startswith="bench-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chosen = random.Random(14).sample(ids, min(REPEAT, len(ids)))
    samples, queries = [], 0
    for pk in chosen:
        page = NewsArticlePage.objects.get(pk=pk)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            signals.on_page_published(NewsArticlePage, instance=page)
            samples.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
    print(
        f"index update on publish (page_published handler, {len(samples)} articles): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {queries} queries",
        flush=True,
    )
    return p50, p95, queries


def real_publish():
    """One editor's publish: its queries on our index and on Wagtail's index table."""
    from news.models import NewsArticlePage

    page = NewsArticlePage.objects.live().filter(slug__startswith="bench-").last()
    page.lead = f"{page.lead} Päivitetty."
    revision = page.save_revision()
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        revision.publish()
        ms = (time.perf_counter() - start) * 1000
    ours = sum("search_searchentry" in q["sql"] for q in captured)
    wagtail = sum("wagtailsearch_indexentry" in q["sql"] for q in captured)
    print(
        f"revision.publish() of one article: {ms:.1f} ms, {len(captured)} queries, "
        f"{ours} on search_searchentry, {wagtail} on wagtailsearch_indexentry",
        flush=True,
    )


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/rebuild.py needs PostgreSQL (bin/with-postgres).")
    from bench.corpus import Corpus

    old_name, created = open_database()
    try:
        start = time.perf_counter()
        added = Corpus().grow(ARTICLES)
        print(f"{added} articles added in {time.perf_counter() - start:.1f} s", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        publish_update()
        real_publish()
    finally:
        if not os.environ.get("BENCH_KEEP"):
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
