"""Articles and events the public may see, fetched in a fixed number of queries.

Every public surface (API, feeds, calendars) starts from
``kumppanuus.visibility.visible()``: live, not view-restricted, not expired.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from kumppanuus.visibility import visible
from news.models import EventPage, EventSession, NewsArticlePage
from regions.models import Region

#: Rendition sizes served for every image (name → Wagtail filter spec).
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


def _images():
    return get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values())


def _regions():
    return Prefetch("regions", queryset=Region.objects.order_by("sort_order"))


def news_queryset():
    return (
        visible(NewsArticlePage.objects.all())
        .select_related("locale", "author")
        .prefetch_related("keywords", _regions(), Prefetch("image", queryset=_images()))
    )


def event_queryset():
    return (
        visible(EventPage.objects.all())
        .select_related("locale", "contact")
        .prefetch_related(
            "keywords",
            _regions(),
            Prefetch("sessions", queryset=EventSession.objects.order_by("start", "sort_order")),
        )
    )
