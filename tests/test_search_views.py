"""The public search page and autocomplete, through the test client."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from news.models import NewsArticlePage, NewsIndexPage
from search.query import search_pages
from tests.factories import publish

pytestmark = pytest.mark.django_db

HOSTILE = [
    "' OR 1=1--",
    ":* & | ! ( )",
    "\\",
    "\\'\\\"",
    "😀 sote 🙈",
    "a\x00b",
    "%00",
    "<script>alert(1)</script>",
    "x" * 50_000,
    "sote " * 10_000,
]


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")


def add_article(parent, title, body_html, **fields):
    page = NewsArticlePage(
        title=title,
        date=fields.pop("date", timezone.localdate()),
        body=[{"type": "paragraph", "value": body_html}],
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def test_search_urls_are_translated():
    for language, url in (("fi", "/fi/haku/"), ("sv", "/sv/sok/"), ("en", "/en/search/")):
        with translation.override(language):
            assert reverse("search:search") == url


@pytest.mark.parametrize("url", ["/fi/haku/", "/sv/sok/", "/en/search/"])
def test_search_page_answers_in_every_language(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="q"' in response.content


def test_results_have_highlighted_snippets(client, demo_site):
    response = client.get("/fi/haku/", {"q": "sote-keskus"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Järjestöt ja tulevaisuuden sote-keskus" in html
    assert "<mark>" in html


def test_snippets_are_escaped(client, news_index):
    add_article(
        news_index,
        "Kvanttiturva",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; kvanttiturva kaikille</p>",
    )
    html = client.get("/fi/haku/", {"q": "kvanttiturva"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>kvanttiturva</mark>" in html


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(client, query):
    response = client.get("/fi/haku/", {"q": query})
    assert response.status_code == 200
    response = client.get("/fi/haku/ehdotukset/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_hostile_filters_and_page_numbers_never_fail(client):
    for params in (
        {"q": "sote", "page": "abc"},
        {"q": "sote", "page": "99999"},
        {"q": "sote", "date_from": "2020-13-45"},
        {"q": "sote", "region": "' OR 1=1--"},
        {"q": "sote", "type": "\x00"},
        {"q": "sote", "keyword": "a\x00b"},
    ):
        assert client.get("/fi/haku/", params).status_code == 200


def test_fifty_thousand_character_query_answers_within_a_second(demo_site):
    query = "sote-keskus " + "järjestöavustus " * 3_000 + "x" * 10_000
    assert len(query) >= 50_000
    search_pages("lämmittely", language="fi")
    start = time.perf_counter()
    results = search_pages(query, language="fi")
    len(results)
    list(results[:10])
    assert time.perf_counter() - start < 1.0


def test_no_results_message_with_suggestions(client, demo_site):
    response = client.get("/fi/haku/", {"q": "kiertuue"})
    html = response.content.decode()
    assert "ei löytynyt tuloksia" in html
    assert "?q=kiertue" in html  # "Did you mean: kiertue"


def test_filters_by_type_keyword_region_and_date(client, news_index):
    from regions.models import Region

    region = Region.objects.get(code="pohjois-karjala")
    tagged = add_article(news_index, "Zorblakit Pohjois-Karjalassa", "<p>zorblakit</p>")
    tagged.keywords.add("kvanttiasia")
    tagged.regions.add(region)
    publish(tagged)
    other = add_article(
        news_index,
        "Zorblakit muualla",
        "<p>zorblakit</p>",
        date=timezone.localdate().replace(year=2019),
    )

    def titles(**params):
        response = client.get("/fi/haku/", {"q": "zorblakit", **params})
        assert response.status_code == 200
        return {p["page"].pk for p in response.context["results"]}

    assert titles() == {tagged.pk, other.pk}
    assert titles(keyword="Kvanttiasia") == {tagged.pk}
    assert titles(region="pohjois-karjala") == {tagged.pk}
    assert titles(type="event") == set()
    assert titles(type="news") == {tagged.pk, other.pk}
    assert titles(date_to="2019-12-31") == {other.pk}
    assert titles(date_from="2020-01-01") == {tagged.pk}


def test_pagination(client, news_index):
    for number in range(12):
        add_article(news_index, f"Qwerlix {number}", "<p>qwerlix</p>")
    first = client.get("/fi/haku/", {"q": "qwerlix"}).context
    second = client.get("/fi/haku/", {"q": "qwerlix", "page": 2}).context
    assert len(first["results"]) == 10
    assert len(second["results"]) == 2
    assert not {r["page"].pk for r in first["results"]} & {r["page"].pk for r in second["results"]}


def test_autocomplete_suggests_live_titles_only(client, news_index):
    live = add_article(news_index, "Kvanttikumppanit kokoontuvat", "<p>x</p>")
    draft = NewsArticlePage(title="Kvanttikumppanit luonnos", date=timezone.localdate())
    news_index.add_child(instance=draft)
    draft.save_revision()
    NewsArticlePage.objects.filter(pk=draft.pk).update(live=False)

    data = client.get("/fi/haku/ehdotukset/", {"q": "KVANTTIKUMPP"}).json()
    assert [item["title"] for item in data["results"]] == [live.title]
    assert data["results"][0]["url"] == live.url
    assert client.get("/fi/haku/ehdotukset/", {"q": "k"}).json() == {"results": []}


def test_admin_title_autocomplete_requires_admin_and_includes_drafts(client, news_index):
    draft = NewsArticlePage(title="Kvanttiluonnos toimittajille", date=timezone.localdate())
    news_index.add_child(instance=draft)
    NewsArticlePage.objects.filter(pk=draft.pk).update(live=False)
    url = "/admin/search-titles/"
    assert client.get(url, {"q": "kvanttiluonnos"}).status_code in (302, 403)
    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    data = client.get(url, {"q": "kvanttiluonnos"}).json()
    assert [item["id"] for item in data["results"]] == [draft.pk]
    assert data["results"][0]["live"] is False


def test_nfd_query_finds_the_same_pages_as_nfc(client, demo_site):
    import unicodedata

    nfc = "järjestöjen yhteistyö"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    expected = [p.pk for p in search_pages(nfc, language="fi")]
    assert expected
    assert [p.pk for p in search_pages(nfd, language="fi")] == expected
    assert [p.pk for p in search_pages(nfc.upper(), language="fi")] == expected


def test_unknown_language_or_empty_query_gives_an_empty_list(demo_site):
    assert len(search_pages("sote", language="xx")) == 0
    assert len(search_pages("", language="fi")) == 0
    assert len(search_pages(None, language="fi")) == 0
    assert list(search_pages("ja tai", language="fi")) == []


def test_queryset_restricts_candidates(demo_site):
    from news.models import EventPage

    events = search_pages("kiertue", language="fi", queryset=EventPage.objects.all())
    assert len(events) >= 1
    assert all(isinstance(page, EventPage) for page in events)
