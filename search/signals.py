"""Keep the index current without ever getting in the way of publishing.

- ``page_published`` (also fired by ``publish_scheduled`` for scheduled pages):
  index the page, then retry anything queued by earlier failures.
- ``page_unpublished`` (also fired by ``publish_scheduled`` on expiry): remove it.
- ``post_delete`` of any page: remove it (the entry's foreign key cascades too;
  this also clears a queued retry).
- ``post_save`` of a keyword: re-index the live pages that carry it (a renamed
  keyword must be findable under its new name).

Indexing runs in a savepoint; a failure is logged, queued in
``PendingIndexUpdate`` and the publish goes on.
"""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from news.models import Keyword

from .index import process_pending, remove_page, safe_index_page
from .models import PendingIndexUpdate

logger = logging.getLogger("search.index")
RETRY_BATCH = 20


def on_page_published(sender, instance, **kwargs):
    safe_index_page(instance)
    try:
        if PendingIndexUpdate.objects.exclude(page_id=instance.pk).exists():
            process_pending(limit=RETRY_BATCH)
    except Exception:
        logger.exception("Retrying queued search indexing failed")


def on_page_unpublished(sender, instance, **kwargs):
    try:
        remove_page(instance.pk)
    except Exception:
        logger.exception("Removing page %s from the search index failed", instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    try:
        remove_page(instance.pk)
        PendingIndexUpdate.objects.filter(page_id=instance.pk).delete()
    except Exception:
        logger.exception("Removing deleted page %s from the search index failed", instance.pk)


def on_keyword_saved(sender, instance, created=False, **kwargs):
    if created:
        return
    pages = Page.objects.live().filter(
        pk__in=[
            *instance.article_items.values_list("content_object_id", flat=True),
            *instance.event_items.values_list("content_object_id", flat=True),
        ]
    )
    for page in pages.specific():
        safe_index_page(page)


def connect():
    post_save.connect(on_keyword_saved, sender=Keyword, dispatch_uid="search.index.keyword")
    page_published.connect(on_page_published, dispatch_uid="search.index.published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.index.unpublished")
    post_delete.connect(on_page_deleted, dispatch_uid="search.index.deleted")
