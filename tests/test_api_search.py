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


@pytest.mark.parametrize("path", ["/api/v3/news/", "/api/v3/events/"])
def test_search_among_keywords_no_page_has_is_empty_not_an_error(client, path, monkeypatch):
    """``keyword_operator=and`` with a keyword nobody uses leaves no candidate page:
    an empty list, not a 500 (the candidates compile to "nothing"), whether or not
    the search is given the filter's pages to read first (never on SQLite)."""
    from api.filters import CommonFilters

    params = {"search": "sote", "keyword": "sote-uudistus,ei-ole", "keyword_operator": "and"}
    assert client.get(path, params).json()["items"] == []
    monkeypatch.setattr(CommonFilters, "within_ids", lambda self: None)
    params["locale"] = "fi"  # another address: not the cached answer
    response = client.get(path, params)
    assert response.status_code == 200
    assert response.json()["items"] == []
