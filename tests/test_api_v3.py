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


def _parameters(spec, path):
    return {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}


def _types(schema):
    """Every JSON-schema type a parameter accepts (through anyOf/items)."""
    found = set()
    for option in schema.get("anyOf", [schema]):
        if "type" in option:
            found.add(option["type"])
        if "items" in option:
            found |= {f"array:{t}" for t in _types(option["items"])}
        if "enum" in option:
            found.add("enum")
        if "format" in option:
            found.add(option["format"])
    return found


def test_openapi_document_validates_and_lists_every_filter(client):
    from openapi_spec_validator import validate

    spec = client.get("/api/v3/openapi.json").json()
    validate(spec)
    news = _parameters(spec, "/api/v3/news/")
    assert {"keyword", "keyword_operator", "region", "published_after", "published_before"} <= set(
        news
    )
    assert {"locale", "search", "limit", "offset"} <= set(news)
    assert "date" in _types(news["published_after"]["schema"])
    assert "array:string" in _types(news["keyword"]["schema"])
    assert "integer" in _types(news["limit"]["schema"])
    events = _parameters(spec, "/api/v3/events/")
    assert {"starts_after", "ends_before", "upcoming", "region", "keyword", "format"} <= set(events)
    assert {"locale", "search"} <= set(events)
    assert "date-time" in _types(events["starts_after"]["schema"])
    assert "boolean" in _types(events["upcoming"]["schema"])
    assert {"locale", "search"} <= set(_parameters(spec, "/api/v3/regions/"))
    names = set(spec["components"]["schemas"])
    assert {"NewsDetail", "EventDetail", "RegionDetail", "Session", "Translation"} <= names
    session = spec["components"]["schemas"]["Session"]["properties"]
    assert session["start"]["format"] == "date-time"


def test_typed_event_detail_has_sessions_and_calendar(client):
    from news.models import EventPage

    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    data = client.get(f"/api/v3/events/{tour.pk}/").json()
    assert [s["title"] for s in data["sessions"]] == [
        "Kuopio",
        "Tampere",
        "Oulu",
        "Helsinki",
        "Turku",
    ]
    assert data["sessions"][0]["start"] == "2020-03-23T12:00:00+02:00"
    assert data["sessions"][0]["is_online"] is True
    assert data["sessions"][0]["registration_url"].startswith("https://")
    assert client.get(data["ical_url"]).status_code == 200
    assert any(block["type"] == "paragraph" for block in data["body"])


def test_typed_news_detail_body_has_absolute_links(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    data = client.get(f"/api/v3/news/{article.pk}/").json()
    assert data["date"] == "2023-01-10"
    assert data["author"]["name"] == article.author.name
    assert "Järjestöjen sote-muutostuki" in [k["name"] for k in data["keywords"]]
    html = " ".join(b["value"] for b in data["body"] if b["type"] == "paragraph")
    assert 'href="/' not in html
    assert data["meta"]["html_url"] == article.get_full_url()


def test_typed_regions_have_contacts_and_networks(client):
    from regions.models import RegionPage

    page = RegionPage.objects.filter(contacts__isnull=False, locale__language_code="fi").first()
    data = client.get(f"/api/v3/regions/{page.pk}/").json()
    assert data["region"]["code"] == page.region.code
    assert [c["person"]["name"] for c in data["contacts"]] == [
        c.person.name for c in page.contacts.all()
    ]
    assert data["network"]["name"] == page.network_name
    listing = client.get("/api/v3/regions/", {"locale": "fi", "limit": 100}).json()
    assert listing["count"] == RegionPage.objects.live().filter(locale__language_code="fi").count()


def test_expired_and_restricted_pages_stay_out_of_the_pages_router(client, demo_site):
    import datetime

    from wagtail.models import PageViewRestriction

    from .factories import publish

    index = demo_site.get_children().get(slug="uutiset").specific
    expired = publish(NewsArticlePageFactory(parent=index, title="Vanhentunut uutinen"))
    NewsArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    restricted = publish(NewsArticlePageFactory(parent=index, title="Vain jäsenille"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    listing = client.get("/api/v3/pages/", {"type": "news.NewsArticlePage", "limit": 100}).json()
    titles = [item["title"] for item in listing["items"]]
    assert "Vanhentunut uutinen" not in titles and "Vain jäsenille" not in titles
    assert client.get(f"/api/v3/pages/{expired.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{restricted.pk}/").status_code == 404
    assert client.get(f"/api/v3/news/{expired.pk}/").status_code == 404
    assert client.get(f"/api/v3/news/{restricted.pk}/").status_code == 404
