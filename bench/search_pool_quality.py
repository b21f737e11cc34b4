"""How close the bounded search pool's top ten is to the exhaustive ranking, and its time.

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=postgres://.../test_kbench \
        .venv/bin/python bench/search_pool_quality.py [queries.tsv]

On a database that holds our index (PostgreSQL), for each query (the built-in list of
natural Finnish queries, plus the ``query`` column of each TSV given), ranks the
first ten Finnish results with every pool strategy of ``search.engine.PostgresEngine``
and with ``exhaustive`` (the re-rank of every match: the reference, slow) and
prints per strategy:

- ``overlap@10``: the share of the exhaustive top ten in the strategy's top ten;
- ``score@10``: the sum of the strategy's ten scores over the exhaustive ten's (the
  scores are the same function of a page whatever the pool, so this says how much
  worse the pages it shows are, 1.0 = as good);
- p50 / max ms of ``rank`` (``BENCH_REPEAT`` runs, default 5).

``BENCH_STRATEGIES`` (comma-separated) picks the strategies; ``BENCH_JSON`` writes the
per-query rows to that file.
"""

import csv
import json
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

from django.db import connection  # noqa: E402

from search import engine  # noqa: E402
from search.analysis import analyzer_for  # noqa: E402
from search.query import visible_pages  # noqa: E402

QUERIES = [
    "avustus",
    "sote",
    "järjestöjen yhteistyö hyvinvointialueella",
    "omaishoito",
    "sote järjestöt",
    "järjestö",
    "hyvinvointialue",
    "yhteistyö",
    "mielenterveys",
    "kumppanuus",
    "vertaistuki",
    "kuntoutus",
    "vapaaehtoistyö nuorten kanssa",
    "ikäihmisten yksinäisyys",
    "lasten ja perheiden palvelut",
    "päihdetyö ja mielenterveys",
    "digitalisaatio koulutus",
    "hankkeiden rahoitus",
    "kulttuuri ja liikunta",
    "maahanmuuttajien työllisyys",
    "järjestöavustukset hyvinvointialueelta",
    "sote-keskus",
]
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
STRATEGIES = os.environ.get("BENCH_STRATEGIES", "rum,tiered").split(",")


def queries():
    found = list(QUERIES)
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("query") and row["query"] not in found:
                    found.append(row["query"])
    return found


def timed(function):
    samples = []
    result = None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(samples), max(samples)


def main():
    if connection.vendor != "postgresql":
        sys.exit("search_pool_quality needs PostgreSQL")
    candidates = visible_pages(None, "fi")
    pg = engine.PostgresEngine()
    totals = {name: {"overlap": [], "score": [], "p50": [], "max": []} for name in STRATEGIES}
    rows = []
    for query in queries():
        words = engine.query_words(analyzer_for("fi").analyze_query(query))
        if not words:
            continue
        start = time.perf_counter()
        best = pg.rank(words, "fi", candidates, 0, 10, pool="exhaustive")
        exhaustive_ms = (time.perf_counter() - start) * 1000
        best_ids = {pk for pk, _ in best}
        best_sum = sum(score for _, score in best) or 1.0
        line = [f"{query[:40]:<40} exh {exhaustive_ms:7.0f} ms"]
        row = {"query": query, "exhaustive_ms": round(exhaustive_ms, 1)}
        for name in STRATEGIES:
            found, p50, worst = timed(
                lambda name=name, words=words: pg.rank(words, "fi", candidates, 0, 10, pool=name)
            )
            overlap = len(best_ids & {pk for pk, _ in found}) / max(1, len(best_ids))
            score = sum(s for _, s in found) / best_sum
            for key, value in (
                ("overlap", overlap),
                ("score", score),
                ("p50", p50),
                ("max", worst),
            ):
                totals[name][key].append(value)
            row[name] = {"overlap": overlap, "score": round(score, 4), "p50_ms": round(p50, 1)}
            line.append(f"| {name} {overlap:4.2f} {score:5.3f} {p50:6.0f} ms")
        rows.append(row)
        print(" ".join(line), flush=True)
    print(f"{len(rows)} queries; mean overlap@10, mean score@10, median / max of p50 ms:")
    for name, values in totals.items():
        print(
            f"  {name:<10} overlap@10 {statistics.mean(values['overlap']):.3f} "
            f"(min {min(values['overlap']):.2f}) score@10 {statistics.mean(values['score']):.4f} "
            f"(min {min(values['score']):.3f}) ms {statistics.median(values['p50']):.0f} / "
            f"{max(values['p50']):.0f}"
        )
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
