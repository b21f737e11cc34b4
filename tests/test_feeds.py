"""RSS 2.0 and Atom feeds parse cleanly (feedparser) and hold exactly the right articles."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from news.models import NewsArticlePage
from regions.models import Region

from .factories import NewsArticlePageFactory, publish

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def visible_news(**filters):
    return NewsArticlePage.objects.live().public().filter(**filters)


@pytest.fixture
def articles(demo_site):
    """Two fresh articles: one about Kainuu with keyword "Hyte", one national, plus hidden ones."""
    index = demo_site.get_children().get(slug="uutiset").specific
    kainuu = NewsArticlePageFactory(
        parent=index, title="Kainuun <hyte> & uutinen", date=datetime.date(2026, 1, 5)
    )
    kainuu.regions = [Region.objects.get(code="kainuu")]
    kainuu.keywords.add("Hyte")
    publish(kainuu)
    national = publish(NewsArticlePageFactory(parent=index, title="Valtakunnallinen uutinen"))
    draft = NewsArticlePageFactory(parent=index, title="Luonnos", live=False)
    restricted = publish(NewsArticlePageFactory(parent=index, title="Rajattu"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    expired = publish(NewsArticlePageFactory(parent=index, title="Vanhentunut"))
    NewsArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    return {"kainuu": kainuu, "national": national, "hidden": [draft, restricted, expired]}


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_language_feed_has_every_visible_article(client, articles, fmt):
    feed = parse(client, f"/feeds/fi/news.{fmt}")
    titles = [entry.title for entry in feed.entries]
    expected = visible_news(locale__language_code="fi").exclude(
        pk__in=[p.pk for p in articles["hidden"]]
    )
    assert sorted(titles) == sorted(page.title for page in expected)
    for hidden in articles["hidden"]:
        assert hidden.title not in titles
    entry = next(e for e in feed.entries if e.title == "Kainuun <hyte> & uutinen")
    assert entry.link == articles["kainuu"].get_full_url()
    assert [tag.term for tag in entry.tags] == ["Hyte"]
    # midnight in Helsinki is the evening before in UTC
    assert entry.published_parsed[:3] == (2026, 1, 4)


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_region_and_keyword_feeds(client, articles, fmt):
    region_titles = {e.title for e in parse(client, f"/feeds/fi/regions/kainuu/news.{fmt}").entries}
    assert "Kainuun <hyte> & uutinen" in region_titles
    assert "Valtakunnallinen uutinen" not in region_titles
    expected = {
        p.title for p in visible_news(locale__language_code="fi").filter(regions__code="kainuu")
    } | {
        p.title
        for p in visible_news(locale__language_code="fi").filter(
            path__startswith=_region_path("kainuu")
        )
    }
    assert region_titles == expected
    keyword_titles = {e.title for e in parse(client, f"/feeds/fi/keywords/hyte/news.{fmt}").entries}
    assert keyword_titles == {
        p.title for p in visible_news(locale__language_code="fi", keywords__slug="hyte")
    }


def _region_path(code):
    from regions.models import RegionPage

    return RegionPage.objects.get(region__code=code, locale__language_code="fi").path


def test_all_languages_feed_and_newest_first(client, articles):
    feed = parse(client, "/feeds/news.rss")
    hidden = [page.pk for page in articles["hidden"]]
    assert len(feed.entries) == min(50, visible_news().exclude(pk__in=hidden).count())
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_unknown_region_or_keyword_is_404(client, articles):
    assert client.get("/feeds/fi/regions/atlantis/news.rss").status_code == 404
    assert client.get("/feeds/fi/keywords/ei-ole/news.atom").status_code == 404
    assert client.get("/feeds/de/news.rss").status_code == 404


def test_pages_advertise_their_feeds(client, articles):
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.links = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "link" and attrs.get("rel") == "alternate" and "type" in attrs:
                self.links.append((attrs["type"], attrs["href"]))

    response = client.get(articles["kainuu"].url)
    parser = Links()
    parser.feed(response.content.decode())
    hrefs = dict((href, kind) for kind, href in parser.links)
    assert hrefs["/feeds/fi/news.rss"] == "application/rss+xml"
    assert hrefs["/feeds/fi/news.atom"] == "application/atom+xml"
    assert hrefs["/feeds/fi/keywords/hyte/news.rss"] == "application/rss+xml"
    for href in hrefs:
        assert client.get(href).status_code == 200, href
