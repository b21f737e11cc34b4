"""``/api/v3/resolve/?path=``: a frontend's catch-all route answers any public path, typed."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from news.models import EventPage, NewsArticlePage, NewsIndexPage
from regions.models import RegionPage

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db

TOUR = "Maakuntien järjestöpäivä -kiertue"


def resolve(client, path, **params):
    return client.get("/api/v3/resolve/", {"path": path, **params})


def translation(page, language):
    return type(page).objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_event_in_every_language_with_or_without_trailing_slash(client, language):
    event = translation(EventPage.objects.get(title=TOUR), language)
    path = event.url
    assert path.startswith(f"/{language}/")
    for asked in (path, path.rstrip("/")):
        response = resolve(client, asked)
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["id"] == event.pk
        assert data["meta"]["type"] == "news.EventPage"
        assert data["meta"]["locale"] == language
        assert data["meta"]["path"] == path
        # The very representation of the typed detail endpoint.
        assert data == client.get(f"/api/v3/events/{event.pk}/").json()


def test_home_listings_region_pages_and_articles(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    region = RegionPage.objects.filter(locale__language_code="sv").first()
    expected = {
        "/fi/": "home.HomePage",
        "/sv/": "home.HomePage",
        "/sv/nyheter/": "news.NewsIndexPage",
        "/en/events/": "news.EventIndexPage",
        region.get_parent().url: "regions.RegionIndexPage",
        region.url: "regions.RegionPage",
        article.url: "news.NewsArticlePage",
    }
    for path, kind in expected.items():
        data = resolve(client, path).json()
        assert data["meta"]["type"] == kind, path
        assert data["meta"]["path"] == path
        assert data["seo"]["canonical_url"].endswith(path)
    listing = resolve(client, "/sv/nyheter/").json()
    items = client.get(listing["items_url"]).json()
    assert items["count"] > 0
    assert {item["meta"]["locale"] for item in items["items"]} == {"sv"}


def test_a_regional_listing_points_at_its_regions_items(client, demo_site):
    region_page = RegionPage.objects.get(region__code="pohjois-karjala", locale=demo_site.locale)
    listing = NewsIndexPage(title="Alueen uutiset", slug="alueen-uutiset")
    region_page.add_child(instance=listing)
    publish(listing)
    data = resolve(client, listing.url).json()
    assert data["meta"]["type"] == "news.NewsIndexPage"
    assert "region=pohjois-karjala" in data["items_url"]


@pytest.mark.parametrize(
    ("path", "language"),
    [("/fi/asiasanat/sote-uudistus/", "fi"), ("/sv/amnesord/sote-uudistus", "sv")],
)
def test_keyword_pages(client, path, language):
    data = resolve(client, path).json()
    assert data["meta"]["type"] == "news.Keyword"
    assert data["meta"]["locale"] == language
    assert data["keyword"]["slug"] == "sote-uudistus"
    news = client.get(data["news_url"]).json()
    assert news["count"] > 0
    assert all(item["meta"]["locale"] == language for item in news["items"])
    other = {t["locale"]: t for t in data["translations"]}
    assert set(other) == {"fi", "sv", "en"} - {language}
    assert resolve(client, "/fi/asiasanat/ei-tallaista-asiasanaa/").status_code == 404


def test_redirects_to_a_page_and_elsewhere(client, demo_site):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    Redirect.add_redirect("/fi/vanha-osoite", article, is_permanent=True)
    Redirect.add_redirect("/fi/kampanja", "https://www.soste.fi/", is_permanent=False)

    data = resolve(client, "/fi/vanha-osoite/").json()
    assert data["meta"] == {"type": "wagtailredirects.Redirect", "path": "/fi/vanha-osoite/"}
    assert data["status_code"] == 301
    assert data["path"] == article.url
    assert data["page"]["id"] == article.pk
    assert client.get(data["resolve_url"]).json()["id"] == article.pk

    data = resolve(client, "/fi/kampanja").json()
    assert (data["status_code"], data["location"], data["page"]) == (
        302,
        "https://www.soste.fi/",
        None,
    )


def test_renaming_a_page_leaves_a_redirect_that_resolve_follows(
    client, demo_site, django_capture_on_commit_callbacks
):
    index = demo_site.get_children().get(slug="uutiset").specific
    article = publish(NewsArticlePageFactory(parent=index, title="Vanha nimi", slug="vanha-nimi"))
    old_path = article.url
    article.slug = "uusi-nimi"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail adds the redirect then
        publish(article)
    data = resolve(client, old_path).json()
    assert data["meta"]["type"] == "wagtailredirects.Redirect"
    assert data["path"] == "/fi/uutiset/uusi-nimi/"
    assert resolve(client, "/fi/uutiset/uusi-nimi").json()["id"] == article.pk


def test_hidden_pages_and_unknown_paths_are_404_problems(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    draft = NewsArticlePageFactory(parent=index, title="Luonnos", slug="luonnos", live=False)
    restricted = publish(NewsArticlePageFactory(parent=index, title="Suljettu", slug="suljettu"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    hidden_target = NewsArticlePageFactory(parent=index, slug="piilossa", live=False)
    Redirect.add_redirect("/fi/ohjaus-piiloon", hidden_target)
    for path in (
        draft.url_path.replace(demo_site.url_path, "/fi/"),
        restricted.url,
        "/fi/ohjaus-piiloon/",
        "/fi/ei-ole/",
        "/de/",
        "/",
        "/fi/haku/",
    ):
        response = resolve(client, path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
        assert "Luonnos" not in response.content.decode()


def test_bad_parameters_are_422(client):
    assert client.get("/api/v3/resolve/").status_code == 422
    assert resolve(client, "/fi/", paht="x").status_code == 422
    assert resolve(client, "/fi/\x00").status_code == 422
    assert resolve(client, "/fi/" + "x" * 3000).status_code == 422
