"""The admin screens each editorial role uses daily, in Finnish (issue 11).

Each role (toimittaja, julkaisija, kaantaja, aluetoimittaja: editorial/setup.py)
opens, through Django's test client, about 45 screens: the dashboard, the explorer,
news, event and region pages to create and edit (in moderation, with changes
requested, a Swedish translation in the translation editor, a form with validation
errors), page history, revisions and their comparison, the publisher's "Pyydä
muutoksia" and approve modals, images and documents (listing, upload, edit, the
image chooser), people and keywords, workflow tasks and history, the reports
(translations, workflows, locked pages), the calendar, account settings and search.

No screen may show English: ``test_no_screen_shows_english`` compares every visible
text and shown attribute with the English msgids of the installed catalogues
(tests/admin_english.py), so it finds English nobody listed; the known strings of
the issue (and Wagtail's poor Finnish) are checked by name as well. Wagtail's own
Finnish is completed by the project catalogue (editorial/locale/fi,
editorial/wagtail_strings.py).
"""

import html
import json
import re
from typing import NamedTuple

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.images import get_image_model
from wagtail.models import Locale

from news.models import EventIndexPage, EventPage, Keyword, NewsArticlePage, NewsIndexPage
from regions.models import Person, RegionPage
from tests.admin_english import KNOWN_BAD, english_on_screen, visible_segments
from tests.test_media_permissions import png
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


def _screens(pages):
    """(name, URL) of the screens the roles walk (a role without access is sent away)."""
    article, moderated = pages["article"], pages["moderated"]
    task_state = moderated.current_workflow_task_state
    revisions = list(article.revisions.order_by("pk").values_list("pk", flat=True))
    screens = [
        ("kojelauta", _url("wagtailadmin_home")),
        ("sivupuu", _url("wagtailadmin_explore_root")),
        ("uutiset", _url("wagtailadmin_explore", pages["news_index"].pk)),
        ("tapahtumat", _url("wagtailadmin_explore", pages["event_index"].pk)),
        ("uutisen muokkaus", _url("wagtailadmin_pages:edit", article.pk)),
        ("tarkastettavana", _url("wagtailadmin_pages:edit", moderated.pk)),
        ("muutoksia pyydetty", _url("wagtailadmin_pages:edit", pages["needs_changes"].pk)),
        ("käännöseditori", _url("wagtailadmin_pages:edit", pages["swedish"].pk)),
        (
            "uusi uutinen",
            _url("wagtailadmin_pages:add", "news", "newsarticlepage", pages["news_index"].pk),
        ),
        ("tapahtuman muokkaus", _url("wagtailadmin_pages:edit", pages["event"].pk)),
        (
            "uusi tapahtuma",
            _url("wagtailadmin_pages:add", "news", "eventpage", pages["event_index"].pk),
        ),
        ("alueen sivu", _url("wagtailadmin_pages:edit", pages["region"].pk)),
        ("alasivun tyyppi", _url("wagtailadmin_pages:add_subpage", pages["news_index"].pk)),
        ("historia", _url("wagtailadmin_pages:history", article.pk)),
        ("versiot", _url("wagtailadmin_pages:revisions_index", article.pk)),
        (
            "versioiden vertailu",
            _url("wagtailadmin_pages:revisions_compare", article.pk, revisions[0], revisions[-1])
            if len(revisions) > 1
            else _url("wagtailadmin_pages:revisions_compare", article.pk, "earliest", "latest"),
        ),
        (
            "pyydä muutoksia",
            _url("wagtailadmin_pages:workflow_action", moderated.pk, "reject", task_state.pk),
        ),
        (
            "hyväksy kommentilla",
            _url(
                "wagtailadmin_pages:workflow_action",
                moderated.pk,
                "approve",
                task_state.pk,
            ),
        ),
        ("haku", _url("wagtailadmin_pages:search", query="?q=sote")),
        ("katkelmat", _url("wagtailsnippets:index")),
        ("henkilöt", _url("wagtailsnippets_regions_person:list")),
        ("henkilön muokkaus", _url("wagtailsnippets_regions_person:edit", pages["person"].pk)),
        ("uusi henkilö", _url("wagtailsnippets_regions_person:add")),
        ("asiasanat", _url("keywords:index")),
        ("asiasanan muokkaus", _url("keywords:edit", pages["keyword"].pk)),
        ("kuvat", _url("wagtailimages:index")),
        ("kuvien lisäys", _url("wagtailimages:add_multiple")),
        ("kuvan muokkaus", _url("wagtailimages:edit", pages["image"].pk)),
        ("kuvan valinta", _url("wagtailimages_chooser:choose")),
        ("dokumentit", _url("wagtaildocs:index")),
        ("dokumenttien lisäys", _url("wagtaildocs:add_multiple")),
        ("työnkulun historia", _url("wagtailadmin_pages:workflow_history", moderated.pk)),
        ("tehtävät", _url("wagtailadmin_workflows:task_index")),
        ("raportti: työnkulut", _url("wagtailadmin_reports:workflow")),
        ("raportti: lukitut", _url("wagtailadmin_reports:locked_pages")),
        ("raportti: käännökset", _url("translation_status")),
        ("kalenteri", _url("editorial_calendar")),
        ("oma tili", _url("wagtailadmin_account")),
    ]
    return [(name, url) for name, url in screens if url]


def _shown(response):
    """The markup a response shows: a page, or the HTML of a modal's JSON."""
    if response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html") or data.get("form") or ""
    return response.content.decode()


def _visible_text(markup):
    """Text and attribute values a person can see or hear (not scripts or styles)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    return html.unescape(markup)


class Screen(NamedTuple):
    text: str  # the markup without scripts and styles, entities resolved
    segments: list  # what a person sees or hears: tests/admin_english.py
    modal: bool  # the HTML of a modal (JSON), not a whole page


@pytest.fixture(scope="module")
def admin_screens(django_db_setup, django_db_blocker):
    """{(role, screen): Screen} for every role and screen, walked once, then rolled back."""
    walked = {}
    with django_db_blocker.unblock(), transaction.atomic():
        article = NewsArticlePage.objects.get(slug=ARTICLE, locale__language_code="fi")
        pages = {
            "news_index": NewsIndexPage.objects.get(
                slug="uutiset", depth=3, locale__language_code="fi"
            ),
            "event_index": EventIndexPage.objects.filter(locale__language_code="fi").first(),
            "article": article,
            "event": EventPage.objects.filter(locale__language_code="fi").first(),
            "swedish": article.get_translation(Locale.objects.get(language_code="sv")),
            "moderated": _submitted("tarkastettavana-kierros", "Tarkastettavana oleva uutinen"),
            "needs_changes": _changes_requested("muutoksia-kierros", "Muutoksia pyydetty uutinen"),
            "region": RegionPage.objects.get(
                region__code="pohjois-karjala", locale__language_code="fi"
            ),
            "person": Person.objects.first(),
            "keyword": Keyword.objects.first(),
            "image": get_image_model().objects.create(
                title="Kierroksen kuva", file=png(), uploaded_by_user=_user("julkaisija")
            ),
        }
        # Two revisions of the article, for the comparison.
        article.title = article.title + " (muokattu)"
        article.save_revision(user=_user("toimittaja"))
        screens = _screens(pages)
        for role in ROLES:
            client = Client(**HOST)
            client.force_login(_user(role))
            responses = [(name, client.get(url, follow=True)) for name, url in screens]
            # A new article with a missing title: the form's validation errors.
            add_url = _url(
                "wagtailadmin_pages:add", "news", "newsarticlepage", pages["news_index"].pk
            )
            responses.append(
                (
                    "virheellinen uusi uutinen",
                    client.post(add_url, article_form("", "", None), follow=True),
                )
            )
            # Uploads: the image's and the document's form after the upload.
            responses.append(
                (
                    "kuvan lataus",
                    client.post(_url("wagtailimages:add_multiple"), {"files[]": png()}),
                )
            )
            document = SimpleUploadedFile("ohje.txt", b"Ohje.", content_type="text/plain")
            responses.append(
                (
                    "dokumentin lataus",
                    client.post(_url("wagtaildocs:add_multiple"), {"files[]": document}),
                )
            )
            for name, response in responses:
                assert response.status_code < 500, (role, name)
                if response.status_code != 200:  # the role may not (a translator uploads)
                    continue
                markup = _shown(response)
                walked[(role, name)] = Screen(
                    _visible_text(markup),
                    visible_segments(markup),
                    response.get("Content-Type", "").startswith("application/json"),
                )
        transaction.set_rollback(True)
    return walked


def test_the_walk_reaches_the_screens_in_finnish(admin_screens):
    assert len(admin_screens) >= len(ROLES) * 40
    for (role, name), screen in admin_screens.items():
        assert screen.modal or 'lang="fi"' in screen.text, (role, name)
    text = {key: screen.text for key, screen in admin_screens.items()}
    # Each role really got its own screens (not only the login page).
    assert "Käännettävät sivut" in text[("kaantaja", "kojelauta")]
    assert "Muutoksia pyydetty uutinen" in text[("toimittaja", "kojelauta")]
    assert "Tarkastettavana oleva uutinen" in text[("julkaisija", "kojelauta")]
    assert "Tarkista ingressi." in text[("toimittaja", "muutoksia pyydetty")]
    # The editor's resubmit button and the translation editor are really there.
    assert 'name="action-submit"' in text[("toimittaja", "muutoksia pyydetty")]
    assert "js-translation-editor" in text[("kaantaja", "käännöseditori")]
    # The publisher's workflow modals and the image chooser are really there.
    assert "<form" in text[("julkaisija", "pyydä muutoksia")]
    assert 'name="comment"' in text[("julkaisija", "hyväksy kommentilla")]
    assert admin_screens[("toimittaja", "kuvan valinta")].modal


def test_no_screen_shows_english(admin_screens):
    """Wagtail's and wagtail-localize's English shown untranslated, on any screen."""
    found = {}
    for (role, name), screen in admin_screens.items():
        for segment, msgid in english_on_screen(screen.segments).items():
            found.setdefault(msgid, {}).setdefault(segment, []).append(f"{role}: {name}")
    report = "\n".join(
        f"{msgid!r}: {next(iter(shown))!r} on {', '.join(next(iter(shown.values()))[:2])}"
        for msgid, shown in sorted(found.items())
    )
    assert not found, f"{len(found)} English strings in the Finnish admin:\n{report}"


@pytest.mark.parametrize(
    "text",
    FORBIDDEN,
)
def test_no_screen_shows_english_or_poor_finnish(admin_screens, text):
    found = sorted(
        f"{role}: {name}" for (role, name), screen in admin_screens.items() if text in screen.text
    )
    assert not found, f'"{text}" on: {", ".join(found)}'
