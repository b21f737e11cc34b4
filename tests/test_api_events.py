"""Events for aggregators: overlap filters, individual sessions, status, price, image."""

import datetime

import icalendar
import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import EventIndexPage, EventPage, EventSession

from .factories import EventPageFactory, helsinki, publish, session

pytestmark = pytest.mark.django_db
TOUR = "Maakuntien järjestöpäivä -kiertue"


@pytest.fixture
def events_index(demo_site):
    return EventIndexPage.objects.get(locale=demo_site.locale, depth=3)


@pytest.fixture
def two_events(events_index):
    """A two-day seminar in Joensuu and a one-evening webinar, in 2031."""
    seminar = EventPageFactory(
        parent=events_index, title="Järjestöseminaari", format="onsite", is_free=False
    )
    seminar.price = "25.00"
    seminar.sessions = [
        session("Joensuu", helsinki(2031, 5, 12, 9), helsinki(2031, 5, 12, 16), venue="Carelicum"),
        session("Joensuu", helsinki(2031, 5, 13, 9), helsinki(2031, 5, 13, 12), venue="Carelicum"),
    ]
    webinar = EventPageFactory(parent=events_index, title="Iltawebinaari", format="online")
    webinar.sessions = [
        session("Verkossa", helsinki(2031, 5, 12, 18), helsinki(2031, 5, 12, 19), is_online=True)
    ]
    return publish(seminar), publish(webinar)


def titles(data):
    return [item["title"] for item in data["items"]]


def test_what_is_on_the_6th_of_april_2020(client):
    events = client.get("/api/v3/events/", {"on": "2020-04-06", "locale": "fi"}).json()
    assert titles(events) == [TOUR]
    # starts_after/ends_before only match whole events: the tour began in March.
    whole = client.get(
        "/api/v3/events/", {"starts_after": "2020-04-06", "ends_before": "2020-04-07"}
    ).json()
    assert whole["count"] == 0
    sessions = client.get("/api/v3/sessions/", {"on": "2020-04-06", "locale": "fi"}).json()
    assert [(s["title"], s["start"]) for s in sessions["items"]] == [
        ("Oulu", "2020-04-06T12:00:00+03:00")
    ]
    assert sessions["items"][0]["event"]["title"] == TOUR
    assert client.get("/api/v3/sessions/", {"on": "2020-04-05"}).json()["count"] == 0


def test_overlap_window(client, two_events):
    seminar, webinar = two_events
    evening = {"overlaps_from": "2031-05-12T17:00", "overlaps_to": "2031-05-12T20:00"}
    assert titles(client.get("/api/v3/events/", evening).json()) == ["Iltawebinaari"]
    morning = {"overlaps_from": "2031-05-13T11:00", "overlaps_to": "2031-05-14"}
    assert titles(client.get("/api/v3/events/", morning).json()) == ["Järjestöseminaari"]
    day = client.get("/api/v3/events/", {"on": "2031-05-12"}).json()
    assert set(titles(day)) == {"Järjestöseminaari", "Iltawebinaari"}
    # A session that ended exactly when the window opens does not overlap it.
    after = client.get("/api/v3/events/", {"overlaps_from": "2031-05-13T12:00"}).json()
    assert "Järjestöseminaari" not in titles(after)


def test_sessions_across_events_and_their_filters(client, two_events):
    seminar, webinar = two_events
    day = client.get("/api/v3/sessions/", {"on": "2031-05-12"}).json()
    assert [(s["title"], s["event"]["title"]) for s in day["items"]] == [
        ("Joensuu", "Järjestöseminaari"),
        ("Verkossa", "Iltawebinaari"),
    ]
    first = day["items"][0]
    assert first["id"] == EventSession.objects.filter(event=seminar).order_by("start")[0].pk
    assert first["event"]["meta"]["detail_url"].endswith(f"/api/v3/events/{seminar.pk}/")
    assert (first["event"]["is_free"], first["event"]["price"]) == (False, "25.00")
    window = {"overlaps_from": "2031-05-01", "overlaps_to": "2031-06-01"}
    assert client.get("/api/v3/sessions/", {**window, "city": "joensuu"}).json()["count"] == 2
    assert client.get("/api/v3/sessions/", {**window, "city": "carelicum"}).json()["count"] == 2
    online = client.get("/api/v3/sessions/", {**window, "format": "online"}).json()
    assert titles(online) == ["Verkossa"]
    assert client.get("/api/v3/sessions/", {**window, "region": "lappi"}).json()["count"] == 0
    assert client.get("/api/v3/sessions/", {**window, "keyword": "ei-ole"}).json()["count"] == 0


def test_sessions_by_region_and_keyword(client):
    tour = EventPage.objects.get(title=TOUR)
    region = tour.regions.first()
    keyword = tour.keywords.first()
    by_region = client.get("/api/v3/sessions/", {"region": region.code, "locale": "fi"}).json()
    assert by_region["count"] == 5
    by_keyword = client.get("/api/v3/sessions/", {"keyword": keyword.slug, "locale": "fi"}).json()
    assert {s["event"]["id"] for s in by_keyword["items"]} >= {tour.pk}


def test_session_filters_reject_bad_values(client):
    assert client.get("/api/v3/sessions/", {"on": "2020-02-30"}).status_code == 422
    bad_window = {"overlaps_from": "2031-05-13", "overlaps_to": "2031-05-12"}
    assert client.get("/api/v3/sessions/", bad_window).status_code == 422
    both = {"on": "2031-05-13", "overlaps_from": "2031-05-12"}
    assert client.get("/api/v3/events/", both).status_code == 422
    assert client.get("/api/v3/sessions/", {"region": "atlantis"}).status_code == 422
    assert client.get("/api/v3/sessions/", {"format": "teleport"}).status_code == 422


def test_cancelled_event_everywhere(client, two_events):
    seminar, _webinar = two_events
    seminar.event_status = "cancelled"
    publish(seminar)
    api = client.get(f"/api/v3/events/{seminar.pk}/").json()
    assert api["event_status"] == "cancelled"
    assert api["json_ld"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert {sub["eventStatus"] for sub in api["json_ld"]["subEvent"]} == {
        "https://schema.org/EventCancelled"
    }
    page = client.get(seminar.url).content.decode()
    assert "Tapahtuman tila: Peruttu" in page
    assert "EventCancelled" in page
    calendar = icalendar.Calendar.from_ical(client.get(api["ical_url"]).content)
    assert {str(v["status"]) for v in calendar.walk("VEVENT")} == {"CANCELLED"}
    listing = client.get("/api/v3/sessions/", {"on": "2031-05-12"}).json()
    assert listing["items"][0]["event"]["event_status"] == "cancelled"


@pytest.mark.parametrize(
    ("status", "schema_org", "ical"),
    [
        ("postponed", "EventPostponed", "TENTATIVE"),
        ("moved_online", "EventMovedOnline", "CONFIRMED"),
        ("rescheduled", "EventRescheduled", "CONFIRMED"),
        ("scheduled", "EventScheduled", "CONFIRMED"),
    ],
)
def test_every_status(client, two_events, status, schema_org, ical):
    seminar, _webinar = two_events
    seminar.event_status = status
    publish(seminar)
    api = client.get(f"/api/v3/events/{seminar.pk}/").json()
    assert api["event_status"] == status
    assert api["json_ld"]["eventStatus"] == f"https://schema.org/{schema_org}"
    calendar = icalendar.Calendar.from_ical(client.get(api["ical_url"]).content)
    assert {str(v["status"]) for v in calendar.walk("VEVENT")} == {ical}


def test_price_in_the_api_page_and_offers(client, two_events):
    seminar, webinar = two_events
    paid = client.get(f"/api/v3/events/{seminar.pk}/").json()
    assert (paid["is_free"], paid["price"]) == (False, "25.00")
    assert paid["json_ld"]["offers"]["price"] == "25.00"
    assert paid["json_ld"]["offers"]["priceCurrency"] == "EUR"
    assert "25,00 €" in client.get(seminar.url).content.decode()
    free = client.get(f"/api/v3/events/{webinar.pk}/").json()
    assert (free["is_free"], free["price"]) == (True, None)
    assert free["json_ld"]["offers"]["price"] == "0"
    assert "Maksuton" in client.get(webinar.url).content.decode()


def test_a_free_event_cannot_have_a_price(two_events):
    seminar, _webinar = two_events
    seminar.is_free = True
    with pytest.raises(ValidationError) as error:
        seminar.clean()
    assert "price" in error.value.message_dict


def test_event_image_in_the_api(client, events_index, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    image = wagtail_factories.ImageFactory(
        title="Seminaarisali", file__width=1600, file__height=900
    )
    image.description = "Täysi seminaarisali Joensuussa"
    image.save()
    event = EventPageFactory(parent=events_index, title="Kuvallinen tapahtuma", image=image)
    event.sessions = [session("Joensuu", helsinki(2031, 6, 1, 9), helsinki(2031, 6, 1, 12))]
    publish(event)
    data = client.get(f"/api/v3/events/{event.pk}/").json()
    assert data["image"]["alt"] == "Täysi seminaarisali Joensuussa"
    assert (data["image"]["width"], data["image"]["height"]) == (1600, 900)
    assert data["seo"]["og_image"]["width"] == 1200
    listed = client.get("/api/v3/events/", {"search": "Kuvallinen", "fields": "image"}).json()
    assert listed["items"][0]["image"]["renditions"]["thumbnail"]["width"] == 400
    assert len(data["json_ld"]["image"]) == 3


def test_upcoming_sessions_are_soonest_first(client, two_events):
    upcoming = client.get("/api/v3/sessions/", {"upcoming": "true"}).json()
    starts = [item["start"] for item in upcoming["items"]]
    assert starts == sorted(starts)
    assert all(
        datetime.datetime.fromisoformat(item["end"]) >= datetime.datetime.now(datetime.UTC)
        for item in upcoming["items"]
    )


@pytest.mark.parametrize(
    "params",
    [
        {"on": "0001-01-01"},
        {"on": "9999-12-31"},
        {"overlaps_from": "0001-01-01T00:00"},
        {"starts_after": "0001-01-01"},
        {"updated_after": "0001-01-01"},
    ],
)
def test_dates_out_of_range_are_422_not_500(client, params):
    response = client.get("/api/v3/events/", params)
    assert response.status_code == 422, params
    assert response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v3/sessions/", {"on": "0001-01-01"}).status_code == 422
    assert client.get("/api/v3/changes/", {"since": "0001-01-01"}).status_code == 422


def test_a_sessions_list_costs_the_same_queries_for_few_or_many(client, two_events):
    counts = []
    # A service that has answered once holds Wagtail's site root paths in its cache.
    assert client.get("/api/v3/sessions/", {"limit": 1}).status_code == 200
    for limit in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            data = client.get("/api/v3/sessions/", {"limit": limit}).json()
        assert len(data["items"]) == min(limit, data["count"])
        counts.append(len(queries))
    assert data["count"] > 2
    assert counts[0] == counts[1]
