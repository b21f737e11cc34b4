"""The admin in Finnish (issue 11): dates typed the Finnish way, a clear error for
what cannot be read (never "now"), "Suomen aikaa" beside datetime fields, and the
project's Finnish wording of Wagtail's own strings (editorial/wagtail_strings.py).
"""

import datetime
import json
import re
import zoneinfo
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from editorial.wagtail_strings import FINNISH, FINNISH_JS
from news.models import NewsArticlePage, NewsIndexPage
from tests.admin_english import KNOWN_BAD, bad_strings_in
from tests.test_workflow import article_form

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "127.0.0.1"}
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.get(username="toimittaja"))
    return client


@pytest.fixture
def add_article_url():
    index = NewsIndexPage.objects.get(slug="uutiset", depth=3, locale__language_code="fi")
    return reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", index.pk))


def save_draft(client, url, slug, **fields):
    return client.post(url, article_form("Päiväystesti", slug, "", **fields), **HOST)


@pytest.mark.parametrize(
    ("typed_date", "typed_go_live", "go_live"),
    [
        ("20.1.2027", "10.2.2027 12.00", datetime.datetime(2027, 2, 10, 12, 0)),
        ("20.01.2027", "10.2.2027 12:00", datetime.datetime(2027, 2, 10, 12, 0)),
        ("2027-01-20", "10.2.2027", datetime.datetime(2027, 2, 10, 0, 0)),
        ("20.1.2027", "1.7.2027 klo 9.15", datetime.datetime(2027, 7, 1, 9, 15)),
    ],
)
def test_dates_typed_the_finnish_way_are_saved(
    editor_client, add_article_url, typed_date, typed_go_live, go_live
):
    response = save_draft(
        editor_client, add_article_url, "paivays", date=typed_date, go_live_at=typed_go_live
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsArticlePage.objects.get(slug="paivays").get_latest_revision_as_object()
    # Helsinki time: +02:00 in winter, +03:00 in summer.
    assert page.go_live_at == go_live.replace(tzinfo=HELSINKI)


@pytest.mark.parametrize("typed", ["20.1.2027", "20.01.2027", "2027-01-20", "20.1.27"])
def test_article_date_typed_the_finnish_way(editor_client, add_article_url, typed):
    response = save_draft(editor_client, add_article_url, "pvm", date=typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsArticlePage.objects.get(slug="pvm").get_latest_revision_as_object()
    assert page.date == datetime.date(2027, 1, 20)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("date", "huomenna", "Anna päivä muodossa 20.1.2027."),
        ("date", "31.2.2027", "Anna päivä muodossa 20.1.2027."),
        ("go_live_at", "10.2.2027 25.00", "Anna päivä ja kellonaika muodossa 10.2.2027 12.00."),
        ("go_live_at", "ensi viikolla", "Anna päivä ja kellonaika muodossa 10.2.2027 12.00."),
    ],
)
def test_unreadable_dates_are_a_field_error_not_now(
    editor_client, add_article_url, field, typed, message
):
    response = save_draft(editor_client, add_article_url, "virhe", **{field: typed})
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert typed in text  # shown back as typed, for the editor to correct
    assert "Sivua ei voitu luoda, koska lomakkeessa on virheitä" in text
    assert not NewsArticlePage.objects.filter(slug="virhe").exists()


def test_edit_form_shows_finnish_dates_and_the_time_zone(editor_client):
    page = NewsArticlePage.objects.filter(locale__language_code="fi").first()
    page.go_live_at = datetime.datetime(2027, 2, 10, 12, 0, tzinfo=HELSINKI)
    page.save_revision()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)), **HOST)
    text = response.content.decode()
    assert 'value="10.02.2027 12.00"' in text
    assert page.date.strftime('value="%d.%m.%Y"') in text
    assert "Suomen aikaa" in text
    # The picker reads the same format, offers quarter hours and keeps typed text.
    assert '"format": "d.m.Y H.i"' in text
    assert "editorial/datetime.js" in text


def test_event_sessions_take_finnish_times(editor_client):
    from news.models import EventPage

    event = EventPage.objects.filter(locale__language_code="fi").first()
    text = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=(event.pk,)), **HOST
    ).content.decode()
    session = event.sessions.first()
    local = session.start.astimezone(HELSINKI)
    assert local.strftime('value="%d.%m.%Y %H.%M"') in text
    assert text.count("Suomen aikaa") >= event.sessions.count()


def test_picker_script_keeps_typed_text_and_offers_quarter_hours(client):
    from django.contrib.staticfiles import finders

    script = open(finders.find("editorial/datetime.js"), encoding="utf-8").read()
    assert "validateOnBlur = false" in script
    assert "step = 15" in script


def test_project_catalogue_wins_over_wagtails():
    with translation.override("fi"):
        for msgid, finnish in FINNISH.items():
            assert gettext(msgid) == finnish, msgid
        for bad in KNOWN_BAD:
            assert not any(bad in finnish for finnish in FINNISH.values()), bad
    # Swedish and English keep Wagtail's own wording.
    with translation.override("sv"):
        assert gettext("In Moderation") != FINNISH["In Moderation"]


def test_translation_editor_javascript_catalogue_is_finnish(client):
    client.force_login(get_user_model().objects.get(username="kaantaja"))
    response = client.get("/admin/localize/jsi18n/", **HOST)
    assert response.status_code == 200
    text = response.content.decode()
    for msgid, finnish in FINNISH_JS.items():
        assert json.dumps(msgid) in text and json.dumps(finnish) in text, msgid


@pytest.mark.parametrize("username", ["toimittaja", "julkaisija", "kaantaja", "aluetoimittaja"])
def test_dashboard_and_explorer_have_none_of_the_known_bad_strings(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    for url in ("/admin/", "/admin/pages/"):
        text = client.get(url, **HOST, follow=True).content.decode()
        assert bad_strings_in(text) == [], (username, url)


@pytest.mark.parametrize(
    ("url", "package"),
    [("/admin/jsi18n/", "wagtail/admin"), ("/admin/localize/jsi18n/", "wagtail_localize")],
)
def test_every_admin_javascript_string_has_finnish(client, url, package):
    """The admin's scripts (autosave, the translation editor) get Finnish for each of
    their strings: Wagtail's and wagtail-localize's, completed in locale/fi djangojs."""
    import polib
    import wagtail

    client.force_login(get_user_model().objects.get(username="kaantaja"))
    text = client.get(url, **HOST).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", text, re.S).group(1))
    site_packages = Path(wagtail.__file__).parent.parent
    english = polib.pofile(str(site_packages / package / "locale/en/LC_MESSAGES/djangojs.po"))
    keys = [
        f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        for entry in english
        if entry.msgid
    ]
    missing = [key for key in keys if not catalog.get(key)]
    assert not missing, f"No Finnish for {missing}"
