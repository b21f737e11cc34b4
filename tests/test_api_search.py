"""The API `search` parameter ranks via search.query.search_pages, within the other filters."""

import pytest

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def test_search_finds_the_article_and_respects_filters(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    found = client.get("/api/v3/news/", {"search": "sote-muutostuki", "locale": "fi"}).json()
    assert article.pk in [item["id"] for item in found["items"]]
    assert found["count"] == len(found["items"])
    regions = {r.code for r in article.regions.all()}
    other = next(
        code for code in ("lappi", "pirkanmaa", "keski-suomi", "helsinki") if code not in regions
    )
    narrowed = client.get(
        "/api/v3/news/", {"search": "sote-muutostuki", "locale": "fi", "region": other}
    ).json()
    assert article.pk not in [item["id"] for item in narrowed["items"]]


def test_search_with_no_match_is_empty(client):
    data = client.get("/api/v3/events/", {"search": "xyzzyplugh", "locale": "fi"}).json()
    assert data == {"count": 0, "count_estimated": False, "next": None, "items": []}
