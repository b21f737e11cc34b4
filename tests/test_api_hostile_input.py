"""Wagtail's own v3 routers and the feeds under hostile input (issue 10, holes 4 and 5).

Every request here was a 500 (PostgreSQL rejecting a NUL byte or an OFFSET
beyond bigint) or, for ``?search=``, a 422 to every anonymous consumer. Now:
a 422 problem document naming the parameter (API), the site's 404 page (HTML),
and a working search that still hides expired pages.
"""

import datetime

import pytest
from django.utils import timezone

from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import publish

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"


def problem(response, status=422):
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    return body


@pytest.mark.parametrize(
    ("path", "culprit"),
    [
        (f"/api/v3/pages/?offset={HUGE}", "offset"),
        (f"/api/v3/pages/?offset={HUGE}0000", "offset"),
        (f"/api/v3/images/?offset={HUGE}", "offset"),
        (f"/api/v3/documents/?offset={HUGE}", "offset"),
        (f"/api/v3/redirects/?offset={HUGE}", "offset"),
        ("/api/v3/pages/?offset=1000001", "offset"),
        ("/api/v3/pages/?locale=%00", "locale"),
        ("/api/v3/pages/?site=%00", "site"),
        ("/api/v3/pages/?search=%00", "search"),
        ("/api/v3/pages/find/?html_path=/fi/%00/", "html_path"),
        ("/api/v3/images/?search=a%00b", "search"),
        ("/api/v3/documents/?search=%00", "search"),
    ],
)
def test_hostile_query_on_wagtails_routers_is_a_422_naming_it(client, demo_site, path, culprit):
    body = problem(client.get(path))
    assert ["query", culprit] in [error["loc"] for error in body["errors"]]


def test_the_largest_allowed_offset_still_answers(client, demo_site):
    response = client.get("/api/v3/pages/?offset=1000000")
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/fi/keywords/a%00b/news.rss",
        "/feeds/fi/keywords/a%00b/news.atom",
        "/feeds/fi/regions/a%00b/news.rss",
        "/feeds/fi/regions/a%00b/events.ics",
    ],
)
def test_nul_byte_in_a_feed_url_is_the_404_page(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


def add(parent, title):
    page = NewsArticlePage(title=title, slug=title.lower().replace(" ", "-"), lead="Ingressi.")
    parent.add_child(instance=page)
    return publish(page)


def test_anonymous_search_of_the_pages_router_works_and_hides_expired_pages(client, news_index):
    current = add(news_index, "Vorpalikumppanuus voimassa")
    expired = add(news_index, "Vorpalikumppanuus vanhentunut")
    NewsArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=5)
    )

    for params in ({}, {"type": "news.NewsArticlePage"}, {"locale": "fi", "limit": "5"}):
        response = client.get("/api/v3/pages/", {"search": "vorpalikumppanuus", **params})
        assert response.status_code == 200, response.content[:500]
        ids = [item["id"] for item in response.json()["items"]]
        assert current.pk in ids
        assert expired.pk not in ids
    assert client.get(f"/api/v3/pages/{expired.pk}/").status_code == 404
