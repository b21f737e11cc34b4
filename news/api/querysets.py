"""What the public may see, fetched in a fixed number of queries.

Every public surface (API, feeds, calendars, sitemap) starts from
``home.visibility.visible()``: live, not view-restricted, not expired.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page

from home.visibility import visible
from news.models import EventPage, EventSession, NewsArticlePage
from regions.models import CooperationStructure, Region, RegionContact, RegionPage

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


def region_queryset():
    return (
        visible(RegionPage.objects.all())
        .select_related("locale", "region")
        .prefetch_related(
            Prefetch("contacts", queryset=RegionContact.objects.select_related("person")),
            Prefetch("cooperation_structures", queryset=CooperationStructure.objects.all()),
        )
    )


def translations_for(pages):
    """Map translation_key → visible pages in every locale, in one query."""
    keys = {page.translation_key for page in pages}
    found = {}
    if not keys:
        return found
    others = visible(Page.objects.filter(translation_key__in=keys)).select_related("locale")
    for page in others.order_by("locale__language_code"):
        found.setdefault(page.translation_key, []).append(page)
    return found
