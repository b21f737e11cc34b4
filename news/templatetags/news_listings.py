"""Listings of news and events that other apps' templates show.

A region page shows the latest articles and upcoming events of its region
(``kumppanuus.listings``: about the region or published under its page). The
region app sits below the news app and does not import it, so the region page's
template asks for them here: ``{% load news_listings %}{% region_news page as news %}``.
"""

from django import template
from django.utils import timezone

from kumppanuus.listings import visible
from news.models import EventPage, NewsArticlePage
from regions.querysets import in_regions

register = template.Library()


def _of_region(queryset, region_page):
    """Visible pages of ``queryset`` in the region page's language and region."""
    queryset = visible(queryset.filter(locale_id=region_page.locale_id))
    return in_regions(queryset, [region_page.region_id])


@register.simple_tag
def region_news(region_page, limit=5):
    """Published articles about this region, wherever in the tree they live."""
    return _of_region(NewsArticlePage.objects.all(), region_page).order_by("-date")[:limit]


@register.simple_tag
def region_events(region_page, limit=5):
    """Upcoming events about this region, soonest first."""
    upcoming = EventPage.objects.filter(ends_at__gte=timezone.now())
    events = _of_region(upcoming, region_page).prefetch_related("sessions")
    return events.order_by("starts_at")[:limit]
