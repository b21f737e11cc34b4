"""Wagtail's API v3 exposes our page types with their own fields."""

import pytest

from news.models import NewsArticlePage

from .factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_events_listing_and_detail_with_sessions(client):
    response = client.get("/api/v3/pages/", {"type": "news.EventPage"})
    assert response.status_code == 200
    data = response.json()
    titles = [item["title"] for item in data["items"]]
    assert "Maakuntien järjestöpäivä -kiertue" in titles
    tour = next(i for i in data["items"] if i["title"] == "Maakuntien järjestöpäivä -kiertue")
    detail = client.get(f"/api/v3/pages/{tour['id']}/").json()
    assert detail["meta"]["type"] == "news.EventPage"
    assert [s["title"] for s in detail["sessions"]] == [
        "Kuopio",
        "Tampere",
        "Oulu",
        "Helsinki",
        "Turku",
    ]
    assert detail["sessions"][0]["registration_url"].startswith("https://")
    assert detail["format"] == "online"


def test_article_detail_has_its_fields(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    detail = client.get(f"/api/v3/pages/{article.pk}/").json()
    assert detail["date"] == "2023-01-10"
    assert detail["lead"].startswith("Hei, pohjoisen järjestötoimijat!")
    assert "Järjestöjen sote-muutostuki" in detail["keywords"]
    assert any(block["type"] == "paragraph" for block in detail["body"])


def test_drafts_stay_out_of_the_api(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    draft = NewsArticlePageFactory(parent=index, title="Salainen luonnos", live=False)
    listing = client.get("/api/v3/pages/", {"type": "news.NewsArticlePage", "limit": 100}).json()
    assert "Salainen luonnos" not in [i["title"] for i in listing["items"]]
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404


def test_openapi_document_lists_our_page_types(client):
    spec = client.get("/api/v3/openapi.json").json()
    names = set(spec["components"]["schemas"])
    assert {"EventPageSchema", "NewsArticlePageSchema", "RegionPageSchema"} <= names
