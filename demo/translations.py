"""Swedish and English demo translations, made the way a translator makes them.

Each page is submitted to wagtail-localize (a synced translation, so the status
report and "Sync translated pages" work on it as on any other), its strings are
translated from the texts below, and the translation is published. A string
with no translation here falls back to the Finnish source text.

Also creates the demo users (one per editorial role, see ``DEMO_USERS``).
Idempotent: a page that already has a translation in a language is left alone.
"""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from editorial.setup import (
    EDITORS,
    PUBLISHERS,
    TRANSLATORS,
    regional_group_name,
    setup_editorial,
)
from regions.models import Region

from .translation_texts import PAGES, REGION_INTRO, TEXTS

DEMO_PASSWORD = "kumppanuus-demo"  # noqa: S105 (demo users only, printed by load_demo)
# username, first name, last name, groups (a region code means its regional group)
DEMO_USERS = [
    ("toimittaja", "Tiina", "Toimittaja", [EDITORS]),
    ("julkaisija", "Jussi", "Julkaisija", [PUBLISHERS]),
    ("kaantaja", "Kaisa", "Kääntäjä", [TRANSLATORS]),
    ("aluetoimittaja", "Aino", "Aluetoimittaja", ["pohjois-karjala"]),
]
DEMO_USER_ROLES = {
    "toimittaja": "Toimittajat: kirjoittaa ja lähettää hyväksyttäväksi",
    "julkaisija": "Julkaisijat: hyväksyy ja julkaisee",
    "kaantaja": "Kääntäjät: kääntää ruotsiksi ja englanniksi",
    "aluetoimittaja": "Aluetoimittajat – Pohjois-Karjala: vain Pohjois-Karjalan sivut",
}


def lookup(text, language):
    """The translation of a Finnish string: exact, else by its opening words."""
    texts = TEXTS[language]
    if text in texts:
        return texts[text]
    matches = [key for key in texts if key.endswith("…") and text.startswith(key[:-1])]
    if matches:
        return texts[max(matches, key=len)]
    return None


def _blank_strings(block, value):
    """Optional text left out of a block's data is None; wagtail-localize needs ""."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if value.get(name) is None and isinstance(child, blocks.CharBlock | blocks.TextBlock):
                value[name] = ""
            elif value.get(name) is not None:
                _blank_strings(child, value[name])
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _blank_strings(block.child_block, item)


def normalise_streams(page):
    """Store "" for missing optional strings in the page's StreamFields (row and memory)."""
    changed = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            for child in stream:
                _blank_strings(child.block, child.value)
            changed[field.name] = stream
    if changed:
        type(page).objects.filter(pk=page.pk).update(**changed)


@contextmanager
def search_index_once():
    """Index each translated page once at the end, not on each of its ~5 saves.

    Creating a translation saves the page several times (copy, revision,
    publish); Wagtail's search index would be rebuilt for it every time.
    """
    models = [model for model in index.get_indexed_models() if issubclass(model, Page)]
    disconnected = [
        model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    translated = []
    try:
        yield translated
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in translated:
        index.insert_or_update_object(page.specific)


class DemoTranslator:
    def __init__(self, loader):
        self.loader = loader
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in ("sv", "en")
        }

    def run(self):
        loader = self.loader
        pages = [loader.home, loader.news_index, loader.event_index]
        region_index = loader.home.get_children().filter(slug="alueet").first()
        pages.append(region_index.specific)
        pages += list(loader.region_pages.values())
        for slug in PAGES:
            page = Page.objects.filter(slug=slug, locale=loader.locale).first()
            if page is not None:
                # Its listing first: a translation needs a translated parent.
                parent = page.get_parent().specific
                if parent not in pages:
                    pages.append(parent)
                pages.append(page.specific)
        with search_index_once() as self.translated:
            for page in pages:
                for language, locale in self.locales.items():
                    self.translate(page, language, locale)

    def region_texts(self, page, language):
        region = page.region
        name = getattr(region, f"name_{language}")
        official = region.official_name_sv if language == "sv" else name
        return {
            page.title: name,
            page.slug: slugify(name),
            page.intro: REGION_INTRO[language].format(official=official),
        }

    def translate(self, page, language, locale):
        if page.get_translations().filter(locale=locale, alias_of__isnull=True).exists():
            return
        extra = self.region_texts(page, language) if hasattr(page, "region_id") else {}
        if page.pk == self.loader.home.pk:
            extra[page.slug] = language
        if ": " in page.title and hasattr(page.get_parent().specific, "region_id"):
            # A region's own listing, "Uutiset: Pohjois-Karjala".
            listing, _sep, _name = page.title.partition(": ")
            region = page.get_parent().specific.region
            name = getattr(region, f"name_{language}")
            extra[page.title] = f"{lookup(listing, language)}: {name}"
        normalise_streams(page)
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string")
        for segment in segments:
            text = extra.get(segment.string.data) or lookup(segment.string.data, language)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text, "translation_type": "manual"},
                )
        # Publish here, not through wagtail-localize's on_commit publish: inside
        # the loader's single transaction that would save stale tree counts.
        translation.save_target(publish=False)
        target = Page.objects.get(translation_key=page.translation_key, locale=locale)
        target.get_latest_revision().publish()
        self.translated.append(target)
        if page.first_published_at:
            Page.objects.filter(pk=target.pk).update(first_published_at=page.first_published_at)
        self.loader.created += 1


def load_demo_users():
    """One user per editorial role; returns (username, password, role) rows."""
    setup_editorial()
    User = get_user_model()
    rows = []
    for username, first, last, groups in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for name in groups:
            if name == name.lower():
                name = regional_group_name(Region.objects.get(code=name))
            user.groups.add(Group.objects.get(name=name))
        rows.append((username, DEMO_PASSWORD, DEMO_USER_ROLES[username]))
    return rows


def load_translations(loader):
    """Called from ``DemoLoader.run()``: translations first, then roles and users."""
    DemoTranslator(loader).run()
    return load_demo_users()
