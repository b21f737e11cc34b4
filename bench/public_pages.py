"""Public page benchmarks: server time and SQL queries per page kind.

Usage (on a database with the demo content, e.g. after `make run` or a test run
with --reuse-db):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> \\
        .venv/bin/python bench/public_pages.py

Renders each page kind through Django's test client (no network, no browser),
BENCH_REPEAT times, and prints the median and 95th percentile in milliseconds
and the number of SQL queries of one request. Numbers depend on the machine;
they are printed, never asserted. The query count is the figure to watch: it
must not grow with the number of cards on a listing.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
URLS = [
    ("home", "/fi/"),
    ("news index", "/fi/uutiset/"),
    ("news index, filtered", "/fi/uutiset/?alue=pohjois-pohjanmaa&vuosi=2020"),
    ("article", "/fi/uutiset/miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla/"),
    ("events index", "/fi/tapahtumat/"),
    ("event (tour)", "/fi/tapahtumat/maakuntien-jarjestopaiva-kiertue/"),
    ("region index", "/fi/alueet/"),
    ("region page", "/fi/alueet/pohjois-karjala/"),
    ("keyword page", "/fi/asiasanat/sote-uudistus/"),
    ("404", "/fi/ei-tallaista-sivua/"),
]


def main():
    client = Client()
    print(f"{'page':<24}{'status':>7}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
    for name, url in URLS:
        client.get(url)  # warm caches and templates
        settings.DEBUG = True  # only to count this one request's queries
        reset_queries()
        status = client.get(url).status_code
        queries = len(connection.queries)
        settings.DEBUG = False
        samples = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
        print(f"{name:<24}{status:>7}{statistics.median(samples):>11.1f}{p95:>9.1f}{queries:>9}")


if __name__ == "__main__":
    main()
