"""Public changes, noticed once: the change feed and the webhooks both start here.

Wagtail's signals (publish, unpublish and expiry, move, delete), view
restrictions, and edits of people and images are turned into events after
the transaction commits (``transaction.on_commit``): a rolled-back publish
produces nothing, and a receiver never hears of a page before the database
shows it. Each page event is recorded in the change feed (``api.changes``)
and queued for the webhooks that want it (``api.webhooks``); nothing here
waits for a receiver.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from kumppanuus.visibility import visible
from regions.models import Person

from . import changes, webhooks


@dataclass
class PageEvent:
    """What happened to one page, as the change feed and webhook payloads tell it."""

    event: str  # page.published, translation.published, page.unpublished, page.moved, ...
    kind: str  # its change-feed kind: published, unpublished, expired or deleted
    page_id: int
    page_type: str
    locale: str
    translation_key: str
    first_published_at: datetime | None
    new_path: str | None
    old_path: str | None = None


def public_path(url_path):
    """The public path (``/sv/nyheter/…/``) of a tree position, even one a page has left."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            try:
                with translation.override(root.language_code):
                    return reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
            except NoReverseMatch:
                return None
    return None


def describe(page, event, kind, **paths):
    paths.setdefault("new_path", public_path(page.url_path))
    return PageEvent(
        event=event,
        kind=kind,
        page_id=page.pk,
        page_type=page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        locale=page.locale.language_code,
        translation_key=str(page.translation_key),
        first_published_at=page.first_published_at,
        **paths,
    )


def emit(page_event):
    page_event.old_path = changes.record(page_event) or page_event.old_path
    webhooks.enqueue_page_event(page_event)


def _fresh(page_id):
    return Page.objects.select_related("locale").filter(pk=page_id).first()


def _is_visible(page):
    return visible(Page.objects.filter(pk=page.pk)).exists()


def _published(sender, instance, **kwargs):
    page_id = instance.pk

    def after_commit():
        page = _fresh(page_id)
        if page is None:
            return
        translated = page.locale.language_code != settings.LANGUAGE_CODE
        event = "translation.published" if translated else "page.published"
        if _is_visible(page):
            emit(describe(page, event, changes.PUBLISHED))
        else:  # published under a view restriction: gone from the public's view if anything
            changes.record(describe(page, event, "unpublished"))

    transaction.on_commit(after_commit)


def _unpublished(sender, instance, **kwargs):
    page_id = instance.pk
    expired = bool(
        instance.expired or (instance.expire_at and instance.expire_at <= timezone.now())
    )

    def after_commit():
        page = _fresh(page_id)
        if page is not None:
            emit(describe(page, "page.unpublished", "expired" if expired else "unpublished"))

    transaction.on_commit(after_commit)


def _moved(sender, instance, url_path_before, url_path_after, **kwargs):
    page_id = instance.pk
    old_path = public_path(url_path_before)

    def after_commit():
        page = _fresh(page_id)
        if page is None or not page.live:
            return
        if _is_visible(page):
            emit(describe(page, "page.moved", changes.PUBLISHED, old_path=old_path))
        # Every page below moved with it: the feed shows them at their new paths.
        for descendant in visible(page.get_descendants()).select_related("locale"):
            changes.record(describe(descendant, "page.moved", changes.PUBLISHED))

    transaction.on_commit(after_commit)


def _deleted(sender, instance, **kwargs):
    # Deleting a page deletes its base and its specific row; describe it once.
    if not isinstance(instance, Page) or type(instance) is not instance.specific_class:
        return
    if not instance.live:
        return  # never public (or no longer): nothing to take back
    page_event = describe(instance, "page.deleted", "deleted")
    transaction.on_commit(lambda: emit(page_event))


def _restriction_changed(sender, instance, **kwargs):
    """A view restriction added or removed: the page and everything below it changed for
    the public (gone, or back)."""
    page_id = instance.page_id

    def after_commit():
        page = _fresh(page_id)
        if page is None:
            return
        subtree = Page.objects.descendant_of(page, inclusive=True).live()
        public = set(visible(subtree).values_list("pk", flat=True))
        for member in subtree.select_related("locale"):
            if member.pk in public:
                changes.record(describe(member, "page.published", changes.PUBLISHED))
            else:
                changes.record(describe(member, "page.unpublished", "unpublished"))

    transaction.on_commit(after_commit)


def _object_changed(event):
    def handler(sender, instance, **kwargs):
        object_id, label = instance.pk, type(instance)._meta.label
        transaction.on_commit(lambda: webhooks.enqueue_object_event(event, object_id, label))

    return handler


_person_changed = _object_changed("person.changed")
_image_changed = _object_changed("image.changed")


def connect():
    page_published.connect(_published, dispatch_uid="api-events-published")
    page_unpublished.connect(_unpublished, dispatch_uid="api-events-unpublished")
    post_page_move.connect(_moved, dispatch_uid="api-events-moved")
    pre_delete.connect(_deleted, dispatch_uid="api-events-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"api-events-vr-{signal}"
        )
        signal.connect(_person_changed, sender=Person, dispatch_uid=f"api-events-person-{signal}")
        signal.connect(
            _image_changed, sender=get_image_model(), dispatch_uid=f"api-events-image-{signal}"
        )
