"""iCalendar (RFC 5545) files of events: one event, all upcoming, per language or region.

One VEVENT per session, because a tour's sessions are separate occasions in a
subscriber's calendar. Times carry ``TZID=Europe/Helsinki`` with its
VTIMEZONE, so a session at 12.00 in Kuopio stays 12.00 across daylight
saving changes. A session's UID is its identity (``EventSession.uid``),
shared by its Finnish, Swedish and English copies and kept across edits,
republishing and translation syncs; not a URL, which changes when a page is
moved or renamed. Text such as "Ilmoittautuminen" is in the event's language,
whatever the subscriber's client sends as its preferred language. A
cancelled event's sessions are ``STATUS:CANCELLED``, a postponed one's
``TENTATIVE``, so calendars show them as such instead of dropping them.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from kumppanuus.language import current_language
from kumppanuus.listings import prefetched
from news.querysets import event_queryset
from news.scopes import Scope

HELSINKI = ZoneInfo("Europe/Helsinki")
PRODID = "-//Kumppanuus CMS//Tapahtumat//FI"


def uid_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "kumppanuus.invalid"


#: iCalendar STATUS of each event status (RFC 5545 3.8.1.11).
STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def session_uid(session):
    return f"{session.uid}@{uid_domain()}"


def build_calendar(events, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    for event in events:
        with translation.override(event.locale.language_code):
            for component in session_events(event, request):
                calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def session_events(event, request):
    url = event.get_full_url(request)
    sessions = list(event.sessions.all())
    stamp = event.last_published_at or timezone.now()
    for session in sessions:
        vevent = Event()
        vevent.add("uid", session_uid(session))
        vevent.add("dtstamp", stamp)
        vevent.add("last-modified", stamp)
        vevent.add("dtstart", timezone.localtime(session.start, HELSINKI))
        vevent.add("dtend", timezone.localtime(session.end or session.start, HELSINKI))
        summary = event.title if len(sessions) == 1 else f"{event.title}: {session.title}"
        vevent.add("summary", summary)
        vevent.add("status", STATUS[event.event_status])
        location = session.venue or (_("Verkossa") if session.is_online else session.title)
        if location:
            vevent.add("location", location)
        description = [event.lead]
        if event.event_status != "scheduled":
            description.insert(0, event.get_event_status_display().capitalize())
        registration = session.registration_url or event.registration_url
        if registration:
            description.append(_("Ilmoittautuminen: %(url)s") % {"url": registration})
        vevent.add("description", "\n\n".join(part for part in description if part))
        if url:
            vevent.add("url", url)
        keywords = [keyword.name for keyword in prefetched(event, "keywords")]
        if keywords:
            vevent.add("categories", keywords)
        if event.contact is not None and event.contact.is_public and event.contact.email:
            organizer = vCalAddress(f"mailto:{event.contact.email}")
            organizer.params["cn"] = vText(event.organiser or event.contact.name)
            vevent.add("organizer", organizer)
        yield vevent


def ical_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ical(request, page_id):
    """One event: a VEVENT for each of its sessions, past or future."""
    event = get_object_or_404(event_queryset(), pk=page_id)
    calendar = build_calendar([event], request, event.title)
    return ical_response(calendar, f"{event.slug}.ics")


def events_ical(request, language=None, region=None):
    """Subscribable: every event with a session not yet ended, in the scope."""
    scope = Scope.resolve(language=language, region=region)
    events = scope.apply(event_queryset()).filter(ends_at__gte=timezone.now()).order_by("starts_at")
    with translation.override(current_language(language)):
        parts = [settings.WAGTAIL_SITE_NAME, _("tapahtumat")]
        if scope.region is not None:
            parts.append(scope.region.name)
        calendar = build_calendar(events, request, " – ".join(parts))
    return ical_response(calendar, "tapahtumat.ics")
