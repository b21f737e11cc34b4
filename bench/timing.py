"""Timing one request or call, the same way in every benchmark.

``measure`` runs a function ``repeat`` times and returns its median and 95th
percentile in milliseconds and the SQL query count of the last run. With
``row_seconds`` it stops repeating once the runs took that long (after at least
``min_repeat``), so a request of seconds costs about ``row_seconds`` rather than
``repeat`` times its time; its p95 is then the maximum of fewer samples. Django
must be set up before calling it (the query count comes from the connection).
"""

import statistics
import time


def p95(samples):
    """The 95th percentile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]


def measure(function, repeat, before=None, min_repeat=None, row_seconds=None):
    """(p50 ms, p95 ms, queries of the last run) of ``function``; ``before`` runs
    untimed ahead of each run (e.g. clearing a cache for a cold request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    min_repeat = repeat if min_repeat is None else min(min_repeat, repeat)
    budget = time.perf_counter() + row_seconds if row_seconds is not None else None
    samples, queries = [], 0
    for run in range(repeat):
        if budget is not None and run >= min_repeat and time.perf_counter() > budget:
            break
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            function()
            samples.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(samples), p95(samples), queries
