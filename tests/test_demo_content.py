"""`make run` loads the seed pages as structured demo content, once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from demo.loader import DEMO_ADMIN
from news.models import EventPage, NewsArticlePage
from regions.models import Person, RegionPage

pytestmark = pytest.mark.django_db

SEED_TITLES = [
    "Järjestöt ja tulevaisuuden sote-keskus",
    "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen",
    "Miten järjestöt ovat mukana sote-uudistuksessa hyvinvointialueilla?",
    "Järjestöjen sote-muutostuen tilannekatsaus",
]


def test_seed_articles_are_structured_pages():
    article = NewsArticlePage.objects.get(
        slug="tulevaisuuden-sote-keskus-tarvitsee-jarjestoja-kumppanikseen"
    )
    assert article.live
    assert str(article.date) == "2020-01-20"
    assert article.author.name == "Helena Liimatainen"
    assert sorted(k.name for k in article.keywords.all()) == sorted(
        ["sote", "sote-uudistus", "tulevaisuuden sote-keskus", "järjestöt"]
    )
    assert [r.code for r in article.regions.all()] == ["pohjois-pohjanmaa"]
    block_types = [block.block_type for block in article.body]
    assert block_types.count("paragraph") >= 4
    read_more = next(b for b in article.body if b.block_type == "read_more")
    assert read_more.value["links"][0]["url"] == "https://soteuudistus.fi/etusivu"


def test_seed_000_keeps_its_materials_and_expiring_video():
    article = NewsArticlePage.objects.get(slug="jarjestot-ja-tulevaisuuden-sote-keskus")
    attachments = [b.value["title"] for b in article.body if b.block_type == "attachment"]
    assert len(attachments) == 3
    video = next(b for b in article.body if b.block_type == "video")
    assert str(video.value["available_until"]) == "2020-04-30"
    assert video.value.is_available() is False
    # Regional news lives under its region, where a regional editor can be scoped.
    assert article.get_parent().get_parent().specific.region.code == "pohjois-karjala"


def test_tour_event_has_five_sessions_in_helsinki_time():
    tour = EventPage.objects.get(slug="maakuntien-jarjestopaiva-kiertue")
    sessions = tour.ordered_sessions()
    assert [s.title for s in sessions] == ["Kuopio", "Tampere", "Oulu", "Helsinki", "Turku"]
    from django.utils import timezone

    local = [timezone.localtime(s.start).strftime("%d.%m. %H.%M") for s in sessions]
    assert local == ["23.03. 12.00", "24.03. 09.00", "06.04. 12.00", "27.04. 12.00", "28.04. 09.00"]
    assert all(s.registration_url for s in sessions)
    assert len({s.registration_url for s in sessions}) == 5
    assert timezone.localtime(tour.ends_at).strftime("%d.%m.%Y %H.%M") == "28.04.2020 11.30"


def test_loading_twice_creates_no_duplicates():
    counts = (Page.objects.count(), Person.objects.count(), RegionPage.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Page.objects.count(), Person.objects.count(), RegionPage.objects.count()) == counts
    # 22 Finnish region pages, each translated into Swedish and English.
    assert RegionPage.objects.filter(locale__language_code="fi").count() == 22
    assert RegionPage.objects.count() == 22 * 3


def test_home_lists_seed_news_and_tour(client):
    response = client.get("/fi/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in SEED_TITLES:
        assert title in html
    assert "Maakuntien järjestöpäivä -kiertue" in html


def test_root_sends_visitor_to_finnish_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_demo_admin_can_log_in(client):
    username, password = DEMO_ADMIN
    assert get_user_model().objects.filter(username=username).exists()
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fi/uutiset/",
        "/fi/tapahtumat/",
        "/fi/tapahtumat/maakuntien-jarjestopaiva-kiertue/",
        "/fi/alueet/",
        "/fi/alueet/pohjois-karjala/",
        "/fi/alueet/pohjois-karjala/uutiset/jarjestot-ja-tulevaisuuden-sote-keskus/",
    ],
)
def test_every_demo_page_kind_renders(client, path):
    assert client.get(path).status_code == 200


def test_region_page_shows_network_contacts_and_cooperation(client):
    html = client.get("/fi/alueet/pohjois-karjala/").content.decode()
    assert "Pohjois-Karjalan Sosiaaliturvayhdistys ry" in html
    assert "Elina Pajula" in html
    assert 'href="tel:+358505587460"' in html
    assert "Järjestö 2.0 -hankkeen kumppanuuspöytä" in html
    assert "Joensuun kaupunki" in html
