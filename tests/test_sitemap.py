"""sitemap.xml lists visible pages of every language with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, Page

from news.models import NewsArticlePage

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    urls = {}
    for url in root.findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        urls[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
    return urls


def test_sitemap_lists_visible_pages_with_translations(client, demo_site):
    index = demo_site.get_children().get(slug="uutiset").specific
    draft = NewsArticlePageFactory(parent=index, title="Luonnos", live=False)
    article = NewsArticlePage.objects.get(slug="jarjestojen-sote-muutostuen-tilannekatsaus")
    urls = sitemap(client)
    assert article.get_full_url() in urls
    assert draft.get_full_url() not in urls
    assert demo_site.get_full_url() in urls
    translated = [
        page
        for page in Page.objects.live().public().filter(locale__language_code="fi")
        if Page.objects.live().filter(translation_key=page.translation_key).count() > 1
    ]
    assert translated, "the demo content publishes translations"
    page = translated[0]
    alternates = urls[page.get_full_url()]
    for other in Page.objects.live().filter(translation_key=page.translation_key):
        assert alternates[other.locale.language_code] == other.get_full_url()
        assert other.get_full_url() in urls
    assert alternates["x-default"] == page.get_full_url()


def test_new_translation_appears_as_alternate(client, demo_site):
    """A Swedish translation published under a Swedish home page shows up as hreflang sv."""
    sv, _ = Locale.objects.get_or_create(language_code="sv")
    index = demo_site.get_children().get(slug="uutiset").specific
    article = publish(NewsArticlePageFactory(parent=index, title="Uutinen"))
    assert index.get_translations().filter(locale=sv).exists(), "the demo has /sv/nyheter/"
    translation = article.copy_for_translation(sv)
    publish(translation)
    urls = sitemap(client)
    assert urls[article.get_full_url()]["sv"] == translation.get_full_url()
    assert urls[translation.get_full_url()]["fi"] == article.get_full_url()
