"""Kalenteri: scheduled pages and event sessions by month, in the admin.

One month at a time (``?kuukausi=2027-02``), weeks from Monday, in the admin's
language. Each day lists:

- pages scheduled to go live that day: a publisher's approved schedule (a
  revision waiting for its go-live time) or a draft whose go-live time is set
  but not yet approved ("odottaa hyväksyntää");
- the sessions of events (Finnish pages, so that one event is not listed three
  times), a draft event marked as such.

Each entry opens the page's editor. Only pages the user may edit are listed.
"""

import calendar
import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.models import Page, Revision
from wagtail.permissions import policy_registry

from kumppanuus.formatting import format_time, format_time_range
from news.models import EventSession

MONTH_PARAMETER = "kuukausi"


def _month(value, today):
    """The first day of the month ``YYYY-MM`` (this month when missing or malformed)."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)


def _shift(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _bounds(first):
    """Aware start and end (exclusive) of the month in Helsinki."""
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(_shift(first, 1), datetime.time()))
    return start, end


def _editable_ids(user):
    policy = policy_registry.get_by_type(Page)
    return policy.instances_user_has_permission_for(user, "change").values_list("pk", flat=True)


def scheduled_entries(user, start, end):
    """(moment, entry) for the pages scheduled to go live between start and end."""
    editable = _editable_ids(user)
    entries = []
    approved = (
        Revision.page_revisions.filter(approved_go_live_at__gte=start, approved_go_live_at__lt=end)
        .select_related("content_type")
        .order_by("approved_go_live_at")
    )
    pages = Page.objects.filter(
        pk__in=[int(revision.object_id) for revision in approved], id__in=editable
    ).in_bulk()
    for revision in approved:
        page = pages.get(int(revision.object_id))
        if page is not None:
            entries.append((revision.approved_go_live_at, page, _("Ajastettu"), "scheduled"))
    drafts = Page.objects.filter(
        go_live_at__gte=start, go_live_at__lt=end, live=False, id__in=editable
    ).exclude(pk__in=[page.pk for _m, page, _l, _k in entries])
    for page in drafts:
        entries.append((page.go_live_at, page, _("Ajastus odottaa hyväksyntää"), "pending"))
    return [
        (
            moment,
            {
                "kind": kind,
                "label": label,
                "time": format_time(moment),
                "title": page.get_admin_display_title(),
                "locale": page.locale.language_code if hasattr(page, "locale") else "",
                "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            },
        )
        for moment, page, label, kind in entries
    ]


def session_entries(user, start, end):
    """(moment, entry) for the Finnish events' sessions starting between start and end."""
    editable = set(_editable_ids(user))
    sessions = (
        EventSession.objects.filter(
            start__gte=start,
            start__lt=end,
            event__locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("event")
        .order_by("start")
    )
    entries = []
    for session in sessions:
        event = session.event
        if event.pk not in editable:
            continue
        entries.append(
            (
                session.start,
                {
                    "kind": "event" if event.live else "event-draft",
                    "label": _("Tapahtuma") if event.live else _("Tapahtuma (luonnos)"),
                    "time": format_time_range(session.start, session.end),
                    "title": f"{event.title}: {session.title}",
                    "locale": "",
                    "url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
                },
            )
        )
    return entries


def month_weeks(first, entries, today):
    """The month as weeks (Monday first) of day cells with their entries."""
    by_day = {}
    for moment, entry in sorted(entries, key=lambda item: item[0]):
        by_day.setdefault(timezone.localdate(moment), []).append(entry)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "today": day == today,
                    "entries": by_day.get(day, []),
                }
                for day in week
            ]
        )
    return weeks


class CalendarView(TemplateView):
    template_name = "editorial/habits/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        first = _month(self.request.GET.get(MONTH_PARAMETER), today)
        start, end = _bounds(first)
        user = self.request.user
        entries = scheduled_entries(user, start, end) + session_entries(user, start, end)
        month_name = str(MONTHS[first.month]).capitalize()
        context.update(
            {
                "page_title": _("Kalenteri"),
                "header_title": _("Kalenteri: %(month)s %(year)s")
                % {"month": month_name, "year": first.year},
                "header_icon": "calendar",
                "month_name": month_name,
                "year": first.year,
                "weekdays": [WEEKDAYS_ABBR[day] for day in range(7)],
                "weeks": month_weeks(first, entries, today),
                "count": len(entries),
                "previous": _shift(first, -1).strftime("%Y-%m"),
                "next": _shift(first, 1).strftime("%Y-%m"),
                "this_month": today.strftime("%Y-%m"),
                "parameter": MONTH_PARAMETER,
            }
        )
        return context
