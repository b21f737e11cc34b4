"""A region's contact people follow the Finnish region page into its translations.

Contacts are facts (who answers the phone for Pohjois-Karjala), synchronised
rather than translated (README, "Languages"). Waiting for someone to sync the
translations by hand left the Swedish and English region pages showing the old
people, so publishing the Finnish region page now carries its contacts into each
translation at once:

- a live translation gets a new revision with the Finnish contacts, published
  right away (its other fields stay exactly as they were live);
- a translation's pending draft (not in a workflow) gets the same contacts, so
  publishing it later does not bring the old ones back;
- a translation in a workflow is left alone: when its approval publishes it,
  the same rule runs for it and puts the Finnish contacts in.

When the contacts are all that changed on the Finnish page since the last
translation sync, the translation source is updated too, so the status report
does not call the translations outdated for a change they already have.
"""

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from regions.models import RegionContact, RegionPage

from .state import source_changes
from .sync import source_for

SYNCED_CHILDREN = {"contacts"}


def contact_rows(page):
    """The contacts of ``page`` as comparable (person, role) pairs, in order."""
    contacts = sorted(page.contacts.all(), key=lambda contact: contact.sort_order or 0)
    return [(contact.person_id, contact.role) for contact in contacts]


def _with_contacts(page, rows):
    page.contacts = [
        RegionContact(person_id=person_id, role=role, sort_order=index)
        for index, (person_id, role) in enumerate(rows)
    ]
    return page


def _update_source(page):
    """Take the contacts into the translation source when nothing else changed."""
    source = source_for(page)
    if source is None:
        return
    changed = set(source_changes(source, page))
    if changed and changed <= SYNCED_CHILDREN:
        TranslationSource.update_or_create_from_instance(page.get_latest_revision_as_object())


def sync_translation(translation, rows, user=None):
    """Give one translated region page these contacts (live and draft)."""
    if translation.workflow_in_progress:
        return False
    pending = translation.has_unpublished_changes and (
        translation.latest_revision_id != translation.live_revision_id
    )
    draft = translation.get_latest_revision_as_object() if pending else None
    changed = False
    if translation.live and contact_rows(translation) != rows:
        revision = _with_contacts(translation, rows).save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        changed = True
    if draft is not None and contact_rows(draft) != rows:
        _with_contacts(draft, rows).save_revision(user=user, log_action=True)
        changed = True
    return changed


@transaction.atomic
def sync_contacts(page, user=None):
    """Carry the live contacts of the Finnish region page ``page`` into its translations.

    Returns the translated pages that changed."""
    rows = contact_rows(page)
    _update_source(page)
    translations = (
        RegionPage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(locale_id=page.locale_id)
        .order_by("locale__language_code")
    )
    return [
        translation for translation in translations if sync_translation(translation, rows, user)
    ]


def on_region_page_published(sender, instance, revision=None, **kwargs):
    page = instance.specific if not isinstance(instance, RegionPage) else instance
    user = getattr(revision, "user", None)
    if page.locale.language_code == settings.LANGUAGE_CODE:
        sync_contacts(page, user=user)
        return
    # A translation went live (an approval, a scheduled publish): it shows the
    # Finnish page's live contacts, whatever its own revision held.
    source = RegionPage.objects.filter(
        translation_key=page.translation_key,
        locale__language_code=settings.LANGUAGE_CODE,
        live=True,
    ).first()
    if source is not None:
        sync_translation(page, contact_rows(source), user=user)


def connect():
    page_published.connect(
        on_region_page_published, sender=RegionPage, dispatch_uid="editorial-region-contacts"
    )
