"""The translators' to-do list: Finnish pages that have no translation yet.

Live Finnish pages count, and so do new Finnish pages awaiting approval: a
translator can then translate before the Finnish page goes live, and a
publisher can publish the page and its translations together.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, WorkflowState

from .state import target_locales, translate_label


@dataclass
class PageToTranslate:
    page: Page
    #: Locales the page still lacks, with the button label for each.
    missing: list

    @property
    def locales(self):
        return [locale for locale, _label in self.missing]


def _in_moderation_ids():
    page_type = ContentType.objects.get_for_model(Page)
    return [
        int(object_id)
        for object_id in WorkflowState.objects.active()
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    ]


def pages_to_translate(limit=20):
    """Finnish pages (live or awaiting approval) missing a translation, latest change first."""
    locales = target_locales()
    candidates = (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=2)
        .filter(Q(live=True) | Q(pk__in=_in_moderation_ids()))
        .order_by("-latest_revision_created_at", "path")
    )
    translated = set(
        Page.objects.filter(alias_of__isnull=True, locale__in=locales).values_list(
            "translation_key", "locale_id"
        )
    )
    result = []
    for page in candidates.iterator():
        missing = [
            (locale, translate_label(locale))
            for locale in locales
            if (page.translation_key, locale.pk) not in translated
        ]
        if missing:
            result.append(PageToTranslate(page.specific, missing))
            if len(result) >= limit:
                break
    return result
