"""Articles and events the public may see, fetched in a fixed number of queries.

Every public surface (API, feeds, calendars) starts from
``kumppanuus.visibility.visible()``: live, not view-restricted, not expired.
``renditions`` are the (name, Wagtail filter spec) pairs whose stored
renditions come with the main images, so serialising a list of 100 items
with images costs no query per item.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from kumppanuus.listings import prefetch_list
from kumppanuus.visibility import visible
from news.models import EventPage, EventSession, NewsArticlePage
from regions.models import Region


def _image(renditions):
    """The main image with the given renditions (nothing when none are asked for)."""
    if not renditions:
        return []
    images = get_image_model().objects.prefetch_renditions(*(spec for _name, spec in renditions))
    return [Prefetch("image", queryset=images)]


def _regions():
    return prefetch_list("regions", queryset=Region.objects.order_by("sort_order"))


def news_queryset(renditions=()):
    return (
        visible(NewsArticlePage.objects.all())
        .select_related("locale", "author")
        .prefetch_related(
            prefetch_list("keywords"),
            prefetch_list("related_pages"),
            _regions(),
            *_image(renditions),
        )
    )


def event_queryset(renditions=()):
    return (
        visible(EventPage.objects.all())
        .select_related("locale", "contact")
        .prefetch_related(
            prefetch_list("keywords"),
            _regions(),
            Prefetch("sessions", queryset=EventSession.objects.order_by("start", "sort_order")),
            *_image(renditions),
        )
    )
