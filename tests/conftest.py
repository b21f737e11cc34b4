"""Shared fixtures.

The demo content is loaded once per test database (per xdist worker) and
committed, so every test starts from the site a newcomer sees after
`make run`; each test then runs in a transaction that is rolled back.
Avoid ``transactional_db``: its flush would empty the shared demo database
for every later test. A test whose writes other processes must see uses an
unblocked connection and removes what it created (see test_api_caching.py).
"""

import shutil
import socket
import subprocess
import time

import pytest

from demo.loader import DemoLoader


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        DemoLoader().run()
    yield
    with django_db_blocker.unblock():
        end_other_database_sessions()


def end_other_database_sessions():
    """End sessions left open by server threads and subprocesses (the browser tests'
    live server, the two-process cache test), so the test database can be dropped."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def demo_site(db):
    """The demo home page (loads the demo again if a flush removed it)."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        DemoLoader().run()
    return HomePage.objects.get(locale__language_code="fi")


@pytest.fixture(autouse=True)
def _clean_cache(request):
    """Each test starts from an empty cache, as it starts from a clean database.

    The public API/feed/page cache (api/caching.py) is invalidated by publish
    signals; tests that create pages directly (``live=True`` without
    publishing) would otherwise read another test's cached responses. Without
    REDIS_URL the cache is the database cache, so only a test that uses the
    database can read it (and only then is there anything to reset).
    """
    uses_db = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames
        for name in ("db", "transactional_db", "django_db_setup", "live_site", "demo_site")
    )
    if not uses_db:
        return
    from wagtail.models import Site

    from api.caching import reset

    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        reset()
        # Wagtail's site root paths (kept in the cache, cleared by a Site's signals):
        # a site a previous test made is gone with its rollback, signal-less, and a
        # page under its root would still resolve to it.
        Site.clear_site_root_paths_cache()


@pytest.fixture
def app_queries_only(settings):
    """Query budgets count the application's own database work: the shared cache is a
    process-local one for the test, since in production it is Redis (no SQL), while the
    test settings' database cache would add its look-ups and writes to every count."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(scope="module")
def bulk(django_db_setup, django_db_blocker):
    """At least 60 news and 24 events across regions, keywords, dates and locales
    (tests/bulk.py), committed for the module and removed afterwards."""
    from tests.bulk import build_bulk

    with django_db_blocker.unblock():
        data = build_bulk()
    yield data
    with django_db_blocker.unblock():
        data.remove()


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """Base URL of a real HTTP server (Django's own) on the test database."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()


@pytest.fixture(scope="session")
def redis_url():
    """A Redis the tests start and stop themselves: ``redis-server`` on a free port,
    keeping nothing on disk (the machine's own server is never touched). Without the
    ``redis-server`` program (``apt install redis-server``) the tests that need it skip."""
    program = shutil.which("redis-server")
    if program is None:
        pytest.skip("needs redis-server (apt install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                assert server.poll() is None, "redis-server exited"
                assert time.monotonic() < deadline, "redis-server did not answer in 10 s"
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(10)
