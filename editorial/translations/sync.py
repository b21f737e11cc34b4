"""Syncing a translation source with its Finnish page and rebuilding the translated drafts.

Two differences from wagtail-localize's own "Sync translated pages":

- The source is taken from the Finnish page's *latest* version, its draft
  included, so translators can translate a change before it goes live and the
  Finnish page and its translations can then be published together
  (wagtail-localize issue 634).
- A translated draft is rebuilt as a new revision only, never by saving the
  page row: for a live translation that row *is* the public page, and
  wagtail-localize's ``save_target(publish=False)`` would put the untranslated
  Finnish fallback text on the public page without anyone publishing it.

Manual edits survive (wagtail-localize issue 876): a field changed in the
translated page after it was last built from its translations (with the sync
stopped, through the API) is kept when the rebuild would not change it; when the
source or its translations did change it, the rebuilt value wins and the field
is reported as overwritten.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Revision
from wagtail_localize.models import TranslationLog, TranslationSource

from .content import content_fields, field_labels, field_value
from .state import source_changes, untranslated_by_field


@dataclass
class Rebuilt:
    """A translated draft rebuilt from its source and translations."""

    translation: object
    page: object
    revision: Revision
    untranslated: dict
    #: Labels of manually edited fields kept as they were.
    kept: list = field(default_factory=list)
    #: Labels of manually edited fields replaced because the source changed them.
    overwritten: list = field(default_factory=list)

    @property
    def language(self):
        return self.translation.target_locale.language_code


@dataclass
class SyncResult:
    source: TranslationSource | None
    #: Labels of the Finnish fields that changed since the previous sync.
    changed: list
    rebuilt: list


def source_for(page):
    return TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()


def sync_source(page):
    """Update the page's translation source to its latest version.

    Returns the source (None if the page was never translated) and the names of
    the fields that changed."""
    page = page.specific
    source = source_for(page)
    if source is None:
        return None, []
    names = source_changes(source, page)
    if names:
        TranslationSource.update_or_create_from_instance(page.get_latest_revision_as_object())
        source.refresh_from_db()
    return source, names


def last_built_revision(translation, page):
    """The revision of ``page`` last built from its translations (None before the first)."""
    log = (
        TranslationLog.objects.filter(
            source=translation.source,
            locale=translation.target_locale,
            revision__object_id=str(page.pk),
        )
        .select_related("revision")
        .order_by("-created_at", "-pk")
        .first()
    )
    return log.revision if log else None


def _manual_edits(model, before, built_before, rebuilt):
    """(kept, overwritten) field names: edited by hand since the last build."""
    kept, overwritten = [], []
    if before is None or built_before is None or before.pk == built_before.pk:
        return kept, overwritten
    before_obj, built_obj = before.as_object(), built_before.as_object()
    for name in content_fields(model):
        built_value = field_value(built_obj, name)
        if field_value(before_obj, name) == built_value:
            continue  # not edited by hand
        if field_value(rebuilt, name) == built_value:
            kept.append(name)
        else:
            overwritten.append(name)
    return kept, overwritten


@transaction.atomic
def rebuild_draft(translation, user=None, go_live_at=None):
    """A new draft revision of the translated page from its source and translations.

    Untranslated texts fall back to the Finnish source (as in wagtail-localize);
    ``Rebuilt.untranslated`` says how many, so that such a draft is never published.
    """
    source = translation.source
    locale = translation.target_locale
    target = source.get_translated_instance(locale)
    model = type(target)
    before = target.get_latest_revision()
    built_before = last_built_revision(translation, target)

    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
    )
    if go_live_at is not None:
        draft.go_live_at = go_live_at
    built = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=built)

    kept, overwritten = _manual_edits(model, before, built_before, draft)
    revision = built
    if kept:
        content = dict(built.content)
        for name in kept:
            if name in before.content:
                content[name] = before.content[name]
        revision = target.with_content_json(content).save_revision(user=user, log_action=True)
    source.sync_view_restrictions(source.as_instance(), target)
    target.refresh_from_db()
    return Rebuilt(
        translation=translation,
        page=target,
        revision=revision,
        untranslated=untranslated_by_field(source, locale),
        kept=field_labels(model, kept),
        overwritten=field_labels(model, overwritten),
    )


@transaction.atomic
def resync(page, user=None):
    """Sync the source with the Finnish page; when it changed, rebuild every translated draft."""
    source, names = sync_source(page)
    rebuilt = []
    if source is not None and names:
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            if translation.source.object.has_translation(translation.target_locale):
                rebuilt.append(rebuild_draft(translation, user))
    return SyncResult(
        source=source, changed=field_labels(type(page.specific), names), rebuilt=rebuilt
    )
