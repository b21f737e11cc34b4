"""RSS 2.0 and Atom feeds of news: all, per language, per region, per keyword.

Built on Django's syndication framework (which writes well-formed RSS and
Atom); one Feed class per format because the framework reads the format
from the class. The newest ``LIMIT`` articles, newest first.

Leads are plain text, and go out as text: RSS readers treat ``<description>``
as HTML, so it carries the lead HTML-escaped; Atom says so itself with
``<summary type="text">``. A ``<script>`` typed into a lead is shown, never run.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from kumppanuus.language import current_language
from kumppanuus.listings import prefetched
from news.querysets import news_queryset
from news.scopes import Scope

LIMIT = 50


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (``type="text"``), not HTML."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class NewsFeed(Feed):
    """RSS 2.0. One instance per request (``news_feed``): it keeps the request.

    The feed's ``<language>`` (Atom: ``xml:lang``) is Django's default, the active
    language, which ``__call__`` sets to the feed's own language.
    """

    feed_type = Rss201rev2Feed
    url_name = "feeds:news"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        language = kwargs.get("language")
        with translation.override(current_language(language)):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, language=None, region=None, keyword=None, feed_format=None):
        return Scope.resolve(language=language, region=region, keyword=keyword)

    def title(self, scope):
        parts = [settings.WAGTAIL_SITE_NAME, _("uutiset")]
        if scope.region is not None:
            parts.append(scope.region.name)
        if scope.keyword is not None:
            parts.append(scope.keyword.label)
        return " – ".join(parts)

    def link(self, scope):
        return self.request.build_absolute_uri(f"/{scope.language or 'fi'}/")

    def feed_url(self, scope):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, scope):
        return _("Sosiaali- ja terveysjärjestöjen yhteistyön ajankohtaiset uutiset.")

    def items(self, scope):
        return scope.apply(news_queryset()).order_by("-date", "-pk")[:LIMIT]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.lead)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.date_as_datetime

    def item_updateddate(self, item):
        return item.last_published_at or item.date_as_datetime

    def item_author_name(self, item):
        return item.author.name if item.author and item.author.is_public else None

    def item_categories(self, item):
        return [keyword.name for keyword in prefetched(item, "keywords")]


class NewsAtomFeed(NewsFeed):
    feed_type = PlainTextAtom1Feed
    subtitle = NewsFeed.description

    def item_description(self, item):
        return item.lead


FEEDS = {"rss": NewsFeed, "atom": NewsAtomFeed}


def news_feed(request, feed_format, **kwargs):
    """The feed in the URL's format (``.rss`` or ``.atom``)."""
    return FEEDS[feed_format]()(request, feed_format=feed_format, **kwargs)


def feed_urls(language=None, region=None, keyword=None):
    """(format, URL path) pairs for a scope, for autodiscovery links."""
    kwargs = {}
    name = "feeds:news"
    if language:
        kwargs["language"] = language
        name = "feeds:news_language"
        if region:
            kwargs["region"], name = region, "feeds:news_region"
        elif keyword:
            kwargs["keyword"], name = keyword, "feeds:news_keyword"
    return [(fmt, reverse(name, kwargs={**kwargs, "feed_format": fmt})) for fmt in FEEDS]
