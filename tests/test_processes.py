"""Real processes: two gunicorn instances on one PostgreSQL, with and without Redis.

Each configuration starts two app servers with the production app-server
configuration (config/gunicorn.py, one gthread worker each) on the test
database, both behind one public host name as behind a proxy, and a third
process for the scheduled-publishing job (``manage.py publish_scheduled``). With
Redis, the cache is a ``redis-server`` the tests start and stop themselves
(``redis_url`` in conftest); without, the database cache every process shares.

A publish through the admin of instance A, or by the management command, is
visible through instance B on its very next request, in the HTML listing, the
API, the RSS feed and the sitemap; an unpublish in A is gone from B at once.
The settings are the test settings (their password hasher matches the demo
users'; the production static storage needs collectstatic, which `make bench`
exercises through bin/serve).
"""

import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from home.models import HomePage
from news.models import NewsArticlePage

from .factories import NewsArticlePageFactory

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
HOST = "kumppanuus.example"
SURFACES = {
    "html": "/fi/uutiset/",
    "api": "/api/v3/news/?limit=100&locale=fi",
    "feed": "/feeds/fi/news.rss",
    "sitemap": "/sitemap.xml",
}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def public_get(port, path):
    """An anonymous visitor: no cookies, the public host name."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class Admin:
    """An editor's browser on one instance: logs in and posts admin forms."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _token(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path, data):
        token = self._token(self.get(path))
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()

    def login(self, username="admin", password="kumppanuus-demo"):  # noqa: S107
        _, url, _ = self.post("/admin/login/", {"username": username, "password": password})
        assert "/admin/login/" not in url, "admin login failed"

    def publish(self, page):
        self.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", {})

    def unpublish(self, page):
        self.post(f"/admin/pages/{page.pk}/unpublish/", {})


@pytest.mark.django_db
def test_workers_warm_up_before_taking_requests():
    """What gunicorn's post_worker_init runs: the analysers of every language are
    loaded (Voikko's dictionary for Finnish), so a worker's first search is not slow.

    (Also, as this module's one test with the django_db mark, it makes pytest-django
    create the test database for the process tests below.)"""
    from config.warmup import warm_up
    from search.analysis import registry

    registry.reset()
    warm_up()
    assert {"fi", "sv", "en"} <= set(registry._analyzers)


def _database_url():
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


@pytest.fixture(params=["redis", "database"])
def cache_env(request, django_db_setup, django_db_blocker):
    """The cache every process (these servers, the command, this test) shares."""
    assert connection.settings_dict["NAME"].startswith("test_"), (
        "run the whole module: its django_db test makes pytest-django set up the test database"
    )
    if request.param == "redis":
        redis_url = request.getfixturevalue("redis_url")
        prefix = f"kump-h13a-{uuid.uuid4().hex[:8]}"
        caches = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": prefix,
                "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            }
        }
        with override_settings(CACHES=caches), django_db_blocker.unblock():
            from django.core.cache import cache

            yield {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix}
            cache.delete_pattern("*")
    else:
        # The servers share the database cache (the test settings' own is per-process).
        database = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "kumppanuus_cache",
            }
        }
        with override_settings(CACHES=database), django_db_blocker.unblock():
            call_command("createcachetable")
            yield {
                "REDIS_URL": "",
                "CACHE_KEY_PREFIX": f"kump-h13a-{uuid.uuid4().hex[:8]}",
                "TEST_DATABASE_CACHE": "1",
            }


@pytest.fixture
def environment(cache_env):
    env = {
        **os.environ,
        **cache_env,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
        "LOG_LEVEL": "WARNING",
    }
    if not cache_env["REDIS_URL"]:
        env.pop("REDIS_URL")
    return env


@pytest.fixture
def two_instances(environment):
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [str(GUNICORN), "-c", "config/gunicorn.py", "config.wsgi:application"],
            cwd=ROOT,
            env={**environment, "BIND": f"127.0.0.1:{port}"},
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 120
        for port in ports:
            while True:
                try:
                    if public_get(port, "/api/v3/news/?limit=1")[0] == 200:
                        break
                except OSError:
                    pass
                assert all(p.poll() is None for p in processes), "gunicorn exited"
                assert time.monotonic() < deadline, "gunicorn did not answer in 120 s"
                time.sleep(0.5)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _draft(title, request):
    home = HomePage.objects.get(locale__language_code="fi")
    index = home.get_children().get(slug="uutiset").specific
    article = NewsArticlePageFactory(parent=index, title=title, live=False)
    article.save_revision()
    request.addfinalizer(lambda: NewsArticlePage.objects.filter(pk=article.pk).delete())
    return article


def _seen_everywhere(port, article):
    """Which public surfaces of the instance show the article (title or address)."""
    seen = set()
    for name, path in SURFACES.items():
        status, _, body = public_get(port, path)
        assert status == 200, (name, status)
        if article.title in body or f"/{article.slug}/" in body:
            seen.add(name)
    return seen


def test_a_publish_in_one_process_is_seen_by_the_others(two_instances, environment, request):
    a, b = two_instances
    first = _draft("Prosessien välinen uutinen", request)
    second = _draft("Ajastettu prosessiuutinen", request)

    # B has every surface in its cache (a second read is a hit) without the drafts
    assert _seen_everywhere(b, first) == set()
    for name, path in SURFACES.items():
        assert public_get(b, path)[1].get("X-Cache") == "hit", name

    # an editor publishes through the admin of instance A ...
    editor = Admin(a)
    editor.login()
    editor.publish(first)
    assert NewsArticlePage.objects.get(pk=first.pk).live
    # ... and B's very next request shows it, everywhere
    assert _seen_everywhere(b, first) == set(SURFACES)
    article_url = NewsArticlePage.objects.get(pk=first.pk).url
    assert public_get(b, article_url)[0] == 200

    # the scheduled-publishing job, a third process, publishes the second one
    revision = second.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
    revision.save(update_fields=["approved_go_live_at"])
    assert _seen_everywhere(b, second) == set()
    subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=120,
    )
    assert _seen_everywhere(b, second) == set(SURFACES)
    assert _seen_everywhere(a, second) == set(SURFACES)

    # an unpublish in A is gone from B at once, the page's own address included
    public_get(b, article_url)
    assert public_get(b, article_url)[1].get("X-Cache") == "hit"
    editor.unpublish(first)
    assert _seen_everywhere(b, first) == set()
    assert public_get(b, article_url)[0] == 404
