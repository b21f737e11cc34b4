"""Load run (`make bench`): the production server under 20 clients, page cache on and off.

Starts gunicorn with the production settings and config/gunicorn.py exactly as
`make serve` does (bin/serve), on 127.0.0.1 only, against a copy of the embedded
SQLite database with the demo content, and stops it afterwards. Three servers in
turn, from one run:

- ``page cache``: this branch's defaults (database cache, anonymous page cache on);
- ``no page cache``: the same with ``PAGE_CACHE=off`` (every page rendered);
- ``before``: what main had: a per-process local-memory cache, no page cache.

For home, article, event, news index, search page and API list: *cold* is one
client, each request right after an invalidation (a publish), BENCH_LOAD_COLD
requests; *warm* is BENCH_LOAD_CLIENTS clients (20) for BENCH_LOAD_SECONDS (5)
each, after one request has filled the cache. Then a soak: 20 clients for
BENCH_LOAD_SOAK seconds (60) on the mix of all six against the page-cached server,
which must answer every request (no error, no 5xx). Numbers depend on the machine;
they are printed, never asserted.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = Path(sys.executable)
GUNICORN = PY.with_name("gunicorn")
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "5"))
SOAK = float(os.environ.get("BENCH_LOAD_SOAK", "60"))
COLD = int(os.environ.get("BENCH_LOAD_COLD", "5"))
WORKERS = os.environ.get("BENCH_LOAD_WORKERS", str(min(2 * (os.cpu_count() or 1), 8)))

LOCMEM_SETTINGS = """
from config.settings.production import *
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PUBLIC_PAGE_CACHE = False
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(tmp):
    """A database with the demo content and collected static files, as bin/serve makes."""
    db = tmp / "db.sqlite3"
    source = ROOT / "db.sqlite3"
    if source.exists():  # `make serve`'s database: migrated, with the demo (much faster)
        subprocess.run(
            ["sqlite3", str(source), f".backup '{db}'"], check=False, capture_output=True
        )
        if not db.exists():
            shutil.copy(source, db)
    env = base_env(tmp)
    manage = [str(PY), "manage.py"]
    for command in (["migrate", "--noinput"], ["createcachetable"], ["load_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    (tmp / "bench_locmem_settings.py").write_text(LOCMEM_SETTINGS)
    return env


def base_env(tmp):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        SECRET_KEY="bench-" + os.urandom(16).hex(),
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        API_RATE_LIMIT="off",  # one client address: the per-IP limit would answer 429
        STATIC_ROOT=str(ROOT / "var" / "static"),
        MEDIA_ROOT=str(ROOT / "var" / "media"),
        PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]),
        LOG_LEVEL="ERROR",
        WEB_CONCURRENCY=WORKERS,
    )
    return env


class Server:
    def __init__(self, env, **extra):
        self.port = free_port()
        self.env = {**env, **extra, "BIND": f"127.0.0.1:{self.port}"}

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "config/gunicorn.py", "config.wsgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/api/v3/news/?limit=1")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)


def get(port, path, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        if own:
            connection.close()


def invalidate(env):
    """A publish, as far as the cache is concerned: a new generation in the shared cache
    (this process uses the servers' settings and database: see main)."""
    from api.caching import reset

    reset()


def pick_urls(port):
    def first_url(api_path):
        _, body = get(port, api_path)
        url = json.loads(body)["items"][0]["meta"]["html_url"]
        return "/" + url.split("/", 3)[3]

    return {
        "home": "/fi/",
        "article": first_url("/api/v3/news/?limit=1&locale=fi"),
        "event": first_url("/api/v3/events/?limit=1&locale=fi"),
        "news index": "/fi/uutiset/",
        "search": "/fi/haku/?q=avustus",
        "API list": "/api/v3/news/?limit=20",
    }


def percentile(samples, fraction):
    samples = sorted(samples)
    return samples[min(len(samples) - 1, int(len(samples) * fraction))]


def summary(latencies, seconds, errors):
    if not latencies:
        return {"rps": 0.0, "p50": 0.0, "p95": 0.0, "n": 0, "errors": errors}
    return {
        "rps": len(latencies) / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "n": len(latencies),
        "errors": errors,
    }


def load(port, paths, seconds, clients=CLIENTS):
    """`clients` threads with keep-alive connections for `seconds`; paths in turn."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine, bad, index = [], 0, offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += 1
            start = time.perf_counter()
            try:
                status, _ = get(port, path, connection)
                if status != 200:
                    bad += 1
                    continue
                mine.append(time.perf_counter() - start)
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summary(latencies, time.monotonic() - started, errors[0])


def cold(port, path, env, shared):
    samples, errors = [], 0
    for _ in range(COLD if shared else 1):
        if shared:
            invalidate(env)
        start = time.perf_counter()
        status, _ = get(port, path)
        samples.append(time.perf_counter() - start)
        errors += status != 200
    return summary(samples, sum(samples), errors)


def measure(name, env, urls, shared, **extra):
    print(f"\n{name}: starting gunicorn ({WORKERS} workers)", flush=True)
    results = {}
    with Server(env, **extra) as server:
        urls = urls or pick_urls(server.port)
        for label, path in urls.items():
            cold_result = cold(server.port, path, env, shared)
            get(server.port, path)  # warm: the cache holds the page (filled once)
            results[label] = {"cold": cold_result, "warm": load(server.port, [path], SECONDS)}
            warm = results[label]["warm"]
            print(f"  {label:<11} warm {warm['rps']:7.1f} req/s", flush=True)
    return urls, results


def row(label, result):
    cold_, warm = result["cold"], result["warm"]
    return (
        f"{cold_['rps']:6.1f} {cold_['p50']:6.0f} {cold_['p95']:6.0f} | "
        f"{warm['rps']:7.1f} {warm['p50']:6.0f} {warm['p95']:6.0f}"
    )


def main():
    with tempfile.TemporaryDirectory(prefix="kumppanuus-load-") as directory:
        tmp = Path(directory)
        print("Preparing the database (demo content) and static files ...", flush=True)
        env = prepare(tmp)
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        urls, cached = measure("page cache (database cache)", env, None, True)
        _, uncached = measure("no page cache (database cache)", env, urls, True, PAGE_CACHE="off")
        _, before = measure(
            "before: local-memory cache, no page cache",
            env,
            urls,
            False,
            DJANGO_SETTINGS_MODULE="bench_locmem_settings",
        )
        print(f"\nsoak: {CLIENTS} clients for {SOAK:.0f} s on the mix, page cache on", flush=True)
        with Server(env) as server:
            soak = load(server.port, list(urls.values()), SOAK)

    print(
        f"\nLoad run: {CLIENTS} clients, {SECONDS:.0f} s warm per address, {COLD} cold "
        f"requests each (after an invalidation), gunicorn {WORKERS} workers x "
        f"{os.environ.get('GUNICORN_THREADS', 4)} threads, SQLite, {os.cpu_count()} cores"
    )
    header = "req/s  p50ms  p95ms |   req/s  p50ms  p95ms"
    print(f"{'':11} | {'cold':^21} | {'warm':^22} |")
    for name, results in (("page cache", cached), ("no page cache", uncached), ("before", before)):
        print(f"\n{name}\n{'address':11} | {header}")
        for label in urls:
            print(f"{label:11} | {row(label, results[label])}")
    print("\nwarm req/s, page cache on / off (same run):")
    for label in urls:
        on, off = cached[label]["warm"]["rps"], uncached[label]["warm"]["rps"]
        old = before[label]["warm"]["rps"]
        print(
            f"  {label:11} {on:8.1f} / {off:7.1f} = {on / off if off else float('inf'):6.1f} x"
            f"   (before, LocMem: {old:7.1f} req/s)"
        )
    errors = sum(r["warm"]["errors"] + r["cold"]["errors"] for r in cached.values())
    print(
        f"\nsoak: {soak['n']} requests, {soak['rps']:.1f} req/s, p50 {soak['p50']:.0f} ms, "
        f"p95 {soak['p95']:.0f} ms, errors {soak['errors']} (per-address runs: {errors})"
    )


if __name__ == "__main__":
    # Stopped from outside (SIGTERM): stop the server it started, too.
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(1))
    main()
