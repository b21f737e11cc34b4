"""Search benchmarks (`make bench`): indexing throughput and query latency.

Runs in a throwaway database (created and dropped here, like `search_eval`):
loads the demo content, adds BENCH_PAGES synthetic Finnish articles made by
shuffling the demo's sentences, then times

- indexing: ``index_page`` per page (analysis + writing the page's index row);
- queries through ``search_pages`` (the public search's code path), median and
  95th percentile over BENCH_REPEAT runs, including a 50,000-character query;
- title autocomplete.

Numbers depend on the machine; they are printed, never asserted.
"""

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

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from demo.loader import DemoLoader  # noqa: E402
from news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from search.analysis import analyzer_for  # noqa: E402
from search.index import index_page  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.query import search_pages  # noqa: E402
from search.views import autocomplete_titles  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "300"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
QUERIES = [
    "sote-keskus",
    "avustus",
    "järjestöjen yhteistyö hyvinvointialueella",
    "Joensuu",
    "sosiaali- ja terveysministeriö",
    "' OR 1=1--",
    "järjestöavustus " * 3_200,  # about 50,000 characters
]


def timed(function, repeat=REPEAT):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def build_corpus():

    DemoLoader().run()
    sentences = []
    for text in SearchEntry.objects.filter(language="fi").values_list("text", flat=True):
        sentences += [s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()]
    rng = random.Random(6)
    parent = NewsIndexPage.objects.filter(locale__language_code="fi").first()
    pages = []
    for number in range(PAGES):
        body = " ".join(rng.choice(sentences) for _ in range(12))
        page = NewsArticlePage(
            title=f"Synteettinen uutinen {number}: {rng.choice(sentences)[:80]}",
            date=timezone.localdate(),
            body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def main():
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{old_name}_bench_{os.getpid()}"[
            :63
        ]
    print(f"Creating a throwaway {connection.vendor} database (migrations) ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run():
    start = time.perf_counter()
    pages = build_corpus()
    build_seconds = time.perf_counter() - start
    entries = SearchEntry.objects.count()
    print(f"database: {connection.vendor}; Finnish analysis: {analyzer_for('fi').description}")
    print(
        f"corpus: {entries} indexed pages ({PAGES} synthetic), "
        f"built and published in {build_seconds:.1f} s"
    )
    sample = pages[: min(50, len(pages))]
    start = time.perf_counter()
    for page in sample:
        index_page(page)
    per_page = (time.perf_counter() - start) * 1000 / max(1, len(sample))
    print(f"index_page: {per_page:.1f} ms per page (mean over {len(sample)} pages)")
    print(f"{'query':<45} {'results':>7} {'median ms':>10} {'p95 ms':>8}")
    for query in QUERIES:
        count = len(search_pages(query, language="fi"))

        def run_query(query=query):
            results = search_pages(query, language="fi")
            list(results[:10])

        median, p95 = timed(run_query)
        label = query if len(query) < 40 else f"{query[:20]}… ({len(query)} chars)"
        print(f"{label:<45} {count:>7} {median:>10.1f} {p95:>8.1f}")
    median, p95 = timed(lambda: autocomplete_titles("sote", "fi"))
    print(f"{'autocomplete “sote”':<45} {'':>7} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
