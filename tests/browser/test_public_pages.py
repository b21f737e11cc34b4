"""Every page kind in Finnish, Swedish and English, as a visitor's browser shows it.

Each page is opened in Debian's chromium; the test reads what is on screen
(heading, language, dates) and runs the vendored axe-core, which must report no
WCAG 2.1 A/AA violation. Page addresses in Swedish and English come from the
translations in the database, so a renamed slug does not need a test change.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from news.models import EventPage, NewsArticlePage

from .axe import axe_violations

LANGUAGES = ["fi", "sv", "en"]
ARTICLE_SLUG = "jarjestot-ja-tulevaisuuden-sote-keskus"
TOUR_SLUG = "maakuntien-jarjestopaiva-kiertue"
UPCOMING_SLUG = "esimerkkitapahtuma-jarjestoyhteistyon-tyopaja"
KEYWORD_HEADING = {"fi": "Asiasana", "sv": "Nyckelord", "en": "Keyword"}


def in_language(page, language):
    """The live translation of a Finnish page (its URL and title)."""
    translated = page.get_translation(Locale.objects.get(language_code=language))
    assert translated.live, f"{page.title} has no live {language} translation"
    return translated.specific


def fi_page(model, **lookup):
    return model.objects.get(locale__language_code="fi", **lookup)


def home(language):
    return in_language(Page.objects.get(depth=2, locale__language_code="fi"), language)


def child_of_home(language, slug):
    return in_language(fi_page(Page, depth=3, slug=slug), language)


PAGE_KINDS = {
    "home": lambda lang: home(lang),
    "news index": lambda lang: child_of_home(lang, "uutiset"),
    "article": lambda lang: in_language(fi_page(NewsArticlePage, slug=ARTICLE_SLUG), lang),
    "event": lambda lang: in_language(fi_page(EventPage, slug=TOUR_SLUG), lang),
    "events index": lambda lang: child_of_home(lang, "tapahtumat"),
    "region index": lambda lang: child_of_home(lang, "alueet"),
    "region page": lambda lang: in_language(fi_page(Page, slug="pohjois-karjala"), lang),
}


def open_page(browser_page, url):
    response = browser_page.goto(url)
    return response


def assert_accessible(browser_page):
    violations = axe_violations(browser_page)
    assert violations == [], "\n".join(violations)


def heading(browser_page):
    return browser_page.get_by_role("heading", level=1).inner_text().strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind_shows_its_title_in_the_language_and_passes_axe(browser_page, kind, language):
    page = PAGE_KINDS[kind](language)
    response = open_page(browser_page, page.url)
    assert response.status == 200
    assert browser_page.locator("html").get_attribute("lang") == language
    assert heading(browser_page) == page.title
    assert page.title in browser_page.title()
    assert_accessible(browser_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyword_page_lists_tagged_pages_in_the_language(browser_page, language):
    with translation.override(language):
        url = reverse("news:keyword", args=["sote-uudistus"])
    assert url.startswith(f"/{language}/")
    response = open_page(browser_page, url)
    assert response.status == 200
    assert heading(browser_page).startswith(KEYWORD_HEADING[language])
    titles = browser_page.locator(".card__title").all_inner_texts()
    expected_tour = in_language(fi_page(EventPage, slug=TOUR_SLUG), language).title
    assert expected_tour in titles
    article = in_language(fi_page(NewsArticlePage, slug=ARTICLE_SLUG), language).title
    assert article in titles
    assert_accessible(browser_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page_in_the_language(browser_page, language):
    with translation.override(language):
        url = reverse("search:search")
    response = open_page(browser_page, f"{url}?q=sote")
    assert response.status == 200
    assert browser_page.locator("html").get_attribute("lang") == language
    assert browser_page.get_by_role("heading", level=1).count() == 1
    assert_accessible(browser_page)


@pytest.mark.parametrize(
    "language, text",
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_not_found_page_in_the_language(browser_page, language, text):
    response = open_page(browser_page, f"/{language}/ei-tallaista-sivua/")
    assert response.status == 404
    assert browser_page.locator("html").get_attribute("lang") == language
    assert heading(browser_page) == text
    # Helpful: the language's home page is one click away.
    assert browser_page.locator(f'main a[href="/{language}/"]').count() == 1
    assert_accessible(browser_page)


SESSION_TIMES = {
    "fi": ["23.3.2020 klo 12.00–14.30", "24.3.2020 klo 9.00–11.30", "28.4.2020 klo 9.00–11.30"],
    "sv": ["23.3.2020 kl. 12.00–14.30", "24.3.2020 kl. 9.00–11.30", "28.4.2020 kl. 9.00–11.30"],
    "en": [
        "23 March 2020, 12:00–14:30",
        "24 March 2020, 09:00–11:30",
        "28 April 2020, 09:00–11:30",
    ],
}
DATE_SPAN = {"fi": "23.3.–28.4.2020", "sv": "23.3.–28.4.2020", "en": "23 March – 28 April 2020"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_tour_sessions_in_local_format_and_marked_past(browser_page, language):
    tour = in_language(fi_page(EventPage, slug=TOUR_SLUG), language)
    open_page(browser_page, tour.url)
    sessions = browser_page.locator(".session")
    assert sessions.count() == 5
    times = browser_page.locator(".session time").all_inner_texts()
    assert [times[0], times[1], times[4]] == SESSION_TIMES[language]
    assert DATE_SPAN[language] in browser_page.locator(".facts").inner_text()
    # All five sessions are past: each carries the badge, none a registration button.
    assert browser_page.locator(".session--past .badge").count() == 5
    assert browser_page.locator(".session a.button").count() == 0


def test_upcoming_event_registration_links_work(browser_page):
    event = fi_page(EventPage, slug=UPCOMING_SLUG)
    sessions = event.ordered_sessions()
    # The registration forms are on the organiser's site; answer for it here.
    browser_page.route(
        "https://www.pksotu.fi/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Ilmoittautuminen</title>"
        ),
    )
    open_page(browser_page, event.url)
    buttons = browser_page.locator(".session a.button")
    assert buttons.count() == 2
    for index, session in enumerate(sessions):
        link = browser_page.get_by_role("link", name=f"Ilmoittaudu: {session.title}")
        assert link.is_visible()
        link.click()
        browser_page.wait_for_url(session.registration_url)
        browser_page.go_back()
        assert (
            browser_page.locator(".session time")
            .nth(index)
            .inner_text()
            .endswith("13.00–15.30" if index == 0 else "9.00–12.00")
        )
    assert_accessible(browser_page)


def test_add_to_calendar_gives_the_event_as_icalendar(browser_page):
    event = fi_page(EventPage, slug=UPCOMING_SLUG)
    open_page(browser_page, event.url)
    link = browser_page.get_by_role("link", name=re.compile("Lisää kalenteriin"))
    response = browser_page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.text()
    assert body.count("BEGIN:VEVENT") == 2
    assert "Joensuu" in body


def test_news_filters_narrow_the_list_and_survive_reload(browser_page):
    open_page(browser_page, "/fi/uutiset/")
    cards = browser_page.locator(".card__title")
    assert cards.count() == 4
    browser_page.get_by_label("Vuosi").select_option("2020")
    browser_page.get_by_role("button", name="Näytä").click()
    browser_page.wait_for_url(re.compile(r"vuosi=2020"))
    assert cards.count() == 2
    browser_page.get_by_label("Alue").select_option("pohjois-pohjanmaa")
    browser_page.get_by_role("button", name="Näytä").click()
    browser_page.wait_for_url(re.compile(r"alue=pohjois-pohjanmaa"))
    assert cards.all_inner_texts() == [
        "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen"
    ]
    # Both choices stay selected, so the visitor sees what is filtered.
    assert browser_page.get_by_label("Vuosi").input_value() == "2020"
    assert browser_page.get_by_label("Alue").input_value() == "pohjois-pohjanmaa"
    assert_accessible(browser_page)


def test_event_filters_narrow_the_list(browser_page):
    open_page(browser_page, "/fi/tapahtumat/")
    cards = browser_page.locator(".card__title")
    assert cards.count() == 2
    browser_page.get_by_label("Alue").select_option("pirkanmaa")
    browser_page.get_by_role("button", name="Näytä").click()
    browser_page.wait_for_url(re.compile(r"alue=pirkanmaa"))
    assert cards.all_inner_texts() == ["Maakuntien järjestöpäivä -kiertue"]
    browser_page.get_by_role("link", name="Poista rajaukset").click()
    assert cards.count() == 2


@pytest.mark.parametrize("language", ["sv", "en"])
def test_language_switcher_lands_on_the_translation(browser_page, language):
    article = fi_page(NewsArticlePage, slug=ARTICLE_SLUG)
    translated = in_language(article, language)
    open_page(browser_page, article.url)
    browser_page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    browser_page.wait_for_url(re.compile(re.escape(translated.url) + "$"))
    assert heading(browser_page) == translated.title
    assert browser_page.locator("html").get_attribute("lang") == language
    # And back to Finnish.
    browser_page.locator('.language-switcher a[hreflang="fi"]').click()
    browser_page.wait_for_url(re.compile(re.escape(article.url) + "$"))
    assert heading(browser_page) == article.title


def test_region_page_contacts_are_links(browser_page):
    open_page(browser_page, "/fi/alueet/pohjois-karjala/")
    phone = browser_page.get_by_role("link", name="050 558 7460")
    assert phone.first.get_attribute("href") == "tel:+358505587460"
    email = browser_page.get_by_role("link", name="ari.harakka@pksotu.fi")
    assert email.get_attribute("href") == "mailto:ari.harakka@pksotu.fi"
    assert browser_page.get_by_role("heading", name="Yhteistyörakenteet").is_visible()
    assert browser_page.get_by_role("heading", name="Alueen uutiset").is_visible()


def test_article_keywords_lead_to_the_keyword_page(browser_page):
    article = fi_page(NewsArticlePage, slug=ARTICLE_SLUG)
    open_page(browser_page, article.url)
    crumbs = browser_page.locator(".breadcrumb li").all_inner_texts()
    assert crumbs[0] == "Etusivu" and crumbs[-1] == article.title
    assert browser_page.get_by_text("oli katsottavissa 30.4.2020 asti").is_visible()
    browser_page.locator(".keywords").get_by_role("link", name="järjestöyhteistyö").click()
    assert heading(browser_page) == "Asiasana: järjestöyhteistyö"
    assert article.title in browser_page.locator(".card__title").all_inner_texts()


@pytest.mark.parametrize("kind", ["home", "article", "event", "region page", "news index"])
def test_no_sideways_scrolling_at_320px(browser_page, kind):
    browser_page.set_viewport_size({"width": 320, "height": 640})
    open_page(browser_page, PAGE_KINDS[kind]("fi").url)
    width = browser_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320


def test_language_switcher_on_the_keyword_page_keeps_the_keyword(browser_page):
    open_page(browser_page, "/fi/asiasanat/sote-uudistus/")
    browser_page.locator('.language-switcher a[hreflang="en"]').click()
    browser_page.wait_for_url(re.compile(r"/en/keywords/sote-uudistus/$"))
    assert heading(browser_page).startswith("Keyword")
    tour = in_language(fi_page(EventPage, slug=TOUR_SLUG), "en")
    assert tour.title in browser_page.locator(".card__title").all_inner_texts()


def test_axe_harness_reports_a_planted_violation(browser_page):
    """Guards the zero-violation tests against a silently broken axe injection."""
    open_page(browser_page, "/fi/")
    browser_page.evaluate(
        "() => document.querySelector('main')"
        ".insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    violations = axe_violations(browser_page)
    assert any(v.startswith("image-alt") for v in violations), violations


def test_print_shows_the_content_without_navigation(browser_page):
    article = fi_page(NewsArticlePage, slug=ARTICLE_SLUG)
    open_page(browser_page, article.url)
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".site-header").is_visible()
    assert not browser_page.locator(".language-switcher").is_visible()
    assert browser_page.get_by_role("heading", level=1).is_visible()
    # Link targets are written out on paper.
    read_more = browser_page.locator(".read-more a").first
    after = read_more.evaluate("a => getComputedStyle(a, '::after').content")
    assert "sote-uudistus.fi" in after
