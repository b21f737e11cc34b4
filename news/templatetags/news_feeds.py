"""``{% feed_links page as links %}``: the feeds and calendars a page belongs to.

Used by ``includes/head_feeds.html`` for ``<link rel="alternate">``
autodiscovery: every page advertises its language's news feeds and event
calendar; a region page (and anything under it) its region's; an article its
keywords'; an event page its own iCalendar file.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from news.feeds import feed_urls
from regions.models import RegionPage

register = template.Library()

TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def _region_of(page):
    region_page = RegionPage.objects.ancestor_of(page, inclusive=True).select_related("region")
    region_page = region_page.first()
    return region_page.region if region_page else None


@register.simple_tag
def feed_links(page):
    if page is None or not getattr(page, "locale_id", None):
        return []
    language = page.locale.language_code
    links = [
        {"type": TYPES[fmt], "title": f"{_('Uutiset')} ({fmt.upper()})", "href": href}
        for fmt, href in feed_urls(language=language)
    ]
    region = _region_of(page)
    if region is not None:
        links += [
            {
                "type": TYPES[fmt],
                "title": f"{_('Uutiset')}: {region.name} ({fmt.upper()})",
                "href": href,
            }
            for fmt, href in feed_urls(language=language, region=region.code)
        ]
    specific = page.specific
    keywords = specific.keywords.all() if hasattr(specific, "keywords") else []
    for keyword in list(keywords)[:3]:
        fmt, href = feed_urls(language=language, keyword=keyword.slug)[0]
        links.append(
            {"type": TYPES[fmt], "title": f"{_('Uutiset')}: {keyword.label}", "href": href}
        )
    calendar = {"type": "text/calendar", "title": _("Tapahtumat (iCalendar)")}
    if region is not None:
        href = reverse(
            "feeds:events_ical_region", kwargs={"language": language, "region": region.code}
        )
    else:
        href = reverse("feeds:events_ical_language", kwargs={"language": language})
    links.append({**calendar, "href": href})
    if type(specific).__name__ == "EventPage":
        links.append(
            {
                "type": "text/calendar",
                "title": _("Tämä tapahtuma (iCalendar)"),
                "href": reverse("feeds:event_ical", args=[page.pk]),
            }
        )
    return links
