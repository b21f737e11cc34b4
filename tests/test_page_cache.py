"""Public HTML for anonymous visitors from the shared cache (api/caching.py).

A visitor without a session gets a cached page with an ETag (304 on revalidation);
a publish is seen on the very next request; logged-in users, restricted pages and
forms never go through the cache; PAGE_CACHE=off renders every page. The same
generation counter invalidates on every model the public surfaces show.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site

from api.caching import check_shared_cache, generation
from news.models import Keyword, NewsArticlePage
from regions.models import Person, Region

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db


def news_index(demo_site):
    return demo_site.get_children().get(slug="uutiset").specific


def an_article(demo_site):
    return NewsArticlePage.objects.live().filter(locale__language_code="fi").first()


def test_anonymous_page_comes_from_the_cache_with_etag(client, demo_site):
    first = client.get("/fi/")
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    assert first["ETag"].startswith('"')
    assert "public" in first["Cache-Control"]
    again = client.get("/fi/")
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"].startswith("text/html")
    revalidated = client.get("/fi/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""
    # every address and language has its own entry
    assert client.get("/sv/")["X-Cache"] == "miss"
    assert client.get("/fi/haku/", {"q": "avustus"})["X-Cache"] == "miss"
    assert client.get("/fi/haku/", {"q": "sote"})["X-Cache"] == "miss"
    assert client.get("/fi/haku/", {"q": "avustus"})["X-Cache"] == "hit"


def test_a_published_change_is_seen_on_the_next_request(client, demo_site):
    index = news_index(demo_site)
    listing = client.get(index.url)
    assert client.get(index.url)["X-Cache"] == "hit"
    article = NewsArticlePageFactory(parent=index, title="Juuri julkaistu uutinen", live=False)
    assert "Juuri julkaistu uutinen" not in client.get(index.url).content.decode()
    publish(article)
    fresh = client.get(index.url, HTTP_IF_NONE_MATCH=listing["ETag"])
    assert fresh.status_code == 200 and fresh["X-Cache"] == "miss"
    assert "Juuri julkaistu uutinen" in fresh.content.decode()

    page = client.get(article.url)
    assert page.status_code == 200 and client.get(article.url)["X-Cache"] == "hit"
    article.title = "Otsikko korjattu"
    publish(article)
    assert "Otsikko korjattu" in client.get(article.url).content.decode()

    NewsArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get(article.url).status_code == 404
    assert "Otsikko korjattu" not in client.get(index.url).content.decode()


def test_logged_in_users_are_never_served_from_the_cache(client, demo_site):
    article = an_article(demo_site)
    assert client.get(article.url)["X-Cache"] == "miss"
    # A change that bypasses publishing (no signal): the cached copy stays as it was,
    # which shows who is served from the cache.
    Page.objects.filter(pk=article.pk).update(title="Muutettu ohi julkaisun")
    assert "Muutettu ohi julkaisun" not in client.get(article.url).content.decode()

    user = get_user_model().objects.get(username="admin")
    client.force_login(user)
    response = client.get(article.url)
    assert "X-Cache" not in response
    assert "Muutettu ohi julkaisun" in response.content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(article.url)["X-Cache"] == "hit"


def test_restricted_pages_are_never_cached(client, demo_site):
    article = an_article(demo_site)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200  # the password form
        assert response.get("X-Cache") != "hit"
        assert "csrfmiddlewaretoken" in response.content.decode()
    restriction.delete()

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(get_user_model().objects.get(username="admin"))
    assert client.get(article.url).status_code == 200  # a logged-in reader sees it
    client.logout()
    client.cookies.clear()
    anonymous = client.get(article.url)
    assert anonymous.status_code == 302  # to the login page, not the reader's copy
    assert client.get(article.url).status_code == 302


def test_restricted_page_is_not_stored_even_without_a_form(client, demo_site, rf):
    """The serving hook keeps a restricted page's response out of the cache, whoever
    looks at it (here a login-restricted page seen through a stub request)."""
    from api.wagtail_hooks import keep_restricted_pages_out_of_the_cache

    article = an_article(demo_site)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    request = rf.get(article.url)
    keep_restricted_pages_out_of_the_cache(article, request, [], {})
    assert request.public_cache_forbidden is True
    open_page = demo_site
    request = rf.get(open_page.url)
    keep_restricted_pages_out_of_the_cache(open_page, request, [], {})
    assert not getattr(request, "public_cache_forbidden", False)


def test_page_cache_can_be_switched_off(client, demo_site, settings):
    settings.PUBLIC_PAGE_CACHE = False
    client.get("/fi/")
    response = client.get("/fi/")
    assert response.status_code == 200 and "X-Cache" not in response
    # the API, feeds and sitemap stay cached
    client.get("/api/v3/news/")
    assert client.get("/api/v3/news/")["X-Cache"] == "hit"


def test_admin_documents_and_errors_are_not_cached(client, demo_site):
    assert "X-Cache" not in client.get("/admin/login/")
    missing = client.get("/fi/ei-ole-olemassa/")
    assert missing.status_code == 404 and "X-Cache" not in missing
    assert client.get("/fi/ei-ole-olemassa/").get("X-Cache") is None


def _image():
    return get_image_model().objects.create(title="Välimuistikuva", file=get_test_image_file())


def _document():
    from django.core.files.base import ContentFile

    return get_document_model().objects.create(
        title="Välimuistiasiakirja", file=ContentFile(b"sisalto", name="valimuisti.txt")
    )


EDITS = {
    "image": lambda: _image().save(),
    "document": lambda: _document().save(),
    "person": lambda: Person.objects.first().save(),
    "keyword": lambda: Keyword.objects.create(name="Välimuistiasiasana"),
    "region": lambda: Region.objects.first().save(),
    "redirect": lambda: Redirect.objects.create(old_path="/vanha-osoite", redirect_link="/fi/"),
    "site": lambda: Site.objects.first().save(),
    "image deleted": lambda: _image().delete(),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_every_public_model_invalidates(demo_site, edit):
    before = generation()
    EDITS[edit]()
    assert generation() != before


def test_system_check_refuses_a_per_process_cache_in_production():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(REQUIRE_SHARED_CACHE=True, CACHES=locmem):
        errors = check_shared_cache()
        assert [error.id for error in errors] == ["api.E001"]
        assert "api.E001" in [message.id for message in run_checks()]
    with override_settings(REQUIRE_SHARED_CACHE=False, CACHES=locmem):
        assert check_shared_cache() == []
    # the production default without Redis: the database cache, shared by every process
    database = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kumppanuus_cache",
        }
    }
    with override_settings(REQUIRE_SHARED_CACHE=True, CACHES=database):
        assert check_shared_cache() == []


def test_a_page_that_used_its_csp_nonce_is_not_stored(rf):
    """An inline script carries the request's nonce: that body is never replayed."""
    from django.http import HttpResponse
    from django.utils.functional import SimpleLazyObject

    from api.caching import PublicCacheMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    middleware = PublicCacheMiddleware(view)
    for _ in range(2):
        request = rf.get("/fi/nonce-sivu/")
        request.csp_nonce = SimpleLazyObject(lambda: "abc123")
        assert middleware(request).get("X-Cache") is None
    plain = PublicCacheMiddleware(lambda request: HttpResponse("<p>ei skriptejä</p>"))
    assert plain(rf.get("/fi/tavallinen/"))["X-Cache"] == "miss"
    assert plain(rf.get("/fi/tavallinen/"))["X-Cache"] == "hit"


def test_nothing_is_cached_past_the_next_expiry(demo_site):
    """A live page that expires in 90 seconds caps every cached response at 90 s, so a
    listing rendered before the expiry is not served after it (publish_scheduled may
    run late; the expiry itself is not a publish and sends no signal)."""
    from django.utils import timezone

    from api.caching import seconds_to_keep
    from news.models import NewsArticlePage

    assert seconds_to_keep() > 90
    article = NewsArticlePage.objects.live().filter(locale__language_code="fi").first()
    NewsArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() + datetime.timedelta(seconds=90)
    )
    assert 1 <= seconds_to_keep() <= 90


def test_an_evicted_generation_never_revives_responses_cached_before_a_publish(client, demo_site):
    """The generation key can be evicted (the database cache culls a quarter of its
    entries when full, Redis under memory pressure). The next generation must not
    match one that responses were cached under before: a counter restarting at 1
    would serve a listing that still shows a page unpublished since."""
    from django.core.cache import cache

    from api.caching import GENERATION_KEY

    index = news_index(demo_site)
    article = publish(NewsArticlePageFactory(parent=index, title="Pian poistuva uutinen"))
    cache.delete(GENERATION_KEY)  # a fresh cache: the first generation
    assert "Pian poistuva uutinen" in client.get(index.url).content.decode()
    assert client.get(index.url)["X-Cache"] == "hit"
    NewsArticlePage.objects.get(pk=article.pk).unpublish()
    cache.delete(GENERATION_KEY)  # evicted after the unpublish
    again = client.get(index.url)
    assert again["X-Cache"] == "miss"
    assert "Pian poistuva uutinen" not in again.content.decode()


def test_the_soonest_expiry_comes_with_the_view_restrictions(demo_site, rf):
    """Within a request the soonest expiry is read in the query of the view
    restrictions (one query for both) and still caps how long a response is kept."""
    from django.db import connection
    from django.http import HttpResponse
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from api.caching import seconds_to_keep
    from kumppanuus.visibility import RequestMemoMiddleware, restricted_paths
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.live().filter(locale__language_code="fi").first()
    NewsArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() + datetime.timedelta(seconds=90)
    )

    def view(request):
        paths = restricted_paths()
        return HttpResponse(f"{len(paths)} {seconds_to_keep()}")

    with CaptureQueriesContext(connection) as captured:
        count, seconds = RequestMemoMiddleware(view)(rf.get("/")).content.split()
    assert len(captured) == 1
    assert 1 <= int(seconds) <= 90
    assert int(count) == len(restricted_paths())
