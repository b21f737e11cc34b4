"""Search only, at scale, against stock Wagtail (``finnish``), in a database kept between runs.

    PGDATABASE_NAME=kbench_rum BENCH_SIZES=10000 DJANGO_SETTINGS_MODULE=config.settings.test \
        bin/with-postgres .venv/bin/python bench/search_scale.py

Uses the database ``test_<PGDATABASE_NAME>`` (created with migrations when missing,
kept afterwards; ``BENCH_DROP=1`` drops it at the end). For each size of
``BENCH_SIZES`` (comma-separated, ascending; default ``10000``) it grows the
``bench/corpus.py`` archive to that size when it is smaller, indexes the new
articles (our index: ``search.index.index_missing``; stock Wagtail's
``finnish`` database index: the articles it lacks), runs ``ANALYZE``, then
measures ``search_pages`` plus its first ten pages against stock database search
plus its first ten, ``BENCH_REPEAT`` times (default 15), for each query of
``QUERIES``; on PostgreSQL both retrieval paths when RUM is installed (``rum``:
``SEARCH_POSTGRES_RUM = True``, one word from the RUM index; ``tiered``: the
default). Prints p50/p95 ms, the SQL query count and the ratio to stock, and writes
``bench/search_scale.json``.
``BENCH_BUILD_ONLY=1`` only builds. Growth between sizes is p95 at the larger size
over p95 at the smaller one.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench import timing  # noqa: E402

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000").split(",") if s.strip()]
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
RESULTS = ROOT / "bench" / "search_scale.json"
QUERIES = {
    "one word": "avustus",
    "common word": "sote",
    "multi-word": "järjestöjen yhteistyö hyvinvointialueella",
    "rare word": "omaishoito",
    "two common words": "sote järjestöt",
}


def measure(function, repeat=REPEAT):
    return timing.measure(function, repeat)


def stock_backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend("modelsearch.backends.database", SEARCH_CONFIG="finnish")


def stock_index_missing():
    """Add the live articles stock Wagtail's index lacks, in batches of 1,000."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from news.models import NewsArticlePage

    backend = stock_backend()
    index = backend.get_index_for_model(NewsArticlePage)
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    have = IndexEntry.objects.filter(content_type__in=[content_type]).values("object_id")
    queryset = (
        NewsArticlePage.objects.live()
        .exclude(pk__in=[int(x) for x in have.values_list("object_id", flat=True)])
        .prefetch_related("keywords")
        .order_by("pk")
    )
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        index.add_items(NewsArticlePage, list(queryset.filter(pk__in=ids[start : start + 1000])))
    return len(ids)


def build(size):
    from bench.corpus import Corpus
    from search.index import index_missing

    corpus = Corpus()
    start = time.perf_counter()
    added = corpus.grow(size)
    grown = time.perf_counter() - start
    start = time.perf_counter()
    ours = index_missing()
    indexed = time.perf_counter() - start
    start = time.perf_counter()
    stock = stock_index_missing()
    stocked = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"== {size} articles: {added} created in {grown:.0f} s, {ours} indexed in "
        f"{indexed:.0f} s, {stock} in stock's index in {stocked:.0f} s",
        flush=True,
    )


def paths():
    from search import engine

    rum_installed = getattr(engine, "rum_installed", None)
    if connection.vendor == "postgresql" and rum_installed and rum_installed():
        return [("rum", True), ("tiered", False)]
    return [(connection.vendor, True)]


def search_rows(size):
    from news.models import NewsArticlePage
    from search.query import search_pages

    backend = stock_backend()
    rows = []
    for label, query in QUERIES.items():

        def stock(query=query):
            list(backend.search(query, NewsArticlePage.objects.live())[:10])

        stock()
        stock_p50, stock_p95, stock_queries = measure(stock)
        for path, use_rum in paths():
            with override_settings(SEARCH_POSTGRES_RUM=use_rum):
                cache.clear()

                def ours(query=query):
                    list(search_pages(query, language="fi")[:10])

                ours()  # warm: connection, analysis, the idf statistics in the cache
                p50, p95, queries = measure(ours)
            row = {
                "query": query,
                "label": label,
                "path": path,
                "articles": size,
                "p50_ms": round(p50, 1),
                "p95_ms": round(p95, 1),
                "queries": queries,
                "stock_p50_ms": round(stock_p50, 1),
                "stock_p95_ms": round(stock_p95, 1),
                "stock_queries": stock_queries,
                "ratio_vs_stock": round(p95 / stock_p95, 3) if stock_p95 else None,
            }
            rows.append(row)
            print(
                f"{size:>7} {path:<6} {query[:42]:<42} p50 {p50:8.1f} p95 {p95:8.1f} ms "
                f"q {queries:>2} | stock p50 {stock_p50:8.1f} p95 {stock_p95:8.1f} "
                f"| x stock {row['ratio_vs_stock']}",
                flush=True,
            )
    return rows


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/search_scale.py needs PostgreSQL (bin/with-postgres).")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}"[:63]
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    from news.models import NewsIndexPage

    if not NewsIndexPage.objects.exists():
        from demo.loader import DemoLoader

        DemoLoader().run()
    rows = []
    try:
        for size in SIZES:
            build(size)
            if not os.environ.get("BENCH_BUILD_ONLY"):
                rows += search_rows(size)
    finally:
        if os.environ.get("BENCH_DROP"):
            connection.creation.destroy_test_db(old_name, verbosity=0)
    by_key = {(r["query"], r["path"], r["articles"]): r for r in rows}
    for row in rows:
        smaller = [s for s in SIZES if s < row["articles"]]
        if smaller:
            base = by_key.get((row["query"], row["path"], smaller[-1]))
            if base and base["p95_ms"]:
                row["growth"] = round(row["p95_ms"] / base["p95_ms"], 2)
                print(f"growth {row['path']} {row['query']}: {row['growth']}")
    RESULTS.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
