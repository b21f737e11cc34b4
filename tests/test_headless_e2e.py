"""Two consumers end to end, through HTTP and the site's own commands only.

A frontend (a Next.js or Astro site): it resolves a Swedish path, previews an
editor's draft with a preview token, is told by a signed webhook at its own
(loopback) receiver when the draft is published, and finds the publish in the
change feed. An aggregator: it asks what is on one day across events, sees a
cancelled event as cancelled in the API and in iCalendar, and keeps the same
calendar UIDs after the translations are synced.
"""

import io
import json

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import APIToken

from news.models import EventIndexPage

from .factories import EventPageFactory, helsinki, publish, session
from .receiver import receiver, valid_signature
from .test_session_identity import api_sessions, ical_uids, sync_translations, tour

pytestmark = pytest.mark.django_db
SECRET = "frontendin-salaisuus"


def bearer(username):
    user = get_user_model().objects.get(username=username)
    _token, plaintext = APIToken.create_token(user=user, name="e2e")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_a_frontend_resolves_previews_hears_of_the_publish_and_syncs(
    client, django_capture_on_commit_callbacks
):
    swedish = tour("sv")
    path = swedish.url
    assert path.startswith("/sv/evenemang/")

    # 1. The frontend's catch-all route resolves the Swedish path (no trailing slash).
    live = client.get("/api/v3/resolve/", {"path": path.rstrip("/")}).json()
    assert (live["id"], live["meta"]["type"], live["meta"]["locale"]) == (
        swedish.pk,
        "news.EventPage",
        "sv",
    )
    old_title = live["title"]

    # 2. An editor saves a draft; the frontend's preview build gets a token for it.
    draft = swedish.get_latest_revision_as_object()
    draft.title = "Turnén: ny rubrik"
    draft.save_revision(user=get_user_model().objects.get(username="toimittaja"))
    grant = client.post(
        "/api/v3/preview-tokens/",
        data=json.dumps({"page_id": swedish.pk}),
        content_type="application/json",
        **bearer("toimittaja"),
    ).json()
    preview = client.get("/api/v3/resolve/", {"path": path, "preview_token": grant["token"]})
    assert preview.json()["title"] == "Turnén: ny rubrik"
    assert preview.json()["meta"]["preview"] is True
    assert client.get("/api/v3/resolve/", {"path": path}).json()["title"] == old_title

    with receiver() as frontend:
        out = io.StringIO()
        call_command("webhooks", "add", frontend.url, "--secret", SECRET, stdout=out)
        since = timezone.now()

        # 3. A publisher publishes it (v3's publish action); the scheduled job sends the webhook.
        with django_capture_on_commit_callbacks(execute=True):
            published = client.post(
                f"/api/v3/pages/{swedish.pk}/actions/publish/", **bearer("julkaisija")
            )
        assert published.status_code == 200, published.content
        assert frontend.requests == []  # the publish did not wait for the receiver
        call_command("send_webhooks", stdout=out)

    (request,) = frontend.requests
    assert valid_signature(SECRET, request)
    (payload,) = frontend.payloads
    assert payload["event"] == "translation.published"
    assert (payload["page_id"], payload["locale"], payload["new_path"]) == (swedish.pk, "sv", path)
    assert client.get(payload["api_url"]).json()["title"] == "Turnén: ny rubrik"

    # 4. The change feed shows the publish, and the page resolves to the new version.
    changes = client.get("/api/v3/changes/", {"since": since.isoformat()}).json()
    (change,) = [item for item in changes["items"] if item["page_id"] == swedish.pk]
    assert (change["kind"], change["path"], change["locale"]) == ("updated", path, "sv")
    assert client.get(change["detail_url"]).json()["title"] == "Turnén: ny rubrik"
    assert client.get("/api/v3/resolve/", {"path": path}).json()["title"] == "Turnén: ny rubrik"


def test_an_aggregator_lists_one_day_sees_a_cancellation_and_keeps_uids_across_a_sync(
    client, demo_site, django_capture_on_commit_callbacks
):
    events = EventIndexPage.objects.get(locale=demo_site.locale, depth=3)
    morning = EventPageFactory(parent=events, title="Aamupäivän työpaja", format="onsite")
    morning.sessions = [session("Kuopio", helsinki(2031, 9, 3, 9), helsinki(2031, 9, 3, 11))]
    evening = EventPageFactory(parent=events, title="Iltaseminaari", format="hybrid")
    evening.sessions = [
        session("Tampere", helsinki(2031, 9, 2, 17), helsinki(2031, 9, 2, 19)),
        session("Tampere", helsinki(2031, 9, 3, 17), helsinki(2031, 9, 3, 19)),
    ]
    publish(morning)
    publish(evening)

    # 1. Sessions on one day, across events.
    day = client.get("/api/v3/sessions/", {"on": "2031-09-03"}).json()
    assert [(s["event"]["title"], s["start"]) for s in day["items"]] == [
        ("Aamupäivän työpaja", "2031-09-03T09:00:00+03:00"),
        ("Iltaseminaari", "2031-09-03T17:00:00+03:00"),
    ]

    # 2. The seminar is cancelled: the API, its JSON-LD and its calendar say so.
    evening.event_status = "cancelled"
    publish(evening)
    detail = client.get(f"/api/v3/events/{evening.pk}/").json()
    assert detail["event_status"] == "cancelled"
    assert detail["json_ld"]["eventStatus"] == "https://schema.org/EventCancelled"
    ics = client.get(detail["ical_url"]).content.decode()
    assert ics.count("STATUS:CANCELLED") == 2
    day = client.get("/api/v3/sessions/", {"on": "2031-09-03"}).json()
    assert [s["event"]["event_status"] for s in day["items"]] == ["scheduled", "cancelled"]

    # 3. The tour's calendars keep their UIDs (and the API its session ids) across a sync,
    # in every language; a Swedish calendar speaks Swedish whatever the client asks for.
    before = {language: ical_uids(client, tour(language)) for language in ("fi", "sv", "en")}
    sessions_before = api_sessions(client, tour("sv"))
    client.force_login(get_user_model().objects.get(username="admin"))
    finnish = tour("fi")
    edited = finnish.get_latest_revision_as_object()
    sessions = list(edited.sessions.all())
    sessions[0].venue = "Kuopion musiikkikeskus"  # the first session moves to a new venue
    edited.sessions = sessions
    with django_capture_on_commit_callbacks(execute=True):
        edited.save_revision().publish()
    sync_translations(client, finnish, django_capture_on_commit_callbacks)
    client.logout()
    assert "Kuopion musiikkikeskus" in [s.venue for s in tour("sv").sessions.all()]
    after = {language: ical_uids(client, tour(language)) for language in ("fi", "sv", "en")}
    assert after == before
    assert set(after["fi"].values()) == set(after["sv"].values()) == set(after["en"].values())
    assert api_sessions(client, tour("sv")) == sessions_before
    swedish_ics = client.get(f"/feeds/events/{tour('sv').pk}.ics", HTTP_ACCEPT_LANGUAGE="fi")
    calendar = icalendar.Calendar.from_ical(swedish_ics.content)
    descriptions = " ".join(str(v["description"]) for v in calendar.walk("VEVENT"))
    assert "Anmälan:" in descriptions and "Ilmoittautuminen" not in descriptions
