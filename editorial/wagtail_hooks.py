"""Admin hooks of the editorial app.

The translation work (status report, translators' dashboard, translation
editor, publish together) registers its hooks in editorial/translations/hooks.py;
the review feedback (change requests, comparisons) in editorial/review/hooks.py.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import admin_ui  # noqa: F401,E402 (registers them)
from editorial.habits.calendar import CalendarView
from editorial.habits.listings import EventListingViewSet, NewsListingViewSet
from editorial.habits.scheduling import SchedulePublishingMenuItem
from editorial.review import hooks as review_hooks  # noqa: F401 (registers them)
from editorial.translations import hooks as translation_hooks  # noqa: F401 (registers them)


@hooks.register("register_page_action_menu_item")
def register_schedule_menu_item():
    return SchedulePublishingMenuItem(order=25)


@hooks.register("register_admin_urls")
def register_calendar_url():
    return [path("kalenteri/", CalendarView.as_view(), name="editorial_calendar")]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return MenuItem(
        _("Kalenteri"),
        reverse("editorial_calendar"),
        name="kalenteri",
        icon_name="calendar",
        order=130,
    )


@hooks.register("register_admin_viewset")
def register_dated_listings():
    return [NewsListingViewSet("uutiset"), EventListingViewSet("tapahtumat")]
