"""Feeds hand plain text to readers as text, in the feed's language (issue 10, hole 6).

A lead is plain text. RSS readers render ``<description>`` as HTML, so a
``<script>`` typed into a lead must arrive there HTML-escaped; Atom marks the
summary ``type="text"``. ``<language>`` and ``xml:lang`` carry the language tag.
Read from the raw XML, as a feed reader would.
"""

import html
import xml.etree.ElementTree as ET

import pytest

from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LEAD = 'Tärkeää: <script>alert("x")</script> & <b>lihavoitu</b> teksti.'


@pytest.fixture
def article(demo_site):
    index = NewsIndexPage.objects.get(locale__language_code="fi", depth=3, slug="uutiset")
    page = NewsArticlePage(title="Skriptiuutinen", slug="skriptiuutinen", lead=LEAD)
    index.add_child(instance=page)
    return publish(page)


def feed(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def rss_item(client, url, title):
    for item in feed(client, url).iter("item"):
        if item.findtext("title") == title:
            return item
    raise AssertionError(f"{title} not in {url}")


def test_rss_description_is_the_lead_escaped_as_html(client, article):
    item = rss_item(client, "/feeds/fi/news.rss", article.title)
    description = item.findtext("description")
    assert "<" not in description and ">" not in description
    assert html.unescape(description) == LEAD


def test_atom_summary_is_plain_text(client, article):
    root = feed(client, "/feeds/fi/news.atom")
    entry = next(
        e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Skriptiuutinen"
    )
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == LEAD


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_feeds_carry_their_language_tag(client, demo_site, language):
    rss = feed(client, f"/feeds/{language}/news.rss")
    assert rss.find("channel").findtext("language") == language
    atom = feed(client, f"/feeds/{language}/news.atom")
    assert atom.get(XML_LANG) == language


def test_the_all_languages_feed_has_a_language_tag_not_a_repr(client, demo_site):
    rss = feed(client, "/feeds/news.rss", HTTP_ACCEPT_LANGUAGE="fi")
    assert rss.find("channel").findtext("language") == "fi"
