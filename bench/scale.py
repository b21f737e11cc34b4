"""`make bench`: our search, API and listings against stock Wagtail, at two archive sizes.

Creates a throwaway PostgreSQL database (``test_<PGDATABASE_NAME>``; the Makefile
uses ``kumppanuus_bench``, never a test database), loads the demo, then for each
size (``BENCH_ARTICLES // 10`` and ``BENCH_ARTICLES``, default 10,000):

1. grows the synthetic archive in bulk (``bench/corpus.py``) and builds the
   search index once (``manage.py rebuild_search_index``, the search app's public
   interface), and stock Wagtail's database index with ``SEARCH_CONFIG = "finnish"``
   over the same articles;
2. measures, each request ``BENCH_REPEAT`` times (default 15), median and 95th
   percentile in milliseconds and the SQL query count:

   - ``search``: ``search.query.search_pages`` plus the first ten pages, against
     stock ``modelsearch`` database search (``finnish``) plus its first ten;
   - ``api``: our ``/api/v3/news/`` list, filtered list, detail and search against
     Wagtail's own ``/api/v3/pages/`` for the same data, cold (cache cleared before
     every request) and warm (the same request again: ours from our response cache,
     stock, served without that middleware as stock Wagtail is, its own repeat);
   - ``html``, cold: the Finnish news index page 1 and page 500 (or the last page),
     the keyword filter and page, a region's news index, a region page, the events index.

It prints a table (ratios against stock, page 500 against page 1, and growth
from the small to the large size) and writes ``bench/results.json``: a list of
objects with ``name``, ``kind`` (search, api, html, index), ``articles``,
``p50_ms``, ``p95_ms``, ``queries``, ``stock_p95_ms`` and ``ratio_vs_stock``
(null where there is no stock counterpart), plus ``growth`` (p95 at this size
over p95 at the small size) on the large size's rows.

Timings depend on the machine and its load: read the ratios (one run, same
machine, same data). They are printed, never asserted by the test suite.

``BENCH_KEEP=1`` keeps the database and a copy taken at the tenth size
(``test_<name>_tenth``), each with its article count and stock index time in
the database comment; ``BENCH_BUILD_ONLY=1`` builds and keeps them (corpus and
stock index) without our index or measurements; ``BENCH_REUSE=1`` measures the
kept databases again: ``migrate``, our index rebuilt, no corpus, no stock index.
"""

import html
import json
import os
import platform
import re
import subprocess
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
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench import timing  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
MIN_REPEAT = min(REPEAT, 5)
ROW_SECONDS = float(os.environ.get("BENCH_ROW_SECONDS", "20"))
KEEP = os.environ.get("BENCH_KEEP")
REUSE = os.environ.get("BENCH_REUSE")
BUILD_ONLY = os.environ.get("BENCH_BUILD_ONLY")
RESULTS = ROOT / "bench" / "results.json"
#: stock Wagtail's middleware: ours without our response cache
STOCK_MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "api.caching.PublicCacheMiddleware"]
QUERIES = {
    "one word": "avustus",
    "common word": "sote",
    "multi-word": "järjestöjen yhteistyö hyvinvointialueella",
}


def measure(function, repeat=REPEAT, before=None):
    """``bench.timing.measure`` with this run's knobs: ``BENCH_REPEAT`` runs, or fewer
    (never under ``MIN_REPEAT``) once the runs took ``BENCH_ROW_SECONDS``."""
    return timing.measure(function, repeat, before, MIN_REPEAT, ROW_SECONDS)


class Bench:
    def __init__(self):
        self.results = []
        self.stock_seconds = 0.0
        self.stock_after = 0
        self.client = Client()
        self.stock_client = Client()

    def row(self, name, kind, articles, ours, stock=None):
        p50, p95, queries = ours
        row = {
            "name": name,
            "kind": kind,
            "articles": articles,
            "p50_ms": round(p50, 2),
            "p95_ms": round(p95, 2),
            "queries": queries,
            "stock_p95_ms": round(stock[1], 2) if stock else None,
            "ratio_vs_stock": round(p95 / stock[1], 3) if stock and stock[1] else None,
        }
        if stock:
            row["stock_queries"] = stock[2]
        self.results.append(row)
        return row

    # -- building -------------------------------------------------------------------------

    def build(self, corpus, size):
        """Grow the archive to ``size`` and build stock Wagtail's index over it (the parts
        that do not depend on our code; ``BENCH_REUSE`` skips them on a kept database)."""
        start = time.perf_counter()
        added = corpus.grow(size)
        grown = time.perf_counter() - start
        start = time.perf_counter()
        indexed, self.stock_after = stock_index(self.stock_after)
        self.stock_seconds += time.perf_counter() - start
        print(
            f"\n== {size} articles: {added} created in {grown:.1f} s; stock finnish index "
            f"+{indexed} articles in {time.perf_counter() - start:.1f} s "
            f"({self.stock_seconds:.1f} s for all {size}); {peak_memory()}",
            flush=True,
        )
        return self.stock_seconds

    def index(self, size, stock_seconds):
        """Rebuild our search index (the search app's public interface) and record it
        next to stock's index build time over the same articles."""
        start = time.perf_counter()
        call_command("rebuild_search_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
        ours = (time.perf_counter() - start) * 1000
        stock = stock_seconds * 1000 if stock_seconds is not None else None
        print(
            f"== {size} articles: search index rebuilt in {ours / 1000:.1f} s; {peak_memory()}",
            flush=True,
        )
        cache.clear()
        # The state autovacuum keeps a live database in: statistics, and the visibility
        # map that index-only reads (a typed page number's skip) rely on. A kept database
        # copied as a template starts with neither, and no activity counters that would
        # wake autovacuum.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.row(
            "rebuild_search_index (full)",
            "index",
            size,
            (ours, ours, 0),
            (stock, stock, 0) if stock is not None else None,
        )

    # -- measuring ------------------------------------------------------------------------

    def search(self, size):
        from news.models import NewsArticlePage
        from search.query import search_pages

        backend = stock_backend()
        for label, query in QUERIES.items():

            def ours(query=query):
                results = search_pages(query, language="fi")
                list(results[:10])

            def stock(query=query):
                found = backend.search(query, NewsArticlePage.objects.live())
                list(found[:10])

            ours()
            stock()  # warm up both (connections, analysis caches)
            self.row(f"search “{query}” ({label})", "search", size, measure(ours), measure(stock))

    def get(self, path):
        response = self.client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
        return response

    def stock_get(self, path):
        """``path`` as stock Wagtail serves it: without our response cache
        (``api.caching.PublicCacheMiddleware``), which stock does not have."""
        with override_settings(MIDDLEWARE=STOCK_MIDDLEWARE):
            response = self.stock_client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    def api(self, size):
        """Cold: the shared cache cleared before every request, on both sides. Warm: the
        same request again; ours is answered from our response cache, stock's (which has
        none) is its own repeated request, with its process and database caches warm."""
        from news.models import Keyword, NewsArticlePage

        article = NewsArticlePage.objects.live().filter(locale__language_code="fi").first()
        keyword = Keyword.objects.get(name="mielenterveys")
        stock_list = "/api/v3/pages/?type=news.NewsArticlePage&fields=date,lead&limit=20"
        pairs = [
            ("list", "/api/v3/news/?limit=20", stock_list),
            (
                "filtered list (fi, keyword)",
                f"/api/v3/news/?limit=20&locale=fi&keyword={keyword.slug}",
                f"{stock_list}&locale=fi",
            ),
            ("list offset 5000", "/api/v3/news/?limit=20&offset=5000", f"{stock_list}&offset=5000"),
            (
                "list item 5000 by cursor",
                self.next_link("/api/v3/news/?limit=20&offset=4980") if size > 5000 else "",
                f"{stock_list}&offset=5000",
            ),
            ("detail", f"/api/v3/news/{article.pk}/", f"/api/v3/pages/{article.pk}/"),
            ("search “sote”", "/api/v3/news/?search=sote&locale=fi&limit=20", None),
        ]
        for label, ours_path, stock_path in pairs:
            if not ours_path or ("offset=5000" in ours_path and size <= 5000):
                continue
            for state, before in (("cold", cache.clear), ("warm", None)):
                self.get(ours_path)  # warm: cached now; cold: cleared before each request
                ours = measure(lambda p=ours_path: self.get(p), before=before)
                stock = None
                if stock_path:
                    self.stock_get(stock_path)
                    stock = measure(lambda p=stock_path: self.stock_get(p), before=before)
                self.row(f"api {label}, {state}", "api", size, ours, stock)

    def next_link(self, path):
        """The "next" link of the page at ``path`` (HTML rel="next" or the API's ``next``)."""
        response = self.get(path)
        if path.startswith("/api/"):
            return response.json()["next"]
        found = re.search(r'rel="next" href="([^"]+)"', response.content.decode())
        return path.split("?")[0] + html.unescape(found.group(1)) if found else None

    def html(self, size):
        """Each page cold: the shared cache (and with it the public page cache) is
        cleared before every request, so the page is rendered, not read from the cache."""
        from news.models import NewsArticlePage

        articles = NewsArticlePage.objects.live().filter(locale__language_code="fi").count()
        last = max(1, -(-articles // 10))
        far = min(500, last)
        follow = self.next_link(f"/fi/uutiset/?page={far - 1}") if far > 1 else None
        paths = [
            ("news page 1", "/fi/uutiset/"),
            (f"news page {far} (next link)", follow),
            (f"news page {far} (typed ?page=)", f"/fi/uutiset/?page={far}"),
            ("news keyword filter", "/fi/uutiset/?asiasana=mielenterveys"),
            ("keyword page", "/fi/asiasanat/mielenterveys/"),
            ("region news index", "/fi/alueet/pohjois-karjala/uutiset/"),
            ("region page", "/fi/alueet/pohjois-karjala/"),
            ("events index", "/fi/tapahtumat/"),
        ]
        for label, path in paths:
            if path is None:
                continue
            self.get(path)
            self.row(
                f"html {label}",
                "html",
                size,
                measure(lambda p=path: self.get(p), before=cache.clear),
            )

    # -- report ---------------------------------------------------------------------------

    def report(self, sizes):
        small, large = sizes

        def key(row):
            return re.sub(r"page \d\d+", "page N", row["name"])

        by_key = {(key(r), r["articles"]): r for r in self.results}
        for row in self.results:
            if row["articles"] != large or row["kind"] == "index":
                continue
            before = by_key.get((key(row), small))
            if before and before["p95_ms"]:
                row["growth"] = round(row["p95_ms"] / before["p95_ms"], 2)
        header = (
            f"{'request':<58} {'articles':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
            f"{'stock p95':>9} {'x stock':>7} {'growth':>6}"
        )
        print("\n" + header + "\n" + "-" * len(header))
        for row in self.results:
            stock = f"{row['stock_p95_ms']:.1f}" if row["stock_p95_ms"] is not None else ""
            ratio = f"{row['ratio_vs_stock']:.2f}" if row["ratio_vs_stock"] is not None else ""
            growth = f"{row['growth']:.2f}" if row.get("growth") is not None else ""
            print(
                f"{row['name'][:58]:<58} {row['articles']:>8} {row['p50_ms']:>8.1f} "
                f"{row['p95_ms']:>8.1f} {row['queries']:>7} {stock:>9} {ratio:>7} {growth:>6}"
            )
        for size in sizes:
            rows = [r for r in self.results if r["articles"] == size and r["kind"] == "html"]
            first = next((r for r in rows if r["name"] == "html news page 1"), None)
            for far in rows:
                if first and re.match(r"html news page \d\d+", far["name"]):
                    far["ratio_vs_page1"] = round(far["p95_ms"] / first["p95_ms"], 2)
                    print(
                        f"{size} articles: {far['name'][10:]} / page 1 p95 = "
                        f"{far['ratio_vs_page1']:.2f}"
                    )
        RESULTS.write_text(json.dumps(self.results, indent=2, ensure_ascii=False) + "\n")
        print(f"\nwrote {RESULTS.relative_to(ROOT)}; machine: {machine()}")


def stock_backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend("modelsearch.backends.database", SEARCH_CONFIG="finnish")


def stock_index(after=0):
    """Add every live article with a primary key above ``after`` to stock Wagtail's
    database index (``finnish``), in batches of 1,000 through the backend's bulk
    ``add_items``; returns (how many, the highest primary key indexed).

    The tenth-size pass indexes the first articles (``after=0``: all, the demo's too),
    the full-size pass the ones added since (the corpus only appends): the stock time
    reported at the full size is the sum of both, a build over all of them.
    """
    from news.models import NewsArticlePage

    index = stock_backend().get_index_for_model(NewsArticlePage)
    queryset = NewsArticlePage.objects.live().prefetch_related("keywords").order_by("pk")
    ids = list(queryset.filter(pk__gt=after).values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        index.add_items(NewsArticlePage, list(queryset.filter(pk__in=ids[start : start + 1000])))
    return len(ids), max(ids, default=after)


def peak_memory():
    """This process's peak resident memory and the database size, for the phase lines."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    return f"peak RSS {peak:.0f} MB, database {size}"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        server = subprocess.run(
            ["psql", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        server = ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = f"PostgreSQL {cursor.fetchone()[0]}"
    return f"{os.cpu_count()} cores ({cpu}), {server}, Python {platform.python_version()}"


def main():
    if connection.vendor != "postgresql":
        sys.exit("make bench needs PostgreSQL (bin/with-postgres).")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    full = f"test_{old_name}"[:63]
    tenth = f"{full[:57]}_tenth"
    keep = bool(KEEP or BUILD_ONLY or REUSE)
    started = time.perf_counter()
    if REUSE:
        missing = [name for name in (tenth, full) if database_info(name) is None]
        if missing:
            sys.exit(
                f"BENCH_REUSE: no kept database {', '.join(missing)}; "
                "build one first with BENCH_KEEP=1 (or BENCH_BUILD_ONLY=1)."
            )
        run_reused(tenth, full, started)
        return
    connection.settings_dict.setdefault("TEST", {})["NAME"] = full
    print(f"Creating the database {full} (migrations) ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    print(f"phase migrate: {time.perf_counter() - started:.0f} s", flush=True)
    try:
        run(tenth if keep else None, full, started)
    finally:
        if keep:
            print(f"kept the databases {tenth} ({ARTICLES // 10}) and {full} ({ARTICLES})")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def run(tenth, full, started):
    """A fresh run: demo, then per size the corpus and stock index, our index, the
    measurements. With ``tenth`` (the databases are kept), the database is copied to
    ``tenth`` once it holds the tenth-size corpus and its stock index, so that
    ``BENCH_REUSE`` can measure both sizes again."""
    from bench.corpus import Corpus
    from demo.loader import DemoLoader

    phase = time.perf_counter()
    DemoLoader().run()
    print(f"phase demo load: {time.perf_counter() - phase:.0f} s", flush=True)
    corpus = Corpus()
    sizes = (max(1, ARTICLES // 10), ARTICLES)
    bench = Bench()
    for size in sizes:
        stock_seconds = bench.build(corpus, size)
        if tenth:
            record(full, {"articles": size, "stock_index_s": round(stock_seconds, 1)})
            if size != sizes[-1]:
                phase = time.perf_counter()
                copy_database(full, tenth)
                print(f"copied to {tenth} in {time.perf_counter() - phase:.0f} s", flush=True)
        if BUILD_ONLY:
            continue
        bench.index(size, stock_seconds)
        measure_all(bench, size, started)
    if not BUILD_ONLY:
        bench.report(sizes)
    print(f"total {time.perf_counter() - started:.0f} s; {peak_memory()}")


def run_reused(tenth, full, started):
    """``BENCH_REUSE``: the kept databases already hold the corpus and stock's index
    (neither depends on our code). Per size: ``migrate`` (our code may have new
    migrations), rebuild our search index, measure."""
    bench = Bench()
    sizes = []
    for name in (tenth, full):
        use_database(name)
        phase = time.perf_counter()
        migrate_without_indexing()
        print(f"{name}: phase migrate {time.perf_counter() - phase:.0f} s", flush=True)
        info = database_info(name)
        size = info.get("articles") or bench_articles()
        sizes.append(size)
        bench.index(size, info.get("stock_index_s"))
        measure_all(bench, size, started)
    bench.report(sizes)
    print(f"total {time.perf_counter() - started:.0f} s; {peak_memory()}")


def migrate_without_indexing():
    """``migrate``, without the search app's post-migrate indexing of the pages missing
    from our index: on a kept database that is every article (its index is not kept
    up to date), and ``Bench.index`` rebuilds the whole index right after, timed."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    import search.apps

    handler = getattr(search.apps, "index_missing_after_migrate", None)
    sender = apps.get_app_config("search")
    if handler:
        post_migrate.disconnect(handler, sender=sender)
    try:
        call_command("migrate", verbosity=0, interactive=False)
    finally:
        if handler:
            post_migrate.connect(handler, sender=sender)


def measure_all(bench, size, started):
    for kind in ("search", "api", "html"):
        phase = time.perf_counter()
        getattr(bench, kind)(size)
        print(f"phase {kind} ({size}): {time.perf_counter() - phase:.0f} s", flush=True)
    print(f"measured {size} articles at {time.perf_counter() - started:.0f} s", flush=True)


def bench_articles():
    from news.models import NewsArticlePage

    return NewsArticlePage.objects.filter(slug__startswith="bench-").count()


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def database_info(name):
    """What a kept database holds (its comment, written by ``record``); None if missing."""
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0] or "{}")
    except ValueError:
        return {}


def record(name, info):
    with connection.cursor() as cursor:
        cursor.execute(
            f"COMMENT ON DATABASE {connection.ops.quote_name(name)} IS {quote(json.dumps(info))}"
        )


def copy_database(source, target):
    """``target`` becomes a copy of ``source`` (PostgreSQL's template copy: seconds)."""
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(target)}")
        cursor.execute(
            f"CREATE DATABASE {connection.ops.quote_name(target)} "
            f"TEMPLATE {connection.ops.quote_name(source)}"
        )
    info = database_info(source)
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            f"COMMENT ON DATABASE {connection.ops.quote_name(target)} IS {quote(json.dumps(info))}"
        )


def use_database(name):
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    cache.clear()


if __name__ == "__main__":
    main()
