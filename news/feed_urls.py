"""Feeds, calendars: ``/feeds/...`` (outside the language prefix; the language is a path part).

URL names (namespace ``feeds``):

- ``news`` / ``news_language`` / ``news_region`` / ``news_keyword``: RSS or Atom
  (``feed_format`` = ``rss`` | ``atom``)
- ``events_ical`` / ``events_ical_language`` / ``events_ical_region``: upcoming events
- ``event_ical`` (``page_id``): one event, a VEVENT per session
"""

from django.conf import settings
from django.urls import path, register_converter

from . import calendar, feeds


class FeedFormatConverter:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class LanguageConverter:
    regex = "|".join(code for code, _name in settings.LANGUAGES)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feedformat")
register_converter(LanguageConverter, "language")

app_name = "feeds"
urlpatterns = [
    path("news.<feedformat:feed_format>", feeds.news_feed, name="news"),
    path(
        "<language:language>/news.<feedformat:feed_format>", feeds.news_feed, name="news_language"
    ),
    path(
        "<language:language>/regions/<slug:region>/news.<feedformat:feed_format>",
        feeds.news_feed,
        name="news_region",
    ),
    path(
        "<language:language>/keywords/<str:keyword>/news.<feedformat:feed_format>",
        feeds.news_feed,
        name="news_keyword",
    ),
    path("events.ics", calendar.events_ical, name="events_ical"),
    path("<language:language>/events.ics", calendar.events_ical, name="events_ical_language"),
    path(
        "<language:language>/regions/<slug:region>/events.ics",
        calendar.events_ical,
        name="events_ical_region",
    ),
    path("events/<int:page_id>.ics", calendar.event_ical, name="event_ical"),
]
