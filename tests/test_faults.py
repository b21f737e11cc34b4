"""Faults survived: Redis and PostgreSQL stopped under a running app server (gunicorn).

The test starts its own ``redis-server`` and its own throwaway PostgreSQL cluster (the
machine's initdb/pg_ctl, as bin/with-postgres does; the machine's servers are never
touched), loads the demo into it and serves the site with gunicorn (2 workers). Then:

- Redis stopped: every page and API read still answers 200 from the database; after
  Redis is back the shared cache is used again (``X-Cache: hit``) by itself.
- PostgreSQL stopped: pages that need the database answer 503 with ``Retry-After`` (the
  trilingual page), cached anonymous pages and API answers still come from the shared
  cache, the API otherwise a 503 problem document, never a 500; within 5 s of
  the database coming back every URL answers 200 again.

The status counts during each outage and the seconds to recovery are printed.
"""

import collections
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
URLS = ["/fi/", "/fi/uutiset/", "/fi/alueet/pohjois-karjala/", "/api/v3/news/", "/api/v3/pages/"]
OUTAGE_SECONDS = 3
UNCACHED = "/fi/uutiset/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin():
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(f"{directory}/initdb", os.X_OK):
            return directory
    return None


def get(base, path, headers=None):
    request = urllib.request.Request(base + path, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(check, timeout, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


class Cluster:
    """A throwaway PostgreSQL cluster run as the postgres (or nobody) user when we are root."""

    def __init__(self, directory, port):
        self.bin, self.dir, self.port = pg_bin(), Path(directory), port
        self.run_as = []
        if os.geteuid() == 0:
            owner = "postgres"
            if subprocess.run(["id", owner], capture_output=True).returncode:
                owner = "nobody"
            shutil.chown(self.dir, owner)
            self.run_as = ["runuser", "-u", owner, "--"]

    def ctl(self, *args):
        command = [*self.run_as, f"{self.bin}/pg_ctl", "-D", str(self.dir / "data"), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def init(self):
        subprocess.run(
            [*self.run_as, f"{self.bin}/initdb", "-D", str(self.dir / "data"), "-U", "postgres"]
            + ["-A", "trust", "--no-sync"],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.ctl("-l", str(self.dir / "log"), "-w", "-o", options, "start")

    def stop(self):
        self.ctl("-m", "fast", "-w", "stop")


@pytest.fixture(scope="module")
def stack():
    if not pg_bin() or not shutil.which("redis-server"):
        pytest.skip("needs the machine's initdb/pg_ctl and redis-server")
    tmp = tempfile.mkdtemp(prefix="kumppanuus-faults-")
    os.chmod(tmp, 0o755)  # noqa: S103 (the cluster runs as another user)
    cluster = Cluster(tmp, free_port())
    redis_port, app_port = free_port(), free_port()
    processes = {}

    def start_redis():
        processes["redis"] = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        assert wait_for(lambda: _answers(redis_port), 10)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/kumppanuus",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DATABASE_CONN_MAX_AGE": "60",
    }
    try:
        cluster.init()
        cluster.start()
        subprocess.run(
            [*cluster.run_as, f"{cluster.bin}/createdb", "-h", "127.0.0.1"]
            + ["-p", str(cluster.port), "-U", "postgres", "kumppanuus"],
            check=True,
            timeout=60,
        )
        start_redis()
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput"], ["load_demo"]):
            subprocess.run(
                manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
            )
        processes["app"] = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
            + ["--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--threads", "2"]
            + ["--timeout", "60", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{app_port}"
        assert wait_for(lambda: _up(base), 120, step=0.5), "gunicorn did not start"
        yield {
            "base": base,
            "cluster": cluster,
            "start_redis": start_redis,
            "stop_redis": lambda: _stop(processes["redis"]),
        }
    finally:
        for process in processes.values():
            _stop(process)
        try:
            cluster.ctl("-m", "immediate", "stop")
        except Exception:  # noqa: BLE001, S110 - already stopped
            pass
        shutil.rmtree(tmp, ignore_errors=True)


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _up(base):
    try:
        return get(base, "/fi/")[0] == 200
    except OSError:
        return False


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def sweep(base, seconds):
    """Read every URL in turn for ``seconds``: status counts per kind, and the answers."""
    counts = collections.Counter()
    answers = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for url in URLS:
            status, headers, body = get(base, url)
            kind = "api" if url.startswith("/api/") else "html"
            counts[f"{kind} {status}"] += 1
            answers.append((url, status, headers, body))
        # A visitor with a session is never served from the page cache: the database.
        status, headers, body = get(base, UNCACHED, {"Cookie": "sessionid=outage"})
        counts[f"uncached {status}"] += 1
        answers.append(("uncached", status, headers, body))
    return counts, answers


def all_ok(base):
    return all(get(base, url)[0] == 200 for url in URLS)


def test_redis_down_every_page_answers_and_recovers(stack):
    base = stack["base"]
    assert all_ok(base)
    stack["stop_redis"]()
    counts, _ = sweep(base, OUTAGE_SECONDS)
    print(f"\nRedis down {OUTAGE_SECONDS} s: {dict(counts)}")
    assert set(counts) <= {"html 200", "api 200", "uncached 200"}, counts
    stack["start_redis"]()
    started = time.monotonic()

    def cache_used_again():
        get(base, "/api/v3/news/")
        return get(base, "/api/v3/news/")[1].get("X-Cache") == "hit"

    assert wait_for(cache_used_again, 30)
    print(f"Redis back: shared cache hit again after {time.monotonic() - started:.2f} s")
    assert all_ok(base)


def test_postgres_down_is_503_with_retry_after_and_recovers_within_5_s(stack):
    base, cluster = stack["base"], stack["cluster"]
    assert all_ok(base)
    cluster.stop()
    try:
        counts, answers = sweep(base, OUTAGE_SECONDS)
    finally:
        cluster.start()
    back = time.monotonic()
    recovered = wait_for(lambda: all_ok(base), 30, step=0.05)
    seconds = time.monotonic() - back
    print(f"\nPostgreSQL down {OUTAGE_SECONDS} s: {dict(counts)}")
    print(f"PostgreSQL back: every URL 200 after {seconds:.2f} s")
    assert not any(status >= 500 and status != 503 for _, status, _, _ in answers), counts
    # Anonymous pages the shared cache (Redis) holds are still served from it; every
    # page that needs the database is a 503.
    html = [a for a in answers if a[0] != "uncached" and not a[0].startswith("/api/")]
    assert all(a[1] == 503 or a[2].get("X-Cache") == "hit" for a in html), counts
    unavailable = [a for a in answers if a[0] == "uncached"]
    api_503 = [a for a in answers if a[0].startswith("/api/") and a[1] == 503]
    assert unavailable and all(status == 503 for _, status, _, _ in unavailable), counts
    for _, _, headers, body in unavailable[:3]:
        assert headers["Retry-After"].isdigit()
        assert "Palvelu on hetken poissa" in body.decode()
        assert "The service is temporarily unavailable" in body.decode()
    for _, _, headers, _body in api_503[:3]:
        assert headers["Content-Type"] == "application/problem+json"
        assert headers["Retry-After"].isdigit()
    assert recovered and seconds < 5
