"""A session keeps one identity in every language and across translation syncs.

The demo tour is translated into Swedish and English with wagtail-localize;
an editor edits the Finnish event in the admin and syncs the translations with
wagtail-localize's own "Sync translated pages" form, as the translation
status report's button does.
"""

import icalendar
import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from news.models import EventPage

pytestmark = pytest.mark.django_db

TOUR = "Maakuntien järjestöpäivä -kiertue"


def tour(language):
    finnish = EventPage.objects.get(title=TOUR)
    return EventPage.objects.get(
        translation_key=finnish.translation_key, locale__language_code=language
    )


def ical_uids(client, event):
    response = client.get(f"/feeds/events/{event.pk}.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return {
        str(vevent["summary"]).split(": ")[-1]: str(vevent["uid"])
        for vevent in calendar.walk("VEVENT")
    }


def api_sessions(client, event):
    data = client.get(f"/api/v3/events/{event.pk}/").json()
    return [(s["id"], s["uid"]) for s in data["sessions"]]


def translate_everything(page, language):
    """Every text of the page translated (here: kept as is), as a translator finishes a
    translation, so that a publisher's sync may publish it."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    locale = Locale.objects.get(language_code=language)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": segment.string.data},
        )


def sync_translations(client, source_page, django_capture_on_commit_callbacks):
    """Submit the admin's "Synkronoi käännökset" form with "Julkaise välittömästi"."""
    for language in ("sv", "en"):
        translate_everything(source_page, language)
    source = TranslationSource.objects.get(
        object_id=source_page.translation_key, locale=source_page.locale
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/update/{source.pk}/", {"publish": "on"})
    assert response.status_code == 302, response.content[:500]


def test_every_language_shares_the_session_uids(client):
    uids = {language: ical_uids(client, tour(language)) for language in ("fi", "sv", "en")}
    assert len(uids["fi"]) == 5
    assert set(uids["fi"].values()) == set(uids["sv"].values()) == set(uids["en"].values())
    fi_api = api_sessions(client, tour("fi"))
    sv_api = api_sessions(client, tour("sv"))
    assert [uid for _id, uid in fi_api] == [uid for _id, uid in sv_api]
    assert {_id for _id, _uid in fi_api}.isdisjoint({_id for _id, _uid in sv_api})


def test_sync_keeps_session_ids_and_calendar_uids(client, django_capture_on_commit_callbacks):
    client.force_login(get_user_model().objects.get(username="admin"))
    finnish = tour("fi")
    swedish_before = api_sessions(client, tour("sv"))
    uids_before = set(ical_uids(client, tour("sv")).values())

    # The editor moves the Oulu session to another venue and publishes.
    edited = finnish.get_latest_revision_as_object()
    sessions = list(edited.sessions.all())
    next(s for s in sessions if s.title == "Oulu").venue = "Oulun kaupungintalo"
    edited.sessions = sessions
    with django_capture_on_commit_callbacks(execute=True):
        edited.save_revision().publish()
    sync_translations(client, finnish, django_capture_on_commit_callbacks)

    swedish = tour("sv")
    assert "Oulun kaupungintalo" in [s.venue for s in swedish.sessions.all()]
    assert api_sessions(client, swedish) == swedish_before
    assert set(ical_uids(client, swedish).values()) == uids_before
