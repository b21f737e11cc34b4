"""``/api/v3/changes/``: an incremental sync with deletions (created, updated, tombstones)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.caching import reset
from api.models import PageChange

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit, as a real request's commit would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def index(demo_site):
    return demo_site.get_children().get(slug="uutiset").specific


def changes(client, since, **params):
    response = client.get("/api/v3/changes/", {"since": since.isoformat(), **params})
    assert response.status_code == 200, response.content
    return response.json()


def by_page(data):
    return {item["page_id"]: item for item in data["items"]}


def test_publish_update_unpublish_and_delete(client, index, committed):
    start = timezone.now()
    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Syncattava", slug="sync"))
    item = by_page(changes(client, start))[article.pk]
    assert item["kind"] == "created"
    assert item["path"] == "/fi/uutiset/sync/"
    assert item["type"] == "news.NewsArticlePage" and item["locale"] == "fi"
    assert client.get(item["detail_url"]).json()["id"] == article.pk

    later = timezone.now()
    with committed():
        publish(article)
    assert by_page(changes(client, later))[article.pk]["kind"] == "updated"
    # Since the beginning, a page published since then is still "created".
    assert by_page(changes(client, start))[article.pk]["kind"] == "created"

    with committed():
        article.unpublish()
    item = by_page(changes(client, start))[article.pk]
    assert (item["kind"], item["path"], item["detail_url"]) == (
        "unpublished",
        "/fi/uutiset/sync/",
        None,
    )

    with committed():
        publish(article)
    with committed():
        article.delete()
    assert by_page(changes(client, start))[article.pk]["kind"] == "deleted"


def test_expiry_is_reported_before_and_after_publish_scheduled(client, index, committed):
    start = timezone.now()
    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Vanhenee"))
    article.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    article.save()
    # The cron job has not run yet, but the public no longer sees the page.
    assert by_page(changes(client, start))[article.pk]["kind"] == "expired"
    with committed():
        call_command("publish_scheduled")
    item = by_page(changes(client, start))[article.pk]
    assert item["kind"] == "expired"
    assert PageChange.objects.get(page_id=article.pk).kind == "expired"


def test_drafts_and_restricted_pages_never_appear(client, index, committed):
    start = timezone.now()
    with committed():
        draft = NewsArticlePageFactory(parent=index, title="Luonnos", live=False)
        draft.save_revision()
        draft.delete()
        private = publish(NewsArticlePageFactory(parent=index, title="Yksityinen"))
    with committed():
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    data = changes(client, start)
    assert draft.pk not in by_page(data)
    # Published, then restricted: it was public for a moment, so it leaves a tombstone.
    assert by_page(data)[private.pk]["kind"] == "unpublished"
    with committed():
        hidden = publish(NewsArticlePageFactory(parent=private, title="Suljetun alla"))
    assert hidden.pk not in by_page(changes(client, start))


def test_removing_a_restriction_brings_the_page_back(client, index, committed):
    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Välillä suljettu"))
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type="password", password="x"
        )
    start = timezone.now()
    with committed():
        restriction.delete()
    assert by_page(changes(client, start))[article.pk]["kind"] == "updated"


def test_moving_reports_the_new_path(client, demo_site, index, committed):
    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Muuttaja", slug="muuttaja"))
    regional = demo_site.get_descendants().filter(slug="uutiset", depth__gt=4).first().specific
    start = timezone.now()
    with committed():
        article.move(regional, pos="last-child")
    item = by_page(changes(client, start))[article.pk]
    assert item["kind"] == "updated"
    assert item["path"].endswith("/uutiset/muuttaja/") and item["path"] != "/fi/uutiset/muuttaja/"


def test_cursor_walks_every_change_once_in_order(client, index, committed):
    start = timezone.now()
    pages = []
    for number in range(5):
        with committed():
            pages.append(publish(NewsArticlePageFactory(parent=index, title=f"Sarja {number}")))
    seen, cursor = [], None
    for _round in range(10):
        params = {"cursor": cursor, "limit": 2} if cursor else {"limit": 2}
        data = (
            client.get("/api/v3/changes/", params).json()
            if cursor
            else changes(client, start, limit=2)
        )
        seen += [item["page_id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if not data["has_more"]:
            break
    assert seen == [page.pk for page in pages]
    times = [item["changed_at"] for item in changes(client, start)["items"]]
    assert times == sorted(times)
    # Nothing new: the same cursor answers nothing and keeps its place.
    again = client.get("/api/v3/changes/", {"cursor": cursor}).json()
    assert again["items"] == [] and again["next_cursor"] == cursor
    with committed():
        publish(pages[0])
    assert [
        i["page_id"] for i in client.get("/api/v3/changes/", {"cursor": cursor}).json()["items"]
    ] == [pages[0].pk]


def test_tombstones_are_kept_for_the_configured_time(client, index, committed, settings):
    start = timezone.now() - datetime.timedelta(days=60)
    with committed():
        article = publish(NewsArticlePageFactory(parent=index, title="Kauan sitten"))
    with committed():
        article.unpublish()
    PageChange.objects.filter(page_id=article.pk).update(
        changed_at=timezone.now() - datetime.timedelta(days=40)
    )
    settings.API_CHANGES_TOMBSTONE_DAYS = 30
    data = changes(client, start)
    assert article.pk not in by_page(data)
    assert data["tombstones_since"] > (timezone.now() - datetime.timedelta(days=31)).isoformat()
    settings.API_CHANGES_TOMBSTONE_DAYS = 60
    reset()  # a new setting comes with a restart, which starts with a fresh cache
    assert by_page(changes(client, start))[article.pk]["kind"] == "unpublished"


def test_bad_parameters_are_422(client):
    assert client.get("/api/v3/changes/").status_code == 422
    assert client.get("/api/v3/changes/", {"since": "eilen"}).status_code == 422
    assert client.get("/api/v3/changes/", {"cursor": "!!!"}).status_code == 422
    assert client.get("/api/v3/changes/", {"cursor": "bm90LWEtY3Vyc29y"}).status_code == 422
    assert client.get("/api/v3/changes/", {"since": "2020-01-01", "limit": 0}).status_code == 422
