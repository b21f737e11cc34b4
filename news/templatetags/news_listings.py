"""Listings of news and events that other apps' templates show.

A region page shows the latest articles and upcoming events about its
region. The region app sits below the news app and does not import it, so
the region page's template asks for them here:
``{% load news_listings %}{% region_news page as news %}``.
"""

from django import template
from django.db.models import Q
from django.utils import timezone

from news.models import EventPage, NewsArticlePage

register = template.Library()


def _about(region_page):
    """About the region, or published under the region's own page."""
    return Q(regions=region_page.region_id) | Q(path__startswith=region_page.path)


@register.simple_tag
def region_news(region_page, limit=5):
    """Published articles about this region, wherever in the tree they live."""
    return (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale_id=region_page.locale_id)
        .filter(_about(region_page))
        .distinct()
        .order_by("-date")[:limit]
    )


@register.simple_tag
def region_events(region_page, limit=5):
    """Upcoming events about this region, soonest first."""
    return (
        EventPage.objects.live()
        .public()
        .filter(locale_id=region_page.locale_id, ends_at__gte=timezone.now())
        .filter(_about(region_page))
        .distinct()
        .order_by("starts_at")[:limit]
    )
