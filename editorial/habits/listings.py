"""Flat admin listings of news and events with their dates as columns.

The page explorer shows only "Päivitetty" (when someone last saved): an editor
looking for last week's article or next month's event wants the publication
date and the event's date span, sortable. "Uutiset" and "Tapahtumat" in the
admin menu list every article and event the user may edit, in every language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from kumppanuus.formatting import format_date, format_date_span, format_datetime
from news.models import EventPage, NewsArticlePage


class FormattedColumn(Column):
    """A column whose cell is ``formatter(instance)`` (Finnish dates, not "3 days ago")."""

    def __init__(self, name, formatter, **kwargs):
        self.formatter = formatter
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return self.formatter(instance) or "–"


def _go_live(page):
    """A future go-live time: "Ajastettu 10.2.2027 klo 12.00"."""
    if page.go_live_at and not page.live:
        return _("Ajastettu %(time)s") % {"time": format_datetime(page.go_live_at)}
    return ""


class DatedListingViewSet(PageListingViewSet):
    """Wagtail's page listing with the type's own date column and the pending schedule
    after the title and status columns."""

    add_to_admin_menu = True

    def date_column(self):
        raise NotImplementedError

    @property
    def columns(self):
        base = list(super().columns)
        return [
            *base[:2],
            self.date_column(),
            FormattedColumn("go_live_at", _go_live, label=_("Ajastus"), sort_key="go_live_at"),
            *base[2:],
        ]


class NewsListingViewSet(DatedListingViewSet):
    model = NewsArticlePage
    icon = "doc-full"
    menu_label = _("Uutiset")
    menu_order = 110

    def date_column(self):
        return FormattedColumn(
            "date",
            lambda page: format_date(page.date),
            label=_("Julkaisupäivä"),
            sort_key="date",
            width="12%",
        )


class EventListingViewSet(DatedListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = _("Tapahtumat")
    menu_order = 120

    def date_column(self):
        return FormattedColumn(
            "starts_at",
            lambda page: format_date_span(page.starts_at, page.ends_at) if page.starts_at else "",
            label=_("Tapahtuman päivä"),
            sort_key="starts_at",
            width="16%",
        )
