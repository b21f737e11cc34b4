"""What a frontend renders from the API: SEO, JSON-LD, routable links, images, field choice,
ordering, incremental lists, and HTTP revalidation across origins."""

import datetime

import extruct
import pytest
import wagtail_factories
from django.test import override_settings
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import Locale
from wagtail.rich_text import RichText

from news.models import EventPage, NewsArticlePage
from regions.models import RegionPage

from .factories import EventPageFactory, NewsArticlePageFactory, helsinki, publish, session

pytestmark = pytest.mark.django_db
ORIGIN = "https://frontend.example.fi"


@pytest.fixture
def index(demo_site):
    return demo_site.get_children().get(slug="uutiset").specific


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def photo(media):
    image = wagtail_factories.ImageFactory(title="Työpaja", file__width=2400, file__height=1600)
    image.description = "Osallistujia työpajassa"
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 600, 400
    image.focal_point_width, image.focal_point_height = 200, 100
    image.save()
    return image


def paragraph(html):
    return [("paragraph", RichText(html))]


# --- SEO and structured data ---------------------------------------------------------------


def test_every_typed_detail_has_seo_and_json_ld(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    event = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    region = RegionPage.objects.filter(locale__language_code="fi").first()
    for url, kind in (
        (f"/api/v3/news/{article.pk}/", "NewsArticle"),
        (f"/api/v3/events/{event.pk}/", "Event"),
        (f"/api/v3/regions/{region.pk}/", "WebPage"),
    ):
        data = client.get(url).json()
        assert data["json_ld"]["@type"] == kind
        assert data["seo"]["canonical_url"] == data["meta"]["html_url"]
        assert data["seo"]["title"] == data["title"]
        assert data["json_ld"]["url"] == data["meta"]["html_url"]
    tour = client.get(f"/api/v3/events/{event.pk}/").json()
    hreflangs = {a["hreflang"]: a["url"] for a in tour["seo"]["alternates"]}
    assert set(hreflangs) == {"fi", "sv", "en", "x-default"}
    assert hreflangs["x-default"] == hreflangs["fi"] == tour["meta"]["html_url"]
    # The API's JSON-LD is the object the HTML page carries.
    html = client.get(event.url).content.decode()
    (on_page,) = [
        d
        for d in extruct.extract(html, base_url=event.get_full_url(), syntaxes=["json-ld"])[
            "json-ld"
        ]
        if d["@type"] == "Event"
    ]
    assert on_page == tour["json_ld"]


def test_seo_title_description_and_share_image(client, index, photo):
    share = wagtail_factories.ImageFactory(title="Jakokuva", file__width=1300, file__height=700)
    article = NewsArticlePageFactory(
        parent=index,
        title="Pitkä otsikko",
        seo_title="Lyhyt otsikko",
        search_description="Hakukoneiden kuvaus.",
        image=photo,
        share_image=share,
    )
    publish(article)
    seo = client.get(f"/api/v3/news/{article.pk}/").json()["seo"]
    assert (seo["title"], seo["seo_title"], seo["description"]) == (
        "Lyhyt otsikko",
        "Lyhyt otsikko",
        "Hakukoneiden kuvaus.",
    )
    assert (seo["og_image"]["width"], seo["og_image"]["height"]) == (1200, 630)
    assert "/images/" in seo["og_image"]["url"]


def test_news_article_json_ld_has_an_image_only_when_the_article_has_one(client, index, photo):
    with_image = publish(NewsArticlePageFactory(parent=index, title="Kuvan kanssa", image=photo))
    without = publish(NewsArticlePageFactory(parent=index, title="Ilman kuvaa"))
    data = client.get(f"/api/v3/news/{with_image.pk}/").json()["json_ld"]
    assert len(data["image"]) == 3
    assert all(url.startswith("http://testserver/") for url in data["image"])
    html = client.get(with_image.url).content.decode()
    (on_page,) = [
        d
        for d in extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])[
            "json-ld"
        ]
        if d["@type"] == "NewsArticle"
    ]
    assert on_page["image"] == data["image"]
    assert "image" not in client.get(f"/api/v3/news/{without.pk}/").json()["json_ld"]


def test_virtual_location_always_has_a_url(client, demo_site):
    events = demo_site.get_children().get(slug="tapahtumat")
    webinar = EventPageFactory(parent=events, title="Webinaari ilman linkkiä", format="online")
    webinar.sessions = [
        session("Verkossa", helsinki(2031, 2, 1, 10), helsinki(2031, 2, 1, 11), is_online=True)
    ]
    publish(webinar)
    data = client.get(f"/api/v3/events/{webinar.pk}/").json()["json_ld"]
    locations = [data["location"][0], data["subEvent"][0]["location"]]
    for location in locations:
        assert location["@type"] == "VirtualLocation"
        assert location["url"] == webinar.get_full_url()
    assert '"url": null' not in client.get(webinar.url).content.decode()


# --- rich text links -----------------------------------------------------------------------


def test_internal_links_keep_page_id_and_api_url(client, index):
    target = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    draft = NewsArticlePageFactory(parent=index, title="Keskeneräinen", live=False)
    body = (
        f'<p>Lue <a linktype="page" id="{target.pk}">tilannekatsaus</a>, '
        f'<a linktype="page" id="{draft.pk}">luonnos</a> ja '
        '<a href="https://www.soste.fi/">SOSTE</a>.</p>'
    )
    article = publish(NewsArticlePageFactory(parent=index, body=paragraph(body)))
    html = client.get(f"/api/v3/news/{article.pk}/").json()["body"][0]["value"]
    assert (
        f'<a href="{target.get_full_url()}" data-page-id="{target.pk}" '
        f'data-page-type="news.NewsArticlePage" '
        f'data-api-url="http://testserver/api/v3/news/{target.pk}/">tilannekatsaus</a>'
    ) in html
    assert f'data-page-id="{draft.pk}"' not in html
    assert "Keskeneräinen" not in html
    assert '<a href="https://www.soste.fi/">SOSTE</a>' in html


def test_links_follow_the_language_of_the_text(client):
    swedish, swedish_target = NewsArticlePage.objects.filter(locale__language_code="sv", live=True)[
        :2
    ]
    finnish_target = swedish_target.get_translation(Locale.objects.get(language_code="fi"))
    swedish.body = paragraph(f'<p><a linktype="page" id="{finnish_target.pk}">länk</a></p>')
    publish(swedish)
    html = client.get(f"/api/v3/news/{swedish.pk}/").json()["body"][0]["value"]
    assert f'data-page-id="{swedish_target.pk}"' in html
    assert swedish_target.get_full_url() in html


# --- images ---------------------------------------------------------------------------------


def test_images_have_alt_size_focal_point_and_chosen_renditions(client, index, photo):
    article = publish(NewsArticlePageFactory(parent=index, title="Kuvauutinen", image=photo))
    image = client.get(f"/api/v3/news/{article.pk}/").json()["image"]
    assert image["alt"] == "Osallistujia työpajassa"
    assert (image["width"], image["height"]) == (2400, 1600)
    assert image["focal_point"] == {"x": 600, "y": 400, "width": 200, "height": 100}
    assert set(image["renditions"]) == {"thumbnail", "medium", "large"}

    chosen = client.get(
        f"/api/v3/news/{article.pk}/",
        {"renditions": "w320,og", "image_format": "webp"},
    ).json()["image"]["renditions"]
    assert set(chosen) == {"w320", "og"}
    assert chosen["w320"]["width"] == 320
    assert (chosen["og"]["width"], chosen["og"]["height"]) == (1200, 630)
    assert all(r["url"].endswith(".webp") for r in chosen.values())
    listed = client.get(
        "/api/v3/news/", {"renditions": "w640", "search": "Kuvauutinen", "fields": "image"}
    ).json()
    assert set(listed["items"][0]["image"]["renditions"]) == {"w640"}


def test_unknown_renditions_are_422(client):
    response = client.get("/api/v3/news/", {"renditions": "w99999"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "renditions"
    assert client.get("/api/v3/news/", {"image_format": "gif"}).status_code == 422


def test_body_images_carry_their_own_alt_text(client, index, photo):
    body = [("image", {"image": photo, "caption": "Kuvateksti", "alt_text": "Oma vaihtoehto"})]
    article = publish(NewsArticlePageFactory(parent=index, title="Kuvalohko", body=body))
    block = client.get(f"/api/v3/news/{article.pk}/", {"renditions": "square"}).json()["body"][0]
    assert block["type"] == "image"
    assert block["value"]["image"]["alt"] == "Oma vaihtoehto"
    assert set(block["value"]["image"]["renditions"]) == {"square"}


# --- lists: fields, order, updated_after ---------------------------------------------------


def test_fields_selects_what_list_items_carry(client):
    data = client.get("/api/v3/news/", {"fields": "lead,date", "limit": 3}).json()
    for item in data["items"]:
        assert set(item) == {"id", "title", "meta", "lead", "date"}
    events = client.get("/api/v3/events/", {"fields": ["sessions", "event_status"]}).json()
    assert set(events["items"][0]) == {"id", "title", "meta", "sessions", "event_status"}
    full = client.get("/api/v3/news/", {"limit": 1}).json()["items"][0]
    assert {"lead", "keywords", "translations", "image"} <= set(full)
    assert "body" not in full
    bad = client.get("/api/v3/news/", {"fields": "lead,salasana"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"][-1] == "fields"
    assert client.get("/api/v3/news/", {"fields": "body"}).status_code == 422


def test_order_and_updated_after(client, index):
    data = client.get("/api/v3/news/", {"order": "title", "locale": "fi", "limit": 100}).json()
    titles = [item["title"] for item in data["items"]]
    assert titles == sorted(titles)
    newest = client.get("/api/v3/news/", {"order": "-last_published_at", "limit": 100}).json()
    stamps = [item["meta"]["last_published_at"] for item in newest["items"]]
    assert stamps == sorted(stamps, reverse=True)
    events = client.get("/api/v3/events/", {"order": "-date", "limit": 100}).json()
    starts = [item["starts_at"] for item in events["items"] if item.get("starts_at")]
    assert starts == sorted(starts, reverse=True)

    since = timezone.now()
    fresh = publish(NewsArticlePageFactory(parent=index, title="Tuore"))
    updated = client.get("/api/v3/news/", {"updated_after": since.isoformat()}).json()
    assert [item["id"] for item in updated["items"]] == [fresh.pk]
    assert client.get("/api/v3/news/", {"order": "random"}).status_code == 422
    assert client.get("/api/v3/regions/", {"order": "date"}).status_code == 422
    regions = client.get("/api/v3/regions/", {"order": "-title", "locale": "fi"}).json()
    names = [item["title"] for item in regions["items"]]
    assert names == sorted(names, reverse=True)


# --- HTTP: Last-Modified, If-Modified-Since, CORS ------------------------------------------


def test_last_modified_beside_etag_and_if_modified_since(client, index):
    first = client.get("/api/v3/news/")
    assert first["ETag"] and first["Last-Modified"]
    not_modified = client.get("/api/v3/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert not_modified.status_code == 304
    assert not_modified["Last-Modified"] == first["Last-Modified"]
    older = http_date((timezone.now() - datetime.timedelta(days=1)).timestamp())
    assert client.get("/api/v3/news/", HTTP_IF_MODIFIED_SINCE=older).status_code == 200
    # If-None-Match wins: a wrong ETag is a 200 whatever the date says.
    both = client.get(
        "/api/v3/news/",
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        HTTP_IF_NONE_MATCH='"other"',
    )
    assert both.status_code == 200


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_lets_a_browser_revalidate(client):
    preflight = client.options(
        "/api/v3/news/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed and "if-modified-since" in allowed
    response = client.get("/api/v3/news/", HTTP_ORIGIN=ORIGIN)
    exposed = {h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified"} <= exposed
    again = client.get("/api/v3/news/", HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == ORIGIN
