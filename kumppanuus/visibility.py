"""The one rule for what the public may see of the page tree.

Live (drafts and pages scheduled for later are not), not view-restricted, and
not past its expiry time even if ``publish_scheduled`` has not yet run to
unpublish it. Shared by every public surface: page URLs (``wagtail_hooks``),
HTML listings (``kumppanuus.listings``), the API, feeds, calendars, sitemap and search.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def unexpired():
    """Pages with no expiry time, or one still in the future."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def has_expired(page):
    """True once the page's expiry time has passed (before or after ``publish_scheduled``)."""
    return page.expire_at is not None and page.expire_at <= timezone.now()


def visible(queryset):
    """Live, public and unexpired pages of ``queryset``."""
    return queryset.live().public().filter(unexpired())


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
