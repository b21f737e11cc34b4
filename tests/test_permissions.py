"""The editorial permission matrix, asked through Wagtail's own permission API.

In the style of Wagtail's ``test_page_permissions.py``: for each persona and each
kind of page, every answer (edit, publish, delete, translate) is asserted. The
groups come from ``setup_editorial`` (run by the demo loader), the users are the
demo role users, so what is tested is what a newcomer gets from ``make run``.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

from editorial.setup import can_translate
from news.models import NewsArticlePage, NewsIndexPage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db

PERSONAS = ["editor", "publisher", "translator", "regional_editor", "anonymous"]
USERNAMES = {
    "editor": "toimittaja",
    "publisher": "julkaisija",
    "translator": "kaantaja",
    "regional_editor": "aluetoimittaja",  # Aluetoimittajat – Pohjois-Karjala
}
KINDS = ["national_news", "pk_news", "lappi_news", "event", "region_page"]

# persona: {page kind: (can_edit, can_publish, can_delete, can_translate)}
# Deleting a live page needs publish permission; a region page with child
# listings needs bulk delete, which nobody but a superuser has.
MATRIX = {
    "editor": {
        "national_news": (True, False, False, False),
        "pk_news": (True, False, False, False),
        "lappi_news": (True, False, False, False),
        "event": (True, False, False, False),
        "region_page": (True, False, False, False),
    },
    "publisher": {
        "national_news": (True, True, True, False),
        "pk_news": (True, True, True, False),
        "lappi_news": (True, True, True, False),
        "event": (True, True, True, False),
        "region_page": (True, True, False, False),
    },
    "translator": {
        "national_news": (False, False, False, True),
        "pk_news": (False, False, False, True),
        "lappi_news": (False, False, False, True),
        "event": (False, False, False, True),
        "region_page": (False, False, False, True),
    },
    "regional_editor": {
        "national_news": (False, False, False, False),
        "pk_news": (True, False, False, False),
        "lappi_news": (False, False, False, False),
        "event": (False, False, False, False),
        "region_page": (True, False, False, False),
    },
    "anonymous": {kind: (False, False, False, False) for kind in KINDS},
}


def _fi(model):
    return model.objects.filter(locale__language_code="fi")


@pytest.fixture
def pages():
    pk_region = _fi(RegionPage).get(region__code="pohjois-karjala")
    lappi_region = _fi(RegionPage).get(region__code="lappi")
    # Lappi has no news in the demo: its own listing and one article.
    listing = NewsIndexPage(title="Uutiset: Lappi", slug="uutiset")
    lappi_region.add_child(instance=listing)
    listing.save_revision().publish()
    lappi_article = NewsArticlePage(title="Lapin järjestöpäivä", slug="lapin-jarjestopaiva")
    listing.add_child(instance=lappi_article)
    lappi_article.save_revision().publish()
    return {
        "national_news": _fi(NewsArticlePage).get(
            slug="miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla"
        ),
        "pk_news": _fi(NewsArticlePage).get(slug="jarjestot-ja-tulevaisuuden-sote-keskus"),
        "lappi_news": lappi_article,
        "event": Page.objects.get(
            slug="maakuntien-jarjestopaiva-kiertue", locale__language_code="fi"
        ),
        "region_page": pk_region,
    }


def _user(persona):
    if persona == "anonymous":
        return AnonymousUser()
    return get_user_model().objects.get(username=USERNAMES[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(persona, pages):
    user = _user(persona)
    answers = {}
    for kind in KINDS:
        page = pages[kind]
        assert page.live, f"{kind} should be a live page"
        perms = page.permissions_for_user(user)
        answers[kind] = (
            perms.can_edit(),
            perms.can_publish(),
            perms.can_delete(),
            can_translate(user, page),
        )
    assert answers == MATRIX[persona]


def test_nobody_but_publishers_can_unpublish(pages):
    for persona in PERSONAS:
        perms = pages["pk_news"].permissions_for_user(_user(persona))
        assert perms.can_unpublish() is (persona == "publisher")


def test_translator_edits_translations_not_the_finnish_source():
    translator = _user("translator")
    finnish = _fi(RegionPage).get(region__code="pohjois-karjala")
    swedish = finnish.get_translation(finnish.locale.__class__.objects.get(language_code="sv"))
    assert finnish.permissions_for_user(translator).can_edit() is False
    assert swedish.permissions_for_user(translator).can_edit() is True
    assert swedish.permissions_for_user(translator).can_publish() is False


def test_regional_editor_may_add_news_only_under_their_region(pages):
    user = _user("regional_editor")
    pk_listing = pages["pk_news"].get_parent()
    lappi_listing = pages["lappi_news"].get_parent()
    assert pk_listing.permissions_for_user(user).can_add_subpage() is True
    assert lappi_listing.permissions_for_user(user).can_add_subpage() is False


def test_translate_view_follows_the_translate_permission(client, pages):
    """wagtail-localize's own "Translate this page" view agrees with the matrix."""
    url = f"/admin/localize/submit/page/{pages['pk_news'].pk}/"
    client.force_login(_user("translator"))
    assert client.get(url).status_code == 200
    client.force_login(_user("editor"))
    assert client.get(url).status_code in (302, 403)
