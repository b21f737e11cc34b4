"""What invalidates the public cache: any change the public could see.

Connected in ``ApiConfig.ready()``. Publishing, unpublishing (including
expiry by ``publish_scheduled``), moving and deleting pages; and saving or
deleting anything that public pages, the API, feeds and the sitemap show or
route by: images, documents, people, keywords, regions, redirects, sites, the
headless settings, and view restrictions (a page made private must vanish from
every feed at once). The invalidation is a new generation in the shared cache
(``caching.invalidate``), so it reaches every process.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import Keyword
from regions.models import Person, Region

from .caching import invalidate
from .models import HeadlessSettings

#: Bookkeeping saves that change nothing a visitor sees (Wagtail fills in an
#: image's or document's size and hash the first time it needs them).
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def embedded_models():
    return (
        Person,
        Keyword,
        Region,
        PageViewRestriction,
        Redirect,
        Site,
        HeadlessSettings,
        get_image_model(),
        get_document_model(),
    )


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *embedded_models())):
        invalidate()


def _on_save(sender, instance, update_fields=None, **kwargs):
    # Pages are left to the publish signals: saving a draft changes nothing public.
    if not isinstance(instance, embedded_models()):
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="public-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="public-cache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="public-cache-moved")
    post_delete.connect(_on_delete, dispatch_uid="public-cache-deleted")
    post_save.connect(_on_save, dispatch_uid="public-cache-saved")
