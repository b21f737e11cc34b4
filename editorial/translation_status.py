"""Which translations are behind their Finnish source.

wagtail-localize records when it last read a source page's content
(``TranslationSource.last_updated_at``, refreshed by "Sync translated pages").
A Finnish page published after that moment has changes its translations do not
carry yet: those translations are listed for the editors.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F
from wagtail.models import Page
from wagtail_localize.models import Translation


@dataclass
class StaleTranslation:
    source_page: Page
    target_page: Page | None
    language: str
    source_changed_at: datetime
    synced_at: datetime
    source_id: int


def stale_translations():
    """Enabled translations whose Finnish source was published after the last sync."""
    translations = (
        Translation.objects.filter(
            enabled=True, source__locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("source", "source__object", "target_locale")
        .order_by("source__last_updated_at", "target_locale__language_code")
    )
    by_key = {t.source.object.translation_key for t in translations}
    pages = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(translation_key__in=by_key).select_related("locale")
    }
    rows = []
    for translation in translations:
        key = translation.source.object.translation_key
        source_page = pages.get((key, settings.LANGUAGE_CODE))
        if source_page is None or source_page.last_published_at is None:
            continue
        if source_page.last_published_at <= translation.source.last_updated_at:
            continue
        language = translation.target_locale.language_code
        rows.append(
            StaleTranslation(
                source_page=source_page,
                target_page=pages.get((key, language)),
                language=language,
                source_changed_at=source_page.last_published_at,
                synced_at=translation.source.last_updated_at,
                source_id=translation.source_id,
            )
        )
    return rows


def stale_translation_pages():
    """Only the pages, for tests and counts."""
    return Page.objects.filter(
        pk__in=[row.target_page.pk for row in stale_translations() if row.target_page]
    ).annotate(language=F("locale__language_code"))


@dataclass
class MissingTranslations:
    language: str
    pages: list


def untranslated_pages(limit=50):
    """Live Finnish pages not (yet) translated into each other language, shallowest first.

    Without alias pages the translated trees grow page by page; this list is how
    translators see where the Swedish and English trees lag behind the Finnish one.
    """
    source = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=2)
    result = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        translated = Page.objects.filter(locale__language_code=code, alias_of__isnull=True)
        missing = source.exclude(translation_key__in=translated.values("translation_key"))
        result.append(MissingTranslations(code, list(missing.order_by("path")[:limit])))
    return result
