"""ETag, Cache-Control and 304s; a publish is seen at once, also across processes sharing Redis."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage

from .factories import NewsArticlePageFactory, publish

ROOT = Path(__file__).resolve().parent.parent


def news_titles(response):
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/api/v3/news/", "/api/v3/events/?upcoming=true", "/api/v3/pages/", "/feeds/fi/news.rss"],
)
def test_conditional_get_is_304(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"')
    assert "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


@pytest.mark.django_db
def test_requests_with_credentials_are_not_cached(client):
    response = client.get("/api/v3/news/", HTTP_AUTHORIZATION="Bearer nonsense")
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_publish_unpublish_and_move_invalidate(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    before = client.get("/api/v3/news/", {"limit": 100})
    article = NewsArticlePageFactory(parent=index, title="Tuore uutinen", live=False)
    assert "Tuore uutinen" not in news_titles(client.get("/api/v3/news/", {"limit": 100}))
    publish(article)
    after = client.get("/api/v3/news/", {"limit": 100}, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Tuore uutinen" in news_titles(after)
    # moving it under a region's listing changes its URL at once
    region_index = NewsIndexPage(title="Kainuun uutiset", slug="kainuun-uutiset")
    demo_site.get_descendants().get(slug="kainuu").add_child(instance=region_index)
    old_url = client.get(f"/api/v3/news/{article.pk}/").json()["meta"]["html_url"]
    article.move(region_index, pos="last-child")
    new_url = client.get(f"/api/v3/news/{article.pk}/").json()["meta"]["html_url"]
    assert new_url != old_url and "kainuun-uutiset" in new_url
    NewsArticlePage.objects.get(pk=article.pk).unpublish()
    assert "Tuore uutinen" not in news_titles(client.get("/api/v3/news/", {"limit": 100}))
    assert client.get(f"/api/v3/news/{article.pk}/").status_code == 404


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=["https://kumppani.example"])
def test_cors_for_listed_origins_only(client):
    url = "/api/v3/news/"
    allowed = client.get(url, HTTP_ORIGIN="https://kumppani.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://kumppani.example"
    # a cached response (hit) still answers CORS per origin
    other = client.get(url, HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    feed = client.get("/feeds/fi/news.atom", HTTP_ORIGIN="https://kumppani.example")
    assert feed["Access-Control-Allow-Origin"] == "https://kumppani.example"
    preflight = client.options(
        url,
        HTTP_ORIGIN="https://kumppani.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://kumppani.example"


# --- two app processes sharing Redis -------------------------------------------------

SERVER = """
import os, sys
import django
django.setup()
from django.core.wsgi import get_wsgi_application
from wsgiref.simple_server import make_server, WSGIRequestHandler
class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass
server = make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), handler_class=Quiet)
server.serve_forever()
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port, path, etag=None):
    # Both processes sit behind one public host name, as behind a load balancer.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "kumppanuus.example"}
    )
    if etag:
        request.add_header("If-None-Match", etag)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def redis_cache(redis_url):
    prefix = f"kump-test-{uuid.uuid4().hex[:8]}"
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    with override_settings(CACHES=caches):
        yield redis_url, prefix


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Database access without a wrapping transaction, so the server processes see
    what this test writes. No flush afterwards (the shared demo content stays): the
    test removes what it created."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def two_servers(committed_db, redis_cache):
    redis_url, prefix = redis_cache
    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}/"
        f"{settings_dict['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
    }
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen([sys.executable, "-c", SERVER, str(port)], cwd=ROOT, env=env)
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 60
        for port in ports:
            while True:
                try:
                    _get(port, "/api/v3/news/?limit=1")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def test_publish_is_seen_by_every_process_sharing_redis(two_servers, request):
    """Committed data, two wsgiref processes and this one (the "admin") sharing Redis."""
    a, b = two_servers
    path = "/api/v3/news/?limit=100&locale=fi"
    status, headers, body = _get(a, path)
    assert status == 200 and headers["X-Cache"] == "miss"
    etag = headers["ETag"]
    # process B answers from the cache process A filled
    status, headers, _ = _get(b, path, etag=etag)
    assert status == 304 and headers["X-Cache"] == "hit"

    home = HomePage.objects.get(locale__language_code="fi")
    index = home.get_children().get(slug="uutiset").specific
    article = NewsArticlePageFactory(parent=index, title="Kahden prosessin uutinen", live=False)
    request.addfinalizer(article.delete)
    publish(article)  # in this process: like an editor publishing in the admin
    status, headers, body = _get(b, path, etag=etag)
    assert status == 200
    assert "Kahden prosessin uutinen" in body.decode()
    assert headers["ETag"] != etag
    status, _, body = _get(a, path, etag=etag)
    assert status == 200 and "Kahden prosessin uutinen" in body.decode()

    article.unpublish()
    status, _, body = _get(a, path)
    assert "Kahden prosessin uutinen" not in body.decode()
