"""schema.org JSON-LD for public pages: NewsArticle, Event (with sub-events), WebPage.

Search engines and link previews read these instead of scraping; the typed
API serves the same objects (``json_ld``). An article's or event's image is
given in three crops (16:9, 4:3, 1:1), as Google's rich results ask; a
cancelled or postponed event says so (``eventStatus``) in the event and each
session; a free event's offer has price 0, a paid one its price in euros. The
JSON is escaped so that no text (a title containing ``</script>``) can close the
``<script type="application/ld+json">`` element: ``<``, ``>`` and ``&`` are
written as JSON unicode escapes, which parsers decode back to the same text.
"""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from kumppanuus.listings import prefetched
from kumppanuus.safe_links import safe_url

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


EVENT_STATUSES = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "moved_online": "https://schema.org/EventMovedOnline",
    "rescheduled": "https://schema.org/EventRescheduled",
}
#: Crops of the page's image for rich results (16:9, 4:3 and 1:1, at least 1200 wide).
IMAGE_CROPS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")


def to_script(data):
    """A ``<script type="application/ld+json">`` element that text cannot break out of."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def _publisher():
    return {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}


def _language(page):
    return page.locale.language_code


def _images(page, request):
    """Absolute URLs of the page's share (or main) image in each crop; [] without one."""
    image = getattr(page, "preview_image", None)
    if image is None:
        return []
    urls = []
    for spec in IMAGE_CROPS:
        try:
            rendition = image.get_rendition(spec)
        except (SourceImageIOError, OSError):
            continue  # the original file is missing: describe the page without it
        urls.append(request.build_absolute_uri(rendition.url) if request else rendition.full_url)
    return urls


def news_article(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "datePublished": page.date_as_datetime.isoformat(),
        "dateModified": _iso(page.last_published_at) or page.date_as_datetime.isoformat(),
        "inLanguage": _language(page),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "keywords": [keyword.name for keyword in prefetched(page, "keywords")],
        "publisher": _publisher(),
    }
    images = _images(page, request)
    if images:
        data["image"] = images
    if page.author and page.author.is_public:
        data["author"] = {"@type": "Person", "name": page.author.name}
        if page.author.organisation:
            data["author"]["affiliation"] = {
                "@type": "Organization",
                "name": page.author.organisation,
            }
    else:
        data["author"] = _publisher()
    regions = [region.name for region in prefetched(page, "regions")]
    if regions:
        data["spatialCoverage"] = [{"@type": "Place", "name": name} for name in regions]
    return data


def _location(session, page_url):
    if session.is_online:
        # A VirtualLocation needs a URL: where to register, else the event's page.
        return {"@type": "VirtualLocation", "url": safe_url(session.registration_url) or page_url}
    return {"@type": "Place", "name": session.venue or session.title, "address": session.venue}


def _offer(url, page):
    offer = {
        "@type": "Offer",
        "url": url,
        "availability": "https://schema.org/InStock",
        "priceCurrency": "EUR",
    }
    if page.is_free:
        offer["price"] = "0"
    elif page.price is not None:
        offer["price"] = str(page.price)
    if page.registration_deadline:
        offer["validThrough"] = _iso(page.registration_deadline)
    return offer


def _mode(page, session):
    if page.format == "hybrid":
        return ATTENDANCE_MODES["online" if session.is_online else "onsite"]
    return ATTENDANCE_MODES[page.format]


def event(page, request):
    sessions = page.ordered_sessions()
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "url": url,
        "inLanguage": _language(page),
        "eventAttendanceMode": ATTENDANCE_MODES.get(page.format),
        "eventStatus": EVENT_STATUSES[page.event_status],
        "startDate": _iso(page.starts_at),
        "endDate": _iso(page.ends_at),
        "organizer": {
            "@type": "Organization",
            "name": page.organiser or settings.WAGTAIL_SITE_NAME,
        },
        "keywords": [keyword.name for keyword in prefetched(page, "keywords")],
        "location": [_location(session, url) for session in sessions] or None,
        "image": _images(page, request),
        "subEvent": [],
    }
    data["offers"] = _offer(safe_url(page.registration_url) or url, page)
    for session in sessions:
        sub = {
            "@type": "Event",
            "name": f"{page.title}: {session.title}",
            "startDate": _iso(session.start),
            "endDate": _iso(session.end),
            "inLanguage": _language(page),
            "eventAttendanceMode": _mode(page, session),
            "eventStatus": EVENT_STATUSES[page.event_status],
            "location": _location(session, url),
            "url": url,
        }
        registration = safe_url(session.registration_url) or safe_url(page.registration_url)
        if registration:
            sub["offers"] = _offer(registration, page)
        data["subEvent"].append(sub)
    return {key: value for key, value in data.items() if value not in (None, [])}


def web_page(page, request):
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": _language(page),
    }


BUILDERS = {"NewsArticlePage": news_article, "EventPage": event}


def structured_data(page, request):
    """The JSON-LD object for ``page`` (its most specific schema.org type)."""
    page = page.specific
    builder = BUILDERS.get(type(page).__name__, web_page)
    return builder(page, request)
