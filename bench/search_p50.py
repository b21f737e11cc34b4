"""Quick search latency check (not `make bench`): p50/p95 of ``search_pages`` at
BENCH_PAGES synthetic Finnish articles, in a throwaway database.

    DJANGO_SETTINGS_MODULE=config.settings.test bin/with-postgres \
        .venv/bin/python bench/search_p50.py
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/search_p50.py

Pages are created live without revisions (signals off), then indexed once with
``search.index.rebuild``; the rebuild time is printed too.
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

PAGES = int(os.environ.get("BENCH_PAGES", "3000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
QUERIES = {
    "one-word": "avustus",
    "common-word": "järjestö",
    "3-word": "järjestöjen yhteistyö hyvinvointialueella",
}


def build():
    from wagtail.models import Locale, Page

    from news.models import NewsArticlePage, NewsIndexPage

    passages = Path(
        os.environ.get("BENCH_PASSAGES", ROOT.parent / "shared/eval/fi-search/passages.jsonl")
    )
    import json

    sentences = []
    for line in passages.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            sentences += [s.strip() + "." for s in text.split(". ") if len(s.strip()) > 20]
    locale, _ = Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    index = root.add_child(instance=NewsIndexPage(title="Uutiset", slug="bench", locale=locale))
    rng = random.Random(6)
    for number in range(PAGES):
        body = " ".join(rng.choice(sentences) for _ in range(10))
        index.add_child(
            instance=NewsArticlePage(
                title=f"Uutinen {number}: {rng.choice(sentences)[:70]}",
                slug=f"u-{number}",
                locale=locale,
                live=True,
                first_published_at=timezone.now(),
                date=timezone.localdate(),
                lead=rng.choice(sentences),
                body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
            )
        )


def timed(function):
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def run():
    from search import index
    from search.query import search_pages

    start = time.perf_counter()
    build()
    print(f"{connection.vendor}: {PAGES} pages created in {time.perf_counter() - start:.0f} s")
    start = time.perf_counter()
    index.rebuild()
    seconds = time.perf_counter() - start
    print(f"rebuild: {seconds:.1f} s ({PAGES / seconds:.0f} pages/s)")
    print(f"{'kind':<12} {'query':<45} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, query in QUERIES.items():
        hits = len(search_pages(query, language="fi"))
        p50, p95 = timed(lambda q=query: list(search_pages(q, language="fi")[:10]))
        print(f"{kind:<12} {query:<45} {hits:>6} {p50:>8.1f} {p95:>8.1f}")


def main():
    from django.db.models.signals import post_save
    from modelsearch import index as model_index
    from modelsearch.signal_handlers import post_save_signal_handler

    for model in model_index.get_indexed_models():  # build fast; the index is built once
        post_save.disconnect(post_save_signal_handler, sender=model)
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite":
        test = connection.settings_dict.setdefault("TEST", {})
        test["NAME"] = f"{old_name}_qbench_{os.getpid()}"[:63]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
