"""schema.org JSON-LD found by `extruct` on public pages, with required properties."""

import extruct
import pytest

from news.models import EventPage, NewsArticlePage

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    return extruct.extract(html, base_url=page.get_full_url(), syntaxes=["json-ld"])["json-ld"]


def test_news_article(client, demo_site):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    (data,) = [d for d in json_ld(client, article) if d["@type"] == "NewsArticle"]
    assert data["headline"] == article.title
    assert data["datePublished"].startswith("2023-01-10")
    assert data["inLanguage"] == "fi"
    assert "Järjestöjen sote-muutostuki" in data["keywords"]
    assert data["author"]["name"] == article.author.name
    assert data["url"] == article.get_full_url()


def test_event_with_every_session(client, demo_site):
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    (data,) = [d for d in json_ld(client, tour) if d["@type"] == "Event"]
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["inLanguage"] == "fi"
    assert [sub["name"].rsplit(": ", 1)[-1] for sub in data["subEvent"]] == [
        "Kuopio",
        "Tampere",
        "Oulu",
        "Helsinki",
        "Turku",
    ]
    first = data["subEvent"][0]
    assert first["startDate"] == "2020-03-23T12:00:00+02:00"
    assert first["location"]["@type"] == "VirtualLocation"
    assert first["offers"]["url"].startswith("https://")


def test_hybrid_event_has_place_and_virtual_location(client, demo_site):
    event = EventPage.objects.get(slug="esimerkkitapahtuma-jarjestoyhteistyon-tyopaja")
    (data,) = [d for d in json_ld(client, event) if d["@type"] == "Event"]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    kinds = [sub["location"]["@type"] for sub in data["subEvent"]]
    assert kinds == ["VirtualLocation", "Place"]
    assert data["subEvent"][1]["location"]["address"].startswith("Joensuun kaupungintalo")


def test_text_cannot_break_out_of_the_script_tag(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    evil = '</script><script>alert("x")</script> & <!--'
    article = publish(NewsArticlePageFactory(parent=index, title=evil, lead=evil))
    html = client.get(article.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    (data,) = [d for d in json_ld(client, article) if d["@type"] == "NewsArticle"]
    assert data["headline"] == evil  # decoded back to the same text
    assert data["description"] == evil
