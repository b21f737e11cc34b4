"""Where each translation of a Finnish page stands: current, outdated (and why) or missing.

A synced translation (wagtail-localize) is *current* when all three hold:

1. its source is the Finnish page as it now is (latest version, draft included):
   otherwise the fields that changed since the last sync are named;
2. every text of the source has a translation: otherwise the untranslated texts
   are counted per field (the live page would show Finnish there);
3. its live version was made after the last sync and the last translated text:
   otherwise the translation is done but not yet published.

A translated page that is not synced (its translation was stopped) can only be
compared by dates. A missing translation has no page of its own in that language.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .content import changed_fields, field_label, field_labels

CURRENT = "current"
OUTDATED = "outdated"
MISSING = "missing"

STATUS_LABELS = {
    CURRENT: _("Ajan tasalla"),
    OUTDATED: _("Vanhentunut"),
    MISSING: _("Puuttuu"),
}


TRANSLATE_LABELS = {
    "sv": _("Käännä ruotsiksi"),
    "en": _("Käännä englanniksi"),
}


def translate_label(locale):
    """The one-click button: "Käännä ruotsiksi"."""
    return TRANSLATE_LABELS.get(locale.language_code, locale.get_display_name())


def target_languages():
    """The content languages other than Finnish, as (code, name)."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def target_locales():
    """The Locale of each target language, in settings order."""
    codes = [code for code, _name in target_languages()]
    by_code = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    return [by_code[code] for code in codes if code in by_code]


@dataclass
class TranslationState:
    source_page: Page
    locale: Locale
    page: Page | None = None
    translation: Translation | None = None
    #: Labels of the fields changed in the Finnish page since the last sync.
    source_changes: list = field(default_factory=list)
    #: Untranslated texts per field label, in field order.
    untranslated: dict = field(default_factory=dict)
    #: Translated and synced, but the live page is older than the translation.
    unpublished: bool = False
    #: Not synced: the Finnish page was published after the translation was.
    behind_by_date: bool = False

    @property
    def language(self):
        return self.locale.language_code

    @property
    def synced(self):
        return self.translation is not None

    @property
    def translate_label(self):
        return translate_label(self.locale)

    @property
    def status(self):
        if self.page is None:
            return MISSING
        if self.source_changes or self.untranslated or self.unpublished or self.behind_by_date:
            return OUTDATED
        return CURRENT

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def reasons(self):
        """Why the translation is outdated, in words for the admin."""
        reasons = []
        if self.source_changes:
            reasons.append(
                gettext("Muuttunut suomenkielisellä sivulla: %(fields)s")
                % {"fields": ", ".join(dict.fromkeys(self.source_changes))}
            )
        if self.untranslated:
            reasons.append(
                gettext("Kääntämättä: %(fields)s")
                % {
                    "fields": ", ".join(
                        f"{label} ({count})" for label, count in self.untranslated.items()
                    )
                }
            )
        if self.unpublished and not self.needs_translator:
            reasons.append(gettext("Käännetty, odottaa julkaisua"))
        if self.behind_by_date:
            reasons.append(gettext("Suomenkielistä sivua on muutettu käännöksen julkaisun jälkeen"))
        return reasons

    @property
    def needs_translator(self):
        """Work for a translator: new source text to sync or texts to translate."""
        return bool(self.source_changes or self.untranslated)

    @property
    def ready(self):
        """Can be published now without any Finnish text: synced, complete, source unchanged."""
        return self.synced and not self.source_changes and not self.untranslated

    @property
    def in_moderation(self):
        return self.page is not None and self.page.workflow_in_progress


def _count_by_field(model, paths):
    counts = {}
    for path in paths:
        label = field_label(model, path.split(".")[0])
        counts[label] = counts.get(label, 0) + 1
    return counts


def _untranslated_paths(sources, locale):
    """{source id: [context paths]} of texts with no (valid) translation in ``locale``."""
    rows = (
        StringSegment.objects.filter(source__in=sources)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .order_by("source_id", "order")
        .values_list("source_id", "context__path")
    )
    paths = {}
    for source_id, path in rows:
        paths.setdefault(source_id, []).append(path)
    return paths


def untranslated_by_field(source, locale):
    """{field label: count} of the source's texts with no (valid) translation in ``locale``."""
    model = source.specific_content_type.model_class()
    return _count_by_field(model, _untranslated_paths([source], locale).get(source.pk, []))


def _last_translated(keys, locales):
    """{(translation key, locale id): when a text or synchronised value was last translated}."""
    latest = {}
    for model in (StringTranslation, SegmentOverride):
        rows = (
            model.objects.filter(locale__in=locales, context__object_id__in=keys)
            .values_list("context__object_id", "locale_id")
            .annotate(latest=Max("updated_at"))
        )
        for key, locale_id, moment in rows:
            if moment and (
                latest.get((key, locale_id)) is None or moment > latest[(key, locale_id)]
            ):
                latest[(key, locale_id)] = moment
    return latest


def source_changes(source, page):
    """Field names changed in the Finnish page (latest version) since ``source`` was synced."""
    if (
        page.latest_revision_created_at
        and page.latest_revision_created_at <= source.last_updated_at
    ):
        return []  # nothing saved since the sync
    return changed_fields(source.as_instance(), page.get_latest_revision_as_object())


def _synced_state(state, source, untranslated_paths, last_translated):
    translated = state.page
    model = type(state.source_page)
    state.source_changes = field_labels(model, source_changes(source, state.source_page))
    state.untranslated = _count_by_field(model, untranslated_paths)
    changed_at = max(moment for moment in (source.last_updated_at, last_translated) if moment)
    live_revision = translated.live_revision
    state.unpublished = not (
        translated.live and live_revision is not None and live_revision.created_at >= changed_at
    )


def _unsynced_state(state):
    translated, page = state.page, state.source_page
    state.behind_by_date = not translated.live or bool(
        page.last_published_at
        and translated.last_published_at
        and page.last_published_at > translated.last_published_at
    )


def states_for_pages(pages):
    """{Finnish page id: [TranslationState per target language]}, in a fixed number of queries
    (plus a comparison of content for each page changed since its last sync)."""
    pages = [page.specific for page in pages]
    keys = [page.translation_key for page in pages]
    locales = target_locales()
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).select_related("specific_content_type")
    }
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    translated = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=locales)
        .filter(alias_of__isnull=True)
        .select_related("live_revision", "locale")
        .prefetch_workflow_states()
    }
    untranslated = {locale.pk: _untranslated_paths(sources.values(), locale) for locale in locales}
    last_translated = _last_translated(keys, locales)
    result = {}
    for page in pages:
        source = sources.get(page.translation_key)
        states = result[page.pk] = []
        for locale in locales:
            state = TranslationState(
                source_page=page,
                locale=locale,
                page=translated.get((page.translation_key, locale.pk)),
            )
            states.append(state)
            if state.page is None:
                continue
            state.translation = source and translations.get((source.pk, locale.pk))
            if state.translation is None:
                _unsynced_state(state)
                continue
            _synced_state(
                state,
                source,
                untranslated[locale.pk].get(source.pk, []),
                last_translated.get((page.translation_key, locale.pk)),
            )
    return result


def translation_states(page):
    """One TranslationState per target language for a Finnish page."""
    return states_for_pages([page])[page.pk]


def finnish_pages_with_translations():
    """Finnish pages that are the source of at least one translation, newest change first."""
    keys = Page.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).filter(
        alias_of__isnull=True
    )
    return (
        Page.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            depth__gt=1,
            translation_key__in=keys.values("translation_key"),
        )
        .order_by("-latest_revision_created_at", "path")
        .specific()
    )


def outdated_states():
    """Every outdated translation of a Finnish page."""
    return [
        state
        for states in states_for_pages(finnish_pages_with_translations()).values()
        for state in states
        if state.status == OUTDATED
    ]
