"""Finnish-first localisation: lang and hreflang, the switcher's fallback, dates in
each language, shared keywords, the translation-status report, and the gettext
catalogues (no UI string without its Swedish and English translation)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation.template import templatize
from wagtail.models import Locale, Page, PageViewRestriction

from news.models import EventPage, Keyword, NewsArticlePage

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
HOST = {"HTTP_HOST": "127.0.0.1"}
TOUR = "maakuntien-jarjestopaiva-kiertue"
PK_ARTICLE = "jarjestot-ja-tulevaisuuden-sote-keskus"
UNTRANSLATED_ARTICLE = "miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla"


def fi_page(slug):
    return Page.objects.get(slug=slug, locale__language_code="fi").specific


def translation(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def html(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, url
    return response.content.decode()


def hreflangs(text):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def switcher(text):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', text, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav)[i][::-1] for i in range(3))


# --- lang, hreflang and the switcher -------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_translation_has_its_lang_and_lists_every_translation(client, language):
    source = fi_page(TOUR)
    page = source if language == "fi" else translation(source, language)
    text = html(client, page.url)
    assert f'<html lang="{language}"' in text
    links = hreflangs(text)
    assert set(links) == {"fi", "sv", "en", "x-default"}
    for code in ("fi", "sv", "en"):
        expected = source if code == "fi" else translation(source, code)
        assert links[code].endswith(expected.url)
        assert links[code].startswith("http")
    assert links["x-default"] == links["fi"]
    assert switcher(text)[language] == page.url


def test_translated_slugs():
    source = fi_page(TOUR)
    assert translation(source, "sv").url == "/sv/evenemang/turnen-landskapens-organisationsdag/"
    assert translation(source, "en").url == "/en/events/regional-ngo-day-tour/"


def test_untranslated_page_has_no_false_alternates_and_switcher_falls_back(client):
    page = fi_page(UNTRANSLATED_ARTICLE)
    text = html(client, page.url)
    assert set(hreflangs(text)) == {"fi"}
    links = switcher(text)
    # The national news listing is the nearest translated ancestor.
    assert links["sv"] == "/sv/nyheter/?untranslated=1"
    assert links["en"] == "/en/news/?untranslated=1"

    swedish = html(client, links["sv"])
    assert '<html lang="sv"' in swedish
    assert "Sidan du sökte finns inte på svenska" in swedish
    english = html(client, links["en"])
    assert "has not been translated into English" in english
    # No notice when the visitor simply opens the listing.
    assert "language-notice" not in html(client, "/sv/nyheter/")


def test_draft_translation_is_neither_alternate_nor_switcher_target(client):
    source = fi_page(PK_ARTICLE)
    swedish = translation(source, "sv")
    swedish.unpublish()
    text = html(client, source.url)
    assert "sv" not in hreflangs(text)
    assert switcher(text)["sv"].endswith("?untranslated=1")
    assert switcher(text)["sv"].startswith(translation(source.get_parent(), "sv").url)
    assert client.get(swedish.url, **HOST).status_code == 404


def test_view_restricted_translation_is_not_advertised(client):
    source = fi_page(PK_ARTICLE)
    english = translation(source, "en")
    PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    text = html(client, source.url)
    assert set(hreflangs(text)) == {"fi", "sv", "x-default"}
    assert english.url not in text


def test_language_without_a_live_home_page_sends_visitors_to_finnish(client):
    """Wagtail would serve the Finnish home page under /en/ with lang="en"."""
    english_home = translation(Page.objects.get(depth=2, locale__language_code="fi"), "en")
    english_home.unpublish()
    response = client.get("/en/", **HOST)
    assert response.status_code == 302 and response["Location"] == "/fi/"


def test_root_follows_accept_language_else_finnish(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9", **HOST)
    assert response.status_code == 302 and response["Location"] == "/sv/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9", **HOST)
    assert response["Location"] == "/fi/"
    assert '<html lang="sv"' in html(client, "/sv/")
    assert '<html lang="en"' in html(client, "/en/")


# --- dates, sessions and keywords -------------------------------------------------------


def test_article_dates_in_each_language(client):
    source = fi_page(PK_ARTICLE)
    assert "20.3.2020" in html(client, source.url)
    assert "20.3.2020" in html(client, translation(source, "sv").url)
    assert "20 March 2020" in html(client, translation(source, "en").url)


def test_translated_event_keeps_its_five_sessions_with_local_times(client):
    source = fi_page(TOUR)
    for language, expected in [
        ("fi", "23.3.2020 klo 12.00–14.30"),
        ("sv", "23.3.2020 kl. 12.00–14.30"),
        ("en", "23 March 2020, 12:00–14:30"),
    ]:
        page = source if language == "fi" else translation(source, language)
        assert isinstance(page, EventPage)
        assert page.sessions.count() == 5
        assert expected in html(client, page.url)


def test_keywords_are_shared_and_shown_with_each_languages_label(client):
    source = fi_page(PK_ARTICLE)
    keyword = Keyword.objects.get(name="sote-uudistus")
    keyword.label_sv, keyword.label_en = "vårdreformen", "health and social services reform"
    keyword.save()
    names = {k.name for k in source.keywords.all()}
    for language in ("sv", "en"):
        page = translation(source, language)
        assert isinstance(page, NewsArticlePage)
        assert {k.name for k in page.keywords.all()} == names
    assert "vårdreformen" in html(client, translation(source, "sv").url)
    assert "health and social services reform" in html(client, translation(source, "en").url)
    assert "sote-uudistus" in html(client, source.url)


# --- admin ---------------------------------------------------------------------------------


def test_admin_is_in_finnish_by_default(client):
    client.force_login(get_user_model().objects.get(username="toimittaja"))
    text = html(client, "/admin/")
    assert '<html lang="fi"' in text


def test_translation_status_report_lists_translations_behind_their_source(client):
    client.force_login(get_user_model().objects.get(username="kaantaja"))
    url = "/admin/reports/translation-status/"
    source = fi_page(TOUR)

    def tour_row():
        return html(client, url).split(f'data-page="{source.pk}"')[1].split("</tr>")[0]

    assert tour_row().count("translation-cell--current") == 2

    source.lead = "Uusi ingressi, jota ei ole vielä käännetty."
    source.save_revision().publish()
    row = tour_row()
    assert row.count("translation-cell--outdated") == 2
    assert row.count("Muuttunut suomenkielisellä sivulla: Ingressi") == 2


def test_translation_status_report_lists_untranslated_finnish_pages(client):
    client.force_login(get_user_model().objects.get(username="kaantaja"))
    text = html(client, "/admin/reports/translation-status/")
    untranslated = fi_page(UNTRANSLATED_ARTICLE)
    swedish_list = re.search(r'<ul class="untranslated" data-language="sv">.*?</ul>', text, re.S)
    assert untranslated.title in swedish_list.group(0)
    assert fi_page(TOUR).title not in swedish_list.group(0)


# --- gettext catalogues ---------------------------------------------------------------------

GETTEXT_FUNCS = {
    "_": 1, "gettext": 1, "gettext_lazy": 1, "pgettext": 2, "pgettext_lazy": 2,
    "ngettext": 1, "ngettext_lazy": 1, "npgettext": 2, "npgettext_lazy": 2,
}  # fmt: skip
#: Each shipped app carries its own catalogues (so a host site that installs the
#: wheel gets them); the reference site's own strings (config/, site/) are in locale/.
APP_DIRS = ["kumppanuus", "regions", "news", "search", "home", "editorial", "api"]
SITE_DIRS = ["config", "site"]
SOURCE_DIRS = SITE_DIRS + APP_DIRS
LITERAL = r"u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\""


def python_msgids(path):
    """msgids of gettext calls with literal arguments, found by Python's own parser."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        position = GETTEXT_FUNCS.get(name)
        if position and len(node.args) >= position:
            arg = node.args[position - 1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def template_msgids(path):
    """msgids of {% translate %} and {% blocktranslate %}, through Django's templatize."""
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    found = set()
    for match in re.finditer(rf"\b(n?p?gettext)\(((?:{LITERAL})(?:\s*,\s*(?:{LITERAL}))*)", code):
        literals = [ast.literal_eval(lit) for lit in re.findall(LITERAL, match.group(2))]
        found.add(
            literals[1] if match.group(1).startswith(("pgettext", "npgettext")) else literals[0]
        )
    return found


def project_msgids(folders=SOURCE_DIRS):
    msgids = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*"):
            if "migrations" in path.parts or "__pycache__" in path.parts:
                continue
            if path.suffix == ".py":
                msgids |= python_msgids(path)
            elif path.suffix in (".html", ".txt", ".xml"):
                msgids |= template_msgids(path)
    return msgids


def catalogue(language, folder=None):
    locale_dir = ROOT / folder / "locale" if folder else ROOT / "locale"
    with open(locale_dir / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def test_extractor_finds_strings_from_python_and_templates():
    msgids = project_msgids()
    assert "Siirry sisältöön" in msgids  # base.html
    assert "Sivu %(n)s / %(total)s" in msgids  # blocktranslate with variables
    assert "julkaisupäivä" in msgids  # gettext_lazy in a model
    assert len(msgids) > 150


@pytest.mark.parametrize("folder", [None, *APP_DIRS])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_ui_string_is_translated(language, folder):
    """Every string of an app is translated in that app's own catalogue."""
    translated = {
        (key[0] if isinstance(key, tuple) else key)
        for key, value in catalogue(language, folder).items()
        if value
    }
    sources = [folder] if folder else SITE_DIRS
    missing = sorted(msgid for msgid in project_msgids(sources) if msgid not in translated)
    where = f"{folder}/locale" if folder else "locale"
    assert not missing, f"Untranslated in {where}/{language}: {missing}"


def test_finnish_catalogue_is_compiled():
    assert catalogue("fi").get("Siirry sisältöön") == "Siirry sisältöön"
