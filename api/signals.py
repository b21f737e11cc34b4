"""What invalidates the public cache: any change the public could see.

Connected in ``ApiConfig.ready()``. Publishing, unpublishing (including
expiry by ``publish_scheduled``), moving and deleting pages; and edits to the
snippets and keywords that public responses embed (people, keywords), and
view restrictions (a page made private must vanish from every feed at once).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import Keyword
from regions.models import Person

from .caching import invalidate

EMBEDDED_MODELS = (Person, Keyword, PageViewRestriction)


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *EMBEDDED_MODELS)):
        invalidate()


def _on_save(sender, instance, **kwargs):
    # Pages are left to the publish signals: saving a draft changes nothing public.
    if isinstance(instance, EMBEDDED_MODELS):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="public-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="public-cache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="public-cache-moved")
    post_delete.connect(_on_delete, dispatch_uid="public-cache-deleted")
    post_save.connect(_on_save, dispatch_uid="public-cache-saved")
