"""A page's translations in the typed API: only those the public may see, with the
same URLs as the HTML site, read once per response (``kumppanuus.visibility.PageLink``
rows, not whole pages) and shared with the detail's hreflang alternates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from kumppanuus.localisation import switcher_links
from kumppanuus.visibility import PageLink, RequestMemoMiddleware, translations_for

pytestmark = pytest.mark.django_db

ARTICLE = "jarjestot-ja-tulevaisuuden-sote-keskus"


def article():
    return Page.objects.get(slug=ARTICLE, locale__language_code="fi").specific


def translation(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def hide(page, how):
    if how == "draft":
        page.unpublish()
    elif how == "expired":
        # Past its expiry, still live: publish_scheduled has not run yet.
        Page.objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    elif how == "restricted":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="salainen"
        )
    elif how == "restricted_parent":
        PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
        )


def test_detail_lists_each_translation_with_the_sites_own_urls(client):
    page = article()
    body = client.get(f"/api/v3/news/{page.pk}/").json()
    expected = [translation(page, code) for code in ("en", "sv")]
    assert [(t["locale"], t["id"]) for t in body["translations"]] == [
        (other.locale.language_code, other.pk) for other in expected
    ]
    for item, other in zip(body["translations"], expected, strict=True):
        assert item["url"] == other.get_full_url()
        assert client.get(item["detail_url"]).json()["id"] == other.pk
    alternates = {a["hreflang"]: a["url"] for a in body["seo"]["alternates"]}
    assert alternates == {
        "fi": page.get_full_url(),
        "sv": expected[1].get_full_url(),
        "en": expected[0].get_full_url(),
        "x-default": page.get_full_url(),
    }


@pytest.mark.parametrize("how", ["draft", "expired", "restricted", "restricted_parent"])
def test_a_hidden_translation_is_neither_listed_nor_an_alternate(client, how):
    page = article()
    swedish = translation(page, "sv")
    hide(swedish, how)
    detail = client.get(f"/api/v3/news/{page.pk}/").json()
    assert [t["locale"] for t in detail["translations"]] == ["en"]
    assert {a["hreflang"] for a in detail["seo"]["alternates"]} == {"fi", "en", "x-default"}
    listed = client.get("/api/v3/news/", {"locale": "fi", "limit": 100}).json()["items"]
    item = next(item for item in listed if item["id"] == page.pk)
    assert [t["locale"] for t in item["translations"]] == ["en"]
    assert str(swedish.pk) not in {str(t["id"]) for t in item["translations"]}
    assert swedish.slug not in str(detail) + str(item)


def test_detail_reads_translations_once_for_the_list_and_the_alternates(client, app_queries_only):
    page = article()
    client.get(f"/api/v3/news/{page.pk}/")
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body = client.get(f"/api/v3/news/{page.pk}/").json()
    assert len(body["translations"]) == 2 and len(body["seo"]["alternates"]) == 4
    reads = [
        q["sql"]
        for q in captured
        if '"translation_key" IN' in q["sql"] and "wagtailcore_site" not in q["sql"]
    ]
    assert len(reads) == 1, reads
    # view restrictions with the soonest expiry, the page, its keywords, related pages
    # and regions, the site root paths (kumppanuus.sites), the translations
    assert len(captured) == 7, [q["sql"][:80] for q in captured]


def test_list_reads_translations_in_one_query_whatever_its_length(client, app_queries_only):
    from django.core.cache import cache

    client.get("/api/v3/news/", {"limit": 100})
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        items = client.get("/api/v3/news/", {"limit": 100}).json()["items"]
    assert sum(1 for item in items if item["translations"]) > 1
    reads = [q["sql"] for q in captured if '"translation_key" IN' in q["sql"]]
    assert len(reads) == 1, reads


def test_translation_links_are_rows_with_the_pages_urls(rf):
    """``PageLink`` gives the URLs ``Page`` gives, from Wagtail's own URL methods."""
    page = article()
    request = rf.get("/", HTTP_HOST="localhost")
    links = translations_for([page])[page.translation_key]
    assert all(isinstance(link, PageLink) for link in links)
    assert [link.language_code for link in links] == ["en", "fi", "sv"]
    for link in links:
        real = Page.objects.get(pk=link.pk)
        assert link.get_full_url(request) == real.get_full_url(request)
        assert link.get_url(request) == real.get_url(request)
        assert link.get_url_parts(request) == real.get_url_parts(request)
        assert link.specific_class is type(real.specific)


def test_language_switcher_links_are_unchanged_by_the_shared_read(rf):
    page = article()
    request = rf.get(page.url, HTTP_HOST="localhost")

    def view(request):
        return switcher_links(request, page)

    links = RequestMemoMiddleware(view)(request)
    by_code = {link.code: link.url for link in links}
    assert by_code["sv"] == translation(page, "sv").get_url(request)
    assert by_code["en"] == translation(page, "en").get_url(request)


@pytest.mark.parametrize("how", ["draft", "expired", "restricted"])
def test_a_page_whose_translations_are_all_hidden_stands_alone(client, app_queries_only, how):
    """The page's own read says no other version is visible: no translations are read,
    and neither the list nor the alternates name a hidden one."""
    page = article()
    hidden = [translation(page, "sv"), translation(page, "en")]
    for other in hidden:
        hide(other, how)
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        detail = client.get(f"/api/v3/news/{page.pk}/").json()
    assert detail["translations"] == []
    assert detail["seo"]["alternates"] == [{"hreflang": "fi", "url": page.get_full_url()}]
    assert not [q for q in captured if '"translation_key" IN' in q["sql"]]
    listed = client.get("/api/v3/news/", {"locale": "fi", "limit": 100}).json()["items"]
    assert next(item for item in listed if item["id"] == page.pk)["translations"] == []


def test_a_list_of_untranslated_pages_reads_no_translations(client, app_queries_only):
    from django.core.cache import cache

    untranslated = [
        pk
        for pk, key in Page.objects.filter(
            live=True, depth__gt=3, locale__language_code="fi"
        ).values_list("pk", "translation_key")
        if Page.objects.filter(translation_key=key).count() == 1
    ]
    assert untranslated
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body = client.get("/api/v3/news/", {"locale": "fi", "limit": 100}).json()
    items = {item["id"]: item for item in body["items"]}
    shown = [pk for pk in untranslated if pk in items]
    assert shown and all(items[pk]["translations"] == [] for pk in shown)
    reads = [q["sql"] for q in captured if '"translation_key" IN' in q["sql"]]
    translated = [item for item in body["items"] if item["translations"]]
    assert len(reads) == (1 if translated else 0)


def test_site_root_paths_in_one_query_are_wagtails_own(django_assert_num_queries):
    """``kumppanuus.sites.site_root_paths`` (one query) gives the list Wagtail's
    ``Site.get_site_root_paths`` (two) gives, and stores it where Wagtail finds it."""
    from django.core.cache import cache
    from wagtail.models import Site

    from kumppanuus.sites import site_root_paths

    Site.clear_site_root_paths_cache()
    wagtails = Site.get_site_root_paths()
    assert len(wagtails) == 3  # the Finnish home page and its two translations
    Site.clear_site_root_paths_cache()
    with django_assert_num_queries(1):
        ours = site_root_paths()
    assert ours == wagtails
    with django_assert_num_queries(0):
        assert Site.get_site_root_paths() == wagtails
    other = Site.objects.create(
        hostname="toinen.example", port=443, root_page=translation(article().get_parent(), "sv")
    )
    cache.clear()
    Site.clear_site_root_paths_cache()
    wagtails = Site.get_site_root_paths()
    Site.clear_site_root_paths_cache()
    assert site_root_paths() == wagtails
    assert wagtails[0].site_id == other.pk
