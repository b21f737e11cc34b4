"""The public site through the test client: what a visitor's browser receives.

Browser-level behaviour (accessibility, keyboard, screenshots, language
switching) is in tests/browser/test_public_*.py; these tests cover the
server-rendered content, filters and error answers quickly.
"""

import datetime
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from news.models import ArticleRelatedPage, EventPage, NewsArticlePage, NewsIndexPage
from regions.models import Region
from tests.factories import EventPageFactory, NewsArticlePageFactory, session

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_002 = "/fi/uutiset/miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla/"
ARTICLE_000 = "/fi/alueet/pohjois-karjala/uutiset/jarjestot-ja-tulevaisuuden-sote-keskus/"
TOUR = "/fi/tapahtumat/maakuntien-jarjestopaiva-kiertue/"
UPCOMING = "/fi/tapahtumat/esimerkkitapahtuma-jarjestoyhteistyon-tyopaja/"


def text(response):
    """The response body as visible text (tags removed, whitespace collapsed)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def main_text(response):
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def card_titles(response):
    return [
        unescape(t)
        for t in re.findall(r'class="card__title"><a [^>]+>([^<]+)</a>', _html(response))
    ]


def _html(response):
    return response.content.decode()


def hrefs(response):
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', _html(response))]


# --- pages and their content ---------------------------------------------------


@pytest.mark.parametrize(
    "url, heading",
    [
        ("/fi/", "Kumppanuus"),
        ("/fi/uutiset/", "Uutiset"),
        ("/fi/tapahtumat/", "Tapahtumat"),
        ("/fi/alueet/", "Alueet"),
        ("/fi/alueet/pohjois-karjala/", "Pohjois-Karjala"),
        (ARTICLE_000, "Järjestöt ja tulevaisuuden sote-keskus"),
        (TOUR, "Maakuntien järjestöpäivä -kiertue"),
        ("/fi/asiasanat/sote-uudistus/", "Asiasana: sote-uudistus"),
    ],
)
def test_every_page_kind_renders_its_heading(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", _html(response), re.S).group(1)
    assert unescape(h1).strip() == heading
    assert '<html lang="fi">' in _html(response)
    assert 'class="skip-link" href="#main"' in _html(response)


def test_home_lists_latest_news_and_the_upcoming_event_first(client):
    response = client.get("/fi/")
    titles = card_titles(response)
    # Newest article first (2023 before 2022 before 2020).
    assert titles.index("Järjestöjen sote-muutostuen tilannekatsaus") < titles.index(
        "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen"
    )
    # The upcoming event comes before the past tour.
    assert titles.index("Esimerkkitapahtuma: Järjestöyhteistyön työpaja") < titles.index(
        "Maakuntien järjestöpäivä -kiertue"
    )
    assert "/fi/alueet/" in hrefs(response)


def test_article_shows_breadcrumb_date_lead_author_keywords_and_read_more(client):
    response = client.get(ARTICLE_002)
    html = _html(response)
    crumbs = re.search(r'<nav class="breadcrumb.*?</nav>', html, re.S).group(0)
    crumb_text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", crumbs)).split()
    assert crumb_text[:2] == ["Etusivu", "Uutiset"]
    assert "Miten" in crumb_text
    page = main_text(response)
    assert "Julkaistu 1.2.2022" in page
    assert "Maakuntien verkostojärjestöjen neuvottelukunnan sivuilta löytyy" in page
    # Author card with phone and e-mail as links.
    assert 'href="tel:+358505587460"' in html
    assert 'href="mailto:elina.pajula@pksotu.fi"' in html
    # Keywords link to the keyword page; read-more links are there.
    assert "/fi/asiasanat/sote-uudistus/" in hrefs(response)
    assert "https://www.soste.fi/jarjestojen-sote-muutostuki/" in hrefs(response)
    assert '<meta property="og:title" content="Miten järjestöt' in html
    assert '<meta property="og:type" content="article">' in html


def test_expired_video_shows_a_notice_and_materials_show_their_kind(client):
    response = client.get(ARTICLE_000)
    html = _html(response)
    page = main_text(response)
    assert "Tallenne ”Tilaisuuden videokooste” oli katsottavissa 30.4.2020 asti." in page
    video = re.search(r'<div class="video">.*?</div>', html, re.S).group(0)
    assert "<a " not in video  # the expired recording is no longer linked
    assert "Työpajojen muistiot (verkkosivu, jelli.fi)" in page
    # The region links to its region page.
    assert "/fi/alueet/pohjois-karjala/" in hrefs(response)


def test_attachment_document_shows_file_type_and_size(client, demo_site):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Muistio")
    document.file.save("muistio.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2039), save=True)
    index = NewsIndexPage.objects.get(slug="uutiset", locale__language_code="fi", depth=3)
    article = NewsArticlePageFactory(
        parent=index,
        title="Liitteellinen uutinen",
        body=[
            ("attachment", {"title": "Työpajan muistio", "document": document, "url": ""}),
            (
                "video",
                {
                    "title": "Tuleva tallenne",
                    "url": "https://example.org/v",
                    "available_until": timezone.localdate() + datetime.timedelta(days=3),
                },
            ),
        ],
    )
    page = main_text(client.get(article.url))
    assert "Työpajan muistio (PDF, 2.0 KB)" in page or "Työpajan muistio (PDF, 2,0 KB)" in page
    assert "Tuleva tallenne" in page and "katsottavissa" in page


def test_past_tour_sessions_in_local_time_marked_past_without_registration(client):
    response = client.get(TOUR)
    page = main_text(response)
    assert "23.3.–28.4.2020" in page
    assert "23.3.2020 klo 12.00–14.30" in page
    assert "28.4.2020 klo 9.00–11.30" in page
    assert "SOSTEn jäsenjärjestöjen edustajat ja maakuntien järjestötoimijat" in page
    assert "Kiertueeseen sisältyy viisi erillistä tilaisuutta" in page
    html = _html(response)
    assert html.count('class="session session--past"') == 5
    assert "Ilmoittaudu:" not in page


def test_upcoming_event_has_a_registration_link_per_session_and_calendar(client):
    response = client.get(UPCOMING)
    html = _html(response)
    event = EventPage.objects.get(slug="esimerkkitapahtuma-jarjestoyhteistyon-tyopaja")
    first, second = event.ordered_sessions()
    start = timezone.localtime(first.start)
    assert f"{start.day}.{start.month}.{start.year} klo 13.00–15.30" in main_text(response)
    links = re.findall(r'<a class="button" href="([^"]+)">Ilmoittaudu: ([^<]+)</a>', html)
    assert links == [
        (first.registration_url, "Verkkotyöpaja"),
        (second.registration_url, "Joensuu"),
    ]
    assert "session--past" not in html
    assert "Verkossa: Teams-verkkotilaisuus" in main_text(response)
    ical = re.search(r'<a href="([^"]+\.ics)"', html)
    assert ical, "the event page links to its iCalendar file"
    calendar = client.get(ical.group(1))
    assert calendar.status_code == 200
    assert b"BEGIN:VEVENT" in calendar.content


def test_region_page_contacts_network_cooperation_and_news(client):
    response = client.get("/fi/alueet/pohjois-karjala/")
    html = _html(response)
    page = main_text(response)
    assert "Pohjois-Karjalan Sosiaaliturvayhdistys ry" in page
    assert 'href="https://www.pksotu.fi/"' in html
    assert 'href="tel:+358505587460"' in html
    assert 'href="mailto:ari.harakka@pksotu.fi"' in html
    assert "Järjestö 2.0 -hankkeen kumppanuuspöytä" in page
    assert "Joensuun kaupunki" in page
    titles = card_titles(response)
    assert "Järjestöt ja tulevaisuuden sote-keskus" in titles
    assert "Esimerkkitapahtuma: Järjestöyhteistyön työpaja" in titles


def test_region_index_lists_all_22_areas(client):
    response = client.get("/fi/alueet/")
    links = re.findall(r'<ul class="region-list">(.*?)</ul>', _html(response), re.S)[0]
    assert links.count("<li>") == 22


# --- news listing filters --------------------------------------------------------


def test_news_filters_narrow_and_combine(client):
    everything = card_titles(client.get("/fi/uutiset/"))
    assert len(everything) == 4
    year_2020 = card_titles(client.get("/fi/uutiset/", {"vuosi": "2020"}))
    assert sorted(year_2020) == sorted(
        [
            "Järjestöt ja tulevaisuuden sote-keskus",
            "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen",
        ]
    )
    by_region = card_titles(client.get("/fi/uutiset/", {"alue": "pohjois-pohjanmaa"}))
    assert sorted(by_region) == sorted(
        [
            "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen",
            "Järjestöjen sote-muutostuen tilannekatsaus",
        ]
    )
    combined = card_titles(
        client.get("/fi/uutiset/", {"alue": "pohjois-pohjanmaa", "vuosi": "2020"})
    )
    assert combined == ["Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen"]
    keyword = card_titles(
        client.get("/fi/uutiset/", {"asiasana": "sote-uudistus", "vuosi": "2022"})
    )
    assert keyword == [
        "Miten järjestöt ovat mukana sote-uudistuksessa hyvinvointialueilla? – tiedot "
        "järjestöistä uudistuksen toimeenpanossa löytyvät nyt yhdestä paikasta"
    ]


def test_filters_survive_pagination(client, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 1)
    first = client.get("/fi/uutiset/", {"alue": "pohjois-pohjanmaa"})
    assert card_titles(first) == ["Järjestöjen sote-muutostuen tilannekatsaus"]
    next_link = next(h for h in hrefs(first) if "page=2" in h)
    assert "alue=pohjois-pohjanmaa" in next_link
    second = client.get("/fi/uutiset/" + next_link)
    assert card_titles(second) == ["Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen"]
    # The form keeps the chosen region selected on page 2.
    assert re.search(r'<option value="pohjois-pohjanmaa" selected>', _html(second))


@pytest.mark.parametrize("number", ["999", "-1", "0"])
def test_out_of_range_page_number_shows_the_last_page(client, monkeypatch, number):
    monkeypatch.setattr(NewsIndexPage, "per_page", 3)
    response = client.get("/fi/uutiset/", {"page": number})
    assert response.status_code == 200
    assert "Sivu 2 / 2" in main_text(response)


@pytest.mark.parametrize("number", ["abc", "1.5", "%00", "9" * 40])
def test_malformed_page_number_never_500(client, number):
    response = client.get("/fi/uutiset/", {"page": number})
    assert response.status_code == 200
    assert len(card_titles(response)) == 4


@pytest.mark.parametrize(
    "params", [{"vuosi": "abc"}, {"vuosi": "1850"}, {"alue": "atlantis"}, {"asiasana": "ei-ole"}]
)
def test_unknown_filter_value_is_a_clear_400(client, params):
    response = client.get("/fi/uutiset/", params)
    assert response.status_code == 400
    assert "Rajaus ei kelpaa" in main_text(response)


# --- events listing ----------------------------------------------------------------


def test_events_index_upcoming_first_then_archive(client):
    response = client.get("/fi/tapahtumat/")
    page = main_text(response)
    upcoming_at = page.index("Tulevat tapahtumat")
    past_at = page.index("Menneet tapahtumat")
    assert upcoming_at < page.index("Esimerkkitapahtuma: Järjestöyhteistyön työpaja") < past_at
    assert page.index("Maakuntien järjestöpäivä -kiertue") > past_at


def test_events_upcoming_ordered_by_next_session(client, demo_site):
    index = EventPage.objects.get(slug="maakuntien-jarjestopaiva-kiertue").get_parent()
    now = timezone.localtime()

    def at(days, hours=0):
        return now + datetime.timedelta(days=days, hours=hours)

    # A running tour (began last week, next session in 10 days) and a one-off event in
    # 3 days: by start date the tour is first, by next session the one-off is.
    tour = EventPageFactory(parent=index, title="Käynnissä oleva kiertue", live=True)
    tour.sessions = [session("Alku", at(-7), at(-7, 2)), session("Jatko", at(10), at(10, 2))]
    tour.save_revision().publish()
    soon = EventPageFactory(parent=index, title="Pian alkava", live=True)
    soon.sessions = [session("Ainoa", at(3), at(3, 1))]
    soon.save_revision().publish()
    for url in ("/fi/tapahtumat/", "/fi/"):
        titles = card_titles(client.get(url))
        assert titles.index("Pian alkava") < titles.index("Käynnissä oleva kiertue"), url
        assert titles.index("Käynnissä oleva kiertue") < titles.index(
            "Esimerkkitapahtuma: Järjestöyhteistyön työpaja"
        ), url


def test_events_filters_by_region_and_keyword(client):
    by_region = card_titles(client.get("/fi/tapahtumat/", {"alue": "pirkanmaa"}))
    assert by_region == ["Maakuntien järjestöpäivä -kiertue"]
    by_keyword = card_titles(client.get("/fi/tapahtumat/", {"asiasana": "järjestöyhteistyö"}))
    assert by_keyword == ["Esimerkkitapahtuma: Järjestöyhteistyön työpaja"]
    both = card_titles(
        client.get("/fi/tapahtumat/", {"asiasana": "sote-uudistus", "alue": "pohjois-karjala"})
    )
    assert both == ["Esimerkkitapahtuma: Järjestöyhteistyön työpaja"]
    assert client.get("/fi/tapahtumat/", {"alue": "atlantis"}).status_code == 400


# --- keyword page ------------------------------------------------------------------


def test_keyword_page_lists_articles_and_events_and_is_case_insensitive(client):
    titles = card_titles(client.get("/fi/asiasanat/sote-uudistus/"))
    assert "Järjestöt ja tulevaisuuden sote-keskus" in titles
    assert "Maakuntien järjestöpäivä -kiertue" in titles
    assert "Esimerkkitapahtuma: Järjestöyhteistyön työpaja" in titles
    assert "Järjestöjen sote-muutostuen tilannekatsaus" not in titles
    assert client.get("/fi/asiasanat/ei-tallaista/").status_code == 404


@pytest.mark.parametrize("slug", ["%00", "a%00b", "x" * 500, "%C3%A4%00"])
def test_malformed_keyword_is_a_404_not_a_500(client, slug):
    assert client.get(f"/fi/asiasanat/{slug}/").status_code == 404


def test_keyword_page_in_swedish_lists_only_swedish_pages(client):
    response = client.get("/sv/amnesord/sote-uudistus/")
    assert response.status_code == 200
    assert '<html lang="sv">' in _html(response)
    sv_titles = set(
        NewsArticlePage.objects.live()
        .filter(locale__language_code="sv")
        .values_list("title", flat=True)
    ) | set(
        EventPage.objects.live().filter(locale__language_code="sv").values_list("title", flat=True)
    )
    titles = card_titles(response)
    assert titles, "Swedish translations tagged sote-uudistus are listed"
    assert set(titles) <= sv_titles


# --- nothing private leaks ---------------------------------------------------------


def test_drafts_and_restricted_pages_stay_out_of_every_listing(client, demo_site):
    index = NewsIndexPage.objects.get(slug="uutiset", locale__language_code="fi", depth=3)
    draft = NewsArticlePageFactory(parent=index, title="Salainen luonnos", live=False)
    draft.keywords.add("sote-uudistus")
    draft.regions.add(Region.objects.get(code="pohjois-karjala"))
    draft.save()
    restricted = NewsArticlePageFactory(parent=index, title="Vain jäsenille", live=True)
    restricted.keywords.add("sote-uudistus")
    restricted.regions.add(Region.objects.get(code="pohjois-karjala"))
    restricted.save()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    # Live and past its expiry time: publish_scheduled has not yet unpublished it.
    expired = NewsArticlePageFactory(parent=index, title="Vanhentunut", live=True)
    expired.keywords.add("sote-uudistus")
    expired.regions.add(Region.objects.get(code="pohjois-karjala"))
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    assert expired.live and not expired.expired
    for url in [
        "/fi/",
        "/fi/uutiset/",
        "/fi/uutiset/?asiasana=sote-uudistus",
        "/fi/asiasanat/sote-uudistus/",
        "/fi/alueet/pohjois-karjala/",
    ]:
        page = text(client.get(url))
        for title in ("Salainen luonnos", "Vain jäsenille", "Vanhentunut"):
            assert title not in page, (url, title)


def test_related_pages_hide_unpublished_ones(client):
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    public = NewsArticlePage.objects.get(slug="jarjestot-ja-tulevaisuuden-sote-keskus")
    hidden = NewsArticlePageFactory(parent=article.get_parent(), title="Piilotettu", live=False)
    ArticleRelatedPage.objects.create(article=article, page=public, sort_order=0)
    ArticleRelatedPage.objects.create(article=article, page=hidden, sort_order=1)
    page = main_text(client.get(article.url))
    assert "Aiheeseen liittyvää" in page
    assert "Järjestöt ja tulevaisuuden sote-keskus" in page
    assert "Piilotettu" not in page


# --- errors ------------------------------------------------------------------------


def test_404_is_helpful(client):
    response = client.get("/fi/ei-tallaista-sivua/")
    assert response.status_code == 404
    page = main_text(response)
    assert "Sivua ei löytynyt" in page
    assert {"/fi/", "/fi/uutiset/", "/fi/tapahtumat/", "/fi/alueet/"} <= set(hrefs(response))
    assert 'action="/fi/haku/"' in _html(response)


@pytest.mark.parametrize(
    "language, heading, home",
    [("sv", "Sidan hittades inte", "/sv/"), ("en", "Page not found", "/en/")],
)
def test_404_in_swedish_and_english(client, language, heading, home):
    response = client.get(f"/{language}/ei-tallaista-sivua/")
    assert response.status_code == 404
    assert f'<html lang="{language}">' in _html(response)
    assert heading in main_text(response)
    assert home in hrefs(response)


def test_500_page_speaks_all_three_languages():
    response = server_error(RequestFactory().get("/fi/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Palvelussa tapahtui virhe" in body
    assert "Ett fel inträffade" in body
    assert "Something went wrong" in body
    assert "https://" not in body  # no external resources


def test_stylesheets_scripts_and_images_come_from_the_site_itself(client):
    for url in ["/fi/", ARTICLE_002, TOUR, "/fi/alueet/pohjois-karjala/"]:
        html = _html(client.get(url))
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert sheets and all(href.startswith("/static/") for href in sheets)
        for src in re.findall(r'<(?:script|img)\b[^>]*\bsrc="([^"]+)"', html):
            assert src.startswith("/"), src
        assert "@import" not in html and "fonts.googleapis" not in html


def test_production_collectstatic_with_whitenoise(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "collectstatic-check",
        "STATIC_ROOT": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert '"css/site.css": "css/site.' in manifest
    assert list(tmp_path.glob("css/site.*.css.gz"))
