"""iCalendar files parse with the `icalendar` library and hold the right sessions."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from news.models import EventPage

from .factories import EventPageFactory, helsinki, publish, session

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return [c for c in calendar.walk("VEVENT")]


def test_seed_tour_is_five_events_at_local_times(client, demo_site):
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    calendar = parse(client, f"/feeds/events/{tour.pk}.ics")
    events = vevents(calendar)
    assert len(events) == 5
    local = [
        (e.decoded("dtstart").replace(tzinfo=None), e.decoded("dtend").replace(tzinfo=None))
        for e in events
    ]
    assert local == [
        (datetime.datetime(2020, 3, 23, 12, 0), datetime.datetime(2020, 3, 23, 14, 30)),
        (datetime.datetime(2020, 3, 24, 9, 0), datetime.datetime(2020, 3, 24, 11, 30)),
        (datetime.datetime(2020, 4, 6, 12, 0), datetime.datetime(2020, 4, 6, 14, 30)),
        (datetime.datetime(2020, 4, 27, 12, 0), datetime.datetime(2020, 4, 27, 14, 30)),
        (datetime.datetime(2020, 4, 28, 9, 0), datetime.datetime(2020, 4, 28, 11, 30)),
    ]
    for event in events:
        assert event["dtstart"].params["TZID"] == "Europe/Helsinki"
        assert str(event.decoded("dtstart").tzinfo) == "Europe/Helsinki"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/Helsinki"]
    # March 23 is winter time (+02:00), April 6 summer time (+03:00)
    assert events[0].decoded("dtstart").utcoffset() == datetime.timedelta(hours=2)
    assert events[2].decoded("dtstart").utcoffset() == datetime.timedelta(hours=3)
    assert [str(e["summary"]).split(": ")[-1] for e in events] == [
        "Kuopio",
        "Tampere",
        "Oulu",
        "Helsinki",
        "Turku",
    ]


def test_uids_are_stable_unique_and_not_urls(client, demo_site):
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    first = [str(e["uid"]) for e in vevents(parse(client, f"/feeds/events/{tour.pk}.ics"))]
    publish(EventPage.objects.get(pk=tour.pk))  # republishing must not change them
    second = [str(e["uid"]) for e in vevents(parse(client, f"/feeds/events/{tour.pk}.ics"))]
    assert first == second
    assert len(set(first)) == 5
    assert not any(uid.startswith(("http:", "https:")) for uid in first)


def test_upcoming_calendar_lists_only_upcoming_visible_events(client, demo_site):
    index = demo_site.get_children().get(slug="tapahtumat").specific
    soon = timezone.localdate() + datetime.timedelta(days=3)
    upcoming = EventPageFactory.build(title="Tuleva koulutus")
    upcoming.sessions = [
        session(
            "Kajaani",
            helsinki(soon.year, soon.month, soon.day, 10),
            helsinki(soon.year, soon.month, soon.day, 12),
        )
    ]
    index.add_child(instance=upcoming)
    publish(upcoming)
    draft = EventPageFactory.build(title="Luonnostapahtuma", live=False)
    draft.sessions = [
        session(
            "Kajaani",
            helsinki(soon.year, soon.month, soon.day, 10),
            helsinki(soon.year, soon.month, soon.day, 12),
        )
    ]
    index.add_child(instance=draft)

    calendar = parse(client, "/feeds/fi/events.ics")
    urls = {str(e["url"]) for e in vevents(calendar)}
    expected = EventPage.objects.live().public()
    expected = expected.filter(ends_at__gte=timezone.now(), locale__language_code="fi")
    assert urls == {e.get_full_url() for e in expected}
    assert upcoming.get_full_url() in urls
    assert draft.get_full_url() not in urls
    tour = EventPage.objects.get(title="Maakuntien järjestöpäivä -kiertue")
    assert tour.get_full_url() not in urls  # past
    assert parse(client, "/feeds/events.ics")  # all languages parses too
    assert client.get(f"/feeds/events/{draft.pk}.ics").status_code == 404


def test_region_calendar(client, demo_site):
    calendar = parse(client, "/feeds/fi/regions/pohjois-karjala/events.ics")
    titles = {str(e["summary"]) for e in vevents(calendar)}
    assert any(title.startswith("Esimerkkitapahtuma") for title in titles)
    empty = parse(client, "/feeds/fi/regions/lappi/events.ics")
    assert vevents(empty) == []
    assert client.get("/feeds/fi/regions/atlantis/events.ics").status_code == 404
