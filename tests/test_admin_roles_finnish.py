"""The main admin screens, as each editorial role, in Finnish (issue 11).

Each role (toimittaja, julkaisija, kaantaja, aluetoimittaja: editorial/setup.py)
opens the dashboard, the explorer, a page's edit form (in moderation, with changes
requested, and a Swedish translation in the translation editor), a new page's form
with its validation errors, snippets, images, the workflow history and tasks, the
reports and the admin search, through Django's test client. The admin is in Finnish
by default; no screen may show the English (or poor Finnish) text the issue met.

Wagtail's own Finnish is completed by the project catalogue (editorial/locale/fi,
editorial/wagtail_strings.py).
"""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale

from news.models import NewsArticlePage, NewsIndexPage
from regions.models import RegionPage
from tests.admin_english import KNOWN_BAD
from tests.test_workflow import HOST, article_form

pytestmark = pytest.mark.django_db

ROLES = ("toimittaja", "julkaisija", "kaantaja", "aluetoimittaja")
ARTICLE = "jarjestot-ja-tulevaisuuden-sote-keskus"

#: Text an editor met in the Finnish admin (issue 11): English, or poor Finnish.
ISSUE_STRINGS = (
    "The page could not be created due to validation errors",
    "Autosave is paused",
    "Publish in",
    "Changes requested",
    "Resubmit to",
    "Tarkastatettavana",
    "Maa-asetustot",
    "Isäntä",
    "tageista",
    "Lähetä työnkulkuun",
)
FORBIDDEN = tuple(dict.fromkeys(ISSUE_STRINGS + tuple(KNOWN_BAD)))


def _user(username):
    return get_user_model().objects.get(username=username)


def _url(name, *args, query=""):
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def _submitted(slug, title):
    listing = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    page = NewsArticlePage(title=title, slug=slug, lead="Järjestöt kokoontuvat.", live=False)
    listing.add_child(instance=page)
    page.save_revision(user=_user("toimittaja"))
    page.get_workflow().start(page, _user("toimittaja"))
    return page


def _changes_requested(slug, title):
    page = _submitted(slug, title)
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(
        task_state, _user("julkaisija"), "reject", comment="Tarkista ingressi."
    )
    page.refresh_from_db()
    return page


def _screens(role, pages):
    """(name, method, URL, data) of the screens the role walks."""
    fi_index = pages["news_index"]
    screens = [
        ("kojelauta", "/admin/"),
        ("sivupuu", _url("wagtailadmin_explore_root")),
        ("uutiset", _url("wagtailadmin_explore", fi_index.pk)),
        ("uutisen muokkaus", _url("wagtailadmin_pages:edit", pages["article"].pk)),
        ("tarkastettavana", _url("wagtailadmin_pages:edit", pages["moderated"].pk)),
        ("muutoksia pyydetty", _url("wagtailadmin_pages:edit", pages["needs_changes"].pk)),
        ("käännöseditori", _url("wagtailadmin_pages:edit", pages["swedish"].pk)),
        ("uusi uutinen", _url("wagtailadmin_pages:add", "news", "newsarticlepage", fi_index.pk)),
        ("alueen sivu", _url("wagtailadmin_pages:edit", pages["region"].pk)),
        ("haku", _url("wagtailadmin_pages:search", query="?q=sote")),
        ("katkelmat", _url("wagtailsnippets:index")),
        ("henkilöt", _url("wagtailsnippets_regions_person:list")),
        ("kuvat", _url("wagtailimages:index")),
        ("dokumentit", _url("wagtaildocs:index")),
        ("työnkulun historia", _url("wagtailadmin_pages:workflow_history", pages["moderated"].pk)),
        ("tehtävät", _url("wagtailadmin_workflows:task_index")),
        ("raportti: työnkulut", _url("wagtailadmin_reports:workflow")),
        ("raportti: lukitut", _url("wagtailadmin_reports:locked_pages")),
        ("raportti: käännökset", _url("translation_status")),
        ("oma tili", _url("wagtailadmin_account")),
    ]
    return [(name, url) for name, url in screens if url]


def _visible_text(markup):
    """Text and attribute values a person can see or hear (not scripts or styles)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    return html.unescape(markup)


@pytest.fixture(scope="module")
def admin_screens(django_db_setup, django_db_blocker):
    """{(role, screen): text} for every role and screen, walked once, then rolled back."""
    walked = {}
    with django_db_blocker.unblock(), transaction.atomic():
        article = NewsArticlePage.objects.get(slug=ARTICLE, locale__language_code="fi")
        pages = {
            "news_index": NewsIndexPage.objects.get(
                slug="uutiset", depth=3, locale__language_code="fi"
            ),
            "article": article,
            "swedish": article.get_translation(Locale.objects.get(language_code="sv")),
            "moderated": _submitted("tarkastettavana-kierros", "Tarkastettavana oleva uutinen"),
            "needs_changes": _changes_requested("muutoksia-kierros", "Muutoksia pyydetty uutinen"),
            "region": RegionPage.objects.get(
                region__code="pohjois-karjala", locale__language_code="fi"
            ),
        }
        for role in ROLES:
            client = Client(**HOST)
            client.force_login(_user(role))
            for name, url in _screens(role, pages):
                response = client.get(url, follow=True)
                assert response.status_code < 500, (role, name, url)
                walked[(role, name)] = _visible_text(response.content.decode())
            # A new article with a missing title: the form's validation errors.
            add_url = _url(
                "wagtailadmin_pages:add", "news", "newsarticlepage", pages["news_index"].pk
            )
            response = client.post(add_url, article_form("", "", None), follow=True)
            assert response.status_code < 500
            walked[(role, "virheellinen uusi uutinen")] = _visible_text(response.content.decode())
        transaction.set_rollback(True)
    return walked


def test_the_walk_reaches_the_screens_in_finnish(admin_screens):
    assert len(admin_screens) >= len(ROLES) * 15
    for (role, name), text in admin_screens.items():
        assert '<html lang="fi"' in text or 'lang="fi"' in text, (role, name)
    # Each role really got its own screens (not only the login page).
    assert "Käännettävät sivut" in admin_screens[("kaantaja", "kojelauta")]
    assert "Muutoksia pyydetty uutinen" in admin_screens[("toimittaja", "kojelauta")]
    assert "Tarkastettavana oleva uutinen" in admin_screens[("julkaisija", "kojelauta")]
    assert "Tarkista ingressi." in admin_screens[("toimittaja", "muutoksia pyydetty")]
    # The editor's resubmit button and the translation editor are really there.
    assert 'name="action-submit"' in admin_screens[("toimittaja", "muutoksia pyydetty")]
    assert "js-translation-editor" in admin_screens[("kaantaja", "käännöseditori")]


@pytest.mark.parametrize(
    "text",
    FORBIDDEN,
)
def test_no_screen_shows_english_or_poor_finnish(admin_screens, text):
    found = sorted(
        f"{role}: {name}" for (role, name), screen in admin_screens.items() if text in screen
    )
    assert not found, f'"{text}" on: {", ".join(found)}'
